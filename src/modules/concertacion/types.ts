// GraphQL types and the root list of the concertaciones of technological services (7081-MP-SI 8.1.5).
import { count, findMany } from '../../lib/db/read.js';
import { builder } from '../../builder.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { EstadoConcertacionServicio } from '../../generated/prisma/enums.js';
import { documentosField } from '../../lib/documents/schema.js';
import { listWhere, orderInput, unitFilter } from '../../lib/pagination.js';
import { workflowRecordFields } from '../../lib/workflow/fields.js';
import { pesosText } from './money.js';
import { readableConcertacionesServicio } from './rules.js';
import { concertacionServicioWorkflow } from './workflow.js';

const EstadoConcertacionServicioEnum = builder.enumType(EstadoConcertacionServicio, {
  name: 'EstadoConcertacionServicio',
  description:
    'State of a concertación of a technological service (7081-MP-SI 8.1.5): SOLICITADA by the USUARIO, EN_COORDINACION at the DSTC, ' +
    'CON_CAST, RESPONDIDA by the CAST, NO_PROCEDENTE (back to the USUARIO) or CONCERTADA, EN_EJECUCION, ENTREGADA, VERIFICADA ' +
    'by the USUARIO, PAGADA.',
});

export const ConcertacionServicioRef = builder.prismaNode('ConcertacionServicio', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableConcertacionesServicio(ctx.viewer)] }),
  description:
    "A concertación of a technological service (7081-MP-SI 8.1.5): an outside organisation's request for information and a quote, " +
    'through to the payment of its cuota de recuperación. Read by the organisation, the CAST it is registered under and the offices above.',
  fields: (t) => ({
    servicio: t.exposeString('servicio', { description: 'The technological service asked about.' }),
    solicitud: t.exposeString('solicitud', { description: "The USUARIO's request (activity 1), as last corrected." }),
    respuestaCast: t.exposeString('respuestaCast', { nullable: true, description: "The CAST's answer (activity 4)." }),
    cotizacion: t.string({
      nullable: true,
      description: "The CAST's quote in pesos, decimal text with two decimals (activity 4).",
      select: { cotizacion: true },
      resolve: (c) => pesosText(c.cotizacion),
    }),
    compromisos: t.exposeString('compromisos', { nullable: true, description: 'The commitments signed (activity 7).' }),
    cuotaRecuperacion: t.string({
      nullable: true,
      description: 'The cuota de recuperación agreed, pesos as decimal text (activity 7).',
      select: { cuotaRecuperacion: true },
      resolve: (c) => pesosText(c.cuotaRecuperacion),
    }),
    entrega: t.exposeString('entrega', { nullable: true, description: 'What the CAST delivered (activity 9).' }),
    verificacion: t.exposeString('verificacion', { nullable: true, description: "The USUARIO's verification of the work (activity 10)." }),
    pagoReferencia: t.exposeString('pagoReferencia', { nullable: true, description: 'The reference of the payment (activity 10).' }),
    montoPagado: t.string({
      nullable: true,
      description: 'The payment the CAST received, pesos as decimal text: always the cuota de recuperación (activity 11).',
      select: { montoPagado: true },
      resolve: (c) => pesosText(c.montoPagado),
    }),
    pagadaAt: t.expose('pagadaAt', { type: 'DateTime', nullable: true, description: 'When the CAST recorded the payment.' }),
    estado: t.expose('estado', { type: EstadoConcertacionServicioEnum }),
    unit: t.relation('unit', { description: 'The organisation (company or institution) that asked.' }),
    createdByName: t.string({ select: { createdBy: { select: { fullName: true } } }, resolve: (c) => c.createdBy.fullName }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(concertacionServicioWorkflow);
documentosField(
  'ConcertacionServicio',
  'The signed commitments (activity 7), the delivery evidence (activity 9) and the payment receipt (activity 10), in the order attached.',
);

const ConcertacionServicioFilter = builder.inputType('ConcertacionServicioFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({
      required: false,
      description: 'Of this unit or a unit below it (a CAST: the organisations registered under it).',
    }),
    unitId: t.globalID({ required: false, description: 'Of exactly this organisation.' }),
    estado: t.field({ type: [EstadoConcertacionServicioEnum], required: false, description: 'Any of these states.' }),
  }),
});
const ConcertacionServicioOrder = orderInput('ConcertacionServicio', ['createdAt', 'updatedAt', 'estado'] as const, 'createdAt');
const concertacionServicioWhere = listWhere(async ({ filter }: { filter?: typeof ConcertacionServicioFilter.$inferInput | null }, ctx) => ({
  AND: [
    readableConcertacionesServicio(ctx.viewer),
    await unitFilter(ctx, filter),
    filter?.estado?.length ? { estado: { in: filter.estado } } : {},
  ],
}));
builder.queryField('concertacionesServicio', (t) =>
  t.prismaConnection(
    {
      type: 'ConcertacionServicio',
      cursor: 'id',
      description:
        "Concertaciones of technological services (8.1.5) the viewer may see: an outside organisation's people see only their own.",
      args: { filter: t.arg({ type: ConcertacionServicioFilter }), orderBy: t.arg({ type: ConcertacionServicioOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'concertacionServicio', { where: await concertacionServicioWhere(args, ctx) }),
      resolve: async (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'concertacionServicio',
          {
            ...query,
            where: await concertacionServicioWhere(args, ctx),
            orderBy: ConcertacionServicioOrder.toPrisma<Prisma.ConcertacionServicioOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'ConcertacionServicioConnection' },
    { name: 'ConcertacionServicioEdge' },
  ),
);
