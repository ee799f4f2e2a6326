import { count, findMany } from '../../lib/db/read.js';
import DataLoader from 'dataloader';
import { builder } from '../../builder.js';
import type { Db } from '../../lib/db/client.js';
import type { Prisma } from '../../generated/prisma/client.js';
import {
  EstadoOfertaCapacitacion,
  EstadoPromocionServiciosTecnologicos,
  EstadoSolicitudDirigida,
  TipoRecursoPromocion,
  TipoSolicitudDirigida,
} from '../../generated/prisma/enums.js';
import { loadReadable } from '../../lib/auth/relations.js';
import { listWhere, orderInput, unitFilter } from '../../lib/pagination.js';
import { workflowRecordFields } from '../../lib/workflow/fields.js';
import { FinDestinatarioEnum } from '../normatividad/types.js';
import { readableCatalogosServicios, readableOfertasCapacitacion, readablePromociones, readableSolicitudesDirigidas } from './rules.js';
import {
  catalogoServiciosWorkflow,
  ofertaCapacitacionWorkflow,
  promocionServiciosTecnologicosWorkflow,
  solicitudDirigidaWorkflow,
} from './workflow.js';

export const TipoSolicitudDirigidaEnum = builder.enumType(TipoSolicitudDirigida, { name: 'TipoSolicitudDirigida' });
export const TipoRecursoPromocionEnum = builder.enumType(TipoRecursoPromocion, { name: 'TipoRecursoPromocion' });
const EstadoPromocionEnum = builder.enumType(EstadoPromocionServiciosTecnologicos, {
  name: 'EstadoPromocionServiciosTecnologicos',
  description: 'State of a promotion round of the technological services (7081-MP-SI 8.1.5; see `workflows`).',
});
const EstadoSolicitudEnum = builder.enumType(EstadoSolicitudDirigida, {
  name: 'EstadoSolicitudDirigida',
  description: 'State of an addressed request: ENVIADA, RECIBIDA by the addressee, ATENDIDA with its answer.',
});
const EstadoOfertaEnum = builder.enumType(EstadoOfertaCapacitacion, {
  name: 'EstadoOfertaCapacitacion',
  description: 'State of the training offer (Pd-02-It-05): EN_PREPARACION, then DIFUNDIDA to the state offices.',
});

builder.prismaObject('PromocionServiciosTecnologicosDestinatario', {
  description: 'A CAST asked for its updated information (step 2).',
  fields: (t) => ({ unit: t.relation('unit'), fin: t.expose('fin', { type: FinDestinatarioEnum }) }),
});
builder.prismaObject('SolicitudDirigidaDestinatario', {
  description: 'The area a request is addressed to.',
  fields: (t) => ({ unit: t.relation('unit'), fin: t.expose('fin', { type: FinDestinatarioEnum }) }),
});
builder.prismaObject('OfertaCapacitacionDestinatario', {
  description: 'A state office the training offer was disseminated to (step 5).',
  fields: (t) => ({ unit: t.relation('unit'), fin: t.expose('fin', { type: FinDestinatarioEnum }) }),
});
const byUnitCode = { orderBy: [{ fin: 'asc' as const }, { unit: { code: 'asc' as const } }] };

// ---- PromocionServiciosTecnologicos --------------------------------------------------

