// GraphQL types and the root list of the concertaciones de capacitación (7081-MP-SI Pd-02-It-03).
import { count, findMany } from '../../lib/db/read.js';
import { builder } from '../../builder.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { EstadoConcertacionCapacitacion } from '../../generated/prisma/enums.js';
import { documentosField } from '../../lib/documents/schema.js';
import { listWhere, orderInput, unitFilter } from '../../lib/pagination.js';
import { workflowRecordFields } from '../../lib/workflow/fields.js';
import { concertacionCapacitacionWorkflow } from './capacitacion-workflow.js';
import { pesosText } from './money.js';
import { readableConcertacionesCapacitacion, readableInstrumentosJuridicos } from './rules.js';

const EstadoConcertacionCapacitacionEnum = builder.enumType(EstadoConcertacionCapacitacion, {
  name: 'EstadoConcertacionCapacitacion',
  description:
    'State of a concertación de capacitación (Pd-02-It-03): PROSPECTO (activity 1), AGENDADA (2), EN_ANALISIS (3), VIABLE (4), ' +
    'PROPUESTA with its cuota (5), FORMALIZADA by its instrumento jurídico (6-8).',
});

builder.prismaObject('ConcertacionCapacitacionParticipante', {
  description: 'A unit that would deliver the training of a concertación (It-03 activity 4).',
  fields: (t) => ({
    unit: t.relation('unit', { description: 'The Colegio Estatal, the UODCDMX or the RCEO.' }),
  }),
});

export const ConcertacionCapacitacionRef = builder.prismaNode('ConcertacionCapacitacion', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableConcertacionesCapacitacion(ctx.viewer)] }),
  description:
    'A concertación of training services (7081-MP-SI Pd-02-It-03): from a prospect user (an outside company or institution, which owns it) ' +
    'to the formalisation of the service by an instrumento jurídico. Read by the organisation, the units above it, the national offices ' +
    'and the participating units named at activity 4.',
  fields: (t) => ({
    prospecto: t.exposeString('prospecto', { description: 'Why the organisation is a possible user (activity 1).' }),
    agenda: t.exposeString('agenda', { nullable: true, description: 'The courses offered on the agenda (activity 2).' }),
    citaAt: t.expose('citaAt', { type: 'DateTime', nullable: true, description: 'The appointment with the user (activity 2).' }),
    requerimiento: t.exposeString('requerimiento', { nullable: true, description: "The user's requirement (activity 3)." }),
    ambito: t.exposeString('ambito', { nullable: true, description: 'Its scope (activity 3).' }),
    viabilidad: t.exposeString('viabilidad', {
      nullable: true,
      description: 'What was agreed with the units that would deliver it (activity 4).',
    }),
    participantes: t.relation('participantes', {
      description: 'The Colegios Estatales, UODCDMX and RCEO that would deliver it (activity 4), in the order named.',
      query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    }),
    propuesta: t.exposeString('propuesta', { nullable: true, description: 'The technical-economic proposal (activity 5).' }),
    cuotaRecuperacion: t.string({
      nullable: true,
      description: 'The cuota de recuperación, pesos as decimal text with two decimals (activity 5).',
      select: { cuotaRecuperacion: true },
      resolve: (c) => pesosText(c.cuotaRecuperacion),
    }),
    formalizadaAt: t.expose('formalizadaAt', { type: 'DateTime', nullable: true, description: 'When it was formalised (activity 8).' }),
    estado: t.expose('estado', { type: EstadoConcertacionCapacitacionEnum }),
    unit: t.relation('unit', { description: 'The organisation (company or institution), the prospect user.' }),
    instrumentosJuridicos: t.relation('instrumentosJuridicos', {
      description:
        'The instrumentos jurídicos that formalise it (activities 6-8), oldest first; a participating unit sees them once communicated.',
      // A participant reads the concertación before its instruments are communicated: the instruments' own rule applies.
      query: (_args, ctx) => ({ where: readableInstrumentosJuridicos(ctx.viewer), orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    }),
    createdByName: t.string({
      description: 'Who registered the prospect.',
      select: { createdBy: { select: { fullName: true } } },
      resolve: (c) => c.createdBy.fullName,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(concertacionCapacitacionWorkflow);
documentosField('ConcertacionCapacitacion', 'The technical-economic proposal (activity 5), in the order attached.');

const ConcertacionCapacitacionFilter = builder.inputType('ConcertacionCapacitacionFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({
      required: false,
      description: 'Of this unit or a unit below it (a CAST: the organisations registered under it).',
    }),
    unitId: t.globalID({ required: false, description: 'Of exactly this organisation.' }),
    estado: t.field({ type: [EstadoConcertacionCapacitacionEnum], required: false, description: 'Any of these states.' }),
  }),
});
const ConcertacionCapacitacionOrder = orderInput('ConcertacionCapacitacion', ['createdAt', 'updatedAt', 'estado'] as const, 'createdAt');
const concertacionCapacitacionWhere = listWhere(
  async ({ filter }: { filter?: typeof ConcertacionCapacitacionFilter.$inferInput | null }, ctx) => ({
    AND: [
      readableConcertacionesCapacitacion(ctx.viewer),
      await unitFilter(ctx, filter),
      filter?.estado?.length ? { estado: { in: filter.estado } } : {},
    ],
  }),
);
builder.queryField('concertacionesCapacitacion', (t) =>
  t.prismaConnection(
    {
      type: 'ConcertacionCapacitacion',
      cursor: 'id',
      description: "Concertaciones de capacitación (It-03) the viewer may see: an outside organisation's people see only their own.",
      args: { filter: t.arg({ type: ConcertacionCapacitacionFilter }), orderBy: t.arg({ type: ConcertacionCapacitacionOrder.Input }) },
      totalCount: async (_c, args, ctx) =>
        count(ctx.db, 'concertacionCapacitacion', { where: await concertacionCapacitacionWhere(args, ctx) }),
      resolve: async (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'concertacionCapacitacion',
          {
            ...query,
            where: await concertacionCapacitacionWhere(args, ctx),
            orderBy: ConcertacionCapacitacionOrder.toPrisma<Prisma.ConcertacionCapacitacionOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'ConcertacionCapacitacionConnection' },
    { name: 'ConcertacionCapacitacionEdge' },
  ),
);
