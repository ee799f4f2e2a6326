// The Prisma client: the Wasm query compiler over the `pg` driver adapter
// (no native engine; docs/decisions/001-prisma-offline.md).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../generated/prisma/client.js';
import { connectionConfig } from './url.js';

export type Db = PrismaClient;
export { PrismaClient };

/**
 * Counts SQL statements the client sends. Tests and the benchmark read it to
 * show that a nested list costs a fixed number of statements (no N+1).
 */
export const sqlStatements: { count: number; log?: string[] } = { count: 0 };

export function createPrisma(databaseUrl: string, options: { poolMax?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ ...connectionConfig(databaseUrl), max: options.poolMax ?? 10 });
  const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  client.$on('query', (event) => {
    sqlStatements.count += 1;
    sqlStatements.log?.push(event.query);
  });
  return client;
}
