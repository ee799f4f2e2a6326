/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument -- inline operations read untyped JSON answers */
// 7081-MP-SI "Metas y resultados" through the API, as the seed's roles: the
// CSC asks a state for its training goals, the state registers them, the CSC
// returns them with observations and approves the correction; SPDI-DPP asks
// for a reprogramming that keeps the old value; quarterly results are
// registered and validated; progress per unit, state and nation is exact and
// equals the sum of its parts; the national programme reaches SPDI-DPP, which
// sees the national goals and nothing of a single plantel. The matrix
// (test/matrix.test.ts) covers roles × steps × states for every step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { make } from './factories.js';
import { codeOf, demoTokens, gql, issuesOf, startServer, unitIdsByCode, type GqlResponse, type TestServer } from './helpers.js';

let server: TestServer;
let tokens: Record<string, string>;
let unitIds: Record<string, string>;

beforeAll(async () => {
  server = await startServer();
  tokens = await demoTokens(server);
  unitIds = await unitIdsByCode(server, tokens.admin);
});
afterAll(() => server.stop());

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const call = async (query: string, variables: Record<string, unknown>, as: string): Promise<GqlResponse<Data>> =>
  gql<Data, Record<string, unknown>>(server, query, variables, tokens[as]);
const ok = async (query: string, variables: Record<string, unknown>, as: string): Promise<Data> => {
  const r = await call(query, variables, as);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
};

/** A past year the API takes with no goal programme and no national programme at all, so national sums are this test's. */
async function freeYear(): Promise<number> {
  for (;;) {
    const anio = 2000 + Math.floor(Math.random() * 24);
    const taken =
      (await server.db.programaMetas.count({ where: { anio } })) +
      (await server.db.programaNacionalCapacitacion.count({ where: { anio } }));
    if (!taken) return anio;
  }
}

const PROGRAMA = `id estado version reprogramaciones linea anio diagnostico programaTrabajo
  metas { unit { code } indicador trimestre valor valorAprobado valorProgramado version versiones { version valor motivo reprogramacion createdBy { email } } }`;
const UPDATE = `mutation($input: UpdateProgramaMetasInput!) { updateProgramaMetas(input: $input) { ${PROGRAMA} } }`;
const STEP = (name: string) => `mutation($input: ProgramaMetasStepInput!) { ${name}(input: $input) { ${PROGRAMA} } }`;
const AVANCE = `query($anio: Int!, $nivel: NivelIndicador!, $t: Int) {
  avanceMetas(anio: $anio, nivel: $nivel, linea: CAPACITACION, indicador: PERSONAS_CAPACITADAS, trimestreDesde: 1, trimestreHasta: $t) {
    unitCode metaProgramada metaVigente resultado avance variacion reprogramacion } }`;
const metaOf = (p: Data, unit: string, trimestre: number) =>
  p.metas.find((m: Data) => m.unit.code === unit && m.trimestre === trimestre && m.indicador === 'PERSONAS_CAPACITADAS');

