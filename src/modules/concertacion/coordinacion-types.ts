// GraphQL types and the root list of the national coordination of training services (7081-MP-SI Pd-02-It-04).
import { count, findMany } from '../../lib/db/read.js';
import { builder } from '../../builder.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { EstadoCoordinacionCapacitacion } from '../../generated/prisma/enums.js';
import { documentoById, DocumentoRef, documentosField } from '../../lib/documents/schema.js';
import { listWhere, orderInput, unitFilter } from '../../lib/pagination.js';
import { workflowRecordFields } from '../../lib/workflow/fields.js';
import { coordinacionCapacitacionWorkflow } from './coordinacion-workflow.js';
import { pesosText } from './money.js';
import { readableCoordinacionesCapacitacion } from './rules.js';

const EstadoCoordinacionCapacitacionEnum = builder.enumType(EstadoCoordinacionCapacitacion, {
  name: 'EstadoCoordinacionCapacitacion',
  description:
    'State of the national coordination of a training service (Pd-02-It-04): EN_COORDINACION (activities 1-3), PORTAFOLIO_INTEGRADO (4), ' +
    'CFDI_SOLICITADO with the cuota validated (5-6), FACTURADA with its CFDI (6), PAGADA (7), DERRAMA_SOLICITADA to the DAF (8), ' +
    'DERRAMA_NOTIFICADA to the participating units (9).',
});

builder.prismaObject('LineaDerrama', {
  description: 'One part of the derrama of a coordination (It-04 activity 8): what a participating unit receives, with its CFDI.',
  fields: (t) => ({
    orden: t.exposeInt('orden', { description: 'Its place in the derrama, from 1.' }),
    unit: t.relation('unit', { description: 'The participating unit (Colegio Estatal, UODCDMX or RCEO).' }),
    monto: t.string({
      description: 'What the unit receives, pesos as decimal text with two decimals.',
      select: { monto: true },
      resolve: (l) => pesosText(l.monto)!,
    }),
    documento: t.field({
      type: DocumentoRef,
      description: 'The CFDI the unit issued for its part (it shares the coordination’s read scope).',
      select: { documentoId: true },
      resolve: async (l, _a, ctx) => (await ctx.loader(documentoById).load(l.documentoId))!,
    }),
  }),
});

