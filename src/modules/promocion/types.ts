// GraphQL types and queries of 15-528-PO-26 (promotion and diffusion of the ECE).
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../builder.js';
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
import { orderInput } from '../../lib/pagination.js';
import { badInput, type InputIssue } from '../../lib/errors.js';
import { createHistoryLoader } from '../../lib/workflow/history.js';
import { WorkflowTransitionRef } from '../../lib/workflow/schema.js';
import { availableSteps } from '../../lib/workflow/steps.js';
import { readableByUnit } from './rules.js';
import {
  accionMejoraWorkflow,
  concentradoWorkflow,
  MUTATIONS,
  planCentroWorkflow,
  planEstatalWorkflow,
  reporteWorkflow,
} from './workflow.js';
import {
  createConcentradoLinesLoader,
  createPlanPeriodLinesLoader,
  createPlanPeriodLoader,
  eficiencia,
  eficienciaPromocion,
  type ActividadResultado,
  type ConcentradoLinea,
  type EficienciaRow,
} from './indicators.js';
import { halfMonths, promotionCalendar, quarterMonths, f05DueDate, type Obligation } from './calendar.js';
import { formatoOfActividad, retentionEnd } from './retention.js';

export const EstadoPlanEstatalEnum = builder.enumType(EstadoPlanEstatal, { name: 'EstadoPlanEstatal' });
export const EstadoPlanCentroEnum = builder.enumType(EstadoPlanCentro, { name: 'EstadoPlanCentro' });
export const EstadoReporteEnum = builder.enumType(EstadoReporte, { name: 'EstadoReporte' });
export const EstadoAccionMejoraEnum = builder.enumType(EstadoAccionMejora, { name: 'EstadoAccionMejora' });
export const TipoActividadEnum = builder.enumType(TipoActividad, {
  name: 'TipoActividad',
  description: 'Kind of promotion activity: electronic diffusion, parents\' meeting (F04), teachers\' academy (F04), visit to a company or institution (F03), other.',
});
export const SectorEnum = builder.enumType(Sector, { name: 'Sector' });
export const TipoAccionMejoraEnum = builder.enumType(TipoAccionMejora, { name: 'TipoAccionMejora' });
export const NivelIndicadorEnum = builder.enumType('NivelIndicador', { values: ['PLANTEL', 'ESTADO', 'NACIONAL'] as const });
export const FormatoEnum = builder.enumType('FormatoPromocion', {
  description: 'Formats of 15-528-PO-26 §13.',
  values: ['F01', 'F02', 'F03', 'F04', 'F05'] as const,
});

const unitPath = { unit: { select: { path: true } } } as const;
const history = (workflow: string) => (record: { id: string }, _args: unknown, ctx: Context) =>
  ctx.loader(createHistoryLoader).load({ workflow, recordId: record.id });
const retention = { createdAt: true } as const;

export const PlanEstatalRef = builder.prismaNode('PlanTrabajoAnual', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableByUnit(ctx.viewer)] }),
  description: 'The state\'s Plan de Trabajo Anual of the ECE, with the context analysis it rests on (steps 1-2).',
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
    estado: t.expose('estado', { type: EstadoPlanEstatalEnum }),
    version: t.exposeInt('version'),
    unit: t.relation('unit'),
    turnadoAt: t.expose('turnadoAt', { type: 'DateTime', nullable: true }),
    planesCentro: t.relatedConnection('planesCentro', {
      cursor: 'id',
      totalCount: true,
      query: (_a, ctx) => ({ where: readableByUnit(ctx.viewer), orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    }),
    history: t.field({ type: [WorkflowTransitionRef], resolve: history(planEstatalWorkflow.name) }),
    availableSteps: t.stringList({
      select: { estado: true, ...unitPath },
      resolve: (p, _a, ctx) => availableSteps(planEstatalWorkflow, MUTATIONS.planEstatal)(p, ctx.viewer),
    }),
  }),
});

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
    ejecuciones: t.relation('ejecuciones', {
      query: { where: { destruidoAt: null }, orderBy: [{ fecha: 'asc' }, { id: 'asc' }] },
    }),
  }),
});

