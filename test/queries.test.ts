// Nested lists batch: the SQL statements an operation runs do not grow with
// the number of rows it returns (no N+1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateProyectoNormativoDocument,
  OrgUnitsDocument,
  ProyectosNormativosDocument,
  SendProyectoNormativoToCstDocument,
  SendProyectoNormativoToCastDocument,
} from '../src/generated/graphql.js';
import { demoTokens, gql, startServer, statementsFor, type TestServer } from './helpers.js';

let server: TestServer;
let tokens: Record<string, string>;
let castIds: string[];

beforeAll(async () => {
  server = await startServer();
  tokens = await demoTokens(server);
  const units = await gql(server, OrgUnitsDocument, { filter: { kind: ['CAST'] } }, tokens.admin);
  castIds = units.data!.orgUnits.edges.map((e) => e.node.id);
});
afterAll(() => server.stop());

async function seedProyectos(tag: string, count: number) {
  for (let i = 0; i < count; i++) {
    const r = await gql(server, CreateProyectoNormativoDocument, { input: { titulo: `${tag} ${i}`, necesidad: 'n' } }, tokens.dstc);
    const id = r.data!.createProyectoNormativo.id;
    await gql(server, SendProyectoNormativoToCstDocument, { input: { id } }, tokens.dstc);
    await gql(server, SendProyectoNormativoToCastDocument, { input: { id, castUnitIds: castIds } }, tokens.cst);
  }
}

describe('SQL statements per request', () => {
  it('stay the same for 2 and 12 proyectos with their units, addressees, history and actors', async () => {
    await seedProyectos('NPlusOneSmall', 2);
    await seedProyectos('NPlusOneLarge', 12);
    const list = (tag: string) => async () => {
      const r = await gql(server, ProyectosNormativosDocument, { filter: { search: tag }, first: 50 }, tokens.dstc);
      expect(r.errors).toBeUndefined();
      return r.data!.proyectosNormativos.edges.length;
    };
    expect(await list('NPlusOneSmall')()).toBe(2);
    expect(await list('NPlusOneLarge')()).toBe(12);
    const small = await statementsFor(list('NPlusOneSmall'));
    const large = await statementsFor(list('NPlusOneLarge'));
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });

  it('stay the same for a nested unit tree, whatever its size', async () => {
    const tree = (kind: string) => () =>
      gql(
        server,
        `query($kind: [OrgUnitKind!]) { orgUnits(first: 10, filter: { kind: $kind }) { edges { node { code parent { code }
           children(first: 10) { totalCount edges { node { code roleAssignments(first: 5) { edges { node { role person { email } } } } } } }
           roleAssignments(first: 5) { edges { node { role person { email roleAssignments { role } } } } } } } } }`,
        { kind: [kind] },
        tokens.admin,
      ).then((r) => expect(r.errors).toBeUndefined());
    const one = await statementsFor(tree('SISTEMA'));
    const many = await statementsFor(tree('COLEGIO_ESTATAL'));
    expect(many).toBe(one);
  });
});
