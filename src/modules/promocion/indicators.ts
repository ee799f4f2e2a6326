// "Eficiencia de acciones de promoción y difusión" (15-528-PO-26 §12):
//   realizadas / programadas × 100, quarterly and half-yearly.
// programadas: activities scheduled in validated cronogramas (F02) for the
//   period's months; realizadas: those of them with at least one recorded
//   execution. Activities done outside the cronograma are counted apart
//   (fueraDeCronograma) and never raise the ratio.
// Computed in SQL, one statement per call, over the units the reader may see.
import DataLoader from 'dataloader';
import { Prisma } from '../../generated/prisma/client.js';
import type { Db } from '../../lib/db/client.js';
import { readablePrefixes, type Viewer } from '../../lib/auth/viewer.js';
import type { Nivel } from '../../lib/indicators.js';

/** The numerator over scheduled activities `ap`: those with at least one (not destroyed) execution. */
const REALIZADAS = Prisma.sql`count(ap.id) FILTER (WHERE EXISTS (
  SELECT 1 FROM "ActividadRealizada" ar WHERE ar."programadaId" = ap.id AND ar."destruidoAt" IS NULL))::int`;

/** realizadas / programadas × 100, two decimals, as the SQL above rounds it; null when nothing was scheduled. */
export const eficiencia = (realizadas: number, programadas: number) =>
  programadas ? Math.round((10000 * realizadas) / programadas) / 100 : null;

export interface EficienciaRow {
  nivel: Nivel;
  unitId: string | null;
  unitCode: string | null;
  unitName: string | null;
  anio: number;
  mesDesde: number;
  mesHasta: number;
  programadas: number;
  realizadas: number;
  fueraDeCronograma: number;
  /** null when nothing was scheduled. */
  eficiencia: number | null;
}

export interface Periodo {
  anio: number;
  mesDesde: number;
  mesHasta: number;
}

type Raw = {
  unit_id: string | null;
  code: string | null;
  name: string | null;
  programadas: number;
  realizadas: number;
  fuera: number;
  eficiencia: number | null;
};

/**
 * The indicator per plantel, per state or for the nation, for the plans
 * within `withinPath` (a unit's path; the whole tree when null) that the
 * viewer may see. States are the units right under the system root.
 */
export async function eficienciaPromocion(
  db: Db,
  viewer: Viewer,
  nivel: Nivel,
  periodo: Periodo,
  withinPath: string | null,
): Promise<EficienciaRow[]> {
  const prefixes = readablePrefixes(viewer).map((p) => `${p}%`);
  if (!prefixes.length) return [];
  const groupUnit =
    nivel === 'PLANTEL'
      ? Prisma.sql`u.id`
      : nivel === 'COLEGIO_ESTATAL'
        ? Prisma.sql`split_part(u.path, '/', 3)::uuid`
        : Prisma.sql`NULL::uuid`;
  const scope = Prisma.sql`pc.anio = ${periodo.anio} AND pc.estado = 'VALIDADO' AND pc."destruidoAt" IS NULL
    AND u.path LIKE ANY (${prefixes}::text[]) AND u.path LIKE ${(withinPath ?? '/') + '%'}`;
  const rows = await db.$queryRaw<Raw[]>`
    WITH prog AS (
      SELECT ${groupUnit} AS unit_id,
             count(*)::int AS programadas,
             ${REALIZADAS} AS realizadas
      FROM "ActividadProgramada" ap
      JOIN "PlanAnualCentro" pc ON pc.id = ap."planId"
      JOIN "OrgUnit" u ON u.id = pc."unitId"
      WHERE ${scope} AND ap.mes BETWEEN ${periodo.mesDesde} AND ${periodo.mesHasta}
      GROUP BY 1
    ), fuera AS (
      SELECT ${groupUnit} AS unit_id, count(*)::int AS fuera
      FROM "ActividadRealizada" ar
      JOIN "PlanAnualCentro" pc ON pc.id = ar."planId"
      JOIN "OrgUnit" u ON u.id = pc."unitId"
      WHERE ${scope} AND ar."programadaId" IS NULL AND ar."destruidoAt" IS NULL
        AND extract(month FROM ar.fecha) BETWEEN ${periodo.mesDesde} AND ${periodo.mesHasta}
      GROUP BY 1
    )
    SELECT k.unit_id, g.code, g.name,
           coalesce(prog.programadas, 0) AS programadas,
           coalesce(prog.realizadas, 0) AS realizadas,
           coalesce(fuera.fuera, 0) AS fuera,
           round(100.0 * prog.realizadas / nullif(prog.programadas, 0), 2)::float8 AS eficiencia
    FROM (SELECT unit_id FROM prog UNION SELECT unit_id FROM fuera) k
    LEFT JOIN prog ON prog.unit_id IS NOT DISTINCT FROM k.unit_id
    LEFT JOIN fuera ON fuera.unit_id IS NOT DISTINCT FROM k.unit_id
    LEFT JOIN "OrgUnit" g ON g.id = k.unit_id
    ORDER BY g.code NULLS FIRST`;
  const result = rows.map((r) => toRow(nivel, periodo, r));
  // The nation (or a state with nothing scheduled) still answers, with zeros.
  if (nivel === 'NACIONAL' && !result.length) {
    result.push(
      toRow(nivel, periodo, { unit_id: null, code: null, name: null, programadas: 0, realizadas: 0, fuera: 0, eficiencia: null }),
    );
  }
  return result;
}

