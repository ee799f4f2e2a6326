// The instrumento jurídico that formalises a concertación: 7081-MP-SI Pd-02-It-03 activities 6-8 (seed 001,
// lines 1053-1062) for training, and the commitments of 8.1.5 activity 7 (line 692) for a technological
// service. Drafted with the user in versions of its text (documents), dictaminado by the DCAJ (with
// observations → back to drafting), validated by the user, signed by its parties in the order it names,
// registered by the DCAJ (its registry number) and communicated to the participants. Owned by the outside
// organisation, like the concertación it formalises.
import type { Tx, WorkflowRecord } from '../../lib/workflow/types.js';
import { defineWorkflow } from '../../lib/workflow/types.js';
import { unitOwnedStore } from '../../lib/workflow/stores.js';
import type { EstadoInstrumentoJuridico, ParteInstrumentoJuridico, Role } from '../../generated/prisma/enums.js';
import { concertacionServicioWorkflow } from './workflow.js';
import { concertacionCapacitacionWorkflow } from './capacitacion-workflow.js';
import { readableInstrumentosJuridicos } from './rules.js';

/** Who drafts and carries the instrument: the CSC (SESC, JDCESC) for training, the CST for a technological service. */
export const GESTORES: readonly Role[] = ['CST', 'CSC', 'SESC', 'JDCESC'];

/** The signature of `parte` is next: every party before it in the instrument's order has signed, and it has not. */
const turnOf =
  (parte: ParteInstrumentoJuridico) =>
  async (tx: Tx, record: WorkflowRecord<string>): Promise<string | null> => {
    const firmas = await tx.firmaInstrumentoJuridico.findMany({
      where: { instrumentoJuridicoId: record.id },
      orderBy: { orden: 'asc' },
      select: { orden: true, parte: true, firmadoAt: true },
    });
    const mine = firmas.find((f) => f.parte === parte);
    if (!mine) return `The instrument does not name ${parte} among its signing parties`;
    if (mine.firmadoAt) return `${parte} has already signed the instrument`;
    const pending = firmas.find((f) => f.orden < mine.orden && !f.firmadoAt);
    return pending ? `${pending.parte} signs before ${parte} (signature ${mine.orden} of ${firmas.length})` : null;
  };

/** Activity 8 follows the signatures: every party the instrument names has signed. */
async function todasFirmadas(tx: Tx, record: WorkflowRecord<string>): Promise<string | null> {
  const pendientes = await tx.firmaInstrumentoJuridico.findMany({
    where: { instrumentoJuridicoId: record.id, firmadoAt: null },
    orderBy: { orden: 'asc' },
    select: { parte: true },
  });
  return pendientes.length ? `Signatures missing: ${pendientes.map((f) => f.parte).join(', ')}` : null;
}

