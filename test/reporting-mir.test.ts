/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument -- inline operations read untyped JSON answers */
// SPDI-DPP's typed report (issue #16): the MIR goals and progress of the
// training indicators, as GraphQL (`reporteMir`) and as CSV and XLSX
// (/exports/reporteMir.csv|.xlsx), read with SPDI-DPP's API key over HTTP:
// the same numbers, the same scope (only programmes sent to SPDI-DPP for the
// MIR), the same filters.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/lib/csv.js';
import { make } from './factories.js';
import { codeOf, demoTokens, gql, startServer, type GqlResponse, type TestServer } from './helpers.js';

let server: TestServer;
let tokens: Record<string, string>;

beforeAll(async () => {
  server = await startServer();
  tokens = await demoTokens(server);
});
afterAll(() => server.stop());

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const call = (query: string, variables: Record<string, unknown>, bearer: string): Promise<GqlResponse<Data>> =>
  gql<Data, Record<string, unknown>>(server, query, variables, bearer);
const ok = async (query: string, variables: Record<string, unknown>, bearer: string): Promise<Data> => {
  const r = await call(query, variables, bearer);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
};
const get = (p: string, bearer: string) =>
  fetch(`${server.url}${p}`, { headers: { authorization: `Bearer ${bearer}`, 'accept-language': 'en' } });

const COLUMNS =
  'programaId anio trimestre periodo indicador unidadMedida envio metaOriginal numerador denominador avance numeradorAcumulado denominadorAcumulado avanceAcumulado';
const MIR = `query($anio: Int, $indicador: IndicadorMeta, $trimestreDesde: Int, $trimestreHasta: Int) {
  reporteMir(anio: $anio, indicador: $indicador, trimestreDesde: $trimestreDesde, trimestreHasta: $trimestreHasta) { ${COLUMNS} } }`;

async function xlsxRows(res: Response): Promise<Record<string, unknown>[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  const sheet = workbook.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const rows = [];
  for (let i = 2; i <= sheet.rowCount; i++) {
    const values = (sheet.getRow(i).values as unknown[]).slice(1);
    rows.push(Object.fromEntries(header.map((h, j) => [h, values[j] ?? null])));
  }
  return rows;
}

/**
 * A national programme sent to SPDI-DPP (goals 10 × quarter per indicator, first send), then adjusted and sent
 * again (15 × quarter); two states' first quarter validated (each indicator 1 per month: 3 per state), the
 * second quarter of one only sent (not counted).
 */
async function sentProgramme() {
  const nacional = await make.programaNacionalCapacitacion(server.db, { estado: 'ENVIADO' });
  const id = nacional.id;
  const metas = await server.db.metaNacional.findMany({ where: { programaId: id, envio: 1 } });
  await server.db.metaNacional.createMany({
    data: metas.map((m) => ({
      programaId: id,
      envio: 2,
      indicador: m.indicador,
      trimestre: m.trimestre,
      valor: 15n * BigInt(m.trimestre),
    })),
  });
  await server.db.programaNacionalCapacitacion.update({ where: { id }, data: { envios: 2 } });
  const mex = await make.programaMetas(server.db, { estado: 'APROBADO', linea: 'CAPACITACION', unit: 'CE-MEX', anio: nacional.anio });
  const ver = await make.programaMetas(server.db, { estado: 'APROBADO', linea: 'CAPACITACION', unit: 'CE-VER', anio: nacional.anio });
  await make.registroResultados(server.db, { estado: 'VALIDADO', programa: mex, trimestre: 1 });
  await make.registroResultados(server.db, { estado: 'VALIDADO', programa: ver, trimestre: 1 });
  await make.registroResultados(server.db, { estado: 'ENVIADO', programa: mex, trimestre: 2 });
  return nacional;
}

