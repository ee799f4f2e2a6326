// One mutation per step of the instrumento jurídico (7081-MP-SI Pd-02-It-03 activities 6-8; 8.1.5 activity 7).
// The engine checks role, reach, state and the signing order (the sign steps' guards) and writes the audit
// entry; here each step only says what it writes.
import { builder } from '../../builder.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { ParteInstrumentoJuridico, type EstadoInstrumentoJuridico } from '../../generated/prisma/enums.js';
import { stepDocuments } from '../../lib/documents/access.js';
import { InputChecker, type InputIssue } from '../../lib/errors.js';
import { checkText } from '../../lib/validation.js';
import { creationMutation, stepArgFields, stepMutation, type StepArgs } from '../../lib/workflow/mutations.js';
import type { Tx } from '../../lib/workflow/types.js';
import { ConcertacionCapacitacionRef } from './capacitacion-types.js';
import { instrumentoJuridicoWorkflow as wf } from './instrumento-workflow.js';
import { ParteInstrumentoJuridicoEnum } from './instrumento-types.js';
import { checkPesos, pesos } from './money.js';
import { ConcertacionServicioRef } from './types.js';

type Keys = keyof typeof wf.steps;
type Ref = { id: string; typename: string };
type Parte = ParteInstrumentoJuridico;

/** The parties: each once, the outside organisation's user among them and at least one party for CONALEP. */
function checkPartes(check: InputChecker, partes: readonly Parte[], path: (string | number)[]): InputChecker {
  check.check(new Set(partes).size === partes.length, path, 'A party appears twice');
  check.check(partes.includes('USUARIO_EXTERNO'), path, 'The user (USUARIO_EXTERNO) must be a signing party');
  return check.check(
    partes.some((p) => p !== 'USUARIO_EXTERNO'),
    path,
    'At least one party must sign for CONALEP',
  );
}

/** The term: both ends given together, the end not before the start. */
function checkVigencia(check: InputChecker, desde: Date | null | undefined, hasta: Date | null | undefined): InputChecker {
  return check.check(!desde || !hasta || hasta >= desde, ['input', 'vigenciaHasta'], 'Must not be before vigenciaDesde');
}

/** Adds the next version of the text: the document (uploaded by the actor, not attached yet) becomes version n + 1. */
async function addVersion(tx: Tx, instrumentoId: string, doc: ReturnType<typeof stepDocuments>, notas: string | null, personId: string) {
  await doc.attach(tx, { entity: 'InstrumentoJuridico', id: instrumentoId }, 'PROYECTO_INSTRUMENTO');
  const last = await tx.instrumentoJuridicoVersion.aggregate({ where: { instrumentoJuridicoId: instrumentoId }, _max: { numero: true } });
  const numero = (last._max.numero ?? 0) + 1;
  await tx.instrumentoJuridicoVersion.create({
    data: { instrumentoJuridicoId: instrumentoId, numero, notas, documentoId: doc.ids[0], createdById: personId },
  });
  return numero;
}

const setFirmas = (tx: Tx, instrumentoId: string, partes: readonly Parte[]) =>
  tx.firmaInstrumentoJuridico.createMany({
    data: partes.map((parte, i) => ({ instrumentoJuridicoId: instrumentoId, orden: i + 1, parte })),
  });

