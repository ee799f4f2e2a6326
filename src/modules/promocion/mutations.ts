// One mutation per step of 15-528-PO-26 §10, named as the step. The engine
// checks role, reach, state (or the parent's state) and observations and
// writes the audit entry; here each step only says what it writes.
import { builder } from '../../builder.js';
import { stepDocuments } from '../../lib/documents/access.js';
import type { TipoAccionMejora } from '../../generated/prisma/enums.js';
import { InputChecker, type InputIssue } from '../../lib/errors.js';
import { checkText, isHttpUrl } from '../../lib/validation.js';
import { creationMutation, stepArgFields, stepMutation, type StepArgs } from '../../lib/workflow/mutations.js';
import type { Tx } from '../../lib/workflow/types.js';
import { quarterMonths } from './calendar.js';
import { formatoOfActividad } from './retention.js';
import { readableByUnit } from './rules.js';
import {
  ActividadProgramadaRef,
  ConcentradoEstatalRef,
  PlanAnualCentroRef,
  PlanTrabajoAnualRef,
  ReporteTrimestralRef,
  SectorEnum,
  TipoAccionMejoraEnum,
  TipoActividadEnum,
} from './types.js';
import {
  accionMejoraWorkflow,
  actividadRealizadaWorkflow,
  concentradoEstatalWorkflow,
  planAnualCentroWorkflow,
  planTrabajoAnualWorkflow,
  reporteTrimestralWorkflow,
} from './workflow.js';

/** Refuses a second record where the manual allows one (one plan a year, one report a quarter…). */
async function duplicate(count: Promise<number>, path: (string | number)[], message: string): Promise<InputIssue[]> {
  return (await count) > 0 ? [{ path, message }] : [];
}

// ---- steps 1-2: the state plan ---------------------------------------------

const MetaPlanTrabajoAnualInput = builder.inputType('MetaPlanTrabajoAnualInput', {
  description: 'A goal of the Plan de Trabajo Anual: what it measures and the figure to reach.',
  fields: (t) => ({
    descripcion: t.string({ required: true, description: 'E.g. "Personas certificadas en EC0217".' }),
    valor: t.int({ required: true, description: 'Zero or more.' }),
  }),
});

const CreatePlanTrabajoAnualInput = builder.inputType('CreatePlanTrabajoAnualInput', {
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
    metas: t.field({
      type: [MetaPlanTrabajoAnualInput],
      required: false,
      description: "The plan's goals (L231), in order; at least one before approvePlanTrabajoAnual.",
    }),
    unitId: t.globalID({ required: false, description: 'The Colegio Estatal; defaults to the unit where you hold the TCCC role.' }),
  }),
});
const TEXTOS = [
  'contexto',
  'fortalezas',
  'oportunidades',
  'debilidades',
  'amenazas',
  'riesgos',
  'prioridades',
  'resultadosHistoricos',
] as const;
creationMutation(planTrabajoAnualWorkflow, 'createPlanTrabajoAnual', {
  input: CreatePlanTrabajoAnualInput,
  plan: (input, ctx) => ({
    unitId: input.unitId?.id,
    validate: async (tx, { unit }) => {
      const check = new InputChecker().check(
        Number.isInteger(input.anio) && input.anio >= 2000 && input.anio <= 2100,
        ['input', 'anio'],
        'Must be a year between 2000 and 2100',
      );
      for (const f of TEXTOS) checkText(check, input[f], ['input', f]);
      (input.metas ?? []).forEach((m, i) => {
        checkText(check, m.descripcion, ['input', 'metas', i, 'descripcion'], 500);
        check.check(m.valor >= 0, ['input', 'metas', i, 'valor'], 'Cannot be below zero');
      });
      if (check.issues.length) return check.issues;
      return duplicate(
        tx.planTrabajoAnual.count({ where: { unitId: unit.id, anio: input.anio } }),
        ['input', 'anio'],
        'This unit already has a plan for that year',
      );
    },
    create: async (tx, { unit }) => {
      const { unitId: _unitId, metas, ...fields } = input;
      const lines = (metas ?? []).map((m, i) => ({ orden: i + 1, descripcion: m.descripcion.trim(), valor: m.valor }));
      const created = await tx.planTrabajoAnual.create({
        data: { ...fields, unitId: unit.id, createdById: ctx.viewer!.personId, metas: { create: lines } },
        select: { id: true },
      });
      return { id: created.id, changes: { anio: input.anio, metas: lines } };
    },
  }),
});

