// One mutation per step of 7081-MP-SI 8.1.6, named as the step. The engine
// checks role, reach, state and observations and writes the audit entry;
// here each step only says what it writes.
import { builder } from '../../builder.js';
import type { FinDestinatario } from '../../generated/prisma/enums.js';
import { InputChecker } from '../../lib/errors.js';
import { addressPlan } from '../../lib/workflow/addressees.js';
import { creationMutation, stepArgFields, stepMutation, type StepArgs } from '../../lib/workflow/mutations.js';
import { isHttpUrl } from '../../lib/validation.js';
import type { EstadoNormativo } from '../../generated/prisma/enums.js';
import { notFound } from '../../lib/errors.js';
import { readableReunionesTrabajoCast } from '../reuniones/rules.js';
import { ReunionTrabajoCastRef } from '../reuniones/types.js';
import { normatividadWorkflow as wf } from './workflow.js';

/**
 * Steps 3 and 11 address the record to CAST units: `castUnitIds` must all be
 * CAST (omitted, when allowed, means every CAST); the addressees are recorded.
 */
const addressToCast = (castUnitIds: readonly { id: string }[] | null | undefined, purpose: FinDestinatario) =>
  addressPlan<EstadoNormativo>(castUnitIds, {
    kinds: ['CAST'],
    label: 'a CAST unit',
    path: ['input', 'castUnitIds'],
    purpose,
    allWhenOmitted: true,
    write: (tx, proyectoId, rows) =>
      tx.proyectoNormativoDestinatario.createMany({ data: rows.map((r) => ({ ...r, proyectoId })), skipDuplicates: true }),
  });

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

// Step 13: the working meeting of It-01 where the lineamientos were presented is the semester's
// ReunionTrabajoCast, held and recorded with its evidence and agreements (reuniones module).
const CloseInput = builder.inputType('CloseProyectoNormativoInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    reunionTrabajoCastId: t.globalID({
      required: true,
      for: ReunionTrabajoCastRef,
      description: 'The working meeting with CAST directors (It-01), already held and recorded (CERRADA).',
    }),
  }),
});
stepMutation<EstadoNormativo, keyof typeof wf.steps, StepArgs & { reunionTrabajoCastId: { id: string } }>(wf, 'closeProyectoNormativo', {
  input: CloseInput,
  plan: (input, ctx) => ({
    validate: async (tx) => {
      const id = input.reunionTrabajoCastId.id;
      const meeting = await tx.reunionTrabajoCast.findFirst({
        where: { AND: [{ id }, readableReunionesTrabajoCast(ctx.viewer)] },
        select: { estado: true },
      });
      if (!meeting) throw notFound('ReunionTrabajoCast', id);
      return meeting.estado === 'CERRADA'
        ? []
        : [{ path: ['input', 'reunionTrabajoCastId'], message: 'The working meeting must be held and recorded first (CERRADA)' }];
    },
    data: { reunionTrabajoCastId: input.reunionTrabajoCastId.id },
  }),
});
