import { count, findMany } from '../../lib/db/read.js';
import { builder } from '../../builder.js';
import { documentoById, DocumentoRef, documentosField } from '../../lib/documents/schema.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { EstadoNormativo, FinDestinatario, ModalidadReunion, TipoEvidencia } from '../../generated/prisma/enums.js';
import { listWhere, orderInput, unitFilter } from '../../lib/pagination.js';
import { workflowRecordFields } from '../../lib/workflow/fields.js';
import { readableProyectos } from './rules.js';
import { loadReadable } from '../../lib/auth/relations.js';
import { readablePeople } from '../organisation/rules.js';
import { normatividadWorkflow as wf } from './workflow.js';

export const EstadoNormativoEnum = builder.enumType(EstadoNormativo, {
  name: 'EstadoProyectoNormativo',
  description: 'State of a proyecto normativo in 7081-MP-SI 8.1.6 (see `workflows`).',
});
export const FinDestinatarioEnum = builder.enumType(FinDestinatario, { name: 'FinDestinatario' });
export const TipoEvidenciaEnum = builder.enumType(TipoEvidencia, { name: 'TipoEvidencia' });
export const ModalidadReunionEnum = builder.enumType(ModalidadReunion, { name: 'ModalidadReunion' });

export const ProyectoNormativoRef = builder.prismaNode('ProyectoNormativo', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableProyectos(ctx.viewer)] }),
  description: 'A normative project regulating technological services (7081-MP-SI 8.1.6).',
  fields: (t) => ({
    titulo: t.exposeString('titulo'),
    necesidad: t.exposeString('necesidad', { description: 'The need identified by the DSTC (step 1).' }),
    documentoUrl: t.exposeString('documentoUrl', { nullable: true, description: 'The drafted document (step 5).' }),
    numeroRegistro: t.exposeString('numeroRegistro', { nullable: true, description: 'Registration given by the DCAJ (step 9).' }),
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
    fechaReunion: t.expose('fechaReunion', { type: 'DateTime', nullable: true }),
    modalidadReunion: t.expose('modalidadReunion', { type: ModalidadReunionEnum, nullable: true }),
    destinatarios: t.relation('destinatarios', { query: { orderBy: [{ fin: 'asc' }, { unitId: 'asc' }] } }),
    evidenciasReunion: t.relation('evidencias', { query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } }),
  }),
});

workflowRecordFields(wf);

builder.prismaObject('ProyectoNormativoDestinatario', {
  description: 'A unit the project was addressed to, and why.',
  fields: (t) => ({
    unit: t.relation('unit'),
    fin: t.expose('fin', { type: FinDestinatarioEnum }),
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
  }),
});
const Order = orderInput('ProyectoNormativo', ['createdAt', 'updatedAt', 'titulo', 'estado'] as const, 'createdAt');

const where = listWhere(async ({ filter }: { filter?: typeof Filter.$inferInput | null }, ctx) => ({
  AND: [
    readableProyectos(ctx.viewer),
    await unitFilter(ctx, filter),
    filter?.estado?.length ? { estado: { in: filter.estado } } : {},
    filter?.search ? { titulo: { contains: filter.search, mode: 'insensitive' as const } } : {},
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
      resolve: async (query, _root, args, ctx) =>
        findMany(ctx.db, 'proyectoNormativo', {
          ...query,
          where: await where(args, ctx),
          orderBy: Order.toPrisma<Prisma.ProyectoNormativoOrderByWithRelationInput>(args.orderBy),
        }),
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
