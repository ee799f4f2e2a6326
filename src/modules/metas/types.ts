import DataLoader from 'dataloader';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type PrismaTypes from '../../generated/pothos-prisma-types.js';
import { builder } from '../../builder.js';
import type { Db } from '../../lib/db/client.js';
import { count, findMany } from '../../lib/db/read.js';
import { badInput, InputChecker } from '../../lib/errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import {
  EstadoCursoCatalogo,
  EstadoProgramaMetas,
  EstadoProgramaNacionalCapacitacion,
  EstadoRegistroResultados,
  IndicadorMeta,
  LineaServicio,
} from '../../generated/prisma/enums.js';
import { loadReadable } from '../../lib/auth/relations.js';
import { withinUnit } from '../../lib/auth/scope.js';
import { NivelIndicadorEnum } from '../../lib/indicators.js';
import { listWhere, orderInput, unitFilter } from '../../lib/pagination.js';
import { workflowRecordFields } from '../../lib/workflow/fields.js';
import { FinDestinatarioEnum } from '../normatividad/types.js';
import { readablePeople } from '../organisation/rules.js';
import { avanceMetas, avanceNacional, createAvanceNacionalLoader, type AvanceRow } from './indicators.js';
import {
  readableCursosCatalogo,
  readableProgramasMetas,
  readableProgramasNacionalesCapacitacion,
  readableRegistrosResultados,
} from './rules.js';
import { plazoRegistro, plazoSolicitud } from './calendar.js';
import {
  cursoCatalogoWorkflow,
  programaMetasWorkflow,
  programaNacionalCapacitacionWorkflow,
  registroResultadosWorkflow,
} from './workflow.js';

export const LineaServicioEnum = builder.enumType(LineaServicio, {
  name: 'LineaServicio',
  description: 'The service lines of 7081-MP-SI: technological services (Pd-01) and training (Pd-02).',
});
export const IndicadorMetaEnum = builder.enumType(IndicadorMeta, {
  name: 'IndicadorMeta',
  description:
    'An indicator goals are set for: SERVICIOS_PROPORCIONADOS, FIRMAS_ATENDIDAS, USUARIOS_ATENDIDOS, INGRESOS_SERVICIOS (technological services); CURSOS_IMPARTIDOS, PERSONAS_CAPACITADAS, EMPRESAS_ATENDIDAS, INGRESOS_CAPACITACION (training). INGRESOS_* are integer centavos.',
});
const EstadoProgramaMetasEnum = builder.enumType(EstadoProgramaMetas, {
  name: 'EstadoProgramaMetas',
  description: 'State of a goal programme (see `workflows`).',
});
const EstadoRegistroResultadosEnum = builder.enumType(EstadoRegistroResultados, {
  name: 'EstadoRegistroResultados',
  description: "State of a quarter's results (see `workflows`).",
});
const EstadoProgramaNacionalCapacitacionEnum = builder.enumType(EstadoProgramaNacionalCapacitacion, {
  name: 'EstadoProgramaNacionalCapacitacion',
  description: 'State of the national training programme (see `workflows`).',
});
const EstadoCursoCatalogoEnum = builder.enumType(EstadoCursoCatalogo, {
  name: 'EstadoCursoCatalogo',
  description: 'State of a catalogue course (see `workflows`).',
});

const Plazo = builder.objectRef<{ desde: Date; hasta: Date }>('Plazo').implement({
  description: 'A period the manual sets for a step (dates inclusive, UTC).',
  fields: (t) => ({
    desde: t.expose('desde', { type: 'DateTime' }),
    hasta: t.expose('hasta', { type: 'DateTime' }),
  }),
});

