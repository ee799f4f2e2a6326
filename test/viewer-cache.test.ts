// The viewer of a token is loaded once and kept in memory (src/lib/auth/viewer-cache.ts),
// and a change to the person, their roles or their units reaches every server
// process through NOTIFY: a deactivated person or a removed role is refused on
// the next request after the commit, by this process and by another one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { inject } from 'vitest';
import { createViewerCache } from '../src/lib/auth/viewer-cache.js';
import { createLogger } from '../src/lib/logger.js';
import { hashPassword } from '../src/lib/auth/passwords.js';
import { codeOf, gql, startServer, statementsFor, type TestServer } from './helpers.js';
import { make, unit, uniq } from './factories.js';

let a: TestServer;
let b: TestServer;
let admin: pg.Client;

beforeAll(async () => {
  a = await startServer({ VIEWER_CACHE: 'on' });
  // A second server of the same deployment (same token secret), with its own cache and LISTEN connection.
  b = await startServer({ VIEWER_CACHE: 'on', JWT_SECRET: a.config.jwtSecret! });
  admin = new pg.Client({ connectionString: inject('databaseUrl') });
  await admin.connect();
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await admin?.end();
});

const PASSWORD = 'una contraseña larga 123';

/** A person with one role at a plantel, signed in on server `a`. */
async function person() {
  const email = `cache.${uniq().toLowerCase()}@example.mx`;
  const p = await a.db.person.create({ data: { email, fullName: 'Cache Test', passwordHash: await hashPassword(PASSWORD) } });
  const plantel = await unit(a.db, 'MEX-P001');
  await a.db.roleAssignment.create({ data: { personId: p.id, role: 'SERVICIOS_ESCOLARES_PLANTEL', unitId: plantel.id } });
  const r = await gql<{ login: { token: string } }, object>(
    a,
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: email, p: PASSWORD },
  );
  expect(r.errors).toBeUndefined();
  return { id: p.id, token: r.data!.login.token };
}

const ME = '{ me { email } }';
const me = (server: TestServer, token: string) => gql<{ me: { email: string } | null }, object>(server, ME, {}, token);
/** Students of the plantel the viewer can read: needs the viewer's role assignment. */
const students = async (server: TestServer, token: string) =>
  (await gql<{ alumnos: { totalCount: number } }, object>(server, '{ alumnos(first: 1) { totalCount } }', {}, token)).data?.alumnos
    .totalCount ?? 0;

/** Polls `check` until it holds; returns the milliseconds it took. */
async function within(ms: number, check: () => boolean | Promise<boolean>): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - start;
}

describe('viewer cache', () => {
  it('loads the viewer once: later requests with the same token send no statement for it', async () => {
    const { token } = await person();
    const typename = () => gql(a, '{ __typename }', {}, token);
    await within(5000, async () => {
      await typename();
      return (await statementsFor(typename)) === 0;
    });
    // Without the cache, the same request loads the viewer.
    const c = await startServer({ JWT_SECRET: a.config.jwtSecret!, VIEWER_CACHE: 'off' });
    try {
      expect(await statementsFor(() => gql(c, '{ __typename }', {}, token))).toBe(1);
    } finally {
      await c.stop();
    }
  });

  it('a deactivated person is refused at once by both processes', async () => {
    const { id, token } = await person();
    expect((await me(a, token)).data!.me).not.toBeNull();
    expect((await me(b, token)).data!.me).not.toBeNull();
    await admin.query('UPDATE "Person" SET active = false WHERE id = $1', [id]);
    for (const server of [a, b]) {
      const ms = await within(2000, async () => codeOf(await me(server, token)) === 'UNAUTHENTICATED');
      expect(ms).toBeLessThan(2000);
    }
  });

  it('a removed role is gone at once', async () => {
    const { id, token } = await person();
    await make.alumno(a.db, { unit: 'MEX-P001' });
    expect(await students(b, token)).toBeGreaterThan(0);
    await admin.query('DELETE FROM "RoleAssignment" WHERE "personId" = $1', [id]);
    await within(2000, async () => (await students(b, token)) === 0);
  });

  it('is not used while its LISTEN connection is down, and comes back', async () => {
    const url = inject('databaseUrl');
    const cache = createViewerCache(url, createLogger('silent'), { retryMs: 50 });
    try {
      await within(5000, () => cache.active);
      let loads = 0;
      const load = () => {
        loads += 1;
        return Promise.resolve(null);
      };
      await cache.get('k', load);
      await cache.get('k', load);
      expect(loads).toBe(1);
      // Kill the listening connection: the cache stops answering from memory at once.
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN viewer_changed' AND datname = current_database()`,
      );
      await within(2000, () => !cache.active);
      await cache.get('k', load);
      expect(loads).toBe(2);
      await within(5000, () => cache.active);
      await cache.get('k', load);
      await cache.get('k', load);
      expect(loads).toBe(3);
    } finally {
      await cache.stop();
    }
  });
});
