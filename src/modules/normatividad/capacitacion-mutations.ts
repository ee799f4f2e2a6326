// One mutation per step of 7081-MP-SI Pd-02-It-01, named as the step. The
// engine checks role, reach, state and observations and writes the audit
// entry; here each step only says what it writes.
import { builder } from '../../builder.js';
import type { EstadoNormativo, FinDestinatario, ModalidadReunion, OrgUnitKind } from '../../generated/prisma/enums.js';
import { InputChecker } from '../../lib/errors.js';
import { checkText, isHttpUrl } from '../../lib/validation.js';
import { addressPlan } from '../../lib/workflow/addressees.js';
import { creationMutation, stepArgFields, stepMutation, type StepArgs } from '../../lib/workflow/mutations.js';
import { normativaCapacitacionWorkflow as wf } from './capacitacion.js';
import { checkMeeting, EvidenciaReunionInput, evidenceRows, type MeetingArgs } from './meeting.js';
import { ModalidadReunionEnum } from './types.js';

type Step = keyof typeof wf.steps;
/** Steps 4 and 6: the state offices of the CONALEP system. */
const STATE_OFFICES: OrgUnitKind[] = ['COLEGIO_ESTATAL', 'UODCDMX', 'RCEO'];
type UnitIdsArgs = StepArgs & { unitIds?: { id: string }[] | null };

const addressToStates = (unitIds: readonly { id: string }[] | null | undefined, purpose: FinDestinatario) =>
  addressPlan<EstadoNormativo>(unitIds, {
    kinds: STATE_OFFICES,
    label: 'a Colegio Estatal, UODCDMX or RCEO',
    path: ['input', 'unitIds'],
    purpose,
    allWhenOmitted: true,
    write: (tx, proyectoId, rows) =>
      tx.proyectoNormativoDestinatario.createMany({ data: rows.map((r) => ({ ...r, proyectoId })), skipDuplicates: true }),
  });

// Steps 1-2.
const CreateInput = builder.inputType('CreateProyectoNormativoCapacitacionInput', {
  fields: (t) => ({
    titulo: t.string({ required: true }),
    necesidad: t.string({ required: true, description: 'The need to update the training normativa (step 1).' }),
    unitId: t.globalID({ required: false, description: 'Owning unit; defaults to the unit where you hold the CSC, SESC or JDCESC role.' }),
    observaciones: t.string({ required: false }),
  }),
});
creationMutation(wf, 'createProyectoNormativoCapacitacion', {
  input: CreateInput,
  plan: (input, ctx) => ({
    unitId: input.unitId?.id,
    unitIdPath: ['input', 'unitId'],
    comment: input.observaciones,
    validate: () => {
      const check = new InputChecker().check(input.titulo.trim().length >= 3, ['input', 'titulo'], 'Must have at least 3 characters');
      checkText(check, input.titulo, ['input', 'titulo'], 300);
      return checkText(check, input.necesidad, ['input', 'necesidad']).issues;
    },
    create: async (tx, { unit }) => {
      const data = { titulo: input.titulo.trim(), necesidad: input.necesidad.trim(), tipo: 'CAPACITACION' as const };
      const { id } = await tx.proyectoNormativo.create({
        data: { ...data, estado: 'EN_ELABORACION', unitId: unit.id, createdById: ctx.viewer!.personId },
        select: { id: true },
      });
      return { id, changes: data };
    },
  }),
});

// Step 3.
const SubmitInput = builder.inputType('SubmitProyectoNormativoCapacitacionInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    documentoUrl: t.string({ required: true, description: 'Where the drafted project is (http or https URL).' }),
  }),
});
stepMutation<EstadoNormativo, Step, StepArgs & { documentoUrl: string }>(wf, 'submitProyectoNormativoCapacitacion', {
  input: SubmitInput,
  plan: (input) => ({
    validate: () => (isHttpUrl(input.documentoUrl) ? [] : [{ path: ['input', 'documentoUrl'], message: 'Must be an http or https URL' }]),
    data: { documentoUrl: input.documentoUrl.trim() },
  }),
});
stepMutation(wf, 'approveProyectoNormativoCapacitacionAsGtComeri');
stepMutation(wf, 'returnProyectoNormativoCapacitacionAsGtComeri');

