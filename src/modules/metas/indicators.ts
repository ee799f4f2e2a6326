// Progress of the goals (7081-MP-SI Seg 6, ST-It02 5, It06 6-7):
//   avance = resultado / meta vigente × 100, per indicator and unit, state or nation,
// over a range of quarters of one year. The goal counted is the one last
// approved (`valorAprobado`: the reprogrammed goal once a reprogramming is
// approved); `metaProgramada` is the first approved, so `reprogramacion`
// shows how far the goal moved and `variacion` how far the result is from the
// current goal. Results count once their quarter is validated (VALIDADO).
// Computed in SQL, one statement per call, never stored; a state or the
// nation is the sum of its units by construction (the same rows, grouped).
import DataLoader from 'dataloader';
import { Prisma } from '../../generated/prisma/client.js';
import type { IndicadorMeta, LineaServicio } from '../../generated/prisma/enums.js';
import type { Db } from '../../lib/db/client.js';
import { readablePrefixes, type Viewer } from '../../lib/auth/viewer.js';
import type { Nivel } from '../../lib/indicators.js';
import { INDICADORES } from './workflow.js';

export interface AvanceParams {
  anio: number;
  linea?: LineaServicio | null;
  indicador?: IndicadorMeta | null;
  nivel: Nivel;
  trimestreDesde: number;
  trimestreHasta: number;
  /** A unit's path: only goals and results of units at or below it; null for the whole tree. */
  withinPath: string | null;
}

export interface AvanceRow {
  nivel: Nivel;
  unitId: string | null;
  unitCode: string | null;
  unitName: string | null;
  indicador: IndicadorMeta;
  anio: number;
  trimestreDesde: number;
  trimestreHasta: number;
  metaProgramada: number;
  metaVigente: number;
  resultado: number;
  avance: number | null;
  variacion: number;
  reprogramacion: number;
}

type Raw = {
  unit_id: string | null;
  code: string | null;
  name: string | null;
  indicador: IndicadorMeta;
  programada: number;
  vigente: number;
  resultado: number;
  avance: number | null;
};

/**
 * The progress rows the viewer may see: goals and results of units within
 * their reach. `scope: 'system'` reads every unit: only for the national
 * figures of a record addressed to the reader (see `avanceNacional`).
 */
export async function avanceMetas(db: Db, viewer: Viewer | 'system', p: AvanceParams): Promise<AvanceRow[]> {
  const prefixes = viewer === 'system' ? ['/'] : readablePrefixes(viewer);
  if (!prefixes.length) return fillNation(p, []);
  const like = prefixes.map((x) => `${x}%`);
  const groupUnit =
    p.nivel === 'PLANTEL'
      ? Prisma.sql`u.id`
      : p.nivel === 'COLEGIO_ESTATAL'
        ? Prisma.sql`split_part(u.path, '/', 3)::uuid`
        : Prisma.sql`NULL::uuid`;
  const units = Prisma.sql`u.path LIKE ANY (${like}::text[]) AND u.path LIKE ${(p.withinPath ?? '/') + '%'}`;
  const linea = p.linea ? Prisma.sql`AND pm.linea = ${p.linea}::"LineaServicio"` : Prisma.empty;
  const indicador = (col: Prisma.Sql) => (p.indicador ? Prisma.sql`AND ${col} = ${p.indicador}::"IndicadorMeta"` : Prisma.empty);
  const rows = await db.$queryRaw<Raw[]>`
    WITH metas AS (
      SELECT ${groupUnit} AS unit_id, m.indicador,
             sum(m."valorProgramado")::float8 AS programada, sum(m."valorAprobado")::float8 AS vigente
      FROM "MetaIndicador" m
      JOIN "ProgramaMetas" pm ON pm.id = m."programaId"
      JOIN "OrgUnit" u ON u.id = m."unitId"
      WHERE pm.anio = ${p.anio} ${linea} ${indicador(Prisma.sql`m.indicador`)} AND m."valorAprobado" IS NOT NULL
        AND m.trimestre BETWEEN ${p.trimestreDesde} AND ${p.trimestreHasta} AND ${units}
      GROUP BY 1, 2
    ), res AS (
      SELECT ${groupUnit} AS unit_id, r.indicador, sum(r.valor)::float8 AS resultado
      FROM "ResultadoIndicador" r
      JOIN "RegistroResultados" pm ON pm.id = r."registroId"
      JOIN "OrgUnit" u ON u.id = r."unitId"
      WHERE pm.anio = ${p.anio} ${linea} ${indicador(Prisma.sql`r.indicador`)} AND pm.estado = 'VALIDADO'
        AND pm.trimestre BETWEEN ${p.trimestreDesde} AND ${p.trimestreHasta} AND ${units}
      GROUP BY 1, 2
    )
    SELECT k.unit_id, g.code, g.name, k.indicador,
           coalesce(metas.programada, 0) AS programada,
           coalesce(metas.vigente, 0) AS vigente,
           coalesce(res.resultado, 0) AS resultado,
           round((100.0 * coalesce(res.resultado, 0) / nullif(metas.vigente, 0))::numeric, 2)::float8 AS avance
    FROM (SELECT unit_id, indicador FROM metas UNION SELECT unit_id, indicador FROM res) k
    LEFT JOIN metas ON metas.unit_id IS NOT DISTINCT FROM k.unit_id AND metas.indicador = k.indicador
    LEFT JOIN res ON res.unit_id IS NOT DISTINCT FROM k.unit_id AND res.indicador = k.indicador
    LEFT JOIN "OrgUnit" g ON g.id = k.unit_id
    ORDER BY g.code NULLS FIRST, k.indicador`;
  return fillNation(
    p,
    rows.map((r) => toRow(p, r)),
  );
}

