// One mutation per activity of 7081-MP-SI Pd-02-It-03 "Concertación de los servicios de capacitación". The
// engine checks role, reach and state and writes the audit entry; here each step only says what it writes.
import { builder } from '../../builder.js';
import type { EstadoConcertacionCapacitacion } from '../../generated/prisma/enums.js';
import { stepDocuments } from '../../lib/documents/access.js';
import { InputChecker } from '../../lib/errors.js';
import { checkText } from '../../lib/validation.js';
import { creationMutation, stepArgFields, stepMutation, type StepArgs } from '../../lib/workflow/mutations.js';
import { concertacionCapacitacionWorkflow as wf } from './capacitacion-workflow.js';
import { checkPesos, pesos } from './money.js';

type Keys = keyof typeof wf.steps;
type Docs = { documentoIds?: { id: string; typename: string }[] | null };

/** The kinds of unit that deliver training (It-03 activity 4: "CE, UODCDMX y RCEO"). */
const DELIVERING_KINDS = ['COLEGIO_ESTATAL', 'UODCDMX', 'RCEO'] as const;

// Activity 1.
const CreateInput = builder.inputType('CreateConcertacionCapacitacionInput', {
  fields: (t) => ({
    unitId: t.globalID({ required: true, description: 'The prospect user: an outside company or institution (EMPRESA, INSTITUCION).' }),
    prospecto: t.string({ required: true, description: 'Why the organisation is a possible user of the training services.' }),
    observaciones: t.string({ required: false, description: 'Observations, kept in the audit entry.' }),
  }),
});
creationMutation(wf, 'createConcertacionCapacitacion', {
  input: CreateInput,
  plan: (input, ctx) => ({
    unitId: input.unitId.id,
    unitIdPath: ['input', 'unitId'],
    comment: input.observaciones,
    validate: () => checkText(new InputChecker(), input.prospecto, ['input', 'prospecto']).issues,
    create: async (tx, { unit }) => {
      const data = { prospecto: input.prospecto.trim() };
      const { id } = await tx.concertacionCapacitacion.create({
        data: { ...data, unitId: unit.id, createdById: ctx.viewer!.personId },
        select: { id: true },
      });
      return { id, changes: data };
    },
  }),
});

// Activity 2.
const SendInput = builder.inputType('SendConcertacionCapacitacionInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    agenda: t.string({ required: true, description: 'The training courses offered to the user on the agenda.' }),
    citaAt: t.field({ type: 'DateTime', required: false, description: 'The appointment with the user, when there is one.' }),
  }),
});
stepMutation<EstadoConcertacionCapacitacion, Keys, StepArgs & { agenda: string; citaAt?: Date | null }>(
  wf,
  'sendConcertacionCapacitacion',
  {
    input: SendInput,
    plan: (input) => ({
      validate: () => checkText(new InputChecker(), input.agenda, ['input', 'agenda']).issues,
      data: { agenda: input.agenda.trim(), citaAt: input.citaAt ?? null },
    }),
  },
);

// Activity 3.
const ReceiveInput = builder.inputType('ReceiveConcertacionCapacitacionInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    requerimiento: t.string({ required: true, description: "The user's requirement of training services." }),
    ambito: t.string({ required: true, description: 'Its scope (ámbito de competencia): the competences, places and people it covers.' }),
  }),
});
stepMutation<EstadoConcertacionCapacitacion, Keys, StepArgs & { requerimiento: string; ambito: string }>(
  wf,
  'receiveConcertacionCapacitacion',
  {
    input: ReceiveInput,
    plan: (input) => ({
      validate: () =>
        checkText(checkText(new InputChecker(), input.requerimiento, ['input', 'requerimiento']), input.ambito, ['input', 'ambito']).issues,
      data: { requerimiento: input.requerimiento.trim(), ambito: input.ambito.trim() },
    }),
  },
);