/** `createdBy` through the people scope and `createdByName`, as every record has them. */
const creatorFields = (t: PothosSchemaTypes.PrismaObjectFieldBuilder<Types, Model>) => ({
  createdBy: t.prismaField({
    type: 'Person',
    nullable: true,
    description: "Who created it; null when that person is outside the viewer's people scope (then `createdByName` still names them).",
    resolve: (query, r, _a, ctx) => loadReadable(ctx, 'person', r.createdById, readablePeople(ctx.viewer), query),
  }),
  createdByName: t.string({
    description: 'The full name of who created it.',
    // The selection is valid on every record with a `createdBy` (Pothos cannot type it for a helper shared by models).
    select: { createdBy: { select: { fullName: true } } } as never,
    resolve: (r) => (r as unknown as { createdBy: { fullName: string } }).createdBy.fullName,
  }),
  createdAt: t.expose('createdAt', { type: 'DateTime' }),
  updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
});
type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type Model = PrismaTypes['ProgramaMetas'];

// ---- ProgramaMetas -------------------------------------------------------------

builder.prismaNode('ProgramaMetas', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableProgramasMetas(ctx.viewer)] }),
  description:
    "A unit's annual goal programme of one service line (7081-MP-SI Seg, ST-It02, PAT, It06): goals by indicator, quarter and unit; for training also the state's diagnosis and PAT.",
  fields: (t) => ({
    linea: t.expose('linea', { type: LineaServicioEnum }),
    anio: t.exposeInt('anio', { description: 'The year the goals are for.' }),
    fechaLimite: t.expose('fechaLimite', {
      type: 'DateTime',
      nullable: true,
      description: 'When the unit must register its goals (set by the request).',
    }),
    criterios: t.exposeString('criterios', {
      nullable: true,
      description: 'Training: the diagnosis criteria the CSC proposed (PAT step 1).',
    }),
    diagnostico: t.exposeString('diagnostico', {
      nullable: true,
      description: "Training: the state's situational diagnosis (PAT step 1).",
    }),
    programaTrabajo: t.exposeString('programaTrabajo', {
      nullable: true,
      description: "Training: the state's annual work programme (PAT step 7).",
    }),
    aprobadoAt: t.expose('aprobadoAt', { type: 'DateTime', nullable: true, description: 'When the goals were last approved.' }),
    reprogramaciones: t.exposeInt('reprogramaciones', {
      description: 'How many times the approved goals were reopened for reprogramming.',
    }),
    plazoSolicitud: t.field({
      type: Plazo,
      nullable: true,
      description:
        'Training: the second quarter of the year before, when the manual has the request made (PAT steps 4 and 7). Null for technological services.',
      select: { linea: true, anio: true },
      resolve: (r) => plazoSolicitud(r.linea, r.anio),
    }),
    solicitudEnPlazo: t.boolean({
      nullable: true,
      description: 'Training: whether the request was made within `plazoSolicitud`. Null for technological services.',
      select: { linea: true, anio: true, createdAt: true },
      resolve: (r) => {
        const plazo = plazoSolicitud(r.linea, r.anio);
        return plazo ? r.createdAt >= plazo.desde && r.createdAt <= plazo.hasta : null;
      },
    }),
    estado: t.expose('estado', { type: EstadoProgramaMetasEnum }),
    unit: t.relation('unit', { description: 'The unit whose goals these are.' }),
    metas: t.relation('metas', {
      description: 'The goals, by indicator, quarter and unit code.',
      query: { orderBy: [{ indicador: 'asc' }, { trimestre: 'asc' }, { unit: { code: 'asc' } }] },
    }),
    registrosResultados: t.relation('registrosResultados', {
      description: 'The quarters of results registered against these goals, by quarter.',
      query: (_a, ctx) => ({ where: readableRegistrosResultados(ctx.viewer), orderBy: [{ trimestre: 'asc' }] }),
    }),
    ...creatorFields(t as never),
  }),
});
workflowRecordFields(programaMetasWorkflow);

builder.prismaObject('MetaIndicador', {
  description: 'One goal: indicator × quarter × unit. Every value it had is in `versiones`.',
  fields: (t) => ({
    unit: t.relation('unit', { description: 'The unit the goal is for (a plantel, a CAST, or the programme unit).' }),
    indicador: t.expose('indicador', { type: IndicadorMetaEnum }),
    trimestre: t.exposeInt('trimestre'),
    valor: t.exposeInt('valor', { description: 'The current value (centavos for INGRESOS_*), possibly not yet approved.' }),
    valorAprobado: t.exposeInt('valorAprobado', {
      nullable: true,
      description: 'The value last approved: the goal progress is measured against (the reprogrammed goal after a reprogramming).',
    }),
    valorProgramado: t.exposeInt('valorProgramado', {
      nullable: true,
      description: 'The value first approved (before any reprogramming).',
    }),
    version: t.exposeInt('version', { description: 'How many values the goal has had.' }),
    versiones: t.relation('versiones', {
      description: 'Every value the goal had, oldest first.',
      query: { orderBy: [{ version: 'asc' }] },
    }),
  }),
});