function toRow(nivel: Nivel, periodo: Periodo, r: Raw): EficienciaRow {
  return {
    nivel,
    unitId: r.unit_id,
    unitCode: r.code,
    unitName: r.name,
    ...periodo,
    programadas: r.programadas,
    realizadas: r.realizadas,
    fueraDeCronograma: r.fuera,
    eficiencia: r.eficiencia,
  };
}

/**
 * The same figures for one plan and period, batched: every F05 (and its
 * activity lines) in a response is computed by one statement.
 */
export function createPlanPeriodLoader(db: Db) {
  return new DataLoader<
    { planId: string; mesDesde: number; mesHasta: number },
    { programadas: number; realizadas: number; fuera: number; eficiencia: number | null },
    string
  >(
    async (keys) => {
      const rows = await db.$queryRaw<{ idx: bigint; programadas: number; realizadas: number; fuera: number; eficiencia: number | null }[]>`
        SELECT k.idx,
               count(ap.id)::int AS programadas,
               ${REALIZADAS} AS realizadas,
               (SELECT count(*) FROM "ActividadRealizada" ar
                 WHERE ar."planId" = k.plan_id AND ar."programadaId" IS NULL AND ar."destruidoAt" IS NULL
                   AND extract(month FROM ar.fecha) BETWEEN k.desde AND k.hasta)::int AS fuera
        FROM unnest(${keys.map((k) => k.planId)}::uuid[], ${keys.map((k) => k.mesDesde)}::int[], ${keys.map((k) => k.mesHasta)}::int[])
             WITH ORDINALITY AS k(plan_id, desde, hasta, idx)
        LEFT JOIN "ActividadProgramada" ap ON ap."planId" = k.plan_id AND ap.mes BETWEEN k.desde AND k.hasta
        GROUP BY k.idx, k.plan_id, k.desde, k.hasta
        ORDER BY k.idx`;
      return rows.map((r) => ({
        programadas: r.programadas,
        realizadas: r.realizadas,
        fuera: r.fuera,
        eficiencia: eficiencia(r.realizadas, r.programadas),
      }));
    },
    { cacheKeyFn: (k) => `${k.planId}:${k.mesDesde}:${k.mesHasta}` },
  );
}

export interface ActividadResultado {
  actividadId: string;
  mes: number;
  tipo: string;
  descripcion: string;
  meta: number;
  alcanzado: number;
  ejecuciones: number;
}

