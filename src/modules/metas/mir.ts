// SPDI-DPP's typed report (issue #16): the MIR goals and progress of the
// training indicators (7081-MP-SI Pd-02-It-02 PAT 6 and 9, Pd-02-It-06 6-7).
// The CSC sends SPDI-DPP the national goals per indicator and quarter for the
// MIR (`sendProgramaNacionalCapacitacion`, kept per send in `MetaNacional`);
// the quarterly results the CSC validates are the progress against them.
// One row per programme × indicator × quarter: numerator (validated results),
// denominator (the national goal as last sent), unit of measure, period, and
// the cumulative figures from the first quarter (what the MIR reports).
// Scope: programmes owned by a unit within the reader's reach, or addressed to
// one for the MIR (SPDI-DPP reads only what was sent to it); read in one
// statement on the reporting connection. Also /exports/reporteMir.csv|.xlsx.
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { IndicadorMeta } from '../../generated/prisma/enums.js';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { readablePrefixes, type Viewer } from '../../lib/auth/viewer.js';
import { reportingQuery } from '../../lib/reporting/pool.js';
import { badInput } from '../../lib/errors.js';
import { checkQuarters, IndicadorMetaEnum } from './types.js';
import { INDICADORES } from './workflow.js';

/** What each training indicator counts (the MIR's unidad de medida). */
export const UNIDAD_MEDIDA: Partial<Record<IndicadorMeta, string>> = {
  CURSOS_IMPARTIDOS: 'cursos',
  PERSONAS_CAPACITADAS: 'personas',
  EMPRESAS_ATENDIDAS: 'empresas',
  INGRESOS_CAPACITACION: 'centavos (MXN)',
};

export interface FilaMir {
  programaId: string;
  anio: number;
  trimestre: number;
  periodo: string;
  indicador: IndicadorMeta;
  unidadMedida: string;
  envio: number;
  enviadoAt: Date | null;
  metaOriginal: number;
  numerador: number;
  denominador: number;
  avance: number | null;
  numeradorAcumulado: number;
  denominadorAcumulado: number;
  avanceAcumulado: number | null;
}

type Raw = {
  programa_id: string;
  anio: number;
  trimestre: number;
  indicador: IndicadorMeta;
  envio: number;
  enviado_at: Date | null;
  meta_original: number;
  numerador: number;
  denominador: number;
  avance: number | null;
  numerador_acumulado: number;
  denominador_acumulado: number;
  avance_acumulado: number | null;
};

export interface FiltroMir {
  anio?: number | null;
  indicador?: IndicadorMeta | null;
  trimestreDesde: number;
  trimestreHasta: number;
}

/**
 * The MIR rows the viewer may read: sent national programmes owned within reach or addressed to a unit within it for the MIR.
 * WARNING: the results summed are every unit's, regardless of the reader's scope, on purpose (as `avanceNacional`):
 * SPDI-DPP receives the national figures. Only national totals leave this function, never a unit's.
 */
export async function reporteMir(ctx: Pick<Context, 'reporting' | 'db'>, viewer: Viewer, f: FiltroMir): Promise<FilaMir[]> {
  const prefixes = readablePrefixes(viewer).map((p) => `${p}%`);
  if (!prefixes.length) return [];
  const indicadores = f.indicador ? [f.indicador] : [...INDICADORES.CAPACITACION];
  const rows = await reportingQuery<Raw>(
    ctx,
    `WITH prog AS (
       SELECT p.id, p.anio, p.envios, p."enviadoAt"
       FROM "ProgramaNacionalCapacitacion" p
       JOIN "OrgUnit" u ON u.id = p."unitId"
       WHERE p.envios > 0 AND ($2::int IS NULL OR p.anio = $2)
         AND (u.path LIKE ANY ($1::text[])
              OR EXISTS (SELECT 1 FROM "ProgramaNacionalCapacitacionDestinatario" d JOIN "OrgUnit" du ON du.id = d."unitId"
                         WHERE d."programaId" = p.id AND d.fin = 'MIR' AND du.path LIKE ANY ($1::text[])))
     ), celdas AS (
       SELECT prog.*, i.indicador, i.orden, t.trimestre
       FROM prog
       CROSS JOIN unnest($3::text[]) WITH ORDINALITY AS i(indicador, orden)
       CROSS JOIN generate_series(1, 4) AS t(trimestre)
     ), res AS (
       SELECT rr.anio, rr.trimestre, r.indicador::text AS indicador, sum(r.valor)::float8 AS resultado
       FROM "ResultadoIndicador" r
       JOIN "RegistroResultados" rr ON rr.id = r."registroId"
       WHERE rr.linea = 'CAPACITACION' AND rr.estado = 'VALIDADO' AND rr.anio IN (SELECT anio FROM prog)
       GROUP BY 1, 2, 3
     ), filas AS (
       SELECT c.id AS programa_id, c.anio, c.trimestre, c.indicador, c.orden, c.envios AS envio, c."enviadoAt" AS enviado_at,
              coalesce(o.valor, 0)::float8 AS meta_original,
              coalesce(res.resultado, 0)::float8 AS numerador,
              coalesce(v.valor, 0)::float8 AS denominador
       FROM celdas c
       LEFT JOIN "MetaNacional" v ON v."programaId" = c.id AND v.envio = c.envios AND v.indicador::text = c.indicador AND v.trimestre = c.trimestre
       LEFT JOIN "MetaNacional" o ON o."programaId" = c.id AND o.envio = 1 AND o.indicador::text = c.indicador AND o.trimestre = c.trimestre
       LEFT JOIN res ON res.anio = c.anio AND res.trimestre = c.trimestre AND res.indicador = c.indicador
     ), acumuladas AS (
       SELECT f.*,
              sum(f.numerador) OVER w AS numerador_acumulado,
              sum(f.denominador) OVER w AS denominador_acumulado
       FROM filas f
       WINDOW w AS (PARTITION BY f.programa_id, f.indicador ORDER BY f.trimestre)
     )
     SELECT programa_id, anio, trimestre, indicador, envio, enviado_at, meta_original, numerador, denominador,
            round((100.0 * numerador / nullif(denominador, 0))::numeric, 2)::float8 AS avance,
            numerador_acumulado, denominador_acumulado,
            round((100.0 * numerador_acumulado / nullif(denominador_acumulado, 0))::numeric, 2)::float8 AS avance_acumulado
     FROM acumuladas
     WHERE trimestre BETWEEN $4 AND $5
     ORDER BY anio, orden, trimestre`,
    [prefixes, f.anio ?? null, indicadores, f.trimestreDesde, f.trimestreHasta],
  );
  return rows.map((r) => ({
    programaId: r.programa_id,
    anio: r.anio,
    trimestre: r.trimestre,
    periodo: `${r.anio}-T${r.trimestre}`,
    indicador: r.indicador,
    unidadMedida: UNIDAD_MEDIDA[r.indicador] ?? '',
    envio: r.envio,
    enviadoAt: r.enviado_at,
    metaOriginal: r.meta_original,
    numerador: r.numerador,
    denominador: r.denominador,
    avance: r.avance,
    numeradorAcumulado: r.numerador_acumulado,
    denominadorAcumulado: r.denominador_acumulado,
    avanceAcumulado: r.avance_acumulado,
  }));
}