/** The nation always answers every indicator asked for, with zeros where nothing was programmed or done. */
function fillNation(p: AvanceParams, rows: AvanceRow[]): AvanceRow[] {
  if (p.nivel !== 'NACIONAL') return rows;
  const asked = p.indicador
    ? [p.indicador]
    : p.linea
      ? INDICADORES[p.linea]
      : [...INDICADORES.SERVICIOS_TECNOLOGICOS, ...INDICADORES.CAPACITACION];
  const zero = (indicador: IndicadorMeta) =>
    toRow(p, { unit_id: null, code: null, name: null, indicador, programada: 0, vigente: 0, resultado: 0, avance: null });
  return asked.map((i) => rows.find((r) => r.indicador === i) ?? zero(i));
}

function toRow(p: AvanceParams, r: Raw): AvanceRow {
  return {
    nivel: p.nivel,
    unitId: r.unit_id,
    unitCode: r.code,
    unitName: r.name,
    indicador: r.indicador,
    anio: p.anio,
    trimestreDesde: p.trimestreDesde,
    trimestreHasta: p.trimestreHasta,
    metaProgramada: r.programada,
    metaVigente: r.vigente,
    resultado: r.resultado,
    avance: r.avance,
    variacion: r.resultado - r.vigente,
    reprogramacion: r.vigente - r.programada,
  };
}

/**
 * The national progress of the training indicators, for a national programme
 * the reader may read (owned within reach or sent to their unit).
 * WARNING: reads every unit's goals and results regardless of the reader's
 * scope, on purpose: SPDI-DPP receives the national figures for the MIR
 * (PAT step 6). Only national totals leave this function, never a unit's.
 * Batched per request: every programme of a response (each its year and
 * quarter) in one statement.
 */
export function avanceNacional(
  db: Db,
  anio: number,
  trimestreHasta: number,
  loader = createAvanceNacionalLoader(db),
): Promise<AvanceRow[]> {
  return loader.load({ anio, trimestreHasta });
}

type NacionalKey = { anio: number; trimestreHasta: number };

/** Per request: the national training progress of several (year, last quarter) pairs, one statement for all. */
export function createAvanceNacionalLoader(db: Db) {
  return new DataLoader<NacionalKey, AvanceRow[], string>(
    async (keys) => {
      // The same sums as `avanceMetas` at NACIONAL level over the whole tree, per key (k.idx).
      const rows = await db.$queryRaw<(Raw & { idx: bigint })[]>`
        WITH k AS (
          SELECT * FROM unnest(${keys.map((k) => k.anio)}::int[], ${keys.map((k) => k.trimestreHasta)}::int[])
            WITH ORDINALITY AS k(anio, hasta, idx)
        ), metas AS (
          SELECT k.idx, m.indicador,
                 sum(m."valorProgramado")::float8 AS programada, sum(m."valorAprobado")::float8 AS vigente
          FROM k
          JOIN "ProgramaMetas" pm ON pm.anio = k.anio AND pm.linea = 'CAPACITACION'
          JOIN "MetaIndicador" m ON m."programaId" = pm.id
          WHERE m."valorAprobado" IS NOT NULL AND m.trimestre BETWEEN 1 AND k.hasta
          GROUP BY 1, 2
        ), res AS (
          SELECT k.idx, r.indicador, sum(r.valor)::float8 AS resultado
          FROM k
          JOIN "RegistroResultados" pm ON pm.anio = k.anio AND pm.linea = 'CAPACITACION' AND pm.estado = 'VALIDADO'
            AND pm.trimestre BETWEEN 1 AND k.hasta
          JOIN "ResultadoIndicador" r ON r."registroId" = pm.id
          GROUP BY 1, 2
        )
        SELECT x.idx, NULL::uuid AS unit_id, NULL AS code, NULL AS name, x.indicador,
               coalesce(metas.programada, 0) AS programada,
               coalesce(metas.vigente, 0) AS vigente,
               coalesce(res.resultado, 0) AS resultado,
               round((100.0 * coalesce(res.resultado, 0) / nullif(metas.vigente, 0))::numeric, 2)::float8 AS avance
        FROM (SELECT idx, indicador FROM metas UNION SELECT idx, indicador FROM res) x
        LEFT JOIN metas ON metas.idx = x.idx AND metas.indicador = x.indicador
        LEFT JOIN res ON res.idx = x.idx AND res.indicador = x.indicador
        ORDER BY x.idx, x.indicador`;
      return keys.map((key, i) => {
        const p: AvanceParams = {
          anio: key.anio,
          linea: 'CAPACITACION',
          nivel: 'NACIONAL',
          trimestreDesde: 1,
          trimestreHasta: key.trimestreHasta,
          withinPath: null,
        };
        return fillNation(
          p,
          rows.filter((r) => Number(r.idx) === i + 1).map((r) => toRow(p, r)),
        );
      });
    },
    { cacheKeyFn: (k) => `${k.anio}:${k.trimestreHasta}` },
  );
}
