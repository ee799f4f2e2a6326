// GraphQL types and queries of 15-528-PO-26 (promotion and diffusion of the ECE).
import { count, findMany } from '../../lib/db/read.js';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../builder.js';
import { documentosField } from '../../lib/documents/schema.js';
import type { Context } from '../../context.js';
import type { Prisma } from '../../generated/prisma/client.js';
import {
  EstadoAccionMejora,
  EstadoPlanCentro,
  EstadoPlanEstatal,
  EstadoReporte,
  Sector,
  TipoAccionMejora,
  TipoActividad,
} from '../../generated/prisma/enums.js';
import { withinUnit } from '../../lib/auth/scope.js';
import { loadReadable } from '../../lib/auth/relations.js';
import { listWhere, orderInput, unitFilter } from '../../lib/pagination.js';
import { badInput, type InputIssue } from '../../lib/errors.js';
import { workflowRecordFields } from '../../lib/workflow/fields.js';
import { NivelIndicadorEnum } from '../../lib/indicators.js';
import { readableByUnit } from './rules.js';
import { readableActividades } from './stores.js';
import {
  accionMejoraWorkflow,
  actividadRealizadaWorkflow,
  concentradoEstatalWorkflow,
  planAnualCentroWorkflow,
  planTrabajoAnualWorkflow,
  reporteTrimestralWorkflow,
} from './workflow.js';
import {
  createConcentradoLinesLoader,
  createPlanPeriodLinesLoader,
  createEstatalesLoader,
  createPlanPeriodLoader,
  eficienciaPromocion,
  fromPartes,
  type ActividadResultado,
  type ConcentradoLinea,
  type EficienciaRow,
} from './indicators.js';
import { halfMonths, plantelPlanDueDate, promotionCalendar, quarterMonths, f05DueDate, type Obligation } from './calendar.js';
import { formatoOfActividad, retentionEnd } from './retention.js';

export const EstadoPlanTrabajoAnualEnum = builder.enumType(EstadoPlanEstatal, { name: 'EstadoPlanTrabajoAnual' });
export const EstadoPlanAnualCentroEnum = builder.enumType(EstadoPlanCentro, { name: 'EstadoPlanAnualCentro' });
export const EstadoReporteTrimestralEnum = builder.enumType(EstadoReporte, { name: 'EstadoReporteTrimestral' });
export const EstadoAccionMejoraEnum = builder.enumType(EstadoAccionMejora, { name: 'EstadoAccionMejora' });
export const TipoActividadEnum = builder.enumType(TipoActividad, {
  name: 'TipoActividad',
  description:
    "Kind of promotion activity: electronic diffusion, parents' meeting (F04), teachers' academy (F04), visit to a company or institution (F03), other.",
});
export const SectorEnum = builder.enumType(Sector, { name: 'Sector' });
export const TipoAccionMejoraEnum = builder.enumType(TipoAccionMejora, { name: 'TipoAccionMejora' });
export const FormatoEnum = builder.enumType('FormatoPromocion', {
  description: 'Formats of 15-528-PO-26 §13.',
  values: ['F01', 'F02', 'F03', 'F04', 'F05'] as const,
});

const retention = { createdAt: true } as const;

const PlanAnualCentroOrder = orderInput('PlanAnualCentro', ['anio', 'createdAt', 'estado', 'enviadoAt'] as const, 'createdAt');
const ActividadRealizadaOrder = orderInput('ActividadRealizada', ['fecha', 'tipo'] as const, 'fecha');

/** `totalCount` of a connection shared by a root list and a nested one (the Prisma plugin leaves it to us). */
const connectionTotalCount = (t: PothosSchemaTypes.ObjectFieldBuilder<PothosTypes, object>) =>
  t.int({
    resolve: (connection) => {
      const { totalCount } = connection as { totalCount?: number | (() => number | Promise<number>) };
      return typeof totalCount === 'function' ? totalCount() : (totalCount ?? 0);
    },
  });
type PothosTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

export const PlanTrabajoAnualRef = builder.prismaNode('PlanTrabajoAnual', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableByUnit(ctx.viewer)] }),
  description: "The state's Plan de Trabajo Anual of the ECE, with the context analysis it rests on (steps 1-2).",
  fields: (t) => ({
    anio: t.exposeInt('anio'),
    contexto: t.exposeString('contexto'),
    fortalezas: t.exposeString('fortalezas'),
    oportunidades: t.exposeString('oportunidades'),
    debilidades: t.exposeString('debilidades'),
    amenazas: t.exposeString('amenazas'),
    riesgos: t.exposeString('riesgos', { description: 'Matriz de identificación de riesgos (15-528-DR-11).' }),
    prioridades: t.exposeString('prioridades', { description: 'Matriz de priorización (15-528-DR-10).' }),
    resultadosHistoricos: t.exposeString('resultadosHistoricos'),
    estado: t.expose('estado', { type: EstadoPlanTrabajoAnualEnum }),
    unit: t.relation('unit'),
    turnadoAt: t.expose('turnadoAt', { type: 'DateTime', nullable: true }),
    turnadoEnEnero: t.boolean({
      nullable: true,
      description: 'Step 2.1 asks for the plan to be sent in January of its year: whether it was (null until it is sent).',
      select: { turnadoAt: true, anio: true },
      resolve: (p) => (p.turnadoAt ? p.turnadoAt.getUTCFullYear() === p.anio && p.turnadoAt.getUTCMonth() === 0 : null),
    }),
    metas: t.relation('metas', { description: "The plan's goals (L231), in order.", query: { orderBy: [{ orden: 'asc' }] } }),
    actividadesRealizadas: t.relation('actividadesRealizadas', {
      description: "The state coordination's own promotion (step 7H), not destroyed, by date.",
      query: (_a, ctx) => ({
        where: { AND: [{ destruidoAt: null }, readableActividades(ctx.viewer)] },
        orderBy: [{ fecha: 'asc' }, { id: 'asc' }],
      }),
    }),
  }),
});

