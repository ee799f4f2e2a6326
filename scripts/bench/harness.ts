// Shared pieces of the benchmarks: a throw-away database built by the
// migrations, the real API on a free port, and latency / SQL-statement figures.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/lib/logger.js';
import { createPrisma, sqlStatements, type Db } from '../../src/lib/db/client.js';
import { migrateDeploy } from '../../src/lib/db/prisma-cli.js';

const ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/**
 * Runs `body` on a migrated database: a fresh one, dropped afterwards unless
 * KEEP_BENCH_DATABASE is set (its URL is printed, to pass back as
 * BENCH_DATABASE_URL); or BENCH_DATABASE_URL's, created if missing, migrated
 * and never dropped, so generated data can be reused between runs.
 */
export async function withBenchDatabase(prefix: string, body: (url: string, db: Db) => Promise<void>) {
  const reuse = process.env.BENCH_DATABASE_URL;
  const url = new URL(reuse ?? ADMIN_URL);
  const name = reuse ? decodeURIComponent(url.pathname.slice(1)) : `${prefix}_${Date.now()}`;
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  const db = createPrisma(url.toString());
  const keep = !!reuse || !!process.env.KEEP_BENCH_DATABASE;
  try {
    await migrateDeploy(url.toString());
    await body(url.toString(), db);
  } finally {
    await db.$disconnect().catch(() => undefined);
    if (!keep) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    else if (!reuse) console.log(`kept: BENCH_DATABASE_URL=${url.toString()}`);
    await admin.end();
  }
}

export type Call = (query: string, variables: object, token?: string) => Promise<{ data: Record<string, unknown>; errors?: unknown[] }>;

/** The API over `db` on a free port, called through HTTP. */
export async function startBenchApi(
  db: Db,
  /** The database's URL: gives the server its viewer cache's LISTEN connection (VIEWER_CACHE=off to measure without it). */
  databaseUrl?: string,
): Promise<{ url: string; call: Call; login: (email: string, password: string) => Promise<string>; stop: () => Promise<void> }> {
  const app = await createApp({
    config: loadConfig({
      LOG_LEVEL: 'silent',
      JWT_SECRET: randomBytes(32).toString('base64url'),
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      VIEWER_CACHE: process.env.VIEWER_CACHE ?? 'on',
    }),
    db,
    log: createLogger('silent'),
  });
  const port = await app.listen(0);
  const url = `http://127.0.0.1:${port}/graphql`;
  const call: Call = async (query, variables, token) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data: Record<string, unknown>; errors?: unknown[] };
  };
  const login = async (email: string, password: string) => {
    const r = await call(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: email, p: password });
    return (r.data.login as { token: string }).token;
  };
  return { url, call, login, stop: () => app.stop() };
}

/** Runs `request` `runs` times, one at a time: p50/p95 in ms, SQL statements per request, and the last answer. */
export async function measure<T>(runs: number, request: () => Promise<T>) {
  const times: number[] = [];
  let statements = 0;
  let last: T | undefined;
  for (let i = 0; i < runs; i++) {
    await settle();
    const before = sqlStatements.count;
    const t0 = performance.now();
    last = await request();
    times.push(performance.now() - t0);
    await settle(); // Prisma's query events can trail the response
    statements += sqlStatements.count - before;
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
  return { p50: pct(50), p95: pct(95), statementsPerRequest: statements / runs, last: last as T };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
