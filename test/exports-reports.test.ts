/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument -- inline operations read untyped JSON answers */
// Issue #16: single-object reports as CSV and XLSX (src/lib/http/exports.ts,
// docs/bi.md "Reports of one object"). Over real HTTP with the demo accounts'
// tokens and factory records: each file has the GraphQL answer's numbers for
// the same filters, the viewer's scope, and GraphQL's refusals (400 in Spanish).
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/lib/csv.js';
import { make } from './factories.js';
import { demoTokens, gql, startServer, unitIdsByCode, type GqlResponse, type TestServer } from './helpers.js';

let server: TestServer;
let tokens: Record<string, string>;
let units: Record<string, string>;

beforeAll(async () => {
  server = await startServer();
  tokens = await demoTokens(server);
  units = await unitIdsByCode(server, tokens.admin);
});
afterAll(() => server.stop());

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const ok = async (query: string, variables: Record<string, unknown>, as: string): Promise<Data> => {
  const r: GqlResponse<Data> = await gql<Data, Record<string, unknown>>(server, query, variables, tokens[as]);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
};
const download = (p: string, as: string, language = 'en') =>
  fetch(`${server.url}${p}`, { headers: { 'accept-language': language, authorization: `Bearer ${tokens[as]}` } });

/** A CSV's rows as objects of its header. */
async function csvOf(res: Response): Promise<{ header: string[]; rows: Record<string, string>[] }> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
  const csv = parseCsv(await res.text());
  return { header: csv.header, rows: csv.rows.map((r) => r.values) };
}

/** Every sheet of an XLSX, by name: its header and its rows as objects (empty cells null). */
async function xlsxOf(res: Response): Promise<Record<string, { header: string[]; rows: Record<string, unknown>[] }>> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  const sheets: Record<string, { header: string[]; rows: Record<string, unknown>[] }> = {};
  for (const sheet of workbook.worksheets) {
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const rows = [];
    for (let i = 2; i <= sheet.rowCount; i++) {
      const values = (sheet.getRow(i).values as unknown[]).slice(1);
      rows.push(Object.fromEntries(header.map((h, j) => [h, values[j] ?? null])));
    }
    sheets[sheet.name] = { header, rows };
  }
  return sheets;
}

/** A GraphQL row as a CSV writes it: numbers and booleans as text, null empty. */
const asText = (row: Data): Record<string, string> =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));

/** The first error of a refused export. */
async function refusal(res: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await res.json()) as Data;
  return { status: res.status, code: body.errors[0].extensions.code, message: body.errors[0].message };
}