builder.prismaObject('MetaPlanTrabajoAnual', {
  description: "A goal of the state's Plan de Trabajo Anual.",
  fields: (t) => ({
    orden: t.exposeInt('orden'),
    descripcion: t.exposeString('descripcion'),
    valor: t.exposeInt('valor'),
  }),
});

builder.prismaObject('AsistenteActividad', {
  description: 'A line of an attendance list (F04).',
  fields: (t) => ({
    orden: t.exposeInt('orden'),
    nombre: t.exposeString('nombre'),
    perfil: t.exposeString('perfil', { nullable: true }),
  }),
});
workflowRecordFields(planTrabajoAnualWorkflow);

export const ActividadProgramadaRef = builder.prismaNode('ActividadProgramada', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, plan: readableByUnit(ctx.viewer) }),
  description: 'An activity scheduled in the Cronograma Anual (F02).',
  fields: (t) => ({
    mes: t.exposeInt('mes'),
    tipo: t.expose('tipo', { type: TipoActividadEnum }),
    descripcion: t.exposeString('descripcion'),
    audiencia: t.exposeString('audiencia'),
    sector: t.expose('sector', { type: SectorEnum, nullable: true }),
    meta: t.exposeInt('meta', { description: 'Numeric goal: people reached, or visits made.' }),
    actividadesRealizadas: t.relation('ejecuciones', {
      description: 'Its executions (not destroyed), by date.',
      query: (_a, ctx) => ({
        where: { AND: [{ destruidoAt: null }, readableActividades(ctx.viewer)] },
        orderBy: [{ fecha: 'asc' }, { id: 'asc' }],
      }),
    }),
  }),
});

export const PlanAnualCentroRef = builder.prismaNode('PlanAnualCentro', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableByUnit(ctx.viewer)] }),
  description: "A plantel's Plan Anual del Centro Evaluador and its Cronograma Anual (F02), steps 3-6.",
  fields: (t) => ({
    anio: t.exposeInt('anio'),
    objetivos: t.exposeString('objetivos', { nullable: true }),
    contexto: t.exposeString('contexto', { nullable: true, description: "The plantel's own context analysis (§9, L192)." }),
    fortalezas: t.exposeString('fortalezas', { nullable: true }),
    oportunidades: t.exposeString('oportunidades', { nullable: true }),
    debilidades: t.exposeString('debilidades', { nullable: true }),
    amenazas: t.exposeString('amenazas', { nullable: true }),
    riesgos: t.exposeString('riesgos', { nullable: true }),
    prioridades: t.exposeString('prioridades', { nullable: true }),
    resultadosHistoricos: t.exposeString('resultadosHistoricos', { nullable: true }),
    estado: t.expose('estado', { type: EstadoPlanAnualCentroEnum }),
    unit: t.relation('unit'),
    planTrabajoAnual: t.prismaField({
      type: 'PlanTrabajoAnual',
      nullable: true,
      description:
        "The state's Plan de Trabajo Anual this plan answers to; null when the viewer may not read it (a plantel does not read its state's plan: docs/decisions/010-scope-on-every-path.md).",
      resolve: (query, p, _a, ctx) => loadReadable(ctx, 'planTrabajoAnual', p.planEstatalId, readableByUnit(ctx.viewer), query),
    }),
    enviadoAt: t.expose('enviadoAt', { type: 'DateTime', nullable: true }),
    validadoAt: t.expose('validadoAt', { type: 'DateTime', nullable: true }),
    actividadesProgramadas: t.relation('actividades', {
      description: 'The cronograma: the scheduled activities (F02), by month.',
      query: (_a, ctx) => ({ where: { plan: readableByUnit(ctx.viewer) }, orderBy: [{ mes: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] }),
    }),
    actividadesRealizadas: t.relatedConnection(
      'ejecuciones',
      {
        cursor: 'id',
        totalCount: true,
        description: 'Activities carried out, with their evidence.',
        args: { orderBy: t.arg({ type: ActividadRealizadaOrder.Input }) },
        query: (args, ctx) => ({
          where: { AND: [{ destruidoAt: null }, readableActividades(ctx.viewer)] },
          orderBy: ActividadRealizadaOrder.toPrisma<Prisma.ActividadRealizadaOrderByWithRelationInput>(args.orderBy),
        }),
      },
      { name: 'ActividadRealizadaConnection' },
      { name: 'ActividadRealizadaEdge' },
    ),
    reportesTrimestrales: t.relation('reportes', {
      description: 'Its F05, by quarter.',
      query: (_a, ctx) => ({ where: readableByUnit(ctx.viewer), orderBy: [{ trimestre: 'asc' }] }),
    }),
    conservarHasta: t.field({
      type: 'DateTime',
      description: 'F02 retention: 3 years, then destruction.',
      select: retention,
      resolve: (p) => retentionEnd(p.createdAt),
    }),
    destruidoAt: t.expose('destruidoAt', { type: 'DateTime', nullable: true }),
  }),
});
workflowRecordFields(planAnualCentroWorkflow);

