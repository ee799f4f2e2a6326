import { count, findMany } from '../../lib/db/read.js';
import { builder } from '../../builder.js';
import { documentoById, DocumentoRef, documentosField } from '../../lib/documents/schema.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { EstadoNormativo, FinDestinatario, ModalidadReunion, TipoEvidencia, TipoProyectoNormativo } from '../../generated/prisma/enums.js';
import { listWhere, orderInput, unitFilter } from '../../lib/pagination.js';
import { workflowRecordFields } from '../../lib/workflow/fields.js';
import { readableProyectos } from './rules.js';
import { loadReadable } from '../../lib/auth/relations.js';
import { readablePeople } from '../organisation/rules.js';
import { normatividadWorkflow as wf } from './workflow.js';
import { normativaCapacitacionWorkflow } from './capacitacion.js';
import { readableReunionesTrabajoCast } from '../reuniones/rules.js';

export const EstadoNormativoEnum = builder.enumType(EstadoNormativo, {
  name: 'EstadoProyectoNormativo',
  description: 'State of a proyecto normativo in 7081-MP-SI 8.1.6 or Pd-02-It-01, by its `tipo` (see `workflows`).',
});
export const TipoProyectoNormativoEnum = builder.enumType(TipoProyectoNormativo, {
  name: 'TipoProyectoNormativo',
  description: 'The procedure a proyecto normativo follows: SERVICIOS_TECNOLOGICOS (8.1.6) or CAPACITACION (Pd-02-It-01).',
});
export const FinDestinatarioEnum = builder.enumType(FinDestinatario, { name: 'FinDestinatario' });
export const TipoEvidenciaEnum = builder.enumType(TipoEvidencia, { name: 'TipoEvidencia' });
export const ModalidadReunionEnum = builder.enumType(ModalidadReunion, { name: 'ModalidadReunion' });

export const ProyectoNormativoRef = builder.prismaNode('ProyectoNormativo', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableProyectos(ctx.viewer)] }),
  description:
    'A normative project: regulating technological services (7081-MP-SI 8.1.6, `tipo: SERVICIOS_TECNOLOGICOS`) or training services (Pd-02-It-01, `tipo: CAPACITACION`).',
  fields: (t) => ({
    tipo: t.expose('tipo', { type: TipoProyectoNormativoEnum, description: 'Which procedure the project follows; fixed at creation.' }),
    titulo: t.exposeString('titulo'),
    necesidad: t.exposeString('necesidad', { description: 'The need identified by the DSTC (step 1).' }),
    documentoUrl: t.exposeString('documentoUrl', { nullable: true, description: 'The drafted document (step 5).' }),
    numeroRegistro: t.exposeString('numeroRegistro', {
      nullable: true,
      description: "Registration given by the DCAJ (8.1.6 step 9), or the COMERI's approval agreement (Pd-02-It-01 step 5).",
    }),
    seguimiento: t.exposeString('seguimiento', {
      nullable: true,
      description: 'How the application of the training normativa is followed up (Pd-02-It-01 step 8).',
    }),
    reunionTrabajoCast: t.prismaField({
      type: 'ReunionTrabajoCast',
      nullable: true,
      description:
        "The working meeting with CAST directors where the lineamientos were presented (8.1.6 step 13); null before, or when the meeting is outside the viewer's scope.",
      resolve: (query, p, _a, ctx) =>
        loadReadable(ctx, 'reunionTrabajoCast', p.reunionTrabajoCastId, readableReunionesTrabajoCast(ctx.viewer), query),
    }),
    aportaciones: t.relation('aportaciones', {
      description: 'Contributions of the Colegios Estatales, UODCDMX and RCEO (Pd-02-It-01 step 4), in the order recorded.',
      query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    }),
    estado: t.expose('estado', { type: EstadoNormativoEnum }),
    unit: t.relation('unit', { description: 'The unit that owns the project.' }),
    createdBy: t.prismaField({
      type: 'Person',
      nullable: true,
      description: "Who created it; null when that person is outside the viewer's people scope (then `createdByName` still names them).",
      resolve: (query, p, _a, ctx) => loadReadable(ctx, 'person', p.createdById, readablePeople(ctx.viewer), query),
    }),
    createdByName: t.string({
      description: 'The full name of who created it (always shown; their e-mail only through `createdBy`).',
      select: { createdBy: { select: { fullName: true } } },
      resolve: (p) => p.createdBy.fullName,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    fechaReunion: t.expose('fechaReunion', {
      type: 'DateTime',
      nullable: true,
      description: 'When the responsables were briefed (Pd-02-It-01 step 7); for 8.1.6 see `reunionTrabajoCast`.',
    }),
    modalidadReunion: t.expose('modalidadReunion', { type: ModalidadReunionEnum, nullable: true }),
    destinatarios: t.relation('destinatarios', { query: { orderBy: [{ fin: 'asc' }, { unitId: 'asc' }] } }),
    evidenciasReunion: t.relation('evidencias', { query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } }),
  }),
});

