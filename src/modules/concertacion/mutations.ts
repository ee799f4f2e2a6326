// One mutation per step of 7081-MP-SI 8.1.5 "Concertación", named as the step. The engine checks role,
// reach and state and writes the audit entry; here each step only says what it writes.
import { builder } from '../../builder.js';
import type { EstadoConcertacionServicio } from '../../generated/prisma/enums.js';
import { stepDocuments } from '../../lib/documents/access.js';
import { InputChecker } from '../../lib/errors.js';
import { checkText } from '../../lib/validation.js';
import { creationMutation, stepArgFields, stepMutation, type StepArgs } from '../../lib/workflow/mutations.js';
import { checkPesos, pesos } from './money.js';
import { concertacionServicioWorkflow as wf } from './workflow.js';

type Keys = keyof typeof wf.steps;
type Docs = { documentoIds?: { id: string; typename: string }[] | null };

// Activity 1 (A).
const CreateInput = builder.inputType('CreateConcertacionServicioInput', {
  fields: (t) => ({
    servicio: t.string({ required: true, description: 'The technological service asked about.' }),
    solicitud: t.string({ required: true, description: 'What the organisation needs, for the information and the quote.' }),
    unitId: t.globalID({
      required: false,
      description: 'The asking organisation; defaults to the organisation where you hold the USUARIO_EXTERNO role.',
    }),
    observaciones: t.string({ required: false }),
  }),
});
creationMutation(wf, 'createConcertacionServicio', {
  input: CreateInput,
  plan: (input, ctx) => ({
    unitId: input.unitId?.id,
    unitIdPath: ['input', 'unitId'],
    comment: input.observaciones,
    validate: () => {
      const check = checkText(new InputChecker(), input.servicio, ['input', 'servicio'], 300);
      return checkText(check, input.solicitud, ['input', 'solicitud']).issues;
    },
    create: async (tx, { unit }) => {
      const data = { servicio: input.servicio.trim(), solicitud: input.solicitud.trim() };
      const { id } = await tx.concertacionServicio.create({
        data: { ...data, unitId: unit.id, createdById: ctx.viewer!.personId },
        select: { id: true },
      });
      return { id, changes: data };
    },
  }),
});

// Activities 2 and 3.
stepMutation(wf, 'receiveConcertacionServicioAsDstc');
stepMutation(wf, 'sendConcertacionServicioToCast');

// Activity 4.
const SubmitAsCastInput = builder.inputType('SubmitConcertacionServicioAsCastInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    respuestaCast: t.string({ required: true, description: 'What the CAST can do for the request.' }),
    cotizacion: t.string({ required: true, description: 'The quote in pesos, decimal text with at most two decimals ("12500.00").' }),
  }),
});
stepMutation<EstadoConcertacionServicio, Keys, StepArgs & { respuestaCast: string; cotizacion: string }>(
  wf,
  'submitConcertacionServicioAsCast',
  {
    input: SubmitAsCastInput,
    plan: (input) => ({
      validate: () =>
        checkPesos(checkText(new InputChecker(), input.respuestaCast, ['input', 'respuestaCast']), input.cotizacion, [
          'input',
          'cotizacion',
        ]).issues,
      data: { respuestaCast: input.respuestaCast.trim(), cotizacion: pesosOrNull(input.cotizacion) },
    }),
  },
);

// Activities 5 → 6 (the reason is the required observaciones) and 6 → A.
stepMutation(wf, 'returnConcertacionServicio');
const SubmitAsUsuarioInput = builder.inputType('SubmitConcertacionServicioAsUsuarioExternoInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    solicitud: t.string({ required: true, description: 'The corrected request.' }),
  }),
});
stepMutation<EstadoConcertacionServicio, Keys, StepArgs & { solicitud: string }>(wf, 'submitConcertacionServicioAsUsuarioExterno', {
  input: SubmitAsUsuarioInput,
  plan: (input) => ({
    validate: () => checkText(new InputChecker(), input.solicitud, ['input', 'solicitud']).issues,
    data: { solicitud: input.solicitud.trim() },
  }),
});

// Activities 5 → 7.
const ApproveInput = builder.inputType('ApproveConcertacionServicioInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    compromisos: t.string({ required: true, description: 'The commitments the CAST and the USUARIO signed.' }),
    cuotaRecuperacion: t.string({ required: true, description: 'The cuota de recuperación agreed, pesos as decimal text (above zero).' }),
    documentoIds: t.globalIDList({ required: false, description: 'The signed commitments, uploaded to POST /documents.' }),
  }),
});
stepMutation<EstadoConcertacionServicio, Keys, StepArgs & Docs & { compromisos: string; cuotaRecuperacion: string }>(
  wf,
  'approveConcertacionServicio',
  {
    input: ApproveInput,
    plan: (input, ctx) => {
      const files = stepDocuments(ctx.viewer!, input.documentoIds ?? [], (i) => ['input', 'documentoIds', i]);
      return {
        validate: async (tx) => [
          ...checkPesos(
            checkText(new InputChecker(), input.compromisos, ['input', 'compromisos']),
            input.cuotaRecuperacion,
            ['input', 'cuotaRecuperacion'],
            true,
          ).issues,
          ...(await files.validate(tx)),
        ],
        data: { compromisos: input.compromisos.trim(), cuotaRecuperacion: pesosOrNull(input.cuotaRecuperacion) },
        effects: async (tx, record) => {
          const documentos = await files.attach(tx, { entity: 'ConcertacionServicio', id: record.id }, 'INSTRUMENTO_FIRMADO');
          return documentos.length ? { documentos } : undefined;
        },
      };
    },
  },
);