const PlanAnualCentroConnection = builder.connectionObject(
  { type: PlanAnualCentroRef, name: 'PlanAnualCentroConnection', fields: (t) => ({ totalCount: connectionTotalCount(t) }) },
  { name: 'PlanAnualCentroEdge' },
);

builder.prismaObjectField(PlanTrabajoAnualRef, 'planesAnualesCentro', (t) =>
  t.relatedConnection(
    'planesCentro',
    {
      cursor: 'id',
      totalCount: true,
      description: "The planteles' plans made when the plan was sent (step 2.1), that the viewer may see.",
      args: { orderBy: t.arg({ type: PlanAnualCentroOrder.Input }) },
      query: (args, ctx) => ({
        where: readableByUnit(ctx.viewer),
        orderBy: PlanAnualCentroOrder.toPrisma<Prisma.PlanAnualCentroOrderByWithRelationInput>(args.orderBy),
      }),
    },
    PlanAnualCentroConnection,
  ),
);

export const ActividadRealizadaRef = builder.prismaNode('ActividadRealizada', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, ...readableActividades(ctx.viewer) }),
  description: 'A promotion activity carried out, with its evidence: F04 attendance list, F03 visit, or electronic diffusion.',
  fields: (t) => ({
    tipo: t.expose('tipo', { type: TipoActividadEnum }),
    fecha: t.expose('fecha', { type: 'DateTime' }),
    descripcion: t.exposeString('descripcion'),
    alcance: t.exposeInt('alcance', { description: 'People reached (attendees, audience of a diffusion), or 1 for a visit.' }),
    planAnualCentro: t.relation('plan', {
      nullable: true,
      description: "The plantel's plan it carries out; null for the state coordination's own promotion (step 7H).",
    }),
    planTrabajoAnual: t.prismaField({
      type: 'PlanTrabajoAnual',
      nullable: true,
      description: "For the state coordination's own promotion (step 7H): the state plan it was recorded under.",
      resolve: (query, a, _x, ctx) => loadReadable(ctx, 'planTrabajoAnual', a.planEstatalId, readableByUnit(ctx.viewer), query),
    }),
    actividadProgramada: t.prismaField({
      type: 'ActividadProgramada',
      nullable: true,
      description: "The scheduled activity it carries out; null outside the cronograma (or outside the viewer's scope).",
      resolve: (query, a, _x, ctx) => loadReadable(ctx, 'actividadProgramada', a.programadaId, { plan: readableByUnit(ctx.viewer) }, query),
    }),
    fueraDeCronograma: t.boolean({ select: { programadaId: true }, resolve: (a) => a.programadaId === null }),
    evento: t.exposeString('evento', { nullable: true }),
    asistentes: t.exposeInt('asistentes', { nullable: true, description: 'How many attendees the F04 lists.' }),
    listaAsistencia: t.relation('listaAsistencia', {
      description: 'The attendance list (F04), in order; empty once the record is destroyed (§13).',
      query: { orderBy: [{ orden: 'asc' }] },
    }),
    organizacion: t.exposeString('organizacion', { nullable: true }),
    sector: t.expose('sector', { type: SectorEnum, nullable: true }),
    contacto: t.exposeString('contacto', { nullable: true }),
    resultado: t.exposeString('resultado', { nullable: true }),
    canal: t.exposeString('canal', { nullable: true }),
    enlace: t.exposeString('enlace', { nullable: true }),
    formato: t.field({ type: FormatoEnum, nullable: true, select: { tipo: true }, resolve: (a) => formatoOfActividad(a.tipo) }),
    conservarHasta: t.field({ type: 'DateTime', select: retention, resolve: (a) => retentionEnd(a.createdAt) }),
    destruidoAt: t.expose('destruidoAt', { type: 'DateTime', nullable: true }),
  }),
});
workflowRecordFields(actividadRealizadaWorkflow);

export const EficienciaRef = builder.objectRef<EficienciaRow>('EficienciaPromocion').implement({
  description:
    'Eficiencia de acciones de promoción y difusión = total de acciones realizadas / total de acciones programadas × 100 (15-528-PO-26 §12, L430), ' +
    'with its parts (docs/decisions/017-eficiencia-promocion.md).',
  fields: (t) => ({
    nivel: t.expose('nivel', { type: NivelIndicadorEnum }),
    unitId: t.id({
      nullable: true,
      description: 'Global id of the plantel or Colegio Estatal; null for the nation.',
      resolve: (r) => (r.unitId ? encodeGlobalID('OrgUnit', r.unitId) : null),
    }),
    unitCode: t.exposeString('unitCode', { nullable: true }),
    unitName: t.exposeString('unitName', { nullable: true }),
    anio: t.exposeInt('anio'),
    mesDesde: t.exposeInt('mesDesde'),
    mesHasta: t.exposeInt('mesHasta'),
    programadas: t.exposeInt('programadas', {
      description: 'Denominator: activities scheduled in validated cronogramas for these months.',
    }),
    realizadas: t.exposeInt('realizadas', {
      description: 'Numerator: every action carried out in these months, scheduled or not (realizadasProgramadas + fueraDeCronograma).',
    }),
    realizadasProgramadas: t.exposeInt('realizadasProgramadas', {
      description: 'Actions carried out in these months that fulfil a scheduled activity (an activity done twice counts twice).',
    }),
    fueraDeCronograma: t.exposeInt('fueraDeCronograma', {
      description:
        "Actions carried out in these months outside the cronograma; at the state and national levels, also the state coordination's own (step 7H).",
    }),
    programadasRealizadas: t.exposeInt('programadasRealizadas', {
      description: 'Scheduled activities of these months with at least one execution: how much of the cronograma was fulfilled.',
    }),
    eficiencia: t.exposeFloat('eficiencia', {
      nullable: true,
      description: 'realizadas / programadas × 100, 2 decimals (may pass 100 with unscheduled actions); null when nothing was scheduled.',
    }),
  }),
});