const FilaMirRef = builder.objectRef<FilaMir>('FilaReporteMir').implement({
  description:
    "One row of SPDI-DPP's MIR report: a training indicator's national goal as sent to SPDI-DPP and the validated results, for one quarter and cumulatively from the first. avance = numerador / denominador × 100.",
  fields: (t) => ({
    programaId: t.id({
      description: 'The national training programme (ProgramaNacionalCapacitacion) whose goals were sent.',
      resolve: (r) => encodeGlobalID('ProgramaNacionalCapacitacion', r.programaId),
    }),
    anio: t.exposeInt('anio', { description: 'The year of the goals.' }),
    trimestre: t.exposeInt('trimestre', { description: 'The quarter (1 to 4).' }),
    periodo: t.exposeString('periodo', { description: 'The period as a label, e.g. 2026-T1 (chart axis).' }),
    indicador: t.expose('indicador', { type: IndicadorMetaEnum }),
    unidadMedida: t.exposeString('unidadMedida', {
      description: 'What the indicator counts: cursos, personas, empresas, or centavos (MXN) for income.',
    }),
    envio: t.exposeInt('envio', { description: 'The send whose goals are the denominator (the last; 1 = the first).' }),
    enviadoAt: t.expose('enviadoAt', { type: 'DateTime', nullable: true, description: 'When the programme was last sent to SPDI-DPP.' }),
    metaOriginal: t.exposeFloat('metaOriginal', {
      description: "The quarter's national goal as first sent (envío 1), before any reprogramming.",
    }),
    numerador: t.exposeFloat('numerador', { description: "The quarter's validated results, every unit of the nation." }),
    denominador: t.exposeFloat('denominador', { description: "The quarter's national goal as last sent to SPDI-DPP." }),
    avance: t.exposeFloat('avance', { nullable: true, description: 'numerador / denominador × 100, two decimals; null without a goal.' }),
    numeradorAcumulado: t.exposeFloat('numeradorAcumulado', { description: 'Validated results from the first quarter to this one.' }),
    denominadorAcumulado: t.exposeFloat('denominadorAcumulado', {
      description: 'The national goals as last sent, from the first quarter to this one.',
    }),
    avanceAcumulado: t.exposeFloat('avanceAcumulado', {
      nullable: true,
      description: 'numeradorAcumulado / denominadorAcumulado × 100, two decimals; null without a goal.',
    }),
  }),
});

builder.queryField('reporteMir', (t) =>
  t.field({
    type: [FilaMirRef],
    description:
      "SPDI-DPP's MIR report (7081-MP-SI Pd-02-It-02 PAT 6, It-06 6-7): per sent national training programme, indicator and quarter, the national goal as sent and the validated results, with the cumulative progress. Programmes owned within your reach or sent to your unit for the MIR; national totals only. Also /exports/reporteMir.csv and .xlsx.",
    args: {
      anio: t.arg.int({ required: false, description: 'Only this year; default every year sent.' }),
      indicador: t.arg({ type: IndicadorMetaEnum, required: false, description: 'Only this training indicator.' }),
      trimestreDesde: t.arg.int({
        required: false,
        defaultValue: 1,
        description: 'First quarter shown (the cumulative figures still count from 1).',
      }),
      trimestreHasta: t.arg.int({ required: false, defaultValue: 4, description: 'Last quarter shown.' }),
    },
    resolve: (_root, args, ctx) => {
      const desde = args.trimestreDesde ?? 1;
      const hasta = args.trimestreHasta ?? 4;
      checkQuarters(desde, hasta);
      if (args.indicador && !INDICADORES.CAPACITACION.includes(args.indicador))
        throw badInput([{ path: ['indicador'], message: 'Must be a training indicator' }]);
      return reporteMir(ctx, ctx.viewer!, { anio: args.anio, indicador: args.indicador, trimestreDesde: desde, trimestreHasta: hasta });
    },
  }),
);
