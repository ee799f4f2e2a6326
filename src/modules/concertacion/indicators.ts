// Income indicators of the training services (7081-MP-SI Pd-02-It-04): per month, the cuotas validated
// (activity 5), invoiced (6), paid (7) and distributed (8); per participating unit, the derrama it receives;
// and what is pending (invoiced not paid, paid not distributed). Computed in SQL, one statement per call,
// over the coordinations the reader may see (the organisation's reach or a participating unit's), as
// exact decimals: the sums are numeric in PostgreSQL and decimal text in the API.
import { builder } from '../../builder.js';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Db } from '../../lib/db/client.js';
import { readablePrefixes, type Viewer } from '../../lib/auth/viewer.js';
import { withinUnit } from '../../lib/auth/scope.js';
import { badInput } from '../../lib/errors.js';
import { BUSINESS_TIME_ZONE } from '../../lib/business-days.js';

export interface IngresoMes {
  mes: number;
  cotizado: string;
  facturado: string;
  pagado: string;
  distribuido: string;
}
export interface IngresoUnidad {
  unitId: string;
  unitCode: string;
  unitName: string;
  distribuido: string;
  notificado: string;
}
export interface IngresosCapacitacion {
  anio: number;
  porMes: IngresoMes[];
  porUnidad: IngresoUnidad[];
  pendientePago: string;
  pendienteDistribuir: string;
}

/**
 * The indicators of `anio` (months in Mexico City time) over the coordinations `viewer` reads, optionally only
 * those whose organisation or a participating unit lies under the unit path `within` (and, per unit, only units there).
 */
export async function ingresosCapacitacion(db: Db, viewer: Viewer, anio: number, within: string | null): Promise<IngresosCapacitacion> {
  const scope = readablePrefixes(viewer).map((p) => `${p}%`);
  const dentro = within === null ? null : `${within}%`;
  const rows = await db.$queryRaw<
    { dim: string; clave: string; code: string | null; name: string | null; a: string; b: string; c: string; d: string }[]
  >`
    WITH c AS (
      SELECT c.* FROM "CoordinacionCapacitacion" c JOIN "OrgUnit" u ON u.id = c."unitId"
      WHERE (u.path LIKE ANY(${scope}) OR EXISTS (
          SELECT 1 FROM "ConcertacionCapacitacionParticipante" p JOIN "OrgUnit" pu ON pu.id = p."unitId"
          WHERE p."concertacionCapacitacionId" = c."concertacionCapacitacionId" AND pu.path LIKE ANY(${scope})))
        AND (${dentro}::text IS NULL OR u.path LIKE ${dentro} OR EXISTS (
          SELECT 1 FROM "ConcertacionCapacitacionParticipante" p JOIN "OrgUnit" pu ON pu.id = p."unitId"
          WHERE p."concertacionCapacitacionId" = c."concertacionCapacitacionId" AND pu.path LIKE ${dentro}))
    ),
    meses AS (SELECT generate_series(1, 12) AS mes),
    en AS (
      SELECT c.*,
        extract(year FROM c."cuotaValidadaAt" AT TIME ZONE 'UTC' AT TIME ZONE ${BUSINESS_TIME_ZONE})::int AS av,
        extract(month FROM c."cuotaValidadaAt" AT TIME ZONE 'UTC' AT TIME ZONE ${BUSINESS_TIME_ZONE})::int AS mv,
        extract(year FROM c."facturadaAt" AT TIME ZONE 'UTC' AT TIME ZONE ${BUSINESS_TIME_ZONE})::int AS af,
        extract(month FROM c."facturadaAt" AT TIME ZONE 'UTC' AT TIME ZONE ${BUSINESS_TIME_ZONE})::int AS mf,
        extract(year FROM c."pagadaAt" AT TIME ZONE 'UTC' AT TIME ZONE ${BUSINESS_TIME_ZONE})::int AS ap,
        extract(month FROM c."pagadaAt" AT TIME ZONE 'UTC' AT TIME ZONE ${BUSINESS_TIME_ZONE})::int AS mp,
        extract(year FROM c."derramaSolicitadaAt" AT TIME ZONE 'UTC' AT TIME ZONE ${BUSINESS_TIME_ZONE})::int AS ad,
        extract(month FROM c."derramaSolicitadaAt" AT TIME ZONE 'UTC' AT TIME ZONE ${BUSINESS_TIME_ZONE})::int AS md
      FROM c
    ),
    lineas AS (
      SELECT l.*, en.ad, en.md, en."derramaNotificadaAt", lu.code, lu.name, lu.path FROM "LineaDerrama" l
      JOIN en ON en.id = l."coordinacionCapacitacionId" JOIN "OrgUnit" lu ON lu.id = l."unitId"
      WHERE en.ad = ${anio} AND (${dentro}::text IS NULL OR lu.path LIKE ${dentro})
    )
    SELECT 'mes' AS dim, m.mes::text AS clave, NULL AS code, NULL AS name,
      (SELECT coalesce(sum("cuotaRecuperacion"), 0) FROM en WHERE av = ${anio} AND mv = m.mes)::numeric(14,2)::text AS a,
      (SELECT coalesce(sum("cuotaRecuperacion"), 0) FROM en WHERE af = ${anio} AND mf = m.mes)::numeric(14,2)::text AS b,
      (SELECT coalesce(sum("montoPagado"), 0) FROM en WHERE ap = ${anio} AND mp = m.mes)::numeric(14,2)::text AS c,
      (SELECT coalesce(sum("montoPagado"), 0) FROM en WHERE ad = ${anio} AND md = m.mes)::numeric(14,2)::text AS d
    FROM meses m
    UNION ALL
    SELECT 'unidad', l."unitId"::text, l.code, l.name,
      sum(l.monto)::numeric(14,2)::text,
      coalesce(sum(l.monto) FILTER (WHERE l."derramaNotificadaAt" IS NOT NULL), 0)::numeric(14,2)::text, '0', '0'
    FROM lineas l GROUP BY l."unitId", l.code, l.name
    UNION ALL
    SELECT 'pendiente', '', NULL, NULL,
      coalesce(sum("cuotaRecuperacion") FILTER (WHERE estado = 'FACTURADA' AND af = ${anio}), 0)::numeric(14,2)::text,
      coalesce(sum("montoPagado") FILTER (WHERE estado = 'PAGADA' AND ap = ${anio}), 0)::numeric(14,2)::text, '0', '0'
    FROM en`;
  const pendiente = rows.find((r) => r.dim === 'pendiente')!;
  return {
    anio,
    porMes: rows
      .filter((r) => r.dim === 'mes')
      .map((r) => ({ mes: Number(r.clave), cotizado: r.a, facturado: r.b, pagado: r.c, distribuido: r.d }))
      .sort((x, y) => x.mes - y.mes),
    porUnidad: rows
      .filter((r) => r.dim === 'unidad')
      .map((r) => ({ unitId: r.clave, unitCode: r.code!, unitName: r.name!, distribuido: r.a, notificado: r.b }))
      .sort((x, y) => x.unitCode.localeCompare(y.unitCode)),
    pendientePago: pendiente.a,
    pendienteDistribuir: pendiente.b,
  };
}