builder.prismaObject('VersionMetaIndicador', {
  description: 'A value a goal had: who set it, when and why.',
  fields: (t) => ({
    version: t.exposeInt('version', { description: 'The number of this value: 1 for the first, then one more for each change.' }),
    valor: t.exposeInt('valor'),
    motivo: t.exposeString('motivo', { nullable: true, description: 'The observaciones given with the change.' }),
    reprogramacion: t.exposeBoolean('reprogramacion', { description: 'Set after the goals had been approved: a reprogramming.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    createdBy: t.prismaField({
      type: 'Person',
      nullable: true,
      description: "Who set it; null outside the viewer's people scope.",
      resolve: (query, r, _a, ctx) => loadReadable(ctx, 'person', r.createdById, readablePeople(ctx.viewer), query),
    }),
    createdByName: t.string({
      select: { createdBy: { select: { fullName: true } } },
      resolve: (r) => r.createdBy.fullName,
    }),
  }),
});

const ProgramaMetasFilter = builder.inputType('ProgramaMetasFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: 'Owned by this unit or a unit below it.' }),
    unitId: t.globalID({ required: false, description: 'Owned by exactly this unit.' }),
    estado: t.field({ type: [EstadoProgramaMetasEnum], required: false }),
    anio: t.int({ required: false }),
    linea: t.field({ type: LineaServicioEnum, required: false }),
  }),
});
const ProgramaMetasOrder = orderInput('ProgramaMetas', ['createdAt', 'updatedAt', 'anio', 'estado'] as const, 'createdAt');
const programasWhere = listWhere(async ({ filter }: { filter?: typeof ProgramaMetasFilter.$inferInput | null }, ctx) => ({
  AND: [
    readableProgramasMetas(ctx.viewer),
    await unitFilter(ctx, filter),
    filter?.estado?.length ? { estado: { in: filter.estado } } : {},
    filter?.anio != null ? { anio: filter.anio } : {},
    filter?.linea ? { linea: filter.linea } : {},
  ],
}));
builder.queryField('programasMetas', (t) =>
  t.prismaConnection(
    {
      type: 'ProgramaMetas',
      cursor: 'id',
      description: 'Goal programmes the viewer may see: owned by units within their reach.',
      args: { filter: t.arg({ type: ProgramaMetasFilter }), orderBy: t.arg({ type: ProgramaMetasOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'programaMetas', { where: await programasWhere(args, ctx) }),
      resolve: async (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'programaMetas',
          {
            ...query,
            where: await programasWhere(args, ctx),
            orderBy: ProgramaMetasOrder.toPrisma<Prisma.ProgramaMetasOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'ProgramaMetasConnection' },
    { name: 'ProgramaMetasEdge' },
  ),
);

// ---- RegistroResultados -----------------------------------------------------------

builder.prismaNode('RegistroResultados', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableRegistrosResultados(ctx.viewer)] }),
  description: "A unit's results of one quarter against its goals (ST-It02 3-4, It06 3-5), validated by the CST or CSC.",
  fields: (t) => ({
    linea: t.expose('linea', { type: LineaServicioEnum }),
    anio: t.exposeInt('anio'),
    trimestre: t.exposeInt('trimestre'),
    plazo: t.field({
      type: Plazo,
      description: "The quarterly registration period: from the quarter's first day to the end of the month after it.",
      select: { anio: true, trimestre: true },
      resolve: (r) => plazoRegistro(r.anio, r.trimestre),
    }),
    vencido: t.boolean({
      description: 'Not validated and its `plazo` is over: overdue.',
      select: { anio: true, trimestre: true, estado: true },
      resolve: (r) => r.estado !== 'VALIDADO' && plazoRegistro(r.anio, r.trimestre).hasta < new Date(),
    }),
    validadoAt: t.expose('validadoAt', { type: 'DateTime', nullable: true }),
    estado: t.expose('estado', { type: EstadoRegistroResultadosEnum }),
    unit: t.relation('unit'),
    programaMetas: t.prismaField({
      type: 'ProgramaMetas',
      nullable: true,
      description: 'The goal programme the results are registered against.',
      resolve: (query, r, _a, ctx) => loadReadable(ctx, 'programaMetas', r.programaId, readableProgramasMetas(ctx.viewer), query),
    }),
    resultados: t.relation('resultados', {
      description: 'The results, by month, indicator and unit code.',
      query: { orderBy: [{ mes: 'asc' }, { indicador: 'asc' }, { unit: { code: 'asc' } }] },
    }),
    ...creatorFields(t as never),
  }),
});
workflowRecordFields(registroResultadosWorkflow);