export const CoordinacionCapacitacionRef = builder.prismaNode('CoordinacionCapacitacion', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableCoordinacionesCapacitacion(ctx.viewer)] }),
  description:
    'The national coordination of a formalised concertación de capacitación (7081-MP-SI Pd-02-It-04): participants notified, materials ' +
    'validated, delivery followed, portafolio de evidencias, cuota validated, CFDI, payment and derrama. Owned by the outside organisation: ' +
    'read by it, the units above it, the national offices and the participating units.',
  fields: (t) => ({
    notificacion: t.exposeString('notificacion', { description: 'The notice to the participating units (activity 1).' }),
    materiales: t.exposeString('materiales', { nullable: true, description: 'The didactic and instructional materials (activity 1).' }),
    validacionMateriales: t.exposeString('validacionMateriales', {
      nullable: true,
      description: 'The validation of the materials with the user (activity 2).',
    }),
    seguimiento: t.exposeString('seguimiento', { nullable: true, description: 'The follow-up of the delivery (activity 3).' }),
    portafolio: t.exposeString('portafolio', { nullable: true, description: 'The portafolio de evidencias (activity 4).' }),
    cuotaRecuperacion: t.string({
      nullable: true,
      description: 'The cuota validated with the user and the participants (activity 5), pesos as decimal text with two decimals.',
      select: { cuotaRecuperacion: true },
      resolve: (c) => pesosText(c.cuotaRecuperacion),
    }),
    cuotaValidadaAt: t.expose('cuotaValidadaAt', { type: 'DateTime', nullable: true, description: 'When the cuota was validated.' }),
    folioCfdi: t.exposeString('folioCfdi', { nullable: true, description: 'The folio fiscal of the CFDI the DAF issued (activity 6).' }),
    facturadaAt: t.expose('facturadaAt', { type: 'DateTime', nullable: true, description: 'When the CFDI was received.' }),
    montoPagado: t.string({
      nullable: true,
      description: 'What the user paid (activity 7), pesos as decimal text with two decimals.',
      select: { montoPagado: true },
      resolve: (c) => pesosText(c.montoPagado),
    }),
    referenciaPago: t.exposeString('referenciaPago', { nullable: true, description: 'The payment reference (activity 7).' }),
    pagadaAt: t.expose('pagadaAt', { type: 'DateTime', nullable: true, description: 'When the user paid.' }),
    derramaSolicitadaAt: t.expose('derramaSolicitadaAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the derrama was asked of the DAF (activity 8).',
    }),
    notificacionDerrama: t.exposeString('notificacionDerrama', {
      nullable: true,
      description: 'The notice of the derrama to the participating units (activity 9).',
    }),
    derramaNotificadaAt: t.expose('derramaNotificadaAt', { type: 'DateTime', nullable: true, description: 'When it was notified.' }),
    estado: t.expose('estado', { type: EstadoCoordinacionCapacitacionEnum }),
    unit: t.relation('unit', { description: 'The organisation (company or institution) that pays the cuota.' }),
    // The concertación is read with the same rule (the organisation, the units above it, its participants).
    concertacionCapacitacion: t.relation('concertacionCapacitacion', { description: 'The concertación de capacitación it coordinates.' }),
    lineasDerrama: t.relation('lineasDerrama', {
      description: 'The parts of the derrama (activity 8), in the order given; they add up to the payment.',
      query: { orderBy: { orden: 'asc' } },
    }),
    createdByName: t.string({
      description: 'Who started the coordination.',
      select: { createdBy: { select: { fullName: true } } },
      resolve: (c) => c.createdBy.fullName,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(coordinacionCapacitacionWorkflow);
documentosField(
  'CoordinacionCapacitacion',
  'Every file of the coordination in the order attached: materials and follow-up (OTRO), the portafolio de evidencias ' +
    '(PORTAFOLIO_EVIDENCIAS), the CFDI of the DAF and those of the participating units (CFDI).',
);

builder.prismaObjectField('ConcertacionCapacitacion', 'coordinacion', (t) =>
  // Read with the same rule as the concertación (the organisation, the units above it, its participants).
  t.relation('coordinacion', { nullable: true, description: 'Its national coordination (It-04), once started.' }),
);

const CoordinacionCapacitacionFilter = builder.inputType('CoordinacionCapacitacionFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: 'Of an organisation at this unit or below it.' }),
    unitId: t.globalID({ required: false, description: 'Of exactly this organisation.' }),
    estado: t.field({ type: [EstadoCoordinacionCapacitacionEnum], required: false, description: 'Any of these states.' }),
    participanteId: t.globalID({ required: false, description: 'Delivered by this participating unit (Colegio Estatal, UODCDMX, RCEO).' }),
  }),
});
const CoordinacionCapacitacionOrder = orderInput(
  'CoordinacionCapacitacion',
  ['createdAt', 'updatedAt', 'estado', 'pagadaAt'] as const,
  'createdAt',
);
const coordinacionCapacitacionWhere = listWhere(
  async ({ filter }: { filter?: typeof CoordinacionCapacitacionFilter.$inferInput | null }, ctx) => ({
    AND: [
      readableCoordinacionesCapacitacion(ctx.viewer),
      await unitFilter(ctx, filter),
      filter?.estado?.length ? { estado: { in: filter.estado } } : {},
      filter?.participanteId ? { concertacionCapacitacion: { participantes: { some: { unitId: filter.participanteId.id } } } } : {},
    ],
  }),
);
builder.queryField('coordinacionesCapacitacion', (t) =>
  t.prismaConnection(
    {
      type: 'CoordinacionCapacitacion',
      cursor: 'id',
      description:
        "National coordinations of training services (It-04) the viewer may see: an outside organisation's people see only their own; " +
        'a participating unit those it delivers.',
      args: { filter: t.arg({ type: CoordinacionCapacitacionFilter }), orderBy: t.arg({ type: CoordinacionCapacitacionOrder.Input }) },
      totalCount: async (_c, args, ctx) =>
        count(ctx.db, 'coordinacionCapacitacion', { where: await coordinacionCapacitacionWhere(args, ctx) }),
      resolve: async (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'coordinacionCapacitacion',
          {
            ...query,
            where: await coordinacionCapacitacionWhere(args, ctx),
            orderBy: CoordinacionCapacitacionOrder.toPrisma<Prisma.CoordinacionCapacitacionOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'CoordinacionCapacitacionConnection' },
    { name: 'CoordinacionCapacitacionEdge' },
  ),
);
