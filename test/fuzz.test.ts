// Client mistakes are typed (docs/errors.md): a seeded, bounded fuzz of every
// root Query and Mutation field, generated from the schema. Arguments are built
// by type and then mutated (ids of another type or out of scope, malformed
// base64 and cursors, huge and negative numbers, NUL bytes, very long strings,
// invalid dates and enums, empty objects), sent as an anonymous client and as
// accounts made for this test (copies of demo accounts' roles). No response
// may carry INTERNAL_SERVER_ERROR, and a refused mutation writes nothing: no
// audit row and no record by the fuzzing accounts.
//
// FUZZ_SEED=<n> replays a run; FUZZ_REQUESTS=<n> changes its size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
} from 'graphql';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { buildSchema } from '../src/schema.js';
import { createTokenService } from '../src/lib/auth/tokens.js';
import { openSession } from '../src/lib/auth/sessions.js';
import { gql, startServer, type GqlResponse, type TestServer } from './helpers.js';
import { make, uniq } from './factories.js';
import { demoEmail } from '../src/seed/demo.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 3000);

/** mulberry32: a small seeded PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof prng>;

let server: TestServer;
/** Tokens of the fuzzing accounts by the demo account whose roles they copy; '' is anonymous. */
const clients: Record<string, string> = { anonymous: '' };
let fuzzPersonIds: string[] = [];
/** Global ids of real records of several types and units. */
const ids: string[] = [];

const COPIED = ['admin', 'dstc', 'cst', 'escolares.p001', 'promocion.mex', 'dce.p001', 'tccc.mex'];

beforeAll(async () => {
  // X-Forwarded-For is trusted here so that fuzzed logins count against their own (fake) addresses, not 127.0.0.1.
  server = await startServer({ TRUST_PROXY: '1', LOG_LEVEL: process.env.FUZZ_LOG ?? 'silent' });
  const db = server.db;
  const tokens = await createTokenService(server.config);
  const tag = uniq().toLowerCase();
  for (const local of COPIED) {
    const demo = await db.person.findUniqueOrThrow({
      where: { email: demoEmail(local) },
      select: { roles: { select: { role: true, unitId: true } } },
    });
    const person = await db.person.create({
      data: { email: `fuzz.${tag}.${local}@fuzz.test`, fullName: `Fuzz ${local}`, roles: { create: demo.roles } },
      select: { id: true },
    });
    fuzzPersonIds.push(person.id);
    clients[local] = (await openSession(db, tokens, person.id, { clientAddress: 'fuzz', refreshTtlSeconds: 3600 })).token;
  }
  fuzzPersonIds = [...fuzzPersonIds];
  const units = await db.orgUnit.findMany({
    where: { code: { in: ['MEX-P001', 'VER-P001', 'CE-MEX', 'CE-VER', 'DSTC', 'MEX-CAST01'] } },
    select: { id: true },
  });
  ids.push(...units.map((u) => encodeGlobalID('OrgUnit', u.id)));
  const plan = await make.planAnualCentro(db, { estado: 'EN_ELABORACION', unit: 'MEX-P001' });
  const made = [
    plan,
    await make.planTrabajoAnual(db, { unit: 'CE-VER' }),
    await make.proyectoNormativo(db, { estado: 'EN_ELABORACION' }),
    await make.alumno(db, { unit: 'MEX-P001', planConcluido: true }),
    await make.certificado(db, { estado: 'SOLICITADO', unit: 'VER-P001' }),
    await make.loteFolios(db, { unit: 'CE-MEX', cantidad: 3 }),
    await make.reporteTrimestral(db, { unit: 'MEX-P002' }),
    await make.accionMejora(db, { unit: 'CE-MEX' }),
    await make.baja(db, { unit: 'MEX-P001' }),
    ...plan.actividades,
  ];
  ids.push(...made.map((m) => m.globalId));
  const person = await db.person.findFirstOrThrow({ where: { email: demoEmail('dstc') }, select: { id: true } });
  ids.push(encodeGlobalID('Person', person.id));
}, 180_000);
afterAll(() => server?.stop());

// ---- values -------------------------------------------------------------------

const UUID0 = '00000000-0000-4000-8000-000000000000';
const b64 = (s: string) => Buffer.from(s).toString('base64');
const NUL = 'a\u0000b';
const LONG = 'x'.repeat(20_000);

