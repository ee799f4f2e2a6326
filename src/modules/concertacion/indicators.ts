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

// ---- concertaciones by state and outcome, time from request to signature ------------------------------------

export type TipoConcertacion = 'SERVICIO' | 'CAPACITACION';
export interface ConcertacionesEstado {
  tipo: TipoConcertacion;
  estado: string;
  total: number;
}
export interface TiempoFirma {
  tipo: TipoConcertacion;
  firmados: number;
  promedioDias: number | null;
  medianaDias: number | null;
  maximoDias: number | null;
}
export interface IndicadoresConcertacion {
  anio: number;
  porEstado: ConcertacionesEstado[];
  solicitadas: number;
  concertadas: number;
  noProcedentes: number;
  tiempoHastaFirma: TiempoFirma[];
}

/** States from which a concertación counts as concertada: of a service, CONCERTADA and after; of training, FORMALIZADA. */
const CONCERTADA_SERVICIO = ['CONCERTADA', 'EN_EJECUCION', 'ENTREGADA', 'VERIFICADA', 'PAGADA'];

/**
 * The concertaciones requested in `anio` (Mexico City time) that `viewer` reads, by kind and current state, with
 * their outcome; and, for the instruments whose last party signed in `anio`, the days from the concertación's
 * request to that signature. One statement; the scope is the lists' (the organisation's reach, or for training a
 * participating unit's; an instrument's participants once it is COMUNICADO).
 */
export async function indicadoresConcertacion(
  db: Db,
  viewer: Viewer,
  anio: number,
  within: string | null,
): Promise<IndicadoresConcertacion> {
  const scope = readablePrefixes(viewer).map((p) => `${p}%`);
  const dentro = within === null ? null : `${within}%`;
  const rows = await db.$queryRaw<
    {
      dim: string;
      tipo: TipoConcertacion;
      estado: string | null;
      n: number;
      promedio: number | null;
      mediana: number | null;
      maximo: number | null;
    }[]
  >`
    WITH participa AS (
      SELECT p."concertacionCapacitacionId" AS id,
        bool_or(pu.path LIKE ANY(${scope})) AS lee,
        bool_or(${dentro}::text IS NOT NULL AND pu.path LIKE ${dentro}) AS dentro
      FROM "ConcertacionCapacitacionParticipante" p JOIN "OrgUnit" pu ON pu.id = p."unitId"
      GROUP BY p."concertacionCapacitacionId"
    ),
    concertaciones AS (
      SELECT 'SERVICIO' AS tipo, c.id, c.estado::text AS estado, c."createdAt"
      FROM "ConcertacionServicio" c JOIN "OrgUnit" u ON u.id = c."unitId"
      WHERE u.path LIKE ANY(${scope}) AND (${dentro}::text IS NULL OR u.path LIKE ${dentro})
      UNION ALL
      SELECT 'CAPACITACION', c.id, c.estado::text, c."createdAt"
      FROM "ConcertacionCapacitacion" c JOIN "OrgUnit" u ON u.id = c."unitId" LEFT JOIN participa p ON p.id = c.id
      WHERE (u.path LIKE ANY(${scope}) OR coalesce(p.lee, false))
        AND (${dentro}::text IS NULL OR u.path LIKE ${dentro} OR coalesce(p.dentro, false))
    ),
    del_anio AS (
      SELECT * FROM concertaciones
      WHERE extract(year FROM "createdAt" AT TIME ZONE 'UTC' AT TIME ZONE ${BUSINESS_TIME_ZONE})::int = ${anio}
    ),
    firmas AS (
      SELECT i.id, CASE WHEN i."concertacionServicioId" IS NULL THEN 'CAPACITACION' ELSE 'SERVICIO' END AS tipo,
        coalesce(cs."createdAt", cc."createdAt") AS solicitada, max(f."firmadoAt") AS firmada
      FROM "InstrumentoJuridico" i JOIN "OrgUnit" u ON u.id = i."unitId"
      JOIN "FirmaInstrumentoJuridico" f ON f."instrumentoJuridicoId" = i.id
      LEFT JOIN "ConcertacionServicio" cs ON cs.id = i."concertacionServicioId"
      LEFT JOIN "ConcertacionCapacitacion" cc ON cc.id = i."concertacionCapacitacionId"
      LEFT JOIN participa p ON p.id = i."concertacionCapacitacionId"
      WHERE (u.path LIKE ANY(${scope}) OR (i.estado = 'COMUNICADO' AND coalesce(p.lee, false)))
        AND (${dentro}::text IS NULL OR u.path LIKE ${dentro} OR coalesce(p.dentro, false))
      GROUP BY i.id, cs."createdAt", cc."createdAt"
      HAVING bool_and(f."firmadoAt" IS NOT NULL)
    ),
    dias AS (
      SELECT tipo, extract(epoch FROM firmada - solicitada) / 86400.0 AS d FROM firmas
      WHERE extract(year FROM firmada AT TIME ZONE 'UTC' AT TIME ZONE ${BUSINESS_TIME_ZONE})::int = ${anio}
    ),
    tipos AS (SELECT unnest(ARRAY['SERVICIO', 'CAPACITACION']) AS tipo)
    SELECT 'estado' AS dim, tipo, estado, count(*)::int AS n, NULL::float8 AS promedio, NULL::float8 AS mediana, NULL::float8 AS maximo
    FROM del_anio GROUP BY tipo, estado
    UNION ALL
    SELECT 'firma', t.tipo, NULL, count(d.d)::int, round(avg(d.d)::numeric, 1)::float8,
      round((percentile_cont(0.5) WITHIN GROUP (ORDER BY d.d))::numeric, 1)::float8, round(max(d.d)::numeric, 1)::float8
    FROM tipos t LEFT JOIN dias d ON d.tipo = t.tipo GROUP BY t.tipo`;
  const porEstado = rows
    .filter((r) => r.dim === 'estado')
    .map((r) => ({ tipo: r.tipo, estado: r.estado!, total: r.n }))
    .sort((a, b) => a.tipo.localeCompare(b.tipo) || a.estado.localeCompare(b.estado));
  const sum = (keep: (e: ConcertacionesEstado) => boolean) => porEstado.filter(keep).reduce((n, e) => n + e.total, 0);
  return {
    anio,
    porEstado,
    solicitadas: sum(() => true),
    concertadas: sum((e) => (e.tipo === 'SERVICIO' ? CONCERTADA_SERVICIO.includes(e.estado) : e.estado === 'FORMALIZADA')),
    noProcedentes: sum((e) => e.tipo === 'SERVICIO' && e.estado === 'NO_PROCEDENTE'),
    tiempoHastaFirma: rows
      .filter((r) => r.dim === 'firma')
      .map((r) => ({ tipo: r.tipo, firmados: r.n, promedioDias: r.promedio, medianaDias: r.mediana, maximoDias: r.maximo }))
      .sort((a, b) => a.tipo.localeCompare(b.tipo)),
  };
}

