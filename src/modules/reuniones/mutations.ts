// One mutation per step of 7081-MP-SI Pd-01-It-01, named as the step. The
// engine checks role, reach and state and writes the audit entry; here each
// step only says what it writes.
import { builder } from '../../builder.js';
import type { EstadoAcuerdoReunion, EstadoReunionTrabajoCast, ModalidadReunion, OrgUnitKind } from '../../generated/prisma/enums.js';
import { ReunionTrabajoCastRef } from './types.js';
import { InputChecker } from '../../lib/errors.js';
import { addressPlan } from '../../lib/workflow/addressees.js';
import { checkText, isHttpUrl } from '../../lib/validation.js';
import { creationMutation, stepArgFields, stepMutation, type StepArgs } from '../../lib/workflow/mutations.js';
import { checkMeeting, EvidenciaReunionInput, evidenceRows, meetingDocuments, type MeetingArgs } from '../normatividad/meeting.js';
import { ModalidadReunionEnum } from '../normatividad/types.js';
import { acuerdoReunionWorkflow, reunionTrabajoCastWorkflow as wf } from './workflow.js';

type Step = keyof typeof wf.steps;
const PERIODO = /^\d{4}-[12]$/;
/** Step 6: the CAST directors and the technological-service heads of the CE, UODCDMX and RCEO. */
const INVITABLE: OrgUnitKind[] = ['CAST', 'COLEGIO_ESTATAL', 'UODCDMX', 'RCEO'];

// Step 1: the needs identified open the semester's meeting.
const CreateInput = builder.inputType('CreateReunionTrabajoCastInput', {
  fields: (t) => ({
    periodo: t.string({ required: true, description: 'The semester, `YYYY-1` or `YYYY-2` (one meeting per semester per unit).' }),
    requerimientos: t.string({
      required: true,
      description: 'What the CAST and plantel directors and heads need to improve their processes.',
    }),
    unitId: t.globalID({ required: false, description: 'Owning unit; defaults to the unit where you hold the CST role.' }),
    observaciones: t.string({ required: false }),
  }),
});
creationMutation(wf, 'createReunionTrabajoCast', {
  input: CreateInput,
  plan: (input, ctx) => ({
    unitId: input.unitId?.id,
    unitIdPath: ['input', 'unitId'],
    comment: input.observaciones,
    validate: async (tx, { unit }) => {
      const check = new InputChecker().check(PERIODO.test(input.periodo), ['input', 'periodo'], 'Must be YYYY-1 or YYYY-2');
      checkText(check, input.requerimientos, ['input', 'requerimientos']);
      if (!check.issues.length) {
        const taken = await tx.reunionTrabajoCast.count({ where: { unitId: unit.id, periodo: input.periodo } });
        check.check(taken === 0, ['input', 'periodo'], 'This unit already has a working meeting for this semester');
      }
      return check.issues;
    },
    create: async (tx, { unit }) => {
      const data = { periodo: input.periodo, requerimientos: input.requerimientos.trim() };
      const { id } = await tx.reunionTrabajoCast.create({
        data: { ...data, unitId: unit.id, createdById: ctx.viewer!.personId },
        select: { id: true },
      });
      return { id, changes: data };
    },
  }),
});

// Steps 2-5: every field is optional; the ones given are written (and recorded in the audit).
const UpdateInput = builder.inputType('UpdateReunionTrabajoCastInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    gestiones: t.string({ required: false, description: 'Step 2: the administrative arrangements made.' }),
    programa: t.string({ required: false, description: 'Step 3: the work programme.' }),
    solicitudes: t.string({ required: false, description: 'Step 3: the requests of the CE, UODCDMX and RCEO taken into it.' }),
    logistica: t.string({ required: false, description: 'Step 4: venue or link, agenda, travel.' }),
    modalidad: t.field({ type: ModalidadReunionEnum, required: false, description: 'Step 4: in person or virtual.' }),
    fechaProgramada: t.field({ type: 'DateTime', required: false, description: 'Step 4: when the meeting will be held.' }),
    materialUrl: t.string({ required: false, description: 'Step 5: where the instructional material is (http or https URL).' }),
  }),
});
type UpdateArgs = StepArgs & {
  gestiones?: string | null;
  programa?: string | null;
  solicitudes?: string | null;
  logistica?: string | null;
  modalidad?: ModalidadReunion | null;
  fechaProgramada?: Date | null;
  materialUrl?: string | null;
};
const TEXTS = ['gestiones', 'programa', 'solicitudes', 'logistica'] as const;
stepMutation<EstadoReunionTrabajoCast, Step, UpdateArgs>(wf, 'updateReunionTrabajoCast', {
  input: UpdateInput,
  plan: (input) => {
    const check = new InputChecker();
    const data: Record<string, unknown> = {};
    for (const f of TEXTS) {
      const value = input[f];
      if (value == null) continue;
      checkText(check, value, ['input', f]);
      data[f] = value.trim();
    }
    if (input.modalidad) data.modalidad = input.modalidad;
    if (input.fechaProgramada) data.fechaProgramada = input.fechaProgramada;
    if (input.materialUrl != null) {
      check.check(isHttpUrl(input.materialUrl), ['input', 'materialUrl'], 'Must be an http or https URL');
      data.materialUrl = input.materialUrl.trim();
    }
    check.check(Object.keys(data).length > 0, ['input'], 'Give at least one field to record');
    return { validate: () => check.issues, data };
  },
});

