// 7081-MP-SI Pr-SUST-CONALEP-007-Pd-02-It-04 "Coordinación Nacional de los Servicios de Capacitación" (seed
// 001, lines 1083-1117): once a concertación de capacitación is formalised, the CSC (its SESC and JDCESC too)
// notifies the Colegios Estatales, UODCDMX and RCEO that take part, validates the didactic materials with the
// user, follows the delivery, integrates the portafolio de evidencias; then validates the cuota, has the DAF
// issue the CFDI, follows the payment, integrates the participants' CFDIs, asks the DAF for the derrama and
// notifies it. The record belongs to the outside organisation; the participating units read it.
import type { Tx, WorkflowRecord } from '../../lib/workflow/types.js';
import { defineWorkflow } from '../../lib/workflow/types.js';
import { unitOwnedStore } from '../../lib/workflow/stores.js';
import type { EstadoCoordinacionCapacitacion } from '../../generated/prisma/enums.js';
import { CSC_ROLES, concertacionCapacitacionWorkflow } from './capacitacion-workflow.js';
import { readableCoordinacionesCapacitacion } from './rules.js';

/** Activity 4 follows activity 2: the materials were validated with the user. */
async function materialesValidados(tx: Tx, record: WorkflowRecord<string>): Promise<string | null> {
  const c = await tx.coordinacionCapacitacion.findUniqueOrThrow({ where: { id: record.id }, select: { validacionMateriales: true } });
  return c.validacionMateriales ? null : 'The didactic materials have not been validated with the user yet (activity 2)';
}

export const coordinacionCapacitacionWorkflow = defineWorkflow({
  name: 'coordinacion-capacitacion',
  procedure: '7081-MP-SI Pd-02-It-04',
  title: 'Coordinación nacional de los servicios de capacitación',
  entity: 'CoordinacionCapacitacion',
  store: unitOwnedStore<EstadoCoordinacionCapacitacion>('coordinacionCapacitacion', { readable: readableCoordinacionesCapacitacion }),
  states: ['EN_COORDINACION', 'PORTAFOLIO_INTEGRADO', 'CFDI_SOLICITADO', 'FACTURADA', 'PAGADA', 'DERRAMA_SOLICITADA', 'DERRAMA_NOTIFICADA'],
  initial: 'EN_COORDINACION',
  final: ['DERRAMA_NOTIFICADA'],
  steps: {
    createCoordinacionCapacitacion: {
      step: '1',
      description:
        'The CSC notifies in writing the Colegios Estatales, UODCDMX and RCEO taking part of the training actions agreed with the user, and coordinates the development of the didactic and instructional materials.',
      kind: 'creation',
      to: 'EN_COORDINACION',
      role: CSC_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
      under: {
        subject: [
          { entity: concertacionCapacitacionWorkflow.entity, store: concertacionCapacitacionWorkflow.store, states: ['FORMALIZADA'] },
        ],
        description: 'the concertación de capacitación it coordinates, FORMALIZADA (one coordination per concertación)',
      },
    },
    updateCoordinacionCapacitacion: {
      step: '2-3',
      description:
        'The CSC records the validation of the didactic and instructional materials with the user (activity 2) and its follow-up of the delivery at the participating units (activity 3), with documents.',
      kind: 'action',
      in: ['EN_COORDINACION'],
      role: CSC_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    submitCoordinacionCapacitacion: {
      step: '4',
      description: 'The CSC integrates, checks and agrees with the user the portafolio de evidencias (documents).',
      kind: 'transition',
      from: ['EN_COORDINACION'],
      to: 'PORTAFOLIO_INTEGRADO',
      role: CSC_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: materialesValidados,
    },
    sendCoordinacionCapacitacionToDaf: {
      step: '5-6',
      description:
        'The CSC validates with the user and the participating units the cuota de recuperación earned (activity 5) and asks the DAF to issue the CFDI to charge it to the user (activity 6).',
      kind: 'transition',
      from: ['PORTAFOLIO_INTEGRADO'],
      to: 'CFDI_SOLICITADO',
      role: CSC_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    receiveCoordinacionCapacitacion: {
      step: '6',
      description: 'The CSC receives the CFDI the DAF issued (its folio fiscal and its file), to charge the user.',
      kind: 'transition',
      from: ['CFDI_SOLICITADO'],
      to: 'FACTURADA',
      role: CSC_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    approveCoordinacionCapacitacion: {
      step: '7',
      description:
        'The CSC verifies with the user and the DAF that the cuota was paid (exactly the cuota invoiced, recorded once): the payment, its reference and date.',
      kind: 'transition',
      from: ['FACTURADA'],
      to: 'PAGADA',
      role: CSC_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    assignCoordinacionCapacitacion: {
      step: '8',
      description:
        'The CSC integrates and validates the CFDIs of the participating units and asks the DAF to distribute the cuota (the derrama): one part per unit, adding up exactly to the payment.',
      kind: 'transition',
      from: ['PAGADA'],
      to: 'DERRAMA_SOLICITADA',
      role: CSC_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    closeCoordinacionCapacitacion: {
      step: '9',
      description: 'The CSC notifies in writing the participating units of the derrama of the cuota, each of its part.',
      kind: 'transition',
      from: ['DERRAMA_SOLICITADA'],
      to: 'DERRAMA_NOTIFICADA',
      role: CSC_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
  },
});