stepMutation(planTrabajoAnualWorkflow, 'approvePlanTrabajoAnual');
stepMutation(planTrabajoAnualWorkflow, 'deliverPlanTrabajoAnual');
stepMutation(planTrabajoAnualWorkflow, 'sendPlanTrabajoAnual', {
  plan: () => ({
    data: { turnadoAt: new Date() },
    // One Plan Anual del Centro Evaluador for every plantel of the state.
    effects: async (tx, record) => {
      const plan = await tx.planTrabajoAnual.findUniqueOrThrow({ where: { id: record.id }, select: { anio: true } });
      const planteles = await tx.orgUnit.findMany({
        where: { kind: 'PLANTEL', path: { startsWith: record.unitPath } },
        select: { id: true },
      });
      const { count } = await tx.planAnualCentro.createMany({
        data: planteles.map((p) => ({ unitId: p.id, planEstatalId: record.id, anio: plan.anio })),
        skipDuplicates: true,
      });
      return { planesAnualesCentro: count };
    },
  }),
});

// ---- steps 3-5: the plantel's plan and cronograma ---------------------------

stepMutation(planAnualCentroWorkflow, 'sendPlanAnualCentro');

const UpdatePlanAnualCentroInput = builder.inputType('UpdatePlanAnualCentroInput', {
  description:
    "Step 4.1 and §9 (L192): the plan's objectives and the plantel's own context analysis (context, FODA, risks, priorities, historical results). " +
    'Only the fields given are written; submitPlanAnualCentro needs `contexto`.',
  fields: (t) => ({
    ...stepArgFields(t),
    objetivos: t.string({ required: false }),
    contexto: t.string({ required: false, description: 'Contexto de la organización (PLESTCE SCGC-DR-01-F02).' }),
    fortalezas: t.string({ required: false }),
    oportunidades: t.string({ required: false }),
    debilidades: t.string({ required: false }),
    amenazas: t.string({ required: false }),
    riesgos: t.string({ required: false, description: 'Matriz de identificación de riesgos (15-528-DR-11).' }),
    prioridades: t.string({ required: false, description: 'Matriz de priorización (15-528-DR-10).' }),
    resultadosHistoricos: t.string({ required: false }),
  }),
});
const PLAN_CENTRO_TEXTOS = ['objetivos', ...TEXTOS] as const;
stepMutation(planAnualCentroWorkflow, 'updatePlanAnualCentro', {
  input: UpdatePlanAnualCentroInput,
  plan: (input) => {
    const given = PLAN_CENTRO_TEXTOS.filter((f) => input[f] != null);
    return {
      validate: () => {
        const check = new InputChecker().check(given.length > 0, ['input'], 'Give at least one field to write');
        for (const f of given) checkText(check, input[f], ['input', f]);
        return check.issues;
      },
      data: Object.fromEntries(given.map((f) => [f, input[f]!.trim()])),
    };
  },
});

const AddActividadProgramadaInput = builder.inputType('AddActividadProgramadaInput', {
  description: 'Step 4.1: an activity of the Cronograma Anual (F02).',
  fields: (t) => ({
    planAnualCentroId: t.globalID({ required: true, for: PlanAnualCentroRef }),
    version: t.int({ required: false, description: "The plan's version you read; if it has moved since, you get CONFLICT." }),
    mes: t.int({ required: true, description: "1-12, a month of the plan's year." }),
    tipo: t.field({ type: TipoActividadEnum, required: true }),
    descripcion: t.string({ required: true }),
    audiencia: t.string({ required: true, description: 'Students, parents, teachers, graduates, companies…' }),
    sector: t.field({ type: SectorEnum, required: false }),
    meta: t.int({ required: true, description: 'Numeric goal (people reached, visits made); zero or more.' }),
  }),
});
stepMutation(planAnualCentroWorkflow, 'addActividadProgramada', {
  input: AddActividadProgramadaInput,
  record: (input) => Promise.resolve({ id: input.planAnualCentroId.id }),
  plan: (input) => ({
    validate: () => {
      const check = new InputChecker()
        .check(Number.isInteger(input.mes) && input.mes >= 1 && input.mes <= 12, ['input', 'mes'], 'Must be a month from 1 to 12')
        .check(input.meta >= 0, ['input', 'meta'], 'The goal cannot be below zero');
      checkText(check, input.descripcion, ['input', 'descripcion']);
      checkText(check, input.audiencia, ['input', 'audiencia'], 300);
      return check.issues;
    },
    effects: async (tx, record) => {
      const created = await tx.actividadProgramada.create({
        data: {
          planId: record.id,
          mes: input.mes,
          tipo: input.tipo,
          descripcion: input.descripcion.trim(),
          audiencia: input.audiencia.trim(),
          sector: input.sector ?? null,
          meta: input.meta,
        },
        select: { id: true, mes: true, tipo: true, meta: true },
      });
      return { actividadProgramada: created };
    },
  }),
});