function hostileId(r: Rng): string {
  return r.pick([
    () => r.pick(ids), // a real record, of any type (often the wrong one) and any unit
    () => b64(`OrgUnit:${UUID0}`),
    () => b64(`NoSuchType:${UUID0}`),
    () => b64('Alumno:not-a-uuid'),
    () => b64(':'),
    () => '!!!not base64!!!',
    () => '',
    () => NUL,
    () => b64(`Alumno:${UUID0}\u0000`),
    () => LONG,
    () => UUID0,
  ])();
}

function hostileCursor(r: Rng): string {
  return r.pick([
    () => b64('GPC:S:not-a-uuid'),
    () => b64(`GPC:S:${UUID0}`),
    () => b64('GPC:J:{broken'),
    () => b64('GPC:N:abc'),
    () => b64('junk'),
    () => '%%%',
    () => '',
    () => NUL,
    () => r.pick(ids),
  ])();
}

const DATES = [
  '2026-03-01T10:00:00Z',
  '1999-12-31T23:59:59Z',
  'not a date',
  '',
  '0000-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2026-02-30T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '10000-01-01T00:00:00Z',
];
const INTS = [0, 1, 2, 3, 4, 5, 12, 2026, 2000, 1500, -1, -2147483648, 2147483647, 100000, 501, 1000];
const FLOATS = [0, 1.5, -1, 6, 10, 1e300, -1e300, 5.999];
const STRINGS = ['', 'texto', NUL, LONG, 'ñandú ✓ 🙂', "'; DROP TABLE x; --", '\\', '2025-1', 'ORIGINAL', 'x@y.z', '   '];

function scalarValue(name: string, argName: string, r: Rng): unknown {
  switch (name) {
    case 'ID':
      return hostileId(r);
    case 'Int':
      return r.pick(INTS);
    case 'Float':
      return r.pick(FLOATS);
    case 'Boolean':
      return r.chance(0.5);
    case 'DateTime':
      return r.pick(DATES);
    case 'JSON':
      return r.pick([{}, [], 'x', 1, null, { a: NUL }]);
    default:
      if (/after|before|cursor/i.test(argName)) return hostileCursor(r);
      if (/email/i.test(argName)) return r.pick([`nadie.${r.int(1e6)}@fuzz.test`, NUL, '', LONG, 'no-at-sign']);
      return r.pick(STRINGS);
  }
}

function value(type: GraphQLInputType, argName: string, r: Rng, depth = 0): unknown {
  if (isNonNullType(type)) return value(type.ofType, argName, r, depth);
  if (r.chance(0.04)) return null;
  if (isListType(type)) {
    const n = r.pick([0, 1, 1, 2, 3]);
    return Array.from({ length: n }, () => value(type.ofType, argName, r, depth + 1));
  }
  if (isEnumType(type)) return r.chance(0.9) ? r.pick(type.getValues()).name : 'NO_SUCH_VALUE';
  if (isInputObjectType(type)) {
    if (r.chance(0.05) || depth > 3) return {};
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      if (isNonNullType(f.type) || r.chance(0.5)) out[f.name] = value(f.type, f.name, r, depth + 1);
    }
    return out;
  }
  if (isScalarType(type)) {
    // first/last: sometimes sensible, sometimes negative or over the maximum.
    if (/^(first|last)$/.test(argName)) return r.pick([1, 5, 20, 0, -1, 101, 1_000_000]);
    return scalarValue(type.name, argName, r);
  }
  return null;
}

const typeName = (t: GraphQLInputType): string =>
  isNonNullType(t) ? `${typeName(t.ofType)}!` : isListType(t) ? `[${typeName(t.ofType)}]` : (t as GraphQLNamedType).name;

/** A small selection of what a field returns (enough to run its resolvers, cursors and counts). */
function selectionOf(type: GraphQLNamedType): string {
  if (!isObjectType(type)) return isScalarType(type) || isEnumType(type) ? '' : '{ __typename }';
  const fields = type.getFields();
  const parts = ['__typename'];
  if ('id' in fields) parts.push('id');
  if ('edges' in fields) parts.push('edges { cursor node { __typename } }', 'pageInfo { endCursor hasNextPage }');
  if ('totalCount' in fields) parts.push('totalCount');
  return `{ ${parts.join(' ')} }`;
}

function request(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, r: Rng) {
  const args = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type) || r.chance(0.6));
  const variables: Record<string, unknown> = {};
  for (const a of args) variables[a.name] = value(a.type, a.name, r);
  // Now and then a required variable goes missing, or gets the wrong shape.
  if (args.length && r.chance(0.03)) delete variables[r.pick(args).name];
  if (args.length && r.chance(0.03)) variables[r.pick(args).name] = r.pick([{}, [], 'x', 42]);
  const decl = args.length ? `(${args.map((a) => `$${a.name}: ${typeName(a.type)}`).join(', ')})` : '';
  const call = args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  return { query: `${kind} Fuzz${decl} { ${field.name}${call} ${selectionOf(getNamedType(field.type))} }`, variables };
}