export const instrumentoJuridicoWorkflow = defineWorkflow({
  name: 'instrumento-juridico',
  procedure: '7081-MP-SI Pd-02-It-03 6-8, 8.1.5 7',
  title: 'Instrumento jurídico de una concertación',
  entity: 'InstrumentoJuridico',
  store: unitOwnedStore<EstadoInstrumentoJuridico>('instrumentoJuridico', { readable: readableInstrumentosJuridicos }),
  states: ['EN_ELABORACION', 'EN_DICTAMEN', 'DICTAMINADO', 'EN_FIRMA', 'EN_REGISTRO', 'REGISTRADO', 'COMUNICADO'],
  initial: 'EN_ELABORACION',
  final: ['COMUNICADO'],
  steps: {
    createInstrumentoJuridico: {
      step: '6 (It-03); 7 (8.1.5)',
      description:
        'The CSC (or, for a technological service, the CST) drafts with the user a project of instrumento jurídico: its object, term, amount, the parties that sign it in order, and the first version of its text (a document).',
      kind: 'creation',
      to: 'EN_ELABORACION',
      role: GESTORES,
      reach: { kind: 'owner' },
      comment: 'optional',
      under: {
        subject: [
          { entity: concertacionCapacitacionWorkflow.entity, store: concertacionCapacitacionWorkflow.store, states: ['PROPUESTA'] },
          {
            entity: concertacionServicioWorkflow.entity,
            store: concertacionServicioWorkflow.store,
            states: ['RESPONDIDA', 'CONCERTADA', 'EN_EJECUCION'],
          },
        ],
        description: 'the concertación it formalises: of training (PROPUESTA) or of a technological service (RESPONDIDA to EN_EJECUCION)',
      },
    },
    updateInstrumentoJuridico: {
      step: '6',
      description:
        'A new version of the text agreed with the user (a document; versions are numbered from 1), and corrections to its object, term, amount or signing parties.',
      kind: 'action',
      in: ['EN_ELABORACION'],
      role: GESTORES,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    submitInstrumentoJuridico: {
      step: '7',
      description: 'The instrument, as last drafted, goes to the DCAJ for its dictamen.',
      kind: 'transition',
      from: ['EN_ELABORACION'],
      to: 'EN_DICTAMEN',
      role: GESTORES,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    approveInstrumentoJuridicoAsDcaj: {
      step: '7',
      description: 'The DCAJ gives a favourable dictamen of the instrument (its text).',
      kind: 'transition',
      from: ['EN_DICTAMEN'],
      to: 'DICTAMINADO',
      role: 'DCAJ',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    returnInstrumentoJuridicoAsDcaj: {
      step: '7 → 6',
      description: 'The DCAJ makes observations on the instrument: back to drafting with the user (observaciones).',
      kind: 'transition',
      from: ['EN_DICTAMEN'],
      to: 'EN_ELABORACION',
      role: 'DCAJ',
      reach: { kind: 'owner' },
      comment: 'required',
    },
    approveInstrumentoJuridicoAsUsuarioExterno: {
      step: '7',
      description: 'The user (a person of the outside organisation) validates the instrument as dictaminado: it goes to signature.',
      kind: 'transition',
      from: ['DICTAMINADO'],
      to: 'EN_FIRMA',
      role: 'USUARIO_EXTERNO',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    returnInstrumentoJuridicoAsUsuarioExterno: {
      step: '7 → 6',
      description: 'The user does not validate the instrument: back to drafting (observaciones), then to a new dictamen.',
      kind: 'transition',
      from: ['DICTAMINADO'],
      to: 'EN_ELABORACION',
      role: 'USUARIO_EXTERNO',
      reach: { kind: 'owner' },
      comment: 'required',
    },
    signInstrumentoJuridicoAsUsuarioExterno: {
      step: '7',
      description: "The user's signature for the outside organisation, in its turn among the parties the instrument names.",
      kind: 'action',
      in: ['EN_FIRMA'],
      role: 'USUARIO_EXTERNO',
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: turnOf('USUARIO_EXTERNO'),
    },
    signInstrumentoJuridicoAsDstc: {
      step: '7',
      description: "The DSTC's signature for CONALEP, in its turn among the parties the instrument names.",
      kind: 'action',
      in: ['EN_FIRMA'],
      role: 'DSTC',
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: turnOf('DSTC'),
    },
    signInstrumentoJuridicoAsDirectorGeneralNacional: {
      step: '7',
      description: "The Director General's signature for CONALEP, in its turn among the parties the instrument names.",
      kind: 'action',
      in: ['EN_FIRMA'],
      role: 'DIRECTOR_GENERAL_NACIONAL',
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: turnOf('DIRECTOR_GENERAL_NACIONAL'),
    },
    sendInstrumentoJuridicoToDcaj: {
      step: '8',
      description: 'Signed by every party, the instrument goes to the DCAJ for its registration (the signed copy as a document).',
      kind: 'transition',
      from: ['EN_FIRMA'],
      to: 'EN_REGISTRO',
      role: GESTORES,
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: todasFirmadas,
    },
    registerInstrumentoJuridico: {
      step: '8',
      description: 'The DCAJ registers the signed instrument and gives it its registry number (unique).',
      kind: 'transition',
      from: ['EN_REGISTRO'],
      to: 'REGISTRADO',
      role: 'DCAJ',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    publishInstrumentoJuridico: {
      step: '8',
      description:
        'The CSC (or CST) communicates the registered instrument to the participants: the Colegios Estatales, UODCDMX and RCEO that deliver the training, or the CAST of the service.',
      kind: 'transition',
      from: ['REGISTRADO'],
      to: 'COMUNICADO',
      role: GESTORES,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
  },
});
