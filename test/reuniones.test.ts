// 7081-MP-SI Pd-01-It-01 "Reunión de Trabajo con directores de CAST y
// Responsables de los Servicios Tecnológicos" through the API: every step is
// the CST's, refused to everyone else and in the wrong state; steps 2-5 come
// before the invitation (6); the invited units see the meeting; the meeting
// closes with results, agreements and evidence (7-8). Each test builds its own
// records with factories (test/factories.ts) or API calls inside the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CloseReunionTrabajoCastDocument,
  CreateAcuerdoReunionDocument,
  CreateReunionTrabajoCastDocument,
  ReunionesTrabajoCastDocument,
  ReunionTrabajoCastDocument,
  SendReunionTrabajoCastDocument,
  UpdateReunionTrabajoCastDocument,
  type ReunionTrabajoCastFieldsFragment,
} from '../src/generated/graphql.js';
import { make } from './factories.js';
import { codeOf, demoTokens, expectOnlyAllowed, gql, issuesOf, startServer, unitIdsByCode, type TestServer } from './helpers.js';

let server: TestServer;
let tokens: Record<string, string>;
let unitIds: Record<string, string>;

beforeAll(async () => {
  server = await startServer();
  tokens = await demoTokens(server);
  unitIds = await unitIdsByCode(server, tokens.admin);
});
afterAll(() => server.stop());

type Reunion = ReunionTrabajoCastFieldsFragment;
const MATERIAL = 'https://sust.conalep.edu.mx/reuniones/material-2026-1.pdf';
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString();

async function read(id: string, as = 'admin'): Promise<Reunion | null> {
  const r = await gql(server, ReunionTrabajoCastDocument, { id }, tokens[as]);
  return r.data!.node as Reunion | null;
}
const state = async (id: string) => {
  const r = await read(id);
  return { estado: r?.estado, version: r?.version, history: r?.history.length, destinatarios: r?.destinatarios.length };
};

/** A semester (2000-2100, as the API takes) for which the CST unit has no meeting yet. */
async function freePeriodo(): Promise<string> {
  const cst = await server.db.orgUnit.findUniqueOrThrow({ where: { code: 'CST' }, select: { id: true } });
  for (;;) {
    const periodo = `${2000 + Math.floor(Math.random() * 101)}-${1 + Math.floor(Math.random() * 2)}`;
    if (!(await server.db.reunionTrabajoCast.count({ where: { unitId: cst.id, periodo } }))) return periodo;
  }
}

const closeInput = (id: string) => ({
  id,
  fecha: yesterday(),
  modalidad: 'VIRTUAL' as const,
  resultados: 'Áreas de mejora: tiempos de respuesta en cotizaciones.',
  evidenciasReunion: [
    { tipo: 'CAPTURA_PANTALLA' as const, descripcion: 'Captura de la sesión virtual', url: 'https://drive.example.org/captura.png' },
    { tipo: 'LISTA_ASISTENCIA' as const, descripcion: 'Lista de asistencia' },
  ],
});

describe('step 1: createReunionTrabajoCast', () => {
  it('the CST opens the semester meeting with the needs identified; nobody else may', async () => {
    const periodo = await freePeriodo();
    const input = { periodo, requerimientos: 'Actualización en normatividad y cotización de servicios' };
    for (const who of ['dstc', 'cast.mex', 'dg.mex', 'admin']) {
      expect(codeOf(await gql(server, CreateReunionTrabajoCastDocument, { input }, tokens[who]))).toBe('FORBIDDEN');
    }
    const r = await gql(server, CreateReunionTrabajoCastDocument, { input }, tokens.cst);
    expect(r.errors).toBeUndefined();
    const made = r.data!.createReunionTrabajoCast;
    expect(made).toMatchObject({ periodo, estado: 'EN_PREPARACION', version: 0, unit: { code: 'CST' }, destinatarios: [] });
    expect(made.history.map((h) => [h.transition, h.changes])).toEqual([['createReunionTrabajoCast', input]]);
    expect(made.availableSteps).toEqual(['updateReunionTrabajoCast', 'sendReunionTrabajoCast']);
  });

  it('one meeting per semester; the semester is YYYY-1 or YYYY-2 and the needs are not empty', async () => {
    const taken = await make.reunionTrabajoCast(server.db);
    const dup = await gql(
      server,
      CreateReunionTrabajoCastDocument,
      { input: { periodo: taken.periodo, requerimientos: 'Otra' } },
      tokens.cst,
    );
    expect(codeOf(dup)).toBe('BAD_USER_INPUT');
    expect(issuesOf(dup)).toEqual([{ path: ['input', 'periodo'], message: 'This unit already has a working meeting for this semester' }]);
    const bad = await gql(server, CreateReunionTrabajoCastDocument, { input: { periodo: '2026-3', requerimientos: '  ' } }, tokens.cst);
    expect(issuesOf(bad).map((i) => i.path.join('.'))).toEqual(['input.periodo', 'input.requerimientos']);
  });
});