builder.prismaObject('ResultadoIndicador', {
  description: 'One result: indicator × month × unit.',
  fields: (t) => ({
    unit: t.relation('unit'),
    indicador: t.expose('indicador', { type: IndicadorMetaEnum }),
    mes: t.exposeInt('mes'),
    valor: t.exposeInt('valor', { description: 'Centavos for INGRESOS_*.' }),
  }),
});

const RegistroResultadosFilter = builder.inputType('RegistroResultadosFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false }),
    unitId: t.globalID({ required: false }),
    estado: t.field({ type: [EstadoRegistroResultadosEnum], required: false }),
    anio: t.int({ required: false }),
    trimestre: t.int({ required: false }),
    linea: t.field({ type: LineaServicioEnum, required: false }),
  }),
});
const RegistroResultadosOrder = orderInput(
  'RegistroResultados',
  ['createdAt', 'updatedAt', 'anio', 'trimestre', 'estado'] as const,
  'createdAt',
);
const registrosWhere = listWhere(async ({ filter }: { filter?: typeof RegistroResultadosFilter.$inferInput | null }, ctx) => ({
  AND: [
    readableRegistrosResultados(ctx.viewer),
    await unitFilter(ctx, filter),
    filter?.estado?.length ? { estado: { in: filter.estado } } : {},
    filter?.anio != null ? { anio: filter.anio } : {},
    filter?.trimestre != null ? { trimestre: filter.trimestre } : {},
    filter?.linea ? { linea: filter.linea } : {},
  ],
}));
builder.queryField('registrosResultados', (t) =>
  t.prismaConnection(
    {
      type: 'RegistroResultados',
      cursor: 'id',
      description: 'Quarterly results the viewer may see: owned by units within their reach.',
      args: { filter: t.arg({ type: RegistroResultadosFilter }), orderBy: t.arg({ type: RegistroResultadosOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'registroResultados', { where: await registrosWhere(args, ctx) }),
      resolve: async (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'registroResultados',
          {
            ...query,
            where: await registrosWhere(args, ctx),
            orderBy: RegistroResultadosOrder.toPrisma<Prisma.RegistroResultadosOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'RegistroResultadosConnection' },
    { name: 'RegistroResultadosEdge' },
  ),
);

// ---- Avance (indicator) ---------------------------------------------------------------

export const AvanceMetaRef = builder.objectRef<AvanceRow>('AvanceMeta').implement({
  description:
    "Progress of one indicator for a unit, a state or the nation over a range of quarters: avance = resultado / metaVigente × 100. Computed in SQL over the reader's scope, never stored; money in centavos.",
  fields: (t) => ({
    nivel: t.expose('nivel', { type: NivelIndicadorEnum }),
    unitId: t.id({
      nullable: true,
      description: 'The unit (a plantel, a CAST or a state office), or the state; null for the nation.',
      resolve: (r) => (r.unitId ? encodeGlobalID('OrgUnit', r.unitId) : null),
    }),
    unitCode: t.exposeString('unitCode', { nullable: true }),
    unitName: t.exposeString('unitName', { nullable: true }),
    indicador: t.expose('indicador', { type: IndicadorMetaEnum }),
    anio: t.exposeInt('anio'),
    trimestreDesde: t.exposeInt('trimestreDesde'),
    trimestreHasta: t.exposeInt('trimestreHasta'),
    metaProgramada: t.exposeFloat('metaProgramada', { description: 'The goals as first approved (an exact integer).' }),
    metaVigente: t.exposeFloat('metaVigente', {
      description: 'The denominator: the goals as last approved, i.e. reprogrammed (an exact integer).',
    }),
    resultado: t.exposeFloat('resultado', { description: 'The numerator: validated results (an exact integer).' }),
    avance: t.exposeFloat('avance', { nullable: true, description: 'resultado / metaVigente × 100, two decimals; null without a goal.' }),
    variacion: t.exposeFloat('variacion', { description: 'resultado − metaVigente.' }),
    reprogramacion: t.exposeFloat('reprogramacion', { description: 'metaVigente − metaProgramada: how far reprogramming moved the goal.' }),
  }),
});

builder.queryField('avanceMetas', (t) =>
  t.field({
    type: [AvanceMetaRef],
    description:
      'Progress of the goals per unit (PLANTEL: each plantel, CAST or state office with goals), per state (COLEGIO_ESTATAL: Colegio Estatal, UODCDMX, RCEO) or for the nation, over the goals and results of units within your reach. A state or the nation is the sum of its units. Quarterly report: trimestreDesde = trimestreHasta; cumulative: from 1.',
    args: {
      anio: t.arg.int({ required: true }),
      nivel: t.arg({ type: NivelIndicadorEnum, required: true }),
      linea: t.arg({ type: LineaServicioEnum, required: false }),
      indicador: t.arg({ type: IndicadorMetaEnum, required: false }),
      trimestreDesde: t.arg.int({ required: false, defaultValue: 1 }),
      trimestreHasta: t.arg.int({ required: false, defaultValue: 4 }),
      dentroDe: t.arg.globalID({ required: false, description: 'Only units at or below this one.' }),
    },
    resolve: async (_root, args, ctx) => {
      const desde = args.trimestreDesde ?? 1;
      const hasta = args.trimestreHasta ?? 4;
      checkQuarters(desde, hasta);
      const withinPath = args.dentroDe ? (await withinUnit(ctx, args.dentroDe.id)).unit.path.startsWith : null;
      return avanceMetas(ctx.db, ctx.viewer!, {
        anio: args.anio,
        nivel: args.nivel,
        linea: args.linea,
        indicador: args.indicador,
        trimestreDesde: desde,
        trimestreHasta: hasta,
        withinPath,
      });
    },
  }),
);

export function checkQuarters(desde: number, hasta: number) {
  const issues = new InputChecker()
    .check(desde >= 1 && desde <= 4, ['trimestreDesde'], 'Must be 1 to 4')
    .check(hasta >= 1 && hasta <= 4, ['trimestreHasta'], 'Must be 1 to 4')
    .check(desde <= hasta, ['trimestreHasta'], 'Must not be before trimestreDesde').issues;
  if (issues.length) throw badInput(issues);
}

// ---- ProgramaNacionalCapacitacion ------------------------------------------------------

interface MetaNacionalRow {
  envio: number;
  indicador: IndicadorMeta;
  trimestre: number;
  valor: number;
}
const MetaNacionalRef = builder.objectRef<MetaNacionalRow>('MetaNacional').implement({
  description: 'A national goal as sent to SPDI-DPP: the sum of the approved goals of every unit at that send.',
  fields: (t) => ({
    envio: t.exposeInt('envio', { description: 'Which send (1 = the first).' }),
    indicador: t.expose('indicador', { type: IndicadorMetaEnum }),
    trimestre: t.exposeInt('trimestre'),
    valor: t.exposeFloat('valor', { description: 'An exact integer (centavos for INGRESOS_*).' }),
  }),
});

/** The national goals of one send of each programme, batched: one statement per response. */
function createMetasNacionalesLoader(db: Db) {
  return new DataLoader<{ programaId: string; envio: number }, MetaNacionalRow[], string>(
    async (keys) => {
      const rows = await db.metaNacional.findMany({
        // IN lists rather than one OR term per key, so the statement's shape does not depend on the number of programmes.
        where: { programaId: { in: [...new Set(keys.map((k) => k.programaId))] }, envio: { in: [...new Set(keys.map((k) => k.envio))] } },
        orderBy: [{ indicador: 'asc' }, { trimestre: 'asc' }],
      });
      return keys.map((k) =>
        rows
          .filter((r) => r.programaId === k.programaId && r.envio === k.envio)
          .map((r) => ({ envio: r.envio, indicador: r.indicador, trimestre: r.trimestre, valor: Number(r.valor) })),
      );
    },
    { cacheKeyFn: (k) => `${k.programaId}:${k.envio}` },
  );
}

builder.prismaNode('ProgramaNacionalCapacitacion', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableProgramasNacionalesCapacitacion(ctx.viewer)] }),
  description:
    'The national training programme of a year (PAT steps 3, 6, 9): control points, national PAT and national goals, sent to SPDI-DPP for the MIR.',
  fields: (t) => ({
    anio: t.exposeInt('anio'),
    puntosControl: t.exposeString('puntosControl', { description: 'Control points of the training process (PAT step 3).' }),
    programaTrabajo: t.exposeString('programaTrabajo', { nullable: true, description: 'The national PAT (step 9).' }),
    envios: t.exposeInt('envios', { description: 'How many times it was sent to SPDI-DPP (the first send, then each adjustment).' }),
    enviadoAt: t.expose('enviadoAt', { type: 'DateTime', nullable: true, description: 'When it was last sent.' }),
    estado: t.expose('estado', { type: EstadoProgramaNacionalCapacitacionEnum }),
    unit: t.relation('unit'),
    destinatarios: t.relation('destinatarios', {
      description: 'The units it was sent to (SPDI-DPP), by unit code.',
      query: { orderBy: [{ fin: 'asc' }, { unit: { code: 'asc' } }] },
    }),
    metas: t.field({
      type: [MetaNacionalRef],
      args: { envio: t.arg.int({ required: false, description: 'Which send (1 = the first); default the last.' }) },
      description:
        'The national goals as sent (the sum of the approved goals of every unit then), by indicator and quarter; empty before the first send.',
      select: { envios: true },
      resolve: (r, args, ctx) => ctx.loader(createMetasNacionalesLoader).load({ programaId: r.id, envio: args.envio ?? r.envios }),
    }),
    avance: t.field({
      type: [AvanceMetaRef],
      description:
        'National progress of the training indicators of the year, quarters 1 to `trimestreHasta`: what SPDI-DPP reads for the MIR (national totals only).',
      args: { trimestreHasta: t.arg.int({ required: false, defaultValue: 4 }) },
      select: { anio: true },
      resolve: (r, args, ctx) => {
        checkQuarters(1, args.trimestreHasta ?? 4);
        return avanceNacional(ctx.db, r.anio, args.trimestreHasta ?? 4, ctx.loader(createAvanceNacionalLoader));
      },
    }),
    ...creatorFields(t as never),
  }),
});
workflowRecordFields(programaNacionalCapacitacionWorkflow);

