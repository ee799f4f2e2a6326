// V-CANA-MP-02 C.4.3 "Realizar encuestas vía Centro de Contacto" (L225-244):
// the same request → plan → authorisation → design → approval loop as the
// campaigns (stage qualifiers Plan / Diseno, docs/decisions/024-campanas.md),
// a sample drawn reproducibly, answers by operator calls or by a public
// single-use link, the results report and its analysis.
import { defineWorkflow, type Tx, type WorkflowRecord } from '../../lib/workflow/types.js';
import { unitOwnedStore } from '../../lib/workflow/stores.js';
import type { EstadoEncuesta, Role } from '../../generated/prisma/enums.js';
import { readableEncuestas } from './rules.js';

const OPERADOR: Role = 'CONOCER_OPERADOR_CONTACTO';
const RESPONSABLE: Role = 'CONOCER_RESPONSABLE_CANALES';
const DVD: Role = 'CONOCER_DIRECCION_VINCULACION';
const SISTEMA: Role = 'SISTEMA';

const encuesta = (tx: Tx, id: string) => tx.encuesta.findUniqueOrThrow({ where: { id } });

/** 3.1: the plan presented has its objectives, strategy and plan of action (2.1). */
async function planReady(tx: Tx, record: WorkflowRecord<string>): Promise<string | null> {
  const e = await encuesta(tx, record.id);
  const missing = [e.objetivos ? null : 'objetivos', e.estrategia ? null : 'estrategia', e.planAccion ? null : 'planAccion'].filter(
    (m) => m !== null,
  );
  return missing.length ? `Complete the plan before presenting it (step 2.1): ${missing.join(', ')}` : null;
}

/** 5.1: the design presented has audience, sample size, questions, start date, and its sample drawn (4.1). */
async function designReady(tx: Tx, record: WorkflowRecord<string>): Promise<string | null> {
  const e = await encuesta(tx, record.id);
  const drawn = await tx.muestraEncuesta.count({ where: { encuestaId: record.id } });
  const missing = [
    e.auditorio ? null : 'auditorio',
    e.tamanoMuestra ? null : 'tamanoMuestra',
    Array.isArray(e.preguntas) && e.preguntas.length ? null : 'preguntas',
    e.inicio ? null : 'inicio',
    drawn ? null : 'the sample (addMuestraEncuesta, step 4.1)',
  ].filter((m) => m !== null);
  return missing.length ? `Complete the design before presenting it (step 4.1): ${missing.join('; ')}` : null;
}

export const encuestaStore = unitOwnedStore<EstadoEncuesta>('encuesta', { readable: readableEncuestas });

export const encuestaWorkflow = defineWorkflow({
  name: 'encuesta',
  procedure: 'V-CANA-MP-02 C.4.3',
  title: 'Encuestas y sondeos vía Centro de Contacto',
  entity: 'Encuesta',
  store: encuestaStore,
  states: ['EN_PLANEACION', 'PLAN_PRESENTADO', 'EN_DISENO', 'DISENO_PRESENTADO', 'APROBADA', 'EN_CURSO', 'REPORTADA', 'CERRADA'],
  initial: 'EN_PLANEACION',
  final: ['CERRADA'],
  steps: {
    createEncuesta: {
      step: '1.1',
      description: 'The Responsable de Canales receives a CONOCER area’s request (or detects the need) for an opinion survey or poll.',
      kind: 'creation',
      to: 'EN_PLANEACION',
      unitKinds: ['AREA_CONOCER'],
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    updateEncuesta: {
      step: '2.1, 4.1',
      description:
        'The Responsable writes the objectives, strategy and plan of action (2.1), then the detailed design: audience, sample size, questions, start date (4.1).',
      kind: 'action',
      in: ['EN_PLANEACION', 'EN_DISENO'],
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    submitEncuestaPlan: {
      step: '3.1-3.2',
      description: 'The Responsable presents the plan of the survey to the DVD for its authorisation.',
      kind: 'transition',
      from: ['EN_PLANEACION'],
      to: 'PLAN_PRESENTADO',
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: planReady,
    },
    approveEncuestaPlan: {
      step: '3.2 (sí)',
      description: 'The DVD authorises the plan: the Responsable designs the survey (4.1).',
      kind: 'transition',
      from: ['PLAN_PRESENTADO'],
      to: 'EN_DISENO',
      role: DVD,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    returnEncuestaPlan: {
      step: '3.2 (no) → 2.1',
      description: 'The DVD does not authorise the plan: back to the Responsable with its observations.',
      kind: 'transition',
      from: ['PLAN_PRESENTADO'],
      to: 'EN_PLANEACION',
      role: DVD,
      reach: { kind: 'owner' },
      comment: 'required',
    },
    addMuestraEncuesta: {
      step: '4.1 (muestra)',
      description:
        "The Responsable draws the sample of the design's size from the contact centre's records (people who wrote or called), reproducibly: the draw's seed is recorded, and the same seed over the same records draws the same people.",
      kind: 'action',
      in: ['EN_DISENO'],
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    submitEncuestaDiseno: {
      step: '5.1-5.2',
      description: 'The Responsable presents the detailed design to the DVD for its approval.',
      kind: 'transition',
      from: ['EN_DISENO'],
      to: 'DISENO_PRESENTADO',
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: designReady,
    },
    approveEncuestaDiseno: {
      step: '5.2 (sí)',
      description: 'The DVD approves the design.',
      kind: 'transition',
      from: ['DISENO_PRESENTADO'],
      to: 'APROBADA',
      role: DVD,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    returnEncuestaDiseno: {
      step: '5.2 (no) → 4.1',
      description: 'The DVD does not approve the design: back to the Responsable with its observations.',
      kind: 'transition',
      from: ['DISENO_PRESENTADO'],
      to: 'EN_DISENO',
      role: DVD,
      reach: { kind: 'owner' },
      comment: 'required',
    },
    sendEncuesta: {
      step: '6.1, 7.1 / 8.1',
      description:
        'The Responsable hands the approved survey to the contact centre, which captures it and starts: operators call the sample (7.2), or each person of the sample receives an e-mail with a link of their own (8.1: single use, expiring, no account needed; the token is stored hashed).',
      kind: 'transition',
      from: ['APROBADA'],
      to: 'EN_CURSO',
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    addRespuestaEncuesta: {
      step: '7.3 / 8.2',
      description:
        'The answers of one person of the sample are recorded: by the operator during the call (7.3), or by the system when the person answers through their link (8.2, public mutation answerEncuesta). Once per person.',
      kind: 'action',
      in: ['EN_CURSO'],
      role: [OPERADOR, SISTEMA],
      reach: { kind: 'owner' },
      comment: 'optional',
      bumpsVersion: false,
    },
    submitEncuestaReporte: {
      step: '9.1-9.2',
      description:
        'The operator generates the results report (response rate against the sample, answers per question) and delivers it to the DVD.',
      kind: 'transition',
      from: ['EN_CURSO'],
      to: 'REPORTADA',
      role: OPERADOR,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    closeEncuesta: {
      step: '10.1-10.2',
      description: 'The Responsable analyses the report against the objectives and expectations and writes the report of results.',
      kind: 'transition',
      from: ['REPORTADA'],
      to: 'CERRADA',
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
  },
});
