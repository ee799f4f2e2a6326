// The contact centre's scheduled work (src/lib/jobs.ts): every minute, tickets
// past their business-day deadline are marked breached, once; each breach
// gets one notice to the Responsable de Canales by e-mail.
import type { Db } from '../../lib/db/client.js';
import type { JobDefinition } from '../../lib/jobs.js';

/** Marks open tickets whose deadline has passed; one UPDATE, so a ticket is marked once however many workers run. */
export const vencimientosJob: JobDefinition = {
  name: 'contacto.vencimientos',
  every: 60,
  run: async (_payload, { db, log, add }) => {
    const marked = await db.$queryRaw<{ id: string }[]>`
      UPDATE "Ticket" SET "vencidoAt" = now()
      WHERE estado <> 'ATENDIDO' AND "vencidoAt" IS NULL AND "venceAt" < now()
      RETURNING id::text`;
    for (const t of marked) await add('contacto.aviso-vencimiento', { ticketId: t.id }, { key: `aviso-vencimiento:${t.id}` });
    if (marked.length) log.info('tickets past their deadline', { count: marked.length });
  },
};

/** One notice per breached ticket to the Responsable(s) de Canales over the ticket's unit. */
export const avisoVencimientoJob: JobDefinition = {
  name: 'contacto.aviso-vencimiento',
  maxAttempts: 10,
  run: async (payload, { db, mailer }) => {
    const ticketId = String(payload.ticketId);
    const done = await db.avisoVencimiento.findUnique({ where: { ticketId }, select: { enviadoAt: true } });
    if (done?.enviadoAt) return;
    const to = await responsablesOf(db, ticketId);
    const t = await db.ticket.findUniqueOrThrow({
      where: { id: ticketId },
      select: { folio: true, canal: true, recibidoAt: true, venceAt: true, asunto: true },
    });
    const folio = `CC-${String(t.folio).padStart(6, '0')}`;
    for (const address of to) {
      await mailer.send({
        to: address,
        subject: `Ticket ${folio} vencido: sin respuesta en el plazo`,
        text: [
          `El ticket ${folio} (${t.canal === 'CORREO' ? 'correo electrónico' : 'llamada'}${t.asunto ? `: ${t.asunto}` : ''}) no fue atendido en el plazo.`,
          `Recibido: ${t.recibidoAt.toISOString()}`,
          `Vencía: ${t.venceAt?.toISOString() ?? '-'}`,
          '',
          'V-CANA-MP-02 C.4.5 4.1: la respuesta debe enviarse a más tardar dos días hábiles después de recibido el correo.',
        ].join('\n'),
      });
    }
    await db.avisoVencimiento.upsert({
      where: { ticketId },
      create: { ticketId, destinatarios: to, enviadoAt: new Date() },
      update: { destinatarios: to, enviadoAt: new Date() },
    });
  },
};

/** The e-mails of the people holding CONOCER_RESPONSABLE_CANALES at a unit that reaches the ticket's. */
export async function responsablesOf(db: Db, ticketId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ email: string }[]>`
    SELECT DISTINCT p.email FROM "Ticket" t
    JOIN "OrgUnit" tu ON tu.id = t."unitId"
    JOIN "RoleAssignment" ra ON ra.role = 'CONOCER_RESPONSABLE_CANALES'
    JOIN "OrgUnit" ru ON ru.id = ra."unitId" AND tu.path LIKE ru.path || '%'
    JOIN "Person" p ON p.id = ra."personId" AND p.active
    WHERE t.id = ${ticketId}::uuid
    ORDER BY p.email`;
  return rows.map((r) => r.email);
}