describe('the goal and results cycle of training (PAT, It06)', () => {
  it('request, return with observations, correction, reprogramming, quarterly results, progress and the send to SPDI-DPP', async () => {
    const anio = await freeYear();

    // PAT 1, 4, 7: the CSC asks CE-MEX for its diagnosis, goals and PAT.
    const created = await ok(
      `mutation($input: CreateProgramaMetasCapacitacionInput!) { createProgramaMetasCapacitacion(input: $input) { id estado linea plazoSolicitud { desde hasta } } }`,
      { input: { unitId: unitIds['CE-MEX'], anio, criterios: 'Cobertura por plantel, demanda regional' } },
      'csc',
    );
    const id = created.createProgramaMetasCapacitacion.id;
    expect(created.createProgramaMetasCapacitacion).toMatchObject({ estado: 'SOLICITADO', linea: 'CAPACITACION' });
    expect(created.createProgramaMetasCapacitacion.plazoSolicitud.desde).toBe(`${anio - 1}-04-01T00:00:00.000Z`);

    // Bad input is typed and writes nothing: an indicator of the other line, a quarter 5, a plantel of another state.
    const bad = await call(
      UPDATE,
      {
        input: {
          id,
          metas: [
            { indicador: 'SERVICIOS_PROPORCIONADOS', trimestre: 1, valor: 1 },
            { unitId: unitIds['MEX-P001'], indicador: 'PERSONAS_CAPACITADAS', trimestre: 5, valor: 1 },
            { unitId: unitIds['VER-P001'], indicador: 'PERSONAS_CAPACITADAS', trimestre: 1, valor: -1 },
          ],
        },
      },
      'tccc.mex',
    );
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(issuesOf(bad).map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['input.metas.0.indicador', 'input.metas.1.trimestre', 'input.metas.2.valor', 'input.metas.2.unitId']),
    );
    expect(await server.db.metaIndicador.count({ where: { programaId: Buffer.from(id, 'base64').toString().split(':')[1] } })).toBe(0);

    // PAT 5 / Seg 3: the state registers goals by plantel/CAST and quarter, its diagnosis and PAT, and sends them.
    await ok(
      UPDATE,
      {
        input: {
          id,
          diagnostico: 'Diagnóstico situacional 2025',
          programaTrabajo: 'PAT estatal',
          metas: [
            { unitId: unitIds['MEX-P001'], indicador: 'PERSONAS_CAPACITADAS', trimestre: 1, valor: 100 },
            { unitId: unitIds['MEX-P001'], indicador: 'PERSONAS_CAPACITADAS', trimestre: 2, valor: 100 },
            { unitId: unitIds['MEX-CAST01'], indicador: 'PERSONAS_CAPACITADAS', trimestre: 1, valor: 50 },
          ],
        },
      },
      'tccc.mex',
    );
    await ok(STEP('submitProgramaMetas'), { input: { id } }, 'tccc.mex');

    // Seg 4-5: different from the programme → back with observations; the CST may not verify training goals.
    expect(codeOf(await call(STEP('approveProgramaMetas'), { input: { id } }, 'cst'))).toBe('FORBIDDEN');
    const noObs = await call(STEP('returnProgramaMetas'), { input: { id } }, 'csc');
    expect(codeOf(noObs)).toBe('BAD_USER_INPUT');
    const returned = await ok(
      STEP('returnProgramaMetas'),
      { input: { id, observaciones: 'La meta del plantel Toluca no corresponde a su capacidad instalada' } },
      'csc',
    );
    expect(returned.returnProgramaMetas).toMatchObject({ estado: 'EN_CORRECCION', reprogramaciones: 0 });
    await ok(
      UPDATE,
      {
        input: {
          id,
          observaciones: 'Ajuste a la capacidad instalada',
          metas: [{ unitId: unitIds['MEX-P001'], indicador: 'PERSONAS_CAPACITADAS', trimestre: 1, valor: 120 }],
        },
      },
      'tccc.mex',
    );
    await ok(STEP('submitProgramaMetas'), { input: { id } }, 'tccc.mex');
    const approved = (await ok(STEP('approveProgramaMetas'), { input: { id } }, 'csc')).approveProgramaMetas;
    expect(approved.estado).toBe('APROBADO');
    expect(metaOf(approved, 'MEX-P001', 1)).toMatchObject({ valor: 120, valorAprobado: 120, valorProgramado: 120, version: 2 });

    // PAT 6.1: SPDI-DPP asks for a reprogramming; the old values stay in the history.
    await ok(STEP('returnProgramaMetas'), { input: { id, observaciones: 'SPDI-DPP solicita reprogramación de metas' } }, 'csc');
    await ok(
      UPDATE,
      {
        input: {
          id,
          observaciones: 'Reprogramación solicitada por SPDI-DPP',
          metas: [{ unitId: unitIds['MEX-P001'], indicador: 'PERSONAS_CAPACITADAS', trimestre: 1, valor: 90 }],
        },
      },
      'tccc.mex',
    );
    await ok(STEP('submitProgramaMetas'), { input: { id } }, 'tccc.mex');
    const reprogrammed = (await ok(STEP('approveProgramaMetas'), { input: { id } }, 'csc')).approveProgramaMetas;
    expect(reprogrammed.reprogramaciones).toBe(1);
    const toluca = metaOf(reprogrammed, 'MEX-P001', 1);
    expect(toluca).toMatchObject({ valor: 90, valorAprobado: 90, valorProgramado: 120, version: 3 });
    expect(toluca.versiones.map((v: Data) => [v.valor, v.motivo, v.reprogramacion, v.createdBy?.email])).toEqual([
      [100, null, false, 'tccc.mex@demo.conalep.mx'],
      [120, 'Ajuste a la capacidad instalada', false, 'tccc.mex@demo.conalep.mx'],
      [90, 'Reprogramación solicitada por SPDI-DPP', true, 'tccc.mex@demo.conalep.mx'],
    ]);

    // It06 3-5: the first quarter's results, registered by the state and validated by the CSC.
    const registro = (
      await ok(
        `mutation($input: CreateRegistroResultadosInput!) { createRegistroResultados(input: $input) { id estado trimestre linea anio plazo { desde hasta } } }`,
        { input: { programaMetasId: id, trimestre: 1 } },
        'tccc.mex',
      )
    ).createRegistroResultados;
    expect(registro).toMatchObject({ estado: 'EN_CAPTURA', trimestre: 1, linea: 'CAPACITACION', anio });
    const badMonth = await call(
      `mutation($input: UpdateRegistroResultadosInput!) { updateRegistroResultados(input: $input) { id } }`,
      { input: { id: registro.id, resultados: [{ indicador: 'PERSONAS_CAPACITADAS', mes: 4, valor: 1 }] } },
      'tccc.mex',
    );
    expect(issuesOf(badMonth).map((i) => i.path.join('.'))).toEqual(['input.resultados.0.mes']);
    await ok(
      `mutation($input: UpdateRegistroResultadosInput!) { updateRegistroResultados(input: $input) { id } }`,
      {
        input: {
          id: registro.id,
          resultados: [
            { unitId: unitIds['MEX-P001'], indicador: 'PERSONAS_CAPACITADAS', mes: 1, valor: 30 },
            { unitId: unitIds['MEX-P001'], indicador: 'PERSONAS_CAPACITADAS', mes: 2, valor: 15 },
            { unitId: unitIds['MEX-CAST01'], indicador: 'PERSONAS_CAPACITADAS', mes: 3, valor: 10 },
          ],
        },
      },
      'tccc.mex',
    );
    // Before validation the results do not count.
    const before = (await ok(AVANCE, { anio, nivel: 'NACIONAL', t: 1 }, 'csc')).avanceMetas;
    expect(before).toEqual([expect.objectContaining({ metaVigente: 140, resultado: 0, avance: 0 })]);
    await ok(
      `mutation($input: RegistroResultadosStepInput!) { submitRegistroResultados(input: $input) { estado } }`,
      { input: { id: registro.id } },
      'tccc.mex',
    );
    const validated = await ok(
      `mutation($input: RegistroResultadosStepInput!) { approveRegistroResultados(input: $input) { estado validadoAt } }`,
      { input: { id: registro.id } },
      'csc',
    );
    expect(validated.approveRegistroResultados.estado).toBe('VALIDADO');

    // Another state, through factories: CE-VER's approved goal and validated result for VER-P001.
    const ver = await make.programaMetas(server.db, {
      estado: 'APROBADO',
      linea: 'CAPACITACION',
      unit: 'CE-VER',
      anio,
      metas: [{ unit: 'VER-P001', indicador: 'PERSONAS_CAPACITADAS', trimestre: 1, valor: 80 }],
    });
    await make.registroResultados(server.db, {
      estado: 'VALIDADO',
      programa: ver,
      trimestre: 1,
      resultados: [{ unit: 'VER-P001', indicador: 'PERSONAS_CAPACITADAS', mes: 2, valor: 40 }],
    });

    // Progress of the first quarter: per unit, per state and national, exact and each the sum of its parts.
    const units = (await ok(AVANCE, { anio, nivel: 'PLANTEL', t: 1 }, 'csc')).avanceMetas;
    expect(units).toEqual([
      { unitCode: 'MEX-CAST01', metaProgramada: 50, metaVigente: 50, resultado: 10, avance: 20, variacion: -40, reprogramacion: 0 },
      { unitCode: 'MEX-P001', metaProgramada: 120, metaVigente: 90, resultado: 45, avance: 50, variacion: -45, reprogramacion: -30 },
      { unitCode: 'VER-P001', metaProgramada: 80, metaVigente: 80, resultado: 40, avance: 50, variacion: -40, reprogramacion: 0 },
    ]);
    const states = (await ok(AVANCE, { anio, nivel: 'COLEGIO_ESTATAL', t: 1 }, 'csc')).avanceMetas;
    expect(states).toEqual([
      { unitCode: 'CE-MEX', metaProgramada: 170, metaVigente: 140, resultado: 55, avance: 39.29, variacion: -85, reprogramacion: -30 },
      { unitCode: 'CE-VER', metaProgramada: 80, metaVigente: 80, resultado: 40, avance: 50, variacion: -40, reprogramacion: 0 },
    ]);
    const nation = (await ok(AVANCE, { anio, nivel: 'NACIONAL', t: 1 }, 'csc')).avanceMetas;
    expect(nation).toEqual([
      { unitCode: null, metaProgramada: 250, metaVigente: 220, resultado: 95, avance: 43.18, variacion: -125, reprogramacion: -30 },
    ]);
    const sum = (rows: Data[], f: string) => rows.reduce((n, r) => n + r[f], 0);
    for (const f of ['metaProgramada', 'metaVigente', 'resultado']) {
      expect(sum(states, f)).toBe(nation[0][f]);
      expect(sum(units, f)).toBe(nation[0][f]);
    }
    // The state reads its own units only; its "nation" is its scope.
    const mex = (await ok(AVANCE, { anio, nivel: 'PLANTEL', t: 1 }, 'tccc.mex')).avanceMetas;
    expect(mex.map((r: Data) => r.unitCode)).toEqual(['MEX-CAST01', 'MEX-P001']);
    expect((await ok(AVANCE, { anio, nivel: 'NACIONAL', t: 1 }, 'tccc.mex')).avanceMetas[0]).toMatchObject({
      metaVigente: 140,
      resultado: 55,
    });
    // The year: quarter 2 adds Toluca's 100 of goal.
    expect((await ok(AVANCE, { anio, nivel: 'NACIONAL', t: 4 }, 'csc')).avanceMetas[0]).toMatchObject({ metaVigente: 320, resultado: 95 });

    // PAT 3, 6, 9: the national programme, refused until its PAT is written, then sent to SPDI-DPP.
    const nacional = (
      await ok(
        `mutation($input: CreateProgramaNacionalCapacitacionInput!) { createProgramaNacionalCapacitacion(input: $input) { id estado } }`,
        { input: { anio, puntosControl: 'Registro oportuno en el SECyT; seguimiento trimestral' } },
        'csc',
      )
    ).createProgramaNacionalCapacitacion;
    const SEND = `mutation($input: ProgramaNacionalCapacitacionStepInput!) { sendProgramaNacionalCapacitacion(input: $input) { estado envios } }`;
    const early = await call(SEND, { input: { id: nacional.id } }, 'csc');
    expect(codeOf(early)).toBe('INVALID_TRANSITION');
    expect(early.errors![0].message).toContain('programaTrabajo');
    await ok(
      `mutation($input: UpdateProgramaNacionalCapacitacionInput!) { updateProgramaNacionalCapacitacion(input: $input) { id } }`,
      { input: { id: nacional.id, programaTrabajo: 'PAT nacional de capacitación' } },
      'csc',
    );
    expect((await ok(SEND, { input: { id: nacional.id } }, 'csc')).sendProgramaNacionalCapacitacion).toEqual({
      estado: 'ENVIADO',
      envios: 1,
    });

    // SPDI-DPP reads the national goals and progress, and nothing of a single plantel.
    const NACIONAL = `query($id: ID!) { node(id: $id) { ... on ProgramaNacionalCapacitacion { estado envios
      metas { envio indicador trimestre valor } primero: metas(envio: 1) { valor } avance(trimestreHasta: 1) { indicador unitCode metaVigente resultado avance } } } }`;
    const seen = (await ok(NACIONAL, { id: nacional.id }, 'spdi')).node;
    expect(seen.metas.filter((m: Data) => m.indicador === 'PERSONAS_CAPACITADAS')).toEqual([
      { envio: 1, indicador: 'PERSONAS_CAPACITADAS', trimestre: 1, valor: 220 },
      { envio: 1, indicador: 'PERSONAS_CAPACITADAS', trimestre: 2, valor: 100 },
    ]);
    expect(seen.avance.find((a: Data) => a.indicador === 'PERSONAS_CAPACITADAS')).toEqual({
      indicador: 'PERSONAS_CAPACITADAS',
      unitCode: null,
      metaVigente: 220,
      resultado: 95,
      avance: 43.18,
    });
    const spdiLists = await ok(
      `query($anio: Int) { programasMetas(filter: { anio: $anio }) { totalCount } registrosResultados(filter: { anio: $anio }) { totalCount }
        programasNacionalesCapacitacion(filter: { anio: $anio }) { totalCount } }`,
      { anio },
      'spdi',
    );
    expect(spdiLists).toEqual({
      programasMetas: { totalCount: 0 },
      registrosResultados: { totalCount: 0 },
      programasNacionalesCapacitacion: { totalCount: 1 },
    });
    expect(codeOf(await call(`query($id: ID!) { node(id: $id) { id } }`, { id }, 'spdi'))).toBe('NOT_FOUND');
    expect((await ok(AVANCE, { anio, nivel: 'PLANTEL', t: 1 }, 'spdi')).avanceMetas).toEqual([]);

    // PAT 9.1: SPDI-DPP asks for an adjustment; the second send keeps the first.
    await ok(
      `mutation($input: ProgramaNacionalCapacitacionStepInput!) { returnProgramaNacionalCapacitacion(input: $input) { estado } }`,
      { input: { id: nacional.id, observaciones: 'SPDI-DPP: ajustar metas del segundo trimestre' } },
      'csc',
    );
    expect((await ok(SEND, { input: { id: nacional.id } }, 'csc')).sendProgramaNacionalCapacitacion).toEqual({
      estado: 'ENVIADO',
      envios: 2,
    });
    const again = (await ok(NACIONAL, { id: nacional.id }, 'spdi')).node;
    expect(again.metas.every((m: Data) => m.envio === 2)).toBe(true);
    expect(again.primero.length).toBe(seen.metas.length);
  }, 60_000);
});

