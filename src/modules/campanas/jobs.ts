// The campaign e-mails go out on the job queue (src/lib/jobs.ts; docs/decisions/024-campanas.md):
// every CAMPANA_CADA_SEGUNDOS (default 10; JOBS_EVERY_SECONDS in tests) one run
// sends at most CAMPANA_LOTE (default 20) e-mails, so the rate is bounded across
// all processes (one pending run at a time). Each batch is claimed in the
// database before any message leaves (assignLoteCampana: PENDIENTE → ENVIANDO,
// FOR UPDATE SKIP LOCKED) and each outcome recorded after (addEnvioCampana), both
// declared steps of the system actor. A stopping process finishes its batch; a
// batch cut off by a crash stays ENVIANDO and is marked INTERRUMPIDO, never
// resent: nobody receives a campaign twice.
import type { JobDefinition } from '../../lib/jobs.js';
import { takeStep } from '../../lib/workflow/engine.js';
import { alreadyDone } from '../../lib/workflow/system.js';
import { campanaMail, hashToken, newToken } from './mail.js';
import { campanaWorkflow } from './workflow.js';

const positive = (v: string | undefined, fallback: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};
const lote = () => positive(process.env.CAMPANA_LOTE, 20);
/** A claim older than this belongs to a batch that never finished (its process died). */
const CLAIM_STALE_MS = 10 * 60_000;

interface Claimed {
  id: string;
  correo: string;
  token: string;
}
type Outcome = { id: string; resultadoEnvio: 'ENVIADO' | 'REBOTADO' | 'FALLIDO' | 'OMITIDO'; messageId?: string; error?: string };

/** An SMTP error's reply code (nodemailer's responseCode), if any. */
const smtpCode = (error: unknown): number | undefined => {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' ? code : undefined;
};

export const envioCampanasJob: JobDefinition = {
  name: 'campanas.envio',
  every: positive(process.env.CAMPANA_CADA_SEGUNDOS, 10),
  run: async (_payload, { db, log, mailer, system }) => {
    const ctx = await system();
    // Batches cut off by a dead process: settled as INTERRUMPIDO, not resent.
    const stale = await db.destinatarioCampana.findMany({
      where: { resultadoEnvio: 'ENVIANDO', reclamadoAt: { lt: new Date(Date.now() - CLAIM_STALE_MS) } },
      select: { id: true, campanaId: true },
      take: 1000,
    });
    for (const campanaId of new Set(stale.map((s) => s.campanaId))) {
      const ids = stale.filter((s) => s.campanaId === campanaId).map((s) => s.id);
      await takeStep(ctx, campanaWorkflow, 'addEnvioCampana', campanaId, {
        comment: 'lote interrumpido',
        effects: async (tx) => {
          const n = await tx.destinatarioCampana.updateMany({
            where: { id: { in: ids }, resultadoEnvio: 'ENVIANDO' },
            data: { resultadoEnvio: 'INTERRUMPIDO', error: 'The batch was cut off before its outcome was recorded; not resent' },
          });
          return { interrumpidos: n.count };
        },
      }).catch((error: unknown) => {
        if (!alreadyDone(error)) throw error;
      });
    }

    let budget = lote();
    const campanas = await db.campana.findMany({
      where: { estado: 'EN_CURSO', tipo: 'CORREO', destinatarios: { some: { resultadoEnvio: 'PENDIENTE' } } },
      select: { id: true, asunto: true, mensaje: true },
      orderBy: [{ lanzadaAt: 'asc' }, { id: 'asc' }],
    });
    for (const c of campanas) {
      if (budget <= 0) break;
      const claimed: Claimed[] = [];
      try {
        await takeStep(ctx, campanaWorkflow, 'assignLoteCampana', c.id, {
          effects: async (tx) => {
            const rows = await tx.$queryRaw<{ id: string; correo: string }[]>`
              SELECT id::text, correo FROM "DestinatarioCampana"
              WHERE "campanaId" = ${c.id}::uuid AND "resultadoEnvio" = 'PENDIENTE' AND correo IS NOT NULL
              ORDER BY orden LIMIT ${budget} FOR UPDATE SKIP LOCKED`;
            const reclamadoAt = new Date();
            for (const r of rows) {
              const token = newToken();
              await tx.destinatarioCampana.update({
                where: { id: r.id },
                data: { resultadoEnvio: 'ENVIANDO', reclamadoAt, tokenBajaHash: hashToken(token) },
              });
              claimed.push({ id: r.id, correo: r.correo, token });
            }
            return { lote: claimed.length };
          },
        });
      } catch (error) {
        if (alreadyDone(error)) continue;
        throw error;
      }
      if (!claimed.length) continue;
      budget -= claimed.length;
      const bajas = new Set(
        (await db.bajaCorreo.findMany({ where: { correo: { in: claimed.map((r) => r.correo) } }, select: { correo: true } })).map(
          (b) => b.correo,
        ),
      );
      const outcomes: Outcome[] = [];
      for (const r of claimed) {
        if (bajas.has(r.correo)) {
          outcomes.push({ id: r.id, resultadoEnvio: 'OMITIDO' });
          continue;
        }
        try {
          const sent = await mailer.send(campanaMail({ to: r.correo, asunto: c.asunto ?? '', mensaje: c.mensaje ?? '', token: r.token }));
          outcomes.push({ id: r.id, resultadoEnvio: 'ENVIADO', messageId: sent.messageId });
        } catch (error) {
          const code = smtpCode(error);
          const text = (error instanceof Error ? error.message : String(error)).slice(0, 500);
          outcomes.push({ id: r.id, resultadoEnvio: code !== undefined && code >= 500 ? 'REBOTADO' : 'FALLIDO', error: text });
        }
      }
      await takeStep(ctx, campanaWorkflow, 'addEnvioCampana', c.id, {
        effects: async (tx) => {
          const enviadoAt = new Date();
          for (const o of outcomes) {
            await tx.destinatarioCampana.update({
              where: { id: o.id },
              data: { resultadoEnvio: o.resultadoEnvio, messageId: o.messageId ?? null, error: o.error ?? null, enviadoAt },
            });
          }
          const tally: Record<string, number> = {};
          for (const o of outcomes) tally[o.resultadoEnvio] = (tally[o.resultadoEnvio] ?? 0) + 1;
          return tally;
        },
      });
      log.info('campaign batch sent', { campanaId: c.id, count: outcomes.length });
    }
  },
};
