// One mutation per step of 15-528-PO-26 §10, plus the edits of the cronograma
// and the recording of executed activities, each for the role the manual names.
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import type { EstadoAccionMejora, EstadoPlanCentro, EstadoPlanEstatal, EstadoReporte } from '../../generated/prisma/enums.js';
import { AppError, ErrorCode, InputChecker, badInput, notFound, type InputIssue } from '../../lib/errors.js';
import { checkText, isHttpUrl } from '../../lib/validation.js';
import { createRecord, editRecord } from '../../lib/workflow/engine.js';
import { registerWorkflow } from '../../lib/workflow/registry.js';
import { stepMutation, unitOwnedStore, type StepArgs } from '../../lib/workflow/steps.js';
import type { Tx } from '../../lib/workflow/types.js';
import { readableByUnit } from './rules.js';
import {
  accionMejoraWorkflow,
  concentradoWorkflow,
  EDITS,
  MUTATIONS,
  planCentroWorkflow,
  planEstatalWorkflow,
  reporteWorkflow,
} from './workflow.js';
import {
  AccionMejoraRef,
  ActividadProgramadaRef,
  ConcentradoRef,
  PlanCentroRef,
  PlanEstatalRef,
  ReporteRef,
  SectorEnum,
  TipoAccionMejoraEnum,
  TipoActividadEnum,
} from './types.js';
import { quarterMonths } from './calendar.js';

registerWorkflow(planEstatalWorkflow, MUTATIONS.planEstatal);
registerWorkflow(planCentroWorkflow, MUTATIONS.planCentro);
registerWorkflow(reporteWorkflow, MUTATIONS.reporte);
registerWorkflow(concentradoWorkflow, MUTATIONS.concentrado);
registerWorkflow(accionMejoraWorkflow, MUTATIONS.accionMejora);

const planEstatalStore = unitOwnedStore<EstadoPlanEstatal>('PlanTrabajoAnual', (tx) => tx.planTrabajoAnual);
const planCentroStore = unitOwnedStore<EstadoPlanCentro>('PlanAnualCentro', (tx) => tx.planAnualCentro);
const reporteStore = unitOwnedStore<EstadoReporte>('ReporteTrimestral', (tx) => tx.reporteTrimestral);
const accionStore = unitOwnedStore<EstadoAccionMejora>('AccionMejora', (tx) => tx.accionMejora);

/** `{ id, version, observaciones }`: the input of a step that needs nothing else. */
const stepInput = (name: string, ref: unknown) =>
  builder.inputType(name, {
    fields: (t) => ({
      id: t.globalID({ required: true, for: ref as never }),
      version: t.int({ required: false, description: 'The version you read; if the record has moved since, you get CONFLICT.' }),
      observaciones: t.string({ required: false, description: 'Observations; required on rejections.' }),
    }),
  });


// ---- steps 1-2: the state plan ---------------------------------------------

const CreateStatePlanInput = builder.inputType('CreateStatePlanInput', {
  description: 'Step 1.1: the Plan de Trabajo Anual and the context analysis it is built on.',
  fields: (t) => ({
    anio: t.int({ required: true }),
    contexto: t.string({ required: true, description: 'Contexto de la organización (PLESTCE SCGC-DR-01-F02).' }),
    fortalezas: t.string({ required: true }),
    oportunidades: t.string({ required: true }),
    debilidades: t.string({ required: true }),
    amenazas: t.string({ required: true }),
    riesgos: t.string({ required: true, description: 'Matriz de identificación de riesgos (15-528-DR-11).' }),
    prioridades: t.string({ required: true, description: 'Matriz de priorización (15-528-DR-10).' }),
    resultadosHistoricos: t.string({ required: true, description: 'Analysis of historical results.' }),
    unitId: t.globalID({ required: false, description: 'The Colegio Estatal; defaults to the unit where you hold the TCCC role.' }),
  }),
});

