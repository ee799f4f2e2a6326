import { builder } from '../../builder.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { EstadoNormativo, FinDestinatario, ModalidadReunion, TipoEvidencia } from '../../generated/prisma/enums.js';
import { orderInput } from '../../lib/pagination.js';
import { actingAssignment } from '../../lib/workflow/engine.js';
import { createHistoryLoader } from '../../lib/workflow/history.js';
import { WorkflowTransitionRef } from '../../lib/workflow/schema.js';
import { createReachLoader } from './loaders.js';
import { readableProyectos } from './rules.js';
import { normatividadWorkflow as wf, STEP_MUTATIONS, type NormatividadTransition } from './workflow.js';

export const EstadoNormativoEnum = builder.enumType(EstadoNormativo, {
  name: 'EstadoNormativo',
  description: 'State of a proyecto normativo in 7081-MP-SI 8.1.6 (see `workflows`).',
});
export const FinDestinatarioEnum = builder.enumType(FinDestinatario, { name: 'FinDestinatario' });
export const TipoEvidenciaEnum = builder.enumType(TipoEvidencia, { name: 'TipoEvidencia' });
export const ModalidadReunionEnum = builder.enumType(ModalidadReunion, { name: 'ModalidadReunion' });

const mutationOf = Object.fromEntries(Object.entries(STEP_MUTATIONS).map(([m, t]) => [t, m])) as Record<NormatividadTransition, string>;

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
    version: t.exposeInt('version', { description: 'Increases with every step; send it back to detect concurrent changes.' }),
    unit: t.relation('unit', { description: 'The unit that owns the project.' }),
    createdBy: t.relation('createdBy'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    fechaReunion: t.expose('fechaReunion', { type: 'DateTime', nullable: true }),
    modalidadReunion: t.expose('modalidadReunion', { type: ModalidadReunionEnum, nullable: true }),
    destinatarios: t.relation('destinatarios', { query: { orderBy: [{ fin: 'asc' }, { unitId: 'asc' }] } }),
    evidencias: t.relation('evidencias', { query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } }),
    history: t.field({
      type: [WorkflowTransitionRef],
      description: 'Every step taken on this record, oldest first.',
      resolve: (p, _a, ctx) => ctx.loader(createHistoryLoader).load({ workflow: wf.name, recordId: p.id }),
    }),
    availableSteps: t.stringList({
      description: 'Mutations the viewer may call on this record now (role, reach and state allow them).',
      resolve: async (p, _a, ctx) => {
        if (!ctx.viewer) return [];
        const record = await ctx.loader(createReachLoader).load(p.id);
        return (Object.entries(wf.transitions) as [NormatividadTransition, (typeof wf.transitions)[NormatividadTransition]][])
          .filter(([, def]) => def.from?.includes(p.estado) && actingAssignment(ctx.viewer!, def, record))
          .map(([name]) => mutationOf[name]);
      },
    }),
  }),
});

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
  }),
});

const Filter = builder.inputType('ProyectoNormativoFilter', {
  fields: (t) => ({
    estado: t.field({ type: [EstadoNormativoEnum], required: false, description: 'Any of these states.' }),
    unitId: t.globalID({ required: false, description: 'Owned by this unit.' }),
    search: t.string({ required: false, description: 'Part of the title, case-insensitive.' }),
  }),
});
const Order = orderInput('ProyectoNormativo', ['createdAt', 'updatedAt', 'titulo', 'estado'] as const, 'createdAt');

function where(ctx: import('../../context.js').Context, filter: typeof Filter.$inferInput | null | undefined) {
  return {
    AND: [
      readableProyectos(ctx.viewer),
      filter?.estado?.length ? { estado: { in: filter.estado } } : {},
      filter?.unitId ? { unitId: filter.unitId.id } : {},
      filter?.search ? { titulo: { contains: filter.search, mode: 'insensitive' as const } } : {},
    ],
  };
}

builder.queryField('proyectosNormativos', (t) =>
  t.prismaConnection({
    type: 'ProyectoNormativo',
    cursor: 'id',
    description: 'Proyectos normativos the viewer may see: owned within their reach or addressed to their unit.',
    args: { filter: t.arg({ type: Filter }), orderBy: t.arg({ type: Order.Input }) },
    totalCount: (_c, args, ctx) => ctx.db.proyectoNormativo.count({ where: where(ctx, args.filter) }),
    resolve: (query, _root, args, ctx) =>
      ctx.db.proyectoNormativo.findMany({ ...query, where: where(ctx, args.filter), orderBy: Order.toPrisma<Prisma.ProyectoNormativoOrderByWithRelationInput>(args.orderBy) }),
  }, { name: 'ProyectoNormativoConnection' }, { name: 'ProyectoNormativoEdge' }),
);

builder.prismaObjectField('OrgUnit', 'proyectosNormativos', (t) =>
  t.relatedConnection('proyectosNormativos', {
    cursor: 'id',
    totalCount: true,
    description: 'Proyectos normativos owned by this unit that the viewer may see.',
    query: (_args, ctx) => ({ where: readableProyectos(ctx.viewer), orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
  }),
);