const RemoveActividadProgramadaInput = builder.inputType('RemoveActividadProgramadaInput', {
  fields: (t) => ({
    actividadProgramadaId: t.globalID({ required: true, for: ActividadProgramadaRef }),
    version: t.int({ required: false, description: "The plan's version you read; if it has moved since, you get CONFLICT." }),
  }),
});
stepMutation(planAnualCentroWorkflow, 'removeActividadProgramada', {
  input: RemoveActividadProgramadaInput,
  // The line names its plan; a line the viewer cannot read names nothing.
  record: async (input, ctx) => {
    const line = await ctx.db.actividadProgramada.findFirst({
      where: { id: input.actividadProgramadaId.id, plan: readableByUnit(ctx.viewer) },
      select: { planId: true },
    });
    return line && { id: line.planId };
  },
  plan: (input) => ({
    effects: async (tx) => {
      await tx.actividadProgramada.delete({ where: { id: input.actividadProgramadaId.id } });
      return { actividadProgramadaEliminada: input.actividadProgramadaId.id };
    },
  }),
});

stepMutation(planAnualCentroWorkflow, 'submitPlanAnualCentro', { plan: () => ({ data: { enviadoAt: new Date() } }) });
stepMutation(planAnualCentroWorkflow, 'approvePlanAnualCentro', { plan: () => ({ data: { validadoAt: new Date() } }) });
stepMutation(planAnualCentroWorkflow, 'returnPlanAnualCentro');

// ---- steps 6-7: execution with evidence -------------------------------------

const AsistenteActividadInput = builder.inputType('AsistenteActividadInput', {
  description: 'A line of the attendance list (F04).',
  fields: (t) => ({
    nombre: t.string({ required: true }),
    perfil: t.string({ required: false, description: 'Student, parent, teacher…' }),
  }),
});

/** The evidence fields shared by the plantel's (6.2-6.6) and the state's (7H) activities. */
const evidenceFields = (t: PothosSchemaTypes.InputFieldBuilder<PothosTypes, 'InputObject'>) => ({
  tipo: t.field({ type: TipoActividadEnum, required: true }),
  fecha: t.field({ type: 'DateTime', required: true, description: "Within the plan's year, and not in the future." }),
  descripcion: t.string({ required: true }),
  alcance: t.int({ required: true, description: 'People reached; 1 for a visit.' }),
  organizacion: t.string({ required: false }),
  sector: t.field({ type: SectorEnum, required: false }),
  contacto: t.string({ required: false }),
  resultado: t.string({ required: false }),
  canal: t.string({ required: false }),
  enlace: t.string({ required: false }),
});
type PothosTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

const CreateActividadRealizadaInput = builder.inputType('CreateActividadRealizadaInput', {
  description:
    'Steps 6.2-6.6: an activity carried out. Evidence by kind: REUNION_PADRES and ACADEMIA_DOCENTES need `evento` and `listaAsistencia` (F04); ' +
    'VISITA_EMPRESA needs `organizacion`, `sector`, `contacto` and `resultado` (F03); DIFUSION_ELECTRONICA needs `canal` and `enlace`.',
  fields: (t) => ({
    planAnualCentroId: t.globalID({ required: true, for: PlanAnualCentroRef }),
    actividadProgramadaId: t.globalID({
      required: false,
      for: ActividadProgramadaRef,
      description: 'The scheduled activity it fulfils; omit for an activity outside the cronograma.',
    }),
    ...evidenceFields(t),
    evento: t.string({ required: false }),
    listaAsistencia: t.field({
      type: [AsistenteActividadInput],
      required: false,
      description: 'The attendance list (F04), one line per attendee; `asistentes` is its length.',
    }),
    documentoIds: t.globalIDList({
      required: false,
      description: 'Evidence files uploaded first (POST /documents): the F03 visit evidence or the F04 attendance list.',
    }),
  }),
});

