// Detects drift between the committed migrations and prisma/schema.prisma
// without introspecting through Prisma (its Wasm engine cannot, here): build
// one database with `migrate deploy` and one from the datamodel's own SQL, and
// compare their catalogues. Used by `npm run db:check` and by the tests.
import pg from 'pg';
import { runPrisma } from './prisma-cli.js';

const CATALOG_QUERIES = {
  columns: `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
            ORDER BY 1, 2`,
  indexes: `SELECT tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1, 2`,
  constraints: `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS def
                FROM pg_constraint WHERE connamespace = 'public'::regnamespace
                AND conrelid::regclass::text <> '"_prisma_migrations"' AND conrelid::regclass::text <> '_prisma_migrations'
                ORDER BY 1, 2`,
  enums: `SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
          FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
          WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname ORDER BY 1`,
};

export async function catalogSnapshot(url: string): Promise<Record<string, unknown[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const snapshot: Record<string, unknown[]> = {};
    for (const [name, sql] of Object.entries(CATALOG_QUERIES)) snapshot[name] = (await client.query(sql)).rows;
    return snapshot;
  } finally {
    await client.end();
  }
}

/** The SQL that builds prisma/schema.prisma from nothing. */
export function datamodelSql(): Promise<string> {
  return runPrisma(['migrate', 'diff', '--from-empty', '--to-schema-datamodel', 'prisma/schema.prisma', '--script'], {
    quiet: true,
  }).then((out) => out.slice(out.indexOf('-- ')));
}

export async function applySql(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