workflowRecordFields([wf, normativaCapacitacionWorkflow], {
  select: { tipo: true },
  workflow: (p) => (p.tipo === 'CAPACITACION' ? normativaCapacitacionWorkflow.name : wf.name),
});

builder.prismaObject('ProyectoNormativoDestinatario', {
  description: 'A unit the project was addressed to, and why.',
  fields: (t) => ({
    unit: t.relation('unit'),
    fin: t.expose('fin', { type: FinDestinatarioEnum }),
  }),
});

builder.prismaObject('AportacionNormativa', {
  description: 'A contribution of a Colegio Estatal, the UODCDMX or the RCEO to a training normativa (Pd-02-It-01 step 4).',
  fields: (t) => ({
    id: t.exposeID('id'),
    unit: t.relation('unit', { description: 'The state office that contributed.' }),
    texto: t.exposeString('texto'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObject('EvidenciaReunion', {
  description: 'Evidence of the working meeting (It-01).',
  fields: (t) => ({
    id: t.exposeID('id'),
    tipo: t.expose('tipo', { type: TipoEvidenciaEnum }),
    descripcion: t.exposeString('descripcion'),
    url: t.exposeString('url', { nullable: true }),
    documento: t.field({
      type: DocumentoRef,
      nullable: true,
      description: 'The uploaded file, when the evidence was uploaded (it shares the meeting record’s read scope).',
      select: { documentoId: true },
      resolve: (e, _a, ctx) => (e.documentoId ? ctx.loader(documentoById).load(e.documentoId) : null),
    }),
  }),
});

const Filter = builder.inputType('ProyectoNormativoFilter', {
  fields: (t) => ({
    estado: t.field({ type: [EstadoNormativoEnum], required: false, description: 'Any of these states.' }),
    dentroDe: t.globalID({ required: false, description: 'Owned by this unit or a unit below it.' }),
    unitId: t.globalID({ required: false, description: 'Owned by exactly this unit.' }),
    search: t.string({ required: false, description: 'Part of the title, case-insensitive.' }),
    tipo: t.field({ type: TipoProyectoNormativoEnum, required: false, description: 'Only projects of this procedure.' }),
  }),
});
const Order = orderInput('ProyectoNormativo', ['createdAt', 'updatedAt', 'titulo', 'estado'] as const, 'createdAt');

const where = listWhere(async ({ filter }: { filter?: typeof Filter.$inferInput | null }, ctx) => ({
  AND: [
    readableProyectos(ctx.viewer),
    await unitFilter(ctx, filter),
    filter?.estado?.length ? { estado: { in: filter.estado } } : {},
    filter?.search ? { titulo: { contains: filter.search, mode: 'insensitive' as const } } : {},
    filter?.tipo ? { tipo: filter.tipo } : {},
  ],
}));

builder.queryField('proyectosNormativos', (t) =>
  t.prismaConnection(
    {
      type: 'ProyectoNormativo',
      cursor: 'id',
      description: 'Proyectos normativos the viewer may see: owned within their reach or addressed to their unit.',
      args: { filter: t.arg({ type: Filter }), orderBy: t.arg({ type: Order.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'proyectoNormativo', { where: await where(args, ctx) }),
      resolve: async (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'proyectoNormativo',
          {
            ...query,
            where: await where(args, ctx),
            orderBy: Order.toPrisma<Prisma.ProyectoNormativoOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'ProyectoNormativoConnection' },
    { name: 'ProyectoNormativoEdge' },
  ),
);

builder.prismaObjectField('OrgUnit', 'proyectosNormativos', (t) =>
  t.relatedConnection('proyectosNormativos', {
    cursor: 'id',
    totalCount: true,
    args: { orderBy: t.arg({ type: Order.Input }) },
    description: 'Proyectos normativos owned by this unit that the viewer may see.',
    query: (args, ctx) => ({
      where: readableProyectos(ctx.viewer),
      orderBy: Order.toPrisma<Prisma.ProyectoNormativoOrderByWithRelationInput>(args.orderBy),
    }),
  }),
);

documentosField('ProyectoNormativo', 'Files attached by its steps (meeting evidence of step 13), in the order attached.');