const TipoConcertacionEnum = builder.enumType('TipoConcertacion', {
  description: 'The two kinds of concertación of 7081-MP-SI.',
  values: {
    SERVICIO: { description: 'A technological service (8.1.5).' },
    CAPACITACION: { description: 'Training services (Pd-02-It-03).' },
  },
});
const ConcertacionesEstadoRef = builder.objectRef<ConcertacionesEstado>('ConcertacionesPorEstado').implement({
  description: 'How many concertaciones of one kind requested in the year are now in one state.',
  fields: (t) => ({
    tipo: t.field({ type: TipoConcertacionEnum, description: 'The kind.', resolve: (r) => r.tipo }),
    estado: t.exposeString('estado', { description: 'The state (EstadoConcertacionServicio or EstadoConcertacionCapacitacion).' }),
    total: t.exposeInt('total', { description: 'How many.' }),
  }),
});
const TiempoFirmaRef = builder.objectRef<TiempoFirma>('TiempoHastaFirma').implement({
  description:
    'Calendar days from a concertación’s request to the last signature of its instrumento jurídico, over the instruments fully ' +
    'signed in the year (one decimal; null when none).',
  fields: (t) => ({
    tipo: t.field({
      type: TipoConcertacionEnum,
      description: 'The kind of concertación the instruments formalise.',
      resolve: (r) => r.tipo,
    }),
    firmados: t.exposeInt('firmados', { description: 'Instruments whose last party signed in the year.' }),
    promedioDias: t.exposeFloat('promedioDias', { nullable: true, description: 'Mean days.' }),
    medianaDias: t.exposeFloat('medianaDias', { nullable: true, description: 'Median days.' }),
    maximoDias: t.exposeFloat('maximoDias', { nullable: true, description: 'Longest, in days.' }),
  }),
});
const IndicadoresConcertacionRef = builder.objectRef<IndicadoresConcertacion>('IndicadoresConcertacion').implement({
  description:
    'Concertaciones (7081-MP-SI 8.1.5 and Pd-02-It-03) requested in a year, by state and outcome, and the time from request to ' +
    'signature, over what the viewer may see. Computed in SQL.',
  fields: (t) => ({
    anio: t.exposeInt('anio', { description: 'The year.' }),
    porEstado: t.field({
      type: [ConcertacionesEstadoRef],
      description: 'The concertaciones requested in the year, by kind and current state (states with none are left out).',
      resolve: (r) => r.porEstado,
    }),
    solicitadas: t.exposeInt('solicitadas', { description: 'Concertaciones requested in the year, both kinds.' }),
    concertadas: t.exposeInt('concertadas', {
      description: 'Of those, concertadas: a service CONCERTADA or beyond, a training concertación FORMALIZADA.',
    }),
    noProcedentes: t.exposeInt('noProcedentes', {
      description: 'Of those, services now NO_PROCEDENTE (not viable, not yet corrected by the user).',
    }),
    tiempoHastaFirma: t.field({
      type: [TiempoFirmaRef],
      description: 'One row per kind (SERVICIO, CAPACITACION).',
      resolve: (r) => r.tiempoHastaFirma,
    }),
  }),
});

builder.queryField('indicadoresConcertacion', (t) =>
  t.field({
    type: IndicadoresConcertacionRef,
    description:
      'Concertaciones requested in a year by kind, state and outcome, and the days from request to the instrument’s last signature; ' +
      'over what the viewer may see (optionally within one unit). One SQL statement.',
    args: {
      anio: t.arg.int({ required: true, description: 'The year (2000-2100).' }),
      dentroDe: t.arg.globalID({
        required: false,
        description: 'Only concertaciones whose organisation, or (training) a participating unit, is this unit or below it.',
      }),
    },
    resolve: async (_r, args, ctx) => {
      if (args.anio < 2000 || args.anio > 2100) throw badInput([{ path: ['anio'], message: 'Must be a year between 2000 and 2100' }]);
      const within = args.dentroDe ? (await withinUnit(ctx, args.dentroDe.id)).unit.path.startsWith : null;
      return indicadoresConcertacion(ctx.db, ctx.viewer!, args.anio, within);
    },
  }),
);
