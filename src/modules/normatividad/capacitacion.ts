// 7081-MP-SI Pd-02-It-01 "Normativa de los servicios de capacitación" (seed 001,
// lines 951-969), started by 8.2.6 steps 1-2 (lines 914-915): the CSC, its SESC
// or its JDCESC identify the need and draft the project, submit it to the
// GT-COMERI, gather the consensual contributions of the Colegios Estatales,
// UODCDMX and RCEO, take it to the COMERI for approval (or back to drafting),
// disseminate it, brief the responsables and follow up its application.
//
// The same record as 8.1.6 (`ProyectoNormativo`, `tipo: CAPACITACION`): one
// mechanism (addressees, drafted document, registration, meeting evidence),
// two declared procedures. Each store owns only its `tipo`, so a step of one
// procedure never moves a project of the other.
import { defineWorkflow, type Tx, type WorkflowRecord } from '../../lib/workflow/types.js';
import { unitOwnedStore } from '../../lib/workflow/stores.js';
import type { EstadoNormativo, Role } from '../../generated/prisma/enums.js';
import { readableProyectos } from './rules.js';

export const CAPACITACION_STATES = [
  'EN_ELABORACION',
  'EN_REVISION_GT_COMERI',
  'EN_CONSENSO',
  'EN_REVISION_COMERI',
  'APROBADO_COMERI',
  'DIFUNDIDO',
  'CERRADO',
] as const satisfies readonly EstadoNormativo[];

/** "CSC / SESC / JDCESC": every activity of the instruction names the three. */
export const CSC_ROLES: readonly Role[] = ['CSC', 'SESC', 'JDCESC'];

/** Step 4 comes before step 5: at least one state office has contributed. */
async function consensusReached(tx: Tx, record: WorkflowRecord<string>): Promise<string | null> {
  const n = await tx.aportacionNormativa.count({ where: { proyectoId: record.id } });
  return n > 0 ? null : 'No Colegio Estatal, UODCDMX or RCEO has contributed yet (step 4 comes before step 5)';
}

export const normativaCapacitacionWorkflow = defineWorkflow({
  name: 'normativa-capacitacion',
  procedure: '7081-MP-SI Pd-02-It-01',
  title: 'Normativa de los servicios de capacitación',
  entity: 'ProyectoNormativo',
  store: unitOwnedStore('proyectoNormativo', {
    readable: readableProyectos,
    addressees: { relation: 'destinatarios', purpose: 'fin' },
    only: { tipo: 'CAPACITACION' },
  }),
  states: CAPACITACION_STATES,
  initial: 'EN_ELABORACION',
  final: ['CERRADO'],
  steps: {
    createProyectoNormativoCapacitacion: {
      step: '1-2',
      description:
        'On the DSTC instruction (8.2.6 steps 1-2), the CSC / SESC / JDCESC identify the need to update the training normativa and draft the project.',
      kind: 'creation',
      to: 'EN_ELABORACION',
      unitKinds: ['COORDINACION_NACIONAL'],
      role: CSC_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    submitProyectoNormativoCapacitacion: {
      step: '3',
      description: 'The drafted project (document URL) is submitted to the GT-COMERI for review; also after a return.',
      kind: 'transition',
      from: ['EN_ELABORACION'],
      to: 'EN_REVISION_GT_COMERI',
      role: CSC_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    approveProyectoNormativoCapacitacionAsGtComeri: {
      step: '3',
      description: 'The GT-COMERI review is favourable: the project goes to consensus with the state offices.',
      kind: 'transition',
      from: ['EN_REVISION_GT_COMERI'],
      to: 'EN_CONSENSO',
      role: 'GT_COMERI',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    returnProyectoNormativoCapacitacionAsGtComeri: {
      step: '3 → 2',
      description: 'The GT-COMERI returns the project to drafting, with observations.',
      kind: 'transition',
      from: ['EN_REVISION_GT_COMERI'],
      to: 'EN_ELABORACION',
      role: 'GT_COMERI',
      reach: { kind: 'owner' },
      comment: 'required',
    },
    sendProyectoNormativoCapacitacion: {
      step: '4',
      description:
        'The project is sent to Colegios Estatales, the UODCDMX and the RCEO for their consensual contributions (may be repeated).',
      kind: 'action',
      in: ['EN_CONSENSO'],
      role: CSC_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    addAportacionNormativa: {
      step: '4',
      description: 'A Colegio Estatal, the UODCDMX or the RCEO the project was sent to records its contribution.',
      kind: 'action',
      in: ['EN_CONSENSO'],
      role: 'ENLACE_CAPACITACION',
      reach: { kind: 'addressee', purpose: 'APORTACIONES' },
      comment: 'optional',
    },
    sendProyectoNormativoCapacitacionToComeri: {
      step: '5',
      description: 'With the contributions taken in, the project is taken to the COMERI for approval.',
      kind: 'transition',
      from: ['EN_CONSENSO'],
      to: 'EN_REVISION_COMERI',
      role: CSC_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: consensusReached,
    },
    approveProyectoNormativoCapacitacionAsComeri: {
      step: '5',
      description: 'The COMERI approves the normativa and gives its agreement number.',
      kind: 'transition',
      from: ['EN_REVISION_COMERI'],
      to: 'APROBADO_COMERI',
      role: 'COMERI',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    returnProyectoNormativoCapacitacionAsComeri: {
      step: '5 → 2',
      description: 'The COMERI does not approve: back to drafting, with observations.',
      kind: 'transition',
      from: ['EN_REVISION_COMERI'],
      to: 'EN_ELABORACION',
      role: 'COMERI',
      reach: { kind: 'owner' },
      comment: 'required',
    },
    publishProyectoNormativoCapacitacion: {
      step: '6',
      description: 'The authorised normativa is disseminated to the CONALEP system (Colegios Estatales, UODCDMX, RCEO) for application.',
      kind: 'transition',
      from: ['APROBADO_COMERI'],
      to: 'DIFUNDIDO',
      role: CSC_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    receiveProyectoNormativoCapacitacion: {
      step: '6',
      description: 'A state office acknowledges the normativa for application.',
      kind: 'action',
      in: ['DIFUNDIDO'],
      role: 'ENLACE_CAPACITACION',
      reach: { kind: 'addressee', purpose: 'APLICACION' },
      comment: 'optional',
    },
    closeProyectoNormativoCapacitacion: {
      step: '7-8',
      description:
        'The responsables of training services are briefed on the updated normativa (meeting and evidence), and how its application is followed up is recorded.',
      kind: 'transition',
      from: ['DIFUNDIDO'],
      to: 'CERRADO',
      role: CSC_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
  },
});
