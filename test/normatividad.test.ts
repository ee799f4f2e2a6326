// 7081-MP-SI 8.1.6 "Normatividad" through the API, as the manual's roles:
// every step allowed to its role only, refused in the wrong state, refusing bad
// input without writing, and the two loops back to drafting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentNode } from 'graphql';
import {
  ReceiveProyectoNormativoAsCastDocument,
  ApproveProyectoNormativoAsDstcDocument,
  CreateProyectoNormativoDocument,
  ProyectoNormativoDocument,
  ProyectosNormativosDocument,
  CloseProyectoNormativoDocument,
  ApproveProyectoNormativoAsDcajDocument,
  ReturnProyectoNormativoAsDcajDocument,
  PublishProyectoNormativoDocument,
  SendProyectoNormativoToCstDocument,
  ReturnProyectoNormativoAsDstcDocument,
  SendProyectoNormativoToCastDocument,
  ReceiveProyectoNormativoAsCstDocument,
  SubmitProyectoNormativoAsCastDocument,
  SubmitProyectoNormativoAsCstDocument,
  type ProyectoNormativoFieldsFragment,
} from '../src/generated/graphql.js';
import { make } from './factories.js';
import { codeOf, DEMO_PEOPLE, demoTokens, gql, issuesOf, startServer, unitIdsByCode, type TestServer } from './helpers.js';

let server: TestServer;
let tokens: Record<string, string>;
let unitIds: Record<string, string>;

beforeAll(async () => {
  server = await startServer();
  tokens = await demoTokens(server);
  unitIds = await unitIdsByCode(server, tokens.admin);
});
afterAll(() => server.stop());

type Record_ = ProyectoNormativoFieldsFragment;
/** Any step's document: the tests below pass each its own input. */
type AnyDoc = DocumentNode;
const DOC_URL = 'https://normateca.conalep.edu.mx/lineamientos-v1.pdf';

async function read(id: string, as = 'dstc'): Promise<Record_> {
  const r = await gql(server, ProyectoNormativoDocument, { id }, tokens[as]);
  return r.data!.node as Record_;
}

async function create(as = 'dstc', titulo = 'Lineamientos de servicios tecnológicos') {
  const r = await gql(
    server,
    CreateProyectoNormativoDocument,
    { input: { titulo, necesidad: 'Cambio en la regulación externa' } },
    tokens[as],
  );
  return r;
}

/** Calls a step as each person except the `allowed`; all must be refused and nothing written. */
async function expectRefusedForOthers(doc: AnyDoc, input: Record<string, unknown>, allowed: string[]) {
  const before = await read(input.id as string);
  const outcomes: Record<string, unknown> = {};
  for (const [local] of DEMO_PEOPLE) {
    if (allowed.includes(local)) continue;
    const r = await gql(server, doc, { input }, tokens[local]);
    outcomes[local] = codeOf(r);
  }
  for (const [local, code] of Object.entries(outcomes)) {
    expect([local, code]).toEqual([local, expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/)]);
  }
  const after = await read(input.id as string);
  expect(after.version).toBe(before.version);
  expect(after.history.length).toBe(before.history.length);
}

/** Takes a step as `actor` after checking that everybody else (but `alsoAllowed`) is refused. */
async function step(doc: AnyDoc, actor: string, input: Record<string, unknown>, expectedState: string, alsoAllowed: string[] = []) {
  await expectRefusedForOthers(doc, input, [actor, ...alsoAllowed]);
  const r = await gql(server, doc, { input }, tokens[actor]);
  expect(r.errors).toBeUndefined();
  const record = Object.values(r.data as object)[0] as Record_;
  expect(record.estado).toBe(expectedState);
  return record;
}

/** A refused call must leave the record as it was. */
async function expectRefused(doc: AnyDoc, actor: string, input: Record<string, unknown>, code: string) {
  const before = await read(input.id as string);
  const r = await gql(server, doc, { input }, tokens[actor]);
  expect(codeOf(r)).toBe(code);
  const after = await read(input.id as string);
  expect(after.version).toBe(before.version);
  expect(after.history.length).toBe(before.history.length);
  return r;
}

