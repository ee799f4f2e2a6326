// Background jobs on the project's PostgreSQL, with graphile-worker
// (docs/decisions/022-contacto-jobs-business-days-mail.md). Jobs live in the
// database (schema graphile_worker), so they survive restarts; each is
// locked by one worker (FOR UPDATE SKIP LOCKED), so a job runs once however
// many API processes run workers; failed jobs are retried with backoff.
//
// Modules declare their jobs in their `ApiModule.jobs`:
// - `every`: a recurring job. Each process, on start, schedules it under one
//   job key ("preserve_run_at": the first schedule wins, later ones are no-ops),
//   and each run schedules the next, so there is one pending run at a time
//   across all processes, however many start.
// - without `every`: run on demand with `JobQueue.add` (e.g. one e-mail,
//   keyed so that it is sent once), or with `addJobIn` inside the transaction
//   that makes the work (the record and its job commit together, or neither).
// A long job checks `signal` between units of work: it is aborted when the
// process stops, and a job that throws is retried (here or by another process).
import { Logger as WorkerLogger, run, makeWorkerUtils, type Runner, type Task, type WorkerUtils } from 'graphile-worker';
import type { Prisma } from '../generated/prisma/client.js';
import type { Db } from './db/client.js';
import type { DocumentStore } from './documents/store.js';
import type { Logger } from './logger.js';
import type { Mailer } from './mail/mailer.js';
import type { EngineContext } from './workflow/engine.js';
import { systemContext } from './workflow/system.js';

/** What a job gets besides its payload. */
export interface JobDeps {
  db: Db;
  log: Logger;
  mailer: Mailer;
  /** The document store (uploaded files a job reads, e.g. an SAE file). */
  documents: DocumentStore;
  /** Aborted when this process stops: a long job stops between units of work and throws, to be retried. */
  signal: AbortSignal;
  /**
   * The system actor's context, to take declared steps (every write goes through the engine; the audit
   * entry names this job): src/lib/workflow/system.ts.
   */
  system: () => Promise<EngineContext>;
  /** Schedules another job (e.g. a notice after a sweep). */
  add: (name: string, payload: Record<string, unknown>, options?: { key?: string; runAt?: Date }) => Promise<void>;
}

export interface JobDefinition {
  /** Unique across the API, "<module>.<what>". */
  name: string;
  /** Seconds between runs of a recurring job. */
  every?: number;
  /** Attempts before a failed job is left failed (default 10; graphile-worker backs off exponentially). */
  maxAttempts?: number;
  run: (payload: Record<string, unknown>, deps: JobDeps) => Promise<void>;
}

export interface JobQueue {
  add(name: string, payload: Record<string, unknown>, options?: { key?: string; runAt?: Date }): Promise<void>;
  stop(): Promise<void>;
}

export interface JobQueueOptions {
  connectionString: string;
  db: Db;
  log: Logger;
  mailer: Mailer;
  documents: DocumentStore;
  jobs: readonly JobDefinition[];
  /** Jobs run at once in this process (default 2). */
  concurrency?: number;
  /** How often idle workers look for jobs besides LISTEN/NOTIFY, in ms (default 2000). */
  pollIntervalMs?: number;
  /** Overrides each recurring job's `every` (tests, JOBS_EVERY_SECONDS). */
  everySeconds?: number;
  /** Run only these jobs here (JOBS_ONLY): others stay queued for the processes that run them. Any job may still be added. */
  only?: readonly string[];
}

/** Starts this process's workers and schedules the recurring jobs (once across processes). */
export async function startJobQueue(options: JobQueueOptions): Promise<JobQueue> {
  const { connectionString, db, log, jobs } = options;
  const byName = new Map(jobs.map((j) => [j.name, j]));
  if (byName.size !== jobs.length) throw new Error('Two jobs share a name');
  const unknown = options.only?.filter((name) => !byName.has(name)) ?? [];
  if (unknown.length) throw new Error(`JOBS_ONLY names no job: ${unknown.join(', ')}`);
  const runsHere = (job: JobDefinition) => !options.only || options.only.includes(job.name);
  const utils: WorkerUtils = await makeWorkerUtils({ connectionString });
  const add: JobDeps['add'] = async (name, payload, opts = {}) => {
    const job = byName.get(name);
    if (!job) throw new Error(`No job named ${name}`);
    await utils.addJob(name, payload, {
      jobKey: opts.key,
      jobKeyMode: opts.key ? 'preserve_run_at' : undefined,
      runAt: opts.runAt,
      maxAttempts: job.maxAttempts ?? 10,
    });
  };
  const everyOf = (job: JobDefinition) => options.everySeconds ?? job.every ?? 0;
  const scheduleNext = (job: JobDefinition) =>
    add(job.name, {}, { key: `every:${job.name}`, runAt: new Date(Date.now() + everyOf(job) * 1000) });

  const stopping = new AbortController();
  const taskList: Record<string, Task> = {};
  for (const job of jobs.filter(runsHere)) {
    taskList[job.name] = async (payload, helpers) => {
      const started = Date.now();
      try {
        const system = () => systemContext(db, log, job.name);
        const signal = helpers.abortSignal ? AbortSignal.any([stopping.signal, helpers.abortSignal]) : stopping.signal;
        await job.run((payload ?? {}) as Record<string, unknown>, {
          db,
          log,
          add,
          system,
          mailer: options.mailer,
          documents: options.documents,
          signal,
        });
        log.debug('job done', { job: job.name, ms: Date.now() - started });
      } finally {
        // The next run is scheduled whatever happened to this one (this run is retried on its own).
        if (job.every) await scheduleNext(job);
      }
    };
  }
  await utils.migrate();
  let runner: Runner;
  try {
    runner = await run({
      connectionString,
      taskList,
      concurrency: options.concurrency ?? 2,
      pollInterval: options.pollIntervalMs ?? 2000,
      noHandleSignals: true,
      logger: quietLogger(log),
    });
    for (const job of jobs) if (job.every && runsHere(job)) await scheduleNext(job);
  } catch (error) {
    await utils.release();
    throw error;
  }
  log.info('job queue started', { jobs: jobs.filter(runsHere).map((j) => j.name) });
  let stopped: Promise<void> | undefined;
  return {
    add,
    stop: () =>
      (stopped ??= (async () => {
        stopping.abort();
        await runner.stop();
        await utils.release();
      })()),
  };
}

/**
 * Queues a job inside a transaction (a step's `create` or `effects`): it exists only if the transaction
 * commits. Only where the job queue runs (its schema is made when the queue starts): callers check
 * `services.jobs` first. With a key, a second job under the same key while the first waits is a no-op.
 */
export async function addJobIn(
  tx: Prisma.TransactionClient,
  name: string,
  payload: Record<string, unknown>,
  options: { key?: string; maxAttempts?: number } = {},
): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM graphile_worker.add_job(${name}, ${JSON.stringify(payload)}::json,
    job_key => ${options.key ?? null}::text, max_attempts => ${options.maxAttempts ?? 10}::int,
    job_key_mode => ${options.key ? 'preserve_run_at' : null}::text)`;
}

/** graphile-worker's messages through the API's logger (its debug chatter at debug level). */
function quietLogger(log: Logger): WorkerLogger {
  return new WorkerLogger(() => (level, message, meta) => {
    const m = { ...(meta ?? {}), source: 'graphile-worker' };
    const l = String(level);
    if (l === 'error') log.error(message, m);
    else if (l === 'warning') log.warn(message, m);
    else log.debug(message, m);
  });
}
