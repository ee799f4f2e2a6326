-- The reporting schema for BI tools (docs/bi.md, docs/decisions/NNN-reporting-schema.md): stable, documented
-- views of the indicators, the procedures' records and CONOCER's figures, with no personal data (no CURP, names
-- or e-mails). Readers: the role reporting_reader (NOLOGIN, may read this schema only) and the login roles
-- granted it. Rows are limited by organisational unit: reporting.acceso maps a database role to the unit paths
-- it reaches, and every view keeps only the rows under a path the current user's roles reach.

-- Roles are cluster-wide: created once, kept when they exist (another database of the cluster made them).
DO E'BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ''reporting_reader'') THEN CREATE ROLE reporting_reader NOLOGIN\073 END IF\073 IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ''reporting_nacional'') THEN CREATE ROLE reporting_nacional NOLOGIN IN ROLE reporting_reader\073 END IF\073 EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL\073 END';

CREATE SCHEMA reporting;

COMMENT ON SCHEMA reporting IS 'Read-only views for BI tools (docs/bi.md). Stable: columns are only added, never renamed or removed without a notice in docs/api-changes.md. No personal data.';

CREATE TABLE reporting.acceso (
  rol TEXT NOT NULL,
  unit_path TEXT NOT NULL,
  nota TEXT,
  PRIMARY KEY (rol, unit_path)
);

COMMENT ON TABLE reporting.acceso IS 'Which units each database role reads: a row (rol, unit_path) lets members of rol read the rows of that unit and its descendants. Not readable by analysts.';

INSERT INTO reporting.acceso (rol, unit_path, nota) VALUES ('reporting_nacional', '/', 'National analysts: every unit');

CREATE VIEW reporting.alcance_actual WITH (security_barrier = true) AS
  SELECT DISTINCT a.unit_path
  FROM reporting.acceso a
  JOIN pg_roles r ON r.rolname = a.rol
  WHERE pg_has_role(current_user, r.oid, 'MEMBER');

COMMENT ON VIEW reporting.alcance_actual IS 'The unit paths the current database user reaches (through reporting.acceso).';

CREATE VIEW reporting.unidades WITH (security_barrier = true) AS
  SELECT u.id AS unidad_id, u.code AS unidad_codigo, u.name AS unidad_nombre, u.kind::text AS tipo, u.path AS unit_path,
         u."parentId" AS unidad_padre_id, nullif(split_part(u.path, '/', 3), '')::uuid AS colegio_estatal_id
  FROM "OrgUnit" u
  WHERE EXISTS (SELECT 1 FROM reporting.alcance_actual a WHERE u.path LIKE a.unit_path || '%');

COMMENT ON VIEW reporting.unidades IS 'Organisational units: unit_path is the materialised path of ids (a unit and its descendants share its prefix), colegio_estatal_id the state (or UODCDMX, RCEO, national office) it belongs to.';

