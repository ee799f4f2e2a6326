// The dated rules of 15-528-PO-26 §9 that have a record behind them: the
// January cost table of the alignment courses (L194, L196) and the technical
// visits to planteles of March, June, September and December (L198).
import { count, findMany } from '../../lib/db/read.js';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { InputChecker } from '../../lib/errors.js';
import { listWhere, orderInput, unitFilter } from '../../lib/pagination.js';
import { checkText } from '../../lib/validation.js';
import { creationMutation } from '../../lib/workflow/mutations.js';
import { workflowRecordFields } from '../../lib/workflow/fields.js';
import { ModalidadReunionEnum } from '../normatividad/types.js';
import { readableByUnit } from './rules.js';
import { tablaCostosWorkflow, visitaTecnicaWorkflow } from './workflow.js';

/** The months of the technical visits (L198). */
export const MESES_VISITA_TECNICA = [3, 6, 9, 12] as const;

const anioValido = (anio: number) => Number.isInteger(anio) && anio >= 2000 && anio <= 2100;

// ---- the cost table --------------------------------------------------------------

builder.prismaNode('TablaCostos', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableByUnit(ctx.viewer)] }),
  description:
    'The table of costs of the alignment courses with certification purposes, sent in January (§9, L194; L196: external users pay).',
  fields: (t) => ({
    anio: t.exposeInt('anio'),
    enviadaAt: t.expose('enviadaAt', { type: 'DateTime' }),
    enPlazo: t.boolean({
      description: 'Sent in January of its year, as §9 asks.',
      select: { enviadaAt: true, anio: true },
      resolve: (r) => r.enviadaAt.getUTCFullYear() === r.anio && r.enviadaAt.getUTCMonth() === 0,
    }),
    unit: t.relation('unit'),
    conceptos: t.relation('conceptos', { description: 'Its lines, in order.', query: { orderBy: [{ orden: 'asc' }] } }),
  }),
});
workflowRecordFields(tablaCostosWorkflow);

builder.prismaObject('ConceptoCosto', {
  description: 'A line of the cost table: an alignment course for a competence standard and its cost.',
  fields: (t) => ({
    orden: t.exposeInt('orden'),
    estandar: t.exposeString('estandar', { description: 'The competence standard, e.g. "EC0217".' }),
    curso: t.exposeString('curso'),
    costo: t.float({ select: { costo: true }, resolve: (c) => Number(c.costo) }),
  }),
});

const ConceptoCostoInput = builder.inputType('ConceptoCostoInput', {
  fields: (t) => ({
    estandar: t.string({ required: true }),
    curso: t.string({ required: true }),
    costo: t.float({ required: true, description: 'Pesos, zero or more, two decimals at most.' }),
  }),
});
const CreateTablaCostosInput = builder.inputType('CreateTablaCostosInput', {
  fields: (t) => ({
    anio: t.int({ required: true }),
    conceptos: t.field({ type: [ConceptoCostoInput], required: true, description: 'At least one line.' }),
    unitId: t.globalID({ required: false, description: 'The Colegio Estatal; defaults to the unit where you hold the role.' }),
  }),
});
creationMutation(tablaCostosWorkflow, 'createTablaCostos', {
  input: CreateTablaCostosInput,
  plan: (input, ctx) => ({
    unitId: input.unitId?.id,
    validate: async (tx, { unit }) => {
      const check = new InputChecker()
        .check(anioValido(input.anio), ['input', 'anio'], 'Must be a year between 2000 and 2100')
        .check(input.conceptos.length > 0, ['input', 'conceptos'], 'The table needs at least one line');
      input.conceptos.forEach((c, i) => {
        checkText(check, c.estandar, ['input', 'conceptos', i, 'estandar'], 50);
        checkText(check, c.curso, ['input', 'conceptos', i, 'curso'], 300);
        check.check(
          Number.isFinite(c.costo) && c.costo >= 0 && Math.round(c.costo * 100) === c.costo * 100,
          ['input', 'conceptos', i, 'costo'],
          'Must be zero or more, with two decimals at most',
        );
      });
      if (check.issues.length) return check.issues;
      return (await tx.tablaCostos.count({ where: { unitId: unit.id, anio: input.anio } }))
        ? [{ path: ['input', 'anio'], message: "This year's cost table was already sent" }]
        : [];
    },
    create: async (tx, { unit }) => {
      const conceptos = input.conceptos.map((c, i) => ({
        orden: i + 1,
        estandar: c.estandar.trim(),
        curso: c.curso.trim(),
        costo: c.costo,
      }));
      const created = await tx.tablaCostos.create({
        data: {
          unitId: unit.id,
          anio: input.anio,
          enviadaAt: new Date(),
          createdById: ctx.viewer!.personId,
          conceptos: { create: conceptos },
        },
        select: { id: true },
      });
      return { id: created.id, changes: { anio: input.anio, conceptos } };
    },
  }),
});

// ---- technical visits ---------------------------------------------------------

builder.prismaNode('VisitaTecnica', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableByUnit(ctx.viewer)] }),
  description:
    'A technical visit to a plantel (§9, L198), in person or remote: compliance with the operating rules and CONOCER identity of the promotion material.',
  fields: (t) => ({
    anio: t.exposeInt('anio'),
    mes: t.exposeInt('mes', { description: '3, 6, 9 or 12.' }),
    fecha: t.expose('fecha', { type: 'DateTime' }),
    modalidad: t.expose('modalidad', { type: ModalidadReunionEnum }),
    cumpleReglas: t.exposeBoolean('cumpleReglas', { description: 'The operating rules are complied with.' }),
    cumpleIdentidad: t.exposeBoolean('cumpleIdentidad', { description: "The material follows CONOCER's institutional identity." }),
    hallazgos: t.exposeString('hallazgos'),
    unit: t.relation('unit'),
  }),
});
workflowRecordFields(visitaTecnicaWorkflow);