export const PlanCentroRef = builder.prismaNode('PlanAnualCentro', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableByUnit(ctx.viewer)] }),
  description: 'A plantel\'s Plan Anual del Centro Evaluador and its Cronograma Anual (F02), steps 3-6.',
  fields: (t) => ({
    anio: t.exposeInt('anio'),
    objetivos: t.exposeString('objetivos', { nullable: true }),
    estado: t.expose('estado', { type: EstadoPlanCentroEnum }),
    version: t.exposeInt('version'),
    unit: t.relation('unit'),
    planEstatal: t.relation('planEstatal'),
    enviadoAt: t.expose('enviadoAt', { type: 'DateTime', nullable: true }),
    validadoAt: t.expose('validadoAt', { type: 'DateTime', nullable: true }),
    cronograma: t.relation('actividades', {
      description: 'The scheduled activities (F02), by month.',
      query: { orderBy: [{ mes: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] },
    }),
    ejecuciones: t.relatedConnection('ejecuciones', {
      cursor: 'id',
      totalCount: true,
      description: 'Activities carried out, with their evidence.',
      query: { where: { destruidoAt: null }, orderBy: [{ fecha: 'asc' }, { id: 'asc' }] },
    }),
    reportes: t.relation('reportes', { query: { orderBy: [{ trimestre: 'asc' }] } }),
    history: t.field({ type: [WorkflowTransitionRef], resolve: history(planCentroWorkflow.name) }),
    availableSteps: t.stringList({
      select: { estado: true, ...unitPath },
      resolve: (p, _a, ctx) => availableSteps(planCentroWorkflow, MUTATIONS.planCentro)(p, ctx.viewer),
    }),
    conservarHasta: t.field({ type: 'DateTime', description: 'F02 retention: 3 years, then destruction.', select: retention, resolve: (p) => retentionEnd(p.createdAt) }),
    destruidoAt: t.expose('destruidoAt', { type: 'DateTime', nullable: true }),
  }),
});

