// Uploaded SAE files (queueImportacionSae) are imported in the background:
// the whole file is checked first (reads only: a file with a bad row writes
// nothing and ends RECHAZADA with its bad rows), then written in batches of
// LOTE rows, each batch one `advanceImportacionSae` step (its own
// transaction, audited, the progress on the record), and closed with
// `completeImportacionSae`. Every write is a step of the workflow engine,
// taken as the person who queued the file.
//
// The runner itself is deliberately minimal — one in-process promise chain,
// one import at a time — and trivially replaceable: `runImportacionSae(ctx,
// id)` is the whole job. Once a job queue exists (src/lib/jobs.ts), `enqueue`
// becomes "add a job { importacionId, personId }" and the job rebuilds the
// context with the person's viewer; nothing else changes. Until then a queued
// import whose process stopped (a restart) stays EN_COLA or EN_PROCESO and is
// resumed by a person with `advanceImportacionSae` (each call writes a batch).
import type { EstadoImportacionSae } from '../../generated/prisma/enums.js';
import type { Context } from '../../context.js';
import type { InputIssue } from '../../lib/errors.js';
import { takeStep, type ChangePlan } from '../../lib/workflow/engine.js';
import { checkSaeStream, type SaeCheck, type SaeIssue, type SaePlan } from './sae.js';
import { importacionSaeWorkflow as wf } from './workflow.js';

/** Rows written by one `advanceImportacionSae` step. */
export const LOTE = 5000;
/** Bad rows kept on a RECHAZADA record (the count is in the audit comment). */
const MAX_ERRORES = 1000;

type JobContext = Pick<Context, 'db' | 'services' | 'viewer' | 'log'>;

export interface QueuedRow {
  id: string;
  estado: EstadoImportacionSae;
  version: number;
  tipo: Parameters<typeof checkSaeStream>[2];
  documentoId: string | null;
  filasProcesadas: number;
  unit: { path: string };
}
const queuedSelect = {
  id: true,
  estado: true,
  version: true,
  tipo: true,
  documentoId: true,
  filasProcesadas: true,
  unit: { select: { path: true } },
} as const;

export const loadQueued = (ctx: Pick<Context, 'db'>, id: string, where: object = {}): Promise<QueuedRow | null> =>
  ctx.db.importacionSae.findFirst({ where: { AND: [{ id }, where] }, select: queuedSelect });

/** Reads the uploaded file of a queued import from the document store and checks every row (reads only). */
export async function checkQueued(ctx: Pick<Context, 'db' | 'services'>, row: QueuedRow): Promise<SaeCheck> {
  const doc = await ctx.db.documento.findUniqueOrThrow({
    where: { id: row.documentoId! },
    select: { claveAlmacen: true, tipoContenido: true },
  });
  return checkSaeStream(ctx.db, row.unit, row.tipo, await ctx.services.documents.get(doc.claveAlmacen), doc.tipoContenido);
}

/** Bad rows as BAD_USER_INPUT issues under `base` (e.g. ['input', 'documentoId']). */
export const issuesAt = (issues: SaeIssue[], base: (string | number)[]): InputIssue[] =>
  issues.map((i) => ({ path: [...base, i.linea, i.campo], message: `Línea ${i.linea}, ${i.campo || 'archivo'}: ${i.mensaje}` }));

/** One `advanceImportacionSae`: writes rows [filasProcesadas, filasProcesadas + LOTE) of the checked file and records the progress. */
export function advancePlan(plan: SaePlan, row: QueuedRow, version?: number | null): ChangePlan<EstadoImportacionSae> {
  const from = Math.min(row.filasProcesadas, plan.filas);
  const to = Math.min(plan.filas, from + LOTE);
  return {
    version: version ?? row.version,
    data: { filas: plan.filas, filasProcesadas: to },
    effects: async (tx, record) => {
      const counts = await plan.write(tx, from, to);
      await tx.importacionSae.update({
        where: { id: record.id },
        data: {
          creadas: { increment: counts.creadas },
          actualizadas: { increment: counts.actualizadas },
          sinCambios: { increment: counts.sinCambios },
        },
      });
      return { desde: from + 1, hasta: to, creadas: counts.creadas, actualizadas: counts.actualizadas, sinCambios: counts.sinCambios };
    },
  };
}

/** The whole job: check, then batches, then close (or reject with the bad rows). */
export async function runImportacionSae(ctx: JobContext, id: string): Promise<void> {
  let row = await loadQueued(ctx, id);
  if (!row || !row.documentoId || (row.estado !== 'EN_COLA' && row.estado !== 'EN_PROCESO')) return;
  const check = await checkQueued(ctx, row);
  const asCtx = ctx as Context;
  if ('issues' in check) {
    await takeStep(asCtx, wf, 'rejectImportacionSae', id, {
      version: row.version,
      comment: `El archivo tiene ${check.issues.length} filas o campos con errores; no se importó nada`,
      data: { errores: check.issues.slice(0, MAX_ERRORES) },
    });
    return;
  }
  do {
    await takeStep(asCtx, wf, 'advanceImportacionSae', id, advancePlan(check.plan, row));
    row = (await loadQueued(ctx, id))!;
  } while (row.filasProcesadas < check.plan.filas);
  await takeStep(asCtx, wf, 'completeImportacionSae', id, { version: row.version });
}

/** The minimal runner: one import at a time, in this process. Replace with src/lib/jobs.ts when it lands. */
let chain: Promise<void> = Promise.resolve();
export const saeRunner = {
  enqueue(ctx: JobContext, id: string): void {
    chain = chain
      .then(() => runImportacionSae(ctx, id))
      .catch((error: unknown) =>
        ctx.log.error('SAE import stopped', { importacionId: id, error: error instanceof Error ? error.message : String(error) }),
      );
  },
  /** Resolves when every import enqueued so far has ended (tests, the bench, shutdown). */
  idle: (): Promise<void> => chain,
};
