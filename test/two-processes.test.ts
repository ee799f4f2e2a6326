// Two API servers over one database (as two processes behind a load balancer
// would be): the concurrency guarantees hold across them, because they rest
// on the database (row locks, versions, unique constraints), not on memory.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssignLoteFoliosDocument, SendProyectoNormativoToCstDocument } from '../src/generated/graphql.js';
import { codeOf, demoTokens, gql, startServer, unitIdsByCode, type TestServer } from './helpers.js';
import { make } from './factories.js';

let a: TestServer;
let b: TestServer;
let tokens: Record<string, string>;
let units: Record<string, string>;

beforeAll(async () => {
  // One token secret, so a token signed by one server is accepted by the other.
  const JWT_SECRET = randomBytes(32).toString('base64url');
  [a, b] = await Promise.all([startServer({ JWT_SECRET }), startServer({ JWT_SECRET })]);
  tokens = await demoTokens(a);
  units = await unitIdsByCode(b, tokens.admin);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

const serverOf = (i: number) => (i % 2 === 0 ? a : b);

describe('two API servers on one database', () => {
  it('one transition fired by 50 clients over both servers: exactly one succeeds, one audit row', async () => {
    const p = await make.proyectoNormativo(a.db, { estado: 'NECESIDAD_IDENTIFICADA' });
    const attempts = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        gql(serverOf(i), SendProyectoNormativoToCstDocument, { input: { id: p.globalId } }, tokens.dstc),
      ),
    );
    const codes = attempts.map((r) => codeOf(r) ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    for (const c of codes.filter((x) => x !== 'OK')) expect(['CONFLICT', 'INVALID_TRANSITION']).toContain(c);
    // Both servers served some of them.
    expect(new Set(attempts.map((_, i) => serverOf(i).url)).size).toBe(2);
    expect(await a.db.workflowTransition.count({ where: { recordId: p.id, transition: 'sendProyectoNormativoToCst' } })).toBe(1);
    expect((await b.db.proyectoNormativo.findUniqueOrThrow({ where: { id: p.id }, select: { estado: true } })).estado).toBe(
      'SOLICITADO_A_CST',
    );
  });

  it('50 concurrent assignLoteFolios over both servers on one lote: no folio assigned twice, totals add up', async () => {
    const lote = await make.loteFolios(a.db, { unit: 'CE-MEX', cantidad: 100 });
    const state = await a.db.orgUnit.findUniqueOrThrow({ where: { code: 'CE-MEX' }, select: { id: true } });
    const planteles = ['MEX-P001', 'MEX-P002'];
    // 50 × 3 = 150 asked for 100 folios: some must be refused for want of folios.
    const attempts = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        gql(
          serverOf(i),
          AssignLoteFoliosDocument,
          { input: { id: lote.globalId, plantelId: units[planteles[i % 2]], cantidad: 3 } },
          tokens['escolares.mex'],
        ),
      ),
    );
    const served = attempts.filter((r) => !r.errors).map((r) => r.data!.assignLoteFolios);
    for (const r of attempts.filter((x) => x.errors)) expect(['BAD_USER_INPUT', 'CONFLICT']).toContain(codeOf(r));
    expect(served.every((n) => n === 3)).toBe(true);
    const total = served.reduce((s, n) => s + n, 0);
    expect(total).toBe(99); // 33 requests fit in 100 folios; the rest are refused
    const folios = await a.db.folio.findMany({ where: { loteId: lote.id }, select: { id: true, unitId: true } });
    expect(folios).toHaveLength(100);
    expect(new Set(folios.map((f) => f.id)).size).toBe(100);
    const atState = folios.filter((f) => f.unitId === state.id).length;
    expect(atState).toBe(100 - total);
    expect(folios.length - atState).toBe(total);
    expect(await a.db.workflowTransition.count({ where: { recordId: lote.id, transition: 'assignLoteFolios' } })).toBe(served.length);
  });
});