export const ActividadRealizadaRef = builder.prismaNode('ActividadRealizada', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, plan: readableByUnit(ctx.viewer) }),
  description: 'A promotion activity carried out, with its evidence: F04 attendance list, F03 visit, or electronic diffusion.',
  fields: (t) => ({
    tipo: t.expose('tipo', { type: TipoActividadEnum }),
    fecha: t.expose('fecha', { type: 'DateTime' }),
    descripcion: t.exposeString('descripcion'),
    alcance: t.exposeInt('alcance', { description: 'People reached (attendees, audience of a diffusion), or 1 for a visit.' }),
    programada: t.relation('programada', { nullable: true }),
    fueraDeCronograma: t.boolean({ select: { programadaId: true }, resolve: (a) => a.programadaId === null }),
    evento: t.exposeString('evento', { nullable: true }),
    asistentes: t.exposeInt('asistentes', { nullable: true }),
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

export const EficienciaRef = builder.objectRef<EficienciaRow>('EficienciaPromocion').implement({
  description: 'Eficiencia de acciones de promoción y difusión = realizadas / programadas × 100 (15-528-PO-26 §12).',
  fields: (t) => ({
    nivel: t.expose('nivel', { type: NivelIndicadorEnum }),
    unitId: t.id({ nullable: true, description: 'Global id of the plantel or state; null for the nation.', resolve: (r) => (r.unitId ? encodeGlobalID('OrgUnit', r.unitId) : null) }),
    unitCode: t.exposeString('unitCode', { nullable: true }),
    unitName: t.exposeString('unitName', { nullable: true }),
    anio: t.exposeInt('anio'),
    mesDesde: t.exposeInt('mesDesde'),
    mesHasta: t.exposeInt('mesHasta'),
    programadas: t.exposeInt('programadas', { description: 'Denominator: activities scheduled in validated cronogramas for these months.' }),
    realizadas: t.exposeInt('realizadas', { description: 'Numerator: those of them carried out (at least one execution recorded).' }),
    fueraDeCronograma: t.exposeInt('fueraDeCronograma', { description: 'Activities carried out outside the cronograma in these months (not in the ratio).' }),
    eficiencia: t.exposeFloat('eficiencia', { nullable: true, description: 'Percentage, 2 decimals; null when nothing was scheduled.' }),
  }),
});


const ActividadResultadoRef = builder.objectRef<ActividadResultado>('ResultadoActividadF05').implement({
  description: 'A line of the F05: a scheduled activity of the quarter, its goal and what was reached.',
  fields: (t) => ({
    actividadId: t.id({ resolve: (r) => encodeGlobalID('ActividadProgramada', r.actividadId) }),
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

export const ReporteRef = builder.prismaNode('ReporteTrimestral', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableByUnit(ctx.viewer)] }),
  description: 'Reporte de resultados de promoción y difusión del CE (F05), quarterly. Its figures come from the records.',
  fields: (t) => ({
    trimestre: t.exposeInt('trimestre'),
    anio: t.int({ select: { plan: { select: { anio: true } } }, resolve: (r) => r.plan.anio }),
    analisis: t.exposeString('analisis', { description: 'The coordination\'s analysis of results against goals (step 7V).' }),
    estado: t.expose('estado', { type: EstadoReporteEnum }),
    version: t.exposeInt('version'),
    unit: t.relation('unit'),
    plan: t.relation('plan'),
    resultado: t.field({
      type: EficienciaRef,
      description: 'The indicator for this plantel and quarter.',
      select: { planId: true, trimestre: true, plan: { select: { anio: true } }, unit: { select: { id: true, code: true, name: true } } },
      resolve: async (r, _a, ctx) => {
        const periodo = periodOf(r.plan.anio, r.trimestre);
        const f = await ctx.loader(createPlanPeriodLoader).load({ planId: r.planId, ...periodo });
        return {
          nivel: 'PLANTEL' as const, unitId: r.unit.id, unitCode: r.unit.code, unitName: r.unit.name, ...periodo,
          programadas: f.programadas, realizadas: f.realizadas, fueraDeCronograma: f.fuera, eficiencia: f.eficiencia,
        };
      },
    }),
    actividades: t.field({
      type: [ActividadResultadoRef],
      select: { planId: true, trimestre: true, plan: { select: { anio: true } } },
      resolve: (r, _a, ctx) => ctx.loader(createPlanPeriodLinesLoader).load({ planId: r.planId, ...periodOf(r.plan.anio, r.trimestre) }),
    }),
    acciones: t.relation('acciones', { query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } }),
    history: t.field({ type: [WorkflowTransitionRef], resolve: history(reporteWorkflow.name) }),
    availableSteps: t.stringList({
      select: { estado: true, ...unitPath },
      resolve: (p, _a, ctx) => availableSteps(reporteWorkflow, MUTATIONS.reporte)(p, ctx.viewer),
    }),
    conservarHasta: t.field({ type: 'DateTime', select: retention, resolve: (p) => retentionEnd(p.createdAt) }),
    destruidoAt: t.expose('destruidoAt', { type: 'DateTime', nullable: true }),
  }),
});

const ConcentradoLineaRef = builder.objectRef<ConcentradoLinea>('LineaConcentradoF01').implement({
  description: 'A line of the F01: one plantel\'s results for the half-year.',
  fields: (t) => ({
    unitId: t.id({ resolve: (r) => encodeGlobalID('OrgUnit', r.unitId) }),
    unitCode: t.exposeString('unitCode'),
    unitName: t.exposeString('unitName'),
    programadas: t.exposeInt('programadas'),
    realizadas: t.exposeInt('realizadas'),
    fueraDeCronograma: t.exposeInt('fueraDeCronograma'),
    eficiencia: t.exposeFloat('eficiencia', { nullable: true }),
    reportesRecibidos: t.exposeInt('reportesRecibidos', { description: 'F05 of the half-year received by CPSECE.' }),
    reportesEsperados: t.exposeInt('reportesEsperados'),
  }),
});

export const ConcentradoRef = builder.prismaNode('ConcentradoEstatal', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableByUnit(ctx.viewer)] }),
  description: 'Concentrado de resultados de promoción y difusión de la ECE (F01), per half-year. Built from the records.',
  fields: (t) => ({
    semestre: t.exposeInt('semestre'),
    anio: t.int({ select: { planEstatal: { select: { anio: true } } }, resolve: (c) => c.planEstatal.anio }),
    observaciones: t.exposeString('observaciones', { nullable: true }),
    unit: t.relation('unit'),
    planEstatal: t.relation('planEstatal'),
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
      description: 'The state\'s indicator for the half-year: the sum of the lines.',
      select: { semestre: true, planEstatal: { select: { anio: true } }, unit: { select: { id: true, code: true, name: true, path: true } } },
      resolve: async (c, _a, ctx) => {
        const [mesDesde, mesHasta] = halfMonths(c.semestre);
        const lines = await ctx.loader(createConcentradoLinesLoader).load({ statePath: c.unit.path, anio: c.planEstatal.anio, mesDesde, mesHasta });
        const programadas = lines.reduce((s, l) => s + l.programadas, 0);
        const realizadas = lines.reduce((s, l) => s + l.realizadas, 0);
        return {
          nivel: 'ESTADO' as const, unitId: c.unit.id, unitCode: c.unit.code, unitName: c.unit.name,
          anio: c.planEstatal.anio, mesDesde, mesHasta, programadas, realizadas,
          fueraDeCronograma: lines.reduce((s, l) => s + l.fueraDeCronograma, 0),
          eficiencia: eficiencia(realizadas, programadas),
        };
      },
    }),
    acciones: t.relation('acciones', { query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } }),
    history: t.field({ type: [WorkflowTransitionRef], resolve: history(concentradoWorkflow.name) }),
    conservarHasta: t.field({ type: 'DateTime', select: retention, resolve: (p) => retentionEnd(p.createdAt) }),
    destruidoAt: t.expose('destruidoAt', { type: 'DateTime', nullable: true }),
  }),
});

