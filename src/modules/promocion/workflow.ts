// 15-528-PO-26 "Concertación de Servicios" (CONALEP Estado de México), section 10:
// the ECE's promotion and diffusion cycle. Step numbers are the manual's.
import { defineWorkflow } from '../../lib/workflow/types.js';

/** Steps 1-2: the state's Plan de Trabajo Anual. */
export const planEstatalWorkflow = defineWorkflow({
  name: 'plan-estatal-promocion',
  procedure: '15-528-PO-26 §10, steps 1-2',
  title: 'Plan de Trabajo Anual de la ECE',
  states: ['BORRADOR', 'VALIDADO', 'ENTREGADO', 'TURNADO'] as const,
  initial: 'BORRADOR',
  final: ['TURNADO'],
  transitions: {
    draftStatePlan: {
      step: '1.1', description: 'TCCC convenes the coordinations to build the context analysis and the annual plan.',
      from: null, to: 'BORRADOR', role: 'TITULAR_CAPACITACION_CERTIFICACION_CAST', reach: { kind: 'owner' }, comment: 'optional',
    },
    validateStatePlan: {
      step: '1.1', description: 'TCCC validates the context of the organisation, the risk analysis and the annual plan.',
      from: ['BORRADOR'], to: 'VALIDADO', role: 'TITULAR_CAPACITACION_CERTIFICACION_CAST', reach: { kind: 'owner' }, comment: 'optional',
    },
    handDownStatePlan: {
      step: '1.2-1.3', description: 'TCCC hands the plan to the coordinations and asks for it to be sent to the administrative units.',
      from: ['VALIDADO'], to: 'ENTREGADO', role: 'TITULAR_CAPACITACION_CERTIFICACION_CAST', reach: { kind: 'owner' }, comment: 'optional',
    },
    distributeStatePlan: {
      step: '2.1', description: 'CPSECE sends the plan, in January, to every plantel of the state (one Plan Anual del Centro Evaluador each).',
      from: ['ENTREGADO'], to: 'TURNADO', role: 'COORDINADOR_PROMOCION_ECE', reach: { kind: 'owner' }, comment: 'optional',
    },
  },
});

/** Steps 3-5: each plantel's Plan Anual del Centro Evaluador and its Cronograma (F02). */
export const planCentroWorkflow = defineWorkflow({
  name: 'plan-centro-evaluador',
  procedure: '15-528-PO-26 §10, steps 3-6',
  title: 'Plan Anual y Cronograma del Centro Evaluador (F02)',
  states: ['POR_TURNAR', 'EN_ELABORACION', 'ENVIADO', 'VALIDADO'] as const,
  initial: 'POR_TURNAR',
  final: ['VALIDADO'],
  transitions: {
    forwardPlanToCoordination: {
      step: '3.1', description: 'The Dirección del Centro de Evaluación receives the state plan and forwards it to the plantel\'s CE coordination.',
      from: ['POR_TURNAR'], to: 'EN_ELABORACION', role: 'TITULAR_DIRECCION_CENTRO_EVALUACION', reach: { kind: 'owner' }, comment: 'optional',
    },
    submitPlanCentro: {
      step: '4.2', description: 'The CE coordination sends its annual plan and cronograma for validation.',
      from: ['EN_ELABORACION'], to: 'ENVIADO', role: 'COORDINADOR_CENTRO_EVALUACION', reach: { kind: 'owner' }, comment: 'optional',
      guard: async (tx, record) =>
        (await tx.actividadProgramada.count({ where: { planId: record.id } })) > 0
          ? null
          : 'The cronograma has no scheduled activity (step 4.1 comes first)',
    },
    validatePlanCentro: {
      step: '5.1.1, 6.1', description: 'The ECE validates the plan and cronograma and informs the Centro de Evaluación.',
      from: ['ENVIADO'], to: 'VALIDADO', role: 'COORDINADOR_ECE', reach: { kind: 'owner' }, comment: 'optional',
    },
    rejectPlanCentro: {
      step: '5.1.2 → 4.1', description: 'The ECE does not validate: back to the CE coordination, with observations.',
      from: ['ENVIADO'], to: 'EN_ELABORACION', role: 'COORDINADOR_ECE', reach: { kind: 'owner' }, comment: 'required',
    },
  },
});

