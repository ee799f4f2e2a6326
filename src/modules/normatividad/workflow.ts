// 7081-MP-SI, 8.1.6 "Normatividad": how the normativa regulating technological
// services is updated. Step numbers are the manual's.
import { defineWorkflow } from '../../lib/workflow/types.js';
import { unitOwnedStore } from '../../lib/workflow/stores.js';
import type { EstadoNormativo } from '../../generated/prisma/enums.js';
import { readableProyectos } from './rules.js';

export const STATES = [
  'NECESIDAD_IDENTIFICADA',
  'SOLICITADO_A_CST',
  'EN_COMENTARIOS_CAST',
  'EN_ELABORACION',
  'EN_REVISION_DSTC',
  'EN_REVISION_DCAJ',
  'APROBADO_REGISTRADO',
  'REMITIDO_A_CAST',
  'CERRADO',
] as const satisfies readonly EstadoNormativo[];

export const normatividadWorkflow = defineWorkflow({
  name: 'normatividad',
  procedure: '7081-MP-SI 8.1.6',
  title: 'Normatividad de los servicios tecnológicos',
  entity: 'ProyectoNormativo',
  store: unitOwnedStore('proyectoNormativo', {
    readable: readableProyectos,
    addressees: { relation: 'destinatarios', purpose: 'fin' },
    only: { tipo: 'SERVICIOS_TECNOLOGICOS' },
  }),
  states: STATES,
  initial: 'NECESIDAD_IDENTIFICADA',
  final: ['CERRADO'],
  steps: {
    createProyectoNormativo: {
      step: '1',
      description: 'DSTC identifies the need to modify and update the normativa.',
      kind: 'creation',
      to: 'NECESIDAD_IDENTIFICADA',
      unitKinds: ['DIRECCION_NACIONAL'],
      role: 'DSTC',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    sendProyectoNormativoToCst: {
      step: '2',
      description: 'DSTC asks the CST to update and draft the normative project.',
      kind: 'transition',
      from: ['NECESIDAD_IDENTIFICADA'],
      to: 'SOLICITADO_A_CST',
      role: 'DSTC',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    sendProyectoNormativoToCast: {
      step: '3',
      description: 'CST receives the request and sends it to CAST for comments.',
      kind: 'transition',
      from: ['SOLICITADO_A_CST'],
      to: 'EN_COMENTARIOS_CAST',
      role: 'CST',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    submitProyectoNormativoAsCast: {
      step: '4',
      description: 'A consulted CAST checks the content and sends its observations.',
      kind: 'action',
      in: ['EN_COMENTARIOS_CAST'],
      role: 'CAST',
      reach: { kind: 'addressee', purpose: 'COMENTARIOS' },
      comment: 'required',
    },
    receiveProyectoNormativoAsCst: {
      step: '5',
      description: 'CST receives the observations and drafts the normative project.',
      kind: 'transition',
      from: ['EN_COMENTARIOS_CAST'],
      to: 'EN_ELABORACION',
      role: 'CST',
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: async (tx, record) =>
        (await tx.workflowTransition.count({
          where: { workflow: 'normatividad', recordId: record.id, transition: 'submitProyectoNormativoAsCast' },
        })) > 0
          ? null
          : 'No CAST has sent observations yet (step 4 comes before step 5)',
    },
    submitProyectoNormativoAsCst: {
      step: '5-6',
      description: 'CST delivers the drafted document to the DSTC for review.',
      kind: 'transition',
      from: ['EN_ELABORACION'],
      to: 'EN_REVISION_DSTC',
      role: 'CST',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    approveProyectoNormativoAsDstc: {
      step: '6-7',
      description: 'DSTC review is favourable: the project goes to the DCAJ.',
      kind: 'transition',
      from: ['EN_REVISION_DSTC'],
      to: 'EN_REVISION_DCAJ',
      role: 'DSTC',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    returnProyectoNormativoAsDstc: {
      step: '6 → 5',
      description: 'DSTC review is not favourable: back to drafting, with observations.',
      kind: 'transition',
      from: ['EN_REVISION_DSTC'],
      to: 'EN_ELABORACION',
      role: 'DSTC',
      reach: { kind: 'owner' },
      comment: 'required',
    },
    approveProyectoNormativoAsDcaj: {
      step: '8-9',
      description: 'DCAJ finds the project technically and legally viable, approves and registers it, and notifies the DSTC.',
      kind: 'transition',
      from: ['EN_REVISION_DCAJ'],
      to: 'APROBADO_REGISTRADO',
      role: 'DCAJ',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    returnProyectoNormativoAsDcaj: {
      step: '8 → 5',
      description: 'DCAJ finds the project not viable: back to drafting, with observations.',
      kind: 'transition',
      from: ['EN_REVISION_DCAJ'],
      to: 'EN_ELABORACION',
      role: 'DCAJ',
      reach: { kind: 'owner' },
      comment: 'required',
    },
    publishProyectoNormativo: {
      step: '10-11',
      description: 'DSTC receives the approval and sends the new lineamientos to the CAST.',
      kind: 'transition',
      from: ['APROBADO_REGISTRADO'],
      to: 'REMITIDO_A_CAST',
      role: 'DSTC',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    receiveProyectoNormativoAsCast: {
      step: '12',
      description: 'A CAST acknowledges the updated lineamientos for application.',
      kind: 'action',
      in: ['REMITIDO_A_CAST'],
      role: 'CAST',
      reach: { kind: 'addressee', purpose: 'APLICACION' },
      comment: 'optional',
    },
    closeProyectoNormativo: {
      step: '13',
      description:
        "DSTC records the working meeting with CAST directors (It-01) where the lineamientos were presented: the semester's ReunionTrabajoCast, held and recorded.",
      kind: 'transition',
      from: ['REMITIDO_A_CAST'],
      to: 'CERRADO',
      role: 'DSTC',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
  },
});

export type NormatividadStep = keyof typeof normatividadWorkflow.steps;
