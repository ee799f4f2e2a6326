// V-CANA-MP-02 (CONOCER, seed 004): C.4.1 "Atender al público vía Centro de
// Contacto" (L158-185) and C.4.5 "Atender correos electrónicos de usuarios"
// (L277-290). Calls and e-mails are tickets; the monthly (and quarterly)
// analysis and the DVD's report of results follow. Step numbers are the
// manual's, prefixed by the procedure when the two differ.
import { defineRecordWorkflow, defineWorkflow, type Tx, type WorkflowRecord } from '../../lib/workflow/types.js';
import { unitOwnedStore } from '../../lib/workflow/stores.js';
import type { EstadoAnalisisContacto, EstadoInformeResultadosContacto, EstadoTicket, Role } from '../../generated/prisma/enums.js';
import {
  readableAnalisisContacto,
  readableCierresConocer,
  readableCorreosCuarentena,
  readableInformesResultadosContacto,
  readableTickets,
} from './rules.js';

const OPERADOR: Role = 'CONOCER_OPERADOR_CONTACTO';
const RESPONSABLE: Role = 'CONOCER_RESPONSABLE_CANALES';
const DVD: Role = 'CONOCER_DIRECCION_VINCULACION';
/** The API itself: e-mails arriving at the mailbox, deadlines passing (src/lib/workflow/system.ts). */
const SISTEMA: Role = 'SISTEMA';

/** Step 4 answers a classified request: its type (3.2) and topic (8.1) are recorded. */
async function classified(tx: Tx, record: WorkflowRecord<string>): Promise<string | null> {
  const t = await tx.ticket.findUniqueOrThrow({ where: { id: record.id }, select: { tipoSolicitud: true, tema: true } });
  const missing = [t.tipoSolicitud ? null : 'tipoSolicitud (step 3.2)', t.tema ? null : 'tema (step 8.1)'].filter((m) => m !== null);
  return missing.length ? `Classify the request before answering it: ${missing.join('; ')}` : null;
}

/** The sweep marks a ticket once its business-day deadline has passed unanswered. */
async function pastDeadline(tx: Tx, record: WorkflowRecord<string>): Promise<string | null> {
  const t = await tx.ticket.findUniqueOrThrow({ where: { id: record.id }, select: { venceAt: true, vencidoAt: true } });
  if (t.vencidoAt) return 'The ticket is already marked past its deadline';
  return t.venceAt && t.venceAt.getTime() < Date.now() ? null : 'The ticket is not past its deadline';
}

/** The notice follows the mark, once. */
async function breachUnnoticed(tx: Tx, record: WorkflowRecord<string>): Promise<string | null> {
  const t = await tx.ticket.findUniqueOrThrow({ where: { id: record.id }, select: { vencidoAt: true } });
  if (!t.vencidoAt) return 'The ticket is not marked past its deadline';
  const aviso = await tx.avisoVencimiento.findUnique({ where: { ticketId: record.id }, select: { enviadoAt: true } });
  return aviso?.enviadoAt ? 'The notice of this breach is already recorded' : null;
}

export const ticketStore = unitOwnedStore<EstadoTicket>('ticket', { readable: readableTickets });

