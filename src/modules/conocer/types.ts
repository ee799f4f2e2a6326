// CONOCER's national figures as typed reports (seed 002; docs/conocer.md):
// the figures, the programme's indicators computed beside the stated value,
// the reconciliation checks, and a chart-ready informe (series by period).
// Everything is read from the reporting views (reporting.conocer_*) on the
// reporting connection, so BI tools, exports and the API show the same numbers.
import { builder } from '../../builder.js';
import { ConceptoConocer, FormulaIndicadorConocer, IndicadorConocer, NaturalezaCifra, PeriodoCifra } from '../../generated/prisma/enums.js';
import { badInput, InputChecker } from '../../lib/errors.js';
import { reportingQuery } from '../../lib/reporting/pool.js';
import type { Context } from '../../context.js';

export const ConceptoConocerEnum = builder.enumType(ConceptoConocer, {
  name: 'ConceptoConocer',
  description: 'What a CONOCER figure counts (certificates issued, persons certified, standards, committees, service providers, ...).',
});
export const NaturalezaCifraEnum = builder.enumType(NaturalezaCifra, {
  name: 'NaturalezaCifra',
  description: 'FLUJO: events in a period (adds up over periods); STOCK: a count at a date (never added up over periods).',
});
export const PeriodoCifraEnum = builder.enumType(PeriodoCifra, {
  name: 'PeriodoCifra',
  description:
    'ANUAL: a calendar year; TRIMESTRE_ACUMULADO: 1 January to the end of `trimestre`; AL_CORTE: a stock at `fechaCorte`; PERIODO: several years, `anioDesde` to `anio`.',
});
export const IndicadorConocerEnum = builder.enumType(IndicadorConocer, {
  name: 'IndicadorConocer',
  description: "An indicator of CONOCER's Programa Institucional 2021-2024 (goal attainment, growth rates) or a stated change of a stock.",
});
export const FormulaIndicadorConocerEnum = builder.enumType(FormulaIndicadorConocer, {
  name: 'FormulaIndicadorConocer',
  description:
    'CUMPLIMIENTO_META: year value / goal × 100; CRECIMIENTO_ANUAL: (year / previous year − 1) × 100; CRECIMIENTO_STOCK: (stock at the end / stock at the start − 1) × 100; SIN_DATOS: the report gives no figure to compute it.',
});

export interface CifraRow {
  concepto: ConceptoConocer;
  naturaleza: NaturalezaCifra;
  periodo: PeriodoCifra;
  anio: number;
  anio_desde: number | null;
  trimestre: number | null;
  fecha_corte: Date | null;
  desglose: string;
  miembro: string;
  valor: number;
  meta: boolean;
  estimado: boolean;
  fuente: string;
  fuente_linea: number;
  fuente_texto: string;
  nota: string | null;
}

const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
/** A period's label: "2023", "2024-T2", "2019-2024-T2", or the cut date "2024-07-31". */
export const periodLabel = (r: Pick<CifraRow, 'periodo' | 'anio' | 'anio_desde' | 'trimestre' | 'fecha_corte'>) =>
  r.periodo === 'AL_CORTE'
    ? isoDate(r.fecha_corte)!
    : `${r.periodo === 'PERIODO' ? `${r.anio_desde}-` : ''}${r.anio}${r.trimestre ? `-T${r.trimestre}` : ''}`;

