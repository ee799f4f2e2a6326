// 7081-MP-SI Pd-01-It-01 "Reunión de Trabajo con directores de CAST y
// Responsables de los Servicios Tecnológicos en planteles. Virtual o
// Presencial": once a semester the CST identifies what the CAST and the
// technological-service heads need, prepares a programme, invites them, holds
// the meeting and records its results, agreements and evidence. Every
// activity is the CST's. Step numbers are the manual's (seed 001, lines 709-750).
import { defineWorkflow } from '../../lib/workflow/types.js';
import { unitOwnedStore } from '../../lib/workflow/stores.js';
import type { EstadoAcuerdoReunion, EstadoReunionTrabajoCast } from '../../generated/prisma/enums.js';
import type { Tx, WorkflowRecord } from '../../lib/workflow/types.js';
import { readableAcuerdosReunion, readableReunionesTrabajoCast } from './rules.js';

export const STATES = ['EN_PREPARACION', 'CONVOCADA', 'CERRADA'] as const satisfies readonly EstadoReunionTrabajoCast[];

/** Steps 2-5 come before step 6: what is still missing to invite, or null. */
async function readyToInvite(tx: Tx, record: WorkflowRecord<string>): Promise<string | null> {
  const r = await tx.reunionTrabajoCast.findUniqueOrThrow({
    where: { id: record.id },
    select: { gestiones: true, programa: true, logistica: true, modalidad: true, fechaProgramada: true, materialUrl: true },
  });
  const missing = [
    r.gestiones ? null : 'gestiones (step 2)',
    r.programa ? null : 'programa (step 3)',
    r.logistica && r.modalidad && r.fechaProgramada ? null : 'logistica, modalidad and fechaProgramada (step 4)',
    r.materialUrl ? null : 'materialUrl (step 5)',
  ].filter((m) => m !== null);
  return missing.length ? `Record before inviting: ${missing.join('; ')}` : null;
}

/** Step 8: the agreements and commitments are recorded before the meeting is closed. */
async function hasAgreements(tx: Tx, record: WorkflowRecord<string>): Promise<string | null> {
  const n = await tx.acuerdoReunion.count({ where: { reunionTrabajoCastId: record.id } });
  return n > 0 ? null : 'Record at least one agreement (createAcuerdoReunion) before closing the meeting';
}

const reunionTrabajoCastStore = unitOwnedStore<EstadoReunionTrabajoCast>('reunionTrabajoCast', {
  readable: readableReunionesTrabajoCast,
  addressees: { relation: 'destinatarios', purpose: 'fin' },
});

export const reunionTrabajoCastWorkflow = defineWorkflow({
  name: 'reunion-trabajo-cast',
  procedure: '7081-MP-SI Pd-01-It-01',
  title: 'Reunión de trabajo con directores de CAST y responsables de los servicios tecnológicos',
  entity: 'ReunionTrabajoCast',
  store: reunionTrabajoCastStore,
  states: STATES,
  initial: 'EN_PREPARACION',
  final: ['CERRADA'],
  steps: {
    createReunionTrabajoCast: {
      step: '1',
      description:
        'CST identifies what CAST and plantel directors and technological-service heads need to improve their processes (one meeting per semester).',
      kind: 'creation',
      to: 'EN_PREPARACION',
      unitKinds: ['COORDINACION_NACIONAL'],
      role: 'CST',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    updateReunionTrabajoCast: {
      step: '2-5',
      description:
        'CST records the administrative arrangements (2), the work programme from the needs and the requests of CE, UODCDMX and RCEO (3), the logistics (4) and the instructional material (5).',
      kind: 'action',
      in: ['EN_PREPARACION', 'CONVOCADA'],
      role: 'CST',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    sendReunionTrabajoCast: {
      step: '6',
      description:
        'CST invites the CAST directors and the technological-service heads of CE, UODCDMX and RCEO; the invited units see the meeting.',
      kind: 'transition',
      from: ['EN_PREPARACION'],
      to: 'CONVOCADA',
      role: 'CST',
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: readyToInvite,
    },
    closeReunionTrabajoCast: {
      step: '7-8',
      description:
        'CST holds the meeting (in person or virtually) and records the results, with evidence (screenshots, attendance lists or minutes); its agreements are recorded first (createAcuerdoReunion).',
      kind: 'transition',
      from: ['CONVOCADA'],
      to: 'CERRADA',
      role: 'CST',
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: hasAgreements,
    },
  },
});

export type ReunionTrabajoCastStep = keyof typeof reunionTrabajoCastWorkflow.steps;

export const ACUERDO_STATES = ['PENDIENTE', 'CUMPLIDO'] as const satisfies readonly EstadoAcuerdoReunion[];

/**
 * It-01 step 8 "establecer acuerdos y compromisos … para su seguimiento y
 * realización": each agreement of a working meeting, with the unit responsible
 * and its due date, followed by the CST until it is fulfilled. An agreement
 * still PENDIENTE after its due date is overdue (`vencido`).
 */
export const acuerdoReunionWorkflow = defineWorkflow({
  name: 'acuerdo-reunion',
  procedure: '7081-MP-SI Pd-01-It-01',
  title: 'Acuerdos y compromisos de la reunión de trabajo',
  entity: 'AcuerdoReunion',
  store: unitOwnedStore('acuerdoReunion', {
    readable: readableAcuerdosReunion,
    addressees: { relation: 'destinatarios', purpose: 'fin' },
  }),
  states: ACUERDO_STATES,
  initial: 'PENDIENTE',
  final: ['CUMPLIDO'],
  steps: {
    createAcuerdoReunion: {
      step: '8',
      description: 'CST records an agreement or commitment of the meeting, with the unit responsible and its due date.',
      kind: 'creation',
      to: 'PENDIENTE',
      under: {
        subject: { entity: 'ReunionTrabajoCast', store: reunionTrabajoCastStore, states: ['CONVOCADA'] },
        description: 'a working meeting already convened (CONVOCADA)',
      },
      role: 'CST',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    closeAcuerdoReunion: {
      step: '8',
      description: 'CST records that the agreement was fulfilled, with its result.',
      kind: 'transition',
      from: ['PENDIENTE'],
      to: 'CUMPLIDO',
      role: 'CST',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
  },
});
