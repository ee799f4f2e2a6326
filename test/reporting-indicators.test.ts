/* eslint-disable @typescript-eslint/no-unsafe-assignment -- inline operations read untyped JSON answers */
// Every indicator of the reporting schema equals GraphQL's (issue #16,
// docs/decisions/020): for each indicator the view `reporting.indicadores`
// holds, each unit and period, its numerator, denominator and value are the
// ones the GraphQL indicator query answers at nivel PLANTEL for the same unit
// and period, and every unit GraphQL answers is in the view. The indicators
// are taken from the view itself and from the code's list (IndicadorMeta):
// one with no GraphQL counterpart below fails the test.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { inject, afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndicadorMeta } from '../src/generated/prisma/enums.js';
import { make } from './factories.js';
import { demoTokens, gql, startServer, type TestServer } from './helpers.js';

let server: TestServer;
let tokens: Record<string, string>;

beforeAll(async () => {
  server = await startServer();
  tokens = await demoTokens(server);
});
afterAll(() => server.stop());

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface VistaRow {
  indicador: string;
  unidad_id: string;
  unidad_codigo: string;
  anio: number;
  trimestre: number | null;
  numerador: number;
  denominador: number;
  valor: number | null;
}

/** A figure as both sides give it. */
interface Figura {
  numerador: number;
  denominador: number;
  valor: number | null;
}

/** How GraphQL answers one indicator family for a period: its query, and each plantel's figure by unit id. */
interface Familia {
  query: (row: VistaRow, argumento: string | undefined) => { query: string; variables: Record<string, unknown> };
  field: string;
  figura: (r: Data) => Figura;
}

const FAMILIAS: Record<string, Familia> = {
  EFICIENCIA_PROMOCION: {
    query: (row) => ({
      query: `query($anio: Int!, $trimestre: Int) { eficienciaPromocion(anio: $anio, trimestre: $trimestre, nivel: PLANTEL) { unitId realizadas programadas eficiencia } }`,
      variables: { anio: row.anio, trimestre: row.trimestre },
    }),
    field: 'eficienciaPromocion',
    figura: (r) => ({ numerador: r.realizadas, denominador: r.programadas, valor: r.eficiencia }),
  },
  EFICIENCIA_TERMINAL: {
    query: (row) => ({
      query: `query($generacion: Int!) { eficienciaTerminal(generacion: $generacion, nivel: PLANTEL) { unitId egresados inscritos eficiencia } }`,
      variables: { generacion: row.anio },
    }),
    field: 'eficienciaTerminal',
    figura: (r) => ({ numerador: r.egresados, denominador: r.inscritos, valor: r.eficiencia }),
  },
  AVANCE_METAS: {
    query: (row, indicador) => ({
      query: `query($anio: Int!, $indicador: IndicadorMeta!, $t: Int!) {
        avanceMetas(anio: $anio, nivel: PLANTEL, indicador: $indicador, trimestreDesde: $t, trimestreHasta: $t) { unitId resultado metaVigente avance } }`,
      variables: { anio: row.anio, indicador, t: row.trimestre },
    }),
    field: 'avanceMetas',
    figura: (r) => ({ numerador: r.resultado, denominador: r.metaVigente, valor: r.avance }),
  },
};

/** The indicators the view must hold, from the code's lists. */
const ESPERADOS = ['EFICIENCIA_PROMOCION', 'EFICIENCIA_TERMINAL', ...Object.values(IndicadorMeta).map((i) => `AVANCE_METAS:${i}`)];

const cero = (f: Figura) => f.numerador === 0 && f.denominador === 0;

