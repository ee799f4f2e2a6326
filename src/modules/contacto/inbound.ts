// The contact centre's mailbox (C.4.5 1.1): e-mails sent to CONOCER through
// the portal arrive at the inbound SMTP server (src/lib/mail/inbound.ts) and
// become tickets. Every write is a declared step the system actor takes
// (docs/decisions/021-system-actor.md), audited with "[job contacto.buzon]":
// - a reply (its In-Reply-To or References name an e-mail of a ticket, or its
//   subject carries the ticket's folio "CC-000123" and it comes from the
//   ticket's address) is attached to that ticket: addMensajeTicket while it is
//   open, receiveTicket (reopened, new deadline) once answered;
// - any other e-mail opens a ticket: createTicket, with the e-mail as its first message;
// - one that cannot be read as a request is kept whole in quarantine: quarantineCorreo.
// The same Message-ID twice (the sender retrying) is stored once.
import { createHash } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { AppError, ErrorCode } from '../../lib/errors.js';
import type { InboundHandler, InboundMessage } from '../../lib/mail/inbound.js';
import { createRecord, takeStep, type EngineContext } from '../../lib/workflow/engine.js';
import { SYSTEM_PERSON, systemContext } from '../../lib/workflow/system.js';
import { conocerCalendar, DIAS_RESPUESTA_CORREO } from './plazos.js';
import { checkPersona, createTicketRow, mensajePlan, reopenPlan, type MensajeArgs } from './mutations.js';
import { InputChecker } from '../../lib/errors.js';
import { correoCuarentenaWorkflow, ticketWorkflow } from './workflow.js';

/** The caller recorded in the audit entries of the mailbox's steps. */
export const BUZON_JOB = 'contacto.buzon';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A folio in a subject: "CC-000123" (as answers carry it, "[CC-000123] Re: …"). */
const FOLIO = /\bCC-(\d{6,9})\b/i;

interface Reading {
  de: string;
  nombre: string;
  asunto: string;
  texto: string;
  messageId: string;
  inReplyTo: string | null;
  /** In-Reply-To and References: the e-mails this one answers. */
  refs: string[];
}

/** What the request says, or why it cannot be read as one. */
export function readRequest(message: InboundMessage): Reading | { motivo: string } {
  const mail: ParsedMail | null = message.parsed;
  if (!mail) return { motivo: `Unparseable message: ${message.parseError ?? 'unknown error'}` };
  const from = mail.from?.value.find((a) => a.address && EMAIL.test(a.address));
  if (!from?.address) return { motivo: 'No sender address in From' };
  const texto = (mail.text ?? (typeof mail.html === 'string' ? mail.html.replace(/<[^>]*>/g, ' ') : '')).trim();
  const asunto = (mail.subject ?? '').trim();
  if (!texto && !asunto) return { motivo: 'Empty message: no subject and no text' };
  const refs = [mail.inReplyTo, ...(Array.isArray(mail.references) ? mail.references : mail.references ? [mail.references] : [])]
    .filter((r): r is string => !!r)
    .map((r) => r.trim());
  // Without a Message-ID, one derived from the bytes: the sender's retry is still recognised.
  const messageId = mail.messageId?.trim() || `<${createHash('sha256').update(message.raw).digest('hex').slice(0, 32)}@buzon.invalid>`;
  return {
    de: from.address.trim().toLowerCase(),
    nombre: (from.name?.trim() || from.address.split('@')[0]).slice(0, 200),
    asunto: asunto.slice(0, 998) || '(sin asunto)',
    texto: (texto || asunto).slice(0, 100_000),
    messageId: messageId.slice(0, 998),
    inReplyTo: mail.inReplyTo?.trim() || null,
    refs,
  };
}

