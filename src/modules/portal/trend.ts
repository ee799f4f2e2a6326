// The DVD's quarterly trend (C.4.4 step 10.1): per page, the accesses and the
// average time of the analysis' quarter against the previous quarter, with the
// change, computed in SQL from the imported weekly statistics of the analysis'
// unit. A week belongs to the quarter its Monday falls in. One statement for
// every analysis of a page (a batched loader).
import DataLoader from 'dataloader';
import type { Db } from '../../lib/db/client.js';

export interface TendenciaPagina {
  pagina: string;
  accesos: number;
  accesosAnterior: number;
  /** Percentage change of accesses against the previous quarter; null when it had none. */
  variacion: number | null;
  segundosPromedio: number | null;
  segundosPromedioAnterior: number | null;
}

export interface Tendencia {
  semanas: number;
  semanasAnterior: number;
  accesosTotales: number;
  accesosTotalesAnterior: number;
  variacion: number | null;
  paginas: TendenciaPagina[];
}

interface Fila {
  analisis: string;
  pagina: string | null;
  total: boolean;
  semanas: number;
  semanas_anterior: number;
  accesos: number;
  accesos_anterior: number;
  variacion: number | null;
  segundos: number | null;
  segundos_anterior: number | null;
}

/** Trends of the given analyses (by id): the per-page rows and the quarter's totals (GROUPING SETS). */
export async function tendencias(db: Pick<Db, '$queryRaw'>, ids: readonly string[]): Promise<Map<string, Tendencia>> {
  const rows = await db.$queryRaw<Fila[]>`
    WITH a AS (
      SELECT id, "unitId", make_date(anio, 3 * trimestre - 2, 1) AS ini
      FROM "AnalisisPortal" WHERE id = ANY(${[...ids]}::uuid[])
    ), g AS (
      SELECT a.id AS analisis, p.pagina, GROUPING(p.pagina) = 1 AS total,
             COUNT(DISTINCT e.id) FILTER (WHERE e.semana >= a.ini)::int AS semanas,
             COUNT(DISTINCT e.id) FILTER (WHERE e.semana < a.ini)::int AS semanas_anterior,
             COALESCE(SUM(p.accesos) FILTER (WHERE e.semana >= a.ini), 0)::int AS accesos,
             COALESCE(SUM(p.accesos) FILTER (WHERE e.semana < a.ini), 0)::int AS accesos_anterior,
             round(SUM(p.accesos::bigint * p."segundosPromedio") FILTER (WHERE e.semana >= a.ini)
                   / NULLIF(SUM(p.accesos) FILTER (WHERE e.semana >= a.ini), 0))::int AS segundos,
             round(SUM(p.accesos::bigint * p."segundosPromedio") FILTER (WHERE e.semana < a.ini)
                   / NULLIF(SUM(p.accesos) FILTER (WHERE e.semana < a.ini), 0))::int AS segundos_anterior
      FROM a
      JOIN "EstadisticaPortal" e ON e."unitId" = a."unitId" AND e.semana >= a.ini - interval '3 months' AND e.semana < a.ini + interval '3 months'
      JOIN "EstadisticaPortalPagina" p ON p."estadisticaPortalId" = e.id
      GROUP BY GROUPING SETS ((a.id, p.pagina), (a.id))
    )
    SELECT g.*, CASE WHEN accesos_anterior > 0 THEN round(100.0 * (accesos - accesos_anterior) / accesos_anterior, 1)::float8 END AS variacion
    FROM g ORDER BY analisis, total DESC, accesos DESC, pagina`;
  const out = new Map<string, Tendencia>();
  for (const r of rows) {
    if (r.total) {
      out.set(r.analisis, {
        semanas: r.semanas,
        semanasAnterior: r.semanas_anterior,
        accesosTotales: r.accesos,
        accesosTotalesAnterior: r.accesos_anterior,
        variacion: r.variacion,
        paginas: [],
      });
      continue;
    }
    out.get(r.analisis)!.paginas.push({
      pagina: r.pagina!,
      accesos: r.accesos,
      accesosAnterior: r.accesos_anterior,
      variacion: r.variacion,
      segundosPromedio: r.segundos,
      segundosPromedioAnterior: r.segundos_anterior,
    });
  }
  return out;
}

const EMPTY: Tendencia = { semanas: 0, semanasAnterior: 0, accesosTotales: 0, accesosTotalesAnterior: 0, variacion: null, paginas: [] };

/** The request's loader of trends, by analysis id. */
export const tendenciaLoader = (db: Db) =>
  new DataLoader<string, Tendencia>(async (ids) => {
    const found = await tendencias(db, ids);
    return ids.map((id) => found.get(id) ?? EMPTY);
  });
