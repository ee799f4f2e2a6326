// Benchmark: "Eficiencia de acciones de promoción y difusión" over a large
// synthetic state: 39 planteles, each with a validated plan of 48 scheduled
// activities over the year, about 70 % carried out, plus activities outside
// the cronograma. Prints p50/p95 latency and SQL statements per request for
// each level, through the real HTTP endpoint, and checks the figures against
// a count made in JavaScript from the generated data.
//
//   npm run bench:promocion        (needs PostgreSQL: BENCH_DATABASE_ADMIN_URL,
//                                   default postgresql://postgres@127.0.0.1:5432/postgres)
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/lib/db/client.js';
import { hashPassword } from '../../src/lib/auth/passwords.js';
import { measure, startBenchApi, withBenchDatabase } from './harness.js';
const PLANTELES = 39;
const PER_MONTH = 4;
const DONE_RATIO = 0.7;
const ANIO = 2025;
const RUNS = Number(process.env.BENCH_RUNS ?? 50);

// Deterministic pseudo-random numbers, so that every run measures the same data.
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

async function main() {
  await withBenchDatabase('bench_promocion', async (_url, db) => {
    const expected = await seed_(db);
    const api = await startBenchApi(db);
    const token = await api.login('dstc@bench.test', 'bench-password');
    const query = `query($anio: Int!, $trimestre: Int, $semestre: Int, $nivel: NivelIndicador!) {
      eficienciaPromocion(anio: $anio, trimestre: $trimestre, semestre: $semestre, nivel: $nivel) { unitCode programadas realizadas eficiencia } }`;

    console.log(
      `data: ${PLANTELES} planteles, ${expected.programadas} scheduled activities, ${expected.realizadas} of them carried out, ${expected.executions} execution records`,
    );
    console.log('level     period   rows   p50 ms   p95 ms   SQL/request');
    let ok = true;
    for (const nivel of ['PLANTEL', 'COLEGIO_ESTATAL', 'NACIONAL'] as const) {
      for (const [label, vars] of [
        ['T1', { trimestre: 1 }],
        ['S2', { semestre: 2 }],
        ['year', {}],
      ] as const) {
        const m = await measure(RUNS, async () => {
          const r = await api.call(query, { anio: ANIO, nivel, ...vars }, token);
          if (r.errors) throw new Error(JSON.stringify(r.errors));
          return r.data.eficienciaPromocion as { programadas: number; realizadas: number }[];
        });
        const rows = m.last;
        console.log(
          `${nivel.padEnd(9)} ${label.padEnd(8)} ${String(rows.length).padStart(4)} ${m.p50.toFixed(1).padStart(8)} ${m.p95.toFixed(1).padStart(8)} ${m.statementsPerRequest.toFixed(1).padStart(13)}`,
        );
        const months = label === 'T1' ? [1, 3] : label === 'S2' ? [7, 12] : [1, 12];
        const want = expected.byMonths(months[0], months[1]);
        const got = rows.reduce((s, r) => ({ programadas: s.programadas + r.programadas, realizadas: s.realizadas + r.realizadas }), {
          programadas: 0,
          realizadas: 0,
        });
        if (got.programadas !== want.programadas || got.realizadas !== want.realizadas) {
          ok = false;
          console.log(`  MISMATCH: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
        }
      }
    }
    console.log(`figures match an independent count: ${ok ? 'yes' : 'NO'}`);
    console.log('(SQL/request includes the one statement that loads the viewer for the bearer token)');
    await api.stop();
    if (!ok) process.exitCode = 1;
  });
}

async function seed_(db: Db) {
  const root = randomUUID();
  const on = randomUUID();
  const dstc = randomUUID();
  const state = randomUUID();
  await db.orgUnit.createMany({
    data: [
      { id: root, code: 'CONALEP', name: 'Sistema CONALEP', kind: 'SISTEMA', path: `/${root}/` },
      { id: on, code: 'ON', name: 'Oficinas Nacionales', kind: 'OFICINAS_NACIONALES', parentId: root, path: `/${root}/${on}/` },
      { id: dstc, code: 'DSTC', name: 'DSTC', kind: 'DIRECCION_NACIONAL', parentId: on, path: `/${root}/${on}/${dstc}/` },
      {
        id: state,
        code: 'CE-BENCH',
        name: 'Colegio Estatal de prueba',
        kind: 'COLEGIO_ESTATAL',
        parentId: root,
        path: `/${root}/${state}/`,
      },
    ],
  });
  const person = await db.person.create({
    data: {
      email: 'dstc@bench.test',
      fullName: 'DSTC',
      passwordHash: await hashPassword('bench-password'),
      roles: { create: { role: 'DSTC', unitId: dstc } },
    },
  });
  const statePlan = await db.planTrabajoAnual.create({
    data: {
      unitId: state,
      anio: ANIO,
      contexto: '-',
      fortalezas: '-',
      oportunidades: '-',
      debilidades: '-',
      amenazas: '-',
      riesgos: '-',
      prioridades: '-',
      resultadosHistoricos: '-',
      estado: 'TURNADO',
      createdById: person.id,
    },
  });
  const scheduled: { mes: number; done: boolean }[] = [];
  let executions = 0;
  for (let p = 1; p <= PLANTELES; p++) {
    const unitId = randomUUID();
    await db.orgUnit.create({
      data: {
        id: unitId,
        code: `BENCH-P${String(p).padStart(3, '0')}`,
        name: `Plantel ${p}`,
        kind: 'PLANTEL',
        parentId: state,
        path: `/${root}/${state}/${unitId}/`,
      },
    });
    const plan = await db.planAnualCentro.create({ data: { unitId, planEstatalId: statePlan.id, anio: ANIO, estado: 'VALIDADO' } });
    const actividades = [];
    const ejecuciones = [];
    for (let mes = 1; mes <= 12; mes++) {
      for (let k = 0; k < PER_MONTH; k++) {
        const id = randomUUID();
        const done = random() < DONE_RATIO;
        actividades.push({ id, planId: plan.id, mes, tipo: 'DIFUSION_ELECTRONICA' as const, descripcion: '-', audiencia: '-', meta: 100 });
        scheduled.push({ mes, done });
        if (done) {
          const times = 1 + Math.floor(random() * 2);
          for (let e = 0; e < times; e++) {
            ejecuciones.push({
              planId: plan.id,
              programadaId: id,
              tipo: 'DIFUSION_ELECTRONICA' as const,
              fecha: new Date(Date.UTC(ANIO, mes - 1, 10 + e)),
              descripcion: '-',
              alcance: 50,
              canal: 'web',
              enlace: 'https://example.org',
              createdById: person.id,
            });
          }
        }
      }
      if (random() < 0.3) {
        ejecuciones.push({
          planId: plan.id,
          programadaId: null,
          tipo: 'OTRA' as const,
          fecha: new Date(Date.UTC(ANIO, mes - 1, 20)),
          descripcion: '-',
          alcance: 10,
          createdById: person.id,
        });
      }
    }
    await db.actividadProgramada.createMany({ data: actividades });
    await db.actividadRealizada.createMany({ data: ejecuciones });
    executions += ejecuciones.length;
  }
  const byMonths = (from: number, to: number) => {
    const inRange = scheduled.filter((s) => s.mes >= from && s.mes <= to);
    return { programadas: inRange.length, realizadas: inRange.filter((s) => s.done).length };
  };
  return { ...byMonths(1, 12), executions, byMonths };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