describe('results', () => {
  it('a quarter that has not begun cannot be registered, and each quarter once', async () => {
    const programa = await make.programaMetas(server.db, { estado: 'APROBADO', anio: 2100 - Math.floor(Math.random() * 10) });
    const CREATE = `mutation($input: CreateRegistroResultadosInput!) { createRegistroResultados(input: $input) { id } }`;
    const future = await call(CREATE, { input: { programaMetasId: programa.globalId, trimestre: 4 } }, 'cast.mex');
    expect(codeOf(future)).toBe('BAD_USER_INPUT');
    expect(await server.db.registroResultados.count({ where: { programaId: programa.id } })).toBe(0);

    const past = await make.programaMetas(server.db, { estado: 'APROBADO' });
    await ok(CREATE, { input: { programaMetasId: past.globalId, trimestre: 2 } }, 'cast.mex');
    const twice = await call(CREATE, { input: { programaMetasId: past.globalId, trimestre: 2 } }, 'cast.mex');
    expect(issuesOf(twice)).toEqual([{ path: ['input', 'trimestre'], message: 'This quarter already has its results record' }]);
  });

  it('technological services: the CAST registers, the CST validates; the goals must be approved first', async () => {
    const solicitado = await make.programaMetas(server.db, { estado: 'ENVIADO' });
    const r = await call(
      `mutation($input: CreateRegistroResultadosInput!) { createRegistroResultados(input: $input) { id } }`,
      { input: { programaMetasId: solicitado.globalId, trimestre: 1 } },
      'cast.mex',
    );
    expect(codeOf(r)).toBe('INVALID_TRANSITION');
    const registro = await make.registroResultados(server.db, { estado: 'ENVIADO' });
    expect(
      codeOf(
        await call(
          `mutation($input: RegistroResultadosStepInput!) { approveRegistroResultados(input: $input) { id } }`,
          { input: { id: registro.globalId } },
          'csc',
        ),
      ),
    ).toBe('FORBIDDEN');
    const done = await ok(
      `mutation($input: RegistroResultadosStepInput!) { approveRegistroResultados(input: $input) { estado vencido } }`,
      { input: { id: registro.globalId } },
      'cst',
    );
    expect(done.approveRegistroResultados).toEqual({ estado: 'VALIDADO', vencido: false });
  });

  it('an unvalidated quarter past its period is shown as overdue', async () => {
    const registro = await make.registroResultados(server.db, { estado: 'EN_CAPTURA' });
    const r = await ok(
      `query($id: ID!) { node(id: $id) { ... on RegistroResultados { vencido plazo { desde hasta } } } }`,
      { id: registro.globalId },
      'cast.mex',
    );
    expect(r.node.vencido).toBe(true);
  });
});