export const AccionMejoraRef = builder.prismaNode('AccionMejora', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableByUnit(ctx.viewer)] }),
  description: 'An improvement action (salida no conforme, acción correctiva, or Programa Integral de Trabajo y Mejora Continua entry), linked to the result that caused it.',
  fields: (t) => ({
    tipo: t.expose('tipo', { type: TipoAccionMejoraEnum }),
    descripcion: t.exposeString('descripcion'),
    resultado: t.exposeString('resultado', { nullable: true }),
    estado: t.expose('estado', { type: EstadoAccionMejoraEnum }),
    version: t.exposeInt('version'),
    unit: t.relation('unit'),
    reporte: t.relation('reporte', { nullable: true }),
    concentrado: t.relation('concentrado', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    history: t.field({ type: [WorkflowTransitionRef], resolve: history(accionMejoraWorkflow.name) }),
    availableSteps: t.stringList({
      select: { estado: true, ...unitPath },
      resolve: (p, _a, ctx) => availableSteps(accionMejoraWorkflow, MUTATIONS.accionMejora)(p, ctx.viewer),
    }),
  }),
});

// ---- queries ---------------------------------------------------------------

const PromocionFilter = builder.inputType('PromocionFilter', {
  description: 'Filters shared by the promotion lists; each list uses the ones that apply to it.',
  fields: (t) => ({
    anio: t.int({ required: false }),
    trimestre: t.int({ required: false, description: 'F05 only.' }),
    semestre: t.int({ required: false, description: 'F01 only.' }),
    dentroDe: t.globalID({ required: false, description: 'Records of this unit and its descendants.' }),
  }),
});

type Filter = typeof PromocionFilter.$inferInput | null | undefined;

