// Benchmark at national scale (30-524-PO-04): the data of academico-data.ts
// (300,000 students, 5.4 million grades), measured through the real HTTP endpoint:
//   - the SISEAC at-risk list of a plantel (a page of 50),
//   - eficiencia terminal for every plantel of a state,
//   - a page of 50 students of a plantel with their certificates.
// Prints p50/p95 latency and SQL statements per request.
//
//   npm run bench:academico      (BENCH_SCALE / BENCH_STUDENTS, BENCH_RUNS to change the size;
//                                 KEEP_BENCH_DATABASE, BENCH_DATABASE_URL: harness.ts)
import { createPrisma } from '../../src/lib/db/client.js';
import { BENCH_PASSWORD, PLANTEL_EMAIL, STATE_EMAIL, ensureAcademicoData } from './academico-data.js';
import { measure, startBenchApi, withBenchDatabase } from './harness.js';
const RUNS = Number(process.env.BENCH_RUNS ?? 50);

async function main() {
  await withBenchDatabase('bench_academico', async (url) => {
    const { plantel, counts } = await ensureAcademicoData(url);
    console.log(`data: ${counts.alumnos} students, ${counts.evaluaciones} grades, ${counts.certificados} certificates`);

    const db = createPrisma(url);
    const api = await startBenchApi(db);
    const plantelToken = await api.login(PLANTEL_EMAIL, BENCH_PASSWORD);
    const stateToken = await api.login(STATE_EMAIL, BENCH_PASSWORD);
    const plantelId = Buffer.from(`OrgUnit:${plantel.id}`).toString('base64');
    const stateId = Buffer.from(`OrgUnit:${plantel.parentId}`).toString('base64');

    const cases: [string, string, object, string][] = [
      [
        'SISEAC at-risk list of a plantel (50)',
        `query($p: ID!) { alumnosEnRiesgo(plantelId: $p, periodo: "2025-1", corte: 3, first: 50) { total alumnos { reprobados promedio alumno { matricula curp } } } }`,
        { p: plantelId },
        plantelToken,
      ],
      [
        'eficiencia terminal, every plantel of a state',
        `query($s: ID!) { eficienciaTerminal(generacion: 2022, nivel: PLANTEL, dentroDe: $s) { unitCode inscritos egresados eficiencia } }`,
        { s: stateId },
        stateToken,
      ],
      [
        'a page of 50 students with certificates',
        `query($p: ID!) { alumnos(first: 50, filter: { dentroDe: $p }) { totalCount edges { node { matricula curp estatus certificados { estado folio { numero } } } } } }`,
        { p: plantelId },
        plantelToken,
      ],
    ];
    console.log('\nrequest                                          p50 ms   p95 ms   SQL/request   rows');
    for (const [label, query, variables, token] of cases) {
      const m = await measure(RUNS, async () => {
        const r = await api.call(query, variables, token);
        if (r.errors) throw new Error(JSON.stringify(r.errors));
        const value = Object.values(r.data)[0] as { alumnos?: unknown[]; edges?: unknown[] } | unknown[];
        return Array.isArray(value) ? value.length : (value.alumnos ?? value.edges ?? []).length;
      });
      console.log(
        `${label.padEnd(48)} ${m.p50.toFixed(1).padStart(7)} ${m.p95.toFixed(1).padStart(8)} ${m.statementsPerRequest.toFixed(1).padStart(13)} ${String(m.last).padStart(6)}`,
      );
    }
    console.log('(SQL/request includes the one statement that loads the viewer for the bearer token)');
    await api.stop();
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