// Activity 4 (viable) and 4 → 3 (not as identified).
const ApproveInput = builder.inputType('ApproveConcertacionCapacitacionInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    viabilidad: t.string({ required: true, description: 'What was agreed with the units that would deliver the training.' }),
    unitIds: t.globalIDList({
      required: true,
      description: 'The Colegios Estatales, UODCDMX and RCEO that would deliver it (at least one); they replace any earlier list.',
    }),
  }),
});
stepMutation<EstadoConcertacionCapacitacion, Keys, StepArgs & { viabilidad: string; unitIds: { id: string; typename: string }[] }>(
  wf,
  'approveConcertacionCapacitacion',
  {
    input: ApproveInput,
    plan: (input) => {
      const unitIds = input.unitIds.map((u) => u.id);
      return {
        validate: async (tx) => {
          const check = checkText(new InputChecker(), input.viabilidad, ['input', 'viabilidad']);
          check.check(unitIds.length > 0, ['input', 'unitIds'], 'Name at least one participating unit');
          const units = await tx.orgUnit.findMany({ where: { id: { in: unitIds } }, select: { id: true, kind: true } });
          input.unitIds.forEach((u, i) => {
            const found = units.find((x) => x.id === u.id);
            check.check(
              u.typename === 'OrgUnit' && !!found && (DELIVERING_KINDS as readonly string[]).includes(found.kind),
              ['input', 'unitIds', i],
              'Must be a Colegio Estatal, the UODCDMX or the RCEO',
            );
            check.check(unitIds.indexOf(u.id) === i, ['input', 'unitIds', i], 'The unit is repeated');
          });
          return check.issues;
        },
        data: { viabilidad: input.viabilidad.trim() },
        effects: async (tx, record) => {
          const at = Date.now();
          await tx.concertacionCapacitacionParticipante.deleteMany({ where: { concertacionCapacitacionId: record.id } });
          await tx.concertacionCapacitacionParticipante.createMany({
            // One millisecond apart, so they read back in the order named.
            data: unitIds.map((unitId, i) => ({ concertacionCapacitacionId: record.id, unitId, createdAt: new Date(at + i) })),
          });
          return { participantes: unitIds };
        },
      };
    },
  },
);
stepMutation(wf, 'returnConcertacionCapacitacion');

// Activity 5.
const SubmitInput = builder.inputType('SubmitConcertacionCapacitacionInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    propuesta: t.string({ required: true, description: 'The technical-economic proposal: courses, hours, places, people and price.' }),
    cuotaRecuperacion: t.string({ required: true, description: 'The cuota de recuperación, pesos as decimal text (above zero).' }),
    documentoIds: t.globalIDList({ required: false, description: 'The proposal as documents, uploaded to POST /documents.' }),
  }),
});
stepMutation<EstadoConcertacionCapacitacion, Keys, StepArgs & Docs & { propuesta: string; cuotaRecuperacion: string }>(
  wf,
  'submitConcertacionCapacitacion',
  {
    input: SubmitInput,
    plan: (input, ctx) => {
      const files = stepDocuments(ctx.viewer!, input.documentoIds ?? [], (i) => ['input', 'documentoIds', i]);
      const check = checkPesos(
        checkText(new InputChecker(), input.propuesta, ['input', 'propuesta']),
        input.cuotaRecuperacion,
        ['input', 'cuotaRecuperacion'],
        true,
      );
      return {
        validate: async (tx) => [...check.issues, ...(await files.validate(tx))],
        data: check.issues.length ? {} : { propuesta: input.propuesta.trim(), cuotaRecuperacion: pesos(input.cuotaRecuperacion) },
        effects: async (tx, record) => {
          const documentos = await files.attach(tx, { entity: 'ConcertacionCapacitacion', id: record.id }, 'OTRO');
          return documentos.length ? { documentos } : undefined;
        },
      };
    },
  },
);

// Activity 8 (the concertación's end, once its instrument is communicated).
stepMutation(wf, 'closeConcertacionCapacitacion', { plan: () => ({ data: { formalizadaAt: new Date() } }) });
