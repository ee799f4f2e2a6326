// `npm start`: runs the API. With DATABASE_URL it uses that PostgreSQL server;
// without it, the embedded engine under DATA_DIR (default .data/), seeded with
// demo data on first start. Migrations are applied first in both cases, in
// process (src/lib/db/migrate.ts); each phase prints a progress line.
import { loadConfig } from './config.js';
import { createLogger } from './lib/logger.js';
import { createPrisma } from './lib/db/client.js';
import { createHealthCheck } from './lib/db/health.js';
import { startEmbeddedDatabase } from './lib/db/embedded.js';
import { applyMigrations } from './lib/db/migrate.js';
import { embeddedJwtSecret } from './lib/auth/secret.js';
import type { App } from './app.js';

const config = loadConfig();
const log = createLogger(config.logLevel);

/** SIGINT/SIGTERM stop the process within this, even if something hangs. */
const HARD_STOP_MS = config.http.shutdownGraceMs + 2_000;

let app: App | undefined;
let stopEmbedded: (() => Promise<void>) | undefined;
let shuttingDown = false;

// Installed before start-up so a signal during migrations also stops cleanly.
// Process managers (and `npm start` under a process group) may deliver a
// signal more than once: the handler stays installed, and later ones are ignored.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info('shutting down', { signal, pid: process.pid });
    setTimeout(() => {
      log.error('shutdown timed out; exiting', { afterMs: HARD_STOP_MS });
      process.exit(1);
    }, HARD_STOP_MS).unref();
    (async () => {
      if (app)
        await app.stop(); // also stops the embedded engine
      else await stopEmbedded?.();
    })().then(
      () => {
        log.info('stopped', { pid: process.pid });
        process.exit(0);
      },
      (error: unknown) => {
        log.error('shutdown failed', { error: String(error) });
        process.exit(1);
      },
    );
  });
}

async function main() {
  const bootStarted = Date.now();
  const since = () => Date.now() - bootStarted;
  log.info('starting', { pid: process.pid, node: process.version, database: config.databaseUrl ? 'DATABASE_URL' : 'embedded' });
  // The API's modules (schema, resolvers) load while the database starts.
  const appModule = import('./app.js');
  const seedModule = import('./seed/demo.js');
  appModule.catch(() => undefined);
  seedModule.catch(() => undefined);
  let databaseUrl = config.databaseUrl;
  let jwtSecret = config.jwtSecret;
  if (!databaseUrl) {
    const embedded = await startEmbeddedDatabase(config.dataDir);
    databaseUrl = embedded.url;
    stopEmbedded = () => embedded.stop();
    jwtSecret ??= embeddedJwtSecret(config.dataDir);
    log.info('embedded database started', { dataDir: config.dataDir, sinceStartMs: since() });
  }
  const started = Date.now();
  const migrations = await applyMigrations(databaseUrl, {
    onApply: (name) => log.info('migration applied', { name, sinceStartMs: since() }),
  });
  log.info(migrations.applied.length ? 'migrations applied' : 'migrations up to date', {
    applied: migrations.applied.length,
    alreadyApplied: migrations.alreadyApplied,
    durationMs: Date.now() - started,
  });

  const db = createPrisma(databaseUrl, { poolMax: config.database.poolMax ?? (stopEmbedded ? 2 : 10), limits: config.database });
  if (!config.databaseUrl && config.seedDemoData && (await (await seedModule).seedDemoData(db))) {
    log.info('demo data seeded', { see: 'docs/demo-accounts.md', sinceStartMs: since() });
    await (await import('./seed/records.js')).seedDemoRecordsFromFactories(db, log);
  }
  const health = createHealthCheck(databaseUrl);
  const onStop = async () => {
    await health.close();
    await stopEmbedded?.();
  };
  const { createApp } = await appModule;
  app = await createApp({ config: { ...config, jwtSecret }, db, log, health: health.databaseUp, onStop });
  if (shuttingDown) return;
  const port = await app.listen(config.port);
  // The pid is the server's own (npm and tsx run it as a child): CI checks it is gone after a stop.
  log.info('listening', {
    url: `http://localhost:${port}/graphql`,
    health: `http://localhost:${port}/health`,
    pid: process.pid,
    startedInMs: since(),
  });
}

main().catch((error: unknown) => {
  log.error('start-up failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