const CreateVisitaTecnicaInput = builder.inputType('CreateVisitaTecnicaInput', {
  fields: (t) => ({
    unitId: t.globalID({ required: true, description: 'The plantel visited.' }),
    fecha: t.field({ type: 'DateTime', required: true, description: 'In March, June, September or December; not in the future.' }),
    modalidad: t.field({ type: ModalidadReunionEnum, required: true }),
    cumpleReglas: t.boolean({ required: true }),
    cumpleIdentidad: t.boolean({ required: true }),
    hallazgos: t.string({ required: true }),
  }),
});
creationMutation(visitaTecnicaWorkflow, 'createVisitaTecnica', {
  input: CreateVisitaTecnicaInput,
  plan: (input, ctx) => {
    const anio = input.fecha.getUTCFullYear();
    const mes = input.fecha.getUTCMonth() + 1;
    return {
      unitId: input.unitId.id,
      validate: async (tx, { unit }) => {
        const check = new InputChecker()
          .check(anioValido(anio), ['input', 'fecha'], 'Must be in a year between 2000 and 2100')
          .check(
            (MESES_VISITA_TECNICA as readonly number[]).includes(mes),
            ['input', 'fecha'],
            'Technical visits are in March, June, September or December',
          )
          .check(input.fecha.getTime() <= Date.now(), ['input', 'fecha'], 'A visit made cannot be in the future');
        checkText(check, input.hallazgos, ['input', 'hallazgos']);
        if (check.issues.length) return check.issues;
        return (await tx.visitaTecnica.count({ where: { unitId: unit.id, anio, mes } }))
          ? [{ path: ['input', 'fecha'], message: "This month's technical visit to the plantel is already recorded" }]
          : [];
      },
      create: async (tx, { unit }) => {
        const data = {
          anio,
          mes,
          fecha: input.fecha,
          modalidad: input.modalidad,
          cumpleReglas: input.cumpleReglas,
          cumpleIdentidad: input.cumpleIdentidad,
          hallazgos: input.hallazgos.trim(),
        };
        const created = await tx.visitaTecnica.create({
          data: { ...data, unitId: unit.id, createdById: ctx.viewer!.personId },
          select: { id: true },
        });
        return { id: created.id, changes: { ...data, fecha: input.fecha.toISOString() } };
      },
    };
  },
});

// ---- lists ------------------------------------------------------------------------

const TablaCostosFilter = builder.inputType('TablaCostosFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: 'Of this unit or a unit below it.' }),
    unitId: t.globalID({ required: false, description: 'Of exactly this unit.' }),
    anio: t.int({ required: false }),
  }),
});
const TablaCostosOrder = orderInput('TablaCostos', ['anio', 'enviadaAt'] as const, 'anio');
const tablaWhere = listWhere(
  async ({ filter }: { filter?: typeof TablaCostosFilter.$inferInput | null }, ctx: Context): Promise<Prisma.TablaCostosWhereInput> => ({
    AND: [readableByUnit(ctx.viewer), await unitFilter(ctx, filter), filter?.anio != null ? { anio: filter.anio } : {}],
  }),
);

const VisitaTecnicaFilter = builder.inputType('VisitaTecnicaFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: 'Of this unit or a unit below it.' }),
    unitId: t.globalID({ required: false, description: 'Of exactly this unit.' }),
    anio: t.int({ required: false }),
    mes: t.int({ required: false }),
  }),
});
const VisitaTecnicaOrder = orderInput('VisitaTecnica', ['fecha', 'anio'] as const, 'fecha');
const visitaWhere = listWhere(
  async (
    { filter }: { filter?: typeof VisitaTecnicaFilter.$inferInput | null },
    ctx: Context,
  ): Promise<Prisma.VisitaTecnicaWhereInput> => ({
    AND: [
      readableByUnit(ctx.viewer),
      await unitFilter(ctx, filter),
      filter?.anio != null ? { anio: filter.anio } : {},
      filter?.mes != null ? { mes: filter.mes } : {},
    ],
  }),
);

builder.queryFields((t) => ({
  tablasCostos: t.prismaConnection(
    {
      type: 'TablaCostos',
      cursor: 'id',
      description: 'Cost tables the viewer may see. Default order: by year.',
      args: { filter: t.arg({ type: TablaCostosFilter }), orderBy: t.arg({ type: TablaCostosOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'tablaCostos', { where: await tablaWhere(args, ctx) }),
      resolve: async (query, _r, args, ctx, info) =>
        findMany(
          ctx.db,
          'tablaCostos',
          {
            ...query,
            where: await tablaWhere(args, ctx),
            orderBy: TablaCostosOrder.toPrisma<Prisma.TablaCostosOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'TablaCostosConnection' },
    { name: 'TablaCostosEdge' },
  ),
  visitasTecnicas: t.prismaConnection(
    {
      type: 'VisitaTecnica',
      cursor: 'id',
      description: 'Technical visits the viewer may see. Default order: by date.',
      args: { filter: t.arg({ type: VisitaTecnicaFilter }), orderBy: t.arg({ type: VisitaTecnicaOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'visitaTecnica', { where: await visitaWhere(args, ctx) }),
      resolve: async (query, _r, args, ctx, info) =>
        findMany(
          ctx.db,
          'visitaTecnica',
          {
            ...query,
            where: await visitaWhere(args, ctx),
            orderBy: VisitaTecnicaOrder.toPrisma<Prisma.VisitaTecnicaOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'VisitaTecnicaConnection' },
    { name: 'VisitaTecnicaEdge' },
  ),
}));
