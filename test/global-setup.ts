// One fresh PostgreSQL database per test run, built by the committed migrations
// and seeded with the demo scenario; dropped at the end.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { applyMigrations } from '../src/lib/db/migrate.js';
import { createPrisma } from '../src/lib/db/client.js';
import { seedDemoData } from '../src/seed/demo.js';

export const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export async function createDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export default async function setup(project: TestProject) {
  const database = await createDatabase('api_test');
  await applyMigrations(database.url);
  const db = createPrisma(database.url);
  await seedDemoData(db);
  await db.$disconnect();
  project.provide('databaseUrl', database.url);
  return async () => {
    if (!process.env.KEEP_TEST_DATABASE) await database.drop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
