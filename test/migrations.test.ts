// The committed migrations build exactly the database schema.prisma describes.
import { describe, expect, it } from 'vitest';
import { applySql, catalogSnapshot, datamodelSql } from '../src/lib/db/drift.js';
import pg from 'pg';
import { migrateDeploy, runPrisma } from '../src/lib/db/prisma-cli.js';
import { applyMigrations, committedMigrations } from '../src/lib/db/migrate.js';
import { createDatabase } from './global-setup.js';

describe('migrations', () => {
  it('have not drifted from prisma/schema.prisma (if this fails: npm run db:migration -- <name>)', async () => {
    const [migrated, fromDatamodel] = await Promise.all([createDatabase('drift_migrated'), createDatabase('drift_datamodel')]);
    try {
      await migrateDeploy(migrated.url);
      await applySql(fromDatamodel.url, await datamodelSql());
      const [a, b] = await Promise.all([catalogSnapshot(migrated.url), catalogSnapshot(fromDatamodel.url)]);
      expect(a.columns.length).toBeGreaterThan(20);
      expect(a).toEqual(b);
    } finally {
      await Promise.all([migrated.drop(), fromDatamodel.drop()]);
    }
  });
});

describe('the start-up applier (src/lib/db/migrate.ts)', () => {
  it('builds what `prisma migrate deploy` builds, with the same bookkeeping, and then applies nothing', async () => {
    const [cli, own] = await Promise.all([createDatabase('migrate_cli'), createDatabase('migrate_own')]);
    try {
      await migrateDeploy(cli.url);
      const first = await applyMigrations(own.url);
      expect(first.applied).toEqual(committedMigrations().map((m) => m.name));
      const [a, b] = await Promise.all([catalogSnapshot(cli.url), catalogSnapshot(own.url)]);
      expect(b).toEqual(a);
      expect(await bookkeeping(own.url)).toEqual(await bookkeeping(cli.url));
      // Restart: nothing pending, nothing written; and a database the CLI migrated is up to date too.
      expect(await applyMigrations(own.url)).toEqual({ applied: [], alreadyApplied: first.applied.length });
      expect((await applyMigrations(cli.url)).applied).toEqual([]);
      // The CLI agrees that nothing is pending on the database this applier built.
      expect(await runPrisma(['migrate', 'status'], { env: { DATABASE_URL: own.url }, quiet: true })).toContain(
        'Database schema is up to date',
      );
    } finally {
      await Promise.all([cli.drop(), own.drop()]);
    }
  });

  it('applies only what is pending, and refuses an applied migration that was edited', async () => {
    const db = await createDatabase('migrate_edit');
    try {
      const all = committedMigrations();
      await applyMigrations(db.url, { migrations: all.slice(0, 2) });
      expect((await applyMigrations(db.url, { migrations: all })).applied).toEqual(all.slice(2).map((m) => m.name));
      const edited = all.map((m, i) => (i === 1 ? { ...m, checksum: '0'.repeat(64) } : m));
      await expect(applyMigrations(db.url, { migrations: edited })).rejects.toThrow(/was edited after it was applied/);
    } finally {
      await db.drop();
    }
  });
});

async function bookkeeping(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query(
      `SELECT migration_name, checksum, applied_steps_count, logs, rolled_back_at, finished_at IS NOT NULL AS finished
       FROM _prisma_migrations ORDER BY migration_name`,
    );
    return rows.rows as unknown[];
  } finally {
    await client.end();
  }
}
