// V-CANA-MP-02 (CONOCER, seed 004) C.4.2 "Realizar campañas de promoción vía
// Centro de Contacto" (L192-218): an area's request, the plan and its
// authorisation by the DVD, the design and the segment and their approval,
// then by type recorded calls, operator calls or e-mails (test sends first),
// the report and the analysis. The plan and the design go through the same
// verbs (submit / approve / return) at two stages, told apart by the stage
// qualifier Plan / Diseno (docs/decisions/024-campanas.md).
import { defineWorkflow, type Tx, type WorkflowRecord } from '../../lib/workflow/types.js';
import { unitOwnedStore } from '../../lib/workflow/stores.js';
import type { EstadoCampana, Role } from '../../generated/prisma/enums.js';
import { readableCampanas } from './rules.js';

const OPERADOR: Role = 'CONOCER_OPERADOR_CONTACTO';
const RESPONSABLE: Role = 'CONOCER_RESPONSABLE_CANALES';
const DVD: Role = 'CONOCER_DIRECCION_VINCULACION';
const SISTEMA: Role = 'SISTEMA';

const campana = (tx: Tx, id: string) => tx.campana.findUniqueOrThrow({ where: { id } });

/** 3.1: the plan presented has its objectives, strategy and plan of action. */
async function planReady(tx: Tx, record: WorkflowRecord<string>): Promise<string | null> {
  const c = await campana(tx, record.id);
  const missing = [c.objetivos ? null : 'objetivos', c.estrategia ? null : 'estrategia', c.planAccion ? null : 'planAccion'].filter(
    (m) => m !== null,
  );
  return missing.length ? `Complete the plan before presenting it (step 2.1): ${missing.join(', ')}` : null;
}

/** 6.1: the design presented has its audience, its message or script, its dates and a segment (4.1, 5.1). */
async function designReady(tx: Tx, record: WorkflowRecord<string>): Promise<string | null> {
  const c = await campana(tx, record.id);
  const destinatarios = await tx.destinatarioCampana.count({ where: { campanaId: record.id } });
  const missing = [
    c.auditorio ? null : 'auditorio',
    c.tipo === 'CORREO' ? (c.asunto && c.mensaje ? null : 'asunto and mensaje') : null,
    c.tipo === 'LLAMADA_OPERADOR' ? (c.script ? null : 'script') : null,
    c.tipo === 'LLAMADA_AUTOMATICA' ? (c.mensaje ? null : 'mensaje') : null,
    c.inicio && c.fin ? null : 'inicio and fin',
    destinatarios ? null : 'the segment (addSegmentoCampana, step 5.1)',
  ].filter((m) => m !== null);
  return missing.length ? `Complete the design before presenting it (steps 4.1, 5.1): ${missing.join('; ')}` : null;
}

