// Benchmark of finding 8 (login): how long `{ me }` takes while a burst of
// concurrent wrong-password logins arrives, and how long a login with an
// unknown e-mail takes compared with a wrong password. Each scenario is the
// real API over HTTP with its own settings:
//   - "no throttle, no cap": the limits out of reach and 64 hashes at once
//     (what the API did before the throttle and the hashing cap);
//   - "hash cap only": PASSWORD_HASH_CONCURRENCY=2, no cap on logins in flight,
//     throttle out of reach (a burst from many addresses);
//   - "login cap only": LOGIN_CONCURRENCY=4 and PASSWORD_HASH_CONCURRENCY=2
//     (the defaults), throttle out of reach;
//   - "defaults": one client address, default limits.
//
//   npx tsx scripts/bench/login.ts   (BENCH_DATABASE_ADMIN_URL as for the other benchmarks; BURST=300)
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/lib/logger.js';
import { hashPassword } from '../../src/lib/auth/passwords.js';
import type { Db } from '../../src/lib/db/client.js';
import { withBenchDatabase } from './harness.js';

const BURST = Number(process.env.BURST ?? 300);
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;

async function post(port: number, query: string, variables: object, token?: string) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: res.status,
    body: (await res.json()) as { data?: { login?: { token: string } }; errors?: { extensions?: { code?: string } }[] },
  };
}

async function scenario(db: Db, name: string, env: Record<string, string>) {
  await db.rateLimiterFlexible.deleteMany();
  const app = await createApp({ config: loadConfig({ LOG_LEVEL: 'silent', ...env }), db, log: createLogger('silent') });
  const port = await app.listen(0);
  const token = (await post(port, LOGIN, { e: 'viewer@bench.test', p: 'right-password' })).body.data!.login!.token;

  // Timing: unknown e-mail against wrong password, alternated, counters cleared before each.
  const times: Record<string, number[]> = { wrong: [], unknown: [] };
  for (let i = 0; i < 24; i++) {
    const kind = i % 2 ? 'unknown' : 'wrong';
    await db.rateLimiterFlexible.deleteMany();
    const t0 = performance.now();
    await post(port, LOGIN, { e: kind === 'wrong' ? 'timing@bench.test' : 'nobody@bench.test', p: 'wrong-password' });
    if (i >= 4) times[kind].push(performance.now() - t0); // the first ones warm up
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const [wrong, unknown] = [median(times.wrong), median(times.unknown)];
  await db.rateLimiterFlexible.deleteMany();

  // Burst: BURST wrong-password logins at once, while `{ me }` is asked one after another.
  const meTimes: number[] = [];
  let done = false;
  const meLoop = (async () => {
    while (!done) {
      const t0 = performance.now();
      await post(port, '{ me { id } }', {}, token);
      meTimes.push(performance.now() - t0);
    }
  })();
  const t0 = performance.now();
  const results = await Promise.all(
    Array.from({ length: BURST }, (_, i) => post(port, LOGIN, { e: `burst${i % 20}@bench.test`, p: 'wrong-password' })),
  );
  const burstMs = performance.now() - t0;
  done = true;
  await meLoop;
  const codes: Record<string, number> = {};
  for (const r of results) {
    const code = `${r.status} ${r.body.errors?.[0]?.extensions?.code ?? 'OK'}`;
    codes[code] = (codes[code] ?? 0) + 1;
  }
  meTimes.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(22)} unknown ${unknown.toFixed(1).padStart(6)} ms  wrong ${wrong.toFixed(1).padStart(6)} ms | burst ${BURST}: ${burstMs.toFixed(0).padStart(6)} ms ${JSON.stringify(codes)} | me during burst: n=${meTimes.length} p50 ${meTimes[Math.floor(meTimes.length / 2)].toFixed(1)} ms max ${meTimes[meTimes.length - 1].toFixed(1)} ms`,
  );
  await app.stop();
}

await withBenchDatabase('bench_login', async (_url, db) => {
  const passwordHash = await hashPassword('right-password');
  await db.person.createMany({
    data: ['viewer', 'timing', ...Array.from({ length: 20 }, (_, i) => `burst${i}`)].map((local) => ({
      email: `${local}@bench.test`,
      fullName: local,
      passwordHash,
    })),
  });
  const open = { LOGIN_ACCOUNT_MAX_FAILURES: '1000000', LOGIN_ADDRESS_MAX_FAILURES: '1000000' };
  await scenario(db, 'no throttle, no cap', { ...open, PASSWORD_HASH_CONCURRENCY: '64', LOGIN_CONCURRENCY: '100000' });
  await scenario(db, 'login cap only (4/2)', open);
  await scenario(db, 'hash cap only (2)', { ...open, PASSWORD_HASH_CONCURRENCY: '2', LOGIN_CONCURRENCY: '100000' });
  await scenario(db, 'defaults', {});
});
