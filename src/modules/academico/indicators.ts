// Eficiencia terminal (30-524-PO-04, "Indicadores"): graduates of generation N
// / students enrolled in first semester of generation N × 100, yearly (L169).
// The denominator counts the students whose recorded entry semester
// (`semestreIngreso`) is 1; the numerator every graduate (status EGRESADO) of
// the generation. One SQL statement per call, over what the
// reader may see. And the SISEAC at-risk list.
import { Prisma } from '../../generated/prisma/client.js';
import type { Db } from '../../lib/db/client.js';
import { readablePrefixes, type Viewer } from '../../lib/auth/viewer.js';
import type { Nivel } from '../../lib/indicators.js';

export interface EficienciaTerminalRow {
  nivel: Nivel;
  unitId: string | null;
  unitCode: string | null;
  unitName: string | null;
  generacion: number;
  inscritos: number;
  egresados: number;
  eficiencia: number | null;
}

export async function eficienciaTerminal(
  db: Db,
  viewer: Viewer,
  nivel: Nivel,
  generacion: number,
  withinPath: string | null,
): Promise<EficienciaTerminalRow[]> {
  const prefixes = readablePrefixes(viewer).map((p) => `${p}%`);
  const group =
    nivel === 'PLANTEL'
      ? Prisma.sql`u.id`
      : nivel === 'COLEGIO_ESTATAL'
        ? Prisma.sql`split_part(u.path, '/', 3)::uuid`
        : Prisma.sql`NULL::uuid`;
  const rows = prefixes.length
    ? await db.$queryRaw<
        {
          unit_id: string | null;
          code: string | null;
          name: string | null;
          inscritos: number;
          egresados: number;
          eficiencia: number | null;
        }[]
      >`
        SELECT k.unit_id, g.code, g.name, k.inscritos, k.egresados,
               round(100.0 * k.egresados / nullif(k.inscritos, 0), 2)::float8 AS eficiencia
        FROM (
          SELECT ${group} AS unit_id, count(*) FILTER (WHERE a."semestreIngreso" = 1)::int AS inscritos, count(*) FILTER (WHERE a.estatus = 'EGRESADO')::int AS egresados
          FROM "Alumno" a JOIN "OrgUnit" u ON u.id = a."unitId"
          WHERE a.generacion = ${generacion} AND u.path LIKE ANY (${prefixes}::text[]) AND u.path LIKE ${(withinPath ?? '/') + '%'}
          GROUP BY 1
        ) k
        LEFT JOIN "OrgUnit" g ON g.id = k.unit_id
        ORDER BY g.code NULLS FIRST`
    : [];
  const result = rows.map((r) => ({
    nivel,
    unitId: r.unit_id,
    unitCode: r.code,
    unitName: r.name,
    generacion,
    inscritos: r.inscritos,
    egresados: r.egresados,
    eficiencia: r.eficiencia,
  }));
  if (nivel === 'NACIONAL' && !result.length) {
    result.push({ nivel, unitId: null, unitCode: null, unitName: null, generacion, inscritos: 0, egresados: 0, eficiencia: null });
  }
  return result;
}

/**
 * The at-risk rule (documented in docs/procedures/seguimiento-academico.md):
 * in a corte, a student who failed at least `minReprobados` modules (grade
 * below `aprobatoria`) is at risk. Defaults come from the environment.
 */
export const RISK_RULE = {
  minReprobados: Number(process.env.RIESGO_MIN_REPROBADOS ?? 2),
  aprobatoria: Number(process.env.RIESGO_CALIFICACION_APROBATORIA ?? 6),
};

export interface AtRiskRow {
  alumnoId: string;
  evaluados: number;
  reprobados: number;
  promedio: number | null;
}

export interface AtRiskOrder {
  field: 'reprobados' | 'promedio' | 'matricula';
  direction: 'ASC' | 'DESC';
}

/** The ORDER BY of the at-risk list, from a closed list of columns; the matrícula breaks ties. */
function atRiskOrderBy(order: AtRiskOrder | null): Prisma.Sql {
  if (!order) return Prisma.sql`reprobados DESC, a.matricula`;
  const dir = order.direction === 'DESC' ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const column =
    order.field === 'reprobados' ? Prisma.sql`reprobados` : order.field === 'promedio' ? Prisma.sql`promedio` : Prisma.sql`a.matricula`;
  return order.field === 'matricula' ? Prisma.sql`a.matricula ${dir}` : Prisma.sql`${column} ${dir} NULLS LAST, a.matricula`;
}

export async function alumnosEnRiesgo(
  db: Db,
  viewer: Viewer,
  args: {
    plantelPath: string;
    periodo: string;
    corte: number;
    minReprobados: number;
    aprobatoria: number;
    first: number;
    offset: number;
    /** Default: most modules failed first, then by matrícula. */
    order: AtRiskOrder | null;
  },
): Promise<{ rows: AtRiskRow[]; total: number }> {
  const prefixes = readablePrefixes(viewer).map((p) => `${p}%`);
  if (!prefixes.length) return { rows: [], total: 0 };
  const rows = await db.$queryRaw<(AtRiskRow & { total: number })[]>`
    SELECT a.id AS "alumnoId", count(e.id)::int AS evaluados,
           count(*) FILTER (WHERE e.calificacion < ${args.aprobatoria})::int AS reprobados,
           round(avg(e.calificacion), 2)::float8 AS promedio,
           (count(*) OVER ())::int AS total
    FROM "Alumno" a
    JOIN "OrgUnit" u ON u.id = a."unitId"
    JOIN "Evaluacion" e ON e."alumnoId" = a.id AND e.periodo = ${args.periodo} AND e.corte = ${args.corte}
    WHERE u.path LIKE ${args.plantelPath + '%'} AND u.path LIKE ANY (${prefixes}::text[]) AND a.estatus <> 'BAJA'
    GROUP BY a.id, a.matricula
    HAVING count(*) FILTER (WHERE e.calificacion < ${args.aprobatoria}) >= ${args.minReprobados}
    ORDER BY ${atRiskOrderBy(args.order)}
    LIMIT ${args.first} OFFSET ${args.offset}`;
  return { rows: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
}