const PlanEstatalOrder = orderInput('PlanTrabajoAnual', ['anio', 'createdAt', 'estado'] as const, 'anio');
const PlanCentroOrder = orderInput('PlanAnualCentro', ['anio', 'createdAt', 'estado', 'enviadoAt'] as const, 'createdAt');
const ReporteOrder = orderInput('ReporteTrimestral', ['createdAt', 'trimestre', 'estado'] as const, 'createdAt');
const ConcentradoOrder = orderInput('ConcentradoEstatal', ['createdAt', 'semestre'] as const, 'createdAt');
const AccionOrder = orderInput('AccionMejora', ['createdAt', 'tipo', 'estado'] as const, 'createdAt');
async function baseWhere(ctx: Context, filter: Filter) {
  return [readableByUnit(ctx.viewer), filter?.dentroDe ? await withinUnit(ctx, filter.dentroDe.id) : {}];
}

builder.queryFields((t) => ({
  planesEstatalesPromocion: t.prismaConnection({
    type: 'PlanTrabajoAnual',
    cursor: 'id',
    description: 'States\' Planes de Trabajo Anual that the viewer may see, newest year first.',
    args: { filter: t.arg({ type: PromocionFilter }), estado: t.arg({ type: [EstadoPlanEstatalEnum] }), orderBy: t.arg({ type: PlanEstatalOrder.Input }) },
    totalCount: async (_c, args, ctx) => ctx.db.planTrabajoAnual.count({ where: { AND: [...(await baseWhere(ctx, args.filter)), args.filter?.anio ? { anio: args.filter.anio } : {}, args.estado?.length ? { estado: { in: args.estado } } : {}] } }),
    resolve: async (query, _r, args, ctx) =>
      ctx.db.planTrabajoAnual.findMany({
        ...query,
        where: { AND: [...(await baseWhere(ctx, args.filter)), args.filter?.anio ? { anio: args.filter.anio } : {}, args.estado?.length ? { estado: { in: args.estado } } : {}] },
        orderBy: PlanEstatalOrder.toPrisma<Prisma.PlanTrabajoAnualOrderByWithRelationInput>(args.orderBy ?? { field: 'anio', direction: 'DESC' }),
      }),
  }, { name: 'PlanTrabajoAnualConnection' }, { name: 'PlanTrabajoAnualEdge' }),
  planesCentroEvaluador: t.prismaConnection({
    type: 'PlanAnualCentro',
    cursor: 'id',
    description: 'Planteles\' annual plans and cronogramas that the viewer may see.',
    args: { filter: t.arg({ type: PromocionFilter }), estado: t.arg({ type: [EstadoPlanCentroEnum] }), orderBy: t.arg({ type: PlanCentroOrder.Input }) },
    totalCount: async (_c, args, ctx) => ctx.db.planAnualCentro.count({ where: await planCentroWhere(ctx, args.filter, args.estado) }),
    resolve: async (query, _r, args, ctx) =>
      ctx.db.planAnualCentro.findMany({ ...query, where: await planCentroWhere(ctx, args.filter, args.estado), orderBy: PlanCentroOrder.toPrisma<Prisma.PlanAnualCentroOrderByWithRelationInput>(args.orderBy) }),
  }, { name: 'PlanAnualCentroConnection' }, { name: 'PlanAnualCentroEdge' }),
  reportesTrimestralesPromocion: t.prismaConnection({
    type: 'ReporteTrimestral',
    cursor: 'id',
    description: 'F05 reports the viewer may see.',
    args: { filter: t.arg({ type: PromocionFilter }), estado: t.arg({ type: [EstadoReporteEnum] }), orderBy: t.arg({ type: ReporteOrder.Input }) },
    totalCount: async (_c, args, ctx) => ctx.db.reporteTrimestral.count({ where: await reporteWhere(ctx, args.filter, args.estado) }),
    resolve: async (query, _r, args, ctx) =>
      ctx.db.reporteTrimestral.findMany({ ...query, where: await reporteWhere(ctx, args.filter, args.estado), orderBy: ReporteOrder.toPrisma<Prisma.ReporteTrimestralOrderByWithRelationInput>(args.orderBy) }),
  }, { name: 'ReporteTrimestralConnection' }, { name: 'ReporteTrimestralEdge' }),
  concentradosPromocion: t.prismaConnection({
    type: 'ConcentradoEstatal',
    cursor: 'id',
    description: 'F01 concentrates the viewer may see.',
    args: { filter: t.arg({ type: PromocionFilter }), orderBy: t.arg({ type: ConcentradoOrder.Input }) },
    totalCount: async (_c, args, ctx) => ctx.db.concentradoEstatal.count({ where: await concentradoWhere(ctx, args.filter) }),
    resolve: async (query, _r, args, ctx) =>
      ctx.db.concentradoEstatal.findMany({ ...query, where: await concentradoWhere(ctx, args.filter), orderBy: ConcentradoOrder.toPrisma<Prisma.ConcentradoEstatalOrderByWithRelationInput>(args.orderBy) }),
  }, { name: 'ConcentradoEstatalConnection' }, { name: 'ConcentradoEstatalEdge' }),
  accionesMejoraPromocion: t.prismaConnection({
    type: 'AccionMejora',
    cursor: 'id',
    description: 'Improvement actions the viewer may see.',
    args: {
      filter: t.arg({ type: PromocionFilter }),
      estado: t.arg({ type: [EstadoAccionMejoraEnum] }),
      tipo: t.arg({ type: [TipoAccionMejoraEnum] }),
      orderBy: t.arg({ type: AccionOrder.Input }),
    },
    totalCount: async (_c, args, ctx) => ctx.db.accionMejora.count({ where: await accionWhere(ctx, args) }),
    resolve: async (query, _r, args, ctx) =>
      ctx.db.accionMejora.findMany({ ...query, where: await accionWhere(ctx, args), orderBy: AccionOrder.toPrisma<Prisma.AccionMejoraOrderByWithRelationInput>(args.orderBy) }),
  }, { name: 'AccionMejoraConnection' }, { name: 'AccionMejoraEdge' }),
  eficienciaPromocion: t.field({
    type: [EficienciaRef],
    description:
      'Eficiencia de acciones de promoción y difusión for a year, a quarter or a half-year, per plantel, per state or for the nation, ' +
      'over the units the viewer may see (optionally within one unit). One SQL statement.',
    args: {
      anio: t.arg.int({ required: true }),
      trimestre: t.arg.int({ required: false }),
      semestre: t.arg.int({ required: false }),
      nivel: t.arg({ type: NivelIndicadorEnum, required: true }),
      dentroDe: t.arg.globalID({ required: false }),
    },
    resolve: async (_r, args, ctx) => {
      const issues: InputIssue[] = [];
      if (args.trimestre != null && (args.trimestre < 1 || args.trimestre > 4)) issues.push({ path: ['trimestre'], message: 'Must be 1 to 4' });
      if (args.semestre != null && (args.semestre < 1 || args.semestre > 2)) issues.push({ path: ['semestre'], message: 'Must be 1 or 2' });
      if (args.trimestre != null && args.semestre != null) issues.push({ path: ['semestre'], message: 'Give a quarter or a half-year, not both' });
      if (issues.length) throw badInput(issues);
      const [mesDesde, mesHasta] = args.trimestre ? quarterMonths(args.trimestre) : args.semestre ? halfMonths(args.semestre) : [1, 12];
      const within = args.dentroDe ? (await withinUnit(ctx, args.dentroDe.id)).unit.path.startsWith : null;
      return eficienciaPromocion(ctx.db, ctx.viewer!, args.nivel, { anio: args.anio, mesDesde, mesHasta }, within);
    },
  }),
}));

