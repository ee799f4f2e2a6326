// Demo records in every state: on the first start of the embedded engine, one
// record of every workflow model in each of its declared states, built by the
// test factories (test/factories.ts: direct inserts with parents, addressees
// and the audit trail each state implies), so every list and every step of the
// demo has something to show and act on. Factory values are fresh (years
// 1000-1999, random claves), so the worked examples of docs/ still run.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Db } from '../lib/db/client.js';
import type { Logger } from '../lib/logger.js';
import { projectRoot } from '../lib/db/prisma-cli.js';

export interface DemoModel {
  typename: string;
  workflow: { states: readonly string[] };
  make(db: Db, state: never): Promise<unknown>;
}

/** One record per model and state; returns how many were made per type. */
export async function seedDemoRecords(db: Db, models: readonly DemoModel[]): Promise<Record<string, number>> {
  const made: Record<string, number> = {};
  for (const model of models) {
    for (const state of model.workflow.states) {
      await model.make(db, state as never);
      made[model.typename] = (made[model.typename] ?? 0) + 1;
    }
  }
  return made;
}

/**
 * The factories ship with the sources (test/factories.ts), not with the
 * production build: under `npm start` (tsx) they load; under `node dist/main.js`
 * the demo keeps its people and students only, and says so.
 */
export async function seedDemoRecordsFromFactories(db: Db, log: Logger): Promise<void> {
  const file = path.join(projectRoot, 'test/factories.ts');
  let models: readonly DemoModel[];
  try {
    if (!existsSync(file)) throw new Error(`${file} is not here`);
    models = ((await import(pathToFileURL(file).href)) as { WORKFLOW_MODELS: readonly DemoModel[] }).WORKFLOW_MODELS;
  } catch (error) {
    log.info('demo records skipped: they are built by test/factories.ts, which runs from the sources (npm start)', {
      reason: error instanceof Error ? error.message.split('\n')[0] : String(error),
    });
    return;
  }
  const started = Date.now();
  const made = await seedDemoRecords(db, models);
  log.info('demo records seeded', {
    records: Object.values(made).reduce((a, b) => a + b, 0),
    byType: made,
    durationMs: Date.now() - started,
  });
}
