// The contact centre's scheduled work (src/lib/jobs.ts): every minute, tickets
// past their business-day deadline are marked breached, once; each breach
// gets one notice to the Responsable de Canales by e-mail. Both writes are
// declared steps (markTicketVencido, recordAvisoVencimiento) the system actor
// takes through the engine, audited with the job's name
// (docs/decisions/021-system-actor.md).
import type { Db } from '../../lib/db/client.js';
import type { JobDefinition } from '../../lib/jobs.js';
import { takeStep } from '../../lib/workflow/engine.js';
import { alreadyDone } from '../../lib/workflow/system.js';
import { folioText } from './types.js';
import { ticketWorkflow } from './workflow.js';

/** Takes a step; false when it was refused only because somebody got there first (alreadyDone). */
async function unlessDone(step: () => Promise<unknown>): Promise<boolean> {
  try {
    await step();
    return true;
  } catch (error) {
    if (alreadyDone(error)) return false;
    throw error;
  }
}

/** Marks open tickets whose deadline has passed, each with the step markTicketVencido (marked once however many workers run). */
export const vencimientosJob: JobDefinition = {
  name: 'contacto.vencimientos',
  every: 60,
  run: async (_payload, { db, log, system }) => {
    const due = await db.ticket.findMany({
      where: { estado: { not: 'ATENDIDO' }, vencidoAt: null, venceAt: { lt: new Date() } },
      select: { id: true },
      orderBy: [{ venceAt: 'asc' }, { id: 'asc' }],
      take: 1000,
    });
    if (!due.length) return;
    const ctx = await system();
    let marked = 0;
    for (const t of due) {
      const done = await unlessDone(() =>
        takeStep(ctx, ticketWorkflow, 'markTicketVencido', t.id, {
          // The step moves the record's version: of two sweeps racing on one ticket, the second is refused (CONFLICT).
          data: { vencidoAt: new Date() },
          // The notice is queued in the same transaction: no mark without its notice, no notice without its mark.
          effects: async (tx) => {
            await tx.$executeRaw`SELECT 1 FROM graphile_worker.add_job(
              'contacto.aviso-vencimiento', json_build_object('ticketId', ${t.id}::text),
              job_key => ${`aviso-vencimiento:${t.id}`}, max_attempts => 10, job_key_mode => 'preserve_run_at')`;
          },
        }),
      );
      if (done) marked++;
    }
    if (marked) log.info('tickets past their deadline', { count: marked });
  },
};

/** One notice per breached ticket to the Responsable(s) de Canales over the ticket's unit, recorded with recordAvisoVencimiento. */
export const avisoVencimientoJob: JobDefinition = {
  name: 'contacto.aviso-vencimiento',
  maxAttempts: 10,
  run: async (payload, { db, mailer, system }) => {
    const ticketId = String(payload.ticketId);
    const done = await db.avisoVencimiento.findUnique({ where: { ticketId }, select: { enviadoAt: true } });
    if (done?.enviadoAt) return;
    const t = await db.ticket.findUniqueOrThrow({
      where: { id: ticketId },
      select: { unitId: true, folio: true, canal: true, recibidoAt: true, venceAt: true, asunto: true },
    });
    const to = await responsablesCanales(db, t.unitId);
    const folio = folioText(t.folio);
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
    await unlessDone(async () =>
      takeStep(await system(), ticketWorkflow, 'recordAvisoVencimiento', ticketId, {
        effects: async (tx) => {
          const enviadoAt = new Date();
          await tx.avisoVencimiento.upsert({
            where: { ticketId },
            create: { ticketId, destinatarios: to, enviadoAt },
            update: { destinatarios: to, enviadoAt },
          });
          return { destinatarios: to, enviadoAt };
        },
      }),
    );
  },
};

/**
 * The e-mails of the active people holding CONOCER_RESPONSABLE_CANALES at unit `unitId` or above it (those who
 * reach a record of that unit): a ticket's breach notice, a campaign's test sends.
 */
export async function responsablesCanales(db: Pick<Db, '$queryRaw'>, unitId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ email: string }[]>`
    SELECT DISTINCT p.email FROM "OrgUnit" u
    JOIN "RoleAssignment" ra ON ra.role = 'CONOCER_RESPONSABLE_CANALES'
    JOIN "OrgUnit" ru ON ru.id = ra."unitId" AND u.path LIKE ru.path || '%'
    JOIN "Person" p ON p.id = ra."personId" AND p.active
    WHERE u.id = ${unitId}::uuid
    ORDER BY p.email`;
  return rows.map((r) => r.email);
}