CREATE VIEW reporting.registros WITH (security_barrier = true) AS
  SELECT r.tipo, r.registro_id, r.estado, r.anio, r.creado, r.unidad_id, u.code AS unidad_codigo, u.path AS unit_path,
         nullif(split_part(u.path, '/', 3), '')::uuid AS colegio_estatal_id
  FROM (
    SELECT 'ProyectoNormativo' AS tipo, t.id AS registro_id, t.estado::text AS estado, NULL::int AS anio, t."createdAt" AS creado, t."unitId" AS unidad_id FROM "ProyectoNormativo" t
    UNION ALL
    SELECT 'ReunionTrabajoCast' AS tipo, t.id AS registro_id, t.estado::text AS estado, NULL::int AS anio, t."createdAt" AS creado, t."unitId" AS unidad_id FROM "ReunionTrabajoCast" t
    UNION ALL
    SELECT 'PlanTrabajoAnual' AS tipo, t.id AS registro_id, t.estado::text AS estado, t.anio::int AS anio, t."createdAt" AS creado, t."unitId" AS unidad_id FROM "PlanTrabajoAnual" t
    UNION ALL
    SELECT 'PlanAnualCentro' AS tipo, t.id AS registro_id, t.estado::text AS estado, t.anio::int AS anio, t."createdAt" AS creado, t."unitId" AS unidad_id FROM "PlanAnualCentro" t
    UNION ALL
    SELECT 'ReporteTrimestral' AS tipo, t.id AS registro_id, t.estado::text AS estado, NULL::int AS anio, t."createdAt" AS creado, t."unitId" AS unidad_id FROM "ReporteTrimestral" t
    UNION ALL
    SELECT 'ConcentradoEstatal' AS tipo, t.id AS registro_id, t.estado::text AS estado, NULL::int AS anio, t."createdAt" AS creado, t."unitId" AS unidad_id FROM "ConcentradoEstatal" t
    UNION ALL
    SELECT 'AccionMejora' AS tipo, t.id AS registro_id, t.estado::text AS estado, NULL::int AS anio, t."createdAt" AS creado, t."unitId" AS unidad_id FROM "AccionMejora" t
    UNION ALL
    SELECT 'Certificado' AS tipo, t.id AS registro_id, t.estado::text AS estado, NULL::int AS anio, t."createdAt" AS creado, t."unitId" AS unidad_id FROM "Certificado" t
    UNION ALL
    SELECT 'Baja' AS tipo, t.id AS registro_id, t.estado::text AS estado, NULL::int AS anio, t."createdAt" AS creado, t."unitId" AS unidad_id FROM "Baja" t
    UNION ALL
    SELECT 'AcuerdoReunion' AS tipo, t.id AS registro_id, t.estado::text AS estado, NULL::int AS anio, t."createdAt" AS creado, t."unitId" AS unidad_id FROM "AcuerdoReunion" t
    UNION ALL
    SELECT 'PromocionServiciosTecnologicos' AS tipo, t.id AS registro_id, t.estado::text AS estado, t.anio::int AS anio, t."createdAt" AS creado, t."unitId" AS unidad_id FROM "PromocionServiciosTecnologicos" t
    UNION ALL
    SELECT 'SolicitudDirigida' AS tipo, t.id AS registro_id, t.estado::text AS estado, NULL::int AS anio, t."createdAt" AS creado, t."unitId" AS unidad_id FROM "SolicitudDirigida" t
    UNION ALL
    SELECT 'OfertaCapacitacion' AS tipo, t.id AS registro_id, t.estado::text AS estado, t.anio::int AS anio, t."createdAt" AS creado, t."unitId" AS unidad_id FROM "OfertaCapacitacion" t
    UNION ALL
    SELECT 'ProgramaMetas' AS tipo, t.id AS registro_id, t.estado::text AS estado, t.anio::int AS anio, t."createdAt" AS creado, t."unitId" AS unidad_id FROM "ProgramaMetas" t
    UNION ALL
    SELECT 'RegistroResultados' AS tipo, t.id AS registro_id, t.estado::text AS estado, t.anio::int AS anio, t."createdAt" AS creado, t."unitId" AS unidad_id FROM "RegistroResultados" t
    UNION ALL
    SELECT 'ProgramaNacionalCapacitacion' AS tipo, t.id AS registro_id, t.estado::text AS estado, t.anio::int AS anio, t."createdAt" AS creado, t."unitId" AS unidad_id FROM "ProgramaNacionalCapacitacion" t
    UNION ALL
    SELECT 'CursoCatalogo' AS tipo, t.id AS registro_id, t.estado::text AS estado, NULL::int AS anio, t."createdAt" AS creado, t."unitId" AS unidad_id FROM "CursoCatalogo" t
  ) r
  JOIN "OrgUnit" u ON u.id = r.unidad_id
  WHERE EXISTS (SELECT 1 FROM reporting.alcance_actual a WHERE u.path LIKE a.unit_path || '%');

COMMENT ON VIEW reporting.registros IS 'Every record of every procedure with its state (tipo = the GraphQL type, estado = its workflow state), its unit and year. One row per record.';

CREATE VIEW reporting.transiciones WITH (security_barrier = true) AS
  SELECT w.workflow, w."recordId" AS registro_id, w.transition AS paso, w."fromState" AS de_estado, w."toState" AS a_estado,
         w."actorRole"::text AS rol_actor, w."actorUnitId" AS unidad_actor_id, u.path AS unit_path,
         nullif(split_part(u.path, '/', 3), '')::uuid AS colegio_estatal_id, w.at AS fecha
  FROM "WorkflowTransition" w
  JOIN "OrgUnit" u ON u.id = w."actorUnitId"
  WHERE EXISTS (SELECT 1 FROM reporting.alcance_actual a WHERE u.path LIKE a.unit_path || '%');

COMMENT ON VIEW reporting.transiciones IS 'The audit trail of the workflows: each step taken, by which role at which unit (the person is not shown), scoped by the acting unit.';

CREATE VIEW reporting.alumnos WITH (security_barrier = true) AS
  SELECT a.id AS alumno_id, a.generacion, a.carrera, a."modeloAcademico"::text AS modelo_academico, a.semestre,
         a."semestreIngreso" AS semestre_ingreso, a.estatus::text AS estatus, a."planConcluido" AS plan_concluido,
         CASE substr(a.curp, 11, 1) WHEN 'H' THEN 'H' WHEN 'M' THEN 'M' ELSE NULL END AS sexo,
         a."unitId" AS unidad_id, u.code AS unidad_codigo, u.path AS unit_path,
         nullif(split_part(u.path, '/', 3), '')::uuid AS colegio_estatal_id
  FROM "Alumno" a
  JOIN "OrgUnit" u ON u.id = a."unitId"
  WHERE EXISTS (SELECT 1 FROM reporting.alcance_actual x WHERE u.path LIKE x.unit_path || '%');

