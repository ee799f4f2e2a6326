// "Eficiencia de acciones de promoción y difusión" (15-528-PO-26 §12, L430):
//   total de acciones realizadas / total de acciones programadas × 100,
//   quarterly and half-yearly (docs/decisions/017-eficiencia-promocion.md).
// programadas: activities scheduled in validated cronogramas (F02) for the
//   period's months; realizadas: every action carried out (not destroyed) whose
//   date falls in the period, scheduled or not: realizadasProgramadas (linked to
//   a scheduled activity) + fueraDeCronograma (outside the cronograma; at the
//   state and national levels also the state coordination's own, step 7H).
//   programadasRealizadas (scheduled activities of the period with at least one
//   execution) is shown as a part: how much of the cronograma was fulfilled.
// Computed in SQL, one statement per call, over the units the reader may see.
import DataLoader from 'dataloader';
import { Prisma } from '../../generated/prisma/client.js';
import type { Db } from '../../lib/db/client.js';
import { readablePrefixes, type Viewer } from '../../lib/auth/viewer.js';
import type { Nivel } from '../../lib/indicators.js';

/** Over scheduled activities `ap`: those with at least one (not destroyed) execution. */
const PROGRAMADAS_REALIZADAS = Prisma.sql`count(ap.id) FILTER (WHERE EXISTS (
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
  realizadasProgramadas: number;
  fueraDeCronograma: number;
  programadasRealizadas: number;
  /** null when nothing was scheduled. */
  eficiencia: number | null;
}

/** The parts of the indicator for one unit and period. */
export interface Partes {
  programadas: number;
  programadasRealizadas: number;
  realizadasProgramadas: number;
  fuera: number;
}
/** The indicator's row fields from its parts. */
export const fromPartes = (p: Partes) => ({
  programadas: p.programadas,
  programadasRealizadas: p.programadasRealizadas,
  realizadasProgramadas: p.realizadasProgramadas,
  fueraDeCronograma: p.fuera,
  realizadas: p.realizadasProgramadas + p.fuera,
  eficiencia: eficiencia(p.realizadasProgramadas + p.fuera, p.programadas),
});

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
  prog_realizadas: number;
  realizadas_prog: number;
  fuera: number;
};

/** Executions of `ar` dated in the period's months. */
const inPeriod = (p: Periodo) =>
  Prisma.sql`ar."destruidoAt" IS NULL AND ar.fecha >= make_date(${p.anio}::int, ${p.mesDesde}::int, 1)
    AND ar.fecha < make_date(${p.anio}::int, ${p.mesHasta}::int, 1) + interval '1 month'`;

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
  // Step 7H: the state coordination's own actions count at the state and national levels, outside any cronograma.
  const estatales =
    nivel === 'PLANTEL'
      ? Prisma.empty
      : Prisma.sql`UNION ALL
      SELECT ${groupUnit}, 0, count(*)::int
      FROM "ActividadRealizada" ar
      JOIN "PlanTrabajoAnual" pe ON pe.id = ar."planEstatalId"
      JOIN "OrgUnit" u ON u.id = pe."unitId"
      WHERE pe.anio = ${periodo.anio} AND u.path LIKE ANY (${prefixes}::text[]) AND u.path LIKE ${(withinPath ?? '/') + '%'}
        AND ${inPeriod(periodo)}
      GROUP BY 1`;
  const rows = await db.$queryRaw<Raw[]>`
    WITH prog AS (
      SELECT ${groupUnit} AS unit_id,
             count(*)::int AS programadas,
             ${PROGRAMADAS_REALIZADAS} AS prog_realizadas
      FROM "ActividadProgramada" ap
      JOIN "PlanAnualCentro" pc ON pc.id = ap."planId"
      JOIN "OrgUnit" u ON u.id = pc."unitId"
      WHERE ${scope} AND ap.mes BETWEEN ${periodo.mesDesde} AND ${periodo.mesHasta}
      GROUP BY 1
    ), ejec_raw AS (
      SELECT ${groupUnit} AS unit_id,
             count(*) FILTER (WHERE ar."programadaId" IS NOT NULL)::int AS realizadas_prog,
             count(*) FILTER (WHERE ar."programadaId" IS NULL)::int AS fuera
      FROM "ActividadRealizada" ar
      JOIN "PlanAnualCentro" pc ON pc.id = ar."planId"
      JOIN "OrgUnit" u ON u.id = pc."unitId"
      WHERE ${scope} AND ${inPeriod(periodo)}
      GROUP BY 1
      ${estatales}
    ), ejec AS (
      SELECT unit_id, sum(realizadas_prog)::int AS realizadas_prog, sum(fuera)::int AS fuera FROM ejec_raw GROUP BY 1
    )
    SELECT k.unit_id, g.code, g.name,
           coalesce(prog.programadas, 0) AS programadas,
           coalesce(prog.prog_realizadas, 0) AS prog_realizadas,
           coalesce(ejec.realizadas_prog, 0) AS realizadas_prog,
           coalesce(ejec.fuera, 0) AS fuera
    FROM (SELECT unit_id FROM prog UNION SELECT unit_id FROM ejec) k
    LEFT JOIN prog ON prog.unit_id IS NOT DISTINCT FROM k.unit_id
    LEFT JOIN ejec ON ejec.unit_id IS NOT DISTINCT FROM k.unit_id
    LEFT JOIN "OrgUnit" g ON g.id = k.unit_id
    ORDER BY g.code NULLS FIRST`;
  const result = rows.map((r) => toRow(nivel, periodo, r));
  // The nation (or a state with nothing scheduled) still answers, with zeros.
  if (nivel === 'NACIONAL' && !result.length) {
    result.push(
      toRow(nivel, periodo, { unit_id: null, code: null, name: null, programadas: 0, prog_realizadas: 0, realizadas_prog: 0, fuera: 0 }),
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
    ...fromPartes({
      programadas: r.programadas,
      programadasRealizadas: r.prog_realizadas,
      realizadasProgramadas: r.realizadas_prog,
      fuera: r.fuera,
    }),
  };
}

/**
 * The same figures for one plan and period, batched: every F05 (and its
 * activity lines) in a response is computed by one statement.
 */
export function createPlanPeriodLoader(db: Db) {
  return new DataLoader<{ planId: string; mesDesde: number; mesHasta: number }, Partes, string>(
    async (keys) => {
      const rows = await db.$queryRaw<(Partes & { idx: bigint })[]>`
        SELECT k.idx,
               count(ap.id)::int AS programadas,
               ${PROGRAMADAS_REALIZADAS} AS "programadasRealizadas",
               (SELECT count(*) FROM "ActividadRealizada" ar JOIN "PlanAnualCentro" p ON p.id = ar."planId"
                 WHERE ar."planId" = k.plan_id AND ar."programadaId" IS NOT NULL AND ar."destruidoAt" IS NULL
                   AND extract(year FROM ar.fecha) = p.anio AND extract(month FROM ar.fecha) BETWEEN k.desde AND k.hasta)::int
                 AS "realizadasProgramadas",
               (SELECT count(*) FROM "ActividadRealizada" ar JOIN "PlanAnualCentro" p ON p.id = ar."planId"
                 WHERE ar."planId" = k.plan_id AND ar."programadaId" IS NULL AND ar."destruidoAt" IS NULL
                   AND extract(year FROM ar.fecha) = p.anio AND extract(month FROM ar.fecha) BETWEEN k.desde AND k.hasta)::int AS fuera
        FROM unnest(${keys.map((k) => k.planId)}::uuid[], ${keys.map((k) => k.mesDesde)}::int[], ${keys.map((k) => k.mesHasta)}::int[])
             WITH ORDINALITY AS k(plan_id, desde, hasta, idx)
        LEFT JOIN "ActividadProgramada" ap ON ap."planId" = k.plan_id AND ap.mes BETWEEN k.desde AND k.hasta
        GROUP BY k.idx, k.plan_id, k.desde, k.hasta
        ORDER BY k.idx`;
      return rows.map(({ idx: _idx, ...partes }) => partes);
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

export interface ConcentradoLinea extends ReturnType<typeof fromPartes> {
  unitId: string;
  unitCode: string;
  unitName: string;
  reportesRecibidos: number;
  reportesEsperados: number;
}

/** F01 lines: one per plantel with a validated plan under the state, for the half-year. Batched. */
export function createConcentradoLinesLoader(db: Db) {
  return new DataLoader<{ statePath: string; anio: number; mesDesde: number; mesHasta: number }, ConcentradoLinea[], string>(
    async (keys) => {
      type Row = Partes & { idx: bigint; unitId: string; unitCode: string; unitName: string; reportesRecibidos: number };
      const rows = await db.$queryRaw<Row[]>`
        SELECT k.idx, u.id AS "unitId", u.code AS "unitCode", u.name AS "unitName",
               count(ap.id)::int AS programadas,
               ${PROGRAMADAS_REALIZADAS} AS "programadasRealizadas",
               (SELECT count(*) FROM "ActividadRealizada" ar
                 WHERE ar."planId" = pc.id AND ar."programadaId" IS NOT NULL AND ar."destruidoAt" IS NULL
                   AND extract(year FROM ar.fecha) = pc.anio AND extract(month FROM ar.fecha) BETWEEN k.desde AND k.hasta)::int
                 AS "realizadasProgramadas",
               (SELECT count(*) FROM "ActividadRealizada" ar
                 WHERE ar."planId" = pc.id AND ar."programadaId" IS NULL AND ar."destruidoAt" IS NULL
                   AND extract(year FROM ar.fecha) = pc.anio AND extract(month FROM ar.fecha) BETWEEN k.desde AND k.hasta)::int AS fuera,
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
      for (const { idx, unitId, unitCode, unitName, reportesRecibidos, ...partes } of rows) {
        const k = keys[Number(idx) - 1];
        byIdx.set(Number(idx), [
          ...(byIdx.get(Number(idx)) ?? []),
          { unitId, unitCode, unitName, ...fromPartes(partes), reportesRecibidos, reportesEsperados: (k.mesHasta - k.mesDesde + 1) / 3 },
        ]);
      }
      return keys.map((_, i) => byIdx.get(i + 1) ?? []);
    },
    { cacheKeyFn: (k) => `${k.statePath}:${k.anio}:${k.mesDesde}:${k.mesHasta}` },
  );
}