/** The row of an activity carried out, from either input. */
function actividadData(input: typeof CreateActividadRealizadaInput.$inferInput | typeof CreateActividadEstatalInput.$inferInput) {
  const lista = 'listaAsistencia' in input ? (input.listaAsistencia ?? []) : [];
  return {
    tipo: input.tipo,
    fecha: input.fecha,
    descripcion: input.descripcion.trim(),
    alcance: input.alcance,
    evento: ('evento' in input ? input.evento?.trim() : null) || null,
    asistentes: lista.length ? lista.length : null,
    organizacion: input.organizacion ?? null,
    sector: input.sector ?? null,
    contacto: input.contacto ?? null,
    resultado: input.resultado ?? null,
    canal: input.canal ?? null,
    enlace: input.enlace ?? null,
    listaAsistencia: { create: lista.map((a, i) => ({ orden: i + 1, nombre: a.nombre.trim(), perfil: a.perfil?.trim() || null })) },
  };
}
creationMutation(actividadRealizadaWorkflow, 'createActividadRealizada', {
  input: CreateActividadRealizadaInput,
  plan: (input, ctx) => {
    const files = stepDocuments(ctx.viewer!, input.documentoIds ?? [], (i) => ['input', 'documentoIds', i]);
    const formato = formatoOfActividad(input.tipo);
    return {
      underId: input.planAnualCentroId.id,
      validate: async (tx, { under }) => {
        const plan = await tx.planAnualCentro.findUniqueOrThrow({ where: { id: under!.id }, select: { anio: true } });
        return [...(await activityIssues(tx, input, plan.anio)), ...(await files.validate(tx))];
      },
      create: async (tx, { under }) => {
        const made = await tx.actividadRealizada.create({
          data: {
            ...actividadData(input),
            planId: under!.id,
            programadaId: input.actividadProgramadaId?.id ?? null,
            createdById: ctx.viewer!.personId,
          },
          select: { id: true },
        });
        const tipo = formato === 'F03' ? 'EVIDENCIA_VISITA' : formato === 'F04' ? 'LISTA_ASISTENCIA' : 'OTRO';
        const documentos = await files.attach(tx, { entity: 'ActividadRealizada', id: made.id }, tipo);
        return documentos.length ? { id: made.id, changes: { documentos } } : made;
      },
    };
  },
});

const TIPOS_ESTATALES = ['DIFUSION_ELECTRONICA', 'VISITA_EMPRESA', 'OTRA'] as const;
const CreateActividadEstatalInput = builder.inputType('CreateActividadRealizadaAsCoordinadorPromocionEceInput', {
  description:
    "Step 7H: the state promotion coordination's own promotion, under the state plan in force. DIFUSION_ELECTRONICA (7.1: the state's portal, " +
    'social networks, visible places of the Dirección General) needs `canal` and `enlace`; VISITA_EMPRESA (7.2, F03) needs `organizacion`, ' +
    '`sector`, `contacto` and `resultado`; OTRA a description. Counted as actions outside any cronograma (docs/procedures/promocion.md).',
  fields: (t) => ({
    planTrabajoAnualId: t.globalID({ required: true, for: PlanTrabajoAnualRef }),
    ...evidenceFields(t),
  }),
});
creationMutation(actividadRealizadaWorkflow, 'createActividadRealizadaAsCoordinadorPromocionEce', {
  input: CreateActividadEstatalInput,
  plan: (input, ctx) => ({
    underId: input.planTrabajoAnualId.id,
    underIdPath: ['input', 'planTrabajoAnualId'],
    validate: async (tx, { under }) => {
      const plan = await tx.planTrabajoAnual.findUniqueOrThrow({ where: { id: under!.id }, select: { anio: true } });
      const issues = await activityIssues(tx, input, plan.anio);
      if (!(TIPOS_ESTATALES as readonly string[]).includes(input.tipo))
        issues.push({ path: ['input', 'tipo'], message: `Step 7H records ${TIPOS_ESTATALES.join(', ')}` });
      return issues;
    },
    create: (tx, { under }) =>
      tx.actividadRealizada.create({
        data: { ...actividadData(input), planEstatalId: under!.id, createdById: ctx.viewer!.personId },
        select: { id: true },
      }),
  }),
});