/** 10.1 → 11.1: an e-mail campaign is sent once its last test send was received correctly. */
async function testPassed(tx: Tx, record: WorkflowRecord<string>): Promise<string | null> {
  const c = await campana(tx, record.id);
  if (c.tipo !== 'CORREO') return null;
  const last = await tx.pruebaCampana.findFirst({ where: { campanaId: record.id }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  if (!last) return 'Send a test of the e-mail to the Responsable de Canales first (addPruebaCampana, step 10.1)';
  return last.correcta ? null : 'The last test send was not confirmed as received correctly (step 10.1)';
}

/** 10.1: a test awaits its verdict. */
async function testPending(tx: Tx, record: WorkflowRecord<string>): Promise<string | null> {
  const c = await campana(tx, record.id);
  if (c.tipo !== 'CORREO') return 'Only e-mail campaigns have test sends';
  const last = await tx.pruebaCampana.findFirst({ where: { campanaId: record.id }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  return last && last.correcta === null ? null : 'No test send awaits a verdict';
}

/** 10.1: test sends are for e-mail campaigns. */
async function isCorreo(tx: Tx, record: WorkflowRecord<string>): Promise<string | null> {
  return (await campana(tx, record.id)).tipo === 'CORREO' ? null : 'Only e-mail campaigns have test sends';
}

/** 8.1 / 9.1: outcomes of calls are recorded for call campaigns. */
async function isLlamada(tx: Tx, record: WorkflowRecord<string>): Promise<string | null> {
  return (await campana(tx, record.id)).tipo === 'CORREO' ? 'An e-mail campaign records no calls: its sends are recorded as they go' : null;
}

/** 11.2: the e-mails are all sent (or settled) before the campaign ends. */
async function sendsSettled(tx: Tx, record: WorkflowRecord<string>): Promise<string | null> {
  if ((await campana(tx, record.id)).tipo !== 'CORREO') return null;
  const open = await tx.destinatarioCampana.count({ where: { campanaId: record.id, resultadoEnvio: { in: ['PENDIENTE', 'ENVIANDO'] } } });
  return open ? `${open} recipient(s) still to be sent` : null;
}

export const campanaStore = unitOwnedStore<EstadoCampana>('campana', { readable: readableCampanas });

export const campanaWorkflow = defineWorkflow({
  name: 'campana',
  procedure: 'V-CANA-MP-02 C.4.2',
  title: 'Campañas de promoción y comunicación vía Centro de Contacto',
  entity: 'Campana',
  store: campanaStore,
  states: [
    'EN_PLANEACION',
    'PLAN_PRESENTADO',
    'EN_DISENO',
    'DISENO_PRESENTADO',
    'APROBADA',
    'EN_CURSO',
    'TERMINADA',
    'REPORTADA',
    'CERRADA',
  ],
  initial: 'EN_PLANEACION',
  final: ['CERRADA'],
  steps: {
    createCampana: {
      step: '1.1',
      description:
        'The Responsable de Canales receives a CONOCER area’s request (or detects the need) for a campaign by telephone or e-mail through the contact centre.',
      kind: 'creation',
      to: 'EN_PLANEACION',
      unitKinds: ['AREA_CONOCER'],
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    updateCampana: {
      step: '2.1, 4.1',
      description:
        'The Responsable writes the objectives, strategy and plan of action with the requesting area (2.1), then the detailed design: target audience, messages, e-mails or call scripts, duration (4.1).',
      kind: 'action',
      in: ['EN_PLANEACION', 'EN_DISENO'],
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    submitCampanaPlan: {
      step: '3.1-3.2',
      description: 'The Responsable prepares and presents the plan of promotion and communication to the DVD for its authorisation.',
      kind: 'transition',
      from: ['EN_PLANEACION'],
      to: 'PLAN_PRESENTADO',
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: planReady,
    },
    approveCampanaPlan: {
      step: '3.2 (sí)',
      description: 'The DVD authorises the plan: the Responsable designs the campaign (4.1).',
      kind: 'transition',
      from: ['PLAN_PRESENTADO'],
      to: 'EN_DISENO',
      role: DVD,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    returnCampanaPlan: {
      step: '3.2 (no) → 2.1',
      description: 'The DVD does not authorise the plan: back to the Responsable with its observations (2.1).',
      kind: 'transition',
      from: ['PLAN_PRESENTADO'],
      to: 'EN_PLANEACION',
      role: DVD,
      reach: { kind: 'owner' },
      comment: 'required',
    },
    addSegmentoCampana: {
      step: '5.1',
      description:
        "The Responsable draws the segment of people for the target audience from the contact centre's records (people who wrote or called), replacing any earlier draw; addresses that unsubscribed are left out.",
      kind: 'action',
      in: ['EN_DISENO'],
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    submitCampanaDiseno: {
      step: '6.1',
      description: 'The Responsable presents the detailed design of the campaign to the DVD for its approval.',
      kind: 'transition',
      from: ['EN_DISENO'],
      to: 'DISENO_PRESENTADO',
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: designReady,
    },
    approveCampanaDiseno: {
      step: '6.1 (sí)',
      description: 'The DVD approves the design: the campaign goes on by its type (7.1, 9.1 or 10.1).',
      kind: 'transition',
      from: ['DISENO_PRESENTADO'],
      to: 'APROBADA',
      role: DVD,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    returnCampanaDiseno: {
      step: '6.1 (no) → 4.1',
      description: 'The DVD does not approve the design: back to the Responsable with its observations (4.1).',
      kind: 'transition',
      from: ['DISENO_PRESENTADO'],
      to: 'EN_DISENO',
      role: DVD,
      reach: { kind: 'owner' },
      comment: 'required',
    },
    addPruebaCampana: {
      step: '10.1, 10.2',
      description:
        "The operator sends a test of the campaign's e-mail to the Responsable(s) de Canales over SMTP; after a failed test, with the corrected subject and text (10.2), which become the campaign's.",
      kind: 'action',
      in: ['APROBADA'],
      role: OPERADOR,
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: isCorreo,
    },
    approvePruebaCampana: {
      step: '10.1 (sí)',
      description: 'The Responsable confirms the last test e-mail was received correctly: the campaign may be sent (11.1).',
      kind: 'action',
      in: ['APROBADA'],
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: testPending,
    },
    returnPruebaCampana: {
      step: '10.1 (no) → 10.2',
      description: 'The last test e-mail was not received correctly: the Responsable says what to correct (10.2).',
      kind: 'action',
      in: ['APROBADA'],
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'required',
      guard: testPending,
    },
    sendCampana: {
      step: '7.1-7.2, 8.1 / 9.1 / 11.1',
      description:
        'The operator launches the campaign on the approved calendar: recorded messages and audience loaded and launched (7-8), operator calls begin (9.1), or the e-mails are queued and go out in batches at a bounded rate (11.1).',
      kind: 'transition',
      from: ['APROBADA'],
      to: 'EN_CURSO',
      role: OPERADOR,
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: testPassed,
    },
    addLlamadaCampana: {
      step: '8.1, 9.1',
      description:
        'The operator records the outcome of a call to a person of the segment (the automatic dialler’s result, or their own call by the script).',
      kind: 'action',
      in: ['EN_CURSO'],
      role: OPERADOR,
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: isLlamada,
    },
    assignLoteCampana: {
      step: '11.1 (lote)',
      description:
        'The job campanas.envio claims the next batch of pending recipients of an e-mail campaign (each row once, whatever the number of workers) before sending them.',
      kind: 'action',
      in: ['EN_CURSO'],
      role: SISTEMA,
      reach: { kind: 'owner' },
      comment: 'optional',
      bumpsVersion: false,
    },
    addEnvioCampana: {
      step: '11.1 (resultado)',
      description:
        "The job campanas.envio records each claimed recipient's outcome: sent (with its Message-ID), bounced, failed or left out (unsubscribed).",
      kind: 'action',
      in: ['EN_CURSO'],
      role: SISTEMA,
      reach: { kind: 'owner' },
      comment: 'optional',
      bumpsVersion: false,
    },
    addBajaCorreo: {
      step: '11.1 (baja)',
      description:
        'A recipient opened the unsubscribe link of a campaign e-mail (public mutation unsubscribeCorreo): the address receives no more campaign e-mails, and its pending ones are left out.',
      kind: 'action',
      in: ['APROBADA', 'EN_CURSO', 'TERMINADA', 'REPORTADA', 'CERRADA'],
      role: SISTEMA,
      reach: { kind: 'owner' },
      comment: 'optional',
      bumpsVersion: false,
    },
    closeCampanaEnvio: {
      step: '8.2 / 9.2 / 11.2',
      description: 'The operator ends the campaign on the approved calendar (an e-mail campaign once every recipient is settled).',
      kind: 'transition',
      from: ['EN_CURSO'],
      to: 'TERMINADA',
      role: OPERADOR,
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: sendsSettled,
    },
    submitCampanaReporte: {
      step: '12.1-12.2',
      description:
        'The operator generates the final report (total and successful calls or e-mails, computed from what was recorded; also as /exports/reporteCampana.xlsx?id=<the campaign id>) and delivers it to the DVD.',
      kind: 'transition',
      from: ['TERMINADA'],
      to: 'REPORTADA',
      role: OPERADOR,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    closeCampana: {
      step: '13.1-13.2',
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