/** Steps 7V-8.1: quarterly results report (F05). */
export const reporteWorkflow = defineWorkflow({
  name: 'reporte-trimestral-promocion',
  procedure: '15-528-PO-26 §10, steps 7V-8.1',
  title: 'Reporte trimestral de resultados de promoción y difusión (F05)',
  states: ['ENVIADO', 'RECIBIDO'] as const,
  initial: 'ENVIADO',
  final: ['RECIBIDO'],
  transitions: {
    submitQuarterlyReport: {
      step: '7V.1', description: 'The CE coordination evaluates results against the cronograma\'s goals and sends the F05.',
      from: null, to: 'ENVIADO', role: 'COORDINADOR_CENTRO_EVALUACION', reach: { kind: 'owner' }, comment: 'optional',
    },
    receiveQuarterlyReport: {
      step: '8.1', description: 'CPSECE receives the quarterly F05 of the Centro de Evaluación.',
      from: ['ENVIADO'], to: 'RECIBIDO', role: 'COORDINADOR_PROMOCION_ECE', reach: { kind: 'owner' }, comment: 'optional',
    },
  },
});

/** Step 8.2: the state concentrate (F01). */
export const concentradoWorkflow = defineWorkflow({
  name: 'concentrado-estatal-promocion',
  procedure: '15-528-PO-26 §10, step 8.2',
  title: 'Concentrado de resultados de promoción y difusión de la ECE (F01)',
  states: ['EMITIDO'] as const,
  initial: 'EMITIDO',
  final: ['EMITIDO'],
  transitions: {
    issueStateConcentrate: {
      step: '8.2', description: 'CPSECE consolidates the planteles\' results for the half-year.',
      from: null, to: 'EMITIDO', role: 'COORDINADOR_PROMOCION_ECE', reach: { kind: 'owner' }, comment: 'optional',
    },
  },
});

/** Steps 7V, 8.2, 9-10: salidas no conformes, acciones correctivas, Programa Integral de Trabajo y Mejora Continua. */
export const accionMejoraWorkflow = defineWorkflow({
  name: 'accion-mejora-promocion',
  procedure: '15-528-PO-26 §10, steps 7V, 8.2, 9-10',
  title: 'Acciones de mejora',
  states: ['ABIERTA', 'CERRADA'] as const,
  initial: 'ABIERTA',
  final: ['CERRADA'],
  transitions: {
    registerImprovementAction: {
      step: '7V.1, 8.2, 9.1, 10.1', description: 'The CE coordination (from its F05) or CPSECE (from the F01 or a plantel\'s F05) registers an action.',
      from: null, to: 'ABIERTA', role: ['COORDINADOR_CENTRO_EVALUACION', 'COORDINADOR_PROMOCION_ECE'], reach: { kind: 'owner' }, comment: 'optional',
    },
    closeImprovementAction: {
      step: '9.1, 10.1', description: 'The action is carried out and closed with its result.',
      from: ['ABIERTA'], to: 'CERRADA', role: ['COORDINADOR_CENTRO_EVALUACION', 'COORDINADOR_PROMOCION_ECE'], reach: { kind: 'owner' }, comment: 'optional',
    },
  },
});

export const MUTATIONS = {
  planEstatal: {
    createStatePlan: 'draftStatePlan',
    validateStatePlan: 'validateStatePlan',
    handDownStatePlan: 'handDownStatePlan',
    distributeStatePlan: 'distributeStatePlan',
  },
  planCentro: {
    forwardPlanToCoordination: 'forwardPlanToCoordination',
    submitPlanCentro: 'submitPlanCentro',
    validatePlanCentro: 'validatePlanCentro',
    rejectPlanCentro: 'rejectPlanCentro',
  },
  reporte: { submitQuarterlyReport: 'submitQuarterlyReport', receiveQuarterlyReport: 'receiveQuarterlyReport' },
  concentrado: { issueStateConcentrate: 'issueStateConcentrate' },
  accionMejora: { registerImprovementAction: 'registerImprovementAction', closeImprovementAction: 'closeImprovementAction' },
} as const;

/** Content edits and records that are not state changes, with the role and states that allow them. */
export const EDITS = {
  updatePlanCentro: { step: '4.1', role: 'COORDINADOR_CENTRO_EVALUACION', states: ['EN_ELABORACION'] },
  addCronogramaActividad: { step: '4.1', role: 'COORDINADOR_CENTRO_EVALUACION', states: ['EN_ELABORACION'] },
  removeCronogramaActividad: { step: '4.1', role: 'COORDINADOR_CENTRO_EVALUACION', states: ['EN_ELABORACION'] },
  recordPromotionActivity: { step: '6.2-6.6', role: 'COORDINADOR_CENTRO_EVALUACION', states: ['VALIDADO'] },
} as const;