describe('reporteSiseac: one sheet per list, the CSV its first list', () => {
  const LINEA = 'clave evaluados faltantes nombre promedio reprobados';
  const Q = `query($plantelId: ID!, $periodo: String!, $corte: Int!) { reporteSiseac(plantelId: $plantelId, periodo: $periodo, corte: $corte) {
    porModulo { ${LINEA} } porDocente { ${LINEA} } } }`;
  let periodo: string;

  beforeAll(async () => {
    periodo = `${4000 + Math.floor(Math.random() * 5000)}-2`;
    const docente = await make.docente(server.db, { unit: 'MEX-P001' });
    const modulos = [await make.modulo(server.db), await make.modulo(server.db)];
    for (const notas of [
      [5, 8],
      [9, 4],
      [7, 7],
    ]) {
      const alumno = await make.alumno(server.db, { unit: 'MEX-P001' });
      await server.db.evaluacion.createMany({
        data: modulos.map((m, i) => ({
          alumnoId: alumno.id,
          moduloId: m.id,
          docenteId: docente.id,
          periodo,
          corte: 1,
          calificacion: notas[i],
        })),
      });
    }
  });

  it('the CSV and the XLSX have the numbers of the GraphQL answer for the same filters', async () => {
    const api = (await ok(Q, { plantelId: units['MEX-P001'], periodo, corte: 1 }, 'escolares.p001')).reporteSiseac;
    expect(api.porModulo.map((l: Data) => [l.evaluados, l.reprobados])).toEqual([
      [3, 1],
      [3, 1],
    ]);
    const query = `plantelId=${encodeURIComponent(units['MEX-P001'])}&periodo=${periodo}&corte=1`;
    const csv = await csvOf(await download(`/exports/reporteSiseac.csv?${query}`, 'escolares.p001'));
    // Columns in the schema's order (schema/schema.graphql): the type's fields.
    expect(csv.header).toEqual(['clave', 'evaluados', 'faltantes', 'nombre', 'promedio', 'reprobados']);
    expect(csv.rows).toEqual(api.porModulo.map(asText));
    const byTeacher = await csvOf(await download(`/exports/reporteSiseac.porDocente.csv?${query}`, 'escolares.p001'));
    expect(byTeacher.rows).toEqual(api.porDocente.map(asText));

    const xlsx = await xlsxOf(await download(`/exports/reporteSiseac.xlsx?${query}`, 'escolares.p001'));
    // No summary sheet: the report has no fields of its own besides its lists.
    expect(Object.keys(xlsx)).toEqual(['porModulo', 'porDocente']);
    expect(xlsx.porModulo.rows).toEqual(api.porModulo);
    expect(xlsx.porDocente.rows).toEqual(api.porDocente);
  });

  it("a state's account reads the plantel's rows; another plantel's reads none, as in GraphQL", async () => {
    const vars = { plantelId: units['MEX-P001'], periodo, corte: 1 };
    const query = `plantelId=${encodeURIComponent(units['MEX-P001'])}&periodo=${periodo}&corte=1`;
    const state = (await ok(Q, vars, 'escolares.mex')).reporteSiseac;
    expect(state.porModulo).toHaveLength(2);
    expect((await csvOf(await download(`/exports/reporteSiseac.csv?${query}`, 'escolares.mex'))).rows).toEqual(state.porModulo.map(asText));
    const other = (await ok(Q, vars, 'escolares.p002')).reporteSiseac;
    expect(other.porModulo).toEqual([]);
    const xlsx = await xlsxOf(await download(`/exports/reporteSiseac.xlsx?${query}`, 'escolares.p002'));
    expect([xlsx.porModulo.rows, xlsx.porDocente.rows]).toEqual([[], []]);
    expect(xlsx.porModulo.header).toEqual(['clave', 'evaluados', 'faltantes', 'nombre', 'promedio', 'reprobados']);
  });

  it('a bad filter is 400 with the message in Spanish; a missing one too; an unknown table 404', async () => {
    const query = `plantelId=${encodeURIComponent(units['MEX-P001'])}&periodo=${periodo}`;
    const bad = await refusal(await download(`/exports/reporteSiseac.csv?${query}&corte=4`, 'escolares.p001', 'es'));
    expect(bad).toEqual({ status: 400, code: 'BAD_USER_INPUT', message: 'corte: Debe ser 1, 2 o 3' });
    const missing = await refusal(await download(`/exports/reporteSiseac.xlsx?${query}`, 'escolares.p001', 'es'));
    expect(missing).toMatchObject({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(missing.message).toMatch(/"corte".*es obligatorio/);
    const unknown = await refusal(await download(`/exports/reporteSiseac.porAlumno.csv?${query}&corte=1`, 'escolares.p001', 'es'));
    expect(unknown.status).toBe(404);
    expect(unknown.message).toMatch(/^No existe esa exportación: .*reporteSiseac\.porDocente/);
  });
});

describe('informeConocer: a summary sheet, the series point by point, the indicators and checks', () => {
  const Q = `query($anioDesde: Int, $anioHasta: Int) { informeConocer(anioDesde: $anioDesde, anioHasta: $anioHasta) {
    anioDesde anioHasta
    series { concepto naturaleza periodo puntos { periodo valor estimado meta cifra { fuenteLinea } } }
    indicadores { indicador anio numerador denominador valorCalculado valorReportado diferencia coincide }
    conciliaciones { regla concepto etiquetaPeriodo totalReportado sumaCalculada diferencia cuadra } } }`;

  it('the XLSX has the numbers of the GraphQL answer, sheet by sheet; the CSV is the series', async () => {
    const api = (await ok(Q, { anioDesde: 2020, anioHasta: 2023 }, 'dstc')).informeConocer;
    const xlsx = await xlsxOf(await download('/exports/informeConocer.xlsx?anioDesde=2020&anioHasta=2023', 'dstc'));
    expect(Object.keys(xlsx)).toEqual(['resumen', 'series.puntos', 'indicadores', 'conciliaciones']);
    expect(xlsx.resumen.rows).toEqual([{ anioDesde: 2020, anioHasta: 2023 }]);
    // One row per point, after its series' columns.
    const puntos = api.series.flatMap((s: Data) =>
      s.puntos.map((p: Data) => ({
        'series.concepto': s.concepto,
        'series.naturaleza': s.naturaleza,
        'series.periodo': s.periodo,
        'cifra.fuenteLinea': p.cifra.fuenteLinea,
        estimado: p.estimado,
        meta: p.meta,
        periodo: p.periodo,
        valor: p.valor,
      })),
    );
    expect(puntos.length).toBeGreaterThan(20);
    expect(xlsx['series.puntos'].header.slice(0, 4)).toEqual([
      'series.concepto',
      'series.naturaleza',
      'series.periodo',
      'cifra.fuenteLinea',
    ]);
    expect(xlsx['series.puntos'].rows).toEqual(puntos);
    expect(xlsx.indicadores.rows.length).toBe(api.indicadores.length);
    for (const [i, r] of api.indicadores.entries()) expect(xlsx.indicadores.rows[i]).toMatchObject(r);
    expect(xlsx.conciliaciones.rows.length).toBe(api.conciliaciones.length);
    for (const [i, r] of api.conciliaciones.entries()) expect(xlsx.conciliaciones.rows[i]).toMatchObject(r);

    const csv = await csvOf(await download('/exports/informeConocer.csv?anioDesde=2020&anioHasta=2023', 'dstc'));
    expect(csv.rows).toEqual(puntos.map(asText));
    const indicadores = await csvOf(await download('/exports/informeConocer.indicadores.csv?anioDesde=2020&anioHasta=2023', 'dstc'));
    for (const [i, r] of api.indicadores.entries()) expect(indicadores.rows[i]).toMatchObject(asText(r));
    const resumen = await csvOf(await download('/exports/informeConocer.resumen.csv?anioDesde=2020', 'dstc'));
    expect(resumen.rows).toEqual([{ anioDesde: '2020', anioHasta: '2024' }]);
  });

  it("is refused as GraphQL refuses it: a state's account 403, a reversed period 400 in Spanish", async () => {
    expect(await refusal(await download('/exports/informeConocer.xlsx', 'dg.mex'))).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    const bad = await refusal(await download('/exports/informeConocer.csv?anioDesde=2024&anioHasta=2020', 'dstc', 'es'));
    expect(bad).toEqual({ status: 400, code: 'BAD_USER_INPUT', message: 'anioHasta: No debe ser anterior a anioDesde' });
    expect((await download('/exports/informeConocer.csv?anioDesde=dos', 'dstc')).status).toBe(400);
  });
});

describe('ingresosCapacitacion: the year before every row, a summary with what is pending', () => {
  const Q = `query($anio: Int!, $dentroDe: ID) { ingresosCapacitacion(anio: $anio, dentroDe: $dentroDe) {
    anio pendienteDistribuir pendientePago
    porMes { cotizado distribuido facturado mes pagado } porUnidad { distribuido notificado unitCode unitId unitName } } }`;
  const anio = 2093;

  beforeAll(async () => {
    await make.coordinacionCapacitacion(server.db, {
      estado: 'DERRAMA_NOTIFICADA',
      cuota: '85000.50',
      derrama: ['60000.25', '25000.25'],
      at: new Date(`${anio}-03-15T18:00:00Z`),
    });
    await make.coordinacionCapacitacion(server.db, { estado: 'FACTURADA', cuota: '1234.56', at: new Date(`${anio}-05-10T18:00:00Z`) });
    await make.coordinacionCapacitacion(server.db, { estado: 'PAGADA', cuota: '100.10', at: new Date(`${anio}-05-20T18:00:00Z`) });
  });

  it('the CSV and the XLSX have the numbers of the GraphQL answer for the same filters', async () => {
    const api = (await ok(Q, { anio }, 'csc')).ingresosCapacitacion;
    expect(api.porUnidad.map((u: Data) => u.unitCode)).toEqual(['CE-MEX', 'RCEO']);
    const csv = await csvOf(await download(`/exports/ingresosCapacitacion.csv?anio=${anio}`, 'csc'));
    expect(csv.header).toEqual(['anio', 'cotizado', 'distribuido', 'facturado', 'mes', 'pagado']);
    expect(csv.rows).toEqual(api.porMes.map((m: Data) => asText({ anio, ...m })));
    expect(csv.rows.find((r) => r.mes === '3')).toMatchObject({ cotizado: '85000.50', pagado: '85000.50', distribuido: '85000.50' });

    const xlsx = await xlsxOf(await download(`/exports/ingresosCapacitacion.xlsx?anio=${anio}`, 'csc'));
    expect(Object.keys(xlsx)).toEqual(['resumen', 'porMes', 'porUnidad']);
    expect(xlsx.resumen.rows).toEqual([{ anio, pendienteDistribuir: api.pendienteDistribuir, pendientePago: api.pendientePago }]);
    expect(xlsx.resumen.rows[0]).toMatchObject({ pendientePago: '1234.56', pendienteDistribuir: '100.10' });
    expect(xlsx.porMes.rows).toEqual(api.porMes.map((m: Data) => ({ anio, ...m })));
    expect(xlsx.porUnidad.rows).toEqual(api.porUnidad.map((u: Data) => ({ anio, ...u })));
  });

  it('within one unit, and for a unit outside, the rows GraphQL answers', async () => {
    const dentroDe = units['CE-MEX'];
    const mex = (await ok(Q, { anio, dentroDe }, 'csc')).ingresosCapacitacion;
    const csv = await csvOf(
      await download(`/exports/ingresosCapacitacion.porUnidad.csv?anio=${anio}&dentroDe=${encodeURIComponent(dentroDe)}`, 'csc'),
    );
    expect(csv.rows.map((r) => r.unitCode)).toEqual(['CE-MEX']);
    expect(csv.rows).toEqual(mex.porUnidad.map((u: Data) => asText({ anio, ...u })));
    // A Colegio Estatal that takes no part: no unit, every month at zero, nothing pending.
    const ver = await xlsxOf(await download(`/exports/ingresosCapacitacion.xlsx?anio=${anio}`, 'dg.ver'));
    expect(ver.porUnidad.rows).toEqual([]);
    expect(ver.porMes.rows.every((m) => m.cotizado === '0.00' && m.pagado === '0.00')).toBe(true);
    expect(ver.resumen.rows).toEqual([{ anio, pendienteDistribuir: '0.00', pendientePago: '0.00' }]);
  });

  it('a bad or missing filter is 400 with the message in Spanish', async () => {
    const bad = await refusal(await download(`/exports/ingresosCapacitacion.csv?anio=${anio}&color=rojo`, 'csc', 'es'));
    expect(bad).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    expect(bad.message).toMatch(/^Filtro desconocido color/);
    const missing = await refusal(await download('/exports/ingresosCapacitacion.xlsx', 'csc', 'es'));
    expect(missing).toMatchObject({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(missing.message).toMatch(/"anio".*es obligatorio/);
    expect((await download(`/exports/ingresosCapacitacion.csv?anio=dos`, 'csc')).status).toBe(400);
  });
});

describe('the other reports of one object', () => {
  it('calidadServicioConocer is one row; reporteLlamadas leads every table with its period and leaves out its base64 workbook', async () => {
    const calidad = await csvOf(await download('/exports/calidadServicioConocer.csv?anio=2026', 'conocer.dvd'));
    expect(calidad.header).toEqual(['anio', 'encuestas', 'porcentaje', 'promedio', 'respuestas']);
    expect(calidad.rows).toHaveLength(1);
    const llamadas = await xlsxOf(await download('/exports/reporteLlamadas.xlsx?periodo=2026-05', 'conocer.canales'));
    expect(Object.keys(llamadas)).toEqual(['resumen', 'porOperador', 'porTipoSolicitud', 'porTema']);
    expect(llamadas.resumen.header).not.toContain('hojaCalculo');
    expect(llamadas.porTema.header).toEqual(['desde', 'hasta', 'periodo', 'clave', 'total']);
  });
});

describe("a record's report: read through node, by the record's id", () => {
  it("a campaign's final report has the GraphQL answer's numbers; a unit that does not reach it gets 404 in Spanish", async () => {
    const campana = await make.campana(server.db, { estado: 'TERMINADA' });
    const api = await ok(
      `query($id: ID!) { node(id: $id) { ... on Campana { reporte { exitosos omitidos pendientes total porResultado { cantidad resultado } } } } }`,
      { id: campana.globalId },
      'conocer.canales',
    );
    const { porResultado, ...totales } = api.node.reporte;
    expect(totales.total).toBe(3);
    const id = encodeURIComponent(campana.globalId);
    const xlsx = await xlsxOf(await download(`/exports/reporteCampana.xlsx?id=${id}`, 'conocer.canales'));
    expect(Object.keys(xlsx)).toEqual(['resumen', 'porResultado']);
    expect(xlsx.resumen.rows).toEqual([totales]);
    expect(xlsx.porResultado.rows).toEqual(porResultado);
    expect((await csvOf(await download(`/exports/reporteCampana.csv?id=${id}`, 'conocer.canales'))).rows).toEqual(porResultado.map(asText));
    const outside = await refusal(await download(`/exports/reporteCampana.csv?id=${id}`, 'dg.mex', 'es'));
    expect(outside).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(outside.message).toMatch(/no existe o está fuera de su alcance/);
    expect((await download('/exports/reporteCampana.csv', 'conocer.canales')).status).toBe(400);
    // Another record's id (a survey's): not a campaign.
    const encuesta = await make.encuesta(server.db);
    expect((await download(`/exports/reporteCampana.csv?id=${encodeURIComponent(encuesta.globalId)}`, 'conocer.canales')).status).toBe(404);
  });
});

describe('docs/bi.md: every example URL of an export answers a file', () => {
  it('runs each as written (ids in place of …), as an account that reads it', async () => {
    const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../docs/bi.md'), 'utf8');
    const urls = [...doc.matchAll(/`(\/exports\/[A-Za-z.]+\.(?:csv|xlsx)(?:\?[^`]*)?)`/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(20);
    const records: Record<string, () => Promise<{ globalId: string }>> = {
      reporteCampana: () => make.campana(server.db, { estado: 'TERMINADA' }),
      resultadosEncuesta: () => make.encuesta(server.db),
      graficasContacto: () => make.analisisContacto(server.db),
      tendenciaPortal: () => make.analisisPortal(server.db),
    };
    const failed: string[] = [];
    for (const url of urls) {
      const name = /^\/exports\/([A-Za-z]+)/.exec(url)![1];
      const record = records[name] ? (await records[name]()).globalId : '';
      const filled = url.replace(/([A-Za-z]+)=…/g, (_m, param: string) => {
        const id = param === 'id' ? record : param === 'dentroDe' ? units['CE-MEX'] : units['MEX-P001'];
        return `${param}=${encodeURIComponent(id)}`;
      });
      let status = 0;
      // CONALEP's and CONOCER's administrators, the contact centre's channels, the CSC, a promotion coordinator (F01 destruction).
      for (const as of ['admin', 'admin.conocer', 'conocer.canales', 'csc', 'promocion.mex']) {
        const res = await download(filled, as);
        status = res.status;
        await res.arrayBuffer();
        if (status === 200) break;
      }
      if (status !== 200) failed.push(`${filled}: ${status}`);
    }
    expect(failed).toEqual([]);
  });
});