describe('steps 2-5: updateReunionTrabajoCast', () => {
  it('records arrangements, programme, logistics and material, field by field; only the CST', async () => {
    const m = await make.reunionTrabajoCast(server.db, { ready: false });
    await expectOnlyAllowed(
      tokens,
      ['cst'],
      (t) => gql(server, UpdateReunionTrabajoCastDocument, { input: { id: m.globalId, gestiones: 'x' } }, t),
      () => state(m.globalId),
    );
    const r = await gql(
      server,
      UpdateReunionTrabajoCastDocument,
      { input: { id: m.globalId, version: 0, gestiones: ' Sala y viáticos autorizados ' } },
      tokens.cst,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.updateReunionTrabajoCast).toMatchObject({
      gestiones: 'Sala y viáticos autorizados',
      programa: null,
      version: 1,
      estado: 'EN_PREPARACION',
    });
    expect(r.data!.updateReunionTrabajoCast.history.at(-1)).toMatchObject({
      transition: 'updateReunionTrabajoCast',
      changes: { gestiones: 'Sala y viáticos autorizados' },
    });
  });

  it('refuses a bad material URL, an empty text and an empty update, writing nothing', async () => {
    const m = await make.reunionTrabajoCast(server.db, { ready: false });
    const before = await state(m.globalId);
    const bad = await gql(
      server,
      UpdateReunionTrabajoCastDocument,
      { input: { id: m.globalId, materialUrl: 'ftp://x', programa: ' ' } },
      tokens.cst,
    );
    expect(issuesOf(bad).map((i) => i.path.join('.'))).toEqual(['input.programa', 'input.materialUrl']);
    expect(issuesOf(await gql(server, UpdateReunionTrabajoCastDocument, { input: { id: m.globalId } }, tokens.cst))).toEqual([
      { path: ['input'], message: 'Give at least one field to record' },
    ]);
    expect(await state(m.globalId)).toEqual(before);
  });

  it('is allowed until the meeting closes', async () => {
    const convocada = await make.reunionTrabajoCast(server.db, { estado: 'CONVOCADA' });
    expect(
      (await gql(server, UpdateReunionTrabajoCastDocument, { input: { id: convocada.globalId, logistica: 'Cambio de sala' } }, tokens.cst))
        .errors,
    ).toBeUndefined();
    const cerrada = await make.reunionTrabajoCast(server.db, { estado: 'CERRADA' });
    expect(
      codeOf(await gql(server, UpdateReunionTrabajoCastDocument, { input: { id: cerrada.globalId, logistica: 'x' } }, tokens.cst)),
    ).toBe('INVALID_TRANSITION');
  });
});