/** The ticket the e-mail replies to: by its headers, else by the folio in its subject when it comes from the ticket's address. */
async function threadOf(ctx: EngineContext, r: Reading) {
  if (r.refs.length) {
    const m = await ctx.db.mensajeTicket.findFirst({
      where: { messageId: { in: r.refs } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { ticket: { select: { id: true, estado: true } } },
    });
    if (m) return m.ticket;
  }
  const folio = FOLIO.exec(r.asunto);
  if (folio) {
    const t = await ctx.db.ticket.findFirst({
      where: { folio: Number(folio[1]), correo: r.de },
      select: { id: true, estado: true },
    });
    if (t) return t;
  }
  return null;
}

async function quarantine(ctx: EngineContext, unitId: string, message: InboundMessage, motivo: string) {
  const remitente = message.parsed?.from?.text?.slice(0, 500) || message.envelopeFrom;
  await createRecord(ctx, correoCuarentenaWorkflow, 'quarantineCorreo', {
    unitId,
    create: async (tx, { unit }) => {
      const { id } = await tx.correoCuarentena.create({
        data: { unitId: unit.id, remitente, motivo, crudo: new Uint8Array(message.raw) },
        select: { id: true },
      });
      return { id, changes: { remitente, motivo, bytes: message.raw.length } };
    },
  });
  ctx.log.warn('inbound mail quarantined', { motivo, remitente });
}

/** Stores one e-mail of the mailbox (ApiModule.inbound). */
export const recibirCorreo: InboundHandler = async (message, { db, log, mailboxUnit }) => {
  const unit = await db.orgUnit.findUnique({ where: { code: mailboxUnit }, select: { id: true } });
  if (!unit) throw new Error(`CONTACTO_UNIT ${mailboxUnit} names no unit`);
  const ctx = await systemContext(db, log, BUZON_JOB);
  const reading = readRequest(message);
  if ('motivo' in reading) return quarantine(ctx, unit.id, message, reading.motivo);
  if (await db.mensajeTicket.count({ where: { messageId: reading.messageId } })) return;
  const mensaje: MensajeArgs = {
    de: reading.de,
    asunto: reading.asunto,
    texto: reading.texto,
    messageId: reading.messageId,
    inReplyTo: reading.inReplyTo,
  };
  try {
    const thread = await threadOf(ctx, reading);
    if (thread?.estado === 'ATENDIDO') await takeStep(ctx, ticketWorkflow, 'receiveTicket', thread.id, await reopenPlan(db, mensaje));
    else if (thread) await takeStep(ctx, ticketWorkflow, 'addMensajeTicket', thread.id, mensajePlan(mensaje));
    else await openTicket(ctx, unit.id, reading);
  } catch (error) {
    // What the steps refuse as input (a name or text they do not accept) is kept, with the reason, not lost.
    if (error instanceof AppError && error.extensions.code === ErrorCode.BAD_USER_INPUT) {
      const issues = (error.extensions.issues as { path: string[]; message: string }[] | undefined) ?? [];
      return quarantine(
        ctx,
        unit.id,
        message,
        `Refused: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') || error.message}`,
      );
    }
    throw error;
  }
};

/** createTicket by the system: a CORREO ticket due two business days after receipt, with the e-mail as its first message. */
async function openTicket(ctx: EngineContext, unitId: string, r: Reading) {
  const persona = { nombre: r.nombre, correo: r.de };
  await createRecord(ctx, ticketWorkflow, 'createTicket', {
    unitId,
    validate: () => {
      const check = new InputChecker();
      checkPersona(check, persona);
      return check.issues;
    },
    create: async (tx, { unit }) => {
      const recibidoAt = new Date();
      const venceAt = (await conocerCalendar(tx)).deadline(recibidoAt, DIAS_RESPUESTA_CORREO);
      const created = await createTicketRow(tx, {
        ...checkPersona(new InputChecker(), persona),
        canal: 'CORREO',
        asunto: r.asunto,
        pregunta: r.texto,
        recibidoAt,
        venceAt,
        unitId: unit.id,
        createdById: SYSTEM_PERSON.id,
        operadorId: null,
      });
      await tx.mensajeTicket.create({
        data: {
          ticketId: created.id,
          entrante: true,
          messageId: r.messageId,
          inReplyTo: r.inReplyTo,
          de: r.de,
          para: '',
          asunto: r.asunto,
          texto: r.texto,
        },
      });
      return { ...created, changes: { ...created.changes, messageId: r.messageId, de: r.de } };
    },
  });
}