/** F05 lines: each scheduled activity of the period, its goal and what was reached. Batched like the figures. */
export function createPlanPeriodLinesLoader(db: Db) {
  return new DataLoader<{ planId: string; mesDesde: number; mesHasta: number }, ActividadResultado[], string>(
    async (keys) => {
      const rows = await db.$queryRaw<(ActividadResultado & { idx: bigint })[]>`
        SELECT k.idx, ap.id AS "actividadId", ap.mes, ap.tipo::text AS tipo, ap.descripcion, ap.meta,
               coalesce(sum(ar.alcance), 0)::int AS alcanzado, count(ar.id)::int AS ejecuciones
        FROM unnest(${keys.map((k) => k.planId)}::uuid[], ${keys.map((k) => k.mesDesde)}::int[], ${keys.map((k) => k.mesHasta)}::int[])
             WITH ORDINALITY AS k(plan_id, desde, hasta, idx)
        JOIN "ActividadProgramada" ap ON ap."planId" = k.plan_id AND ap.mes BETWEEN k.desde AND k.hasta
        LEFT JOIN "ActividadRealizada" ar ON ar."programadaId" = ap.id AND ar."destruidoAt" IS NULL
        GROUP BY k.idx, ap.id
        ORDER BY k.idx, ap.mes, ap."createdAt", ap.id`;
      const byIdx = new Map<number, ActividadResultado[]>();
      for (const { idx, ...line } of rows) byIdx.set(Number(idx), [...(byIdx.get(Number(idx)) ?? []), line]);
      return keys.map((_, i) => byIdx.get(i + 1) ?? []);
    },
    { cacheKeyFn: (k) => `${k.planId}:${k.mesDesde}:${k.mesHasta}` },
  );
}

export interface ConcentradoLinea {
  unitId: string;
  unitCode: string;
  unitName: string;
  programadas: number;
  realizadas: number;
  fueraDeCronograma: number;
  eficiencia: number | null;
  reportesRecibidos: number;
  reportesEsperados: number;
}

/** F01 lines: one per plantel with a validated plan under the state, for the half-year. Batched. */
export function createConcentradoLinesLoader(db: Db) {
  return new DataLoader<{ statePath: string; anio: number; mesDesde: number; mesHasta: number }, ConcentradoLinea[], string>(
    async (keys) => {
      const rows = await db.$queryRaw<(Omit<ConcentradoLinea, 'reportesEsperados'> & { idx: bigint })[]>`
        SELECT k.idx, u.id AS "unitId", u.code AS "unitCode", u.name AS "unitName",
               count(ap.id)::int AS programadas,
               ${REALIZADAS} AS realizadas,
               (SELECT count(*) FROM "ActividadRealizada" ar
                 WHERE ar."planId" = pc.id AND ar."programadaId" IS NULL AND ar."destruidoAt" IS NULL
                   AND extract(month FROM ar.fecha) BETWEEN k.desde AND k.hasta)::int AS "fueraDeCronograma",
               (SELECT count(*) FROM "ReporteTrimestral" r
                 WHERE r."planId" = pc.id AND r.estado = 'RECIBIDO' AND r."destruidoAt" IS NULL
                   AND r.trimestre * 3 BETWEEN k.desde AND k.hasta)::int AS "reportesRecibidos"
        FROM unnest(${keys.map((k) => k.statePath)}::text[], ${keys.map((k) => k.anio)}::int[],
                    ${keys.map((k) => k.mesDesde)}::int[], ${keys.map((k) => k.mesHasta)}::int[])
             WITH ORDINALITY AS k(path, anio, desde, hasta, idx)
        JOIN "OrgUnit" u ON u.path LIKE k.path || '%' AND u.kind = 'PLANTEL'
        JOIN "PlanAnualCentro" pc ON pc."unitId" = u.id AND pc.anio = k.anio AND pc.estado = 'VALIDADO' AND pc."destruidoAt" IS NULL
        LEFT JOIN "ActividadProgramada" ap ON ap."planId" = pc.id AND ap.mes BETWEEN k.desde AND k.hasta
        GROUP BY k.idx, k.desde, k.hasta, u.id, pc.id
        ORDER BY k.idx, u.code`;
      const byIdx = new Map<number, ConcentradoLinea[]>();
      for (const { idx, ...r } of rows) {
        const k = keys[Number(idx) - 1];
        byIdx.set(Number(idx), [
          ...(byIdx.get(Number(idx)) ?? []),
          {
            ...r,
            eficiencia: eficiencia(r.realizadas, r.programadas),
            reportesEsperados: (k.mesHasta - k.mesDesde + 1) / 3,
          },
        ]);
      }
      return keys.map((_, i) => byIdx.get(i + 1) ?? []);
    },
    { cacheKeyFn: (k) => `${k.statePath}:${k.anio}:${k.mesDesde}:${k.mesHasta}` },
  );
}