const ActividadResultadoRef = builder.objectRef<ActividadResultado>('ResultadoActividadF05').implement({
  description: 'A line of the F05: a scheduled activity of the quarter, its goal and what was reached.',
  fields: (t) => ({
    actividadProgramadaId: t.id({ resolve: (r) => encodeGlobalID('ActividadProgramada', r.actividadId) }),
    mes: t.exposeInt('mes'),
    tipo: t.exposeString('tipo'),
    descripcion: t.exposeString('descripcion'),
    meta: t.exposeInt('meta'),
    alcanzado: t.exposeInt('alcanzado'),
    ejecuciones: t.exposeInt('ejecuciones'),
    cumplida: t.boolean({ description: 'Reached its goal.', resolve: (r) => r.alcanzado >= r.meta }),
  }),
});

const periodOf = (anio: number, trimestre: number) => {
  const [mesDesde, mesHasta] = quarterMonths(trimestre);
  return { anio, mesDesde, mesHasta };
};

export const ReporteTrimestralRef = builder.prismaNode('ReporteTrimestral', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableByUnit(ctx.viewer)] }),
  description: 'Reporte de resultados de promoción y difusión del CE (F05), quarterly. Its figures come from the records.',
  fields: (t) => ({
    trimestre: t.exposeInt('trimestre'),
    anio: t.int({ select: { plan: { select: { anio: true } } }, resolve: (r) => r.plan.anio }),
    analisis: t.exposeString('analisis', { description: "The coordination's analysis of results against goals (step 7V)." }),
    estado: t.expose('estado', { type: EstadoReporteTrimestralEnum }),
    unit: t.relation('unit'),
    planAnualCentro: t.relation('plan'),
    resultado: t.field({
      type: EficienciaRef,
      description: 'The indicator for this plantel and quarter.',
      select: { planId: true, trimestre: true, plan: { select: { anio: true } }, unit: { select: { id: true, code: true, name: true } } },
      resolve: async (r, _a, ctx) => {
        const periodo = periodOf(r.plan.anio, r.trimestre);
        const f = await ctx.loader(createPlanPeriodLoader).load({ planId: r.planId, ...periodo });
        return {
          nivel: 'PLANTEL' as const,
          unitId: r.unit.id,
          unitCode: r.unit.code,
          unitName: r.unit.name,
          ...periodo,
          ...fromPartes(f),
        };
      },
    }),
    actividades: t.field({
      type: [ActividadResultadoRef],
      description: 'Goal against reached, per scheduled activity of the quarter, by month.',
      select: { planId: true, trimestre: true, plan: { select: { anio: true } } },
      resolve: (r, _a, ctx) => ctx.loader(createPlanPeriodLinesLoader).load({ planId: r.planId, ...periodOf(r.plan.anio, r.trimestre) }),
    }),
    accionesMejora: t.relation('acciones', {
      description: 'Actions it caused that the viewer may see, oldest first.',
      query: (_a, ctx) => ({ where: readableByUnit(ctx.viewer), orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    }),
    conservarHasta: t.field({ type: 'DateTime', select: retention, resolve: (p) => retentionEnd(p.createdAt) }),
    destruidoAt: t.expose('destruidoAt', { type: 'DateTime', nullable: true }),
  }),
});
workflowRecordFields(reporteTrimestralWorkflow);

const ConcentradoLineaRef = builder.objectRef<ConcentradoLinea>('LineaConcentradoF01').implement({
  description: "A line of the F01: one plantel's results for the half-year.",
  fields: (t) => ({
    unitId: t.id({ resolve: (r) => encodeGlobalID('OrgUnit', r.unitId) }),
    unitCode: t.exposeString('unitCode'),
    unitName: t.exposeString('unitName'),
    programadas: t.exposeInt('programadas'),
    realizadas: t.exposeInt('realizadas', {
      description: 'Every action carried out in the half-year (realizadasProgramadas + fueraDeCronograma).',
    }),
    realizadasProgramadas: t.exposeInt('realizadasProgramadas'),
    fueraDeCronograma: t.exposeInt('fueraDeCronograma'),
    programadasRealizadas: t.exposeInt('programadasRealizadas'),
    eficiencia: t.exposeFloat('eficiencia', { nullable: true }),
    reportesRecibidos: t.exposeInt('reportesRecibidos', { description: 'F05 of the half-year received by CPSECE.' }),
    reportesEsperados: t.exposeInt('reportesEsperados'),
  }),
});

