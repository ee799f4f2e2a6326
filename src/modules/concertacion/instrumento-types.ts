// GraphQL types and the root list of the instrumentos jurídicos (7081-MP-SI Pd-02-It-03 6-8, 8.1.5 7).
import { count, findMany } from '../../lib/db/read.js';
import { builder } from '../../builder.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { EstadoInstrumentoJuridico, ParteInstrumentoJuridico } from '../../generated/prisma/enums.js';
import { documentoById, DocumentoRef, documentosField } from '../../lib/documents/schema.js';
import { listWhere, orderInput, unitFilter } from '../../lib/pagination.js';
import { workflowRecordFields } from '../../lib/workflow/fields.js';
import { instrumentoJuridicoWorkflow } from './instrumento-workflow.js';
import { pesosText } from './money.js';
import { readableInstrumentosJuridicos } from './rules.js';

const EstadoInstrumentoJuridicoEnum = builder.enumType(EstadoInstrumentoJuridico, {
  name: 'EstadoInstrumentoJuridico',
  description:
    'State of an instrumento jurídico: EN_ELABORACION with the user (activity 6, and after observations), EN_DICTAMEN at the DCAJ, ' +
    'DICTAMINADO (favourable), EN_FIRMA once the user validated it, EN_REGISTRO at the DCAJ once every party signed, REGISTRADO ' +
    '(its registry number), COMUNICADO to the participants (activity 8).',
});

export const ParteInstrumentoJuridicoEnum = builder.enumType(ParteInstrumentoJuridico, {
  name: 'ParteInstrumentoJuridico',
  description:
    "A signing party of an instrumento jurídico, by the role that signs: USUARIO_EXTERNO (the outside organisation's person), DSTC or " +
    'DIRECTOR_GENERAL_NACIONAL (for CONALEP).',
});