builder.prismaObject('ProgramaNacionalCapacitacionDestinatario', {
  description: 'A unit the national programme was sent to (SPDI-DPP).',
  fields: (t) => ({
    unit: t.relation('unit'),
    fin: t.expose('fin', { type: FinDestinatarioEnum }),
  }),
});

const ProgramaNacionalFilter = builder.inputType('ProgramaNacionalCapacitacionFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false }),
    unitId: t.globalID({ required: false }),
    estado: t.field({ type: [EstadoProgramaNacionalCapacitacionEnum], required: false }),
    anio: t.int({ required: false }),
  }),
});
const ProgramaNacionalOrder = orderInput(
  'ProgramaNacionalCapacitacion',
  ['createdAt', 'updatedAt', 'anio', 'estado'] as const,
  'createdAt',
);
const nacionalesWhere = listWhere(async ({ filter }: { filter?: typeof ProgramaNacionalFilter.$inferInput | null }, ctx) => ({
  AND: [
    readableProgramasNacionalesCapacitacion(ctx.viewer),
    await unitFilter(ctx, filter),
    filter?.estado?.length ? { estado: { in: filter.estado } } : {},
    filter?.anio != null ? { anio: filter.anio } : {},
  ],
}));
builder.queryField('programasNacionalesCapacitacion', (t) =>
  t.prismaConnection(
    {
      type: 'ProgramaNacionalCapacitacion',
      cursor: 'id',
      description: 'National training programmes the viewer may see: owned within their reach, or sent to their unit (SPDI-DPP).',
      args: { filter: t.arg({ type: ProgramaNacionalFilter }), orderBy: t.arg({ type: ProgramaNacionalOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'programaNacionalCapacitacion', { where: await nacionalesWhere(args, ctx) }),
      resolve: async (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'programaNacionalCapacitacion',
          {
            ...query,
            where: await nacionalesWhere(args, ctx),
            orderBy: ProgramaNacionalOrder.toPrisma<Prisma.ProgramaNacionalCapacitacionOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'ProgramaNacionalCapacitacionConnection' },
    { name: 'ProgramaNacionalCapacitacionEdge' },
  ),
);

// ---- CursoCatalogo ---------------------------------------------------------------------

builder.prismaNode('CursoCatalogo', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableCursosCatalogo(ctx.viewer)] }),
  description: 'A course of the national training catalogue (It05 steps 1-3, It06 step 4), registered in the SECyT.',
  fields: (t) => ({
    nombre: t.exposeString('nombre'),
    descripcion: t.exposeString('descripcion'),
    duracionHoras: t.exposeInt('duracionHoras'),
    claveSecyt: t.exposeString('claveSecyt', {
      nullable: true,
      description: "The course's identifier in the SECyT (set when registered).",
    }),
    publicadoAt: t.expose('publicadoAt', { type: 'DateTime', nullable: true }),
    estado: t.expose('estado', { type: EstadoCursoCatalogoEnum }),
    unit: t.relation('unit'),
    ...creatorFields(t as never),
  }),
});
workflowRecordFields(cursoCatalogoWorkflow);

