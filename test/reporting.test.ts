/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- inline operations read untyped JSON answers */
// Reports for BI tools and partners (issue #16): CONOCER's figures from the
// API with the report's own values beside the computed ones; exports as CSV
// and XLSX with the token's scope and the GraphQL filters; the reporting
// schema read by a state's BI role connected as that role; the reporting
// connection setting; and the SQL examples of docs/bi.md, run as written.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import ExcelJS from 'exceljs';
import { inject, afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../src/lib/db/migrate.js';
import { parseCsv } from '../src/lib/csv.js';
import { CIFRAS, INDICADORES } from '../src/modules/conocer/informe-2018-2024.js';
import { createDatabase } from './global-setup.js';
import { make } from './factories.js';
import { codeOf, demoTokens, gql, startServer, unitIdsByCode, type GqlResponse, type TestServer } from './helpers.js';

let server: TestServer;
let tokens: Record<string, string>;

beforeAll(async () => {
  server = await startServer();
  tokens = await demoTokens(server);
});
afterAll(() => server.stop());

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const call = (query: string, variables: Record<string, unknown>, as: string): Promise<GqlResponse<Data>> =>
  gql<Data, Record<string, unknown>>(server, query, variables, tokens[as]);
const ok = async (query: string, variables: Record<string, unknown>, as: string): Promise<Data> => {
  const r = await call(query, variables, as);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
};
const uuidOf = async (code: string) => (await server.db.orgUnit.findUniqueOrThrow({ where: { code } })).id;
const download = (p: string, as?: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${p}`, {
    headers: { 'accept-language': 'en', ...(as ? { authorization: `Bearer ${tokens[as]}` } : {}), ...headers },
  });

const INDICADORES_Q = `query($indicador: [IndicadorConocer!], $anioDesde: Int) {
  indicadoresConocer(indicador: $indicador, anioDesde: $anioDesde) {
    indicador anio numerador denominador valorCalculado valorReportado diferencia coincide metaImplicita fuenteLinea fuenteTexto } }`;

describe("CONOCER's national figures (seed 002)", () => {
  it('every figure and stated value names the line of the report it is on', () => {
    const seed = path.resolve(import.meta.dirname, '../../shared/seeds/002_dcb69388295c00cf.txt');
    const alt = '/work/shared/seeds/002_dcb69388295c00cf.txt';
    const file = fs.existsSync(seed) ? seed : alt;
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const wrong = [...CIFRAS, ...INDICADORES].filter((c) => !lines[c.linea - 1]?.includes(c.texto)).map((c) => `${c.linea}: ${c.texto}`);
    expect(wrong).toEqual([]);
  });

  it("answers the report's growth rates beside the computed ones, with the difference where they disagree", async () => {
    const d = await ok(INDICADORES_Q, { indicador: ['TASA_CRECIMIENTO_CERTIFICADOS', 'CRECIMIENTO_EC_RENEC'] }, 'conocer.dvd');
    const by = (i: string, anio: number) => d.indicadoresConocer.find((r: Data) => r.indicador === i && r.anio === anio);
    // 2021-2023: the report's rate is the yearly growth of certificates issued, to the decimal.
    expect(by('TASA_CRECIMIENTO_CERTIFICADOS', 2021)).toMatchObject({
      numerador: 59477,
      denominador: 141463,
      valorCalculado: 42,
      valorReportado: 42,
      coincide: true,
    });
    expect(by('TASA_CRECIMIENTO_CERTIFICADOS', 2023)).toMatchObject({
      valorCalculado: 7.4,
      valorReportado: 7.4,
      diferencia: 0,
      fuenteLinea: 1067,
    });
    // 2019: the certificates fell (255,472 after 613,259), the report states +36.0%: flagged, not forced.
    expect(by('TASA_CRECIMIENTO_CERTIFICADOS', 2019)).toMatchObject({
      valorCalculado: -58.3,
      valorReportado: 36,
      diferencia: 94.3,
      coincide: false,
    });
    // A stock: the RENEC grew from 1,213 to 1,774 standards, 46.2%; the report rounds to 46.0%.
    expect(by('CRECIMIENTO_EC_RENEC', 2024)).toMatchObject({
      numerador: 561,
      denominador: 1213,
      valorCalculado: 46.2,
      valorReportado: 46,
      diferencia: -0.2,
    });
  });

  it('shows goal attainment against a stated goal, and the goal a stated percentage implies when none is written', async () => {
    const d = await ok(INDICADORES_Q, { indicador: ['PCT_CGC_INSTALADOS', 'PCT_PS_ACREDITADOS'] }, 'spdi');
    const by = (i: string, anio: number) => d.indicadoresConocer.find((r: Data) => r.indicador === i && r.anio === anio);
    expect(by('PCT_CGC_INSTALADOS', 2022)).toMatchObject({ numerador: 30, denominador: 30, valorCalculado: 100, coincide: true });
    // 73, 45, 53, 48 and 68 ECE/OC accredited at 182.5%, 112.5%, 132.5%, 120% and 170%: a goal of 40 every year.
    expect([2019, 2020, 2021, 2022, 2023].map((y) => by('PCT_PS_ACREDITADOS', y).metaImplicita)).toEqual([40, 40, 40, 40, 40]);
    expect(by('PCT_PS_ACREDITADOS', 2019).valorCalculado).toBeNull();
  });

  it('flags the places where the report does not add up, and passes those that do', async () => {
    const d = await ok(
      `{ conciliacionesConocer { regla concepto etiquetaPeriodo desglose totalReportado sumaCalculada diferencia cuadra fuenteLinea } }`,
      {},
      'conocer.dvd',
    );
    const find = (regla: string, concepto: string) =>
      d.conciliacionesConocer.find((c: Data) => c.regla === regla && c.concepto === concepto);
    expect(find('SUMA_DE_ANIOS_CONTRA_PERIODO', 'CERTIFICADOS_EMITIDOS')).toMatchObject({
      totalReportado: 1122788,
      sumaCalculada: 1122750,
      diferencia: 38,
      cuadra: false,
    });
    expect(find('SUMA_DE_ANIOS_CONTRA_PERIODO', 'CGC_INSTALADOS_RENOVADOS')).toMatchObject({
      totalReportado: 186,
      sumaCalculada: 185,
      diferencia: 1,
      cuadra: false,
    });
    expect(find('SUMA_DE_ANIOS_CONTRA_PERIODO', 'EC_PUBLICADOS')).toMatchObject({ totalReportado: 592, cuadra: true });
    expect(find('PARTES_CONTRA_TOTAL', 'CERTIFICADOS_ACUMULADOS')).toMatchObject({
      desglose: 'REGION',
      totalReportado: 3340209,
      cuadra: true,
    });
    const only = await ok(`{ conciliacionesConocer(soloDescuadres: true) { cuadra } }`, {}, 'conocer.dvd');
    expect(only.conciliacionesConocer.length).toBe(3);
    expect(only.conciliacionesConocer.every((c: Data) => !c.cuadra)).toBe(true);
  });

  it("answers the report's tables: yearly series in period order, estimates marked, chart-ready", async () => {
    const d = await ok(
      `{ informeConocer(anioDesde: 2018, anioHasta: 2024) { series { concepto naturaleza periodo puntos { periodo valor estimado cifra { fuenteLinea } } } } }`,
      {},
      'dstc',
    );
    const anual = d.informeConocer.series.find((s: Data) => s.concepto === 'CERTIFICADOS_EMITIDOS' && s.periodo === 'ANUAL');
    expect(anual.puntos.map((p: Data) => [p.periodo, p.valor])).toEqual([
      ['2018', 613259],
      ['2019', 255472],
      ['2020', 141463],
      ['2021', 200940],
      ['2022', 253058],
      ['2023', 271817],
    ]);
    const trimestres = d.informeConocer.series.find(
      (s: Data) => s.concepto === 'CERTIFICADOS_EMITIDOS' && s.periodo === 'TRIMESTRE_ACUMULADO',
    );
    expect(trimestres.puntos.map((p: Data) => [p.periodo, p.valor, p.estimado])).toEqual([
      ['2024-T1', 51541, false],
      ['2024-T2', 107547, false],
      ['2024-T3', 117000, true],
    ]);
    const renec = d.informeConocer.series.find((s: Data) => s.concepto === 'EC_INSCRITOS_RENEC');
    expect(renec.naturaleza).toBe('STOCK');
    expect(renec.puntos.map((p: Data) => p.periodo)).toEqual(['2018-12-31', '2024-07-31', '2024-08-31', '2024-09-30']);
  });

  it('is read by CONOCER, the national offices and SPDI-DPP; a state office is refused', async () => {
    expect(codeOf(await call(`{ cifrasConocer { valor } }`, {}, 'dg.mex'))).toBe('FORBIDDEN');
    expect(codeOf(await call(`{ cifrasConocer { valor } }`, {}, 'conocer.operador'))).toBe('FORBIDDEN');
    expect((await ok(`{ cifrasConocer(desgloses: false) { valor } }`, {}, 'spdi')).cifrasConocer.length).toBeGreaterThan(50);
    const bad = await call(`{ cifrasConocer(anioDesde: 2024, anioHasta: 2020) { valor } }`, {}, 'dstc');
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
  });
});

describe('exports (CSV and XLSX, same token, scope and filters as GraphQL)', () => {
  it('an XLSX of a report opens with the same numbers as the API', async () => {
    const api = await ok(INDICADORES_Q, { indicador: ['TASA_CRECIMIENTO_CERTIFICADOS'], anioDesde: 2020 }, 'conocer.dvd');
    const res = await download('/exports/indicadoresConocer.xlsx?indicador=TASA_CRECIMIENTO_CERTIFICADOS&anioDesde=2020', 'conocer.dvd');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const rows = [];
    for (let i = 2; i <= sheet.rowCount; i++) {
      const values = (sheet.getRow(i).values as unknown[]).slice(1);
      rows.push(Object.fromEntries(header.map((h, j) => [h, values[j] ?? null])));
    }
    expect(rows.length).toBe(api.indicadoresConocer.length);
    for (const [i, r] of api.indicadoresConocer.entries()) {
      expect(rows[i]).toMatchObject({
        anio: r.anio,
        valorCalculado: r.valorCalculado,
        valorReportado: r.valorReportado,
        diferencia: r.diferencia,
      });
    }
  });

  it("a CSV of an indicator takes the GraphQL arguments as its filters and answers for the viewer's scope", async () => {
    const q = `query($anio: Int!) { avanceMetas(anio: $anio, nivel: COLEGIO_ESTATAL) { unitCode indicador metaVigente resultado avance } }`;
    const api = await ok(q, { anio: 2026 }, 'dg.mex');
    const res = await download('/exports/avanceMetas.csv?anio=2026&nivel=COLEGIO_ESTATAL', 'dg.mex');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="avanceMetas.csv"');
    const csv = parseCsv(await res.text());
    expect(csv.header).toEqual(expect.arrayContaining(['unitCode', 'indicador', 'metaVigente', 'resultado', 'avance']));
    expect(csv.rows.map((r) => r.values.unitCode)).toEqual(api.avanceMetas.map((r: Data) => r.unitCode ?? ''));
    expect(csv.rows.every((r) => r.values.unitCode === 'CE-MEX')).toBe(true);
  });

  it('refuses as GraphQL does: no token 401, wrong role 403, bad filter 400, unknown export 404', async () => {
    expect((await download('/exports/cifrasConocer.csv')).status).toBe(401);
    const forbidden = await download('/exports/cifrasConocer.csv', 'dg.mex');
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as Data).errors[0].extensions.code).toBe('FORBIDDEN');
    const unknown = await download('/exports/cifrasConocer.csv?color=rojo', 'dstc');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as Data).errors[0].message).toMatch(/^Unknown filter color/);
    expect((await download('/exports/cifrasConocer.csv?anioDesde=dos', 'dstc')).status).toBe(400);
    expect((await download('/exports/nada.csv', 'dstc')).status).toBe(404);
    const es = await download('/exports/alumnos.csv?generacion=x', 'dstc', { 'accept-language': 'es' });
    expect(((await es.json()) as Data).errors[0].message).toBe('El filtro generacion admite enteros');
  });

  it('the promotion lists and the missing evaluation records are exports too; a missing required filter is 400', async () => {
    const obligaciones = await download('/exports/obligacionesPromocion.csv?anio=2026', 'dstc');
    expect(obligaciones.status).toBe(200);
    const csv = parseCsv(await obligaciones.text());
    expect(csv.header[0]).toBe('clave');
    expect((await download('/exports/pendientesPromocion.xlsx?anio=2026', 'dstc')).status).toBe(200);
    // The same filters and refusals as the query: a required argument missing is refused (400).
    expect((await download('/exports/registrosFaltantes.csv', 'dg.mex')).status).toBe(400);
  });

  it("table exports stream the records in the viewer's units, without personal data", async () => {
    await make.alumno(server.db, { unit: 'VER-P001' });
    await make.certificado(server.db, { unit: 'MEX-P001' });
    await make.certificado(server.db, { unit: 'VER-P001' });
    const mex = parseCsv(await (await download('/exports/alumnos.csv', 'dg.mex')).text());
    const all = parseCsv(await (await download('/exports/alumnos.csv', 'dstc')).text());
    expect(mex.rows.length).toBeGreaterThan(0);
    expect(all.rows.length).toBeGreaterThan(mex.rows.length);
    expect(new Set(mex.rows.map((r) => r.values.colegio_estatal_id))).toEqual(new Set([await uuidOf('CE-MEX')]));
    expect(mex.header).not.toContain('curp');
    const text = await (await download('/exports/alumnos.xlsx?generacion=2022', 'dstc')).text();
    expect(text).not.toMatch(/[A-Z]{4}\d{6}[HM][A-Z]{5}[0-9A-Z]\d/);
    const registros = parseCsv(await (await download('/exports/registros.csv?tipo=Certificado,Baja', 'dg.mex')).text());
    expect(registros.rows.length).toBeGreaterThan(0);
    expect(registros.rows.every((r) => ['Certificado', 'Baja'].includes(r.values.tipo))).toBe(true);
    expect(new Set(registros.rows.map((r) => r.values.colegio_estatal_id))).toEqual(new Set([await uuidOf('CE-MEX')]));
  });
});

describe('exports with API keys (partner systems, #10)', () => {
  const createKey = async (unit: string, role: string, as: string) => {
    const units = await unitIdsByCode(server, tokens.admin);
    const r = await call(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } } }`,
      { input: { unitId: units[unit], nombre: `Exportaciones ${role}`, role } },
      as,
    );
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!.createApiKey as { key: string; apiKey: { id: string } };
  };
  const get = (p: string, key: string) =>
    fetch(`${server.url}${p}`, { headers: { authorization: `Bearer ${key}`, 'accept-language': 'en' } });

  it("CONALEP's platform administrator issues SPDI-DPP's key (the partner hangs under the CSC that deals with it); CONOCER's cannot", async () => {
    const units = await unitIdsByCode(server, tokens.admin);
    const refused = await call(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`,
      { input: { unitId: units['SPDI-DPP'], nombre: 'MIR', role: 'SPDI_DPP' } },
      'admin.conocer',
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { key } = await createKey('SPDI-DPP', 'SPDI_DPP', 'admin');
    const res = await get('/exports/reporteMir.csv', key);
    expect(res.status).toBe(200);
    expect(parseCsv(await res.text()).header).toContain('indicador');
    // The key reaches only its organisation, though it hangs under the CSC: no unit of CONALEP's.
    expect(parseCsv(await (await get('/exports/alumnos.csv', key)).text()).rows).toEqual([]);
  });

  it("CONOCER's BI system downloads its report with its key", async () => {
    const { key } = await createKey('CONOCER', 'LECTOR', 'admin.conocer');
    const res = await get('/exports/indicadoresConocer.csv?indicador=TASA_CRECIMIENTO_PERSONAS', key);
    expect(res.status).toBe(200);
    const csv = parseCsv(await res.text());
    expect(csv.rows.find((r) => r.values.anio === '2021')?.values).toMatchObject({
      valorCalculado: '31.7',
      valorReportado: '31.7',
      coincide: 'true',
    });
    // The key reaches no unit of CONALEP: a table export is empty, not an error.
    expect(parseCsv(await (await get('/exports/alumnos.csv', key)).text()).rows).toEqual([]);
  });

  it("a state's BI key (LECTOR) exports that state's rows only, and once revoked gets 401", async () => {
    await make.alumno(server.db, { unit: 'VER-P002' });
    const { key, apiKey } = await createKey('CE-MEX', 'LECTOR', 'admin.mex');
    const csv = parseCsv(await (await get('/exports/alumnos.csv', key)).text());
    expect(csv.rows.length).toBeGreaterThan(0);
    expect(new Set(csv.rows.map((r) => r.values.colegio_estatal_id))).toEqual(new Set([await uuidOf('CE-MEX')]));
    const xlsx = await get('/exports/avanceMetas.xlsx?anio=2026&nivel=NACIONAL', key);
    expect(xlsx.status).toBe(200);
    const closed = await call(
      `mutation($input: ApiKeyStepInput!) { closeApiKey(input: $input) { id } }`,
      { input: { id: apiKey.id } },
      'admin.mex',
    );
    expect(closed.errors, JSON.stringify(closed.errors)).toBeUndefined();
    expect((await get('/exports/alumnos.csv', key)).status).toBe(401);
  });
});

describe('the reporting schema, read by BI roles connected as themselves', () => {
  const url = () => new URL(inject('databaseUrl'));
  const as = async (role: string) => {
    const u = url();
    u.username = role;
    const c = new pg.Client({ connectionString: u.toString() });
    await c.connect();
    return c;
  };

  it("a state's analyst reads only that state, no CURP, and nothing outside the schema", async () => {
    const admin = new pg.Client({ connectionString: url().toString() });
    await admin.connect();
    const role = `bi_mex_${randomBytes(3).toString('hex')}`;
    try {
      const { rows: cemex } = await admin.query(`SELECT path FROM "OrgUnit" WHERE code = 'CE-MEX'`);
      // The grant docs/bi.md gives for a state's analyst.
      await admin.query(`CREATE ROLE ${role} LOGIN IN ROLE reporting_reader`);
      await admin.query(`INSERT INTO reporting.acceso (rol, unit_path, nota) VALUES ($1, $2, 'test')`, [role, cemex[0].path]);
      const bi = await as(role);
      try {
        const students = await bi.query('SELECT * FROM reporting.alumnos');
        const { rows: expected } = await admin.query(
          `SELECT count(*)::int AS n FROM "Alumno" a JOIN "OrgUnit" u ON u.id = a."unitId" WHERE u.path LIKE $1 || '%'`,
          [cemex[0].path],
        );
        expect(students.rows.length).toBe(expected[0].n);
        expect(new Set(students.rows.map((r) => r.colegio_estatal_id))).toEqual(new Set([await uuidOf('CE-MEX')]));
        expect(students.fields.map((f) => f.name)).not.toEqual(expect.arrayContaining(['curp']));
        expect(JSON.stringify(students.rows)).not.toMatch(/[A-Z]{4}\d{6}[HM]/);
        const units = await bi.query('SELECT DISTINCT colegio_estatal_id FROM reporting.unidades');
        expect(units.rows.map((r) => r.colegio_estatal_id)).toEqual([await uuidOf('CE-MEX')]);
        // CONOCER's national figures are public: every analyst reads them.
        expect((await bi.query('SELECT count(*)::int AS n FROM reporting.conocer_cifras')).rows[0].n).toBe(CIFRAS.length);
        await expect(bi.query('SELECT curp FROM "Alumno"')).rejects.toMatchObject({ code: '42501' });
        await expect(bi.query('SELECT * FROM reporting.acceso')).rejects.toMatchObject({ code: '42501' });
        await expect(bi.query(`INSERT INTO reporting.acceso VALUES ('x', '/')`)).rejects.toMatchObject({ code: '42501' });
      } finally {
        await bi.end();
      }
    } finally {
      await admin.query('DELETE FROM reporting.acceso WHERE rol = $1', [role]);
      await admin.query(`DROP OWNED BY ${role}`).catch(() => {});
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
    }
  });

  it('docs/bi.md: its example SQL runs as written, as a national analyst', async () => {
    const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../docs/bi.md'), 'utf8');
    const examples = [...doc.matchAll(/```sql example\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(examples.length).toBeGreaterThanOrEqual(4);
    const admin = new pg.Client({ connectionString: url().toString() });
    await admin.connect();
    const role = `bi_nal_${randomBytes(3).toString('hex')}`;
    try {
      await make.certificado(server.db, { unit: 'MEX-P002' });
      await admin.query(`CREATE ROLE ${role} LOGIN IN ROLE reporting_nacional`);
      const bi = await as(role);
      try {
        for (const sql of examples) {
          const r = await bi.query(sql);
          expect(r.rows.length, sql).toBeGreaterThan(0);
        }
      } finally {
        await bi.end();
      }
    } finally {
      await admin.query(`DROP OWNED BY ${role}`).catch(() => {});
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
    }
  });

  it('reports read the reporting connection (REPORTING_DATABASE_URL) when it is set', async () => {
    const replica = await createDatabase('api_test_replica');
    try {
      await applyMigrations(replica.url);
      const other = await startServer({ REPORTING_DATABASE_URL: replica.url });
      try {
        // Sign-in reads the main database; the figures come from the reporting one, where nothing was imported.
        const otherTokens = await demoTokens(other);
        const viaMain = await ok(`{ cifrasConocer { valor } }`, {}, 'conocer.dvd');
        expect(viaMain.cifrasConocer.length).toBe(CIFRAS.length);
        const viaReplica = await gql<Data, Record<string, unknown>>(other, `{ cifrasConocer { valor } }`, {}, otherTokens['conocer.dvd']);
        expect(viaReplica.errors).toBeUndefined();
        expect(viaReplica.data!.cifrasConocer).toEqual([]);
        const csv = await fetch(`${other.url}/exports/cifrasConocer.csv`, {
          headers: { authorization: `Bearer ${otherTokens['conocer.dvd']}` },
        });
        expect(parseCsv(await csv.text()).rows).toEqual([]);
      } finally {
        await other.stop();
      }
    } finally {
      await replica.drop();
    }
  });
});