// Activities 8 and 9.
stepMutation(wf, 'receiveConcertacionServicioAsCast');
const DeliverInput = builder.inputType('DeliverConcertacionServicioInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    entrega: t.string({ required: true, description: 'What was delivered to the USUARIO.' }),
    documentoIds: t.globalIDList({ required: false, description: 'Delivery evidence, uploaded to POST /documents.' }),
  }),
});
stepMutation<EstadoConcertacionServicio, Keys, StepArgs & Docs & { entrega: string }>(wf, 'deliverConcertacionServicio', {
  input: DeliverInput,
  plan: (input, ctx) => {
    const files = stepDocuments(ctx.viewer!, input.documentoIds ?? [], (i) => ['input', 'documentoIds', i]);
    return {
      validate: async (tx) => [...checkText(new InputChecker(), input.entrega, ['input', 'entrega']).issues, ...(await files.validate(tx))],
      data: { entrega: input.entrega.trim() },
      effects: async (tx, record) => {
        const documentos = await files.attach(tx, { entity: 'ConcertacionServicio', id: record.id }, 'OTRO');
        return documentos.length ? { documentos } : undefined;
      },
    };
  },
});

// Activity 10.
const ApproveAsUsuarioInput = builder.inputType('ApproveConcertacionServicioAsUsuarioExternoInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    verificacion: t.string({ required: true, description: 'What the USUARIO verified of the work received.' }),
    pagoReferencia: t.string({ required: true, description: 'The reference of the payment of the cuota de recuperación.' }),
    documentoIds: t.globalIDList({ required: false, description: 'The payment receipt, uploaded to POST /documents.' }),
  }),
});
stepMutation<EstadoConcertacionServicio, Keys, StepArgs & Docs & { verificacion: string; pagoReferencia: string }>(
  wf,
  'approveConcertacionServicioAsUsuarioExterno',
  {
    input: ApproveAsUsuarioInput,
    plan: (input, ctx) => {
      const files = stepDocuments(ctx.viewer!, input.documentoIds ?? [], (i) => ['input', 'documentoIds', i]);
      return {
        validate: async (tx) => [
          ...checkText(
            checkText(new InputChecker(), input.verificacion, ['input', 'verificacion']),
            input.pagoReferencia,
            ['input', 'pagoReferencia'],
            200,
          ).issues,
          ...(await files.validate(tx)),
        ],
        data: { verificacion: input.verificacion.trim(), pagoReferencia: input.pagoReferencia.trim() },
        effects: async (tx, record) => {
          const documentos = await files.attach(tx, { entity: 'ConcertacionServicio', id: record.id }, 'OTRO');
          return documentos.length ? { documentos } : undefined;
        },
      };
    },
  },
);

// Activity 11.
const CloseInput = builder.inputType('CloseConcertacionServicioInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    montoPagado: t.string({
      required: true,
      description: 'The payment received, pesos as decimal text: must be the cuota de recuperación.',
    }),
  }),
});
stepMutation<EstadoConcertacionServicio, Keys, StepArgs & { montoPagado: string }>(wf, 'closeConcertacionServicio', {
  input: CloseInput,
  plan: (input) => ({
    validate: async (tx, record) => {
      const check = checkPesos(new InputChecker(), input.montoPagado, ['input', 'montoPagado'], true);
      if (check.issues.length) return check.issues;
      const { cuotaRecuperacion } = await tx.concertacionServicio.findUniqueOrThrow({
        where: { id: record.id },
        select: { cuotaRecuperacion: true },
      });
      return check.check(
        cuotaRecuperacion != null && pesos(input.montoPagado).eq(cuotaRecuperacion),
        ['input', 'montoPagado'],
        `Must be the cuota de recuperación agreed (${cuotaRecuperacion?.toFixed(2) ?? '—'})`,
      ).issues;
    },
    data: { montoPagado: pesosOrNull(input.montoPagado), pagadaAt: new Date() },
  }),
});

/** The amount for `data`; invalid text never reaches the database because `validate` refuses it first. */
function pesosOrNull(value: string) {
  try {
    return pesos(value);
  } catch {
    return null;
  }
}