export const CifraConocerRef = builder.objectRef<CifraRow>('CifraConocer').implement({
  description:
    "One figure of CONOCER's Informe de Gestión 2018-2024: a value of a concept for a period, maybe a part (desglose/miembro), a goal or an estimate, with the report's line.",
  fields: (t) => ({
    concepto: t.expose('concepto', { type: ConceptoConocerEnum, description: 'What it counts.' }),
    naturaleza: t.expose('naturaleza', {
      type: NaturalezaCifraEnum,
      description: 'Flow (events in the period) or stock (count at a date).',
    }),
    periodo: t.expose('periodo', { type: PeriodoCifraEnum, description: 'The kind of period.' }),
    etiquetaPeriodo: t.string({ description: 'The period as a label: "2023", "2024-T2", "2019-2024-T2" or a date.', resolve: periodLabel }),
    anio: t.exposeInt('anio', { description: "The year (the last year of a PERIODO; the year of a stock's date)." }),
    anioDesde: t.exposeInt('anio_desde', { nullable: true, description: 'PERIODO: its first year.' }),
    trimestre: t.exposeInt('trimestre', {
      nullable: true,
      description: 'TRIMESTRE_ACUMULADO (or a PERIODO cut at a quarter): the last quarter counted.',
    }),
    fechaCorte: t.string({
      nullable: true,
      description: 'AL_CORTE: the date of the stock (YYYY-MM-DD).',
      resolve: (r) => isoDate(r.fecha_corte),
    }),
    desglose: t.exposeString('desglose', { description: "The breakdown dimension (REGION, TIPO, ...); '' for a total." }),
    miembro: t.exposeString('miembro', { description: "The breakdown's member (Centro, ECE, RENOVADOS, ...); '' for a total." }),
    valor: t.exposeFloat('valor', { description: 'The value as the report states it.' }),
    meta: t.exposeBoolean('meta', { description: 'A goal, not a result.' }),
    estimado: t.exposeBoolean('estimado', { description: 'An estimate or projection the report marks as such.' }),
    fuente: t.exposeString('fuente', { description: 'The report (a file of shared/seeds).' }),
    fuenteLinea: t.exposeInt('fuente_linea', { description: "The report's line the figure is on." }),
    fuenteTexto: t.exposeString('fuente_texto', { description: 'The words of that line the figure is read from.' }),
    nota: t.exposeString('nota', { nullable: true, description: 'How an ambiguity of the report was read.' }),
  }),
});

export interface IndicadorRow {
  indicador: IndicadorConocer;
  formula: FormulaIndicadorConocer;
  concepto: ConceptoConocer | null;
  anio: number;
  anio_desde: number | null;
  numerador: number | null;
  denominador: number | null;
  valor_calculado: number | null;
  valor_reportado: number | null;
  diferencia: number | null;
  coincide: boolean | null;
  meta_implicita: number | null;
  fuente: string;
  fuente_linea: number;
  fuente_texto: string;
}

export const IndicadorConocerValorRef = builder.objectRef<IndicadorRow>('IndicadorConocerValor').implement({
  description:
    'A programme indicator for a year: the value the report states beside the value computed from the figures, and their difference.',
  fields: (t) => ({
    indicador: t.expose('indicador', { type: IndicadorConocerEnum, description: 'The indicator.' }),
    formula: t.expose('formula', { type: FormulaIndicadorConocerEnum, description: 'How it is computed.' }),
    concepto: t.expose('concepto', { type: ConceptoConocerEnum, nullable: true, description: 'The series it is computed from.' }),
    anio: t.exposeInt('anio', { description: 'The year reported.' }),
    anioDesde: t.exposeInt('anio_desde', { nullable: true, description: 'CRECIMIENTO_STOCK: the year of the starting stock.' }),
    numerador: t.exposeFloat('numerador', { nullable: true, description: 'The year value (goal attainment) or the change (growth).' }),
    denominador: t.exposeFloat('denominador', {
      nullable: true,
      description: 'The goal (attainment) or the earlier value (growth); null when the report gives none.',
    }),
    valorCalculado: t.exposeFloat('valor_calculado', {
      nullable: true,
      description: 'numerador / denominador × 100, one decimal; null without the figures.',
    }),
    valorReportado: t.exposeFloat('valor_reportado', { nullable: true, description: 'The percentage the report states; null for N/A.' }),
    diferencia: t.exposeFloat('diferencia', { nullable: true, description: 'valorReportado − valorCalculado (percentage points).' }),
    coincide: t.exposeBoolean('coincide', {
      nullable: true,
      description: "Whether both agree to the report's decimal; null when either is missing.",
    }),
    metaImplicita: t.exposeFloat('meta_implicita', {
      nullable: true,
      description: 'Goal attainment without a stated goal: the goal the stated percentage implies (year value / stated % × 100).',
    }),
    fuente: t.exposeString('fuente', { description: 'The report.' }),
    fuenteLinea: t.exposeInt('fuente_linea', { description: 'The line that states the value.' }),
    fuenteTexto: t.exposeString('fuente_texto', { description: 'The words of that line.' }),
  }),
});