export const ConcentradoEstatalRef = builder.prismaNode('ConcentradoEstatal', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableByUnit(ctx.viewer)] }),
  description: 'Concentrado de resultados de promoción y difusión de la ECE (F01), per half-year. Built from the records.',
  fields: (t) => ({
    semestre: t.exposeInt('semestre'),
    anio: t.int({ select: { planEstatal: { select: { anio: true } } }, resolve: (c) => c.planEstatal.anio }),
    observaciones: t.exposeString('observaciones', { nullable: true }),
    unit: t.relation('unit'),
    planTrabajoAnual: t.prismaField({
      type: 'PlanTrabajoAnual',
      nullable: true,
      description: 'The state plan of the year; null when the viewer may not read it.',
      resolve: (query, c, _a, ctx) => loadReadable(ctx, 'planTrabajoAnual', c.planEstatalId, readableByUnit(ctx.viewer), query),
    }),
    lineas: t.field({
      type: [ConcentradoLineaRef],
      select: { semestre: true, planEstatal: { select: { anio: true } }, unit: { select: { path: true } } },
      resolve: (c, _a, ctx) => {
        const [mesDesde, mesHasta] = halfMonths(c.semestre);
        return ctx.loader(createConcentradoLinesLoader).load({ statePath: c.unit.path, anio: c.planEstatal.anio, mesDesde, mesHasta });
      },
    }),
    total: t.field({
      type: EficienciaRef,
      description:
        "The state's indicator for the half-year: the sum of the lines, plus the state coordination's own actions (step 7H) outside any cronograma.",
      select: {
        semestre: true,
        planEstatal: { select: { anio: true } },
        unit: { select: { id: true, code: true, name: true, path: true } },
      },
      resolve: async (c, _a, ctx) => {
        const [mesDesde, mesHasta] = halfMonths(c.semestre);
        const key = { statePath: c.unit.path, anio: c.planEstatal.anio, mesDesde, mesHasta };
        const [lines, estatales] = await Promise.all([
          ctx.loader(createConcentradoLinesLoader).load(key),
          ctx.loader(createEstatalesLoader).load(key),
        ]);
        const sum = (f: (l: ConcentradoLinea) => number) => lines.reduce((s, l) => s + f(l), 0);
        return {
          nivel: 'COLEGIO_ESTATAL' as const,
          unitId: c.unit.id,
          unitCode: c.unit.code,
          unitName: c.unit.name,
          anio: c.planEstatal.anio,
          mesDesde,
          mesHasta,
          ...fromPartes({
            programadas: sum((l) => l.programadas),
            programadasRealizadas: sum((l) => l.programadasRealizadas),
            realizadasProgramadas: sum((l) => l.realizadasProgramadas),
            fuera: sum((l) => l.fueraDeCronograma) + estatales,
          }),
        };
      },
    }),
    accionesMejora: t.relation('acciones', {
      description: 'Actions it caused that the viewer may see, oldest first.',
      query: (_a, ctx) => ({ where: readableByUnit(ctx.viewer), orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    }),
    conservarHasta: t.field({ type: 'DateTime', select: retention, resolve: (p) => retentionEnd(p.createdAt) }),
    destruidoAt: t.expose('destruidoAt', { type: 'DateTime', nullable: true }),
  }),
});
workflowRecordFields(concentradoEstatalWorkflow);