// Step 6: the invitation addresses the meeting to the invited units.
const SendInput = builder.inputType('SendReunionTrabajoCastInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    invitadoUnitIds: t.globalIDList({
      required: false,
      description: 'The CAST, Colegios Estatales, UODCDMX and RCEO invited; every unit of these kinds when omitted.',
    }),
  }),
});
stepMutation<EstadoReunionTrabajoCast, Step, StepArgs & { invitadoUnitIds?: { id: string }[] | null }>(wf, 'sendReunionTrabajoCast', {
  input: SendInput,
  plan: (input) =>
    addressPlan(input.invitadoUnitIds, {
      kinds: INVITABLE,
      label: 'a CAST, Colegio Estatal, UODCDMX or RCEO',
      path: ['input', 'invitadoUnitIds'],
      purpose: 'INVITACION',
      allWhenOmitted: true,
      write: (tx, reunionTrabajoCastId, rows) =>
        tx.reunionTrabajoCastDestinatario.createMany({ data: rows.map((r) => ({ ...r, reunionTrabajoCastId })), skipDuplicates: true }),
    }),
});

// Steps 7-8: the meeting held, its results and evidence (its agreements are AcuerdoReunion records, below).
const CloseInput = builder.inputType('CloseReunionTrabajoCastInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    fecha: t.field({ type: 'DateTime', required: true, description: 'Step 7: when the meeting was held.' }),
    modalidad: t.field({ type: ModalidadReunionEnum, required: true, description: 'Step 7: in person or virtual.' }),
    resultados: t.string({ required: true, description: 'Step 8: analysis of the results and areas of improvement.' }),
    evidenciasReunion: t.field({
      type: [EvidenciaReunionInput],
      required: true,
      description: 'Step 8: screenshots of the virtual meeting, attendance lists or minutes (at least one).',
    }),
  }),
});
stepMutation<EstadoReunionTrabajoCast, Step, StepArgs & MeetingArgs & { resultados: string }>(wf, 'closeReunionTrabajoCast', {
  input: CloseInput,
  plan: (input, ctx) => {
    const files = meetingDocuments(ctx.viewer!, input);
    const check = checkMeeting(new InputChecker(), input);
    checkText(check, input.resultados, ['input', 'resultados']);
    return {
      validate: async (tx) => [...check.issues, ...(await files.validate(tx))],
      data: {
        fechaReunion: input.fecha,
        modalidad: input.modalidad,
        resultados: input.resultados.trim(),
      },
      effects: async (tx, record) => {
        const documentos = await files.attach(tx, { entity: 'ReunionTrabajoCast', id: record.id }, 'EVIDENCIA_REUNION');
        await tx.evidenciaReunion.createMany({ data: evidenceRows(input).map((e) => ({ ...e, reunionTrabajoCastId: record.id })) });
        return { evidenciasReunion: input.evidenciasReunion.length, ...(documentos.length ? { documentos } : {}) };
      },
    };
  },
});

// Step 8: each agreement or commitment, with the unit responsible and its due date, followed until fulfilled.
const CreateAcuerdoInput = builder.inputType('CreateAcuerdoReunionInput', {
  fields: (t) => ({
    reunionTrabajoCastId: t.globalID({ required: true, for: ReunionTrabajoCastRef, description: 'The working meeting (CONVOCADA).' }),
    descripcion: t.string({ required: true, description: 'The agreement or commitment.' }),
    responsableUnitId: t.globalID({ required: true, description: 'The unit responsible for carrying it out; it sees the agreement.' }),
    fechaCompromiso: t.field({ type: 'DateTime', required: true, description: 'When it is due; pending after that, it is overdue.' }),
    observaciones: t.string({ required: false }),
  }),
});
creationMutation(acuerdoReunionWorkflow, 'createAcuerdoReunion', {
  input: CreateAcuerdoInput,
  plan: (input, ctx) => ({
    underId: input.reunionTrabajoCastId.id,
    underIdPath: ['input', 'reunionTrabajoCastId'],
    comment: input.observaciones,
    validate: async (tx) => {
      const check = checkText(new InputChecker(), input.descripcion, ['input', 'descripcion'], 1000);
      const responsable = await tx.orgUnit.count({ where: { id: input.responsableUnitId.id } });
      return check.check(responsable === 1, ['input', 'responsableUnitId'], 'No such unit').issues;
    },
    create: async (tx, { unit, under }) => {
      const data = {
        descripcion: input.descripcion.trim(),
        fechaCompromiso: input.fechaCompromiso,
        responsable: input.responsableUnitId.id,
      };
      const { id } = await tx.acuerdoReunion.create({
        data: {
          unitId: unit.id,
          reunionTrabajoCastId: under!.id,
          descripcion: data.descripcion,
          fechaCompromiso: data.fechaCompromiso,
          createdById: ctx.viewer!.personId,
          destinatarios: { create: { unitId: data.responsable, fin: 'RESPONSABLE' } },
        },
        select: { id: true },
      });
      return { id, changes: data };
    },
  }),
});

const CloseAcuerdoInput = builder.inputType('CloseAcuerdoReunionInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    resultado: t.string({ required: true, description: 'What was done to fulfil the agreement.' }),
  }),
});
stepMutation<EstadoAcuerdoReunion, keyof typeof acuerdoReunionWorkflow.steps, StepArgs & { resultado: string }>(
  acuerdoReunionWorkflow,
  'closeAcuerdoReunion',
  {
    input: CloseAcuerdoInput,
    plan: (input) => ({
      validate: () => checkText(new InputChecker(), input.resultado, ['input', 'resultado']).issues,
      data: { resultado: input.resultado.trim(), cumplidoAt: new Date() },
    }),
  },
);