export interface ConciliacionRow {
  regla: string;
  concepto: ConceptoConocer;
  periodo: PeriodoCifra;
  anio: number;
  anio_desde: number | null;
  trimestre: number | null;
  fecha_corte: Date | null;
  desglose: string;
  meta: boolean;
  estimado: boolean;
  total_reportado: number;
  suma_calculada: number;
  partes: number;
  diferencia: number;
  cuadra: boolean;
  fuente_linea: number;
}

export const ConciliacionConocerRef = builder.objectRef<ConciliacionRow>('ConciliacionConocer').implement({
  description:
    'A reconciliation check of the report: parts against their total, or the years against the period total. A mismatch is flagged, never corrected.',
  fields: (t) => ({
    regla: t.exposeString('regla', { description: 'PARTES_CONTRA_TOTAL or SUMA_DE_ANIOS_CONTRA_PERIODO.' }),
    concepto: t.expose('concepto', { type: ConceptoConocerEnum, description: 'What is counted.' }),
    periodo: t.expose('periodo', { type: PeriodoCifraEnum, description: 'The kind of period of the total.' }),
    etiquetaPeriodo: t.string({ description: 'The period of the total as a label.', resolve: periodLabel }),
    anio: t.exposeInt('anio', { description: 'The year of the total.' }),
    desglose: t.exposeString('desglose', { description: "PARTES_CONTRA_TOTAL: the breakdown summed; '' for the years of a period." }),
    meta: t.exposeBoolean('meta', { description: 'The total is a goal.' }),
    estimado: t.exposeBoolean('estimado', { description: 'The total is an estimate.' }),
    totalReportado: t.exposeFloat('total_reportado', { description: 'The total as the report states it.' }),
    sumaCalculada: t.exposeFloat('suma_calculada', { description: 'The sum of its parts (or of the years) as the report states them.' }),
    partes: t.exposeInt('partes', { description: 'How many figures were summed.' }),
    diferencia: t.exposeFloat('diferencia', { description: 'totalReportado − sumaCalculada.' }),
    cuadra: t.exposeBoolean('cuadra', { description: 'Whether they agree.' }),
    fuenteLinea: t.exposeInt('fuente_linea', { description: "The total's line in the report." }),
  }),
});

interface Punto {
  etiqueta: string;
  valor: number;
  estimado: boolean;
  meta: boolean;
  row: CifraRow;
}
interface Serie {
  concepto: ConceptoConocer;
  naturaleza: NaturalezaCifra;
  periodo: PeriodoCifra;
  puntos: Punto[];
}

const PuntoSerieRef = builder.objectRef<Punto>('PuntoSerieConocer').implement({
  description: 'One point of a chart series: a period label and its value.',
  fields: (t) => ({
    periodo: t.exposeString('etiqueta', { description: 'The period label (x axis).' }),
    valor: t.exposeFloat('valor', { description: 'The value (y axis).' }),
    estimado: t.exposeBoolean('estimado', { description: 'An estimate (draw it dashed).' }),
    meta: t.exposeBoolean('meta', { description: 'A goal (draw it as a target).' }),
    cifra: t.field({ type: CifraConocerRef, description: 'The figure behind the point, with its source.', resolve: (p) => p.row }),
  }),
});

const SerieConocerRef = builder.objectRef<Serie>('SerieConocer').implement({
  description: 'A chart-ready series: one concept, one kind of period, its totals in period order.',
  fields: (t) => ({
    concepto: t.expose('concepto', { type: ConceptoConocerEnum, description: 'What the series counts.' }),
    naturaleza: t.expose('naturaleza', { type: NaturalezaCifraEnum, description: 'Flow or stock.' }),
    periodo: t.expose('periodo', { type: PeriodoCifraEnum, description: 'The kind of period of its points.' }),
    puntos: t.field({ type: [PuntoSerieRef], description: 'The points, oldest first.', resolve: (s) => s.puntos }),
  }),
});