export const ticketWorkflow = defineWorkflow({
  name: 'ticket-contacto',
  procedure: 'V-CANA-MP-02 C.4.1 / C.4.5',
  title: 'Solicitudes del público al Centro de Contacto (llamadas y correos)',
  entity: 'Ticket',
  store: ticketStore,
  states: ['ABIERTO', 'CANALIZADO', 'ATENDIDO'],
  initial: 'ABIERTO',
  final: ['ATENDIDO'],
  steps: {
    createTicket: {
      step: 'C.4.1 1.1-3.2 / C.4.5 1.1-2.1',
      description:
        "The operator receives a call and records the person's data, the request and its type; or an e-mail arrives at the contact centre's mailbox over SMTP and the system opens the ticket. The ticket gets its folio.",
      kind: 'creation',
      to: 'ABIERTO',
      unitKinds: ['AREA_CONOCER'],
      role: [OPERADOR, SISTEMA],
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    updateTicket: {
      step: 'C.4.1 2.2-3.2 / C.4.5 2.1',
      description: "The operator completes or corrects the person's data and classifies the request (type, topic, source, profile).",
      kind: 'action',
      in: ['ABIERTO', 'CANALIZADO'],
      role: OPERADOR,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    addMensajeTicket: {
      step: 'C.4.5 1.1',
      description:
        'A further e-mail of the person (a reply in the same thread, by its headers or the folio in its subject) is attached to the open ticket: by the system when it arrives over SMTP, or by the operator.',
      kind: 'action',
      in: ['ABIERTO', 'CANALIZADO'],
      role: [OPERADOR, SISTEMA],
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    sendTicket: {
      step: 'C.4.1 3.3 → 5.1 / C.4.5 2.2 → 3.1',
      description:
        'The request cannot be answered at once: the operator hands it to the Responsable de Canales (and a specialist), recording the specialist the person was referred to.',
      kind: 'transition',
      from: ['ABIERTO'],
      to: 'CANALIZADO',
      role: OPERADOR,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    addApoyoTicket: {
      step: 'C.4.5 3.2',
      description: 'The Responsable de Canales or a specialist gives the operator the information needed to answer.',
      kind: 'action',
      in: ['CANALIZADO'],
      role: [RESPONSABLE, 'CONOCER_ESPECIALISTA'],
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    closeTicket: {
      step: 'C.4.1 4.1 / C.4.5 4.1',
      description:
        'The operator gives the information or support asked for; for an e-mail the answer is sent to the person by e-mail (within two business days of receipt).',
      kind: 'transition',
      from: ['ABIERTO', 'CANALIZADO'],
      to: 'ATENDIDO',
      role: OPERADOR,
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: classified,
    },
    receiveTicket: {
      step: 'C.4.5 1.1',
      description: 'The person replies to an answered ticket: the reply is attached and the ticket is open again, with a new deadline.',
      kind: 'transition',
      from: ['ATENDIDO'],
      to: 'ABIERTO',
      role: [OPERADOR, SISTEMA],
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    markTicketVencido: {
      step: 'C.4.5 4.1 (plazo)',
      description:
        "The ticket's business-day deadline passed unanswered: the job contacto.vencimientos marks it breached (once) and queues the notice to the Responsable de Canales.",
      kind: 'action',
      in: ['ABIERTO', 'CANALIZADO'],
      role: SISTEMA,
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: pastDeadline,
    },
    recordAvisoVencimiento: {
      step: 'C.4.5 4.1 (aviso)',
      description:
        'The job contacto.aviso-vencimiento has e-mailed the Responsable(s) de Canales that the ticket missed its deadline; the notice is recorded (once).',
      kind: 'action',
      in: ['ABIERTO', 'CANALIZADO', 'ATENDIDO'],
      role: SISTEMA,
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: breachUnnoticed,
      // One notice job per ticket (its job key): no race to serialise, and an operator's edit is not refused for it.
      bumpsVersion: false,
    },
  },
});

export const cierreConocerWorkflow = defineRecordWorkflow({
  name: 'cierre-conocer',
  procedure: 'V-CANA-MP-02 C.4.5 4.1',
  title: 'Días de cierre declarados por CONOCER (plazos en días hábiles)',
  entity: 'CierreConocer',
  store: unitOwnedStore('cierreConocer', { readable: readableCierresConocer, fixedState: 'DECLARADO' }),
  state: 'DECLARADO',
  steps: {
    createCierreConocer: {
      step: 'C.4.5 4.1',
      description:
        "The DVD declares a day CONOCER is closed besides Mexico's official holidays; business-day deadlines (two days for e-mails, 7-10 and 5-7 for the analyses) skip it.",
      kind: 'creation',
      to: 'DECLARADO',
      unitKinds: ['AREA_CONOCER', 'CONOCER'],
      role: DVD,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
  },
});

/** Step 8.1 is done before sending: comments written, every audited audio commented (8.2). */
async function analysisReady(tx: Tx, record: WorkflowRecord<string>): Promise<string | null> {
  const a = await tx.analisisContacto.findUniqueOrThrow({
    where: { id: record.id },
    select: { comentarios: true, auditorias: { select: { comentarios: true } } },
  });
  const missing = [
    a.comentarios ? null : 'comentarios (step 8.1)',
    a.auditorias.every((x) => x.comentarios) ? null : 'comments on every audited audio (step 8.2)',
  ].filter((m) => m !== null);
  return missing.length ? `Record before sending the analysis: ${missing.join('; ')}` : null;
}

export const analisisStore = unitOwnedStore<EstadoAnalisisContacto>('analisisContacto', { readable: readableAnalisisContacto });

export const analisisContactoWorkflow = defineWorkflow({
  name: 'analisis-contacto',
  procedure: 'V-CANA-MP-02 C.4.1 7-8 / C.4.5 6-7',
  title: 'Análisis mensual y trimestral del Centro de Contacto',
  entity: 'AnalisisContacto',
  store: analisisStore,
  states: ['EN_ELABORACION', 'ENVIADO', 'RECIBIDO'],
  initial: 'EN_ELABORACION',
  final: ['RECIBIDO'],
  steps: {
    createAnalisisContacto: {
      step: 'C.4.1 7.1, 8.2 / C.4.5 6.1',
      description:
        "The Responsable de Canales receives the period's reports (computed from the tickets) and starts the analysis, due 7-10 business days later; five call audios of the period are drawn at random from a recorded seed.",
      kind: 'creation',
      to: 'EN_ELABORACION',
      unitKinds: ['AREA_CONOCER'],
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    updateAnalisisContacto: {
      step: 'C.4.1 8.1-8.3 / C.4.5 7.1',
      description:
        'The Responsable writes the comments on the charts, the competence standards users ask for, and the comments on each audited audio.',
      kind: 'action',
      in: ['EN_ELABORACION'],
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    submitAnalisisContacto: {
      step: 'C.4.1 8.1 / C.4.5 7.1',
      description: 'The Responsable sends the analysis to the Dirección de Vinculación y Difusión.',
      kind: 'transition',
      from: ['EN_ELABORACION'],
      to: 'ENVIADO',
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: analysisReady,
    },
    receiveAnalisisContacto: {
      step: 'C.4.1 9.1 / C.4.5 8.1',
      description: 'The DVD receives the monthly (or quarterly) analysis; its report of results is due 5-7 business days later.',
      kind: 'transition',
      from: ['ENVIADO'],
      to: 'RECIBIDO',
      role: DVD,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
  },
});

export const informeResultadosContactoWorkflow = defineWorkflow({
  name: 'informe-resultados-contacto',
  procedure: 'V-CANA-MP-02 C.4.1 9-10 / C.4.5 8-9',
  title: 'Informe de resultados, brechas y áreas de oportunidad del Centro de Contacto',
  entity: 'InformeResultadosContacto',
  store: unitOwnedStore<EstadoInformeResultadosContacto>('informeResultadosContacto', { readable: readableInformesResultadosContacto }),
  states: ['ELABORADO', 'PRESENTADO', 'CERRADO'],
  initial: 'ELABORADO',
  final: ['CERRADO'],
  steps: {
    createInformeResultadosContacto: {
      step: 'C.4.1 9.2-9.3 / C.4.5 8.2-8.3',
      description: 'The DVD identifies areas of opportunity and drafts the report of results, gaps and opportunities.',
      kind: 'creation',
      to: 'ELABORADO',
      under: {
        subject: { entity: 'AnalisisContacto', store: analisisStore, states: ['RECIBIDO'] },
        description: 'an analysis the DVD has received (RECIBIDO)',
      },
      role: DVD,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    publishInformeResultadosContacto: {
      step: 'C.4.1 9.4-9.5 / C.4.5 8.4-8.5',
      description:
        "The DVD presents the report to CONOCER's areas (within 5-7 business days of receiving the analysis) and gives instructions for the agreed improvement actions.",
      kind: 'transition',
      from: ['ELABORADO'],
      to: 'PRESENTADO',
      role: DVD,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    updateInformeResultadosContacto: {
      step: 'C.4.1 10.1 / C.4.5 9.1',
      description: 'The Responsable de Canales records the follow-up of the improvement actions.',
      kind: 'action',
      in: ['PRESENTADO'],
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    closeInformeResultadosContacto: {
      step: 'C.4.1 10.1 / C.4.5 9.1',
      description: 'The improvement actions are implemented: the Responsable closes the follow-up with its result.',
      kind: 'transition',
      from: ['PRESENTADO'],
      to: 'CERRADO',
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
  },
});

export const correoCuarentenaWorkflow = defineRecordWorkflow({
  name: 'correo-cuarentena',
  procedure: 'V-CANA-MP-02 C.4.5 1.1',
  title: 'Correos recibidos que no pudieron leerse como solicitud (cuarentena)',
  entity: 'CorreoCuarentena',
  store: unitOwnedStore('correoCuarentena', { readable: readableCorreosCuarentena, fixedState: 'EN_CUARENTENA' }),
  state: 'EN_CUARENTENA',
  steps: {
    quarantineCorreo: {
      step: 'C.4.5 1.1 (cuarentena)',
      description:
        "An e-mail arrived at the contact centre's mailbox that cannot be read as a request (unparseable, no usable sender, nothing written): the system keeps it whole, with the reason, for the operators to review.",
      kind: 'creation',
      to: 'EN_CUARENTENA',
      unitKinds: ['AREA_CONOCER'],
      role: SISTEMA,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
  },
});

/** The module's workflows, as its export lists them. */
export const contactoWorkflows = [
  ticketWorkflow,
  cierreConocerWorkflow,
  analisisContactoWorkflow,
  informeResultadosContactoWorkflow,
  correoCuarentenaWorkflow,
];