/** The state coordination's own actions (step 7H) of a state plan's year in a period: part of the F01's total. Batched. */
export function createEstatalesLoader(db: Db) {
  return new DataLoader<{ statePath: string; anio: number; mesDesde: number; mesHasta: number }, number, string>(
    async (keys) => {
      const rows = await db.$queryRaw<{ idx: bigint; n: number }[]>`
        SELECT k.idx, count(ar.id)::int AS n
        FROM unnest(${keys.map((k) => k.statePath)}::text[], ${keys.map((k) => k.anio)}::int[],
                    ${keys.map((k) => k.mesDesde)}::int[], ${keys.map((k) => k.mesHasta)}::int[])
             WITH ORDINALITY AS k(path, anio, desde, hasta, idx)
        LEFT JOIN "OrgUnit" u ON u.path = k.path
        LEFT JOIN "PlanTrabajoAnual" pe ON pe."unitId" = u.id AND pe.anio = k.anio
        LEFT JOIN "ActividadRealizada" ar ON ar."planEstatalId" = pe.id AND ar."destruidoAt" IS NULL
          AND extract(year FROM ar.fecha) = k.anio AND extract(month FROM ar.fecha) BETWEEN k.desde AND k.hasta
        GROUP BY k.idx ORDER BY k.idx`;
      return rows.map((r) => r.n);
    },
    { cacheKeyFn: (k) => `${k.statePath}:${k.anio}:${k.mesDesde}:${k.mesHasta}` },
  );
}