// Activity 6: the project, with its first version.
interface CreateArgs {
  concertacionCapacitacionId?: Ref | null;
  concertacionServicioId?: Ref | null;
  titulo: string;
  objeto: string;
  vigenciaDesde: Date;
  vigenciaHasta: Date;
  monto: string;
  partes: Parte[];
  documentoId: Ref;
  notas?: string | null;
  observaciones?: string | null;
}
const CreateInput = builder.inputType('CreateInstrumentoJuridicoInput', {
  description:
    'A project of instrumento jurídico for a concertación: of training (`concertacionCapacitacionId`) or of a service (`concertacionServicioId`), exactly one.',
  fields: (t) => ({
    concertacionCapacitacionId: t.globalID({
      required: false,
      for: ConcertacionCapacitacionRef,
      description: 'The concertación de capacitación (PROPUESTA) it formalises.',
    }),
    concertacionServicioId: t.globalID({
      required: false,
      for: ConcertacionServicioRef,
      description: 'The concertación of a technological service (RESPONDIDA to EN_EJECUCION) it formalises.',
    }),
    titulo: t.string({ required: true, description: 'The instrument (e.g. "Convenio de colaboración con …").' }),
    objeto: t.string({ required: true, description: 'Its object: what CONALEP and the user agree.' }),
    vigenciaDesde: t.field({ type: 'DateTime', required: true, description: 'Start of its term (the day counts).' }),
    vigenciaHasta: t.field({ type: 'DateTime', required: true, description: 'End of its term (the day counts); not before the start.' }),
    monto: t.string({ required: true, description: 'Its amount, pesos as decimal text with at most two decimals ("85000.00").' }),
    partes: t.field({
      type: [ParteInstrumentoJuridicoEnum],
      required: true,
      description: 'The parties that sign it, in the order they sign: each once, the user and at least one party for CONALEP.',
    }),
    documentoId: t.globalID({ required: true, description: 'Version 1 of its text, uploaded to POST /documents.' }),
    notas: t.string({ required: false, description: 'What this version says or changes.' }),
    observaciones: t.string({ required: false, description: 'Observations, kept in the audit entry.' }),
  }),
});
creationMutation<string, Keys, CreateArgs>(wf, 'createInstrumentoJuridico', {
  input: CreateInput,
  plan: (input, ctx) => {
    const origin = input.concertacionCapacitacionId
      ? { underId: input.concertacionCapacitacionId.id, underEntity: 'ConcertacionCapacitacion' }
      : input.concertacionServicioId
        ? { underId: input.concertacionServicioId.id, underEntity: 'ConcertacionServicio' }
        : {};
    const doc = stepDocuments(ctx.viewer!, [input.documentoId], () => ['input', 'documentoId']);
    const check = new InputChecker().check(
      !(input.concertacionCapacitacionId && input.concertacionServicioId),
      ['input', 'concertacionCapacitacionId'],
      'Give exactly one of concertacionCapacitacionId and concertacionServicioId',
    );
    checkText(checkText(check, input.titulo, ['input', 'titulo'], 300), input.objeto, ['input', 'objeto']);
    checkVigencia(checkPesos(check, input.monto, ['input', 'monto']), input.vigenciaDesde, input.vigenciaHasta);
    checkPartes(check, input.partes, ['input', 'partes']);
    return {
      ...origin,
      underIdPath: ['input', 'concertacionCapacitacionId'],
      comment: input.observaciones,
      validate: async (tx): Promise<InputIssue[]> => [...check.issues, ...(await doc.validate(tx))],
      create: async (tx, { unit }) => {
        const data = {
          titulo: input.titulo.trim(),
          objeto: input.objeto.trim(),
          vigenciaDesde: input.vigenciaDesde,
          vigenciaHasta: input.vigenciaHasta,
          monto: pesos(input.monto),
        };
        const { id } = await tx.instrumentoJuridico.create({
          data: {
            ...data,
            unitId: unit.id,
            concertacionCapacitacionId: input.concertacionCapacitacionId?.id ?? null,
            concertacionServicioId: input.concertacionServicioId?.id ?? null,
            createdById: ctx.viewer!.personId,
          },
          select: { id: true },
        });
        await setFirmas(tx, id, input.partes);
        const version = await addVersion(tx, id, doc, input.notas?.trim() || null, ctx.viewer!.personId);
        return { id, changes: { ...data, monto: data.monto.toFixed(2), partes: input.partes, versionTexto: version } };
      },
    };
  },
});