// Step 4: the project goes to the state offices, which contribute.
const SendInput = builder.inputType('SendProyectoNormativoCapacitacionInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    unitIds: t.globalIDList({
      required: false,
      description: 'The Colegios Estatales, UODCDMX and RCEO asked for contributions; all of them when omitted.',
    }),
  }),
});
stepMutation<EstadoNormativo, Step, UnitIdsArgs>(wf, 'sendProyectoNormativoCapacitacion', {
  input: SendInput,
  plan: (input) => addressToStates(input.unitIds, 'APORTACIONES'),
});

const AportacionInput = builder.inputType('AddAportacionNormativaInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    texto: t.string({ required: true, description: "The state office's contribution to the project." }),
  }),
});
stepMutation<EstadoNormativo, Step, StepArgs & { texto: string }>(wf, 'addAportacionNormativa', {
  input: AportacionInput,
  plan: (input, ctx) => ({
    validate: () => checkText(new InputChecker(), input.texto, ['input', 'texto']).issues,
    effects: async (tx, record, actor) => {
      const row = await tx.aportacionNormativa.create({
        data: { proyectoId: record.id, unitId: actor.unitId, texto: input.texto.trim(), createdById: ctx.viewer!.personId },
        select: { id: true },
      });
      return { aportacion: row.id, unitId: actor.unitId };
    },
  }),
});

// Step 5.
stepMutation(wf, 'sendProyectoNormativoCapacitacionToComeri');
const ApproveInput = builder.inputType('ApproveProyectoNormativoCapacitacionAsComeriInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    numeroRegistro: t.string({ required: true, description: "The COMERI's approval agreement (number or reference)." }),
  }),
});
stepMutation<EstadoNormativo, Step, StepArgs & { numeroRegistro: string }>(wf, 'approveProyectoNormativoCapacitacionAsComeri', {
  input: ApproveInput,
  plan: (input) => ({
    validate: () => checkText(new InputChecker(), input.numeroRegistro, ['input', 'numeroRegistro'], 100).issues,
    data: { numeroRegistro: input.numeroRegistro.trim() },
  }),
});
stepMutation(wf, 'returnProyectoNormativoCapacitacionAsComeri');

// Step 6.
const PublishInput = builder.inputType('PublishProyectoNormativoCapacitacionInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    unitIds: t.globalIDList({
      required: false,
      description: 'The Colegios Estatales, UODCDMX and RCEO that apply it; all of them when omitted.',
    }),
  }),
});
stepMutation<EstadoNormativo, Step, UnitIdsArgs>(wf, 'publishProyectoNormativoCapacitacion', {
  input: PublishInput,
  plan: (input) => addressToStates(input.unitIds, 'APLICACION'),
});
stepMutation(wf, 'receiveProyectoNormativoCapacitacion');

// Steps 7-8: the briefing of the responsables (a meeting, with evidence) and the follow-up.
const CloseInput = builder.inputType('CloseProyectoNormativoCapacitacionInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    fecha: t.field({ type: 'DateTime', required: true, description: 'Step 7: when the responsables were briefed.' }),
    modalidad: t.field({ type: ModalidadReunionEnum, required: true, description: 'Step 7: in person or virtual.' }),
    evidenciasReunion: t.field({
      type: [EvidenciaReunionInput],
      required: true,
      description: 'Step 7: minutes, screenshots or attendance lists of the briefing (at least one).',
    }),
    seguimiento: t.string({ required: true, description: 'Step 8: how the application of the normativa is followed up.' }),
  }),
});
stepMutation<EstadoNormativo, Step, StepArgs & MeetingArgs & { modalidad: ModalidadReunion; seguimiento: string }>(
  wf,
  'closeProyectoNormativoCapacitacion',
  {
    input: CloseInput,
    plan: (input) => ({
      validate: () => checkText(checkMeeting(new InputChecker(), input), input.seguimiento, ['input', 'seguimiento']).issues,
      data: { fechaReunion: input.fecha, modalidadReunion: input.modalidad, seguimiento: input.seguimiento.trim() },
      effects: async (tx, record) => {
        await tx.evidenciaReunion.createMany({ data: evidenceRows(input).map((e) => ({ ...e, proyectoId: record.id })) });
        return { evidenciasReunion: input.evidenciasReunion.length };
      },
    }),
  },
);