describe('step 6: sendReunionTrabajoCast', () => {
  it('is refused until steps 2-5 are recorded', async () => {
    const m = await make.reunionTrabajoCast(server.db, { ready: false });
    const r = await gql(server, SendReunionTrabajoCastDocument, { input: { id: m.globalId } }, tokens.cst);
    expect(codeOf(r)).toBe('INVALID_TRANSITION');
    expect(r.errors![0].message).toContain('gestiones (step 2)');
    expect(r.errors![0].message).toContain('materialUrl (step 5)');
    expect((await read(m.globalId))!.estado).toBe('EN_PREPARACION');
  });

  it('invites the named units, which then see the meeting; others do not; only the CST invites', async () => {
    const m = await make.reunionTrabajoCast(server.db);
    expect(await read(m.globalId, 'cast.mex')).toBeNull();
    const input = { id: m.globalId, invitadoUnitIds: [unitIds['MEX-CAST01'], unitIds['CE-MEX'], unitIds.UODCDMX] };
    await expectOnlyAllowed(
      tokens,
      ['cst'],
      (t) => gql(server, SendReunionTrabajoCastDocument, { input }, t),
      () => state(m.globalId),
    );
    const r = await gql(server, SendReunionTrabajoCastDocument, { input }, tokens.cst);
    expect(r.errors).toBeUndefined();
    expect(r.data!.sendReunionTrabajoCast.estado).toBe('CONVOCADA');
    expect(r.data!.sendReunionTrabajoCast.destinatarios.map((d) => `${d.fin} ${d.unit.code}`).sort()).toEqual([
      'INVITACION CE-MEX',
      'INVITACION MEX-CAST01',
      'INVITACION UODCDMX',
    ]);
    expect((await read(m.globalId, 'cast.mex'))?.estado).toBe('CONVOCADA');
    expect((await read(m.globalId, 'dg.mex'))?.estado).toBe('CONVOCADA');
    expect(await read(m.globalId, 'cast.ver')).toBeNull();
    expect(await read(m.globalId, 'director.p001')).toBeNull();
    // The invited units read it and may take no step on it.
    expect((await read(m.globalId, 'cast.mex'))!.availableSteps).toEqual([]);
  });

  it('invites only CAST, Colegios Estatales, UODCDMX and RCEO; all of them when none is named', async () => {
    const m = await make.reunionTrabajoCast(server.db);
    const bad = await gql(
      server,
      SendReunionTrabajoCastDocument,
      { input: { id: m.globalId, invitadoUnitIds: [unitIds['MEX-CAST01'], unitIds['MEX-P001']] } },
      tokens.cst,
    );
    expect(issuesOf(bad)).toEqual([{ path: ['input', 'invitadoUnitIds', 1], message: 'Not a CAST, Colegio Estatal, UODCDMX or RCEO' }]);
    const r = await gql(server, SendReunionTrabajoCastDocument, { input: { id: m.globalId } }, tokens.cst);
    expect(r.errors).toBeUndefined();
    const invitable = await server.db.orgUnit.findMany({
      where: { kind: { in: ['CAST', 'COLEGIO_ESTATAL', 'UODCDMX', 'RCEO'] } },
      select: { code: true },
    });
    expect(r.data!.sendReunionTrabajoCast.destinatarios.map((d) => d.unit.code).sort()).toEqual(invitable.map((u) => u.code).sort());
  });
});

describe('steps 7-8: closeReunionTrabajoCast', () => {
  it('records the meeting, results, agreements and evidence; only the CST, only once invited', async () => {
    const preparing = await make.reunionTrabajoCast(server.db);
    expect(codeOf(await gql(server, CloseReunionTrabajoCastDocument, { input: closeInput(preparing.globalId) }, tokens.cst))).toBe(
      'INVALID_TRANSITION',
    );
    const m = await make.reunionTrabajoCast(server.db, { estado: 'CONVOCADA' });
    await expectOnlyAllowed(
      tokens,
      ['cst'],
      (t) => gql(server, CloseReunionTrabajoCastDocument, { input: closeInput(m.globalId) }, t),
      () => state(m.globalId),
    );
    const r = await gql(server, CloseReunionTrabajoCastDocument, { input: closeInput(m.globalId) }, tokens.cst);
    expect(r.errors).toBeUndefined();
    const closed = r.data!.closeReunionTrabajoCast;
    expect(closed).toMatchObject({ estado: 'CERRADA', modalidad: 'VIRTUAL', availableSteps: [] });
    expect(closed.acuerdos).toHaveLength(1);
    expect(closed.evidenciasReunion.map((e) => e.tipo)).toEqual(['CAPTURA_PANTALLA', 'LISTA_ASISTENCIA']);
    expect(closed.history.at(-1)).toMatchObject({
      transition: 'closeReunionTrabajoCast',
      fromState: 'CONVOCADA',
      toState: 'CERRADA',
      changes: { evidenciasReunion: 2 },
    });
  });

  it('needs an agreement recorded first (step 8)', async () => {
    const m = await make.reunionTrabajoCast(server.db, { estado: 'CONVOCADA', ready: false });
    const r = await gql(server, CloseReunionTrabajoCastDocument, { input: closeInput(m.globalId) }, tokens.cst);
    expect(codeOf(r)).toBe('INVALID_TRANSITION');
    expect(r.errors![0].message).toBe('Record at least one agreement (createAcuerdoReunion) before closing the meeting');
    expect(await state(m.globalId)).toMatchObject({ estado: 'CONVOCADA', version: 0 });
  });

  it('needs evidence and results, and a meeting not in the future', async () => {
    const m = await make.reunionTrabajoCast(server.db, { estado: 'CONVOCADA' });
    const input = {
      ...closeInput(m.globalId),
      fecha: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      resultados: '',
      evidenciasReunion: [],
    };
    const r = await gql(server, CloseReunionTrabajoCastDocument, { input }, tokens.cst);
    expect(
      issuesOf(r)
        .map((i) => i.path.join('.'))
        .sort(),
    ).toEqual(['input.evidenciasReunion', 'input.fecha', 'input.resultados']);
    expect(await state(m.globalId)).toMatchObject({ estado: 'CONVOCADA', version: 0 });
  });
});

