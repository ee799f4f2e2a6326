// GraphQL types and root lists of the Portal CONOCER (V-CANA-MP-02 C.4.4, policy 3.1.2).
import { builder } from '../../builder.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { EstadoAnalisisPortal, EstadoSolicitudPortal, TipoSolicitudPortal } from '../../generated/prisma/enums.js';
import { count, findMany } from '../../lib/db/read.js';
import { documentosField } from '../../lib/documents/schema.js';
import { listWhere, orderInput, unitFilter } from '../../lib/pagination.js';
import { workflowRecordFields } from '../../lib/workflow/fields.js';
import { FinDestinatarioEnum } from '../normatividad/types.js';
import {
  readableAnalisisPortal,
  readableEstadisticasPortal,
  readableRevisionesContenidoPortal,
  readableSolicitudesPortal,
} from './rules.js';
import { tendenciaLoader, type Tendencia, type TendenciaPagina } from './trend.js';
import { analisisPortalWorkflow, estadisticaPortalWorkflow, revisionContenidoPortalWorkflow, solicitudPortalWorkflow } from './workflow.js';

const day = (d: Date) => d.toISOString().slice(0, 10);

export const TipoSolicitudPortalEnum = builder.enumType(TipoSolicitudPortal, {
  name: 'TipoSolicitudPortal',
  description:
    "The kinds of portal request of C.4.4 step 1.1: general information on CONOCER, operating guides for service providers, fees, interaction with sectors, CGC and providers, the national registries, promotional articles, CONOCER's communiqués, its services, management information (active CGC, standards, providers), opinion surveys, other.",
});
export const EstadoSolicitudPortalEnum = builder.enumType(EstadoSolicitudPortal, {
  name: 'EstadoSolicitudPortal',
  description:
    'REGISTRADA (1.1), NO_PROCEDENTE (1.3, the area told why), EN_DISENO (2.1-2.4), EN_REVISION by the DVD (2.5-4.1), ENVIADA to the provider (4.2), EN_CONSTRUCCION (5.1-5.3), ENTREGADA (5.4), VALIDADA by the requesting area (6.3), EN_PRODUCCION and documented (7.1-7.3).',
});
export const EstadoAnalisisPortalEnum = builder.enumType(EstadoAnalisisPortal, {
  name: 'EstadoAnalisisPortal',
  description: "EN_ELABORACION by the DVD (9-11.3), PRESENTADO (11.4), REPORTADO to CONOCER's Dirección General (12.1).",
});

// ---- SolicitudPortal ------------------------------------------------------------------------