describe('course catalogue', () => {
  it('registered in the SECyT with a unique identifier, then published for every reader', async () => {
    const curso = await make.cursoCatalogo(server.db, { estado: 'PROPUESTO' });
    const clave = `SECYT-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
    const APPROVE = `mutation($input: ApproveCursoCatalogoInput!) { approveCursoCatalogo(input: $input) { estado claveSecyt } }`;
    expect((await ok(APPROVE, { input: { id: curso.globalId, claveSecyt: clave } }, 'csc')).approveCursoCatalogo).toEqual({
      estado: 'REGISTRADO',
      claveSecyt: clave,
    });
    const other = await make.cursoCatalogo(server.db, { estado: 'PROPUESTO' });
    const dup = await call(APPROVE, { input: { id: other.globalId, claveSecyt: clave } }, 'csc');
    expect(issuesOf(dup)).toEqual([{ path: ['input', 'claveSecyt'], message: 'Another course has this SECyT identifier' }]);
    const NODE = `query($id: ID!) { node(id: $id) { id } }`;
    expect(codeOf(await call(NODE, { id: curso.globalId }, 'director.p001'))).toBe('NOT_FOUND');
    await ok(
      `mutation($input: CursoCatalogoStepInput!) { publishCursoCatalogo(input: $input) { estado } }`,
      { input: { id: curso.globalId } },
      'csc',
    );
    expect((await ok(NODE, { id: curso.globalId }, 'director.p001')).node).toEqual({ id: curso.globalId });
  });
});
