// The GraphQL-over-HTTP specification, audited by graphql-http's own server
// audits (the reference implementation's checks), plus the statuses each media
// type gets. The only audits not met are the optional GETs that CSRF
// prevention refuses (docs/graphql-over-http.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditServer } from 'graphql-http';
import { startServer, type TestServer } from './helpers.js';

/** MAY-level audits: a GET without a header that forces a preflight is refused by CSRF prevention. */
const REFUSED_BY_CSRF_PREVENTION = ['5A70', 'D6D5', '6A70'];

describe('GraphQL over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.stop());

  it('passes every MUST and SHOULD audit of graphql-http', async () => {
    const results = await auditServer({ url: `${server.url}/graphql` });
    expect(results.length).toBeGreaterThan(50);
    const failed = results.filter((r) => r.status !== 'ok').map((r) => `${r.status} ${r.id} ${r.name}: ${r.reason}`);
    expect(failed.filter((f) => !f.startsWith('notice'))).toEqual([]);
    expect(failed.map((f) => f.split(' ')[1]).sort()).toEqual([...REFUSED_BY_CSRF_PREVENTION].sort());
  });

  const post = (accept: string | undefined, body: unknown) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) },
      body: JSON.stringify(body),
    });

  for (const [name, body] of [
    ['a document that does not parse', { query: '{ me {' }],
    ['a document that does not validate', { query: '{ nope }' }],
    ['variables that do not coerce', { query: 'query($n: Int) { orgUnits(first: $n) { totalCount } }', variables: { n: 'x' } }],
  ] as const) {
    it(`${name}: 400 as application/graphql-response+json, 200 as application/json (also without Accept)`, async () => {
      const modern = await post('application/graphql-response+json', body);
      expect(modern.status).toBe(400);
      expect(modern.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
      for (const accept of ['application/json', undefined]) {
        const legacy = await post(accept, body);
        expect(legacy.status).toBe(200);
        expect(legacy.headers.get('content-type')).toMatch(/^application\/json/);
        expect(((await legacy.json()) as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
      }
    });
  }

  it('a malformed HTTP request stays 400 whatever the media type', async () => {
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      expect((await post(accept, { variables: {} })).status).toBe(400);
    }
  });
});
