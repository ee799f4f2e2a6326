import { count, findMany } from '../../lib/db/read.js';
import DataLoader from 'dataloader';
import { builder } from '../../builder.js';
import type { Db } from '../../lib/db/client.js';
import { documentosField } from '../../lib/documents/schema.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { EstadoAcuerdoReunion, EstadoReunionTrabajoCast } from '../../generated/prisma/enums.js';
import { listWhere, orderInput, unitFilter } from '../../lib/pagination.js';
import { workflowRecordFields } from '../../lib/workflow/fields.js';
import { FinDestinatarioEnum, ModalidadReunionEnum } from '../normatividad/types.js';
import { readableAcuerdosReunion, readableReunionesTrabajoCast } from './rules.js';
import { loadReadable } from '../../lib/auth/relations.js';
import { readablePeople } from '../organisation/rules.js';
import { acuerdoReunionWorkflow, reunionTrabajoCastWorkflow as wf } from './workflow.js';

export const EstadoReunionTrabajoCastEnum = builder.enumType(EstadoReunionTrabajoCast, {
  name: 'EstadoReunionTrabajoCast',
  description: 'State of a working meeting in 7081-MP-SI Pd-01-It-01 (see `workflows`).',
});

export const ReunionTrabajoCastRef = builder.prismaNode('ReunionTrabajoCast', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableReunionesTrabajoCast(ctx.viewer)] }),
  description: 'The semester working meeting of the CST with CAST directors and technological-service heads (7081-MP-SI Pd-01-It-01).',
  fields: (t) => ({
    periodo: t.exposeString('periodo', { description: 'The semester, `YYYY-1` or `YYYY-2`: one meeting per semester per unit.' }),
    requerimientos: t.exposeString('requerimientos', {
      description: 'What the directors and heads need to improve their processes (step 1).',
    }),
    gestiones: t.exposeString('gestiones', { nullable: true, description: 'Administrative arrangements made for the meeting (step 2).' }),
    programa: t.exposeString('programa', { nullable: true, description: 'The work programme (step 3).' }),
    solicitudes: t.exposeString('solicitudes', {
      nullable: true,
      description: 'Requests of the CE, UODCDMX and RCEO taken into the programme (step 3).',
    }),
    logistica: t.exposeString('logistica', { nullable: true, description: 'Venue or link, agenda, travel (step 4).' }),
    modalidad: t.expose('modalidad', {
      type: ModalidadReunionEnum,
      nullable: true,
      description: 'In person or virtual: planned at step 4, as held at step 7.',
    }),
    fechaProgramada: t.expose('fechaProgramada', {
      type: 'DateTime',
      nullable: true,
      description: 'When the meeting is planned (step 4).',
    }),
    materialUrl: t.exposeString('materialUrl', { nullable: true, description: 'The instructional material (step 5).' }),
    fechaReunion: t.expose('fechaReunion', { type: 'DateTime', nullable: true, description: 'When the meeting was held (step 7).' }),
    resultados: t.exposeString('resultados', { nullable: true, description: 'Analysis of the results and areas of improvement (step 8).' }),
    acuerdos: t.relation('acuerdos', {
      description: 'Agreements and commitments to follow up (step 8) that the viewer may see, by due date.',
      query: (_a, ctx) => ({ where: readableAcuerdosReunion(ctx.viewer), orderBy: [{ fechaCompromiso: 'asc' }, { id: 'asc' }] }),
    }),
    estado: t.expose('estado', { type: EstadoReunionTrabajoCastEnum }),
    unit: t.relation('unit', { description: 'The unit that organises the meeting (the CST).' }),
    createdBy: t.prismaField({
      type: 'Person',
      nullable: true,
      description: "Who created it; null when that person is outside the viewer's people scope (then `createdByName` still names them).",
      resolve: (query, r, _a, ctx) => loadReadable(ctx, 'person', r.createdById, readablePeople(ctx.viewer), query),
    }),
    createdByName: t.string({
      description: 'The full name of who created it (always shown; their e-mail only through `createdBy`).',
      select: { createdBy: { select: { fullName: true } } },
      resolve: (r) => r.createdBy.fullName,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    destinatarios: t.relation('destinatarios', {
      description: 'The units invited (step 6), by unit code.',
      query: { orderBy: [{ fin: 'asc' }, { unit: { code: 'asc' } }] },
    }),
    evidenciasReunion: t.relation('evidencias', {
      description: 'Screenshots, attendance lists or minutes (step 8), in the order recorded.',
      query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    }),
  }),
});

