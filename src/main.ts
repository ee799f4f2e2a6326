// `npm start`: runs the API. With DATABASE_URL it uses that PostgreSQL server;
// without it, the embedded engine under DATA_DIR (default .data/), seeded with
// demo data on first start. Migrations are applied first in both cases.
import { loadConfig } from './config.js';
import { createLogger } from './lib/logger.js';
import { createPrisma } from './lib/db/client.js';
import { startEmbeddedDatabase } from './lib/db/embedded.js';
import { migrateDeploy } from './lib/db/prisma-cli.js';
import { seedDemoData } from './seed/demo.js';
import { createApp } from './app.js';

const config = loadConfig();
const log = createLogger(config.logLevel);

async function main() {
  let databaseUrl = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!databaseUrl) {
    const embedded = await startEmbeddedDatabase(config.dataDir);
    databaseUrl = embedded.url;
    stopEmbedded = () => embedded.stop();
    log.info('embedded database started', { dataDir: config.dataDir });
  }
  const started = Date.now();
  await migrateDeploy(databaseUrl);
  log.info('migrations applied', { durationMs: Date.now() - started });

  const db = createPrisma(databaseUrl, { poolMax: stopEmbedded ? 2 : 10 });
  if (!config.databaseUrl && config.seedDemoData && (await seedDemoData(db))) {
    log.info('demo data seeded', { see: 'docs/demo-accounts.md' });
  }
  const app = await createApp({ config, db, log, onStop: stopEmbedded });
  const port = await app.listen(config.port);
  log.info('listening', { url: `http://localhost:${port}/graphql`, health: `http://localhost:${port}/health` });

  // Process managers (and `npm start` under a process group) may deliver a
  // signal more than once: keep the handler installed so a repeat cannot kill
  // the process mid-drain; app.stop() is idempotent.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      log.info('shutting down', { signal });
      app.stop().then(
        () => process.exit(0),
        (error) => {
          log.error('shutdown failed', { error: String(error) });
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  log.error('start-up failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