async function planCentroWhere(ctx: Context, filter: Filter, estado?: EstadoPlanCentro[] | null): Promise<Prisma.PlanAnualCentroWhereInput> {
  return { AND: [...(await baseWhere(ctx, filter)), filter?.anio ? { anio: filter.anio } : {}, estado?.length ? { estado: { in: estado } } : {}] };
}
async function reporteWhere(ctx: Context, filter: Filter, estado?: EstadoReporte[] | null): Promise<Prisma.ReporteTrimestralWhereInput> {
  return {
    AND: [
      ...(await baseWhere(ctx, filter)),
      filter?.anio ? { plan: { anio: filter.anio } } : {},
      filter?.trimestre ? { trimestre: filter.trimestre } : {},
      estado?.length ? { estado: { in: estado } } : {},
    ],
  };
}
async function concentradoWhere(ctx: Context, filter: Filter): Promise<Prisma.ConcentradoEstatalWhereInput> {
  return {
    AND: [...(await baseWhere(ctx, filter)), filter?.anio ? { planEstatal: { anio: filter.anio } } : {}, filter?.semestre ? { semestre: filter.semestre } : {}],
  };
}
async function accionWhere(
  ctx: Context,
  args: { filter?: Filter; estado?: EstadoAccionMejora[] | null; tipo?: TipoAccionMejora[] | null },
): Promise<Prisma.AccionMejoraWhereInput> {
  return {
    AND: [
      ...(await baseWhere(ctx, args.filter)),
      args.estado?.length ? { estado: { in: args.estado } } : {},
      args.tipo?.length ? { tipo: { in: args.tipo } } : {},
    ],
  };
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

builder.queryFields((t) => ({
  calendarioPromocion: t.field({
    type: [ObligationRef],
    args: { anio: t.arg.int({ required: true }) },
    resolve: (_r, { anio }) => promotionCalendar(anio),
  }),
  pendientesPromocion: t.field({
    type: [PendienteRef],
    description: 'Overdue items at `fecha` (default now), within the viewer\'s scope: state plans not sent by January, plantel plans not submitted by September of the year before, F05 not sent 10 days after their quarter.',
    args: { fecha: t.arg({ type: 'DateTime', required: false }), anio: t.arg.int({ required: true }) },
    resolve: async (_r, { fecha, anio }, ctx) => overdue(ctx, anio, fecha ?? new Date()),
  }),
}));

async function overdue(ctx: Context, anio: number, asOf: Date): Promise<Pendiente[]> {
  const calendar = Object.fromEntries(promotionCalendar(anio).map((o) => [o.clave, o]));
  const readable = readableByUnit(ctx.viewer);
  const items: Pendiente[] = [];
  const statePlanDue = calendar.PLAN_ESTATAL_TURNADO;
  const planDue = calendar.PROGRAMA_PROMOCION;
  const [statePlans, plantelPlans, validated] = await Promise.all([
    asOf > statePlanDue.fechaLimite
      ? ctx.db.planTrabajoAnual.findMany({ where: { AND: [readable, { anio, estado: { not: 'TURNADO' } }] }, select: { id: true, unit: { select: { code: true } } } })
      : [],
    asOf > planDue.fechaLimite
      ? ctx.db.planAnualCentro.findMany({ where: { AND: [readable, { anio, estado: { in: ['POR_TURNAR', 'EN_ELABORACION'] } }] }, select: { id: true, unit: { select: { code: true } } } })
      : [],
    ctx.db.planAnualCentro.findMany({
      where: { AND: [readable, { anio, estado: 'VALIDADO', destruidoAt: null }] },
      select: { id: true, unit: { select: { code: true } }, reportes: { select: { trimestre: true } } },
    }),
  ]);
  for (const p of statePlans) items.push({ ...statePlanDue, unitCode: p.unit.code, registroId: encodeGlobalID('PlanTrabajoAnual', p.id) });
  for (const p of plantelPlans) items.push({ ...planDue, unitCode: p.unit.code, registroId: encodeGlobalID('PlanAnualCentro', p.id) });
  for (const p of validated) {
    for (const q of [1, 2, 3, 4]) {
      if (asOf > f05DueDate(anio, q) && !p.reportes.some((r) => r.trimestre === q)) {
        items.push({ ...calendar[`F05_T${q}`], unitCode: p.unit.code, registroId: encodeGlobalID('PlanAnualCentro', p.id) });
      }
    }
  }
  return items.sort((a, b) => a.fechaLimite.getTime() - b.fechaLimite.getTime() || a.unitCode.localeCompare(b.unitCode));
}