export const PromocionServiciosTecnologicosRef = builder.prismaNode('PromocionServiciosTecnologicos', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readablePromociones(ctx.viewer)] }),
  description: 'A round of updating and promoting the technological services of the CAST (7081-MP-SI 8.1.5), one per year.',
  fields: (t) => ({
    anio: t.exposeInt('anio'),
    instruccion: t.exposeString('instruccion', { description: "The DSTC's instruction (step 1)." }),
    compilacion: t.exposeString('compilacion', { nullable: true, description: "The CST's compiled update (step 4)." }),
    verificacion: t.exposeString('verificacion', { nullable: true, description: 'What the CST verified (step 7).' }),
    estado: t.expose('estado', { type: EstadoPromocionEnum }),
    unit: t.relation('unit', { description: 'The owning unit (the DSTC).' }),
    destinatarios: t.relation('destinatarios', { description: 'The CAST asked (step 2), by unit code.', query: byUnitCode }),
    catalogosServicios: t.relation('catalogosServicios', {
      description: 'The catalogue editions the CAST sent for this round (step 3) that the viewer may see, by CAST and edition.',
      query: (_a, ctx) => ({ where: readableCatalogosServicios(ctx.viewer), orderBy: [{ unit: { code: 'asc' } }, { edicion: 'asc' }] }),
    }),
    solicitudesDirigidas: t.relation('solicitudesDirigidas', {
      description: 'The requests to the DVS and the DCTA (step 6) that the viewer may see, oldest first.',
      query: (_a, ctx) => ({ where: readableSolicitudesDirigidas(ctx.viewer), orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    }),
    // WARNING: reads the round's answered portal request without the request's own read filter, to tell
    // whoever reads the round (the CAST asked) where and when its catalogue was published: the URL and
    // date only, which the DCTA made public on the portal.
    publicacion: t.field({
      type: PublicacionRef,
      nullable: true,
      description: 'Where and when the DCTA published the updated catalogue on the portal (step 6 B); null until then.',
      resolve: (p, _a, ctx) => ctx.loader(createPublicacionLoader).load(p.id),
    }),
    createdByName: t.string({ select: { createdBy: { select: { fullName: true } } }, resolve: (p) => p.createdBy.fullName }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});
/** The latest answered portal request of each round, for all rounds of a response in one statement. */
function createPublicacionLoader(db: Db) {
  return new DataLoader<string, { url: string; fecha: Date } | null>(async (ids) => {
    const rows = await db.solicitudDirigida.findMany({
      where: {
        promocionServiciosTecnologicosId: { in: [...ids] },
        tipo: 'PUBLICACION_PORTAL',
        estado: 'ATENDIDA',
        urlRespuesta: { not: null },
      },
      select: { promocionServiciosTecnologicosId: true, urlRespuesta: true, atendidaAt: true },
      orderBy: [{ atendidaAt: 'desc' }, { id: 'desc' }],
    });
    const first = new Map<string, { url: string; fecha: Date }>();
    for (const r of rows) {
      if (r.promocionServiciosTecnologicosId && r.urlRespuesta && r.atendidaAt && !first.has(r.promocionServiciosTecnologicosId))
        first.set(r.promocionServiciosTecnologicosId, { url: r.urlRespuesta, fecha: r.atendidaAt });
    }
    return ids.map((id) => first.get(id) ?? null);
  });
}

const PublicacionRef = builder.objectRef<{ url: string; fecha: Date }>('PublicacionPortal').implement({
  description: 'A publication on the CONALEP portal.',
  fields: (t) => ({ url: t.exposeString('url'), fecha: t.expose('fecha', { type: 'DateTime' }) }),
});
workflowRecordFields(promocionServiciosTecnologicosWorkflow);

// ---- CatalogoServicios -----------------------------------------------------------------

builder.prismaNode('CatalogoServicios', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableCatalogosServicios(ctx.viewer)] }),
  description: "One edition of a CAST's catalogue of technological services (8.1.5 step 3); editions are numbered per CAST.",
  fields: (t) => ({
    edicion: t.exposeInt('edicion', { description: "1 for the CAST's first catalogue, then one more per update." }),
    unit: t.relation('unit', { description: 'The CAST.' }),
    servicios: t.relation('servicios', { description: 'The services, in the order given.', query: { orderBy: { orden: 'asc' } } }),
    promocionServiciosTecnologicos: t.prismaField({
      type: 'PromocionServiciosTecnologicos',
      nullable: true,
      description: "The round it was sent for (its `publicacion` tells where it was published); null outside the viewer's scope.",
      resolve: (query, c, _a, ctx) =>
        loadReadable(ctx, 'promocionServiciosTecnologicos', c.promocionServiciosTecnologicosId, readablePromociones(ctx.viewer), query),
    }),
    createdByName: t.string({ select: { createdBy: { select: { fullName: true } } }, resolve: (c) => c.createdBy.fullName }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(catalogoServiciosWorkflow);

builder.prismaObject('ServicioTecnologico', {
  description: 'A technological service of a catalogue edition.',
  fields: (t) => ({ nombre: t.exposeString('nombre'), descripcion: t.exposeString('descripcion') }),
});

// ---- SolicitudDirigida -------------------------------------------------------------------

builder.prismaNode('SolicitudDirigida', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableSolicitudesDirigidas(ctx.viewer)] }),
  description: 'An addressed request: one unit asks another to act (8.1.5 step 6); the addressee receives and answers it.',
  fields: (t) => ({
    tipo: t.expose('tipo', { type: TipoSolicitudDirigidaEnum }),
    asunto: t.exposeString('asunto'),
    respuesta: t.exposeString('respuesta', { nullable: true }),
    urlRespuesta: t.exposeString('urlRespuesta', {
      nullable: true,
      description: 'The material, or the portal page where the catalogue is.',
    }),
    atendidaAt: t.expose('atendidaAt', { type: 'DateTime', nullable: true }),
    estado: t.expose('estado', { type: EstadoSolicitudEnum }),
    unit: t.relation('unit', { description: 'The requesting unit.' }),
    destinatarios: t.relation('destinatarios', { description: 'The area asked.', query: byUnitCode }),
    promocionServiciosTecnologicos: t.prismaField({
      type: 'PromocionServiciosTecnologicos',
      nullable: true,
      description: "The promotion round it serves; null outside the viewer's scope.",
      resolve: (query, s, _a, ctx) =>
        loadReadable(ctx, 'promocionServiciosTecnologicos', s.promocionServiciosTecnologicosId, readablePromociones(ctx.viewer), query),
    }),
    createdByName: t.string({ select: { createdBy: { select: { fullName: true } } }, resolve: (s) => s.createdBy.fullName }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(solicitudDirigidaWorkflow);

// ---- OfertaCapacitacion -------------------------------------------------------------------

builder.prismaNode('OfertaCapacitacion', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableOfertasCapacitacion(ctx.viewer)] }),
  description:
    "The year's national training offer and its promotion (7081-MP-SI Pd-02-It-05 steps 3-5); the state offices read it once disseminated.",
  fields: (t) => ({
    anio: t.exposeInt('anio'),
    descripcion: t.exposeString('descripcion'),
    micrositioUrl: t.exposeString('micrositioUrl', { nullable: true, description: 'The offer on the institutional portal (step 3).' }),
    estado: t.expose('estado', { type: EstadoOfertaEnum }),
    unit: t.relation('unit', { description: 'The owning unit (the CSC).' }),
    recursos: t.relation('recursos', {
      description: 'Projects, resources and inputs for its promotion (step 4), in the order recorded.',
      query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    }),
    destinatarios: t.relation('destinatarios', {
      description: 'The state offices it was disseminated to (step 5), by unit code.',
      query: byUnitCode,
    }),
    createdByName: t.string({ select: { createdBy: { select: { fullName: true } } }, resolve: (o) => o.createdBy.fullName }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(ofertaCapacitacionWorkflow);

builder.prismaObject('RecursoPromocion', {
  description: 'A project, resource or input for promoting the training offer (step 4).',
  fields: (t) => ({
    id: t.exposeID('id'),
    tipo: t.expose('tipo', { type: TipoRecursoPromocionEnum }),
    descripcion: t.exposeString('descripcion'),
    url: t.exposeString('url', { nullable: true }),
  }),
});

// ---- root lists ------------------------------------------------------------------------------

const PromocionFilter = builder.inputType('PromocionServiciosTecnologicosFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: 'Owned by this unit or a unit below it.' }),
    unitId: t.globalID({ required: false, description: 'Owned by exactly this unit.' }),
    estado: t.field({ type: [EstadoPromocionEnum], required: false, description: 'Any of these states.' }),
    anio: t.int({ required: false }),
  }),
});
const PromocionOrder = orderInput('PromocionServiciosTecnologicos', ['createdAt', 'updatedAt', 'anio', 'estado'] as const, 'createdAt');
const promocionWhere = listWhere(async ({ filter }: { filter?: typeof PromocionFilter.$inferInput | null }, ctx) => ({
  AND: [
    readablePromociones(ctx.viewer),
    await unitFilter(ctx, filter),
    filter?.estado?.length ? { estado: { in: filter.estado } } : {},
    filter?.anio != null ? { anio: filter.anio } : {},
  ],
}));
builder.queryField('promocionesServiciosTecnologicos', (t) =>
  t.prismaConnection(
    {
      type: 'PromocionServiciosTecnologicos',
      cursor: 'id',
      description: 'Promotion rounds (8.1.5) the viewer may see: owned within their reach, or their CAST asked.',
      args: { filter: t.arg({ type: PromocionFilter }), orderBy: t.arg({ type: PromocionOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'promocionServiciosTecnologicos', { where: await promocionWhere(args, ctx) }),
      resolve: async (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'promocionServiciosTecnologicos',
          {
            ...query,
            where: await promocionWhere(args, ctx),
            orderBy: PromocionOrder.toPrisma<Prisma.PromocionServiciosTecnologicosOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'PromocionServiciosTecnologicosConnection' },
    { name: 'PromocionServiciosTecnologicosEdge' },
  ),
);

const CatalogoFilter = builder.inputType('CatalogoServiciosFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: 'Of this unit or a unit below it.' }),
    unitId: t.globalID({ required: false, description: 'Of exactly this CAST.' }),
    promocionServiciosTecnologicosId: t.globalID({
      required: false,
      for: PromocionServiciosTecnologicosRef,
      description: 'Sent for this promotion round.',
    }),
  }),
});
const CatalogoOrder = orderInput('CatalogoServicios', ['createdAt', 'edicion'] as const, 'createdAt');
const catalogoWhere = listWhere(async ({ filter }: { filter?: typeof CatalogoFilter.$inferInput | null }, ctx) => ({
  AND: [
    readableCatalogosServicios(ctx.viewer),
    await unitFilter(ctx, filter),
    filter?.promocionServiciosTecnologicosId ? { promocionServiciosTecnologicosId: filter.promocionServiciosTecnologicosId.id } : {},
  ],
}));
builder.queryField('catalogosServicios', (t) =>
  t.prismaConnection(
    {
      type: 'CatalogoServicios',
      cursor: 'id',
      description: "Catalogue editions of technological services (8.1.5 step 3) of the CAST within the viewer's reach.",
      args: { filter: t.arg({ type: CatalogoFilter }), orderBy: t.arg({ type: CatalogoOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'catalogoServicios', { where: await catalogoWhere(args, ctx) }),
      resolve: async (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'catalogoServicios',
          {
            ...query,
            where: await catalogoWhere(args, ctx),
            orderBy: CatalogoOrder.toPrisma<Prisma.CatalogoServiciosOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'CatalogoServiciosConnection' },
    { name: 'CatalogoServiciosEdge' },
  ),
);

const SolicitudFilter = builder.inputType('SolicitudDirigidaFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: 'Made by this unit or a unit below it.' }),
    unitId: t.globalID({ required: false, description: 'Made by exactly this unit.' }),
    estado: t.field({ type: [EstadoSolicitudEnum], required: false, description: 'Any of these states.' }),
    tipo: t.field({ type: TipoSolicitudDirigidaEnum, required: false }),
    destinatarioUnitId: t.globalID({ required: false, description: 'Addressed to this unit.' }),
  }),
});
const SolicitudOrder = orderInput('SolicitudDirigida', ['createdAt', 'updatedAt', 'estado'] as const, 'createdAt');
const solicitudWhere = listWhere(async ({ filter }: { filter?: typeof SolicitudFilter.$inferInput | null }, ctx) => ({
  AND: [
    readableSolicitudesDirigidas(ctx.viewer),
    await unitFilter(ctx, filter),
    filter?.estado?.length ? { estado: { in: filter.estado } } : {},
    filter?.tipo ? { tipo: filter.tipo } : {},
    filter?.destinatarioUnitId ? { destinatarios: { some: { unitId: filter.destinatarioUnitId.id } } } : {},
  ],
}));
builder.queryField('solicitudesDirigidas', (t) =>
  t.prismaConnection(
    {
      type: 'SolicitudDirigida',
      cursor: 'id',
      description: 'Addressed requests the viewer may see: made within their reach, or addressed to their unit.',
      args: { filter: t.arg({ type: SolicitudFilter }), orderBy: t.arg({ type: SolicitudOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'solicitudDirigida', { where: await solicitudWhere(args, ctx) }),
      resolve: async (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'solicitudDirigida',
          {
            ...query,
            where: await solicitudWhere(args, ctx),
            orderBy: SolicitudOrder.toPrisma<Prisma.SolicitudDirigidaOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'SolicitudDirigidaConnection' },
    { name: 'SolicitudDirigidaEdge' },
  ),
);

const OfertaFilter = builder.inputType('OfertaCapacitacionFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: 'Owned by this unit or a unit below it.' }),
    unitId: t.globalID({ required: false, description: 'Owned by exactly this unit.' }),
    estado: t.field({ type: [EstadoOfertaEnum], required: false, description: 'Any of these states.' }),
    anio: t.int({ required: false }),
  }),
});
const OfertaOrder = orderInput('OfertaCapacitacion', ['createdAt', 'updatedAt', 'anio', 'estado'] as const, 'createdAt');
const ofertaWhere = listWhere(async ({ filter }: { filter?: typeof OfertaFilter.$inferInput | null }, ctx) => ({
  AND: [
    readableOfertasCapacitacion(ctx.viewer),
    await unitFilter(ctx, filter),
    filter?.estado?.length ? { estado: { in: filter.estado } } : {},
    filter?.anio != null ? { anio: filter.anio } : {},
  ],
}));
builder.queryField('ofertasCapacitacion', (t) =>
  t.prismaConnection(
    {
      type: 'OfertaCapacitacion',
      cursor: 'id',
      description: 'Training offers (Pd-02-It-05) the viewer may see: owned within their reach, or disseminated to their unit.',
      args: { filter: t.arg({ type: OfertaFilter }), orderBy: t.arg({ type: OfertaOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'ofertaCapacitacion', { where: await ofertaWhere(args, ctx) }),
      resolve: async (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'ofertaCapacitacion',
          {
            ...query,
            where: await ofertaWhere(args, ctx),
            orderBy: OfertaOrder.toPrisma<Prisma.OfertaCapacitacionOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'OfertaCapacitacionConnection' },
    { name: 'OfertaCapacitacionEdge' },
  ),
);
