-- reporting.indicadores, AVANCE_METAS: a unit with validated results but no goal of its own in that quarter (a plantel
-- of a state's training programme whose goals are set at the state) has a row too (denominator 0, value null), as
-- GraphQL's avanceMetas answers it. Before, its results were missing from the view. test/reporting-indicators.test.ts
-- compares every indicator of the view with GraphQL's. Same columns, same grants and comment (CREATE OR REPLACE).

CREATE OR REPLACE VIEW reporting.indicadores WITH (security_barrier = true) AS
  WITH promocion AS (
    SELECT pc."unitId" AS unidad_id, pc.anio, q.trimestre,
           (SELECT count(*) FROM "ActividadRealizada" ar
             WHERE ar."planId" = pc.id AND ar."destruidoAt" IS NULL
               AND ar.fecha >= make_date(pc.anio, q.trimestre * 3 - 2, 1)
               AND ar.fecha < make_date(pc.anio, q.trimestre * 3 - 2, 1) + interval '3 months')::float8 AS numerador,
           (SELECT count(*) FROM "ActividadProgramada" ap
             WHERE ap."planId" = pc.id AND ap.mes BETWEEN q.trimestre * 3 - 2 AND q.trimestre * 3)::float8 AS denominador
    FROM "PlanAnualCentro" pc
    CROSS JOIN generate_series(1, 4) AS q(trimestre)
    WHERE pc.estado = 'VALIDADO' AND pc."destruidoAt" IS NULL
  ), terminal AS (
    SELECT a."unitId" AS unidad_id, a.generacion AS anio,
           count(*) FILTER (WHERE a.estatus = 'EGRESADO')::float8 AS numerador,
           count(*) FILTER (WHERE a."semestreIngreso" = 1)::float8 AS denominador
    FROM "Alumno" a
    GROUP BY 1, 2
  ), metas_goals AS (
    SELECT m."unitId" AS unidad_id, m.indicador::text AS indicador, pm.anio, m.trimestre, sum(m."valorAprobado")::float8 AS meta
    FROM "MetaIndicador" m JOIN "ProgramaMetas" pm ON pm.id = m."programaId"
    WHERE m."valorAprobado" IS NOT NULL
    GROUP BY 1, 2, 3, 4
  ), metas_results AS (
    SELECT r."unitId" AS unidad_id, r.indicador::text AS indicador, rr.anio, rr.trimestre, sum(r.valor)::float8 AS resultado
    FROM "ResultadoIndicador" r JOIN "RegistroResultados" rr ON rr.id = r."registroId"
    WHERE rr.estado = 'VALIDADO'
    GROUP BY 1, 2, 3, 4
  ), metas AS (
    SELECT k.unidad_id, k.indicador, k.anio, k.trimestre,
           coalesce(r.resultado, 0)::float8 AS numerador, coalesce(g.meta, 0)::float8 AS denominador
    FROM (SELECT unidad_id, indicador, anio, trimestre FROM metas_goals
          UNION SELECT unidad_id, indicador, anio, trimestre FROM metas_results) k
    LEFT JOIN metas_goals g ON g.unidad_id = k.unidad_id AND g.indicador = k.indicador AND g.anio = k.anio AND g.trimestre = k.trimestre
    LEFT JOIN metas_results r ON r.unidad_id = k.unidad_id AND r.indicador = k.indicador AND r.anio = k.anio AND r.trimestre = k.trimestre
  ), todos AS (
    SELECT 'EFICIENCIA_PROMOCION' AS indicador, 'acciones realizadas / acciones programadas × 100' AS definicion,
           'acciones realizadas' AS numerador_descripcion, 'acciones programadas' AS denominador_descripcion,
           unidad_id, anio, trimestre, anio || '-T' || trimestre AS periodo, numerador, denominador
    FROM promocion
    UNION ALL
    SELECT 'EFICIENCIA_TERMINAL', 'egresados de la generación / inscritos en primer semestre de la generación × 100',
           'egresados', 'inscritos en primer semestre', unidad_id, anio, NULL, anio::text, numerador, denominador
    FROM terminal
    UNION ALL
    SELECT 'AVANCE_METAS:' || indicador, 'resultado validado / meta vigente × 100', 'resultado validado', 'meta vigente',
           unidad_id, anio, trimestre, anio || '-T' || trimestre, numerador, denominador
    FROM metas
  )
  SELECT t.indicador, t.definicion, t.numerador_descripcion, t.denominador_descripcion, '%'::text AS unidad_medida,
         t.unidad_id, u.code AS unidad_codigo, u.kind::text AS unidad_tipo, u.path AS unit_path,
         nullif(split_part(u.path, '/', 3), '')::uuid AS colegio_estatal_id,
         t.anio, t.trimestre, t.periodo, t.numerador, t.denominador,
         round((100 * t.numerador / nullif(t.denominador, 0))::numeric, 2)::float8 AS valor
  FROM todos t
  JOIN "OrgUnit" u ON u.id = t.unidad_id
  WHERE EXISTS (SELECT 1 FROM reporting.alcance_actual a WHERE u.path LIKE a.unit_path || '%');
