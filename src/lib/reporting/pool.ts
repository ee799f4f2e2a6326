// The reporting connection: reports, exports and BI read through it, so their
// load never takes the connections the procedures use. REPORTING_DATABASE_URL
// names a replica (a hot standby of the main database); unset, a pool of its
// own on DATABASE_URL. With the embedded engine (one connection) it is the
// main pool. docs/bi.md, docs/decisions/020-reporting-schema-and-exports.md.
import pg from 'pg';
import type { Context } from '../../context.js';
import { connectionConfig } from '../db/url.js';
import { poolOf } from '../db/read.js';
import type { Db } from '../db/client.js';

export interface ReportingLimits {
  poolMax: number;
  /** One statement (one FETCH of an export's cursor); reports are heavier than API reads. */
  statementTimeoutMs: number;
  /** An export's cursor stays open while the client downloads. */
  idleInTransactionTimeoutMs: number;
}

export function createReportingPool(url: string | undefined, db: Db, limits: ReportingLimits): { pool: pg.Pool; close(): Promise<void> } {
  if (!url) {
    const shared = poolOf(db);
    if (!shared) throw new Error('No pool behind the Prisma client');
    return { pool: shared, close: async () => {} };
  }
  const pool = new pg.Pool({
    ...connectionConfig(url),
    max: limits.poolMax,
    statement_timeout: limits.statementTimeoutMs,
    idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
    application_name: 'conalep-api-reporting',
  });
  // An idle client's error (the server restarted) must not crash the process: the next query reconnects.
  pool.on('error', () => {});
  return { pool, close: () => pool.end() };
}

/** Runs a read on the reporting connection (the main database's pool when none was set up, as in some tests). */
export async function reportingQuery<T>(ctx: Pick<Context, 'reporting' | 'db'>, sql: string, params: unknown[] = []): Promise<T[]> {
  const pool = ctx.reporting ?? poolOf(ctx.db);
  if (!pool) return ctx.db.$queryRawUnsafe<T[]>(sql, ...params);
  return (await pool.query(sql, params)).rows as T[];
}

/**
 * Streams a query's rows in batches through a server-side cursor, in a
 * read-only transaction: memory holds one batch, whatever the result's size.
 * Stops (and closes the cursor) when the consumer stops.
 */
export async function* cursorRows<T>(pool: pg.Pool, sql: string, params: unknown[], batch = 2000): AsyncGenerator<T> {
  const client = await pool.connect();
  let ok = false;
  try {
    await client.query('BEGIN READ ONLY');
    await client.query(`DECLARE export_cursor NO SCROLL CURSOR FOR ${sql}`, params);
    for (;;) {
      const { rows } = await client.query(`FETCH ${batch} FROM export_cursor`);
      for (const row of rows) yield row as T;
      if (rows.length < batch) break;
    }
    await client.query('COMMIT');
    ok = true;
  } finally {
    if (!ok) await client.query('ROLLBACK').catch(() => {});
    client.release();
  }
}