// Activity 6 again: a new version of the text, and corrections.
interface UpdateArgs extends StepArgs {
  documentoId: Ref;
  notas?: string | null;
  titulo?: string | null;
  objeto?: string | null;
  vigenciaDesde?: Date | null;
  vigenciaHasta?: Date | null;
  monto?: string | null;
  partes?: Parte[] | null;
}
const UpdateInput = builder.inputType('UpdateInstrumentoJuridicoInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    documentoId: t.globalID({ required: true, description: 'The new version of its text, uploaded to POST /documents.' }),
    notas: t.string({ required: false, description: 'What this version changes (e.g. the DCAJ observations it answers).' }),
    titulo: t.string({ required: false, description: 'A corrected title; unchanged when omitted.' }),
    objeto: t.string({ required: false, description: 'A corrected object; unchanged when omitted.' }),
    vigenciaDesde: t.field({ type: 'DateTime', required: false, description: 'A corrected start of its term.' }),
    vigenciaHasta: t.field({ type: 'DateTime', required: false, description: 'A corrected end of its term.' }),
    monto: t.string({ required: false, description: 'A corrected amount, pesos as decimal text.' }),
    partes: t.field({
      type: [ParteInstrumentoJuridicoEnum],
      required: false,
      description: 'The signing parties again, in their order; unchanged when omitted.',
    }),
  }),
});
stepMutation<EstadoInstrumentoJuridico, Keys, UpdateArgs>(wf, 'updateInstrumentoJuridico', {
  input: UpdateInput,
  plan: (input, ctx) => {
    const doc = stepDocuments(ctx.viewer!, [input.documentoId], () => ['input', 'documentoId']);
    const check = new InputChecker();
    if (input.titulo != null) checkText(check, input.titulo, ['input', 'titulo'], 300);
    if (input.objeto != null) checkText(check, input.objeto, ['input', 'objeto']);
    if (input.monto != null) checkPesos(check, input.monto, ['input', 'monto']);
    if (input.partes != null) checkPartes(check, input.partes, ['input', 'partes']);
    const data: Prisma.InstrumentoJuridicoUpdateInput = {};
    if (!check.issues.length) {
      if (input.titulo != null) data.titulo = input.titulo.trim();
      if (input.objeto != null) data.objeto = input.objeto.trim();
      if (input.vigenciaDesde) data.vigenciaDesde = input.vigenciaDesde;
      if (input.vigenciaHasta) data.vigenciaHasta = input.vigenciaHasta;
      if (input.monto != null) data.monto = pesos(input.monto);
    }
    return {
      validate: async (tx, record) => {
        const current = await tx.instrumentoJuridico.findUniqueOrThrow({
          where: { id: record.id },
          select: { vigenciaDesde: true, vigenciaHasta: true },
        });
        checkVigencia(check, input.vigenciaDesde ?? current.vigenciaDesde, input.vigenciaHasta ?? current.vigenciaHasta);
        return [...check.issues, ...(await doc.validate(tx))];
      },
      data,
      effects: async (tx, record) => {
        if (input.partes) {
          await tx.firmaInstrumentoJuridico.deleteMany({ where: { instrumentoJuridicoId: record.id } });
          await setFirmas(tx, record.id, input.partes);
        }
        const version = await addVersion(tx, record.id, doc, input.notas?.trim() || null, ctx.viewer!.personId);
        return { versionTexto: version, ...(input.partes ? { partes: input.partes } : {}) };
      },
    };
  },
});

