// E-mail of the contact centre: answers leave from the ticket (C.4.5 4.1).
import { randomBytes } from 'node:crypto';
import type { Context } from '../../context.js';
import type { Tx } from '../../lib/workflow/types.js';
import { folioText } from './types.js';

/** The contact centre's address: the sender of answers, and the inbound mailbox. */
export const contactoAddress = () => process.env.CONTACTO_MAIL_FROM ?? 'centro.contacto@conocer.gob.mx';

/** "Re: …" once. */
const reSubject = (s: string) => (/^re:/i.test(s.trim()) ? s.trim() : `Re: ${s.trim()}`);

/**
 * For an e-mail ticket, records the answer as an outgoing message threaded on
 * the person's last e-mail (In-Reply-To / References), to be sent once the step commits.
 */
export async function answerByMail(tx: Tx, _ctx: Context, ticketId: string, texto: string): Promise<Record<string, unknown>> {
  const t = await tx.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    select: {
      canal: true,
      correo: true,
      folio: true,
      asunto: true,
      mensajes: {
        where: { entrante: true },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: 1,
        select: { messageId: true, asunto: true },
      },
    },
  });
  if (t.canal !== 'CORREO' || !t.correo) return {};
  const from = contactoAddress();
  const last = t.mensajes[0];
  const messageId = `<${folioText(t.folio).toLowerCase()}.${randomBytes(6).toString('hex')}@${from.split('@')[1]}>`;
  const asunto = `[${folioText(t.folio)}] ${reSubject(last?.asunto ?? t.asunto ?? 'Su solicitud al CONOCER')}`;
  await tx.mensajeTicket.create({
    data: { ticketId, entrante: false, messageId, inReplyTo: last?.messageId ?? null, de: from, para: t.correo, asunto, texto },
  });
  return { correo: { para: t.correo, asunto, messageId, inReplyTo: last?.messageId ?? null } };
}

/** After the step commits: sends the answer recorded by `answerByMail`, threaded on the person's e-mail. */
export async function sendAnswer(ctx: Context, changes: Record<string, unknown>): Promise<void> {
  const correo = changes.correo as { para: string; asunto: string; messageId: string; inReplyTo: string | null } | undefined;
  if (!correo) return;
  const texto = typeof changes.respuesta === 'string' ? changes.respuesta : '';
  const threading: Record<string, string> = correo.inReplyTo ? { 'In-Reply-To': correo.inReplyTo, References: correo.inReplyTo } : {};
  await ctx.services.mailer.send({
    to: correo.para,
    subject: correo.asunto,
    text: texto,
    headers: { 'Message-ID': correo.messageId, 'Reply-To': contactoAddress(), ...threading },
  });
}