describe("SPDI-DPP's MIR report (reporteMir), read with SPDI-DPP's API key", () => {
  it('answers each indicator and quarter with numerator, denominator, period and unit of measure, cumulative from the first quarter', async () => {
    const p = await sentProgramme();
    const key = (await make.apiKey(server.db, { unit: 'SPDI-DPP', role: 'SPDI_DPP' })).key;
    const rows = (await ok(MIR, { anio: p.anio }, key)).reporteMir;
    expect(rows.length).toBe(16);
    expect(rows.map((r: Data) => `${r.indicador}:${r.trimestre}`).slice(0, 5)).toEqual([
      'CURSOS_IMPARTIDOS:1',
      'CURSOS_IMPARTIDOS:2',
      'CURSOS_IMPARTIDOS:3',
      'CURSOS_IMPARTIDOS:4',
      'PERSONAS_CAPACITADAS:1',
    ]);
    const personas = rows.filter((r: Data) => r.indicador === 'PERSONAS_CAPACITADAS');
    expect(
      personas.map((r: Data) => [
        r.periodo,
        r.numerador,
        r.denominador,
        r.avance,
        r.numeradorAcumulado,
        r.denominadorAcumulado,
        r.avanceAcumulado,
      ]),
    ).toEqual([
      [`${p.anio}-T1`, 6, 15, 40, 6, 15, 40],
      [`${p.anio}-T2`, 0, 30, 0, 6, 45, 13.33],
      [`${p.anio}-T3`, 0, 45, 0, 6, 90, 6.67],
      [`${p.anio}-T4`, 0, 60, 0, 6, 150, 4],
    ]);
    expect(personas[1]).toMatchObject({ unidadMedida: 'personas', envio: 2, metaOriginal: 20, programaId: p.globalId });
    expect(rows.find((r: Data) => r.indicador === 'INGRESOS_CAPACITACION').unidadMedida).toBe('centavos (MXN)');

    // The same results as the programme's national progress (ProgramaNacionalCapacitacion.avance), quarter by quarter.
    const node = await ok(
      `query($id: ID!) { node(id: $id) { ... on ProgramaNacionalCapacitacion { avance(trimestreHasta: 2) { indicador resultado } } } }`,
      { id: p.globalId },
      key,
    );
    for (const a of node.node.avance)
      expect(rows.find((r: Data) => r.indicador === a.indicador && r.trimestre === 2).numeradorAcumulado).toBe(a.resultado);

    // Filters: one indicator, quarters 2 to 3 (the cumulative figures still count from the first).
    const some = (await ok(MIR, { anio: p.anio, indicador: 'PERSONAS_CAPACITADAS', trimestreDesde: 2, trimestreHasta: 3 }, key)).reporteMir;
    expect(some.map((r: Data) => [r.trimestre, r.numeradorAcumulado])).toEqual([
      [2, 6],
      [3, 6],
    ]);
    const bad = await call(MIR, { anio: p.anio, indicador: 'SERVICIOS_PROPORCIONADOS' }, key);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(codeOf(await call(MIR, { trimestreDesde: 3, trimestreHasta: 2 }, key))).toBe('BAD_USER_INPUT');
  });

  it('the CSV and the XLSX carry the same rows and numbers as GraphQL, with the same filters', async () => {
    const p = await sentProgramme();
    const key = (await make.apiKey(server.db, { unit: 'SPDI-DPP', role: 'SPDI_DPP' })).key;
    const api = (await ok(MIR, { anio: p.anio, indicador: 'PERSONAS_CAPACITADAS' }, key)).reporteMir;
    expect(api.length).toBe(4);

    const csvRes = await get(`/exports/reporteMir.csv?anio=${p.anio}&indicador=PERSONAS_CAPACITADAS`, key);
    expect(csvRes.status).toBe(200);
    expect(csvRes.headers.get('content-disposition')).toBe('attachment; filename="reporteMir.csv"');
    const csv = parseCsv(await csvRes.text());
    // Every scalar field is a column (in the schema's order).
    expect([...csv.header].sort()).toEqual([...COLUMNS.split(' '), 'enviadoAt'].sort());
    expect(csv.rows.map((r) => r.values)).toEqual(
      api.map((r: Data) => Object.fromEntries(csv.header.map((h) => [h, h === 'enviadoAt' ? expect.any(String) : String(r[h] ?? '')]))),
    );

    const xlsxRes = await get(`/exports/reporteMir.xlsx?anio=${p.anio}&indicador=PERSONAS_CAPACITADAS`, key);
    expect(xlsxRes.status).toBe(200);
    expect(xlsxRes.headers.get('content-type')).toMatch(/spreadsheetml/);
    const xlsx = await xlsxRows(xlsxRes);
    expect(xlsx.length).toBe(4);
    for (const [i, r] of api.entries()) {
      expect(xlsx[i]).toMatchObject({
        periodo: r.periodo,
        indicador: r.indicador,
        unidadMedida: r.unidadMedida,
        numerador: r.numerador,
        denominador: r.denominador,
        avance: r.avance,
        numeradorAcumulado: r.numeradorAcumulado,
        denominadorAcumulado: r.denominadorAcumulado,
        avanceAcumulado: r.avanceAcumulado,
      });
    }
    // A filter GraphQL refuses is refused the same way.
    const bad = await get(`/exports/reporteMir.csv?anio=${p.anio}&indicador=SERVICIOS_PROPORCIONADOS`, key);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Data).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('SPDI-DPP reads only programmes sent to it for the MIR; others read what they own or nothing', async () => {
    const p = await sentProgramme();
    const draft = await make.programaNacionalCapacitacion(server.db, { estado: 'EN_INTEGRACION' });
    const key = (await make.apiKey(server.db, { unit: 'SPDI-DPP', role: 'SPDI_DPP' })).key;

    // Every programme in SPDI-DPP's report was sent to SPDI-DPP for the MIR; the one still in integration is not there.
    const all = (await ok(MIR, {}, key)).reporteMir;
    const ids = [...new Set(all.map((r: Data) => Buffer.from(r.programaId, 'base64').toString().split(':')[1]))] as string[];
    expect(ids).toContain(p.id);
    const spdi = await server.db.orgUnit.findUniqueOrThrow({ where: { code: 'SPDI-DPP' } });
    const addressed = await server.db.programaNacionalCapacitacionDestinatario.findMany({
      where: { programaId: { in: ids }, unitId: spdi.id, fin: 'MIR' },
    });
    expect(new Set(addressed.map((d) => d.programaId))).toEqual(new Set(ids));
    expect((await ok(MIR, { anio: draft.anio }, key)).reporteMir).toEqual([]);
    const draftCsv = parseCsv(await (await get(`/exports/reporteMir.csv?anio=${draft.anio}`, key)).text());
    expect(draftCsv.rows).toEqual([]);

    // The CSC, which owns it, reads the same numbers; a state office and CONOCER's key read nothing.
    const csc = (await ok(MIR, { anio: p.anio }, tokens.csc)).reporteMir;
    expect(csc).toEqual((await ok(MIR, { anio: p.anio }, key)).reporteMir);
    expect((await ok(MIR, { anio: p.anio }, tokens['dg.mex'])).reporteMir).toEqual([]);
    const conocer = (await make.apiKey(server.db, { unit: 'CONOCER', role: 'LECTOR' })).key;
    expect((await ok(MIR, { anio: p.anio }, conocer)).reporteMir).toEqual([]);
    expect(parseCsv(await (await get(`/exports/reporteMir.csv?anio=${p.anio}`, conocer)).text()).rows).toEqual([]);

    // Without a key: 401, as GraphQL.
    expect((await fetch(`${server.url}/exports/reporteMir.csv`)).status).toBe(401);
  });
});
