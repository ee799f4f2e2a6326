// Trusted documents: schema/trusted-documents.json publishes the operations of
// schema/operations/ by hash; clients send `documentId` (or Apollo's
// persistedQuery hash) instead of the text; TRUSTED_DOCUMENTS=only executes
// nothing else. The partner example (examples/partner-client) is generated,
// compiled as a plain ESM TypeScript project, and run against such a server.
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildManifest, MANIFEST_PATH, type Manifest } from '../src/lib/http/trusted-documents.js';
import { demoTokens, gql, startServer, type TestServer } from './helpers.js';

const run = promisify(execFile);
const root = new URL('../', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(path.join(root, MANIFEST_PATH), 'utf8')) as Manifest;
const byName = (name: string) => manifest.operations.find((o) => o.name === name)!;

const post = (server: TestServer, body: unknown, token?: string) =>
  fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } }));

describe('trusted documents', () => {
  it(`${MANIFEST_PATH} is up to date with schema/operations (if this fails: npm run trusted-documents:print)`, () => {
    expect(manifest).toEqual(buildManifest(root));
    expect(manifest.operations.length).toBeGreaterThan(20);
  });

  describe('accepted by id (TRUSTED_DOCUMENTS=accept, the default)', () => {
    let server: TestServer;
    let token: string;
    beforeAll(async () => {
      server = await startServer();
      token = (await demoTokens(server)).dstc;
    });
    afterAll(() => server.stop());

    it('runs a documentId or a persistedQuery hash, refuses an unknown id, and still runs any text', async () => {
      const orgUnits = byName('OrgUnits');
      const byId = await post(server, { documentId: `sha256:${orgUnits.id}`, variables: { first: 2 } }, token);
      expect(byId.body).toMatchObject({ data: { orgUnits: { totalCount: expect.any(Number) as unknown } } });
      const apq = await post(
        server,
        { extensions: { persistedQuery: { version: 1, sha256Hash: orgUnits.id } }, variables: { first: 2 } },
        token,
      );
      expect(apq.body).toEqual(byId.body);
      const unknown = await post(server, { documentId: `sha256:${'0'.repeat(64)}` }, token);
      expect([unknown.status, unknown.body.errors?.[0].extensions?.code]).toEqual([400, 'PERSISTED_QUERY_NOT_FOUND']);
      expect((await gql(server, '{ me { email } }', undefined, token)).data).toEqual({ me: { email: 'dstc@demo.conalep.mx' } });
    });
  });

  describe('only them (TRUSTED_DOCUMENTS=only)', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startServer({ TRUSTED_DOCUMENTS: 'only' });
    });
    afterAll(() => server.stop());

    it('refuses any other text; accepts a trusted id, its exact text, and a GET by id', async () => {
      const refused = await post(server, { query: '{ __typename }' });
      expect([refused.status, refused.body.errors?.[0].extensions?.code]).toEqual([400, 'TRUSTED_DOCUMENT_REQUIRED']);
      const login = byName('Login');
      const variables = { email: 'dstc@demo.conalep.mx', password: 'Conalep-Demo-2026' };
      const byId = await post(server, { documentId: `sha256:${login.id}`, variables });
      expect(byId.body.data).toMatchObject({ login: { token: expect.any(String) as unknown } });
      expect((await post(server, { query: login.body, variables })).body.data).toMatchObject({ login: {} });
      const token = (byId.body.data as { login: { token: string } }).login.token;
      const me = byName('Me');
      const get = await fetch(`${server.url}/graphql?documentId=sha256:${me.id}`, {
        headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` },
      });
      expect(await get.json()).toMatchObject({ data: { me: { email: 'dstc@demo.conalep.mx' } } });
    });

    it('the partner example generates, compiles as plain ESM TypeScript, and runs against it', async () => {
      const dir = path.join(root, 'examples/partner-client');
      const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
      rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
      rmSync(path.join(dir, 'src/generated'), { recursive: true, force: true });
      await run(bin('graphql-codegen'), ['--config', 'codegen.ts'], { cwd: dir });
      await run(bin('tsc'), ['-p', 'tsconfig.json'], { cwd: dir });
      const { stdout } = await run(process.execPath, ['dist/src/index.js'], {
        cwd: dir,
        env: { ...process.env, API_URL: `${server.url}/graphql` },
      });
      const result = JSON.parse(stdout) as { totalCount: number; codes: string[]; kinds: string[] };
      expect(result.totalCount).toBeGreaterThan(5);
      expect(result.codes).toHaveLength(5);
      expect(result.kinds.every((k) => /^[A-Z_]+$/.test(k))).toBe(true);
    }, 180_000);
  });
});
