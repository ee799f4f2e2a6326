// Finding 8: login throttling per account and per client address (shared by
// every process through PostgreSQL), constant-time answers for unknown
// e-mails, and every attempt in the audit. Each test uses its own accounts and
// its own client address (X-Forwarded-For, believed with TRUST_PROXY=1).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/lib/auth/passwords.js';
import { codeOf, gql, startServer, type TestServer } from './helpers.js';

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token person { email } } }`;
const PASSWORD = 'correct horse battery staple';
type Vars = { email: string; password: string };
type Result = { login: { token: string; person: { email: string } } };

let server: TestServer;
let passwordHash: string;
const servers: TestServer[] = [];

async function start(env: Record<string, string> = {}) {
  const s = await startServer({ TRUST_PROXY: '1', ...env });
  servers.push(s);
  return s;
}

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
  server = await start();
});
afterAll(async () => {
  for (const s of servers) await s.stop();
});

const unique = () => randomBytes(4).toString('hex');
let addressCounter = 0;
/** An address of TEST-NET-2 no other test uses (the database is fresh for each run). */
const freshAddress = () => `198.51.100.${++addressCounter}`;

async function newAccount(options: { active?: boolean } = {}) {
  const email = `login-${unique()}@test.local`;
  const person = await server.db.person.create({ data: { email, fullName: 'Login test', passwordHash, active: options.active ?? true } });
  return { email, id: person.id };
}

function login(s: TestServer, address: string, email: string, password: string) {
  return gql<Result, Vars>(s, LOGIN, { email, password }, undefined, { 'x-forwarded-for': address });
}

describe('login throttling', () => {
  it('locks an account after 5 failed logins: the right password is then refused with 429 and Retry-After', async () => {
    const { email } = await newAccount();
    const address = freshAddress();
    for (let i = 0; i < 5; i++) expect(codeOf(await login(server, address, email, 'wrong'))).toBe('UNAUTHENTICATED');
    const refused = await login(server, address, email, PASSWORD);
    expect(refused.status).toBe(429);
    expect(codeOf(refused)).toBe('TOO_MANY_REQUESTS');
    expect(refused.errors?.[0]?.extensions?.retryAfterSeconds).toBe(900);
    expect(refused.data?.login ?? null).toBeNull();
    // Retry-After on the HTTP response, and the lock holds from another address too.
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': freshAddress() },
      body: JSON.stringify({ query: LOGIN, variables: { email: email.toUpperCase(), password: PASSWORD } }),
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(890);
  });

  it('limits failed logins per client address, across accounts', async () => {
    const s = await start({ LOGIN_ADDRESS_MAX_FAILURES: '3' });
    const address = freshAddress();
    for (let i = 0; i < 3; i++) {
      const { email } = await newAccount();
      expect(codeOf(await login(s, address, email, 'wrong'))).toBe('UNAUTHENTICATED');
    }
    const { email } = await newAccount();
    const refused = await login(s, address, email, PASSWORD);
    expect(codeOf(refused)).toBe('TOO_MANY_REQUESTS');
    expect(refused.errors?.[0]?.extensions?.retryAfterSeconds).toBeLessThanOrEqual(60);
    // The same account from another address is not affected.
    expect((await login(s, freshAddress(), email, PASSWORD)).data?.login.person.email).toBe(email);
  });

  it('uses the socket address unless TRUST_PROXY is set', async () => {
    const s = await startServer({ LOGIN_ADDRESS_MAX_FAILURES: '1' });
    servers.push(s);
    const { email } = await newAccount();
    // Two different X-Forwarded-For values, one socket address: only the socket counts.
    await login(s, freshAddress(), email, 'wrong');
    const attempts = await s.db.loginAttempt.findMany({ where: { email } });
    expect(attempts.map((a) => a.clientAddress)).toEqual(['127.0.0.1']);
    await s.db.rateLimiterFlexible.deleteMany({ where: { key: 'login_address:127.0.0.1' } });
  });

  it('a successful login resets the account counter', async () => {
    const { email } = await newAccount();
    const address = freshAddress();
    for (let i = 0; i < 4; i++) expect(codeOf(await login(server, address, email, 'wrong'))).toBe('UNAUTHENTICATED');
    expect((await login(server, address, email, PASSWORD)).data?.login.token).toBeTruthy();
    for (let i = 0; i < 4; i++) expect(codeOf(await login(server, address, email, 'wrong'))).toBe('UNAUTHENTICATED');
    expect((await login(server, address, email, PASSWORD)).data?.login.token).toBeTruthy();
  });

  it('shares the counters between two server instances on the same database', async () => {
    const other = await start();
    const { email } = await newAccount();
    for (let i = 0; i < 3; i++) expect(codeOf(await login(server, freshAddress(), email, 'wrong'))).toBe('UNAUTHENTICATED');
    for (let i = 0; i < 2; i++) expect(codeOf(await login(other, freshAddress(), email, 'wrong'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await login(server, freshAddress(), email, PASSWORD))).toBe('TOO_MANY_REQUESTS');
    expect(codeOf(await login(other, freshAddress(), email, PASSWORD))).toBe('TOO_MANY_REQUESTS');
  });

  it('a burst of concurrent guesses on one account gets no more than the allowance checked', async () => {
    const { email } = await newAccount();
    const results = await Promise.all(Array.from({ length: 20 }, () => login(server, freshAddress(), email, 'wrong')));
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(15);
  });
});

describe('login timing', () => {
  it('answers an unknown e-mail in about the time of a wrong password', async () => {
    const s = await start({ LOGIN_ACCOUNT_MAX_FAILURES: '1000', LOGIN_ADDRESS_MAX_FAILURES: '1000' });
    const { email } = await newAccount();
    const address = freshAddress();
    const times: Record<'wrong' | 'unknown', number[]> = { wrong: [], unknown: [] };
    for (let i = 0; i < 16; i++) {
      const kind = i % 2 ? 'unknown' : 'wrong';
      const t0 = performance.now();
      const r = await login(s, address, kind === 'wrong' ? email : `nobody-${unique()}@test.local`, 'wrong');
      expect(codeOf(r)).toBe('UNAUTHENTICATED');
      if (i >= 4) times[kind].push(performance.now() - t0);
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const [wrong, unknown] = [median(times.wrong), median(times.unknown)];
    console.log(`login timing: wrong password ${wrong.toFixed(1)} ms, unknown e-mail ${unknown.toFixed(1)} ms (medians of 6)`);
    expect(unknown / wrong).toBeGreaterThan(1 / 3);
    expect(unknown / wrong).toBeLessThan(3);
  });
});

describe('login audit', () => {
  it('records every attempt with its outcome, e-mail, person and address', async () => {
    const s = await start({ LOGIN_ACCOUNT_MAX_FAILURES: '2' });
    const { email, id } = await newAccount();
    const inactive = await newAccount({ active: false });
    const unknownEmail = `nobody-${unique()}@test.local`;
    const address = freshAddress();
    await login(s, address, `  ${email.toUpperCase()} `, PASSWORD);
    await login(s, address, email, 'wrong');
    await login(s, address, unknownEmail, 'wrong');
    expect(codeOf(await login(s, address, inactive.email, PASSWORD))).toBe('UNAUTHENTICATED');
    await login(s, address, email, 'wrong');
    expect(codeOf(await login(s, address, email, PASSWORD))).toBe('TOO_MANY_REQUESTS');

    const attempts = await s.db.loginAttempt.findMany({ where: { clientAddress: address }, orderBy: { at: 'asc' } });
    expect(attempts.map((a) => [a.email, a.personId, a.outcome])).toEqual([
      [email, id, 'SUCCESS'],
      [email, id, 'WRONG_PASSWORD'],
      [unknownEmail, null, 'UNKNOWN_ACCOUNT'],
      [inactive.email, inactive.id, 'INACTIVE'],
      [email, id, 'WRONG_PASSWORD'],
      [email, id, 'THROTTLED'],
    ]);
  });
});