describe('Normatividad (7081-MP-SI 8.1.6)', () => {
  it('step 1: only the DSTC opens a proyecto normativo, at a national direction, with a title', async () => {
    for (const [local] of DEMO_PEOPLE.filter(([l]) => l !== 'dstc')) {
      expect([local, codeOf(await create(local))]).toEqual([local, 'FORBIDDEN']);
    }
    const bad = await create('dstc', ' ');
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.issues).toEqual([{ path: ['input', 'titulo'], message: 'Must have at least 3 characters' }]);
    const atPlantel = await gql(
      server,
      CreateProyectoNormativoDocument,
      { input: { titulo: 'En un plantel', necesidad: 'n', unitId: unitIds['MEX-P001'] } },
      tokens.dstc,
    );
    expect(issuesOf(atPlantel)).toEqual([{ path: ['input', 'unitId'], message: expect.stringMatching(/DIRECCION_NACIONAL/) as unknown }]);
    const created = await create('dstc');
    expect(created.errors).toBeUndefined();
    expect(created.data!.createProyectoNormativo).toMatchObject({ estado: 'NECESIDAD_IDENTIFICADA', unit: { code: 'DSTC' } });
  });

  it('steps 2-3: the DSTC asks the CST, who sends it to the CAST it names (CAST units only)', async () => {
    const { globalId: id } = await make.proyectoNormativo(server.db, { estado: 'NECESIDAD_IDENTIFICADA' });
    await step(SendProyectoNormativoToCstDocument, 'dstc', { id }, 'SOLICITADO_A_CST');
    const notCast = await expectRefused(
      SendProyectoNormativoToCastDocument,
      'cst',
      { id, castUnitIds: [unitIds['MEX-P001']] },
      'BAD_USER_INPUT',
    );
    expect(notCast.errors![0].extensions!.issues).toEqual([{ path: ['input', 'castUnitIds', 0], message: 'Not a CAST unit' }]);
    const record = await step(
      SendProyectoNormativoToCastDocument,
      'cst',
      { id, castUnitIds: [unitIds['MEX-CAST01']] },
      'EN_COMENTARIOS_CAST',
    );
    expect(record.destinatarios).toEqual([{ fin: 'COMENTARIOS', unit: { code: 'MEX-CAST01' } }]);
    // A CAST it was not sent to cannot see it; the one consulted can, and may comment.
    expect((await gql(server, ProyectoNormativoDocument, { id }, tokens['cast.ver'])).data!.node).toBeNull();
    expect((await read(id, 'cast.mex')).availableSteps).toEqual(['submitProyectoNormativoAsCast']);
  });

  it("steps 4-5: drafting waits for a consulted CAST's observations, which are required", async () => {
    const { globalId: id } = await make.proyectoNormativo(server.db, { estado: 'EN_COMENTARIOS_CAST', ready: false });
    // Step 5 needs CAST observations first (guard).
    await expectRefused(ReceiveProyectoNormativoAsCstDocument, 'cst', { id }, 'INVALID_TRANSITION');
    const noObs = await expectRefused(SubmitProyectoNormativoAsCastDocument, 'cast.mex', { id, observaciones: '  ' }, 'BAD_USER_INPUT');
    expect(noObs.errors![0].extensions!.issues).toEqual([
      { path: ['input', 'observaciones'], message: 'Observations are required for this step' },
    ]);
    await step(
      SubmitProyectoNormativoAsCastDocument,
      'cast.mex',
      { id, observaciones: 'Precisar cuotas de recuperación' },
      'EN_COMENTARIOS_CAST',
    );
    await step(ReceiveProyectoNormativoAsCstDocument, 'cst', { id }, 'EN_ELABORACION');
  });

  it('steps 5-7: the CST submits the document; the DSTC returns it with observations or approves it', async () => {
    const { globalId: id } = await make.proyectoNormativo(server.db, { estado: 'EN_ELABORACION' });
    await expectRefused(SubmitProyectoNormativoAsCstDocument, 'cst', { id, documentoUrl: 'not a url' }, 'BAD_USER_INPUT');
    await step(SubmitProyectoNormativoAsCstDocument, 'cst', { id, documentoUrl: DOC_URL }, 'EN_REVISION_DSTC');
    await expectRefused(ReturnProyectoNormativoAsDstcDocument, 'dstc', { id }, 'BAD_USER_INPUT');
    const returned = await step(
      ReturnProyectoNormativoAsDstcDocument,
      'dstc',
      { id, observaciones: 'Falta el apartado de cuotas' },
      'EN_ELABORACION',
    );
    expect(returned.history.at(-1)).toMatchObject({ transition: 'returnProyectoNormativoAsDstc', comment: 'Falta el apartado de cuotas' });
    // Wrong prior state: the DSTC cannot approve what is being drafted.
    await expectRefused(ApproveProyectoNormativoAsDstcDocument, 'dstc', { id }, 'INVALID_TRANSITION');
    await step(SubmitProyectoNormativoAsCstDocument, 'cst', { id, documentoUrl: DOC_URL }, 'EN_REVISION_DSTC');
    const approved = await step(ApproveProyectoNormativoAsDstcDocument, 'dstc', { id }, 'EN_REVISION_DCAJ');
    expect(approved.documentoUrl).toBe(DOC_URL);
  });

  it('steps 8-9: the DCAJ returns a non-viable project, or approves and registers it', async () => {
    const { globalId: id } = await make.proyectoNormativo(server.db, { estado: 'EN_REVISION_DCAJ' });
    await expectRefused(ReturnProyectoNormativoAsDcajDocument, 'dcaj', { id, observaciones: '' }, 'BAD_USER_INPUT');
    const returned = await step(
      ReturnProyectoNormativoAsDcajDocument,
      'dcaj',
      { id, observaciones: 'Contradice el Estatuto Orgánico' },
      'EN_ELABORACION',
    );
    expect(returned.history.at(-1)).toMatchObject({ comment: 'Contradice el Estatuto Orgánico', actorRole: 'DCAJ' });

    const { globalId: viable } = await make.proyectoNormativo(server.db, { estado: 'EN_REVISION_DCAJ' });
    await expectRefused(ApproveProyectoNormativoAsDcajDocument, 'dcaj', { id: viable, numeroRegistro: ' ' }, 'BAD_USER_INPUT');
    const record = await step(
      ApproveProyectoNormativoAsDcajDocument,
      'dcaj',
      { id: viable, numeroRegistro: 'DCAJ-2026-041' },
      'APROBADO_REGISTRADO',
    );
    expect(record.numeroRegistro).toBe('DCAJ-2026-041');
  });

  it('steps 10-12: the lineamientos go to every CAST by default, and each acknowledges them', async () => {
    const { globalId: id } = await make.proyectoNormativo(server.db, { estado: 'APROBADO_REGISTRADO', destinatarios: [] });
    const record = await step(PublishProyectoNormativoDocument, 'dstc', { id }, 'REMITIDO_A_CAST');
    expect(
      record.destinatarios
        .filter((d) => d.fin === 'APLICACION')
        .map((d) => d.unit.code)
        .sort(),
    ).toEqual(['MEX-CAST01', 'VER-CAST01']);
    // Each CAST it was sent to acknowledges; nobody else may.
    await step(ReceiveProyectoNormativoAsCastDocument, 'cast.mex', { id }, 'REMITIDO_A_CAST', ['cast.ver']);
    const ackVer = await gql(server, ReceiveProyectoNormativoAsCastDocument, { input: { id } }, tokens['cast.ver']);
    expect(ackVer.errors).toBeUndefined();
    expect(
      (await read(id)).history
        .filter((h) => h.transition === 'receiveProyectoNormativoAsCast')
        .map((h) => h.actorUnit.code)
        .sort(),
    ).toEqual(['MEX-CAST01', 'VER-CAST01']);
  });

  it('step 13: the semester working meeting (It-01), held and recorded, closes the project', async () => {
    const { globalId: id } = await make.proyectoNormativo(server.db, { estado: 'REMITIDO_A_CAST' });
    // A meeting not yet held is refused; one that does not exist is not found.
    const convened = await make.reunionTrabajoCast(server.db, { estado: 'CONVOCADA' });
    const early = await expectRefused(
      CloseProyectoNormativoDocument,
      'dstc',
      { id, reunionTrabajoCastId: convened.globalId },
      'BAD_USER_INPUT',
    );
    expect(early.errors![0].extensions!.issues).toEqual([
      { path: ['input', 'reunionTrabajoCastId'], message: 'The working meeting must be held and recorded first (CERRADA)' },
    ]);
    const held = await make.reunionTrabajoCast(server.db, { estado: 'CERRADA', invitados: ['VER-CAST01'] });
    const record = await step(CloseProyectoNormativoDocument, 'dstc', { id, reunionTrabajoCastId: held.globalId }, 'CERRADO');
    expect(record.reunionTrabajoCast).toEqual({ id: held.globalId, periodo: held.periodo, estado: 'CERRADA' });
    expect(record.availableSteps).toEqual([]);
    // A CAST that reads the project (it was sent to it) but was not invited to that meeting does not see the meeting through it.
    const asCast = (await gql(server, ProyectoNormativoDocument, { id }, tokens['cast.mex'])).data!.node as {
      id: string;
      reunionTrabajoCast: unknown;
    };
    expect(asCast.id).toBe(id);
    expect(asCast.reunionTrabajoCast).toBeNull();
  });

  it('a closed project accepts no step, whoever asks', async () => {
    const { globalId: id } = await make.proyectoNormativo(server.db, { estado: 'CERRADO' });
    const closedSteps: [AnyDoc, string, Record<string, unknown>][] = [
      [SendProyectoNormativoToCstDocument, 'dstc', { id }],
      [SendProyectoNormativoToCastDocument, 'cst', { id, castUnitIds: [unitIds['MEX-CAST01']] }],
      [SubmitProyectoNormativoAsCastDocument, 'cast.mex', { id, observaciones: 'tarde' }],
      [ReceiveProyectoNormativoAsCstDocument, 'cst', { id }],
      [SubmitProyectoNormativoAsCstDocument, 'cst', { id, documentoUrl: DOC_URL }],
      [ApproveProyectoNormativoAsDstcDocument, 'dstc', { id }],
      [ReturnProyectoNormativoAsDstcDocument, 'dstc', { id, observaciones: 'x' }],
      [ApproveProyectoNormativoAsDcajDocument, 'dcaj', { id, numeroRegistro: 'X' }],
      [ReturnProyectoNormativoAsDcajDocument, 'dcaj', { id, observaciones: 'x' }],
      [PublishProyectoNormativoDocument, 'dstc', { id }],
      [ReceiveProyectoNormativoAsCastDocument, 'cast.mex', { id }],
      [
        CloseProyectoNormativoDocument,
        'dstc',
        { id, reunionTrabajoCastId: (await make.reunionTrabajoCast(server.db, { estado: 'CERRADA' })).globalId },
      ],
    ];
    for (const [docNode, actor, input] of closedSteps) {
      const r = await expectRefused(docNode, actor, input, 'INVALID_TRANSITION');
      expect(r.errors![0].extensions!.state).toBe('CERRADO');
    }
  });

  it('runs the whole procedure through the API, and its history tells every step: who, role, unit, from, to, why', async () => {
    const id = (await create('dstc', 'Ciclo completo')).data!.createProyectoNormativo.id;
    const doc = { id, documentoUrl: DOC_URL };
    const run = async (d: AnyDoc, actor: string, input: Record<string, unknown>) =>
      expect((await gql(server, d, { input }, tokens[actor])).errors).toBeUndefined();
    await run(SendProyectoNormativoToCstDocument, 'dstc', { id });
    await run(SendProyectoNormativoToCastDocument, 'cst', { id, castUnitIds: [unitIds['MEX-CAST01']] });
    await run(SubmitProyectoNormativoAsCastDocument, 'cast.mex', { id, observaciones: 'Precisar cuotas de recuperación' });
    await run(ReceiveProyectoNormativoAsCstDocument, 'cst', { id });
    await run(SubmitProyectoNormativoAsCstDocument, 'cst', doc);
    await run(ReturnProyectoNormativoAsDstcDocument, 'dstc', { id, observaciones: 'Falta el apartado de cuotas' });
    await run(SubmitProyectoNormativoAsCstDocument, 'cst', doc);
    await run(ApproveProyectoNormativoAsDstcDocument, 'dstc', { id });
    await run(ReturnProyectoNormativoAsDcajDocument, 'dcaj', { id, observaciones: 'Contradice el Estatuto Orgánico' });
    await run(SubmitProyectoNormativoAsCstDocument, 'cst', doc);
    await run(ApproveProyectoNormativoAsDstcDocument, 'dstc', { id });
    await run(ApproveProyectoNormativoAsDcajDocument, 'dcaj', { id, numeroRegistro: 'DCAJ-2026-042' });
    await run(PublishProyectoNormativoDocument, 'dstc', { id });
    await run(ReceiveProyectoNormativoAsCastDocument, 'cast.mex', { id });
    await run(ReceiveProyectoNormativoAsCastDocument, 'cast.ver', { id });
    const meeting = await make.reunionTrabajoCast(server.db, { estado: 'CERRADA' });
    await run(CloseProyectoNormativoDocument, 'dstc', { id, reunionTrabajoCastId: meeting.globalId });
    const record = await read(id);
    expect(record.estado).toBe('CERRADO');
    expect(record.history.map((h) => [h.transition, h.fromState, h.toState, h.actorRole, h.actorUnit.code])).toEqual([
      ['createProyectoNormativo', null, 'NECESIDAD_IDENTIFICADA', 'DSTC', 'DSTC'],
      ['sendProyectoNormativoToCst', 'NECESIDAD_IDENTIFICADA', 'SOLICITADO_A_CST', 'DSTC', 'DSTC'],
      ['sendProyectoNormativoToCast', 'SOLICITADO_A_CST', 'EN_COMENTARIOS_CAST', 'CST', 'CST'],
      ['submitProyectoNormativoAsCast', 'EN_COMENTARIOS_CAST', 'EN_COMENTARIOS_CAST', 'CAST', 'MEX-CAST01'],
      ['receiveProyectoNormativoAsCst', 'EN_COMENTARIOS_CAST', 'EN_ELABORACION', 'CST', 'CST'],
      ['submitProyectoNormativoAsCst', 'EN_ELABORACION', 'EN_REVISION_DSTC', 'CST', 'CST'],
      ['returnProyectoNormativoAsDstc', 'EN_REVISION_DSTC', 'EN_ELABORACION', 'DSTC', 'DSTC'],
      ['submitProyectoNormativoAsCst', 'EN_ELABORACION', 'EN_REVISION_DSTC', 'CST', 'CST'],
      ['approveProyectoNormativoAsDstc', 'EN_REVISION_DSTC', 'EN_REVISION_DCAJ', 'DSTC', 'DSTC'],
      ['returnProyectoNormativoAsDcaj', 'EN_REVISION_DCAJ', 'EN_ELABORACION', 'DCAJ', 'DCAJ'],
      ['submitProyectoNormativoAsCst', 'EN_ELABORACION', 'EN_REVISION_DSTC', 'CST', 'CST'],
      ['approveProyectoNormativoAsDstc', 'EN_REVISION_DSTC', 'EN_REVISION_DCAJ', 'DSTC', 'DSTC'],
      ['approveProyectoNormativoAsDcaj', 'EN_REVISION_DCAJ', 'APROBADO_REGISTRADO', 'DCAJ', 'DCAJ'],
      ['publishProyectoNormativo', 'APROBADO_REGISTRADO', 'REMITIDO_A_CAST', 'DSTC', 'DSTC'],
      ['receiveProyectoNormativoAsCast', 'REMITIDO_A_CAST', 'REMITIDO_A_CAST', 'CAST', 'MEX-CAST01'],
      ['receiveProyectoNormativoAsCast', 'REMITIDO_A_CAST', 'REMITIDO_A_CAST', 'CAST', 'VER-CAST01'],
      ['closeProyectoNormativo', 'REMITIDO_A_CAST', 'CERRADO', 'DSTC', 'DSTC'],
    ]);
    expect(record.history[6].comment).toBe('Falta el apartado de cuotas');
    expect(record.history[9].comment).toBe('Contradice el Estatuto Orgánico');
    // Actions record what they wrote; transitions that write fields record them too.
    expect(record.history[12].changes).toEqual({ numeroRegistro: 'DCAJ-2026-042' });
    expect(record.history[16].changes).toEqual({ reunionTrabajoCastId: meeting.id });
  });

  it('limits what each person sees to their scope, in lists, nested fields and look-ups', async () => {
    const created = await create('dstc', 'Visibilidad');
    const id = created.data!.createProyectoNormativo.id;
    await gql(server, SendProyectoNormativoToCstDocument, { input: { id } }, tokens.dstc);
    await gql(server, SendProyectoNormativoToCastDocument, { input: { id, castUnitIds: [unitIds['MEX-CAST01']] } }, tokens.cst);

    const seen = async (local: string) => {
      const r = await gql(server, ProyectosNormativosDocument, { filter: { search: 'Visibilidad' } }, tokens[local]);
      return r.data!.proyectosNormativos.totalCount;
    };
    // National offices see everything in CONALEP; the consulted CAST and its state see it.
    for (const local of ['dstc', 'cst', 'dcaj', 'admin', 'cast.mex', 'dg.mex']) expect([local, await seen(local)]).toEqual([local, 1]);
    // Another state, a plantel, CONOCER and an external partner do not.
    for (const local of ['cast.ver', 'dg.ver', 'director.p001', 'conocer.dvd', 'spdi'])
      expect([local, await seen(local)]).toEqual([local, 0]);
    // Nor through a nested field.
    const nested = await gql<
      { orgUnit: { proyectosNormativos: { totalCount: number; edges: { node: { titulo: string } }[] } } },
      undefined
    >(
      server,
      `query { orgUnit(code: "DSTC") { proyectosNormativos(first: 50) { totalCount edges { node { titulo } } } } }`,
      undefined,
      tokens['cast.ver'],
    );
    const titles = nested.data!.orgUnit.proyectosNormativos.edges.map((e: { node: { titulo: string } }) => e.node.titulo);
    expect(titles).not.toContain('Visibilidad');
    expect(nested.data!.orgUnit.proyectosNormativos.totalCount).toBe(titles.length);
    // Nor by id: the record does not exist for them, and acting on it says NOT_FOUND.
    expect((await gql(server, ProyectoNormativoDocument, { id }, tokens.spdi)).data!.node).toBeNull();
    expect(
      codeOf(await gql(server, SubmitProyectoNormativoAsCastDocument, { input: { id, observaciones: 'x' } }, tokens['cast.ver'])),
    ).toBe('NOT_FOUND');
  });

  it('lets exactly one of two concurrent steps on one record succeed; the other gets CONFLICT', async () => {
    const id = (await create('dstc', 'Concurrencia')).data!.createProyectoNormativo.id;
    const { version } = await read(id);
    const attempts = await Promise.all(
      Array.from({ length: 2 }, () => gql(server, SendProyectoNormativoToCstDocument, { input: { id, version } }, tokens.dstc)),
    );
    const codes = attempts.map((a) => codeOf(a) ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const record = await read(id);
    expect(record.version).toBe(version + 1);
    expect(record.history.filter((h) => h.transition === 'sendProyectoNormativoToCst')).toHaveLength(1);
  });

  it('resolves a race without versions in the database: one step is recorded once', async () => {
    const id = (await create('dstc', 'Carrera')).data!.createProyectoNormativo.id;
    const attempts = await Promise.all(
      Array.from({ length: 4 }, () => gql(server, SendProyectoNormativoToCstDocument, { input: { id } }, tokens.dstc)),
    );
    expect(attempts.filter((a) => !a.errors)).toHaveLength(1);
    for (const a of attempts.filter((x) => x.errors)) expect(['CONFLICT', 'INVALID_TRANSITION']).toContain(codeOf(a));
    expect((await read(id)).history.filter((h) => h.transition === 'sendProyectoNormativoToCst')).toHaveLength(1);
  });

  it('answers NOT_FOUND for ids that do not name a proyecto normativo', async () => {
    const fake = Buffer.from('ProyectoNormativo:00000000-0000-4000-8000-000000000000').toString('base64');
    expect(codeOf(await gql(server, SendProyectoNormativoToCstDocument, { input: { id: fake } }, tokens.dstc))).toBe('NOT_FOUND');
    const garbage = Buffer.from('ProyectoNormativo:not-a-uuid').toString('base64');
    expect(codeOf(await gql(server, SendProyectoNormativoToCstDocument, { input: { id: garbage } }, tokens.dstc))).toBe('NOT_FOUND');
  });
});