workflowRecordFields(wf);

builder.prismaObject('ReunionTrabajoCastDestinatario', {
  description: 'A unit invited to the working meeting (step 6).',
  fields: (t) => ({
    unit: t.relation('unit'),
    fin: t.expose('fin', { type: FinDestinatarioEnum }),
  }),
});

const Filter = builder.inputType('ReunionTrabajoCastFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: 'Owned by this unit or a unit below it.' }),
    unitId: t.globalID({ required: false, description: 'Owned by exactly this unit.' }),
    estado: t.field({ type: [EstadoReunionTrabajoCastEnum], required: false, description: 'Any of these states.' }),
    periodo: t.string({ required: false, description: 'This semester (`YYYY-1` or `YYYY-2`).' }),
  }),
});
const Order = orderInput('ReunionTrabajoCast', ['createdAt', 'updatedAt', 'periodo', 'estado', 'fechaProgramada'] as const, 'createdAt');

const where = listWhere(async ({ filter }: { filter?: typeof Filter.$inferInput | null }, ctx) => ({
  AND: [
    readableReunionesTrabajoCast(ctx.viewer),
    await unitFilter(ctx, filter),
    filter?.estado?.length ? { estado: { in: filter.estado } } : {},
    filter?.periodo ? { periodo: filter.periodo } : {},
  ],
}));