interface Informe {
  anioDesde: number;
  anioHasta: number;
}

const InformeConocerRef = builder.objectRef<Informe>('InformeConocer').implement({
  description:
    "CONOCER's yearly informe for a range of years: chart-ready series, the programme's indicators and the reconciliation checks.",
  fields: (t) => ({
    anioDesde: t.exposeInt('anioDesde', { description: 'First year.' }),
    anioHasta: t.exposeInt('anioHasta', { description: 'Last year.' }),
    series: t.field({
      type: [SerieConocerRef],
      description: 'Totals (no breakdowns) by concept and kind of period, in period order.',
      resolve: async (i, _a, ctx) => toSeries(await cifras(ctx, { anioDesde: i.anioDesde, anioHasta: i.anioHasta, desgloses: false })),
    }),
    indicadores: t.field({
      type: [IndicadorConocerValorRef],
      description: 'The programme indicators of the years, stated beside computed.',
      resolve: (i, _a, ctx) => indicadores(ctx, { anioDesde: i.anioDesde, anioHasta: i.anioHasta }),
    }),
    conciliaciones: t.field({
      type: [ConciliacionConocerRef],
      description: 'The reconciliation checks whose total falls in the years.',
      resolve: (i, _a, ctx) => conciliaciones(ctx, { anioDesde: i.anioDesde, anioHasta: i.anioHasta, soloDescuadres: false }),
    }),
  }),
});

function toSeries(rows: CifraRow[]): Serie[] {
  const series = new Map<string, Serie>();
  for (const r of rows) {
    const key = `${r.concepto}:${r.periodo}`;
    let s = series.get(key);
    if (!s) series.set(key, (s = { concepto: r.concepto, naturaleza: r.naturaleza, periodo: r.periodo, puntos: [] }));
    s.puntos.push({ etiqueta: periodLabel(r), valor: r.valor, estimado: r.estimado, meta: r.meta, row: r });
  }
  return [...series.values()];
}

const YEARS = { min: 1995, max: 2100 };
function checkYears(desde: number | null | undefined, hasta: number | null | undefined) {
  const issues = new InputChecker()
    .check(desde == null || (desde >= YEARS.min && desde <= YEARS.max), ['anioDesde'], 'Must be a year from 1995 to 2100')
    .check(hasta == null || (hasta >= YEARS.min && hasta <= YEARS.max), ['anioHasta'], 'Must be a year from 1995 to 2100')
    .check(desde == null || hasta == null || desde <= hasta, ['anioHasta'], 'Must not be before anioDesde').issues;
  if (issues.length) throw badInput(issues);
}

type Ctx = Pick<Context, 'reporting' | 'db'>;

export function cifras(
  ctx: Ctx,
  f: { conceptos?: readonly ConceptoConocer[] | null; anioDesde?: number | null; anioHasta?: number | null; desgloses?: boolean | null },
): Promise<CifraRow[]> {
  checkYears(f.anioDesde, f.anioHasta);
  return reportingQuery<CifraRow>(
    ctx,
    `SELECT * FROM reporting.conocer_cifras
     WHERE ($1::text[] IS NULL OR concepto = ANY($1)) AND ($2::int IS NULL OR anio >= $2) AND ($3::int IS NULL OR anio <= $3)
       AND ($4 OR desglose = '')
     ORDER BY concepto, periodo, desglose, miembro, anio, trimestre NULLS FIRST, fecha_corte, meta, estimado`,
    [f.conceptos?.length ? f.conceptos : null, f.anioDesde ?? null, f.anioHasta ?? null, f.desgloses ?? true],
  );
}

