// The server as a whole: health, identity, typed errors, request limits,
// authorization coverage, the printed schema, and graceful shutdown.
import { readFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, importPKCS8 } from 'jose';
import { execute, isObjectType, parse } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { LoginDocument, MeDocument, PeopleDocument, WorkflowsDocument } from '../src/generated/graphql.js';
import { buildSchema, printSdl } from '../src/schema.js';
import { buildPermissions } from '../src/lib/auth/permissions.js';
import { registeredModules } from '../src/lib/modules.js';
import { DEMO_PASSWORD } from '../src/seed/demo.js';
import { codeOf, demoTokens, gql, startServer, type TestServer } from './helpers.js';

let server: TestServer;
let tokens: Record<string, string>;

beforeAll(async () => {
  server = await startServer();
  tokens = await demoTokens(server);
});
afterAll(() => server.stop());

describe('health', () => {
  it('reports the database', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('gives every response a request id, keeping a valid one the client sent', async () => {
    const res = await fetch(`${server.url}/health`, { headers: { 'x-request-id': 'portal-abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('portal-abc-123');
    const other = await fetch(`${server.url}/health`);
    expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('identity', () => {
  it('signs in a local account and answers `me` with its roles', async () => {
    const login = await gql(server, LoginDocument, { email: 'cast.mex@demo.conalep.mx', password: DEMO_PASSWORD });
    expect(login.errors).toBeUndefined();
    expect(new Date(login.data!.login.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const me = await gql(server, MeDocument, undefined, login.data!.login.token);
    expect(me.data!.me.email).toBe('cast.mex@demo.conalep.mx');
    expect(me.data!.me.roleAssignments).toEqual([
      { role: 'CAST', reachesWholeSystem: false, unit: expect.objectContaining({ code: 'MEX-CAST01', kind: 'CAST' }) as unknown },
    ]);
  });

  it('refuses a wrong password, an unknown account and a malformed e-mail without telling which', async () => {
    const wrong = await gql(server, LoginDocument, { email: 'dstc@demo.conalep.mx', password: 'nope' });
    const unknown = await gql(server, LoginDocument, { email: 'nobody@demo.conalep.mx', password: DEMO_PASSWORD });
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(codeOf(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0].message).toBe(unknown.errors![0].message);
    const malformed = await gql(server, LoginDocument, { email: 'not-an-email', password: 'x' });
    expect(malformed.errors![0].extensions!.issues).toEqual([{ path: ['email'], message: 'Must be an e-mail address' }]);
  });

  it('refuses unauthenticated calls, and invalid or expired tokens', async () => {
    expect(codeOf(await gql(server, MeDocument))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(server, WorkflowsDocument))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(server, MeDocument, undefined, 'not-a-token'))).toBe('UNAUTHENTICATED');
    // Expiry has one-second resolution: a 2 s lifetime leaves at least 1 s of validity.
    const expiring = await startServer({ JWT_TTL_SECONDS: '2' });
    try {
      const login = await gql(expiring, LoginDocument, { email: 'dstc@demo.conalep.mx', password: DEMO_PASSWORD });
      const token = login.data!.login.token;
      expect(codeOf(await gql(expiring, MeDocument, undefined, token))).toBeUndefined();
      const expiresAt = new Date(login.data!.login.expiresAt).getTime();
      await new Promise((r) => setTimeout(r, expiresAt - Date.now() + 1100));
      const expired = await gql(expiring, MeDocument, undefined, token);
      expect(codeOf(expired)).toBe('UNAUTHENTICATED');
      expect(expired.errors![0].message).toMatch(/invalid or expired/);
    } finally {
      await expiring.stop();
    }
  });

  it('accepts tokens from the configured external identity provider, matched by e-mail then by subject', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const idp = await startServer({
      EXTERNAL_IDP_ISSUER: 'https://idp.example.test',
      EXTERNAL_IDP_AUDIENCE: 'conalep-api',
      EXTERNAL_IDP_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    });
    try {
      const key = await importPKCS8(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'RS256');
      const sign = (claims: Record<string, unknown>, audience = 'conalep-api') =>
        new SignJWT(claims)
          .setProtectedHeader({ alg: 'RS256' })
          .setIssuer('https://idp.example.test')
          .setAudience(audience)
          .setSubject('idp|dcaj-1')
          .setExpirationTime('5m')
          .sign(key);
      const first = await gql(idp, MeDocument, undefined, await sign({ email: 'DCAJ@demo.conalep.mx' }));
      expect(first.data!.me.email).toBe('dcaj@demo.conalep.mx');
      // Linked now: the subject alone is enough.
      const again = await gql(idp, MeDocument, undefined, await sign({}));
      expect(again.data!.me.email).toBe('dcaj@demo.conalep.mx');
      // A token for another audience is refused.
      expect(codeOf(await gql(idp, MeDocument, undefined, await sign({}, 'other-api')))).toBe('UNAUTHENTICATED');
    } finally {
      await idp.stop();
    }
  });
});

describe('errors and limits', () => {
  it('never shows internals: unknown failures become INTERNAL_SERVER_ERROR without stack or SQL', async () => {
    const r = await gql(server, 'query { orgUnits(first: 5, filter: { search: "\\u0000" }) { totalCount } }', undefined, tokens.admin);
    // A NUL byte is the client's mistake now (typed BAD_USER_INPUT, docs/errors.md); still nothing internal shows.
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(r)).not.toMatch(/stack|prisma|SELECT|invalid byte/i);
  });

  it('refuses operations that are too deep, use too many aliases, or cost too much', async () => {
    const deep = `query { me { roleAssignments { unit { parent { parent { parent { parent { parent { parent { parent { parent { parent { code } } } } } } } } } } } } }`;
    const tooDeep = await gql(server, deep, undefined, tokens.admin);
    expect(codeOf(tooDeep)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(tooDeep.errors![0].message).toMatch(/levels deep; the limit is 12/);

    const aliases = `query { ${Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    expect((await gql(server, aliases, undefined, tokens.admin)).errors![0].message).toMatch(/16 aliases; the limit is 15/);

    const costly = `query { orgUnits(first: 100) { edges { node { children(first: 100) { edges { node { children(first: 100) { edges { node { code } } } } } } } } } }`;
    expect((await gql(server, costly, undefined, tokens.admin)).errors![0].message).toMatch(/costs \d+; the limit is 5000/);
  });

  it('refuses bodies over the size limit with 413', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `query { me { id } }`, variables: { pad: 'x'.repeat(1_100_000) } }),
    });
    expect(res.status).toBe(413);
  });

  it('prevents CSRF: a simple GET or form POST without a preflight header is refused', async () => {
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`);
    expect(get.status).toBe(400);
    const form = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"query":"{ me { id } }"}',
    });
    expect(form.status).toBe(400);
    const allowed = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ me { email } }')}`, {
      headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${tokens.dstc}` },
    });
    expect(await allowed.json()).toEqual({ data: { me: { email: 'dstc@demo.conalep.mx' } } });
  });

  it('limits page sizes', async () => {
    // Above the largest page (100) is a client mistake, said as such; 100 is served.
    const r = await gql(server, PeopleDocument, { first: 500 }, tokens.admin);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    const max = await gql(server, PeopleDocument, { first: 100 }, tokens.admin);
    expect(max.errors).toBeUndefined();
    expect(max.data!.people.edges.length).toBeLessThanOrEqual(100);
  });
});

describe('authorization coverage', () => {
  it('names a rule for every root field (anything else is denied by default)', () => {
    const schema = buildSchema();
    const { tree } = buildPermissions(schema, registeredModules());
    for (const typeName of ['Query', 'Mutation'] as const) {
      const rules = tree[typeName] as Record<string, unknown>;
      const fields = Object.keys(
        schema.getType(typeName) && isObjectType(schema.getType(typeName))
          ? (schema.getType(typeName) as never as { getFields(): object }).getFields()
          : {},
      );
      expect(
        fields.filter((f) => !rules[f]),
        `${typeName} fields without a rule`,
      ).toEqual([]);
    }
  });

  it('denies, with FORBIDDEN, a root field that no rule names', async () => {
    const schema = buildSchema();
    // The same shield with no module rules: every module's root field must be refused.
    const guarded = applyMiddleware(schema, buildPermissions(schema, []).middleware);
    const result = await execute({
      schema: guarded,
      document: parse('{ me { email } }'),
      contextValue: { viewer: { personId: 'x', email: 'x', fullName: 'x', assignments: [] } },
    });
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0].message).toBe('No authorization rule allows this field');
  });

  it('lets a role list people only within its scope', async () => {
    type P = {
      people: {
        edges: { node: { email: string; organizacion: { code: string } | null; roleAssignments: { unit: { code: string } }[] } }[];
      };
    };
    const PEOPLE = `{ people(first: 100) { edges { node { email organizacion { code } roleAssignments { unit { code } } } } } }`;
    // Other test files add people of their own: every person listed holds a role at the unit or belongs to it, and the demo ones are these.
    const within = (r: { data?: P | null }, code: string) => {
      for (const { node } of r.data!.people.edges)
        expect([node.email, node.organizacion?.code === code || node.roleAssignments.some((a) => a.unit.code === code)]).toEqual([
          node.email,
          true,
        ]);
      return r
        .data!.people.edges.map((e) => e.node.email)
        .filter((e) => e.endsWith('@demo.conalep.mx'))
        .sort();
    };
    expect(within(await gql<P, unknown>(server, PEOPLE, {}, tokens['director.p001']), 'MEX-P001')).toEqual([
      'cce.p001@demo.conalep.mx',
      'dce.p001@demo.conalep.mx',
      'director.p001@demo.conalep.mx',
      'escolares.p001@demo.conalep.mx',
    ]);
    expect(within(await gql<P, unknown>(server, PEOPLE, {}, tokens.spdi), 'SPDI-DPP')).toEqual(['spdi@demo.conalep.mx']);
  });
});

describe('schema', () => {
  it('is committed as printed from the code (run `npm run schema:print` when this fails)', () => {
    expect(readFileSync(new URL('../schema/schema.graphql', import.meta.url), 'utf8')).toBe(printSdl());
  });

  it('describes each workflow as data, with the mutation of each step', async () => {
    const r = await gql(server, WorkflowsDocument, undefined, tokens.cst);
    const wf = r.data!.workflows.find((w) => w.name === 'normatividad')!;
    expect(wf.procedure).toBe('7081-MP-SI 8.1.6');
    expect(wf.entity).toBe('ProyectoNormativo');
    expect(wf.steps.find((s) => s.name === 'returnProyectoNormativoAsDstc')).toEqual({
      name: 'returnProyectoNormativoAsDstc',
      mutation: 'returnProyectoNormativoAsDstc',
      kind: 'TRANSITION',
      step: '6 → 5',
      from: ['EN_REVISION_DSTC'],
      to: 'EN_ELABORACION',
      role: 'DSTC',
      roles: ['DSTC'],
      reach: 'owner',
      observationsRequired: true,
      preconditions: [],
      unitKinds: [],
    });
    expect(wf.steps.find((s) => s.name === 'submitProyectoNormativoAsCast')).toMatchObject({
      kind: 'ACTION',
      from: ['EN_COMENTARIOS_CAST'],
      to: null,
    });
    expect(wf.steps.find((s) => s.name === 'createProyectoNormativo')).toMatchObject({
      kind: 'CREATION',
      from: [],
      unitKinds: ['DIRECCION_NACIONAL'],
    });
  });

  it('declares every mutation but the platform’s own account ones (login, sessions, passwords) and the e-mailed links’ as a step of some workflow, under its own name', async () => {
    const r = await gql(server, WorkflowsDocument, undefined, tokens.cst);
    // Steps only the API's own jobs take (role SISTEMA) have no mutation (docs/decisions/021-system-actor.md).
    const all = r.data!.workflows.flatMap((w) => w.steps);
    const system = all.filter((s) => s.mutation === null);
    expect(
      system.every((s) => s.roles.every((role) => role === 'SISTEMA')),
      'only SISTEMA steps lack a mutation',
    ).toBe(true);
    const steps = all.filter((s) => s.mutation !== null).map((s) => s.name);
    expect(all.filter((s) => s.mutation !== null && s.mutation !== s.name)).toEqual([]);
    const account = [
      'login',
      'refreshSession',
      'logout',
      'requestPasswordReset',
      'setPassword',
      'changePassword',
      'requestEmailVerification',
      'verifyEmail',
      // E-mailed single-use links without an account (#15): each takes a declared step as the system
      // (answerEncuesta → addRespuestaEncuesta; unsubscribeCorreo → addBajaCorreo).
      'answerEncuesta',
      'unsubscribeCorreo',
    ];
    const mutations = Object.keys(buildSchema().getMutationType()!.getFields()).filter((m) => !account.includes(m));
    expect(mutations.filter((m) => !steps.includes(m))).toEqual([]);
    expect(steps.filter((s) => !mutations.includes(s))).toEqual([]);
    expect(new Set(all.map((s) => s.name)).size).toBe(all.length);
  });
});

describe('shutdown', () => {
  it('lets in-flight requests finish, then refuses new connections', async () => {
    const s = await startServer();
    // Stop once the server has received all five requests (login hashes a
    // password, so each takes tens of milliseconds).
    let received = 0;
    const allReceived = new Promise<void>((resolve) => s.app.server.on('request', () => ++received === 5 && resolve()));
    const inFlight = Array.from({ length: 5 }, () => gql(s, LoginDocument, { email: 'dstc@demo.conalep.mx', password: DEMO_PASSWORD }));
    await allReceived;
    const stopping = s.stop();
    const results = await Promise.all(inFlight);
    await stopping;
    for (const r of results) expect(r.data?.login.token).toBeTruthy();
    await expect(fetch(`${s.url}/health`)).rejects.toThrow();
  });
});
