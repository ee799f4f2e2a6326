// The Prisma client: the Wasm query compiler over the `pg` driver adapter
// (no native engine; docs/decisions/001-prisma-offline.md).
//
// Every pooled connection carries server-side statement, lock and idle-in-
// transaction timeouts, so a held row lock makes writes fail fast (with a
// retryable SERVICE_UNAVAILABLE, src/lib/db/errors.ts) instead of piling up.
// Transactions are admitted through a few "write slots", fewer than the pool
// size, so reads and sign-ins keep connections while writes wait.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../generated/prisma/client.js';
import { connectionConfig } from './url.js';
import { busy } from './errors.js';
import { registerReadPool } from './read.js';

export type Db = PrismaClient;
export { PrismaClient };

/**
 * Counts SQL statements the client sends. Tests and the benchmark read it to
 * show that a nested list costs a fixed number of statements (no N+1).
 */
export const sqlStatements: { count: number; log?: string[] } = { count: 0 };

export interface DatabaseLimits {
  statementTimeoutMs: number;
  lockTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
  acquireTimeoutMs: number;
  transactionTimeoutMs: number;
}

export const DEFAULT_DATABASE_LIMITS: DatabaseLimits = {
  statementTimeoutMs: 10_000,
  lockTimeoutMs: 2_000,
  idleInTransactionTimeoutMs: 30_000,
  acquireTimeoutMs: 5_000,
  transactionTimeoutMs: 15_000,
};

export function createPrisma(databaseUrl: string, options: { poolMax?: number; limits?: Partial<DatabaseLimits> } = {}): PrismaClient {
  const limits = { ...DEFAULT_DATABASE_LIMITS, ...options.limits };
  const poolMax = options.poolMax ?? 10;
  // One pool for Prisma and for the compiled reads (read.ts); $disconnect ends it.
  const pool = new pg.Pool({
    ...connectionConfig(databaseUrl),
    max: poolMax,
    connectionTimeoutMillis: limits.acquireTimeoutMs,
    statement_timeout: limits.statementTimeoutMs,
    lock_timeout: limits.lockTimeoutMs,
    idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
  });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client = new PrismaClient({
    adapter,
    log: [{ emit: 'event', level: 'query' }],
    transactionOptions: { maxWait: limits.acquireTimeoutMs, timeout: limits.transactionTimeoutMs },
  });
  client.$on('query', (event) => {
    sqlStatements.count += 1;
    sqlStatements.log?.push(event.query);
  });
  limitTransactions(client, Math.max(1, poolMax - 2), limits.acquireTimeoutMs);
  registerReadPool(client, pool);
  return client;
}

/** At most `slots` transactions hold a connection at once; the others queue for up to `maxWaitMs`. */
function limitTransactions(client: PrismaClient, slots: number, maxWaitMs: number) {
  const original = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const queue: (() => void)[] = [];
  let running = 0;
  const acquire = () =>
    new Promise<void>((resolve, reject) => {
      if (running < slots) {
        running += 1;
        return resolve();
      }
      const grant = () => {
        clearTimeout(timer);
        running += 1;
        resolve();
      };
      const timer = setTimeout(() => {
        queue.splice(queue.indexOf(grant), 1);
        reject(busy(`No database connection for a write within ${maxWaitMs} ms`));
      }, maxWaitMs);
      queue.push(grant);
    });
  const release = () => {
    running -= 1;
    queue.shift()?.();
  };
  const limited = async (...args: unknown[]) => {
    await acquire();
    try {
      return await original(...args);
    } finally {
      release();
    }
  };
  Object.defineProperty(client, '$transaction', { value: limited, configurable: true, writable: true });
}