COMMENT ON VIEW reporting.alumnos IS 'Students without personal data: no CURP, matrícula or names (sexo is read from the CURP and only it is shown).';

CREATE VIEW reporting.indicadores WITH (security_barrier = true) AS
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
  ), metas AS (
    SELECT k.unidad_id, k.indicador, k.anio, k.trimestre,
           coalesce((SELECT sum(r.valor) FROM "ResultadoIndicador" r JOIN "RegistroResultados" rr ON rr.id = r."registroId"
                      WHERE r."unitId" = k.unidad_id AND r.indicador::text = k.indicador AND rr.anio = k.anio
                        AND rr.trimestre = k.trimestre AND rr.estado = 'VALIDADO'), 0)::float8 AS numerador,
           k.meta AS denominador
    FROM (
      SELECT m."unitId" AS unidad_id, m.indicador::text AS indicador, pm.anio, m.trimestre, sum(m."valorAprobado")::float8 AS meta
      FROM "MetaIndicador" m JOIN "ProgramaMetas" pm ON pm.id = m."programaId"
      WHERE m."valorAprobado" IS NOT NULL
      GROUP BY 1, 2, 3, 4
    ) k
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

COMMENT ON VIEW reporting.indicadores IS 'Every indicator per unit and period, with numerator, denominator and unit of measure: EFICIENCIA_PROMOCION (15-528-PO-26, per plantel and quarter), EFICIENCIA_TERMINAL (30-524-PO-04, per plantel and generation), AVANCE_METAS:<indicator> (7081-MP-SI, per unit and quarter). Sum numerators and denominators to aggregate, never the values.';

CREATE VIEW reporting.conocer_cifras AS
  SELECT c.concepto::text AS concepto, c.naturaleza::text AS naturaleza, c.periodo::text AS periodo, c.anio, c."anioDesde" AS anio_desde,
         c.trimestre, c."fechaCorte" AS fecha_corte, c.desglose, c.miembro, c.valor, c.meta, c.estimado,
         c.fuente, c."fuenteLinea" AS fuente_linea, c."fuenteTexto" AS fuente_texto, c.nota
  FROM "CifraConocer" c;

COMMENT ON VIEW reporting.conocer_cifras IS 'CONOCER national figures (seed 002): flows per year or cumulative quarter, stocks at a date, multi-year periods, breakdowns, goals (meta) and estimates (estimado), each with its source line.';

CREATE VIEW reporting.conocer_indicadores AS
  WITH anual AS (
    SELECT concepto, anio, valor FROM "CifraConocer"
    WHERE periodo = 'ANUAL' AND desglose = '' AND NOT meta AND NOT estimado
  ), metas AS (
    SELECT concepto, anio, valor FROM "CifraConocer"
    WHERE periodo = 'ANUAL' AND desglose = '' AND meta
  ), stock AS (
    SELECT DISTINCT ON (concepto, extract(year FROM "fechaCorte")) concepto, extract(year FROM "fechaCorte")::int AS anio, valor
    FROM "CifraConocer"
    WHERE periodo = 'AL_CORTE' AND desglose = '' AND NOT meta AND NOT estimado
    ORDER BY concepto, extract(year FROM "fechaCorte"), "fechaCorte" DESC
  ), calc AS (
    SELECT i.*,
           CASE i.formula
             WHEN 'CUMPLIMIENTO_META' THEN a.valor
             WHEN 'CRECIMIENTO_ANUAL' THEN a.valor - p.valor
             WHEN 'CRECIMIENTO_STOCK' THEN s1.valor - s0.valor
           END AS numerador,
           CASE i.formula
             WHEN 'CUMPLIMIENTO_META' THEN m.valor
             WHEN 'CRECIMIENTO_ANUAL' THEN p.valor
             WHEN 'CRECIMIENTO_STOCK' THEN s0.valor
           END AS denominador,
           a.valor AS valor_anio
    FROM "IndicadorConocerReportado" i
    LEFT JOIN anual a ON a.concepto = i.concepto AND a.anio = i.anio
    LEFT JOIN anual p ON p.concepto = i.concepto AND p.anio = i.anio - 1
    LEFT JOIN metas m ON m.concepto = i.concepto AND m.anio = i.anio
    LEFT JOIN stock s1 ON s1.concepto = i.concepto AND s1.anio = i.anio
    LEFT JOIN stock s0 ON s0.concepto = i.concepto AND s0.anio = i."anioDesde"
  ), val AS (
    SELECT c.*, round((100 * c.numerador / nullif(c.denominador, 0))::numeric, 1)::float8 AS valor_calculado FROM calc c
  )
  SELECT v.indicador::text AS indicador, v.formula::text AS formula, v.concepto::text AS concepto, v.anio, v."anioDesde" AS anio_desde,
         v.numerador, v.denominador, v.valor_calculado, v."valorReportado" AS valor_reportado,
         round((v."valorReportado" - v.valor_calculado)::numeric, 1)::float8 AS diferencia,
         CASE WHEN v."valorReportado" IS NULL OR v.valor_calculado IS NULL THEN NULL
              ELSE abs(v."valorReportado" - v.valor_calculado) < 0.05 END AS coincide,
         CASE WHEN v.formula = 'CUMPLIMIENTO_META' AND v."valorReportado" > 0 AND v.valor_anio IS NOT NULL
              THEN round((100 * v.valor_anio / v."valorReportado")::numeric, 1)::float8 END AS meta_implicita,
         v.fuente, v."fuenteLinea" AS fuente_linea, v."fuenteTexto" AS fuente_texto
  FROM val v;

COMMENT ON VIEW reporting.conocer_indicadores IS 'CONOCER programme indicators: the value the report states beside the value computed from the figures (numerator / denominator), their difference, and for goal attainment without a stated goal the goal the stated percentage implies.';

CREATE VIEW reporting.conocer_conciliaciones AS
  SELECT 'PARTES_CONTRA_TOTAL'::text AS regla, t.concepto::text AS concepto, t.periodo::text AS periodo, t.anio, t."anioDesde" AS anio_desde,
         t.trimestre, t."fechaCorte" AS fecha_corte, p.desglose, t.meta, t.estimado, t.valor AS total_reportado, p.suma AS suma_calculada,
         p.partes, t.valor - p.suma AS diferencia, t.valor = p.suma AS cuadra, t."fuenteLinea" AS fuente_linea
  FROM "CifraConocer" t
  JOIN (
    SELECT concepto, periodo, anio, "anioDesde", trimestre, "fechaCorte", meta, estimado, desglose, sum(valor) AS suma, count(*)::int AS partes
    FROM "CifraConocer" WHERE desglose <> ''
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ) p ON p.concepto = t.concepto AND p.periodo = t.periodo AND p.anio = t.anio AND p."anioDesde" IS NOT DISTINCT FROM t."anioDesde"
     AND p.trimestre IS NOT DISTINCT FROM t.trimestre AND p."fechaCorte" IS NOT DISTINCT FROM t."fechaCorte"
     AND p.meta = t.meta AND p.estimado = t.estimado
  WHERE t.desglose = ''
  UNION ALL
  SELECT 'SUMA_DE_ANIOS_CONTRA_PERIODO', t.concepto::text, t.periodo::text, t.anio, t."anioDesde", t.trimestre, t."fechaCorte", ''::text,
         t.meta, t.estimado, t.valor, s.suma, s.partes, t.valor - s.suma, t.valor = s.suma, t."fuenteLinea"
  FROM "CifraConocer" t
  CROSS JOIN LATERAL (
    SELECT sum(c.valor) AS suma, count(*)::int AS partes
    FROM "CifraConocer" c
    WHERE c.concepto = t.concepto AND c.desglose = '' AND NOT c.meta AND NOT c.estimado
      AND ((c.periodo = 'ANUAL' AND c.anio >= t."anioDesde" AND (c.anio < t.anio OR (c.anio = t.anio AND t.trimestre IS NULL)))
        OR (c.periodo = 'TRIMESTRE_ACUMULADO' AND c.anio = t.anio AND c.trimestre = t.trimestre))
  ) s
  WHERE t.periodo = 'PERIODO' AND t.desglose = '' AND NOT t.meta AND s.partes > 0;

COMMENT ON VIEW reporting.conocer_conciliaciones IS 'Reconciliation checks of CONOCER figures: parts against their total, and the years of a period against the period total. A mismatch is flagged (cuadra = false, diferencia), never corrected.';

-- The API reads the views too (exports, reports): its own user reaches every unit, and filters by the viewer itself.
GRANT reporting_nacional TO CURRENT_USER;

GRANT USAGE ON SCHEMA reporting TO reporting_reader;

GRANT SELECT ON reporting.unidades, reporting.registros, reporting.transiciones, reporting.alumnos, reporting.indicadores,
  reporting.conocer_cifras, reporting.conocer_indicadores, reporting.conocer_conciliaciones TO reporting_reader;