export function indicadores(
  ctx: Ctx,
  f: { indicadores?: readonly IndicadorConocer[] | null; anioDesde?: number | null; anioHasta?: number | null },
): Promise<IndicadorRow[]> {
  checkYears(f.anioDesde, f.anioHasta);
  return reportingQuery<IndicadorRow>(
    ctx,
    `SELECT * FROM reporting.conocer_indicadores
     WHERE ($1::text[] IS NULL OR indicador = ANY($1)) AND ($2::int IS NULL OR anio >= $2) AND ($3::int IS NULL OR anio <= $3)
     ORDER BY indicador, anio`,
    [f.indicadores?.length ? f.indicadores : null, f.anioDesde ?? null, f.anioHasta ?? null],
  );
}

export function conciliaciones(
  ctx: Ctx,
  f: { anioDesde?: number | null; anioHasta?: number | null; soloDescuadres?: boolean | null },
): Promise<ConciliacionRow[]> {
  checkYears(f.anioDesde, f.anioHasta);
  return reportingQuery<ConciliacionRow>(
    ctx,
    `SELECT * FROM reporting.conocer_conciliaciones
     WHERE ($1::int IS NULL OR anio >= $1) AND ($2::int IS NULL OR anio <= $2) AND (NOT $3 OR NOT cuadra)
     ORDER BY regla, concepto, anio, periodo, desglose`,
    [f.anioDesde ?? null, f.anioHasta ?? null, f.soloDescuadres ?? false],
  );
}

builder.queryFields((t) => ({
  cifrasConocer: t.field({
    type: [CifraConocerRef],
    description: "CONOCER's national figures (seed 002), totals and breakdowns, goals and estimates, each with its source line.",
    args: {
      concepto: t.arg({ type: [ConceptoConocerEnum], required: false, description: 'Only these concepts.' }),
      anioDesde: t.arg.int({ required: false, description: 'Only figures of this year or later.' }),
      anioHasta: t.arg.int({ required: false, description: 'Only figures of this year or earlier.' }),
      desgloses: t.arg.boolean({
        required: false,
        defaultValue: true,
        description: 'Include the breakdowns (regions, types); false: totals only.',
      }),
    },
    resolve: (_r, a, ctx) => cifras(ctx, { conceptos: a.concepto, anioDesde: a.anioDesde, anioHasta: a.anioHasta, desgloses: a.desgloses }),
  }),
  indicadoresConocer: t.field({
    type: [IndicadorConocerValorRef],
    description: "The programme's indicators: the value the report states beside the value computed from the figures, with the difference.",
    args: {
      indicador: t.arg({ type: [IndicadorConocerEnum], required: false, description: 'Only these indicators.' }),
      anioDesde: t.arg.int({ required: false, description: 'Only years from this one.' }),
      anioHasta: t.arg.int({ required: false, description: 'Only years up to this one.' }),
    },
    resolve: (_r, a, ctx) => indicadores(ctx, { indicadores: a.indicador, anioDesde: a.anioDesde, anioHasta: a.anioHasta }),
  }),
  conciliacionesConocer: t.field({
    type: [ConciliacionConocerRef],
    description: "Reconciliation checks of the report's figures: parts against totals, years against the period's total.",
    args: {
      anioDesde: t.arg.int({ required: false, description: 'Only totals of this year or later.' }),
      anioHasta: t.arg.int({ required: false, description: 'Only totals of this year or earlier.' }),
      soloDescuadres: t.arg.boolean({ required: false, defaultValue: false, description: 'Only the checks that do not add up.' }),
    },
    resolve: (_r, a, ctx) => conciliaciones(ctx, a),
  }),
  informeConocer: t.field({
    type: InformeConocerRef,
    description:
      "CONOCER's yearly informe as a chart-ready report: series by period, indicators stated and computed, reconciliation checks.",
    args: {
      anioDesde: t.arg.int({ required: false, defaultValue: 2018, description: 'First year (default 2018).' }),
      anioHasta: t.arg.int({ required: false, defaultValue: 2024, description: 'Last year (default 2024).' }),
    },
    resolve: (_r, a) => {
      checkYears(a.anioDesde, a.anioHasta);
      return { anioDesde: a.anioDesde ?? 2018, anioHasta: a.anioHasta ?? 2024 };
    },
  }),
}));