const CursoCatalogoFilter = builder.inputType('CursoCatalogoFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false }),
    unitId: t.globalID({ required: false }),
    estado: t.field({ type: [EstadoCursoCatalogoEnum], required: false }),
    search: t.string({ required: false, description: 'Part of the name or SECyT identifier, case-insensitive.' }),
  }),
});
const CursoCatalogoOrder = orderInput('CursoCatalogo', ['createdAt', 'updatedAt', 'nombre', 'estado'] as const, 'createdAt');
const cursosWhere = listWhere(async ({ filter }: { filter?: typeof CursoCatalogoFilter.$inferInput | null }, ctx) => ({
  AND: [
    readableCursosCatalogo(ctx.viewer),
    await unitFilter(ctx, filter),
    filter?.estado?.length ? { estado: { in: filter.estado } } : {},
    filter?.search
      ? {
          OR: [
            { nombre: { contains: filter.search, mode: 'insensitive' as const } },
            { claveSecyt: { contains: filter.search, mode: 'insensitive' as const } },
          ],
        }
      : {},
  ],
}));
builder.queryField('cursosCatalogo', (t) =>
  t.prismaConnection(
    {
      type: 'CursoCatalogo',
      cursor: 'id',
      description: 'Catalogue courses: the published ones, and those owned within your reach.',
      args: { filter: t.arg({ type: CursoCatalogoFilter }), orderBy: t.arg({ type: CursoCatalogoOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'cursoCatalogo', { where: await cursosWhere(args, ctx) }),
      resolve: async (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'cursoCatalogo',
          {
            ...query,
            where: await cursosWhere(args, ctx),
            orderBy: CursoCatalogoOrder.toPrisma<Prisma.CursoCatalogoOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'CursoCatalogoConnection' },
    { name: 'CursoCatalogoEdge' },
  ),
);