builder.prismaObject('InstrumentoJuridicoVersion', {
  description: 'One version of the text of an instrumento jurídico (activity 6): a document, numbered from 1.',
  fields: (t) => ({
    numero: t.exposeInt('numero', { description: 'Its number: 1 for the first draft, one more for each new version.' }),
    notas: t.exposeString('notas', { nullable: true, description: 'What the version says or changes.' }),
    documento: t.field({
      type: DocumentoRef,
      description: 'The text, as uploaded (it shares the instrument’s read scope).',
      select: { documentoId: true },
      resolve: async (v, _a, ctx) => (await ctx.loader(documentoById).load(v.documentoId))!,
    }),
    createdByName: t.string({
      description: 'Who added the version.',
      select: { createdBy: { select: { fullName: true } } },
      resolve: (v) => v.createdBy.fullName,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObject('FirmaInstrumentoJuridico', {
  description: 'A signature the instrument names: its place in the order, the party, and once signed who and when.',
  fields: (t) => ({
    orden: t.exposeInt('orden', { description: 'Its place in the order of signatures, from 1.' }),
    parte: t.expose('parte', { type: ParteInstrumentoJuridicoEnum, description: 'The party that signs in this place.' }),
    firmadoAt: t.expose('firmadoAt', { type: 'DateTime', nullable: true, description: 'When the party signed; null while pending.' }),
    firmadoPorName: t.string({
      nullable: true,
      description: 'Who signed for the party.',
      select: { firmadoPor: { select: { fullName: true } } },
      resolve: (f) => f.firmadoPor?.fullName ?? null,
    }),
  }),
});

export const InstrumentoJuridicoRef = builder.prismaNode('InstrumentoJuridico', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableInstrumentosJuridicos(ctx.viewer)] }),
  description:
    'An instrumento jurídico (convenio, contrato) that formalises a concertación of training or of a technological service: its text in ' +
    "versions, the DCAJ's dictamen, the user's validation, the parties' signatures in order, its registry number, term and amount. " +
    'Owned by the outside organisation: read by it, the units above it and the national offices; once COMUNICADO also by the ' +
    'participating units of its concertación de capacitación.',
  fields: (t) => ({
    titulo: t.exposeString('titulo', { description: 'The instrument.' }),
    objeto: t.exposeString('objeto', { description: 'What CONALEP and the user agree.' }),
    vigenciaDesde: t.expose('vigenciaDesde', { type: 'DateTime', description: 'Start of its term (a date, at 00:00 UTC).' }),
    vigenciaHasta: t.expose('vigenciaHasta', { type: 'DateTime', description: 'End of its term (a date, at 00:00 UTC).' }),
    monto: t.string({
      description: 'Its amount, pesos as decimal text with two decimals.',
      select: { monto: true },
      resolve: (i) => pesosText(i.monto)!,
    }),
    dictamen: t.exposeString('dictamen', { nullable: true, description: "The DCAJ's favourable dictamen (activity 7)." }),
    numeroRegistro: t.exposeString('numeroRegistro', { nullable: true, description: "The DCAJ's registry number (activity 8); unique." }),
    registradoAt: t.expose('registradoAt', { type: 'DateTime', nullable: true, description: 'When the DCAJ registered it.' }),
    comunicadoAt: t.expose('comunicadoAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was communicated to the participants.',
    }),
    estado: t.expose('estado', { type: EstadoInstrumentoJuridicoEnum }),
    unit: t.relation('unit', { description: 'The outside organisation, party to the instrument.' }),
    concertacionCapacitacion: t.relation('concertacionCapacitacion', {
      nullable: true,
      description: 'The concertación de capacitación it formalises (or null).',
    }),
    concertacionServicio: t.relation('concertacionServicio', {
      nullable: true,
      description: 'The concertación of a technological service it formalises (or null).',
    }),
    versiones: t.relation('versiones', {
      description: 'The versions of its text, first to last (activity 6).',
      query: { orderBy: { numero: 'asc' } },
    }),
    firmas: t.relation('firmas', {
      description: 'The signatures it names, in their order (activity 7); each party signs only after those before it.',
      query: { orderBy: { orden: 'asc' } },
    }),
    createdByName: t.string({
      description: 'Who drafted it.',
      select: { createdBy: { select: { fullName: true } } },
      resolve: (i) => i.createdBy.fullName,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(instrumentoJuridicoWorkflow);
documentosField(
  'InstrumentoJuridico',
  'Every file of the instrument in the order attached: the versions of its text (PROYECTO_INSTRUMENTO) and the signed copy (INSTRUMENTO_FIRMADO).',
);

builder.prismaObjectField('ConcertacionServicio', 'instrumentosJuridicos', (t) =>
  t.relation('instrumentosJuridicos', {
    description: 'The instrumentos jurídicos that formalise it (its commitments, activity 7), oldest first.',
    // The instruments' own rule, as on every path.
    query: (_args, ctx) => ({ where: readableInstrumentosJuridicos(ctx.viewer), orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
  }),
);

const InstrumentoJuridicoFilter = builder.inputType('InstrumentoJuridicoFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: 'Of an organisation at this unit or below it.' }),
    unitId: t.globalID({ required: false, description: 'Of exactly this organisation.' }),
    estado: t.field({ type: [EstadoInstrumentoJuridicoEnum], required: false, description: 'Any of these states.' }),
    numeroRegistro: t.string({ required: false, description: 'The one with exactly this registry number.' }),
  }),
});
const InstrumentoJuridicoOrder = orderInput(
  'InstrumentoJuridico',
  ['createdAt', 'updatedAt', 'estado', 'vigenciaHasta'] as const,
  'createdAt',
);
const instrumentoJuridicoWhere = listWhere(async ({ filter }: { filter?: typeof InstrumentoJuridicoFilter.$inferInput | null }, ctx) => ({
  AND: [
    readableInstrumentosJuridicos(ctx.viewer),
    await unitFilter(ctx, filter),
    filter?.estado?.length ? { estado: { in: filter.estado } } : {},
    filter?.numeroRegistro ? { numeroRegistro: filter.numeroRegistro } : {},
  ],
}));
builder.queryField('instrumentosJuridicos', (t) =>
  t.prismaConnection(
    {
      type: 'InstrumentoJuridico',
      cursor: 'id',
      description: "Instrumentos jurídicos the viewer may see: an outside organisation's people see only their own organisation's.",
      args: { filter: t.arg({ type: InstrumentoJuridicoFilter }), orderBy: t.arg({ type: InstrumentoJuridicoOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'instrumentoJuridico', { where: await instrumentoJuridicoWhere(args, ctx) }),
      resolve: async (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'instrumentoJuridico',
          {
            ...query,
            where: await instrumentoJuridicoWhere(args, ctx),
            orderBy: InstrumentoJuridicoOrder.toPrisma<Prisma.InstrumentoJuridicoOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'InstrumentoJuridicoConnection' },
    { name: 'InstrumentoJuridicoEdge' },
  ),
);
