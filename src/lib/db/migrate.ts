// Applies the committed migrations (prisma/migrations) at start-up, in
// process, keeping Prisma's own bookkeeping (`_prisma_migrations`: same table,
// same checksums, one row per migration), so `prisma migrate deploy` /
// `migrate status` see exactly what they would have written themselves.
//
// Why not the CLI: `prisma migrate deploy` costs 11-16 s even when nothing is
// pending (its Wasm schema engine keeps a 10 s timer alive after its work is
// done), which made every restart slow (docs/decisions/013-start-up-and-build.md). The
// CLI stays the authority in the tests: test/migrations.test.ts checks that
// this applier and the CLI build the same catalogue and the same rows, and
// that the migrations have not drifted from prisma/schema.prisma.
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { connectionConfig } from './url.js';
import { projectRoot } from './prisma-cli.js';

export interface Migration {
  name: string;
  sql: string;
  /** SHA-256 of migration.sql, as Prisma records it. */
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  /** Migrations already recorded in the database. */
  alreadyApplied: number;
}

/** Prisma's advisory lock key for migrations: the CLI and this applier exclude each other. */
const PRISMA_MIGRATE_LOCK = 72707369;

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export function committedMigrations(dir = path.join(projectRoot, 'prisma/migrations')): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(dir, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    });
}

/**
 * Applies the pending migrations in order, each in its own transaction (a
 * multi-statement simple query, as the CLI sends it). Refuses to start, as the
 * CLI does, when a migration failed earlier or an applied one was edited.
 */
export async function applyMigrations(
  databaseUrl: string,
  options: { migrations?: Migration[]; onApply?: (name: string) => void } = {},
): Promise<MigrationResult> {
  const migrations = options.migrations ?? committedMigrations();
  const client = new pg.Client(connectionConfig(databaseUrl));
  await client.connect();
  try {
    // The fast path (everything recorded) takes no lock and writes nothing.
    const recorded = await appliedRows(client);
    if (recorded && upToDate(migrations, recorded)) return { applied: [], alreadyApplied: recorded.length };

    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK]);
    try {
      await client.query(MIGRATIONS_TABLE);
      const rows = (await appliedRows(client)) ?? [];
      const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
      if (failed) {
        throw new Error(
          `Migration ${failed.migration_name} failed earlier and is not resolved: fix the database, then \`npm run prisma -- migrate resolve\` (Prisma P3009)`,
        );
      }
      const done = new Map(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => [r.migration_name, r]));
      for (const m of migrations) {
        const row = done.get(m.name);
        if (row && row.checksum !== m.checksum) {
          throw new Error(`Migration ${m.name} was edited after it was applied (checksum differs): never edit an applied migration`);
        }
      }
      const applied: string[] = [];
      for (const m of migrations) {
        if (done.has(m.name)) continue;
        const id = randomUUID();
        await client.query('INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())', [
          id,
          m.checksum,
          m.name,
        ]);
        try {
          await client.query(m.sql);
        } catch (error) {
          await client.query('UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1', [id, String(error)]);
          throw new Error(`Migration ${m.name} failed: ${String(error)}`, { cause: error });
        }
        await client.query('UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1', [id]);
        applied.push(m.name);
        options.onApply?.(m.name);
      }
      return { applied, alreadyApplied: done.size };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK]);
    }
  } finally {
    await client.end();
  }
}

interface Row {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

async function appliedRows(client: pg.Client): Promise<Row[] | undefined> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('public._prisma_migrations')::text AS t`);
  if (!exists.rows[0]?.t) return undefined;
  return (await client.query<Row>('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"')).rows;
}

function upToDate(migrations: Migration[], rows: Row[]): boolean {
  if (rows.some((r) => r.finished_at === null && r.rolled_back_at === null)) return false;
  const done = new Map(rows.filter((r) => r.rolled_back_at === null).map((r) => [r.migration_name, r.checksum]));
  return migrations.every((m) => done.get(m.name) === m.checksum);
}