describe('reunionesTrabajoCast', () => {
  it('filters by unit, state and semester, and orders', async () => {
    const a = await make.reunionTrabajoCast(server.db, { estado: 'CONVOCADA' });
    const b = await make.reunionTrabajoCast(server.db, { estado: 'CERRADA' });
    const list = async (filter: object, token = tokens.cst) =>
      (
        await gql(server, ReunionesTrabajoCastDocument, { filter, orderBy: { field: 'periodo', direction: 'DESC' }, first: 50 }, token)
      ).data!.reunionesTrabajoCast.edges.map((e) => e.node.id);
    expect(await list({ unitId: unitIds.CST, periodo: a.periodo })).toEqual([a.globalId]);
    expect(await list({ dentroDe: unitIds.DSTC, periodo: b.periodo, estado: ['CERRADA'] })).toEqual([b.globalId]);
    expect(await list({ periodo: b.periodo, estado: ['CONVOCADA'] })).toEqual([]);
    // An invited CAST finds the meetings it was invited to; another CAST does not.
    expect(await list({ periodo: a.periodo }, tokens['cast.mex'])).toEqual([a.globalId]);
    expect(await list({ periodo: a.periodo }, tokens['cast.ver'])).toEqual([]);
  });
});

it('a full semester: steps 1 to 8 as the manual orders them, with the audit trail', async () => {
  const periodo = await freePeriodo();
  const step = async <T>(p: Promise<{ data?: T | null; errors?: unknown }>) => {
    const r = await p;
    expect(r.errors).toBeUndefined();
    return r.data!;
  };
  const created = (
    await step(
      gql(
        server,
        CreateReunionTrabajoCastDocument,
        { input: { periodo, requerimientos: 'Nuevas tendencias y casos de éxito' } },
        tokens.cst,
      ),
    )
  ).createReunionTrabajoCast;
  const id = created.id;
  const upd = (input: object) => step(gql(server, UpdateReunionTrabajoCastDocument, { input: { id, ...input } }, tokens.cst));
  await upd({ gestiones: 'Oficio de solicitud de sala y viáticos' });
  await upd({ programa: '1. Normatividad 2. Casos de éxito 3. Retos', solicitudes: 'CE-MEX pide un taller de cotización' });
  await upd({ logistica: 'Videoconferencia institucional', modalidad: 'VIRTUAL', fechaProgramada: yesterday() });
  await upd({ materialUrl: MATERIAL });
  const sent = (
    await step(
      gql(server, SendReunionTrabajoCastDocument, { input: { id, invitadoUnitIds: [unitIds['MEX-CAST01'], unitIds.RCEO] } }, tokens.cst),
    )
  ).sendReunionTrabajoCast;
  expect(sent.estado).toBe('CONVOCADA');
  await step(
    gql(
      server,
      CreateAcuerdoReunionDocument,
      {
        input: {
          reunionTrabajoCastId: id,
          descripcion: 'Cada CAST actualiza su catálogo antes del 15 de marzo',
          responsableUnitId: unitIds['MEX-CAST01'],
          fechaCompromiso: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        },
      },
      tokens.cst,
    ),
  );
  const closed = (
    await step(gql(server, CloseReunionTrabajoCastDocument, { input: { ...closeInput(id), version: sent.version } }, tokens.cst))
  ).closeReunionTrabajoCast;
  expect(closed).toMatchObject({
    estado: 'CERRADA',
    version: 6,
    materialUrl: MATERIAL,
    solicitudes: 'CE-MEX pide un taller de cotización',
  });
  expect(closed.history.map((h) => [h.transition, h.toState, h.actorRole])).toEqual([
    ['createReunionTrabajoCast', 'EN_PREPARACION', 'CST'],
    ['updateReunionTrabajoCast', 'EN_PREPARACION', 'CST'],
    ['updateReunionTrabajoCast', 'EN_PREPARACION', 'CST'],
    ['updateReunionTrabajoCast', 'EN_PREPARACION', 'CST'],
    ['updateReunionTrabajoCast', 'EN_PREPARACION', 'CST'],
    ['sendReunionTrabajoCast', 'CONVOCADA', 'CST'],
    ['closeReunionTrabajoCast', 'CERRADA', 'CST'],
  ]);
  expect((await read(id, 'cast.mex'))?.evidenciasReunion).toHaveLength(2);
});