// Activity 7: dictamen of the DCAJ (favourable, or observations back to 6), validation by the user.
stepMutation(wf, 'submitInstrumentoJuridico');
const ApproveAsDcajInput = builder.inputType('ApproveInstrumentoJuridicoAsDcajInput', {
  fields: (t) => ({ ...stepArgFields(t), dictamen: t.string({ required: true, description: "The DCAJ's favourable dictamen." }) }),
});
stepMutation<EstadoInstrumentoJuridico, Keys, StepArgs & { dictamen: string }>(wf, 'approveInstrumentoJuridicoAsDcaj', {
  input: ApproveAsDcajInput,
  plan: (input) => ({
    validate: () => checkText(new InputChecker(), input.dictamen, ['input', 'dictamen']).issues,
    data: { dictamen: input.dictamen.trim() },
  }),
});
stepMutation(wf, 'returnInstrumentoJuridicoAsDcaj');
stepMutation(wf, 'approveInstrumentoJuridicoAsUsuarioExterno');
stepMutation(wf, 'returnInstrumentoJuridicoAsUsuarioExterno');

// Activity 7: the signatures, each in its turn (the guards of the declaration refuse one out of order).
const sign = (parte: Parte) => ({
  plan: (_input: StepArgs, ctx: { viewer: { personId: string } | null }) => ({
    effects: async (tx: Tx, record: { id: string }) => {
      const firmadoAt = new Date();
      await tx.firmaInstrumentoJuridico.update({
        where: { instrumentoJuridicoId_parte: { instrumentoJuridicoId: record.id, parte } },
        data: { firmadoAt, firmadoPorId: ctx.viewer!.personId },
      });
      return { firma: parte, firmadoAt: firmadoAt.toISOString() };
    },
  }),
});
stepMutation(wf, 'signInstrumentoJuridicoAsUsuarioExterno', sign(ParteInstrumentoJuridico.USUARIO_EXTERNO));
stepMutation(wf, 'signInstrumentoJuridicoAsDstc', sign(ParteInstrumentoJuridico.DSTC));
stepMutation(wf, 'signInstrumentoJuridicoAsDirectorGeneralNacional', sign(ParteInstrumentoJuridico.DIRECTOR_GENERAL_NACIONAL));

// Activity 8: to the DCAJ with the signed copy, registered, communicated.
const SendToDcajInput = builder.inputType('SendInstrumentoJuridicoToDcajInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    documentoIds: t.globalIDList({ required: false, description: 'The instrument signed by the parties, uploaded to POST /documents.' }),
  }),
});
stepMutation<EstadoInstrumentoJuridico, Keys, StepArgs & { documentoIds?: Ref[] | null }>(wf, 'sendInstrumentoJuridicoToDcaj', {
  input: SendToDcajInput,
  plan: (input, ctx) => {
    const files = stepDocuments(ctx.viewer!, input.documentoIds ?? [], (i) => ['input', 'documentoIds', i]);
    return {
      validate: (tx) => files.validate(tx),
      effects: async (tx, record) => {
        const documentos = await files.attach(tx, { entity: 'InstrumentoJuridico', id: record.id }, 'INSTRUMENTO_FIRMADO');
        return documentos.length ? { documentos } : undefined;
      },
    };
  },
});
const RegisterInput = builder.inputType('RegisterInstrumentoJuridicoInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    numeroRegistro: t.string({ required: true, description: "The DCAJ's registry number; no other instrument has it." }),
  }),
});
stepMutation<EstadoInstrumentoJuridico, Keys, StepArgs & { numeroRegistro: string }>(wf, 'registerInstrumentoJuridico', {
  input: RegisterInput,
  plan: (input) => ({
    validate: async (tx, record) => {
      const check = checkText(new InputChecker(), input.numeroRegistro, ['input', 'numeroRegistro'], 100);
      if (check.issues.length) return check.issues;
      const taken = await tx.instrumentoJuridico.count({ where: { numeroRegistro: input.numeroRegistro.trim(), id: { not: record.id } } });
      return check.check(taken === 0, ['input', 'numeroRegistro'], 'Another instrument already has this registry number').issues;
    },
    data: { numeroRegistro: input.numeroRegistro.trim(), registradoAt: new Date() },
  }),
});
stepMutation(wf, 'publishInstrumentoJuridico', { plan: () => ({ data: { comunicadoAt: new Date() } }) });
