// The national-scale academic data of 30-524-PO-04, shared by bench:academico
// and bench:compare: about 300,000 students in 300 planteles of 30 states, 30
// groups and 10 teachers per plantel, 6 modules, a semester of evaluations in
// three cortes (5.4 million grades) and the certificates of the graduates.
// Generated in PostgreSQL with generate_series (about three minutes at full
// scale), plus two accounts: Servicios Escolares of plantel CE-07-P004 and the
// state's Jefatura (password `bench-password`).
//
//   BENCH_SCALE=0.1        a tenth of the students (30,000; 540,000 grades)
//   BENCH_STUDENTS=n       the number of students, rounded up to whole planteles
//
// A database that already holds the data (KEEP_BENCH_DATABASE, then
// BENCH_DATABASE_URL) is reused as it is; its size is whatever it was made with.
import pg from 'pg';
import { hashPassword } from '../../src/lib/auth/passwords.js';

const STATES = 30;
const PLANTELES_PER_STATE = 10;
export const BENCH_PASSWORD = 'bench-password';
export const PLANTEL_EMAIL = 'plantel@bench.test';
export const STATE_EMAIL = 'estado@bench.test';

export interface AcademicoData {
  /** The measured plantel (CE-07-P004) and its state. */
  plantel: { id: string; parentId: string };
  counts: { alumnos: number; evaluaciones: number; certificados: number };
}

/** Students to generate: BENCH_STUDENTS, else 300,000 × BENCH_SCALE (default 1). */
export function benchStudents(env: NodeJS.ProcessEnv = process.env): number {
  if (env.BENCH_STUDENTS) return Number(env.BENCH_STUDENTS);
  return Math.round(300_000 * Number(env.BENCH_SCALE ?? 1));
}

/** Makes the data in the (migrated) database at `url`, unless it is there already. */
export async function ensureAcademicoData(url: string, students = benchStudents()): Promise<AcademicoData> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined); // the database may be dropped under it at the end
  await client.connect();
  try {
    const { rows: existing } = await client.query(`SELECT 1 FROM "Person" WHERE email = $1`, [PLANTEL_EMAIL]);
    if (existing.length === 0) {
      const perPlantel = Math.ceil(students / (STATES * PLANTELES_PER_STATE));
      const password = await hashPassword(BENCH_PASSWORD);
      await client.query(
        `INSERT INTO "Person"(id, email, "fullName", "passwordHash") VALUES (gen_random_uuid(), 'seed@bench.test', 'seed', $1)`,
        [password],
      );
      console.log(`generating ${STATES * PLANTELES_PER_STATE * perPlantel} students in ${STATES * PLANTELES_PER_STATE} planteles:`);
      await generate(client, perPlantel);
      const {
        rows: [plantel],
      } = await client.query<{ id: string; parentId: string }>(`SELECT id, "parentId" FROM "OrgUnit" WHERE code = 'CE-07-P004'`);
      // The people who ask: Servicios Escolares of one plantel, and the state's Jefatura.
      for (const [email, role, unit] of [
        [PLANTEL_EMAIL, 'SERVICIOS_ESCOLARES_PLANTEL', plantel.id],
        [STATE_EMAIL, 'JEFE_SERVICIOS_ESCOLARES_ESTATAL', plantel.parentId],
      ]) {
        await client.query(
          `WITH p AS (INSERT INTO "Person"(id, email, "fullName", "passwordHash") VALUES (gen_random_uuid(), $1, $1, $2) RETURNING id)
           INSERT INTO "RoleAssignment"(id, "personId", role, "unitId") SELECT gen_random_uuid(), p.id, $3, $4 FROM p`,
          [email, password, role, unit],
        );
      }
    } else {
      console.log('reusing the academic data already in the database');
    }
    const {
      rows: [plantel],
    } = await client.query<{ id: string; parentId: string }>(`SELECT id, "parentId" FROM "OrgUnit" WHERE code = 'CE-07-P004'`);
    const {
      rows: [counts],
    } = await client.query<{ alumnos: number; evaluaciones: number; certificados: number }>(
      `SELECT (SELECT count(*) FROM "Alumno")::int alumnos, (SELECT count(*) FROM "Evaluacion")::int evaluaciones, (SELECT count(*) FROM "Certificado")::int certificados`,
    );
    return { plantel, counts };
  } finally {
    await client.end();
  }
}