builder.prismaNode('SolicitudPortal', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableSolicitudesPortal(ctx.viewer)] }),
  description: "A CONOCER area's request to publish information or develop an application on the Portal CONOCER (C.4.4 steps 1-7).",
  fields: (t) => ({
    tipo: t.expose('tipo', { type: TipoSolicitudPortalEnum, description: 'The kind of request (step 1.1).' }),
    titulo: t.exposeString('titulo', { description: 'What the area asks for, in a line.' }),
    descripcion: t.exposeString('descripcion', { description: 'The request as the area made it (step 1.1).' }),
    areaSolicitante: t.relation('areaSolicitante', {
      description: 'The CONOCER area that made the request and validates the solution (6.3).',
    }),
    motivosNoProcedente: t.exposeString('motivosNoProcedente', {
      nullable: true,
      description: 'Why the request does not proceed and what it would need (step 1.3).',
    }),
    contenido: t.exposeString('contenido', { nullable: true, description: 'The content to publish (step 2.1).' }),
    requerimientosFuncionales: t.exposeString('requerimientosFuncionales', {
      nullable: true,
      description: "The portal's functional requirements (step 2.2).",
    }),
    solucion: t.exposeString('solucion', { nullable: true, description: 'The solution designed with the provider (step 2.4).' }),
    planTrabajo: t.exposeString('planTrabajo', { nullable: true, description: "The provider's work plan (step 5.1)." }),
    urlPrueba: t.exposeString('urlPrueba', { nullable: true, description: 'Where the solution runs in the test environment (step 5.2).' }),
    resultadoPruebas: t.exposeString('resultadoPruebas', {
      nullable: true,
      description: "The provider's tests and adjustments (step 5.3).",
    }),
    urlProduccion: t.exposeString('urlProduccion', { nullable: true, description: 'Where the solution runs in production (step 7.1).' }),
    estado: t.expose('estado', { type: EstadoSolicitudPortalEnum }),
    destinatarios: t.relation('destinatarios', {
      description: "The provider's organisation the design was sent to (step 4.2), by unit code.",
      query: { orderBy: [{ unit: { code: 'asc' } }, { fin: 'asc' }] },
    }),
    unit: t.relation('unit'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(solicitudPortalWorkflow);
documentosField('SolicitudPortal', "The solution's documentation delivered to the DVD (step 7.3).");

builder.prismaObject('SolicitudPortalDestinatario', {
  description: 'A unit a portal request is addressed to, and why.',
  fields: (t) => ({
    unit: t.relation('unit'),
    fin: t.expose('fin', { type: FinDestinatarioEnum, description: 'PROVEEDOR_PORTAL: the provider that builds the solution.' }),
  }),
});

const SolicitudOrder = orderInput('SolicitudPortal', ['createdAt', 'estado', 'titulo'] as const, 'createdAt');
const SolicitudFilter = builder.inputType('SolicitudPortalFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: 'Owned by this unit or a unit below it.' }),
    unitId: t.globalID({ required: false, description: 'Owned by exactly this unit.' }),
    estado: t.field({ type: [EstadoSolicitudPortalEnum], required: false, description: 'Any of these states.' }),
    tipo: t.field({ type: TipoSolicitudPortalEnum, required: false, description: 'Of this kind.' }),
    search: t.string({ required: false, description: 'Part of the title, case-insensitive.' }),
  }),
});
const solicitudWhere = listWhere(async ({ filter }: { filter?: typeof SolicitudFilter.$inferInput | null }, ctx) => ({
  AND: [
    readableSolicitudesPortal(ctx.viewer),
    await unitFilter(ctx, filter),
    filter?.estado?.length ? { estado: { in: filter.estado } } : {},
    filter?.tipo ? { tipo: filter.tipo } : {},
    filter?.search ? { titulo: { contains: filter.search, mode: 'insensitive' as const } } : {},
  ],
}));
builder.queryField('solicitudesPortal', (t) =>
  t.prismaConnection(
    {
      type: 'SolicitudPortal',
      cursor: 'id',
      description: "Portal requests within the viewer's reach (a provider sees those sent to its organisation).",
      args: { filter: t.arg({ type: SolicitudFilter }), orderBy: t.arg({ type: SolicitudOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'solicitudPortal', { where: await solicitudWhere(args, ctx) }),
      resolve: async (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'solicitudPortal',
          {
            ...query,
            where: await solicitudWhere(args, ctx),
            orderBy: SolicitudOrder.toPrisma<Prisma.SolicitudPortalOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'SolicitudPortalConnection' },
    { name: 'SolicitudPortalEdge' },
  ),
);

// ---- EstadisticaPortal ----------------------------------------------------------------------

builder.prismaNode('EstadisticaPortal', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableEstadisticasPortal(ctx.viewer)] }),
  description: "One week of the portal's statistics, imported from its export file (C.4.4 step 8.1).",
  fields: (t) => ({
    semana: t.string({
      description: 'The Monday the week starts on, YYYY-MM-DD.',
      select: { semana: true },
      resolve: (e) => day(e.semana),
    }),
    accesosTotales: t.exposeInt('accesosTotales', { description: "The week's accesses: the sum of the pages' accesses." }),
    nombreArchivo: t.exposeString('nombreArchivo', { description: 'The name of the imported file.' }),
    sha256: t.exposeString('sha256', { description: "The SHA-256 of the imported file's bytes." }),
    paginas: t.relation('paginas', {
      description: "The week's pages, most accessed first (then by page).",
      query: { orderBy: [{ accesos: 'desc' }, { pagina: 'asc' }] },
    }),
    unit: t.relation('unit'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(estadisticaPortalWorkflow);
documentosField('EstadisticaPortal', 'The imported export file.');

builder.prismaObject('EstadisticaPortalPagina', {
  description: "A page's accesses and average time in one week.",
  fields: (t) => ({
    pagina: t.exposeString('pagina', { description: "The page's path or name, as the portal exports it." }),
    accesos: t.exposeInt('accesos', { description: 'Accesses to the page in the week.' }),
    segundosPromedio: t.exposeInt('segundosPromedio', { description: 'Average time spent on the page, in seconds.' }),
  }),
});

const EstadisticaOrder = orderInput('EstadisticaPortal', ['semana', 'accesosTotales'] as const, 'semana');
const EstadisticaFilter = builder.inputType('EstadisticaPortalFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: 'Owned by this unit or a unit below it.' }),
    unitId: t.globalID({ required: false, description: 'Owned by exactly this unit.' }),
    anio: t.int({ required: false, description: 'Weeks starting in this year.' }),
  }),
});
const estadisticaWhere = listWhere(async ({ filter }: { filter?: typeof EstadisticaFilter.$inferInput | null }, ctx) => ({
  AND: [
    readableEstadisticasPortal(ctx.viewer),
    await unitFilter(ctx, filter),
    filter?.anio ? { semana: { gte: new Date(Date.UTC(filter.anio, 0, 1)), lt: new Date(Date.UTC(filter.anio + 1, 0, 1)) } } : {},
  ],
}));
builder.queryField('estadisticasPortal', (t) =>
  t.prismaConnection(
    {
      type: 'EstadisticaPortal',
      cursor: 'id',
      description: "Weekly portal statistics within the viewer's reach.",
      args: { filter: t.arg({ type: EstadisticaFilter }), orderBy: t.arg({ type: EstadisticaOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'estadisticaPortal', { where: await estadisticaWhere(args, ctx) }),
      resolve: async (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'estadisticaPortal',
          {
            ...query,
            where: await estadisticaWhere(args, ctx),
            orderBy: EstadisticaOrder.toPrisma<Prisma.EstadisticaPortalOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'EstadisticaPortalConnection' },
    { name: 'EstadisticaPortalEdge' },
  ),
);

// ---- AnalisisPortal -------------------------------------------------------------------------

const TendenciaPaginaRef = builder.objectRef<TendenciaPagina>('TendenciaPaginaPortal').implement({
  description: "A page's accesses and time in the quarter against the previous quarter (C.4.4 step 10.1).",
  fields: (t) => ({
    pagina: t.exposeString('pagina', { description: 'The page.' }),
    accesos: t.exposeInt('accesos', { description: 'Accesses in the quarter.' }),
    accesosAnterior: t.exposeInt('accesosAnterior', { description: 'Accesses in the previous quarter.' }),
    variacion: t.exposeFloat('variacion', {
      nullable: true,
      description: 'Change of accesses against the previous quarter, in percent (one decimal); null when the page had none then.',
    }),
    segundosPromedio: t.exposeInt('segundosPromedio', {
      nullable: true,
      description: 'Average time on the page in the quarter, in seconds, weighted by accesses.',
    }),
    segundosPromedioAnterior: t.exposeInt('segundosPromedioAnterior', {
      nullable: true,
      description: 'The same in the previous quarter.',
    }),
  }),
});
const TendenciaRef = builder.objectRef<Tendencia>('TendenciaPortal').implement({
  description: "The quarter's statistics against the previous quarter, computed in SQL from the imported weeks.",
  fields: (t) => ({
    semanas: t.exposeInt('semanas', { description: 'Weeks imported in the quarter.' }),
    semanasAnterior: t.exposeInt('semanasAnterior', { description: 'Weeks imported in the previous quarter.' }),
    accesosTotales: t.exposeInt('accesosTotales', { description: 'Accesses in the quarter.' }),
    accesosTotalesAnterior: t.exposeInt('accesosTotalesAnterior', { description: 'Accesses in the previous quarter.' }),
    variacion: t.exposeFloat('variacion', {
      nullable: true,
      description: 'Change of total accesses, in percent (one decimal); null when the previous quarter had none.',
    }),
    paginas: t.field({
      type: [TendenciaPaginaRef],
      description: 'Per page, most accessed in the quarter first (then by page).',
      resolve: (x) => x.paginas,
    }),
  }),
});

builder.prismaNode('AnalisisPortal', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableAnalisisPortal(ctx.viewer)] }),
  description: "The DVD's quarterly analysis of the portal's statistics and its report to the Dirección General (C.4.4 steps 9-12).",
  fields: (t) => ({
    anio: t.exposeInt('anio', { description: 'The year of the quarter.' }),
    trimestre: t.exposeInt('trimestre', { description: 'The quarter, 1-4.' }),
    tendencia: t.field({
      type: TendenciaRef,
      description: "The quarter's trend against the previous quarter (step 10.1), from the weekly statistics of the analysis' unit.",
      resolve: (a, _x, ctx) => ctx.loader(tendenciaLoader).load(a.id),
    }),
    analisis: t.exposeString('analisis', {
      nullable: true,
      description: "The statistics against the portal's objectives and expectations (step 9.1).",
    }),
    brechas: t.exposeString('brechas', { nullable: true, description: 'Gaps between results and objectives (step 11.1).' }),
    areasOportunidad: t.exposeString('areasOportunidad', {
      nullable: true,
      description: 'Areas of opportunity and proposed improvement actions (step 11.2).',
    }),
    estado: t.expose('estado', { type: EstadoAnalisisPortalEnum }),
    unit: t.relation('unit'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(analisisPortalWorkflow);
documentosField('AnalisisPortal', 'The report sent to the Dirección General (step 12.1).');

const AnalisisOrder = orderInput('AnalisisPortal', ['createdAt', 'anio', 'estado'] as const, 'createdAt');
const AnalisisFilter = builder.inputType('AnalisisPortalFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: 'Owned by this unit or a unit below it.' }),
    unitId: t.globalID({ required: false, description: 'Owned by exactly this unit.' }),
    estado: t.field({ type: [EstadoAnalisisPortalEnum], required: false, description: 'Any of these states.' }),
    anio: t.int({ required: false, description: 'Of this year.' }),
  }),
});
const analisisWhere = listWhere(async ({ filter }: { filter?: typeof AnalisisFilter.$inferInput | null }, ctx) => ({
  AND: [
    readableAnalisisPortal(ctx.viewer),
    await unitFilter(ctx, filter),
    filter?.estado?.length ? { estado: { in: filter.estado } } : {},
    filter?.anio ? { anio: filter.anio } : {},
  ],
}));
builder.queryField('analisisPortal', (t) =>
  t.prismaConnection(
    {
      type: 'AnalisisPortal',
      cursor: 'id',
      description: "The DVD's quarterly analyses of the portal within the viewer's reach.",
      args: { filter: t.arg({ type: AnalisisFilter }), orderBy: t.arg({ type: AnalisisOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'analisisPortal', { where: await analisisWhere(args, ctx) }),
      resolve: async (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'analisisPortal',
          {
            ...query,
            where: await analisisWhere(args, ctx),
            orderBy: AnalisisOrder.toPrisma<Prisma.AnalisisPortalOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'AnalisisPortalConnection' },
    { name: 'AnalisisPortalEdge' },
  ),
);

// ---- RevisionContenidoPortal ------------------------------------------------------------------

builder.prismaNode('RevisionContenidoPortal', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableRevisionesContenidoPortal(ctx.viewer)] }),
  description: "The quarterly review of the portal's static content (policy 3.1.2): findings, and whether an update is needed.",
  fields: (t) => ({
    anio: t.exposeInt('anio', { description: 'The year of the quarter.' }),
    trimestre: t.exposeInt('trimestre', { description: 'The quarter reviewed, 1-4.' }),
    hallazgos: t.exposeString('hallazgos', { description: 'What the review found, section by section.' }),
    requiereActualizacion: t.exposeBoolean('requiereActualizacion', {
      description: 'Whether some content is no longer current and must be updated through a portal request (C.4.4).',
    }),
    unit: t.relation('unit'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(revisionContenidoPortalWorkflow);

const RevisionOrder = orderInput('RevisionContenidoPortal', ['createdAt', 'anio'] as const, 'createdAt');
const RevisionFilter = builder.inputType('RevisionContenidoPortalFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: 'Owned by this unit or a unit below it.' }),
    unitId: t.globalID({ required: false, description: 'Owned by exactly this unit.' }),
    anio: t.int({ required: false, description: 'Of this year.' }),
  }),
});
const revisionWhere = listWhere(async ({ filter }: { filter?: typeof RevisionFilter.$inferInput | null }, ctx) => ({
  AND: [readableRevisionesContenidoPortal(ctx.viewer), await unitFilter(ctx, filter), filter?.anio ? { anio: filter.anio } : {}],
}));
builder.queryField('revisionesContenidoPortal', (t) =>
  t.prismaConnection(
    {
      type: 'RevisionContenidoPortal',
      cursor: 'id',
      description: "Quarterly reviews of the portal's static content within the viewer's reach.",
      args: { filter: t.arg({ type: RevisionFilter }), orderBy: t.arg({ type: RevisionOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'revisionContenidoPortal', { where: await revisionWhere(args, ctx) }),
      resolve: async (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'revisionContenidoPortal',
          {
            ...query,
            where: await revisionWhere(args, ctx),
            orderBy: RevisionOrder.toPrisma<Prisma.RevisionContenidoPortalOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'RevisionContenidoPortalConnection' },
    { name: 'RevisionContenidoPortalEdge' },
  ),
);