builder.queryField('reunionesTrabajoCast', (t) =>
  t.prismaConnection(
    {
      type: 'ReunionTrabajoCast',
      cursor: 'id',
      description: 'Working meetings (It-01) the viewer may see: owned within their reach or to which their unit was invited.',
      args: { filter: t.arg({ type: Filter }), orderBy: t.arg({ type: Order.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'reunionTrabajoCast', { where: await where(args, ctx) }),
      resolve: async (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'reunionTrabajoCast',
          {
            ...query,
            where: await where(args, ctx),
            orderBy: Order.toPrisma<Prisma.ReunionTrabajoCastOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'ReunionTrabajoCastConnection' },
    { name: 'ReunionTrabajoCastEdge' },
  ),
);

builder.prismaObjectField('OrgUnit', 'reunionesTrabajoCast', (t) =>
  t.relatedConnection('reunionesTrabajoCast', {
    cursor: 'id',
    totalCount: true,
    args: { orderBy: t.arg({ type: Order.Input }) },
    description: 'Working meetings (It-01) owned by this unit that the viewer may see.',
    query: (args, ctx) => ({
      where: readableReunionesTrabajoCast(ctx.viewer),
      orderBy: Order.toPrisma<Prisma.ReunionTrabajoCastOrderByWithRelationInput>(args.orderBy),
    }),
  }),
);

// ---- It-01 step 8: agreements and commitments ------------------------------------

/** The responsible unit's id of each agreement (its RESPONSABLE addressee), for all agreements of a response in one statement. */
function createResponsableLoader(db: Db) {
  return new DataLoader<string, string | null>(async (ids) => {
    const rows = await db.acuerdoReunionDestinatario.findMany({
      where: { acuerdoReunionId: { in: [...ids] }, fin: 'RESPONSABLE' },
      select: { acuerdoReunionId: true, unitId: true },
    });
    const byId = new Map(rows.map((r) => [r.acuerdoReunionId, r.unitId]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

export const EstadoAcuerdoReunionEnum = builder.enumType(EstadoAcuerdoReunion, {
  name: 'EstadoAcuerdoReunion',
  description: 'State of an agreement of a working meeting (It-01 step 8): PENDIENTE until the CST records it fulfilled.',
});

builder.prismaNode('AcuerdoReunion', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableAcuerdosReunion(ctx.viewer)] }),
  description: 'An agreement or commitment of a working meeting (7081-MP-SI Pd-01-It-01 step 8), followed until fulfilled.',
  fields: (t) => ({
    descripcion: t.exposeString('descripcion'),
    fechaCompromiso: t.expose('fechaCompromiso', { type: 'DateTime', description: 'When it is due.' }),
    vencido: t.boolean({
      description: 'Overdue: still PENDIENTE after its due date.',
      select: { estado: true, fechaCompromiso: true },
      resolve: (a) => a.estado === 'PENDIENTE' && a.fechaCompromiso.getTime() < Date.now(),
    }),
    resultado: t.exposeString('resultado', { nullable: true, description: 'What was done (when fulfilled).' }),
    cumplidoAt: t.expose('cumplidoAt', { type: 'DateTime', nullable: true, description: 'When it was recorded fulfilled.' }),
    estado: t.expose('estado', { type: EstadoAcuerdoReunionEnum }),
    unit: t.relation('unit', { description: "The meeting's unit, which follows the agreement (the CST)." }),
    responsable: t.prismaField({
      type: 'OrgUnit',
      description: 'The unit responsible for carrying it out.',
      // The unit with the selection's nested relations, batched for every agreement of the response.
      resolve: async (query, a, _x, ctx) =>
        (await loadReadable(ctx, 'orgUnit', await ctx.loader(createResponsableLoader).load(a.id), {}, query))!,
    }),
    reunionTrabajoCast: t.prismaField({
      type: 'ReunionTrabajoCast',
      nullable: true,
      description: "The meeting that agreed it; null when the meeting is outside the viewer's scope.",
      resolve: (query, a, _x, ctx) =>
        loadReadable(ctx, 'reunionTrabajoCast', a.reunionTrabajoCastId, readableReunionesTrabajoCast(ctx.viewer), query),
    }),
    createdByName: t.string({
      description: 'The full name of who recorded it.',
      select: { createdBy: { select: { fullName: true } } },
      resolve: (a) => a.createdBy.fullName,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

workflowRecordFields(acuerdoReunionWorkflow);

const AcuerdoFilter = builder.inputType('AcuerdoReunionFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: 'Owned by this unit or a unit below it.' }),
    unitId: t.globalID({ required: false, description: 'Owned by exactly this unit.' }),
    estado: t.field({ type: [EstadoAcuerdoReunionEnum], required: false, description: 'Any of these states.' }),
    reunionTrabajoCastId: t.globalID({ required: false, for: ReunionTrabajoCastRef, description: 'Agreed at this meeting.' }),
    responsableUnitId: t.globalID({ required: false, description: 'This unit is responsible.' }),
    vencido: t.boolean({ required: false, description: 'true: overdue (PENDIENTE after the due date); false: not overdue.' }),
  }),
});
const AcuerdoOrder = orderInput('AcuerdoReunion', ['fechaCompromiso', 'createdAt', 'updatedAt', 'estado'] as const, 'fechaCompromiso');

const acuerdoWhere = listWhere(async ({ filter }: { filter?: typeof AcuerdoFilter.$inferInput | null }, ctx) => {
  const now = new Date();
  const overdue = { estado: 'PENDIENTE' as const, fechaCompromiso: { lt: now } };
  return {
    AND: [
      readableAcuerdosReunion(ctx.viewer),
      await unitFilter(ctx, filter),
      filter?.estado?.length ? { estado: { in: filter.estado } } : {},
      filter?.reunionTrabajoCastId ? { reunionTrabajoCastId: filter.reunionTrabajoCastId.id } : {},
      filter?.responsableUnitId ? { destinatarios: { some: { fin: 'RESPONSABLE' as const, unitId: filter.responsableUnitId.id } } } : {},
      filter?.vencido === true ? overdue : filter?.vencido === false ? { NOT: overdue } : {},
    ],
  };
});

builder.queryField('acuerdosReunion', (t) =>
  t.prismaConnection(
    {
      type: 'AcuerdoReunion',
      cursor: 'id',
      description:
        'Agreements of working meetings the viewer may see (owned within their reach, or their unit responsible); `filter: { vencido: true }` lists the overdue ones.',
      args: { filter: t.arg({ type: AcuerdoFilter }), orderBy: t.arg({ type: AcuerdoOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'acuerdoReunion', { where: await acuerdoWhere(args, ctx) }),
      resolve: async (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'acuerdoReunion',
          {
            ...query,
            where: await acuerdoWhere(args, ctx),
            orderBy: AcuerdoOrder.toPrisma<Prisma.AcuerdoReunionOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'AcuerdoReunionConnection' },
    { name: 'AcuerdoReunionEdge' },
  ),
);

builder.prismaObjectField('OrgUnit', 'acuerdosReunion', (t) =>
  t.relatedConnection('acuerdosReunion', {
    cursor: 'id',
    totalCount: true,
    args: { orderBy: t.arg({ type: AcuerdoOrder.Input }) },
    description: 'Agreements owned by this unit (the meeting organiser) that the viewer may see.',
    query: (args, ctx) => ({
      where: readableAcuerdosReunion(ctx.viewer),
      orderBy: AcuerdoOrder.toPrisma<Prisma.AcuerdoReunionOrderByWithRelationInput>(args.orderBy),
    }),
  }),
);
documentosField('ReunionTrabajoCast', 'Files attached by its steps (meeting evidence of step 8), in the order attached.');