async function generate(client: pg.Client, perPlantel: number) {
  const t0 = Date.now();
  const step = async (label: string, sql: string) => {
    const t = Date.now();
    const r = await client.query(sql);
    console.log(`  ${label}: ${r.rowCount ?? ''} rows in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  await client.query(`
    INSERT INTO "OrgUnit"(id, code, name, kind, path) VALUES ('00000000-0000-4000-8000-000000000001', 'CONALEP', 'Sistema CONALEP', 'SISTEMA', '/00000000-0000-4000-8000-000000000001/');
  `);
  await step(
    'states',
    `
    INSERT INTO "OrgUnit"(id, code, name, kind, "parentId", path)
    SELECT u, 'CE-' || lpad(s::text, 2, '0'), 'Colegio Estatal ' || s, 'COLEGIO_ESTATAL', '00000000-0000-4000-8000-000000000001',
           '/00000000-0000-4000-8000-000000000001/' || u || '/'
    FROM (SELECT s, gen_random_uuid() AS u FROM generate_series(1, ${STATES}) s) x`,
  );
  await step(
    'planteles',
    `
    INSERT INTO "OrgUnit"(id, code, name, kind, "parentId", path)
    SELECT x.u, st.code || '-P' || lpad(x.p::text, 3, '0'), 'Plantel ' || x.p, 'PLANTEL', st.id, st.path || x.u || '/'
    FROM "OrgUnit" st
    CROSS JOIN LATERAL (SELECT p, gen_random_uuid() AS u FROM generate_series(1, ${PLANTELES_PER_STATE}) p WHERE st.id IS NOT NULL) x
    WHERE st.kind = 'COLEGIO_ESTATAL'`,
  );
  await step(
    'modules',
    `INSERT INTO "Modulo"(id, clave, nombre) SELECT gen_random_uuid(), 'MOD-' || m, 'Módulo ' || m FROM generate_series(1, 6) m`,
  );
  await step(
    'teachers',
    `
    INSERT INTO "Docente"(id, "unitId", nombre) SELECT gen_random_uuid(), u.id, 'Docente ' || d FROM "OrgUnit" u, generate_series(1, 10) d WHERE u.kind = 'PLANTEL'`,
  );
  await step(
    'groups',
    `
    INSERT INTO "Grupo"(id, "unitId", clave, periodo, semestre) SELECT gen_random_uuid(), u.id, 'G' || g, '2025-1', 6 FROM "OrgUnit" u, generate_series(1, 30) g WHERE u.kind = 'PLANTEL'`,
  );
  await step(
    'students',
    `
    INSERT INTO "Alumno"(id, matricula, curp, nombre, "primerApellido", generacion, carrera, "modeloAcademico", "unitId", "grupoId", semestre, estatus, "planConcluido")
    SELECT gen_random_uuid(), u.code || '-' || lpad(n::text, 5, '0'),
           'BENC' || lpad((n % 999999)::text, 6, '0') || 'HVZRRN' || lpad((n % 99)::text, 2, '0'),
           'Nombre ' || n, 'Apellido ' || (n % 500), 2019 + (n % 4), 'Informática', 'M2018', u.id, gr.id, 6,
           (CASE WHEN n % 4 = 3 AND n % 10 < 6 THEN 'EGRESADO' WHEN n % 17 = 0 THEN 'BAJA' ELSE 'INSCRITO' END)::"EstatusAlumno",
           n % 4 = 3 AND n % 10 < 6
    FROM "OrgUnit" u
    CROSS JOIN generate_series(1, ${perPlantel}) n
    JOIN LATERAL (SELECT id FROM "Grupo" g WHERE g."unitId" = u.id ORDER BY clave OFFSET (n % 30) LIMIT 1) gr ON true
    WHERE u.kind = 'PLANTEL'`,
  );
  await step(
    'evaluations (3 cortes × 6 modules)',
    `
    INSERT INTO "Evaluacion"(id, "alumnoId", "moduloId", "docenteId", periodo, corte, calificacion)
    SELECT gen_random_uuid(), a.id, m.id, d.id, '2025-1', c,
           CASE WHEN hashtext(a.id::text || m.clave || c) % 9 = 0 THEN 5 ELSE 6 + abs(hashtext(a.id::text || m.clave)) % 5 END
    FROM "Alumno" a
    CROSS JOIN "Modulo" m
    CROSS JOIN generate_series(1, 3) c
    JOIN LATERAL (SELECT id FROM "Docente" d WHERE d."unitId" = a."unitId" ORDER BY id LIMIT 1) d ON true`,
  );
  await step(
    'folio batches',
    `
    INSERT INTO "LoteFolios"(id, "unitId", referencia, cantidad, "createdById") SELECT gen_random_uuid(), u.id, 'BENCH', 0, (SELECT id FROM "Person" LIMIT 1)
    FROM "OrgUnit" u WHERE u.kind = 'COLEGIO_ESTATAL'`,
  );
  await step(
    'folios and certificates of graduates',
    `
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
    FROM graduates g JOIN folios f ON f.numero = 'BENCH-' || lpad(g.n::text, 8, '0')`,
  );
  // VACUUM as autovacuum would after a bulk load: statistics, and the visibility map that lets a count
  // over a national scope read an index only (bench:plans).
  await step('vacuum', 'VACUUM ANALYZE');
  console.log(`generated in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