const IngresoMesRef = builder.objectRef<IngresoMes>('IngresoCapacitacionMes').implement({
  description: 'The training income of one month (Mexico City time), pesos as decimal text with two decimals.',
  fields: (t) => ({
    mes: t.exposeInt('mes', { description: 'The month, 1 to 12.' }),
    cotizado: t.exposeString('cotizado', { description: 'Cuotas validated with the user and the participants that month (activity 5).' }),
    facturado: t.exposeString('facturado', { description: 'Cuotas whose CFDI was received that month (activity 6).' }),
    pagado: t.exposeString('pagado', { description: 'Payments made that month (activity 7).' }),
    distribuido: t.exposeString('distribuido', { description: 'Payments whose derrama was asked of the DAF that month (activity 8).' }),
  }),
});
const IngresoUnidadRef = builder.objectRef<IngresoUnidad>('IngresoCapacitacionUnidad').implement({
  description: 'The derrama a participating unit receives in the year (activity 8), pesos as decimal text with two decimals.',
  fields: (t) => ({
    unitId: t.id({ description: 'The unit (global id of an OrgUnit).', resolve: (r) => encodeGlobalID('OrgUnit', r.unitId) }),
    unitCode: t.exposeString('unitCode', { description: 'Its code.' }),
    unitName: t.exposeString('unitName', { description: 'Its name.' }),
    distribuido: t.exposeString('distribuido', { description: 'The parts of the derramas asked for it in the year.' }),
    notificado: t.exposeString('notificado', { description: 'Of those, the parts already notified to it (activity 9).' }),
  }),
});
const IngresosRef = builder.objectRef<IngresosCapacitacion>('IngresosCapacitacion').implement({
  description:
    'Income of the training services (7081-MP-SI Pd-02-It-04) in a year, over the coordinations the viewer may see: per month, per ' +
    'participating unit, and what is pending. Exact decimals computed in SQL.',
  fields: (t) => ({
    anio: t.exposeInt('anio', { description: 'The year.' }),
    porMes: t.field({ type: [IngresoMesRef], description: 'Twelve rows, January to December.', resolve: (r) => r.porMes }),
    porUnidad: t.field({
      type: [IngresoUnidadRef],
      description: 'One row per participating unit with a derrama in the year, by unit code.',
      resolve: (r) => r.porUnidad,
    }),
    pendientePago: t.exposeString('pendientePago', {
      description: 'Cuotas invoiced in the year and not yet paid (coordinations FACTURADA).',
    }),
    pendienteDistribuir: t.exposeString('pendienteDistribuir', {
      description: 'Payments of the year whose derrama has not been asked for yet (coordinations PAGADA).',
    }),
  }),
});

builder.queryField('ingresosCapacitacion', (t) =>
  t.field({
    type: IngresosRef,
    description:
      'Income indicators of the training services in a year: cuotas validated, invoiced, paid and distributed per month, the derrama per ' +
      'participating unit, and what is pending; over the coordinations the viewer may see (optionally within one unit). One SQL statement.',
    args: {
      anio: t.arg.int({ required: true, description: 'The year (2000-2100).' }),
      dentroDe: t.arg.globalID({
        required: false,
        description: 'Only coordinations whose organisation or a participating unit is this unit or below it (and, per unit, only those).',
      }),
    },
    resolve: async (_r, args, ctx) => {
      if (args.anio < 2000 || args.anio > 2100) throw badInput([{ path: ['anio'], message: 'Must be a year between 2000 and 2100' }]);
      const within = args.dentroDe ? (await withinUnit(ctx, args.dentroDe.id)).unit.path.startsWith : null;
      return ingresosCapacitacion(ctx.db, ctx.viewer!, args.anio, within);
    },
  }),
);