async function activityIssues(
  tx: Tx,
  input: typeof CreateActividadRealizadaInput.$inferInput | typeof CreateActividadEstatalInput.$inferInput,
  anio: number,
): Promise<InputIssue[]> {
  const check = new InputChecker()
    .check(input.fecha.getUTCFullYear() === anio, ['input', 'fecha'], `Must be within the plan's year (${anio})`)
    .check(input.fecha.getTime() <= Date.now(), ['input', 'fecha'], 'An activity carried out cannot be in the future')
    .check(input.alcance >= 0, ['input', 'alcance'], 'Cannot be below zero');
  checkText(check, input.descripcion, ['input', 'descripcion']);
  if ((input.tipo === 'REUNION_PADRES' || input.tipo === 'ACADEMIA_DOCENTES') && 'evento' in input) {
    checkText(check, input.evento, ['input', 'evento'], 300);
    const lista = input.listaAsistencia ?? [];
    check.check(lista.length > 0, ['input', 'listaAsistencia'], 'The attendance list (F04) needs at least one attendee');
    lista.forEach((a, i) => checkText(check, a.nombre, ['input', 'listaAsistencia', i, 'nombre'], 300));
    check.check(input.alcance >= lista.length, ['input', 'alcance'], 'Cannot be below the number of attendees listed');
  }
  if (input.tipo === 'VISITA_EMPRESA') {
    for (const f of ['organizacion', 'contacto', 'resultado'] as const) checkText(check, input[f], ['input', f], 500);
    check.check(input.sector != null, ['input', 'sector'], 'The visit format (F03) needs the sector');
  }
  if (input.tipo === 'DIFUSION_ELECTRONICA') {
    checkText(check, input.canal, ['input', 'canal'], 200);
    check.check(!!input.enlace && isHttpUrl(input.enlace), ['input', 'enlace'], 'Must be an http or https URL');
  }
  if ('actividadProgramadaId' in input && input.actividadProgramadaId) {
    const programada = await tx.actividadProgramada.findFirst({
      where: { id: input.actividadProgramadaId.id, planId: input.planAnualCentroId.id },
      select: { tipo: true },
    });
    check.check(!!programada, ['input', 'actividadProgramadaId'], "Not an activity of this plan's cronograma");
    check.check(!programada || programada.tipo === input.tipo, ['input', 'tipo'], `The scheduled activity is of type ${programada?.tipo}`);
  }
  return check.issues;
}

// ---- steps 7V-8: F05 -------------------------------------------------------

const CreateReporteTrimestralInput = builder.inputType('CreateReporteTrimestralInput', {
  fields: (t) => ({
    planAnualCentroId: t.globalID({ required: true, for: PlanAnualCentroRef }),
    trimestre: t.int({ required: true, description: '1-4; the quarter must be over.' }),
    analisis: t.string({ required: true, description: "Analysis of results against the cronograma's goals." }),
  }),
});
creationMutation(reporteTrimestralWorkflow, 'createReporteTrimestral', {
  input: CreateReporteTrimestralInput,
  plan: (input) => ({
    underId: input.planAnualCentroId.id,
    validate: async (tx, { under }) => {
      const plan = await tx.planAnualCentro.findUniqueOrThrow({ where: { id: under!.id }, select: { anio: true } });
      const check = new InputChecker().check(
        Number.isInteger(input.trimestre) && input.trimestre >= 1 && input.trimestre <= 4,
        ['input', 'trimestre'],
        'Must be 1 to 4',
      );
      if (input.trimestre >= 1 && input.trimestre <= 4) {
        const end = new Date(Date.UTC(plan.anio, quarterMonths(input.trimestre)[1], 1));
        check.check(Date.now() >= end.getTime(), ['input', 'trimestre'], 'The quarter is not over yet');
      }
      checkText(check, input.analisis, ['input', 'analisis']);
      if (check.issues.length) return check.issues;
      return duplicate(
        tx.reporteTrimestral.count({ where: { planId: under!.id, trimestre: input.trimestre } }),
        ['input', 'trimestre'],
        "This quarter's report was already sent",
      );
    },
    create: (tx, { under, unit }) =>
      tx.reporteTrimestral.create({
        data: { planId: under!.id, unitId: unit.id, trimestre: input.trimestre, analisis: input.analisis.trim() },
        select: { id: true },
      }),
  }),
});

