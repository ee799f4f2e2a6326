// Benchmark at national scale (30-524-PO-04): about 300,000 students in 300
// planteles of 30 states, 30 groups and 10 teachers per plantel, 6 modules,
// a semester of evaluations in three cortes (5.4 million grades) and the
// certificates of the graduates. Generated in PostgreSQL with generate_series
// (a minute or two), then measured through the real HTTP endpoint:
//   - the SISEAC at-risk list of a plantel (a page of 50),
//   - eficiencia terminal for every plantel of a state,
//   - a page of 50 students of a plantel with their certificates.
// Prints p50/p95 latency and SQL statements per request.
//
//   npm run bench:academico      (BENCH_STUDENTS, BENCH_RUNS to change the size)
import pg from 'pg';
import { createPrisma } from '../../src/lib/db/client.js';
import { hashPassword } from '../../src/lib/auth/passwords.js';
import { measure, startBenchApi, withBenchDatabase } from './harness.js';
const STATES = 30;
const PLANTELES_PER_STATE = 10;
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 300_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const PER_PLANTEL = Math.ceil(STUDENTS / (STATES * PLANTELES_PER_STATE));

async function generate(client: pg.Client) {
  const t0 = Date.now();
  const step = async (label: string, sql: string) => {
    const t = Date.now();
    const r = await client.query(sql);
    console.log(`  ${label}: ${r.rowCount ?? ''} rows in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  await client.query(`
    INSERT INTO "OrgUnit"(id, code, name, kind, path) VALUES ('00000000-0000-4000-8000-000000000001', 'CONALEP', 'Sistema CONALEP', 'SISTEMA', '/00000000-0000-4000-8000-000000000001/');
  `);
  await step('states', `
    INSERT INTO "OrgUnit"(id, code, name, kind, "parentId", path)
    SELECT u, 'CE-' || lpad(s::text, 2, '0'), 'Colegio Estatal ' || s, 'COLEGIO_ESTATAL', '00000000-0000-4000-8000-000000000001',
           '/00000000-0000-4000-8000-000000000001/' || u || '/'
    FROM (SELECT s, gen_random_uuid() AS u FROM generate_series(1, ${STATES}) s) x`);
  await step('planteles', `
    INSERT INTO "OrgUnit"(id, code, name, kind, "parentId", path)
    SELECT x.u, st.code || '-P' || lpad(x.p::text, 3, '0'), 'Plantel ' || x.p, 'PLANTEL', st.id, st.path || x.u || '/'
    FROM "OrgUnit" st
    CROSS JOIN LATERAL (SELECT p, gen_random_uuid() AS u FROM generate_series(1, ${PLANTELES_PER_STATE}) p WHERE st.id IS NOT NULL) x
    WHERE st.kind = 'COLEGIO_ESTATAL'`);
  await step('modules', `INSERT INTO "Modulo"(id, clave, nombre) SELECT gen_random_uuid(), 'MOD-' || m, 'Módulo ' || m FROM generate_series(1, 6) m`);
  await step('teachers', `
    INSERT INTO "Docente"(id, "unitId", nombre) SELECT gen_random_uuid(), u.id, 'Docente ' || d FROM "OrgUnit" u, generate_series(1, 10) d WHERE u.kind = 'PLANTEL'`);
  await step('groups', `
    INSERT INTO "Grupo"(id, "unitId", clave, periodo, semestre) SELECT gen_random_uuid(), u.id, 'G' || g, '2025-1', 6 FROM "OrgUnit" u, generate_series(1, 30) g WHERE u.kind = 'PLANTEL'`);
  await step('students', `
    INSERT INTO "Alumno"(id, matricula, curp, nombre, "primerApellido", generacion, carrera, "modeloAcademico", "unitId", "grupoId", semestre, estatus, "planConcluido")
    SELECT gen_random_uuid(), u.code || '-' || lpad(n::text, 5, '0'),
           'BENC' || lpad((n % 999999)::text, 6, '0') || 'HVZRRN' || lpad((n % 99)::text, 2, '0'),
           'Nombre ' || n, 'Apellido ' || (n % 500), 2019 + (n % 4), 'Informática', 'M2018', u.id, gr.id, 6,
           (CASE WHEN n % 4 = 3 AND n % 10 < 6 THEN 'EGRESADO' WHEN n % 17 = 0 THEN 'BAJA' ELSE 'INSCRITO' END)::"EstatusAlumno",
           n % 4 = 3 AND n % 10 < 6
    FROM "OrgUnit" u
    CROSS JOIN generate_series(1, ${PER_PLANTEL}) n
    JOIN LATERAL (SELECT id FROM "Grupo" g WHERE g."unitId" = u.id ORDER BY clave OFFSET (n % 30) LIMIT 1) gr ON true
    WHERE u.kind = 'PLANTEL'`);
  await step('evaluations (3 cortes × 6 modules)', `
    INSERT INTO "Evaluacion"(id, "alumnoId", "moduloId", "docenteId", periodo, corte, calificacion)
    SELECT gen_random_uuid(), a.id, m.id, d.id, '2025-1', c,
           CASE WHEN hashtext(a.id::text || m.clave || c) % 9 = 0 THEN 5 ELSE 6 + abs(hashtext(a.id::text || m.clave)) % 5 END
    FROM "Alumno" a
    CROSS JOIN "Modulo" m
    CROSS JOIN generate_series(1, 3) c
    JOIN LATERAL (SELECT id FROM "Docente" d WHERE d."unitId" = a."unitId" ORDER BY id LIMIT 1) d ON true`);
  await step('folio batches', `
    INSERT INTO "LoteFolios"(id, "unitId", referencia, cantidad, "createdById") SELECT gen_random_uuid(), u.id, 'BENCH', 0, (SELECT id FROM "Person" LIMIT 1)
    FROM "OrgUnit" u WHERE u.kind = 'COLEGIO_ESTATAL'`);
  await step('folios and certificates of graduates', `
    WITH graduates AS (
      SELECT a.id, a."unitId", row_number() OVER () AS n, l.id AS lote
      FROM "Alumno" a JOIN "OrgUnit" u ON u.id = a."unitId" JOIN "LoteFolios" l ON l."unitId" = u."parentId"
      WHERE a."planConcluido"
    ), folios AS (
      INSERT INTO "Folio"(id, numero, "loteId", "unitId", "asignadoAt")
      SELECT gen_random_uuid(), 'BENCH-' || lpad(n::text, 8, '0'), lote, "unitId", now() FROM graduates
      RETURNING id, numero
    )
    INSERT INTO "Certificado"(id, "alumnoId", "unitId", "folioId", estado, "updatedAt")
    SELECT gen_random_uuid(), g.id, g."unitId", f.id, 'ENTREGADO', now()
    FROM graduates g JOIN folios f ON f.numero = 'BENCH-' || lpad(g.n::text, 8, '0')`);
  await step('analyze', 'ANALYZE');
  console.log(`generated in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

async function main() {
  await withBenchDatabase('bench_academico', async (url) => {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => undefined); // the database is dropped under it at the end
    await client.connect();
    const password = await hashPassword('bench-password');
    await client.query(`INSERT INTO "Person"(id, email, "fullName", "passwordHash") VALUES (gen_random_uuid(), 'seed@bench.test', 'seed', $1)`, [password]);
    console.log(`generating ${STATES * PLANTELES_PER_STATE * PER_PLANTEL} students in ${STATES * PLANTELES_PER_STATE} planteles:`);
    await generate(client);
    const counts = (await client.query(`SELECT (SELECT count(*) FROM "Alumno") alumnos, (SELECT count(*) FROM "Evaluacion") evaluaciones, (SELECT count(*) FROM "Certificado") certificados`)).rows[0];
    console.log(`data: ${counts.alumnos} students, ${counts.evaluaciones} grades, ${counts.certificados} certificates`);
    // The people who ask: Servicios Escolares of one plantel, and the state's Jefatura.
    const { rows: [plantel] } = await client.query(`SELECT id, "parentId" FROM "OrgUnit" WHERE code = 'CE-07-P004'`);
    for (const [email, role, unit] of [['plantel@bench.test', 'SERVICIOS_ESCOLARES_PLANTEL', plantel.id], ['estado@bench.test', 'JEFE_SERVICIOS_ESCOLARES_ESTATAL', plantel.parentId]]) {
      await client.query(
        `WITH p AS (INSERT INTO "Person"(id, email, "fullName", "passwordHash") VALUES (gen_random_uuid(), $1, $1, $2) RETURNING id)
         INSERT INTO "RoleAssignment"(id, "personId", role, "unitId") SELECT gen_random_uuid(), p.id, $3, $4 FROM p`,
        [email, password, role, unit],
      );
    }
    await client.end();

    const db = createPrisma(url);
    const api = await startBenchApi(db);
    const plantelToken = await api.login('plantel@bench.test', 'bench-password');
    const stateToken = await api.login('estado@bench.test', 'bench-password');
    const plantelId = Buffer.from(`OrgUnit:${plantel.id}`).toString('base64');
    const stateId = Buffer.from(`OrgUnit:${plantel.parentId}`).toString('base64');

    const cases: [string, string, object, string][] = [
      ['SISEAC at-risk list of a plantel (50)', `query($p: ID!) { alumnosEnRiesgo(plantelId: $p, periodo: "2025-1", corte: 3, first: 50) { total alumnos { reprobados promedio alumno { matricula curp } } } }`, { p: plantelId }, plantelToken],
      ['eficiencia terminal, every plantel of a state', `query($s: ID!) { eficienciaTerminal(generacion: 2022, nivel: PLANTEL, dentroDe: $s) { unitCode inscritos egresados eficiencia } }`, { s: stateId }, stateToken],
      ['a page of 50 students with certificates', `query($p: ID!) { alumnos(first: 50, filter: { dentroDe: $p }) { totalCount edges { node { matricula curp estatus certificados { estado folio { numero } } } } } }`, { p: plantelId }, plantelToken],
    ];
    console.log('\nrequest                                          p50 ms   p95 ms   SQL/request   rows');
    for (const [label, query, variables, token] of cases) {
      const m = await measure(RUNS, async () => {
        const r = await api.call(query, variables, token);
        if (r.errors) throw new Error(JSON.stringify(r.errors));
        const value = Object.values(r.data)[0] as { alumnos?: unknown[]; edges?: unknown[] } | unknown[];
        return Array.isArray(value) ? value.length : (value.alumnos ?? value.edges ?? []).length;
      });
      console.log(`${label.padEnd(48)} ${m.p50.toFixed(1).padStart(7)} ${m.p95.toFixed(1).padStart(8)} ${m.statementsPerRequest.toFixed(1).padStart(13)} ${String(m.last).padStart(6)}`);
    }
    console.log('(SQL/request includes the one statement that loads the viewer for the bearer token)');
    await api.stop();
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