describe('reporting.indicadores equals the GraphQL indicators, unit by unit and period by period', () => {
  it('every indicator of the view, every unit and period, as a national analyst and as the DSTC', async () => {
    // Data for every indicator: a validated promotion plan with executions, graduates of a generation, goals and
    // validated results of both service lines, and a result at a unit of the programme without a goal of its own.
    const plan = await make.planAnualCentro(server.db, { estado: 'VALIDADO', actividades: 3 });
    await make.actividadRealizada(server.db, { plan });
    await make.alumno(server.db, { unit: 'MEX-P002', estatus: 'EGRESADO', generacion: 2021 });
    for (const linea of ['SERVICIOS_TECNOLOGICOS', 'CAPACITACION'] as const) {
      const programa = await make.programaMetas(server.db, { estado: 'APROBADO', linea });
      await make.registroResultados(server.db, { estado: 'VALIDADO', programa, trimestre: 1 });
    }
    const capacitacion = await make.programaMetas(server.db, { estado: 'APROBADO', linea: 'CAPACITACION', unit: 'CE-VER' });
    await make.registroResultados(server.db, {
      estado: 'VALIDADO',
      programa: capacitacion,
      trimestre: 2,
      resultados: [{ unit: 'VER-P001', indicador: 'PERSONAS_CAPACITADAS', mes: 4, valor: 7 }],
    });

    const url = new URL(inject('databaseUrl'));
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    const role = `bi_ind_${randomBytes(3).toString('hex')}`;
    let vista: VistaRow[];
    try {
      await admin.query(`CREATE ROLE ${role} LOGIN IN ROLE reporting_nacional`);
      url.username = role;
      const bi = new pg.Client({ connectionString: url.toString() });
      await bi.connect();
      try {
        vista = (
          await bi.query<VistaRow>(
            `SELECT indicador, unidad_id, unidad_codigo, anio, trimestre, numerador, denominador, valor FROM reporting.indicadores
             ORDER BY indicador, anio, trimestre, unidad_codigo`,
          )
        ).rows;
      } finally {
        await bi.end();
      }
    } finally {
      await admin.query(`DROP OWNED BY ${role}`).catch(() => {});
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
    }

    // The indicators: those of the view and those of the code, each with its GraphQL counterpart.
    const indicadores = [...new Set(vista.map((r) => r.indicador))].sort();
    expect(indicadores).toEqual([...ESPERADOS].sort());
    for (const i of indicadores) expect(FAMILIAS[i.split(':')[0]], `${i} has no GraphQL counterpart in FAMILIAS`).toBeDefined();

    // One GraphQL call per indicator and period; both sides compared unit by unit.
    const periodos = new Map<string, VistaRow[]>();
    for (const r of vista) {
      const k = `${r.indicador}|${r.anio}|${r.trimestre ?? ''}`;
      periodos.set(k, [...(periodos.get(k) ?? []), r]);
    }
    const diferencias: string[] = [];
    let comparadas = 0;
    for (const [k, filas] of periodos) {
      const [familia, argumento] = filas[0].indicador.split(':');
      const f = FAMILIAS[familia];
      const { query, variables } = f.query(filas[0], argumento);
      const r = await gql<Data, Record<string, unknown>>(server, query, variables, tokens.dstc);
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      const api = new Map<string, Figura>(
        (r.data![f.field] as Data[]).map((row) => [decodeGlobalID(row.unitId as string).id, f.figura(row)]),
      );
      const enVista = new Map(filas.map((row) => [row.unidad_id, row]));
      for (const row of filas) {
        const v: Figura = { numerador: row.numerador, denominador: row.denominador, valor: row.valor };
        const g = api.get(row.unidad_id) ?? (cero(v) ? v : undefined);
        comparadas++;
        if (!g || g.numerador !== v.numerador || g.denominador !== v.denominador || g.valor !== v.valor)
          diferencias.push(`${k} ${row.unidad_codigo}: view ${JSON.stringify(v)}, GraphQL ${JSON.stringify(g ?? null)}`);
      }
      for (const [unidad, g] of api)
        if (!enVista.has(unidad) && !cero(g)) diferencias.push(`${k} ${unidad}: GraphQL ${JSON.stringify(g)}, not in the view`);
    }
    expect(diferencias).toEqual([]);
    expect(comparadas).toBeGreaterThan(ESPERADOS.length);
  });
});
