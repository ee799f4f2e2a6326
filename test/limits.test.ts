// Operation limits (docs/decisions/007-operation-limits.md): the worst
// documents under the body limit are refused with a code and a message naming
// the limit, and quickly: a /health request sent alongside is answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIntrospectionQuery } from 'graphql';
import { loadConfig } from '../src/config.js';
import {
  deepNesting,
  exponentialFragments,
  manyAliases,
  manyDirectives,
  manyOperations,
  pageFromVariable,
} from '../scripts/bench/limit-documents.js';
import { codeOf, demoTokens, gql, startServer, type GqlResponse, type TestServer } from './helpers.js';

let server: TestServer;
let admin: string;

/** Refusals answer 400 to clients that accept application/graphql-response+json (200 to application/json: test/graphql-over-http.test.ts). */
const MODERN = { accept: 'application/graphql-response+json' };

beforeAll(async () => {
  server = await startServer();
  admin = (await demoTokens(server)).admin;
});
afterAll(() => server.stop());

/** Sends `query` and, meanwhile, a /health request, which must be answered (a generous bound: real figures are in `npm run bench:limits`). */
async function alongsideHealth(query: string, variables?: Record<string, unknown>): Promise<GqlResponse<unknown>> {
  const started = Date.now();
  const [result, health] = await Promise.all([
    gql(server, query, variables, admin, MODERN),
    new Promise((resolve) => setTimeout(resolve, 5)).then(() => fetch(`${server.url}/health`)),
  ]);
  expect(health.status).toBe(200);
  expect(Date.now() - started).toBeLessThan(2000);
  return result;
}

describe('operation limits', () => {
  it('refuses 24 levels of fragments, each spreading the previous twice, by its cost', async () => {
    const query = exponentialFragments(24);
    expect(query.length).toBeLessThan(1100);
    const r = await alongsideHealth(query);
    expect(r.status).toBe(400);
    expect(codeOf(r)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.errors![0].message).toBe('Operation Q costs 16777216; the limit is 5000');
  });

  it('refuses 40,000 operations in about 1 MB at the token limit', async () => {
    const query = manyOperations(1_000_000);
    expect(query.split('query ').length - 1).toBeGreaterThan(40_000);
    const r = await alongsideHealth(query);
    expect(r.status).toBe(400);
    expect(codeOf(r)).toBe('GRAPHQL_PARSE_FAILED');
    expect(r.errors![0].message).toMatch(/more tha[nt] 500 tokens/);
  });

  it('refuses more than 20 operations in a document', async () => {
    const query = Array.from({ length: 21 }, (_, i) => `query Q${i} { __typename }`).join(' ');
    const r = await gql(server, query, undefined, admin, MODERN);
    expect(r.status).toBe(400);
    expect(codeOf(r)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.errors![0].message).toBe('The document has 21 operations; the limit is 20');
  });

  it('refuses 1,200 @include by tokens, and more than 50 directives', async () => {
    const many = await alongsideHealth(manyDirectives(1200));
    expect(many.status).toBe(400);
    expect(codeOf(many)).toBe('GRAPHQL_PARSE_FAILED');
    const some = await alongsideHealth(manyDirectives(51));
    expect(some.status).toBe(400);
    expect(codeOf(some)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(some.errors![0].message).toBe('Operation Q uses 51 directives; the limit is 50');
    expect(codeOf(await gql(server, manyDirectives(50), undefined, admin, MODERN))).toBeUndefined();
  });

  it('costs `first: $n` with the value of $n, and with the largest page (100) when $n is not given', async () => {
    const literal = await gql(server, pageFromVariable.replace(/\$n(?!:)/g, '100').replace('($n: Int)', ''), undefined, admin, MODERN);
    expect(literal.errors![0].message).toBe('Operation Q costs 30301; the limit is 5000');
    const variable = await alongsideHealth(pageFromVariable, { n: 100 });
    expect(variable.status).toBe(400);
    expect(codeOf(variable)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(variable.errors![0].message).toBe('Operation Q costs 30301; the limit is 5000');
    expect(codeOf(await gql(server, pageFromVariable, { n: 500 }, admin, MODERN))).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(codeOf(await gql(server, pageFromVariable, {}, admin, MODERN))).toBe('GRAPHQL_VALIDATION_FAILED');
    const small = await gql(server, pageFromVariable, { n: 5 }, admin, MODERN);
    expect(small.errors).toBeUndefined();
  });

  it('refuses operations too deep, with too many aliases or tokens', async () => {
    const deep = await alongsideHealth(deepNesting(10));
    expect(deep.status).toBe(400);
    expect(deep.errors![0].message).toBe('Operation Q is 14 levels deep; the limit is 12');
    expect(codeOf(await gql(server, deepNesting(8), undefined, admin, MODERN))).toBeUndefined();
    const aliases = await alongsideHealth(manyAliases(16));
    expect(aliases.status).toBe(400);
    expect(aliases.errors![0].message).toBe('Operation Q uses 16 aliases; the limit is 15');
    // Aliases in a fragment count at each spread.
    const spread = await gql(
      server,
      `query Q { ...A ...A } fragment A on Query { ${manyAliases(8).slice(10, -2)} }`,
      undefined,
      admin,
      MODERN,
    );
    expect(spread.errors![0].message).toBe('Operation Q uses 16 aliases; the limit is 15');
    const tokens = await alongsideHealth(`query Q { me { ${'id '.repeat(500)}} }`);
    expect(tokens.status).toBe(400);
    expect(codeOf(tokens)).toBe('GRAPHQL_PARSE_FAILED');
    expect(tokens.errors![0].message).toMatch(/more tha[nt] 500 tokens/);
  });

  it('refuses fragment cycles without looping', async () => {
    const r = await alongsideHealth('query Q { ...A } fragment A on Query { ...B } fragment B on Query { ...A }');
    expect(r.status).toBe(400);
    expect(codeOf(r)).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('introspection', () => {
  it('answers the standard introspection query by default outside production', async () => {
    const r = await gql<{ __schema: { queryType: { name: string } } }, never>(
      server,
      getIntrospectionQuery({ descriptions: true }),
      undefined,
      admin,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.__schema.queryType.name).toBe('Query');
  });

  it('is off in production unless INTROSPECTION=true, and refused when off', async () => {
    const secret = 'x'.repeat(40);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret }).limits.introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, INTROSPECTION: 'true' }).limits.introspection).toBe(true);
    expect(loadConfig({ INTROSPECTION: 'false' }).limits.introspection).toBe(false);
    const closed = await startServer({ INTROSPECTION: 'false' });
    try {
      const r = await gql(closed, '{ __schema { types { name } } }', undefined, admin, MODERN);
      expect(r.status).toBe(400);
      expect(codeOf(r)).toBe('GRAPHQL_VALIDATION_FAILED');
      // No "Did you mean" hints that would reveal the schema.
      const typo = await gql(closed, '{ mee { id } }', undefined, admin, MODERN);
      expect(typo.errors![0].message).not.toMatch(/Did you mean/);
    } finally {
      await closed.stop();
    }
  });
});
