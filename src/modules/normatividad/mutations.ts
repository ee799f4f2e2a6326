// One mutation per step of 7081-MP-SI 8.1.6, named as the step. The engine
// checks role, reach, state and observations and writes the audit entry;
// here each step only says what it writes.
import { builder } from '../../builder.js';
import type { FinDestinatario } from '../../generated/prisma/enums.js';
import { InputChecker, type InputIssue } from '../../lib/errors.js';
import type { ChangePlan } from '../../lib/workflow/engine.js';
import { creationMutation, stepArgFields, stepMutation, type StepArgs } from '../../lib/workflow/mutations.js';
import { isHttpUrl } from '../../lib/validation.js';
import type { EstadoNormativo } from '../../generated/prisma/enums.js';
import { checkMeeting, EvidenciaReunionInput, evidenceRows, meetingDocuments, type MeetingArgs } from './meeting.js';
import { ModalidadReunionEnum } from './types.js';
import { normatividadWorkflow as wf } from './workflow.js';

/**
 * Steps 3 and 11 address the record to CAST units: `castUnitIds` must all be
 * CAST (omitted, when allowed, means every CAST); the addressees are recorded.
 */
function addressToCast(castUnitIds: { id: string }[] | null | undefined, purpose: FinDestinatario): ChangePlan<EstadoNormativo> {
  const path = ['input', 'castUnitIds'];
  let units: string[] = [];
  return {
    validate: async (tx) => {
      if (!castUnitIds) {
        units = (await tx.orgUnit.findMany({ where: { kind: 'CAST' }, select: { id: true } })).map((u) => u.id);
        return units.length ? [] : [{ path, message: 'There is no CAST to address' }];
      }
      if (!castUnitIds.length) return [{ path, message: 'Name at least one CAST' }];
      const ids = castUnitIds.map((g) => g.id);
      const found = await tx.orgUnit.findMany({ where: { id: { in: ids }, kind: 'CAST' }, select: { id: true } });
      units = found.map((u) => u.id);
      return ids.flatMap((id, i): InputIssue[] => (units.includes(id) ? [] : [{ path: [...path, i], message: 'Not a CAST unit' }]));
    },
    effects: async (tx, record) => {
      await tx.proyectoNormativoDestinatario.createMany({
        data: units.map((unitId) => ({ proyectoId: record.id, unitId, fin: purpose })),
        skipDuplicates: true,
      });
      return { destinatarios: units, fin: purpose };
    },
  };
}

// Step 1 creates the record.
const CreateInput = builder.inputType('CreateProyectoNormativoInput', {
  fields: (t) => ({
    titulo: t.string({ required: true }),
    necesidad: t.string({ required: true, description: 'Why the normativa must be modified or updated.' }),
    unitId: t.globalID({ required: false, description: 'Owning unit; defaults to the unit where you hold the DSTC role.' }),
  }),
});
creationMutation(wf, 'createProyectoNormativo', {
  input: CreateInput,
  plan: (input, ctx) => ({
    unitId: input.unitId?.id,
    validate: () =>
      new InputChecker()
        .check(input.titulo.trim().length >= 3, ['input', 'titulo'], 'Must have at least 3 characters')
        .check(input.titulo.length <= 300, ['input', 'titulo'], 'Must have at most 300 characters')
        .check(input.necesidad.trim().length > 0, ['input', 'necesidad'], 'Must not be empty').issues,
    create: (tx, { unit }) =>
      tx.proyectoNormativo.create({
        data: { titulo: input.titulo.trim(), necesidad: input.necesidad.trim(), unitId: unit.id, createdById: ctx.viewer!.personId },
        select: { id: true },
      }),
  }),
});

stepMutation(wf, 'sendProyectoNormativoToCst');

const SendToCastInput = builder.inputType('SendProyectoNormativoToCastInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    castUnitIds: t.globalIDList({ required: true, description: 'The CAST asked for comments (at least one).' }),
  }),
});
stepMutation(wf, 'sendProyectoNormativoToCast', {
  input: SendToCastInput,
  plan: (input) => addressToCast(input.castUnitIds, 'COMENTARIOS'),
});

stepMutation(wf, 'submitProyectoNormativoAsCast');
stepMutation(wf, 'receiveProyectoNormativoAsCst');

const SubmitForReviewInput = builder.inputType('SubmitProyectoNormativoAsCstInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    documentoUrl: t.string({ required: true, description: 'Where the drafted document is (http or https URL).' }),
  }),
});
stepMutation(wf, 'submitProyectoNormativoAsCst', {
  input: SubmitForReviewInput,
  plan: (input) => ({
    validate: () => (isHttpUrl(input.documentoUrl) ? [] : [{ path: ['input', 'documentoUrl'], message: 'Must be an http or https URL' }]),
    data: { documentoUrl: input.documentoUrl.trim() },
  }),
});

stepMutation(wf, 'approveProyectoNormativoAsDstc');
stepMutation(wf, 'returnProyectoNormativoAsDstc');

const RegisterInput = builder.inputType('ApproveProyectoNormativoAsDcajInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    numeroRegistro: t.string({ required: true, description: 'The registration given by the DCAJ.' }),
  }),
});
stepMutation(wf, 'approveProyectoNormativoAsDcaj', {
  input: RegisterInput,
  plan: (input) => ({
    validate: () => (input.numeroRegistro.trim() ? [] : [{ path: ['input', 'numeroRegistro'], message: 'Must not be empty' }]),
    data: { numeroRegistro: input.numeroRegistro.trim() },
  }),
});

stepMutation(wf, 'returnProyectoNormativoAsDcaj');

const ReleaseInput = builder.inputType('PublishProyectoNormativoInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    castUnitIds: t.globalIDList({ required: false, description: 'The CAST that receive the lineamientos; all CAST when omitted.' }),
  }),
});
stepMutation(wf, 'publishProyectoNormativo', { input: ReleaseInput, plan: (input) => addressToCast(input.castUnitIds, 'APLICACION') });

stepMutation(wf, 'receiveProyectoNormativoAsCast');

const MeetingInput = builder.inputType('CloseProyectoNormativoInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    fecha: t.field({ type: 'DateTime', required: true }),
    modalidad: t.field({ type: ModalidadReunionEnum, required: true }),
    evidenciasReunion: t.field({
      type: [EvidenciaReunionInput],
      required: true,
      description: 'Minutes, screenshots or attendance lists (at least one).',
    }),
  }),
});
stepMutation<EstadoNormativo, keyof typeof wf.steps, StepArgs & MeetingArgs>(wf, 'closeProyectoNormativo', {
  input: MeetingInput,
  plan: (input, ctx) => {
    const files = meetingDocuments(ctx.viewer!, input);
    return {
      validate: async (tx) => [...checkMeeting(new InputChecker(), input).issues, ...(await files.validate(tx))],
      data: { fechaReunion: input.fecha, modalidadReunion: input.modalidad },
      effects: async (tx, record) => {
        const documentos = await files.attach(tx, { entity: 'ProyectoNormativo', id: record.id }, 'EVIDENCIA_REUNION');
        await tx.evidenciaReunion.createMany({ data: evidenceRows(input).map((e) => ({ ...e, proyectoId: record.id })) });
        return { evidenciasReunion: input.evidenciasReunion.length, ...(documentos.length ? { documentos } : {}) };
      },
    };
  },
});
