// 7081-MP-SI Pr-SUST-CONALEP-007-Pd-02-It-03 "Concertación de los servicios de capacitación" (seed 001,
// lines 1031-1071): the CSC (its SESC and JDCESC too) finds a prospect user, offers courses on its agenda,
// identifies the requirement and its scope, agrees its viability with the units that would deliver it,
// sets the cuota and the technical-economic proposal, and formalises it with an instrumento jurídico
// (instrumento-workflow.ts). The record belongs to the outside organisation.
import type { Tx, WorkflowRecord } from '../../lib/workflow/types.js';
import { defineWorkflow } from '../../lib/workflow/types.js';
import { unitOwnedStore } from '../../lib/workflow/stores.js';
import type { EstadoConcertacionCapacitacion, Role } from '../../generated/prisma/enums.js';
import { readableConcertacionesCapacitacion } from './rules.js';

/** The responsables of It-03 and It-04: the CSC, its Subcoordinación (SESC) and its Jefatura (JDCESC). */
export const CSC_ROLES: readonly Role[] = ['CSC', 'SESC', 'JDCESC'];

/** Activity 8 ends the concertación: one of its instruments is registered and communicated. */
async function instrumentoComunicado(tx: Tx, record: WorkflowRecord<string>): Promise<string | null> {
  const n = await tx.instrumentoJuridico.count({ where: { concertacionCapacitacionId: record.id, estado: 'COMUNICADO' } });
  return n > 0 ? null : 'No instrumento jurídico of this concertación is registered and communicated yet (activity 8)';
}

export const concertacionCapacitacionWorkflow = defineWorkflow({
  name: 'concertacion-capacitacion',
  procedure: '7081-MP-SI Pd-02-It-03',
  title: 'Concertación de los servicios de capacitación',
  entity: 'ConcertacionCapacitacion',
  store: unitOwnedStore<EstadoConcertacionCapacitacion>('concertacionCapacitacion', { readable: readableConcertacionesCapacitacion }),
  states: ['PROSPECTO', 'AGENDADA', 'EN_ANALISIS', 'VIABLE', 'PROPUESTA', 'FORMALIZADA'],
  initial: 'PROSPECTO',
  final: ['FORMALIZADA'],
  steps: {
    createConcertacionCapacitacion: {
      step: '1',
      description:
        'The CSC identifies a possible user of the training services (an outside company or institution, which owns the record): the prospect.',
      kind: 'creation',
      to: 'PROSPECTO',
      unitKinds: ['EMPRESA', 'INSTITUCION'],
      role: CSC_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    sendConcertacionCapacitacion: {
      step: '2',
      description: 'The CSC carries out its agenda to offer training courses to the user (the courses offered and the appointment).',
      kind: 'transition',
      from: ['PROSPECTO'],
      to: 'AGENDADA',
      role: CSC_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    receiveConcertacionCapacitacion: {
      step: '3',
      description: "The CSC identifies the user's requirement of training services and its scope (ámbito de competencia).",
      kind: 'transition',
      from: ['AGENDADA'],
      to: 'EN_ANALISIS',
      role: CSC_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    approveConcertacionCapacitacion: {
      step: '4',
      description:
        'The CSC agrees with the Colegios Estatales, the UODCDMX and the RCEO that would deliver it that the requirement can be met (the participating units).',
      kind: 'transition',
      from: ['EN_ANALISIS'],
      to: 'VIABLE',
      role: CSC_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    returnConcertacionCapacitacion: {
      step: '4 → 3',
      description:
        'The requirement cannot be met as identified: back to the agenda with the user to identify it again (the reason in observaciones).',
      kind: 'transition',
      from: ['EN_ANALISIS'],
      to: 'AGENDADA',
      role: CSC_ROLES,
      reach: { kind: 'owner' },
      comment: 'required',
    },
    submitConcertacionCapacitacion: {
      step: '5',
      description: 'The CSC sets the cuota de recuperación and draws up the technical-economic proposal of the requirement for the user.',
      kind: 'transition',
      from: ['VIABLE'],
      to: 'PROPUESTA',
      role: CSC_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    closeConcertacionCapacitacion: {
      step: '8',
      description:
        'The concertación is formalised: its instrumento jurídico (activities 6-8) is signed, registered by the DCAJ and communicated to the participating units.',
      kind: 'transition',
      from: ['PROPUESTA'],
      to: 'FORMALIZADA',
      role: CSC_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: instrumentoComunicado,
    },
  },
});
