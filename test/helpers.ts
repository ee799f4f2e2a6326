// Test harness: the real server on a free port, over the test run's database,
// called through HTTP with real tokens and the typed documents from codegen.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createApp, type App } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { createLogger } from '../src/lib/logger.js';
import { createPrisma, sqlStatements, type Db } from '../src/lib/db/client.js';
import { createHealthCheck } from '../src/lib/db/health.js';
import { DEMO_PASSWORD, DEMO_PEOPLE, demoEmail } from '../src/seed/demo.js';
import { LoginDocument, OrgUnitsDocument } from '../src/generated/graphql.js';

export interface TestServer {
  url: string;
  db: Db;
  app: App;
  config: Config;
  stop(): Promise<void>;
}

/** The real server on the test database; each gets its own random token secret unless `env` gives one. */
export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  const databaseUrl = env.DATABASE_URL ?? inject('databaseUrl');
  // Mail and documents go to a folder of the run, never to the working tree's .data.
  const scratch = mkdtempSync(path.join(tmpdir(), 'api-test-'));
  const config: Config = loadConfig({
    LOG_LEVEL: 'silent',
    JWT_SECRET: randomBytes(32).toString('base64url'),
    MAIL_OUTBOX_DIR: path.join(scratch, 'outbox'),
    DOCUMENTS_DIR: path.join(scratch, 'documents'),
    // Statement counts and goldens include the viewer's load; test/viewer-cache.test.ts turns the cache on.
    VIEWER_CACHE: 'off',
    // Background jobs only where a test turns them on (test/contacto-jobs.test.ts).
    JOBS: 'off',
    ...env,
    DATABASE_URL: databaseUrl,
  });
  const db = createPrisma(databaseUrl, { poolMax: config.database.poolMax, limits: config.database });
  const health = createHealthCheck(databaseUrl);
  const app = await createApp({ config, db, log: createLogger(config.logLevel), health: health.databaseUp, onStop: health.close });
  const port = await app.listen(0);
  return { url: `http://127.0.0.1:${port}`, db, app, config, stop: () => app.stop() };
}

export interface GqlResponse<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> & { code?: string } }[];
}

export async function gql<T, V>(
  server: { url: string },
  document: TypedDocumentNode<T, V> | string,
  variables?: V,
  token?: string,
  headers: Record<string, string> = {},
): Promise<GqlResponse<T>> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      // Messages default to Spanish (src/lib/i18n); the tests read the English ones unless they ask otherwise.
      'accept-language': 'en',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query: typeof document === 'string' ? document : print(document), variables }),
  });
  const body = (await res.json()) as GqlResponse<T>;
  return { ...body, status: res.status };
}

/** The first error's code, or undefined when the call succeeded. */
export const codeOf = (r: GqlResponse<unknown>) => r.errors?.[0]?.extensions?.code;

/** Logs in every demo person once; returns their tokens by e-mail local part (e.g. "dstc", "cast.mex"). */
export async function demoTokens(server: { url: string }): Promise<Record<string, string>> {
  const entries = await Promise.all(
    DEMO_PEOPLE.map(async ([local]) => {
      const r = await gql(server, LoginDocument, { email: demoEmail(local), password: DEMO_PASSWORD });
      if (!r.data) throw new Error(`login ${local} failed: ${JSON.stringify(r.errors)}`);
      return [local, r.data.login.token] as const;
    }),
  );
  return Object.fromEntries(entries);
}

export { DEMO_PEOPLE };

/** Version and history length of any workflow record, read as the platform administrator (who reaches everything). */
export async function snapshot(server: { url: string }, adminToken: string, id: string) {
  const r = await gql<{ node: { version: number; history: unknown[] } | null }, { id: string }>(
    server,
    `query($id: ID!) { node(id: $id) { ... on ProyectoNormativo { version history { id } } ... on PlanTrabajoAnual { version history { id } }
       ... on PlanAnualCentro { version history { id } actividadesProgramadas { id } } ... on ReporteTrimestral { version history { id } }
       ... on AccionMejora { version history { id } } } }`,
    { id },
    adminToken,
  );
  return r.data?.node;
}

/**
 * Calls `run` as every demo person but `allowed`; each must be refused with
 * FORBIDDEN or NOT_FOUND, and `state()` must read the same before and after.
 */
export async function expectOnlyAllowed(
  tokens: Record<string, string>,
  allowed: string[],
  run: (token: string) => Promise<GqlResponse<unknown>>,
  state: () => Promise<unknown>,
) {
  const before = await state();
  const outcomes: [string, unknown][] = [];
  for (const [local] of DEMO_PEOPLE) {
    if (allowed.includes(local)) continue;
    outcomes.push([local, codeOf(await run(tokens[local]))]);
  }
  for (const [local, code] of outcomes) {
    if (code !== 'FORBIDDEN' && code !== 'NOT_FOUND') throw new Error(`${local} was not refused: ${String(code)}`);
  }
  const after = await state();
  if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error('a refused call changed the record');
}

/** The BAD_USER_INPUT issues of the first error. */
export const issuesOf = (r: GqlResponse<unknown>) =>
  (r.errors?.[0]?.extensions?.issues ?? []) as { path: (string | number)[]; message: string }[];

/**
 * SQL statements run by `run` (one request; nothing else may run meanwhile).
 * Prisma reports statements through events that can trail the response, so
 * the count is read once they have settled.
 */
export async function statementsFor(run: () => Promise<unknown>): Promise<number> {
  await settle();
  const before = sqlStatements.count;
  await run();
  await settle();
  return sqlStatements.count - before;
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/** Global ids of every unit, by code (e.g. "MEX-P001"). */
export async function unitIdsByCode(server: { url: string }, adminToken: string): Promise<Record<string, string>> {
  const r = await gql(server, OrgUnitsDocument, { first: 100 }, adminToken);
  return Object.fromEntries(r.data!.orgUnits.edges.map((e) => [e.node.code, e.node.id]));
}

const MINIMAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** Uploads a minimal PDF named `name` to POST /documents as `token`'s holder; returns the document's global id. */
export async function uploadPdf(server: { url: string }, token: string, name: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(MINIMAL_PDF)], { type: 'application/pdf' }), name);
  const res = await fetch(`${server.url}/documents`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 201) throw new Error(`upload of ${name}: HTTP ${res.status}`);
  return ((await res.json()) as { id: string }).id;
}