/** Rows written by the fuzzing accounts: audit entries, and records they created. */
async function rowsByFuzzers(): Promise<number> {
  const db = server.db;
  const where = { createdById: { in: fuzzPersonIds } };
  const counts = await Promise.all([
    db.workflowTransition.count({ where: { actorId: { in: fuzzPersonIds } } }),
    db.proyectoNormativo.count({ where }),
    db.planTrabajoAnual.count({ where }),
    db.actividadRealizada.count({ where }),
    db.loteFolios.count({ where }),
    db.reunionRiesgo.count({ where }),
    db.asesoriaComplementaria.count({ where }),
  ]);
  return counts.reduce((a, b) => a + b, 0);
}

type Outcome = { field: string; client: string; query: string; variables: unknown; response: GqlResponse<unknown> };

const show = (o: Outcome) =>
  `${o.client} ${o.query}\n  variables: ${JSON.stringify(o.variables, (_k, v: unknown) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length})` : v))}\n  → ${JSON.stringify(o.response.errors?.map((e) => [e.extensions?.code, e.message, e.path]))}`;

describe('fuzzing every root field', () => {
  it(`${REQUESTS} seeded requests (seed ${SEED}): no INTERNAL_SERVER_ERROR, and refused mutations write nothing`, async () => {
    const started = Date.now();
    const schema = buildSchema();
    const r = prng(SEED);
    const queryFields = Object.values(schema.getQueryType()!.getFields());
    const mutationFields = Object.values(schema.getMutationType()!.getFields());
    const roots = [...queryFields.map((f) => ['query', f] as const), ...mutationFields.map((f) => ['mutation', f] as const)];
    const perRoot = Math.max(1, Math.floor(REQUESTS / roots.length));
    const internal: Outcome[] = [];
    const writes: Outcome[] = [];
    const codes = new Map<string, number>();
    let sent = 0;
    const send = async (kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) => {
      const client = field.name === 'login' ? 'anonymous' : r.pick(Object.keys(clients));
      const { query, variables } = request(kind, field, r);
      const headers: Record<string, string> = { 'x-forwarded-for': `10.${r.int(256)}.${r.int(256)}.${r.int(256)}` };
      const response = await gql(server, query, variables, clients[client] || undefined, headers);
      sent += 1;
      for (const e of response.errors ?? []) codes.set(String(e.extensions?.code), (codes.get(String(e.extensions?.code)) ?? 0) + 1);
      const outcome = { field: field.name, client, query, variables, response };
      if (response.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) internal.push(outcome);
      return outcome;
    };

    // Queries: several at a time.
    const queryJobs = queryFields.flatMap((f) => Array.from({ length: perRoot }, () => f));
    for (let i = 0; i < queryJobs.length; i += 8) await Promise.all(queryJobs.slice(i, i + 8).map((f) => send('query', f)));

    // Mutations: one at a time, counting the rows the fuzzing accounts wrote around each refused one.
    for (const field of mutationFields) {
      for (let i = 0; i < (field.name === 'login' ? Math.min(perRoot, 20) : perRoot); i++) {
        const before = await rowsByFuzzers();
        const outcome = await send('mutation', field);
        const data = outcome.response.data as Record<string, unknown> | null | undefined;
        const refused = !!outcome.response.errors?.length && data?.[field.name] == null;
        if (refused && (await rowsByFuzzers()) !== before) writes.push(outcome);
      }
    }

    const seconds = (Date.now() - started) / 1000;
    console.info(
      `fuzz: seed ${SEED}, ${sent} requests over ${roots.length} root fields (${queryFields.length} queries, ${mutationFields.length} mutations) in ${seconds.toFixed(1)} s; ` +
        `codes: ${JSON.stringify(Object.fromEntries([...codes].sort()))}`,
    );
    const byField = [...new Set(internal.map((o) => o.field))];
    expect(internal.length, `INTERNAL_SERVER_ERROR on ${byField.join(', ')}:\n${internal.slice(0, 5).map(show).join('\n')}`).toBe(0);
    expect(writes.length, `refused mutations that wrote rows:\n${writes.slice(0, 5).map(show).join('\n')}`).toBe(0);
    expect(sent).toBeGreaterThanOrEqual(roots.length * Math.min(perRoot, 20));
  }, 300_000);
});
