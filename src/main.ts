// `npm start`: runs the API. With DATABASE_URL it uses that PostgreSQL server;
// without it, the embedded engine under DATA_DIR (default .data/), seeded with
// demo data on first start. Migrations are applied first in both cases.
import { loadConfig } from './config.js';
import { createLogger } from './lib/logger.js';
import { createPrisma } from './lib/db/client.js';
import { createHealthCheck } from './lib/db/health.js';
import { startEmbeddedDatabase } from './lib/db/embedded.js';
import { migrateDeploy } from './lib/db/prisma-cli.js';
import { embeddedJwtSecret } from './lib/auth/secret.js';
import { seedDemoData } from './seed/demo.js';
import { createApp, type App } from './app.js';

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
  let databaseUrl = config.databaseUrl;
  let jwtSecret = config.jwtSecret;
  if (!databaseUrl) {
    const embedded = await startEmbeddedDatabase(config.dataDir);
    databaseUrl = embedded.url;
    stopEmbedded = () => embedded.stop();
    jwtSecret ??= embeddedJwtSecret(config.dataDir);
    log.info('embedded database started', { dataDir: config.dataDir });
  }
  const started = Date.now();
  await migrateDeploy(databaseUrl);
  log.info('migrations applied', { durationMs: Date.now() - started });

  const db = createPrisma(databaseUrl, { poolMax: config.database.poolMax ?? (stopEmbedded ? 2 : 10), limits: config.database });
  if (!config.databaseUrl && config.seedDemoData && (await seedDemoData(db))) {
    log.info('demo data seeded', { see: 'docs/demo-accounts.md' });
  }
  const health = createHealthCheck(databaseUrl);
  const onStop = async () => {
    await health.close();
    await stopEmbedded?.();
  };
  app = await createApp({ config: { ...config, jwtSecret }, db, log, health: health.databaseUp, onStop });
  if (shuttingDown) return;
  const port = await app.listen(config.port);
  // The pid is the server's own (npm and tsx run it as a child): CI checks it is gone after a stop.
  log.info('listening', { url: `http://localhost:${port}/graphql`, health: `http://localhost:${port}/health`, pid: process.pid });
}

main().catch((error: unknown) => {
  log.error('start-up failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