stepMutation(reporteTrimestralWorkflow, 'receiveReporteTrimestral');

// ---- step 8.2: F01 ---------------------------------------------------------

const CreateConcentradoEstatalInput = builder.inputType('CreateConcentradoEstatalInput', {
  fields: (t) => ({
    planTrabajoAnualId: t.globalID({ required: true, for: PlanTrabajoAnualRef }),
    semestre: t.int({ required: true, description: '1 or 2.' }),
    observaciones: t.string({ required: false }),
  }),
});
creationMutation(concentradoEstatalWorkflow, 'createConcentradoEstatal', {
  input: CreateConcentradoEstatalInput,
  plan: (input) => ({
    underId: input.planTrabajoAnualId.id,
    validate: async (tx, { under }) => {
      if (input.semestre !== 1 && input.semestre !== 2) return [{ path: ['input', 'semestre'], message: 'Must be 1 or 2' }];
      return duplicate(
        tx.concentradoEstatal.count({ where: { planEstatalId: under!.id, semestre: input.semestre } }),
        ['input', 'semestre'],
        "This half-year's concentrate was already issued",
      );
    },
    create: (tx, { under, unit }) =>
      tx.concentradoEstatal.create({
        data: { planEstatalId: under!.id, unitId: unit.id, semestre: input.semestre, observaciones: input.observaciones?.trim() || null },
        select: { id: true },
      }),
  }),
});

// ---- steps 7V, 8.2, 9-10: improvement actions ------------------------------

interface CreateAccionArgs {
  tipo: TipoAccionMejora;
  descripcion: string;
  reporteTrimestralId?: { id: string; typename: string } | null;
  concentradoEstatalId?: { id: string; typename: string } | null;
}
const CreateAccionMejoraInput = builder.inputType('CreateAccionMejoraInput', {
  description:
    'An improvement action and the result that caused it: a F05 (`reporteTrimestralId`) or a F01 (`concentradoEstatalId`), exactly one.',
  fields: (t) => ({
    tipo: t.field({ type: TipoAccionMejoraEnum, required: true }),
    descripcion: t.string({ required: true }),
    reporteTrimestralId: t.globalID({ required: false, for: ReporteTrimestralRef }),
    concentradoEstatalId: t.globalID({ required: false, for: ConcentradoEstatalRef }),
  }),
});
creationMutation<string, keyof typeof accionMejoraWorkflow.steps, CreateAccionArgs>(accionMejoraWorkflow, 'createAccionMejora', {
  input: CreateAccionMejoraInput,
  plan: (input) => {
    const origin = input.reporteTrimestralId
      ? { underId: input.reporteTrimestralId.id, underEntity: 'ReporteTrimestral' }
      : input.concentradoEstatalId
        ? { underId: input.concentradoEstatalId.id, underEntity: 'ConcentradoEstatal' }
        : {};
    return {
      ...origin,
      underIdPath: ['input', 'reporteTrimestralId'],
      validate: () => {
        const check = new InputChecker().check(
          !(input.reporteTrimestralId && input.concentradoEstatalId),
          ['input', 'reporteTrimestralId'],
          'Give exactly one of reporteTrimestralId and concentradoEstatalId',
        );
        return checkText(check, input.descripcion, ['input', 'descripcion']).issues;
      },
      create: (tx, { unit }) =>
        tx.accionMejora.create({
          data: {
            unitId: unit.id,
            tipo: input.tipo,
            descripcion: input.descripcion.trim(),
            reporteId: input.reporteTrimestralId?.id ?? null,
            concentradoId: input.concentradoEstatalId?.id ?? null,
          },
          select: { id: true },
        }),
    };
  },
});

const CloseAccionMejoraInput = builder.inputType('CloseAccionMejoraInput', {
  fields: (t) => ({ ...stepArgFields(t), resultado: t.string({ required: true, description: 'What was done and its effect.' }) }),
});
stepMutation<string, keyof typeof accionMejoraWorkflow.steps, StepArgs & { resultado: string }>(accionMejoraWorkflow, 'closeAccionMejora', {
  input: CloseAccionMejoraInput,
  plan: (input) => ({
    validate: () => (input.resultado.trim() ? [] : [{ path: ['input', 'resultado'], message: 'Must not be empty' }]),
    data: { resultado: input.resultado.trim() },
  }),
});
