// Benchmark: progress of the training goals (avanceMetas) over all units and
// four quarters: 34 state offices, each with 10 planteles and a CAST, an
// approved goal programme per state (4 indicators × 4 quarters × 11 units) and
// a validated results record per quarter (4 indicators × 3 months × 11 units).
// Prints p50/p95 latency and SQL statements per request for each level,
// through the real HTTP endpoint, and checks the national figures against a
// sum made in JavaScript from the generated data.
//
//   npm run bench:metas            (needs PostgreSQL: BENCH_DATABASE_ADMIN_URL,
//                                   default postgresql://postgres@127.0.0.1:5432/postgres)
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/lib/db/client.js';
import { hashPassword } from '../../src/lib/auth/passwords.js';
import { INDICADORES } from '../../src/modules/metas/workflow.js';
import { measure, startBenchApi, withBenchDatabase } from './harness.js';

const STATES = 34;
const PLANTELES = 10;
const ANIO = 2025;
const RUNS = Number(process.env.BENCH_RUNS ?? 50);

let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

async function main() {
  await withBenchDatabase('bench_metas', async (_url, db) => {
    const expected = await seedData(db);
    const api = await startBenchApi(db);
    const token = await api.login('csc@bench.test', 'bench-password');
    const query = `query($anio: Int!, $nivel: NivelIndicador!, $desde: Int, $hasta: Int) {
      avanceMetas(anio: $anio, nivel: $nivel, linea: CAPACITACION, trimestreDesde: $desde, trimestreHasta: $hasta) {
        unitCode indicador metaVigente resultado avance } }`;
    console.log(`data: ${STATES} states, ${STATES * (PLANTELES + 1)} planteles/CAST, ${expected.goals} goals, ${expected.results} results`);
    console.log('level            quarters  rows   p50 ms   p95 ms   SQL/request');
    let ok = true;
    for (const nivel of ['PLANTEL', 'COLEGIO_ESTATAL', 'NACIONAL'] as const) {
      for (const [desde, hasta] of [
        [1, 1],
        [1, 4],
      ] as const) {
        const m = await measure(RUNS, async () => {
          const r = await api.call(query, { anio: ANIO, nivel, desde, hasta }, token);
          if (r.errors) throw new Error(JSON.stringify(r.errors));
          return r.data.avanceMetas as { metaVigente: number; resultado: number }[];
        });
        const rows = m.last;
        console.log(
          `${nivel.padEnd(16)} ${`${desde}-${hasta}`.padEnd(9)} ${String(rows.length).padStart(5)} ${m.p50.toFixed(1).padStart(8)} ${m.p95.toFixed(1).padStart(8)} ${m.statementsPerRequest.toFixed(1).padStart(13)}`,
        );
        const got = rows.reduce((s, r) => ({ meta: s.meta + r.metaVigente, resultado: s.resultado + r.resultado }), {
          meta: 0,
          resultado: 0,
        });
        const want = expected.sum(desde, hasta);
        if (got.meta !== want.meta || got.resultado !== want.resultado) {
          ok = false;
          console.log(`  MISMATCH: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
        }
      }
    }
    console.log(`every level sums to an independent count: ${ok ? 'yes' : 'NO'}`);
    console.log('(SQL/request includes the one statement that loads the viewer for the bearer token)');
    await api.stop();
    if (!ok) process.exitCode = 1;
  });
}

async function seedData(db: Db) {
  const root = randomUUID();
  const on = randomUUID();
  const dstc = randomUUID();
  const csc = randomUUID();
  await db.orgUnit.createMany({
    data: [
      { id: root, code: 'CONALEP', name: 'Sistema CONALEP', kind: 'SISTEMA', path: `/${root}/` },
      { id: on, code: 'ON', name: 'Oficinas Nacionales', kind: 'OFICINAS_NACIONALES', parentId: root, path: `/${root}/${on}/` },
      { id: dstc, code: 'DSTC', name: 'DSTC', kind: 'DIRECCION_NACIONAL', parentId: on, path: `/${root}/${on}/${dstc}/` },
      { id: csc, code: 'CSC', name: 'CSC', kind: 'COORDINACION_NACIONAL', parentId: dstc, path: `/${root}/${on}/${dstc}/${csc}/` },
    ],
  });
  const person = await db.person.create({
    data: {
      email: 'csc@bench.test',
      fullName: 'CSC',
      passwordHash: await hashPassword('bench-password'),
      roles: { create: { role: 'CSC', unitId: csc } },
    },
  });
  const byQuarter = [0, 0, 0, 0, 0].map(() => ({ meta: 0, resultado: 0 }));
  let goals = 0;
  let results = 0;
  const indicadores = INDICADORES.CAPACITACION;
  for (let s = 1; s <= STATES; s++) {
    const state = randomUUID();
    const units = [{ id: state, code: `CE-${s}`, kind: 'COLEGIO_ESTATAL' as const, parentId: root, path: `/${root}/${state}/` }];
    for (let p = 0; p <= PLANTELES; p++) {
      const id = randomUUID();
      const kind = p === 0 ? ('CAST' as const) : ('PLANTEL' as const);
      units.push({
        id,
        code: `CE-${s}-${kind === 'CAST' ? 'CAST' : `P${p}`}`,
        kind: kind as never,
        parentId: state,
        path: `/${root}/${state}/${id}/`,
      });
    }
    await db.orgUnit.createMany({ data: units.map((u) => ({ ...u, name: u.code })) });
    const programa = await db.programaMetas.create({
      data: { unitId: state, linea: 'CAPACITACION', anio: ANIO, estado: 'APROBADO', aprobadoAt: new Date(), createdById: person.id },
    });
    const metas = [];
    const registros = [];
    for (const u of units.slice(1)) {
      for (const indicador of indicadores) {
        for (let t = 1; t <= 4; t++) {
          const valor = 50 + Math.floor(random() * 100);
          const aprobado = valor + (random() < 0.1 ? -10 : 0);
          metas.push({
            programaId: programa.id,
            unitId: u.id,
            indicador,
            trimestre: t,
            valor: aprobado,
            valorAprobado: aprobado,
            valorProgramado: valor,
          });
          byQuarter[t].meta += aprobado;
          goals++;
        }
      }
    }
    await db.metaIndicador.createMany({ data: metas });
    for (let t = 1; t <= 4; t++) {
      const registro = await db.registroResultados.create({
        data: {
          programaId: programa.id,
          unitId: state,
          linea: 'CAPACITACION',
          anio: ANIO,
          trimestre: t,
          estado: 'VALIDADO',
          createdById: person.id,
        },
      });
      for (const u of units.slice(1)) {
        for (const indicador of indicadores) {
          for (const mes of [3 * t - 2, 3 * t - 1, 3 * t]) {
            const valor = Math.floor(random() * 40);
            registros.push({ registroId: registro.id, unitId: u.id, indicador, mes, valor });
            byQuarter[t].resultado += valor;
            results++;
          }
        }
      }
    }
    await db.resultadoIndicador.createMany({ data: registros });
  }
  const sum = (desde: number, hasta: number) =>
    byQuarter
      .slice(desde, hasta + 1)
      .reduce((a, q) => ({ meta: a.meta + q.meta, resultado: a.resultado + q.resultado }), { meta: 0, resultado: 0 });
  return { goals, results, sum };
}

void main();
