// 15-528-PO-26 "Concertación de Servicios" (CONALEP Estado de México), section 10:
// the ECE's promotion and diffusion cycle. Step numbers are the manual's.
// Every write of the module is a step declared here, keyed by its mutation.
import type {
  EstadoAccionMejora,
  EstadoConcentrado,
  EstadoPlanCentro,
  EstadoPlanEstatal,
  EstadoReporte,
} from '../../generated/prisma/enums.js';
import { unitOwnedStore } from '../../lib/workflow/stores.js';
import { defineRecordWorkflow, defineWorkflow, type Subject } from '../../lib/workflow/types.js';
import { DESTRUCTION_ROLES } from './retention.js';
import { actividadRealizadaStore, registroPromocionStore } from './stores.js';

const CPSECE = 'COORDINADOR_PROMOCION_ECE';
const CCE = 'COORDINADOR_CENTRO_EVALUACION';
const TCCC = 'TITULAR_CAPACITACION_CERTIFICACION_CAST';

/** Steps 1-2: the state's Plan de Trabajo Anual. */
export const planTrabajoAnualWorkflow = defineWorkflow({
  name: 'plan-estatal-promocion',
  procedure: '15-528-PO-26 §10, steps 1-2',
  title: 'Plan de Trabajo Anual de la ECE',
  entity: 'PlanTrabajoAnual',
  store: unitOwnedStore('planTrabajoAnual'),
  states: ['BORRADOR', 'VALIDADO', 'ENTREGADO', 'TURNADO'] as const satisfies readonly EstadoPlanEstatal[],
  initial: 'BORRADOR',
  final: ['TURNADO'],
  steps: {
    createPlanTrabajoAnual: {
      step: '1.1',
      description: 'TCCC convenes the coordinations to build the context analysis and the annual plan.',
      kind: 'creation',
      to: 'BORRADOR',
      unitKinds: ['COLEGIO_ESTATAL'],
      role: TCCC,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    approvePlanTrabajoAnual: {
      step: '1.1',
      description: 'TCCC validates the context of the organisation, the risk analysis and the annual plan with its goals.',
      kind: 'transition',
      from: ['BORRADOR'],
      to: 'VALIDADO',
      role: TCCC,
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: async (tx, record) =>
        (await tx.metaPlanTrabajoAnual.count({ where: { planId: record.id } })) > 0
          ? null
          : 'The plan has no goal (metas, step 1.1): create the plan with its goals',
    },
    deliverPlanTrabajoAnual: {
      step: '1.2-1.3',
      description: 'TCCC hands the plan to the coordinations and asks for it to be sent to the administrative units.',
      kind: 'transition',
      from: ['VALIDADO'],
      to: 'ENTREGADO',
      role: TCCC,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    sendPlanTrabajoAnual: {
      step: '2.1',
      description: 'CPSECE sends the plan, in January, to every plantel of the state (one Plan Anual del Centro Evaluador each).',
      kind: 'transition',
      from: ['ENTREGADO'],
      to: 'TURNADO',
      role: CPSECE,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
  },
});

/** Steps 3-5: each plantel's Plan Anual del Centro Evaluador and its Cronograma (F02). */
export const planAnualCentroWorkflow = defineWorkflow({
  name: 'plan-centro-evaluador',
  procedure: '15-528-PO-26 §10, steps 3-6',
  title: 'Plan Anual y Cronograma del Centro Evaluador (F02)',
  entity: 'PlanAnualCentro',
  store: unitOwnedStore('planAnualCentro'),
  states: ['POR_TURNAR', 'EN_ELABORACION', 'ENVIADO', 'VALIDADO'] as const satisfies readonly EstadoPlanCentro[],
  initial: 'POR_TURNAR',
  final: ['VALIDADO'],
  steps: {
    sendPlanAnualCentro: {
      step: '3.1',
      description: "The Dirección del Centro de Evaluación receives the state plan and forwards it to the plantel's CE coordination.",
      kind: 'transition',
      from: ['POR_TURNAR'],
      to: 'EN_ELABORACION',
      role: 'TITULAR_DIRECCION_CENTRO_EVALUACION',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    updatePlanAnualCentro: {
      step: '4.1',
      description: "The CE coordination writes the plan's objectives.",
      kind: 'action',
      in: ['EN_ELABORACION'],
      role: CCE,
      reach: { kind: 'owner' },
    },
    addActividadProgramada: {
      step: '4.1',
      description: 'The CE coordination schedules an activity in the Cronograma Anual (F02).',
      kind: 'action',
      in: ['EN_ELABORACION'],
      role: CCE,
      reach: { kind: 'owner' },
    },
    removeActividadProgramada: {
      step: '4.1',
      description: 'The CE coordination removes a scheduled activity from the Cronograma Anual (F02).',
      kind: 'action',
      in: ['EN_ELABORACION'],
      role: CCE,
      reach: { kind: 'owner' },
    },
    submitPlanAnualCentro: {
      step: '4.2',
      description: 'The CE coordination sends its annual plan and cronograma for validation.',
      kind: 'transition',
      from: ['EN_ELABORACION'],
      to: 'ENVIADO',
      role: CCE,
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: async (tx, record) => {
        const plan = await tx.planAnualCentro.findUniqueOrThrow({ where: { id: record.id }, select: { contexto: true } });
        if (!plan.contexto) return "The plantel's context analysis is missing (§9: updatePlanAnualCentro comes first)";
        return (await tx.actividadProgramada.count({ where: { planId: record.id } })) > 0
          ? null
          : 'The cronograma has no scheduled activity (step 4.1 comes first)';
      },
    },
    approvePlanAnualCentro: {
      step: '5.1.1, 6.1',
      description: 'The ECE validates the plan and cronograma and informs the Centro de Evaluación.',
      kind: 'transition',
      from: ['ENVIADO'],
      to: 'VALIDADO',
      role: 'COORDINADOR_ECE',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    returnPlanAnualCentro: {
      step: '5.1.2 → 4.1',
      description: 'The ECE does not validate: back to the CE coordination, with observations.',
      kind: 'transition',
      from: ['ENVIADO'],
      to: 'EN_ELABORACION',
      role: 'COORDINADOR_ECE',
      reach: { kind: 'owner' },
      comment: 'required',
    },
  },
});

/** A validated plantel plan: the parent of executed activities and of the F05. */
const planValidado: Subject = { entity: planAnualCentroWorkflow.entity, store: planAnualCentroWorkflow.store, states: ['VALIDADO'] };

/** Steps 6.2-6.6 (the plantel) and 7H (the state): activities carried out, with their evidence (F03, F04). */
export const actividadRealizadaWorkflow = defineRecordWorkflow({
  name: 'actividad-realizada-promocion',
  procedure: '15-528-PO-26 §10, steps 6.2-6.6, 7H',
  title: 'Actividades de promoción y difusión realizadas (F03, F04)',
  entity: 'ActividadRealizada',
  store: actividadRealizadaStore,
  state: 'REGISTRADA',
  steps: {
    createActividadRealizada: {
      step: '6.2-6.6',
      description: 'The CE coordination records an activity carried out, with its evidence.',
      kind: 'creation',
      to: 'REGISTRADA',
      role: CCE,
      reach: { kind: 'owner' },
      under: { subject: planValidado, description: 'a VALIDADO Plan Anual del Centro Evaluador' },
    },
    createActividadRealizadaAsCoordinadorPromocionEce: {
      step: '7H.1-7H.3',
      description:
        "CPSECE records its own promotion: electronic diffusion on the state's portal, social networks and visible places of the Dirección General (7.1), and visits to the public, private and social sectors with the F03 (7.2), keeping their evidence (7.3).",
      kind: 'creation',
      to: 'REGISTRADA',
      role: CPSECE,
      reach: { kind: 'owner' },
      under: {
        subject: { entity: planTrabajoAnualWorkflow.entity, store: planTrabajoAnualWorkflow.store, states: ['TURNADO'] },
        description: 'a TURNADO Plan de Trabajo Anual (the state plan in force)',
      },
    },
  },
});

/** §9 (L194): the January cost table of the alignment courses. */
export const tablaCostosWorkflow = defineRecordWorkflow({
  name: 'tabla-costos-promocion',
  procedure: '15-528-PO-26 §9',
  title: 'Tabla de costos de los cursos de alineación',
  entity: 'TablaCostos',
  store: unitOwnedStore('tablaCostos', { fixedState: 'ENVIADA' }),
  state: 'ENVIADA',
  steps: {
    createTablaCostos: {
      step: '§9 (L194, L196)',
      description:
        'CPSECE sends, in January, the table of costs of the alignment courses with certification purposes (what external users pay).',
      kind: 'creation',
      to: 'ENVIADA',
      unitKinds: ['COLEGIO_ESTATAL'],
      role: CPSECE,
      reach: { kind: 'owner' },
    },
  },
});

/** §9 (L198): technical visits to planteles in March, June, September and December. */
export const visitaTecnicaWorkflow = defineRecordWorkflow({
  name: 'visita-tecnica-promocion',
  procedure: '15-528-PO-26 §9',
  title: 'Visita técnica a plantel',
  entity: 'VisitaTecnica',
  store: unitOwnedStore('visitaTecnica', { fixedState: 'REGISTRADA' }),
  state: 'REGISTRADA',
  steps: {
    createVisitaTecnica: {
      step: '§9 (L198)',
      description:
        "The ECE's operation coordination records a technical visit (in person or remote) to a plantel in March, June, September or December: compliance with the operating rules and CONOCER identity of the material.",
      kind: 'creation',
      to: 'REGISTRADA',
      unitKinds: ['PLANTEL'],
      role: 'COORDINADOR_ECE',
      reach: { kind: 'owner' },
    },
  },
});

/** Steps 7V-8.1: quarterly results report (F05). */
export const reporteTrimestralWorkflow = defineWorkflow({
  name: 'reporte-trimestral-promocion',
  procedure: '15-528-PO-26 §10, steps 7V-8.1',
  title: 'Reporte trimestral de resultados de promoción y difusión (F05)',
  entity: 'ReporteTrimestral',
  store: unitOwnedStore('reporteTrimestral'),
  states: ['ENVIADO', 'RECIBIDO'] as const satisfies readonly EstadoReporte[],
  initial: 'ENVIADO',
  final: ['RECIBIDO'],
  steps: {
    createReporteTrimestral: {
      step: '7V.1',
      description: "The CE coordination evaluates results against the cronograma's goals and sends the F05.",
      kind: 'creation',
      to: 'ENVIADO',
      role: CCE,
      reach: { kind: 'owner' },
      comment: 'optional',
      under: { subject: planValidado, description: 'a VALIDADO Plan Anual del Centro Evaluador' },
    },
    receiveReporteTrimestral: {
      step: '8.1',
      description: 'CPSECE receives the quarterly F05 of the Centro de Evaluación.',
      kind: 'transition',
      from: ['ENVIADO'],
      to: 'RECIBIDO',
      role: CPSECE,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
  },
});

/** Step 8.2: the state concentrate (F01). */
export const concentradoEstatalWorkflow = defineWorkflow({
  name: 'concentrado-estatal-promocion',
  procedure: '15-528-PO-26 §10, step 8.2',
  title: 'Concentrado de resultados de promoción y difusión de la ECE (F01)',
  entity: 'ConcentradoEstatal',
  store: unitOwnedStore('concentradoEstatal'),
  states: ['EMITIDO'] as const satisfies readonly EstadoConcentrado[],
  initial: 'EMITIDO',
  final: ['EMITIDO'],
  steps: {
    createConcentradoEstatal: {
      step: '8.2',
      description: "CPSECE consolidates the planteles' results for the half-year.",
      kind: 'creation',
      to: 'EMITIDO',
      role: CPSECE,
      reach: { kind: 'owner' },
      comment: 'optional',
      under: {
        subject: { entity: planTrabajoAnualWorkflow.entity, store: planTrabajoAnualWorkflow.store, states: ['TURNADO'] },
        description: 'a TURNADO Plan de Trabajo Anual',
      },
    },
  },
});

/** Steps 7V, 8.2, 9-10: salidas no conformes, acciones correctivas, Programa Integral de Trabajo y Mejora Continua. */
export const accionMejoraWorkflow = defineWorkflow({
  name: 'accion-mejora-promocion',
  procedure: '15-528-PO-26 §10, steps 7V, 8.2, 9-10',
  title: 'Acciones de mejora',
  entity: 'AccionMejora',
  store: unitOwnedStore('accionMejora'),
  states: ['ABIERTA', 'CERRADA'] as const satisfies readonly EstadoAccionMejora[],
  initial: 'ABIERTA',
  final: ['CERRADA'],
  steps: {
    createAccionMejora: {
      step: '7V.1, 8.2, 9.1, 10.1',
      description: "The CE coordination (from its F05) or CPSECE (from the F01 or a plantel's F05) registers an action.",
      kind: 'creation',
      to: 'ABIERTA',
      role: [CCE, CPSECE],
      reach: { kind: 'owner' },
      comment: 'optional',
      under: {
        subject: [
          { entity: reporteTrimestralWorkflow.entity, store: reporteTrimestralWorkflow.store, states: reporteTrimestralWorkflow.states },
          { entity: concentradoEstatalWorkflow.entity, store: concentradoEstatalWorkflow.store, states: concentradoEstatalWorkflow.states },
        ],
        description: 'the F05 (ReporteTrimestral) or F01 (ConcentradoEstatal) whose result caused it',
      },
    },
    closeAccionMejora: {
      step: '9.1, 10.1',
      description: 'The action is carried out and closed with its result.',
      kind: 'transition',
      from: ['ABIERTA'],
      to: 'CERRADA',
      role: [CCE, CPSECE],
      reach: { kind: 'owner' },
      comment: 'optional',
    },
  },
});

/** §13 record control: each F01-F05 record is kept 3 years, then destroyed by the role that keeps its format. */
export const retencionWorkflow = defineWorkflow({
  name: 'retencion-15-528-PO-26',
  procedure: '15-528-PO-26 §13',
  title: 'Control de registros F01-F05: conservación y destrucción',
  entity: 'RegistroPromocion',
  store: registroPromocionStore,
  states: ['CONSERVADO', 'DESTRUIDO'] as const,
  initial: 'CONSERVADO',
  final: ['DESTRUIDO'],
  steps: {
    destroyRegistroPromocion: {
      step: '13',
      description: "The record's retention (3 years) has ended: it is marked destroyed and its personal data cleared; the row stays.",
      kind: 'transition',
      from: ['CONSERVADO'],
      to: 'DESTRUIDO',
      role: [CPSECE, CCE],
      roleByKind: { ...DESTRUCTION_ROLES, ESTATAL: CPSECE },
      reach: { kind: 'owner' },
    },
  },
});

export const promocionWorkflows = [
  planTrabajoAnualWorkflow,
  planAnualCentroWorkflow,
  actividadRealizadaWorkflow,
  reporteTrimestralWorkflow,
  concentradoEstatalWorkflow,
  accionMejoraWorkflow,
  retencionWorkflow,
  tablaCostosWorkflow,
  visitaTecnicaWorkflow,
];