export const AccionMejoraRef = builder.prismaNode('AccionMejora', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableByUnit(ctx.viewer)] }),
  description:
    'An improvement action (salida no conforme, acción correctiva, or Programa Integral de Trabajo y Mejora Continua entry), linked to the result that caused it.',
  fields: (t) => ({
    tipo: t.expose('tipo', { type: TipoAccionMejoraEnum }),
    descripcion: t.exposeString('descripcion'),
    resultado: t.exposeString('resultado', { nullable: true }),
    estado: t.expose('estado', { type: EstadoAccionMejoraEnum }),
    unit: t.relation('unit'),
    reporteTrimestral: t.prismaField({
      type: 'ReporteTrimestral',
      nullable: true,
      description: 'The F05 that caused it, when the viewer may read it.',
      resolve: (query, a, _x, ctx) => loadReadable(ctx, 'reporteTrimestral', a.reporteId, readableByUnit(ctx.viewer), query),
    }),
    concentradoEstatal: t.prismaField({
      type: 'ConcentradoEstatal',
      nullable: true,
      description: 'The F01 that caused it, when the viewer may read it.',
      resolve: (query, a, _x, ctx) => loadReadable(ctx, 'concentradoEstatal', a.concentradoId, readableByUnit(ctx.viewer), query),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(accionMejoraWorkflow);

// ---- queries ---------------------------------------------------------------

const unitFields = (t: PothosSchemaTypes.InputFieldBuilder<PothosTypes, 'InputObject'>) => ({
  dentroDe: t.globalID({ required: false, description: 'Owned by this unit or a unit below it.' }),
  unitId: t.globalID({ required: false, description: 'Owned by exactly this unit.' }),
});

const PlanTrabajoAnualFilter = builder.inputType('PlanTrabajoAnualFilter', {
  fields: (t) => ({
    ...unitFields(t),
    estado: t.field({ type: [EstadoPlanTrabajoAnualEnum], required: false, description: 'Any of these states.' }),
    anio: t.int({ required: false }),
  }),
});
const PlanAnualCentroFilter = builder.inputType('PlanAnualCentroFilter', {
  fields: (t) => ({
    ...unitFields(t),
    estado: t.field({ type: [EstadoPlanAnualCentroEnum], required: false, description: 'Any of these states.' }),
    anio: t.int({ required: false }),
  }),
});
const ReporteTrimestralFilter = builder.inputType('ReporteTrimestralFilter', {
  fields: (t) => ({
    ...unitFields(t),
    estado: t.field({ type: [EstadoReporteTrimestralEnum], required: false, description: 'Any of these states.' }),
    anio: t.int({ required: false, description: 'The year of its plan.' }),
    trimestre: t.int({ required: false }),
  }),
});
const ConcentradoEstatalFilter = builder.inputType('ConcentradoEstatalFilter', {
  fields: (t) => ({
    ...unitFields(t),
    anio: t.int({ required: false, description: 'The year of its state plan.' }),
    semestre: t.int({ required: false }),
  }),
});
const AccionMejoraFilter = builder.inputType('AccionMejoraFilter', {
  fields: (t) => ({
    ...unitFields(t),
    estado: t.field({ type: [EstadoAccionMejoraEnum], required: false, description: 'Any of these states.' }),
    anio: t.int({ required: false, description: 'The year of the plan behind the F05 or F01 that caused it.' }),
    tipo: t.field({ type: [TipoAccionMejoraEnum], required: false, description: 'Any of these kinds.' }),
  }),
});

const PlanTrabajoAnualOrder = orderInput('PlanTrabajoAnual', ['anio', 'createdAt', 'estado'] as const, 'anio');
const ReporteTrimestralOrder = orderInput('ReporteTrimestral', ['createdAt', 'trimestre', 'estado'] as const, 'createdAt');
const ConcentradoEstatalOrder = orderInput('ConcentradoEstatal', ['createdAt', 'semestre'] as const, 'createdAt');
const AccionMejoraOrder = orderInput('AccionMejora', ['createdAt', 'tipo', 'estado'] as const, 'createdAt');

const estadoIn = <E>(estado: E[] | null | undefined) => (estado?.length ? { estado: { in: estado } } : {});

const planTrabajoAnualWhere = listWhere(
  async (
    { filter }: { filter?: typeof PlanTrabajoAnualFilter.$inferInput | null },
    ctx: Context,
  ): Promise<Prisma.PlanTrabajoAnualWhereInput> => ({
    AND: [readableByUnit(ctx.viewer), await unitFilter(ctx, filter), estadoIn(filter?.estado), filter?.anio ? { anio: filter.anio } : {}],
  }),
);
const planAnualCentroWhere = listWhere(
  async (
    { filter }: { filter?: typeof PlanAnualCentroFilter.$inferInput | null },
    ctx: Context,
  ): Promise<Prisma.PlanAnualCentroWhereInput> => ({
    AND: [readableByUnit(ctx.viewer), await unitFilter(ctx, filter), estadoIn(filter?.estado), filter?.anio ? { anio: filter.anio } : {}],
  }),
);
const reporteTrimestralWhere = listWhere(
  async (
    { filter }: { filter?: typeof ReporteTrimestralFilter.$inferInput | null },
    ctx: Context,
  ): Promise<Prisma.ReporteTrimestralWhereInput> => ({
    AND: [
      readableByUnit(ctx.viewer),
      await unitFilter(ctx, filter),
      estadoIn(filter?.estado),
      filter?.anio ? { plan: { anio: filter.anio } } : {},
      filter?.trimestre ? { trimestre: filter.trimestre } : {},
    ],
  }),
);
const concentradoEstatalWhere = listWhere(
  async (
    { filter }: { filter?: typeof ConcentradoEstatalFilter.$inferInput | null },
    ctx: Context,
  ): Promise<Prisma.ConcentradoEstatalWhereInput> => ({
    AND: [
      readableByUnit(ctx.viewer),
      await unitFilter(ctx, filter),
      filter?.anio ? { planEstatal: { anio: filter.anio } } : {},
      filter?.semestre ? { semestre: filter.semestre } : {},
    ],
  }),
);
const accionMejoraWhere = listWhere(
  async ({ filter }: { filter?: typeof AccionMejoraFilter.$inferInput | null }, ctx: Context): Promise<Prisma.AccionMejoraWhereInput> => ({
    AND: [
      readableByUnit(ctx.viewer),
      await unitFilter(ctx, filter),
      estadoIn(filter?.estado),
      filter?.tipo?.length ? { tipo: { in: filter.tipo } } : {},
      filter?.anio ? { OR: [{ reporte: { plan: { anio: filter.anio } } }, { concentrado: { planEstatal: { anio: filter.anio } } }] } : {},
    ],
  }),
);

const EficienciaPromocionOrder = orderInput('EficienciaPromocion', ['unitCode', 'eficiencia'] as const, 'unitCode');

builder.queryFields((t) => ({
  planesTrabajoAnuales: t.prismaConnection(
    {
      type: 'PlanTrabajoAnual',
      cursor: 'id',
      description: "States' Planes de Trabajo Anual that the viewer may see, newest year first.",
      args: { filter: t.arg({ type: PlanTrabajoAnualFilter }), orderBy: t.arg({ type: PlanTrabajoAnualOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'planTrabajoAnual', { where: await planTrabajoAnualWhere(args, ctx) }),
      resolve: async (query, _r, args, ctx, info) =>
        findMany(
          ctx.db,
          'planTrabajoAnual',
          {
            ...query,
            where: await planTrabajoAnualWhere(args, ctx),
            orderBy: PlanTrabajoAnualOrder.toPrisma<Prisma.PlanTrabajoAnualOrderByWithRelationInput>(
              args.orderBy ?? { field: 'anio', direction: 'DESC' },
            ),
          },
          info,
        ),
    },
    { name: 'PlanTrabajoAnualConnection' },
    { name: 'PlanTrabajoAnualEdge' },
  ),
  planesAnualesCentro: t.prismaConnection(
    {
      type: 'PlanAnualCentro',
      cursor: 'id',
      description: "Planteles' annual plans and cronogramas that the viewer may see.",
      args: { filter: t.arg({ type: PlanAnualCentroFilter }), orderBy: t.arg({ type: PlanAnualCentroOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'planAnualCentro', { where: await planAnualCentroWhere(args, ctx) }),
      resolve: async (query, _r, args, ctx, info) =>
        findMany(
          ctx.db,
          'planAnualCentro',
          {
            ...query,
            where: await planAnualCentroWhere(args, ctx),
            orderBy: PlanAnualCentroOrder.toPrisma<Prisma.PlanAnualCentroOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    PlanAnualCentroConnection,
  ),
  reportesTrimestrales: t.prismaConnection(
    {
      type: 'ReporteTrimestral',
      cursor: 'id',
      description: 'F05 reports the viewer may see.',
      args: { filter: t.arg({ type: ReporteTrimestralFilter }), orderBy: t.arg({ type: ReporteTrimestralOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'reporteTrimestral', { where: await reporteTrimestralWhere(args, ctx) }),
      resolve: async (query, _r, args, ctx, info) =>
        findMany(
          ctx.db,
          'reporteTrimestral',
          {
            ...query,
            where: await reporteTrimestralWhere(args, ctx),
            orderBy: ReporteTrimestralOrder.toPrisma<Prisma.ReporteTrimestralOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'ReporteTrimestralConnection' },
    { name: 'ReporteTrimestralEdge' },
  ),
  concentradosEstatales: t.prismaConnection(
    {
      type: 'ConcentradoEstatal',
      cursor: 'id',
      description: 'F01 concentrates the viewer may see.',
      args: { filter: t.arg({ type: ConcentradoEstatalFilter }), orderBy: t.arg({ type: ConcentradoEstatalOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'concentradoEstatal', { where: await concentradoEstatalWhere(args, ctx) }),
      resolve: async (query, _r, args, ctx, info) =>
        findMany(
          ctx.db,
          'concentradoEstatal',
          {
            ...query,
            where: await concentradoEstatalWhere(args, ctx),
            orderBy: ConcentradoEstatalOrder.toPrisma<Prisma.ConcentradoEstatalOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'ConcentradoEstatalConnection' },
    { name: 'ConcentradoEstatalEdge' },
  ),
  accionesMejora: t.prismaConnection(
    {
      type: 'AccionMejora',
      cursor: 'id',
      description: 'Improvement actions the viewer may see.',
      args: { filter: t.arg({ type: AccionMejoraFilter }), orderBy: t.arg({ type: AccionMejoraOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'accionMejora', { where: await accionMejoraWhere(args, ctx) }),
      resolve: async (query, _r, args, ctx, info) =>
        findMany(
          ctx.db,
          'accionMejora',
          {
            ...query,
            where: await accionMejoraWhere(args, ctx),
            orderBy: AccionMejoraOrder.toPrisma<Prisma.AccionMejoraOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'AccionMejoraConnection' },
    { name: 'AccionMejoraEdge' },
  ),
  eficienciaPromocion: t.field({
    type: [EficienciaRef],
    description:
      'Eficiencia de acciones de promoción y difusión for a year, a quarter or a half-year, per plantel, per Colegio Estatal or for the nation, ' +
      'over the units the viewer may see (optionally within one unit). One SQL statement. Default order: by unit code.',
    args: {
      anio: t.arg.int({ required: true }),
      trimestre: t.arg.int({ required: false }),
      semestre: t.arg.int({ required: false }),
      nivel: t.arg({ type: NivelIndicadorEnum, required: true }),
      dentroDe: t.arg.globalID({ required: false }),
      orderBy: t.arg({ type: EficienciaPromocionOrder.Input }),
    },
    resolve: async (_r, args, ctx) => {
      const issues: InputIssue[] = [];
      if (args.trimestre != null && (args.trimestre < 1 || args.trimestre > 4))
        issues.push({ path: ['trimestre'], message: 'Must be 1 to 4' });
      if (args.semestre != null && (args.semestre < 1 || args.semestre > 2)) issues.push({ path: ['semestre'], message: 'Must be 1 or 2' });
      if (args.trimestre != null && args.semestre != null)
        issues.push({ path: ['semestre'], message: 'Give a quarter or a half-year, not both' });
      if (issues.length) throw badInput(issues);
      const [mesDesde, mesHasta] = args.trimestre ? quarterMonths(args.trimestre) : args.semestre ? halfMonths(args.semestre) : [1, 12];
      const within = args.dentroDe ? (await withinUnit(ctx, args.dentroDe.id)).unit.path.startsWith : null;
      const rows = await eficienciaPromocion(ctx.db, ctx.viewer!, args.nivel, { anio: args.anio, mesDesde, mesHasta }, within);
      return sortBy(
        rows,
        args.orderBy?.field === 'eficiencia' ? (r) => r.eficiencia ?? -1 : (r) => r.unitCode ?? '',
        args.orderBy?.direction,
      );
    },
  }),
}));

/** A stable sort of a computed list (rows keep their order on ties). */
function sortBy<T>(rows: T[], key: (row: T) => string | number, direction: 'ASC' | 'DESC' | null | undefined): T[] {
  const sign = direction === 'DESC' ? -1 : 1;
  return rows
    .map((row, i) => ({ row, i, k: key(row) }))
    .sort((a, b) => sign * (a.k < b.k ? -1 : a.k > b.k ? 1 : 0) || a.i - b.i)
    .map((x) => x.row);
}

// ---- calendar -------------------------------------------------------------

const ObligationRef = builder.objectRef<Obligation>('ObligacionPromocion').implement({
  description: 'A dated obligation of the promotion cycle, derived from the months the manual names (§9).',
  fields: (t) => ({
    clave: t.exposeString('clave'),
    descripcion: t.exposeString('descripcion'),
    responsable: t.exposeString('responsable'),
    fechaLimite: t.expose('fechaLimite', { type: 'DateTime' }),
  }),
});

interface Pendiente {
  clave: string;
  descripcion: string;
  fechaLimite: Date;
  unitCode: string;
  registroId: string | null;
}
const PendienteRef = builder.objectRef<Pendiente>('PendientePromocion').implement({
  description: 'An obligation past its due date and not done.',
  fields: (t) => ({
    clave: t.exposeString('clave'),
    descripcion: t.exposeString('descripcion'),
    fechaLimite: t.expose('fechaLimite', { type: 'DateTime' }),
    unitCode: t.exposeString('unitCode'),
    registroId: t.exposeID('registroId', { nullable: true, description: 'The record concerned, when there is one.' }),
  }),
});

const PendientePromocionOrder = orderInput('PendientePromocion', ['fechaLimite', 'unitCode'] as const, 'fechaLimite');

builder.queryFields((t) => ({
  obligacionesPromocion: t.field({
    type: [ObligationRef],
    description: 'The dated obligations of the promotion cycle for a year, by due date (a fixed list of the manual).',
    args: { anio: t.arg.int({ required: true }) },
    resolve: (_r, { anio }) => promotionCalendar(anio),
  }),
  pendientesPromocion: t.field({
    type: [PendienteRef],
    description:
      "Overdue items at `fecha` (default now), within the viewer's scope: state plans not sent by January (2.1), the cost table not sent by January, " +
      'plantel plans not submitted by their due date (September of the year before, or the end of the month after the state plan reached them if later), ' +
      'planteles without their technical visit by the end of March, June, September or December, F05 not sent 10 days after their quarter.',
    args: {
      fecha: t.arg({ type: 'DateTime', required: false }),
      anio: t.arg.int({ required: true }),
      orderBy: t.arg({ type: PendientePromocionOrder.Input }),
    },
    resolve: async (_r, { fecha, anio, orderBy }, ctx) => {
      const items = await overdue(ctx, anio, fecha ?? new Date());
      return orderBy?.field === 'unitCode'
        ? sortBy(items, (p) => p.unitCode, orderBy.direction)
        : sortBy(items, (p) => p.fechaLimite.getTime(), orderBy?.direction);
    },
  }),
}));

async function overdue(ctx: Context, anio: number, asOf: Date): Promise<Pendiente[]> {
  const calendar = Object.fromEntries(promotionCalendar(anio).map((o) => [o.clave, o]));
  const readable = readableByUnit(ctx.viewer);
  const items: Pendiente[] = [];
  const statePlanDue = calendar.PLAN_ESTATAL_TURNADO;
  const costsDue = calendar.TABLA_COSTOS;
  const visitMonths = [3, 6, 9, 12].filter((m) => asOf > calendar[`VISITA_TECNICA_${String(m).padStart(2, '0')}`].fechaLimite);
  const [statePlans, plantelPlans, tablas] = await Promise.all([
    ctx.db.planTrabajoAnual.findMany({
      where: { AND: [readable, { anio }] },
      select: { id: true, estado: true, unitId: true, unit: { select: { code: true } } },
    }),
    ctx.db.planAnualCentro.findMany({
      where: { AND: [readable, { anio }] },
      select: {
        id: true,
        estado: true,
        destruidoAt: true,
        planEstatal: { select: { turnadoAt: true } },
        unit: { select: { code: true, visitasTecnicas: { where: { anio }, select: { mes: true } } } },
        reportes: { select: { trimestre: true } },
      },
    }),
    asOf > costsDue.fechaLimite ? ctx.db.tablaCostos.findMany({ where: { AND: [readable, { anio }] }, select: { unitId: true } }) : [],
  ]);
  for (const p of statePlans) {
    if (asOf > statePlanDue.fechaLimite && p.estado !== 'TURNADO')
      items.push({ ...statePlanDue, unitCode: p.unit.code, registroId: encodeGlobalID('PlanTrabajoAnual', p.id) });
    // The cost table is the state's: owed by every state that runs the cycle (has a plan) that year.
    if (asOf > costsDue.fechaLimite && !tablas.some((t) => t.unitId === p.unitId))
      items.push({ ...costsDue, unitCode: p.unit.code, registroId: null });
  }
  for (const p of plantelPlans) {
    const registroId = encodeGlobalID('PlanAnualCentro', p.id);
    if (p.planEstatal.turnadoAt && (p.estado === 'POR_TURNAR' || p.estado === 'EN_ELABORACION')) {
      const fechaLimite = plantelPlanDueDate(anio, p.planEstatal.turnadoAt);
      if (asOf > fechaLimite) items.push({ ...calendar.PROGRAMA_PROMOCION, fechaLimite, unitCode: p.unit.code, registroId });
    }
    // Technical visits: owed to every plantel that has received the year's plan.
    for (const m of visitMonths) {
      if (!p.unit.visitasTecnicas.some((v) => v.mes === m))
        items.push({ ...calendar[`VISITA_TECNICA_${String(m).padStart(2, '0')}`], unitCode: p.unit.code, registroId: null });
    }
    if (p.estado !== 'VALIDADO' || p.destruidoAt) continue;
    for (const q of [1, 2, 3, 4]) {
      if (asOf > f05DueDate(anio, q) && !p.reportes.some((r) => r.trimestre === q)) {
        items.push({ ...calendar[`F05_T${q}`], unitCode: p.unit.code, registroId });
      }
    }
  }
  return items.sort((a, b) => a.fechaLimite.getTime() - b.fechaLimite.getTime() || a.unitCode.localeCompare(b.unitCode));
}

documentosField('ActividadRealizada', 'Evidence files of the activity: F03 visit evidence or F04 attendance lists, in the order attached.');
