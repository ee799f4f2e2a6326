import type { PoolConfig } from 'pg';

/**
 * Turns a DATABASE_URL into discrete pg connection fields. The Prisma Wasm
 * schema engine needs discrete fields: given only a connection string, its
 * shadow database falls back to the main database.
 */
export function connectionConfig(url: string | undefined): PoolConfig {
  if (!url) throw new Error('DATABASE_URL is not set');
  const parsed = new URL(url);
  return {
    host: decodeURIComponent(parsed.hostname),
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || 'postgres',
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres',
  };
}
