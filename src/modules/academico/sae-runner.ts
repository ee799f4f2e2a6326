// Uploaded SAE files (queueImportacionSae) are imported in the background:
// the whole file is checked first (reads only: a file with a bad row writes
// nothing and ends RECHAZADA with its bad rows), then written in batches of
// LOTE rows, each batch one `advanceImportacionSae` step (its own
// transaction, audited, the progress on the record), and closed with
// `completeImportacionSae`. Every write is a step of the workflow engine,
// taken as the person who queued the file.
//
// The work is the job `academico.importacion-sae` on the job queue
// (src/lib/jobs.ts, graphile-worker): queued in the same transaction as the
// record, so it survives restarts and runs once however many API processes
// run workers. When the process stops, the job stops after its current batch
// and is retried (here or elsewhere), going on from `filasProcesadas`.
// Without a job queue (the embedded engine, JOBS=off) the same work runs in
// this process, one import at a time (`inProcess`); an import its process
// dropped is resumed by a person with `advanceImportacionSae`.
import type { EstadoImportacionSae } from '../../generated/prisma/enums.js';
import type { Context } from '../../context.js';
import type { Db } from '../../lib/db/client.js';
import type { DocumentStore } from '../../lib/documents/store.js';
import type { InputIssue } from '../../lib/errors.js';
import type { JobDefinition } from '../../lib/jobs.js';
import { viewerOfPerson } from '../../lib/auth/viewer.js';
import { takeStep, type ChangePlan } from '../../lib/workflow/engine.js';
import { checkSaeStream, type SaeCheck, type SaeIssue, type SaePlan } from './sae.js';
import { importacionSaeWorkflow as wf } from './workflow.js';

/** Rows written by one `advanceImportacionSae` step. */
export const LOTE = 5000;
/** Bad rows kept on a RECHAZADA record (the count is in the audit comment). */
const MAX_ERRORES = 1000;

type JobContext = Pick<Context, 'db' | 'viewer' | 'log'> & { documents: DocumentStore };

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
export async function checkQueued(db: Db, documents: DocumentStore, row: QueuedRow): Promise<SaeCheck> {
  const doc = await db.documento.findUniqueOrThrow({
    where: { id: row.documentoId! },
    select: { claveAlmacen: true, tipoContenido: true },
  });
  return checkSaeStream(db, row.unit, row.tipo, await documents.get(doc.claveAlmacen), doc.tipoContenido);
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

/** The whole import: check, then batches, then close (or reject with the bad rows). Stops between batches when `signal` aborts. */
export async function runImportacionSae(ctx: JobContext, id: string, signal?: AbortSignal): Promise<void> {
  let row = await loadQueued(ctx, id);
  if (!row || !row.documentoId || (row.estado !== 'EN_COLA' && row.estado !== 'EN_PROCESO')) return;
  const check = await checkQueued(ctx.db, ctx.documents, row);
  const asCtx = ctx as unknown as Context;
  if ('issues' in check) {
    await takeStep(asCtx, wf, 'rejectImportacionSae', id, {
      version: row.version,
      comment: `El archivo tiene ${check.issues.length} filas o campos con errores; no se importó nada`,
      data: { errores: check.issues.slice(0, MAX_ERRORES) },
    });
    return;
  }
  while (row.filasProcesadas < check.plan.filas || row.estado === 'EN_COLA') {
    signal?.throwIfAborted();
    await takeStep(asCtx, wf, 'advanceImportacionSae', id, advancePlan(check.plan, row));
    row = (await loadQueued(ctx, id))!;
  }
  await takeStep(asCtx, wf, 'completeImportacionSae', id, { version: row.version });
}

export const IMPORTACION_SAE_JOB = 'academico.importacion-sae';

/** The job: `{ importacionId, personId }`, the import taken as the person who queued it (their roles now). */
export const importacionSaeJob: JobDefinition = {
  name: IMPORTACION_SAE_JOB,
  maxAttempts: 5,
  run: async (payload, { db, log, documents, signal }) => {
    const id = String(payload.importacionId);
    const viewer = await viewerOfPerson(db, String(payload.personId), IMPORTACION_SAE_JOB);
    // The person is gone or inactive: nobody's roles can take the steps; the record waits for a person.
    if (!viewer) return log.warn('SAE import left queued: the person who queued it is not active', { importacionId: id });
    await runImportacionSae({ db, log: log.child({ job: IMPORTACION_SAE_JOB }), viewer, documents }, id, signal);
  },
};

/** Without a job queue (embedded engine, JOBS=off): the same work in this process, one import at a time, lost on restart. */
let chain: Promise<void> = Promise.resolve();
export const inProcess = {
  enqueue(ctx: Pick<Context, 'db' | 'viewer' | 'log' | 'services'>, id: string): void {
    const { log } = ctx;
    const job = { db: ctx.db, viewer: ctx.viewer, log, documents: ctx.services.documents };
    chain = chain
      .then(() => runImportacionSae(job, id))
      .catch((error: unknown) =>
        log.error('SAE import stopped', { importacionId: id, error: error instanceof Error ? error.message : String(error) }),
      );
  },
  /** Resolves when every import enqueued so far has ended (tests, the bench, shutdown). */
  idle: (): Promise<void> => chain,
};