builder.mutationField('createStatePlan', (t) =>
  t.prismaField({
    type: 'PlanTrabajoAnual',
    description: `Step 1.1 (TITULAR_CAPACITACION_CERTIFICACION_CAST): ${planEstatalWorkflow.transitions.draftStatePlan.description} Starts in BORRADOR.`,
    args: { input: t.arg({ type: CreateStatePlanInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const check = new InputChecker().check(Number.isInteger(input.anio) && input.anio >= 2000 && input.anio <= 2100, ['input', 'anio'], 'Must be a year between 2000 and 2100');
      for (const f of ['contexto', 'fortalezas', 'oportunidades', 'debilidades', 'amenazas', 'riesgos', 'prioridades', 'resultadosHistoricos'] as const) {
        checkText(check, input[f], ['input', f]);
      }
      check.throwIfAny();
      const tccc = ctx.viewer!.assignments.find((a) => a.role === 'TITULAR_CAPACITACION_CERTIFICACION_CAST')!;
      const unit = await unitOf(ctx, input.unitId?.id ?? tccc.unitId);
      const { unitId: _u, ...fields } = input;
      const id = await createRecord(ctx, planEstatalWorkflow, 'draftStatePlan', unit, async (tx) => {
        await refuseDuplicate(tx.planTrabajoAnual.count({ where: { unitId: unit.id, anio: input.anio } }), ['input', 'anio'], 'This unit already has a plan for that year');
        return tx.planTrabajoAnual.create({ data: { ...fields, unitId: unit.id, createdById: ctx.viewer!.personId }, select: { id: true } });
      });
      return ctx.db.planTrabajoAnual.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

const PlanEstatalStepInput = stepInput('PlanEstatalStepInput', PlanEstatalRef);
const planEstatalStep = (field: keyof typeof MUTATIONS.planEstatal, options?: Parameters<typeof stepMutation>[0]['options']) =>
  stepMutation({
    workflow: planEstatalWorkflow,
    store: planEstatalStore,
    readable: readableByUnit,
    model: 'PlanTrabajoAnual',
    field,
    transition: MUTATIONS.planEstatal[field as 'validateStatePlan'],
    input: PlanEstatalStepInput,
    options,
  });
planEstatalStep('validateStatePlan');
planEstatalStep('handDownStatePlan');
planEstatalStep('distributeStatePlan', () => ({
  data: { turnadoAt: new Date() },
  // One Plan Anual del Centro Evaluador for every plantel of the state.
  effects: async (tx, record) => {
    const plan = await tx.planTrabajoAnual.findUniqueOrThrow({ where: { id: record.id }, select: { anio: true } });
    const planteles = await tx.orgUnit.findMany({ where: { kind: 'PLANTEL', path: { startsWith: record.unitPath } }, select: { id: true } });
    await tx.planAnualCentro.createMany({
      data: planteles.map((p) => ({ unitId: p.id, planEstatalId: record.id, anio: plan.anio })),
      skipDuplicates: true,
    });
  },
}));

// ---- steps 3-5: the plantel's plan and cronograma ---------------------------

const PlanCentroStepInput = stepInput('PlanCentroStepInput', PlanCentroRef);
const planCentroStep = (field: keyof typeof MUTATIONS.planCentro, options?: Parameters<typeof stepMutation>[0]['options']) =>
  stepMutation({
    workflow: planCentroWorkflow,
    store: planCentroStore,
    readable: readableByUnit,
    model: 'PlanAnualCentro',
    field,
    transition: MUTATIONS.planCentro[field as 'submitPlanCentro'],
    input: PlanCentroStepInput,
    options,
  });
planCentroStep('forwardPlanToCoordination');
planCentroStep('submitPlanCentro', () => ({ data: { enviadoAt: new Date() } }));
planCentroStep('validatePlanCentro', () => ({ data: { validadoAt: new Date() } }));
planCentroStep('rejectPlanCentro');

/** Runs a content edit of a plantel plan under the rule EDITS[field]. */
function editPlan<R>(ctx: Context, field: keyof typeof EDITS, planId: string, edit: (tx: Tx) => Promise<R>, options: { bumpVersion?: boolean; expectedVersion?: number | null } = {}) {
  const rule = EDITS[field];
  return editRecord(ctx, planCentroStore, readableByUnit(ctx.viewer), planId, { role: rule.role, states: rule.states, action: field, ...options }, edit);
}

const UpdatePlanCentroInput = builder.inputType('UpdatePlanCentroInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: PlanCentroRef }),
    version: t.int({ required: false }),
    objetivos: t.string({ required: true }),
  }),
});
builder.mutationField('updatePlanCentro', (t) =>
  t.prismaField({
    type: 'PlanAnualCentro',
    description: 'Step 4.1 (COORDINADOR_CENTRO_EVALUACION): edits the plan\'s objectives while it is EN_ELABORACION.',
    args: { input: t.arg({ type: UpdatePlanCentroInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      await editPlan(ctx, 'updatePlanCentro', input.id.id, async (tx) => {
        const check = new InputChecker();
        checkText(check, input.objetivos, ['input', 'objetivos']);
        check.throwIfAny();
        await tx.planAnualCentro.update({ where: { id: input.id.id }, data: { objetivos: input.objetivos.trim() } });
      }, { bumpVersion: true, expectedVersion: input.version });
      return ctx.db.planAnualCentro.findUniqueOrThrow({ ...query, where: { id: input.id.id } });
    },
  }),
);

const AddActividadInput = builder.inputType('AddCronogramaActividadInput', {
  description: 'Step 4.1: an activity of the Cronograma Anual (F02).',
  fields: (t) => ({
    planId: t.globalID({ required: true, for: PlanCentroRef }),
    mes: t.int({ required: true, description: '1-12, a month of the plan\'s year.' }),
    tipo: t.field({ type: TipoActividadEnum, required: true }),
    descripcion: t.string({ required: true }),
    audiencia: t.string({ required: true, description: 'Students, parents, teachers, graduates, companies…' }),
    sector: t.field({ type: SectorEnum, required: false }),
    meta: t.int({ required: true, description: 'Numeric goal (people reached, visits made); zero or more.' }),
  }),
});
builder.mutationField('addCronogramaActividad', (t) =>
  t.prismaField({
    type: 'PlanAnualCentro',
    description: 'Step 4.1 (COORDINADOR_CENTRO_EVALUACION): schedules an activity while the plan is EN_ELABORACION.',
    args: { input: t.arg({ type: AddActividadInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      await editPlan(ctx, 'addCronogramaActividad', input.planId.id, async (tx) => {
        const check = new InputChecker()
          .check(Number.isInteger(input.mes) && input.mes >= 1 && input.mes <= 12, ['input', 'mes'], 'Must be a month from 1 to 12')
          .check(input.meta >= 0, ['input', 'meta'], 'The goal cannot be below zero');
        checkText(check, input.descripcion, ['input', 'descripcion']);
        checkText(check, input.audiencia, ['input', 'audiencia'], 300);
        check.throwIfAny();
        await tx.actividadProgramada.create({
          data: {
            planId: input.planId.id, mes: input.mes, tipo: input.tipo, descripcion: input.descripcion.trim(),
            audiencia: input.audiencia.trim(), sector: input.sector ?? null, meta: input.meta,
          },
        });
      }, { bumpVersion: true });
      return ctx.db.planAnualCentro.findUniqueOrThrow({ ...query, where: { id: input.planId.id } });
    },
  }),
);

const RemoveActividadInput = builder.inputType('RemoveCronogramaActividadInput', {
  fields: (t) => ({ actividadId: t.globalID({ required: true, for: ActividadProgramadaRef }) }),
});
builder.mutationField('removeCronogramaActividad', (t) =>
  t.prismaField({
    type: 'PlanAnualCentro',
    description: 'Step 4.1 (COORDINADOR_CENTRO_EVALUACION): removes a scheduled activity while the plan is EN_ELABORACION.',
    args: { input: t.arg({ type: RemoveActividadInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = input.actividadId.id;
      const actividad = await ctx.db.actividadProgramada.findFirst({ where: { id, plan: readableByUnit(ctx.viewer) }, select: { planId: true } });
      if (!actividad) throw notFound('ActividadProgramada', id);
      await editPlan(ctx, 'removeCronogramaActividad', actividad.planId, (tx) => tx.actividadProgramada.delete({ where: { id } }), { bumpVersion: true });
      return ctx.db.planAnualCentro.findUniqueOrThrow({ ...query, where: { id: actividad.planId } });
    },
  }),
);

// ---- steps 6-7: execution with evidence -------------------------------------

const RecordActividadInput = builder.inputType('RecordPromotionActivityInput', {
  description:
    'Steps 6.2-6.6: an activity carried out. Evidence by kind: REUNION_PADRES and ACADEMIA_DOCENTES need `evento` and `asistentes` (F04); ' +
    'VISITA_EMPRESA needs `organizacion`, `sector`, `contacto` and `resultado` (F03); DIFUSION_ELECTRONICA needs `canal` and `enlace`.',
  fields: (t) => ({
    planId: t.globalID({ required: true, for: PlanCentroRef }),
    programadaId: t.globalID({ required: false, for: ActividadProgramadaRef, description: 'The scheduled activity it fulfils; omit for an activity outside the cronograma.' }),
    tipo: t.field({ type: TipoActividadEnum, required: true }),
    fecha: t.field({ type: 'DateTime', required: true, description: 'Within the plan\'s year, and not in the future.' }),
    descripcion: t.string({ required: true }),
    alcance: t.int({ required: true, description: 'People reached; 1 for a visit.' }),
    evento: t.string({ required: false }),
    asistentes: t.int({ required: false }),
    organizacion: t.string({ required: false }),
    sector: t.field({ type: SectorEnum, required: false }),
    contacto: t.string({ required: false }),
    resultado: t.string({ required: false }),
    canal: t.string({ required: false }),
    enlace: t.string({ required: false }),
  }),
});
builder.mutationField('recordPromotionActivity', (t) =>
  t.prismaField({
    type: 'ActividadRealizada',
    description: 'Steps 6.2-6.6 (COORDINADOR_CENTRO_EVALUACION): records an activity carried out, with its evidence, on a VALIDADO plan.',
    args: { input: t.arg({ type: RecordActividadInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await editPlan(ctx, 'recordPromotionActivity', input.planId.id, async (tx) => {
        const plan = await tx.planAnualCentro.findUniqueOrThrow({ where: { id: input.planId.id }, select: { anio: true } });
        const issues = await activityIssues(tx, input, plan.anio);
        if (issues.length) throw badInput(issues);
        const created = await tx.actividadRealizada.create({
          data: {
            planId: input.planId.id, programadaId: input.programadaId?.id ?? null, tipo: input.tipo, fecha: input.fecha,
            descripcion: input.descripcion.trim(), alcance: input.alcance, evento: input.evento ?? null, asistentes: input.asistentes ?? null,
            organizacion: input.organizacion ?? null, sector: input.sector ?? null, contacto: input.contacto ?? null,
            resultado: input.resultado ?? null, canal: input.canal ?? null, enlace: input.enlace ?? null, createdById: ctx.viewer!.personId,
          },
          select: { id: true },
        });
        return created.id;
      });
      return ctx.db.actividadRealizada.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

async function activityIssues(tx: Tx, input: typeof RecordActividadInput.$inferInput, anio: number): Promise<InputIssue[]> {
  const check = new InputChecker()
    .check(input.fecha.getUTCFullYear() === anio, ['input', 'fecha'], `Must be within the plan's year (${anio})`)
    .check(input.fecha.getTime() <= Date.now(), ['input', 'fecha'], 'An activity carried out cannot be in the future')
    .check(input.alcance >= 0, ['input', 'alcance'], 'Cannot be below zero');
  checkText(check, input.descripcion, ['input', 'descripcion']);
  if (input.tipo === 'REUNION_PADRES' || input.tipo === 'ACADEMIA_DOCENTES') {
    checkText(check, input.evento, ['input', 'evento'], 300);
    check.check(input.asistentes != null && input.asistentes >= 0, ['input', 'asistentes'], 'The attendance list (F04) needs the number of attendees');
  }
  if (input.tipo === 'VISITA_EMPRESA') {
    for (const f of ['organizacion', 'contacto', 'resultado'] as const) checkText(check, input[f], ['input', f], 500);
    check.check(input.sector != null, ['input', 'sector'], 'The visit format (F03) needs the sector');
  }
  if (input.tipo === 'DIFUSION_ELECTRONICA') {
    checkText(check, input.canal, ['input', 'canal'], 200);
    check.check(!!input.enlace && isHttpUrl(input.enlace), ['input', 'enlace'], 'Must be an http or https URL');
  }
  if (input.programadaId) {
    const programada = await tx.actividadProgramada.findFirst({ where: { id: input.programadaId.id, planId: input.planId.id }, select: { tipo: true } });
    check.check(!!programada, ['input', 'programadaId'], 'Not an activity of this plan\'s cronograma');
    check.check(!programada || programada.tipo === input.tipo, ['input', 'tipo'], `The scheduled activity is of type ${programada?.tipo}`);
  }
  return check.issues;
}

// ---- steps 7V-8: F05 -------------------------------------------------------

const SubmitReportInput = builder.inputType('SubmitQuarterlyReportInput', {
  fields: (t) => ({
    planId: t.globalID({ required: true, for: PlanCentroRef }),
    trimestre: t.int({ required: true, description: '1-4; the quarter must be over.' }),
    analisis: t.string({ required: true, description: 'Analysis of results against the cronograma\'s goals.' }),
  }),
});
builder.mutationField('submitQuarterlyReport', (t) =>
  t.prismaField({
    type: 'ReporteTrimestral',
    description: `Step 7V.1 (COORDINADOR_CENTRO_EVALUACION): ${reporteWorkflow.transitions.submitQuarterlyReport.description} Its figures come from the records.`,
    args: { input: t.arg({ type: SubmitReportInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const plan = await readablePlan(ctx, input.planId.id);
      if (plan.estado !== 'VALIDADO') {
        throw new AppError(ErrorCode.INVALID_TRANSITION, `A quarterly report needs a VALIDADO plan; this one is ${plan.estado}`, { state: plan.estado, transition: 'submitQuarterlyReport' });
      }
      const check = new InputChecker().check(Number.isInteger(input.trimestre) && input.trimestre >= 1 && input.trimestre <= 4, ['input', 'trimestre'], 'Must be 1 to 4');
      if (input.trimestre >= 1 && input.trimestre <= 4) {
        const end = new Date(Date.UTC(plan.anio, quarterMonths(input.trimestre)[1], 1));
        check.check(Date.now() >= end.getTime(), ['input', 'trimestre'], 'The quarter is not over yet');
      }
      checkText(check, input.analisis, ['input', 'analisis']);
      const id = await createRecord(ctx, reporteWorkflow, 'submitQuarterlyReport', plan.unit, async (tx) => {
        check.throwIfAny();
        await refuseDuplicate(tx.reporteTrimestral.count({ where: { planId: plan.id, trimestre: input.trimestre } }), ['input', 'trimestre'], 'This quarter\'s report was already sent');
        return tx.reporteTrimestral.create({ data: { planId: plan.id, unitId: plan.unit.id, trimestre: input.trimestre, analisis: input.analisis.trim() }, select: { id: true } });
      });
      return ctx.db.reporteTrimestral.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

stepMutation({
  workflow: reporteWorkflow,
  store: reporteStore,
  readable: readableByUnit,
  model: 'ReporteTrimestral',
  field: 'receiveQuarterlyReport',
  transition: 'receiveQuarterlyReport',
  input: stepInput('ReporteStepInput', ReporteRef),
});

// ---- step 8.2: F01 ---------------------------------------------------------

const IssueConcentradoInput = builder.inputType('IssueStateConcentrateInput', {
  fields: (t) => ({
    planEstatalId: t.globalID({ required: true, for: PlanEstatalRef }),
    semestre: t.int({ required: true, description: '1 or 2.' }),
    observaciones: t.string({ required: false }),
  }),
});
builder.mutationField('issueStateConcentrate', (t) =>
  t.prismaField({
    type: 'ConcentradoEstatal',
    description: `Step 8.2 (COORDINADOR_PROMOCION_ECE): ${concentradoWorkflow.transitions.issueStateConcentrate.description} Its lines come from the records.`,
    args: { input: t.arg({ type: IssueConcentradoInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = input.planEstatalId.id;
      const plan = await ctx.db.planTrabajoAnual.findFirst({ where: { AND: [{ id }, readableByUnit(ctx.viewer)] }, select: { id: true, estado: true, unit: { select: { id: true, path: true } } } });
      if (!plan) throw notFound('PlanTrabajoAnual', id);
      if (plan.estado !== 'TURNADO') {
        throw new AppError(ErrorCode.INVALID_TRANSITION, `A concentrate needs a TURNADO state plan; this one is ${plan.estado}`, { state: plan.estado, transition: 'issueStateConcentrate' });
      }
      const check = new InputChecker().check(input.semestre === 1 || input.semestre === 2, ['input', 'semestre'], 'Must be 1 or 2');
      const newId = await createRecord(ctx, concentradoWorkflow, 'issueStateConcentrate', plan.unit, async (tx) => {
        check.throwIfAny();
        await refuseDuplicate(tx.concentradoEstatal.count({ where: { planEstatalId: plan.id, semestre: input.semestre } }), ['input', 'semestre'], 'This half-year\'s concentrate was already issued');
        return tx.concentradoEstatal.create({
          data: { planEstatalId: plan.id, unitId: plan.unit.id, semestre: input.semestre, observaciones: input.observaciones?.trim() || null },
          select: { id: true },
        });
      });
      return ctx.db.concentradoEstatal.findUniqueOrThrow({ ...query, where: { id: newId } });
    },
  }),
);

// ---- steps 7V, 8.2, 9-10: improvement actions ------------------------------

const RegisterAccionInput = builder.inputType('RegisterImprovementActionInput', {
  description: 'An improvement action and the result that caused it: a F05 (`reporteId`) or a F01 (`concentradoId`), exactly one.',
  fields: (t) => ({
    tipo: t.field({ type: TipoAccionMejoraEnum, required: true }),
    descripcion: t.string({ required: true }),
    reporteId: t.globalID({ required: false, for: ReporteRef }),
    concentradoId: t.globalID({ required: false, for: ConcentradoRef }),
  }),
});
builder.mutationField('registerImprovementAction', (t) =>
  t.prismaField({
    type: 'AccionMejora',
    description: `Steps 7V.1, 8.2, 9.1, 10.1 (COORDINADOR_CENTRO_EVALUACION or COORDINADOR_PROMOCION_ECE): ${accionMejoraWorkflow.transitions.registerImprovementAction.description}`,
    args: { input: t.arg({ type: RegisterAccionInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const check = new InputChecker().check(!!input.reporteId !== !!input.concentradoId, ['input', 'reporteId'], 'Give exactly one of reporteId and concentradoId');
      checkText(check, input.descripcion, ['input', 'descripcion']);
      check.throwIfAny();
      const readable = readableByUnit(ctx.viewer);
      const origin = input.reporteId
        ? await ctx.db.reporteTrimestral.findFirst({ where: { AND: [{ id: input.reporteId.id }, readable] }, select: { unit: { select: { id: true, path: true } } } })
        : await ctx.db.concentradoEstatal.findFirst({ where: { AND: [{ id: input.concentradoId!.id }, readable] }, select: { unit: { select: { id: true, path: true } } } });
      if (!origin) throw notFound(input.reporteId ? 'ReporteTrimestral' : 'ConcentradoEstatal', (input.reporteId ?? input.concentradoId)!.id);
      const id = await createRecord(ctx, accionMejoraWorkflow, 'registerImprovementAction', origin.unit, (tx) =>
        tx.accionMejora.create({
          data: {
            unitId: origin.unit.id, tipo: input.tipo, descripcion: input.descripcion.trim(),
            reporteId: input.reporteId?.id ?? null, concentradoId: input.concentradoId?.id ?? null,
          },
          select: { id: true },
        }),
      );
      return ctx.db.accionMejora.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

const CloseAccionInput = builder.inputType('CloseImprovementActionInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: AccionMejoraRef }),
    version: t.int({ required: false }),
    observaciones: t.string({ required: false }),
    resultado: t.string({ required: true, description: 'What was done and its effect.' }),
  }),
});
stepMutation<EstadoAccionMejora, 'closeImprovementAction', StepArgs & { resultado: string }>({
  workflow: accionMejoraWorkflow,
  store: accionStore,
  readable: readableByUnit,
  model: 'AccionMejora',
  field: 'closeImprovementAction',
  transition: 'closeImprovementAction',
  input: CloseAccionInput,
  options: (input) => ({
    validate: async () => (input.resultado.trim() ? [] : [{ path: ['input', 'resultado'], message: 'Must not be empty' }]),
    data: { resultado: input.resultado.trim() },
  }),
});

// ---- helpers ---------------------------------------------------------------

async function unitOf(ctx: Context, unitId: string) {
  const unit = await ctx.db.orgUnit.findUnique({ where: { id: unitId }, select: { id: true, path: true } });
  if (!unit) throw notFound('OrgUnit', unitId);
  return unit;
}

async function readablePlan(ctx: Context, id: string) {
  const plan = await ctx.db.planAnualCentro.findFirst({
    where: { AND: [{ id }, readableByUnit(ctx.viewer)] },
    select: { id: true, anio: true, estado: true, unit: { select: { id: true, path: true } } },
  });
  if (!plan) throw notFound('PlanAnualCentro', id);
  return plan;
}

async function refuseDuplicate(count: Promise<number>, path: (string | number)[], message: string) {
  if ((await count) > 0) throw badInput([{ path, message }]);
}
