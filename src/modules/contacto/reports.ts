// The reports of V-CANA-MP-02, computed from the tickets in SQL, never typed in:
// daily / weekly / monthly call reports (C.4.1 6.1), the monthly e-mail report
// with its eight fields (C.4.5 5.1), SLA figures per operator, the charts of
// the monthly analysis (C.4.1 8.1) and the reproducible draw of five audios
// (8.2). Each report is also a spreadsheet (exceljs), as the manual asks.
import type { Db } from '../../lib/db/client.js';
import { readablePrefixes, type Viewer } from '../../lib/auth/viewer.js';
import { shiftDay, startOfLocalDay } from '../../lib/business-days.js';
import { excel } from '../../lib/xlsx.js';

export interface Periodo {
  periodo: string;
  /** First and last local day, YYYY-MM-DD. */
  desde: string;
  hasta: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const validDay = (s: string) => !Number.isNaN(Date.parse(`${s}T12:00:00Z`)) && new Date(`${s}T12:00:00Z`).toISOString().slice(0, 10) === s;

/** "2026-11-30" (a day), "2026-W48" (an ISO week), "2026-11" (a month), "2026-T4" (a quarter); null if none of these. */
export function parsePeriodo(periodo: string): Periodo | null {
  const p = periodo.trim();
  let m: RegExpExecArray | null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(p)) return validDay(p) ? { periodo: p, desde: p, hasta: p } : null;
  if ((m = /^(\d{4})-(\d{2})$/.exec(p))) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return null;
    const desde = `${y}-${pad(mo)}-01`;
    return { periodo: p, desde, hasta: shiftDay(mo === 12 ? `${y + 1}-01-01` : `${y}-${pad(mo + 1)}-01`, -1) };
  }
  if ((m = /^(\d{4})-T([1-4])$/.exec(p))) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    const desde = `${y}-${pad(3 * q - 2)}-01`;
    return { periodo: p, desde, hasta: shiftDay(q === 4 ? `${y + 1}-01-01` : `${y}-${pad(3 * q + 1)}-01`, -1) };
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(p))) {
    const [y, w] = [Number(m[1]), Number(m[2])];
    // ISO week 1 holds 4 January; weeks start on Monday.
    const jan4 = new Date(Date.UTC(y, 0, 4));
    const monday1 = shiftDay(jan4.toISOString().slice(0, 10), -((jan4.getUTCDay() + 6) % 7));
    const desde = shiftDay(monday1, 7 * (w - 1));
    if (w < 1 || w > 53 || (w === 53 && shiftDay(desde, 3).slice(0, 4) !== String(y))) return null;
    return { periodo: p, desde, hasta: shiftDay(desde, 6) };
  }
  return null;
}

/** The instants a period covers: [from, to). */
export const bounds = (p: { desde: string; hasta: string }) => ({
  from: startOfLocalDay(p.desde),
  to: startOfLocalDay(shiftDay(p.hasta, 1)),
});

/** Units within the viewer's reach, as `LIKE` patterns over OrgUnit.path. */
const scopePatterns = (viewer: Viewer) => readablePrefixes(viewer).map((p) => `${p}%`);

export interface Conteo {
  clave: string;
  total: number;
}
export interface ConteoOperador {
  operadorName: string;
  total: number;
}

export interface ReporteLlamadas extends Periodo {
  totalLlamadas: number;
  duracionPromedioSegundos: number | null;
  porOperador: ConteoOperador[];
  porTipoSolicitud: Conteo[];
  porTema: Conteo[];
}

/** C.4.1 6.1: total calls, average time per call, calls per operator, by type and by topic. One statement. */
export async function reporteLlamadas(db: Db, viewer: Viewer, p: Periodo): Promise<ReporteLlamadas> {
  const { from, to } = bounds(p);
  const rows = await db.$queryRaw<{ dim: string; clave: string | null; total: number; promedio: number | null }[]>`
    WITH t AS (
      SELECT t.* FROM "Ticket" t JOIN "OrgUnit" u ON u.id = t."unitId"
      WHERE u.path LIKE ANY(${scopePatterns(viewer)}) AND t.canal = 'TELEFONO' AND t."recibidoAt" >= ${from} AND t."recibidoAt" < ${to}
    )
    SELECT 'total' AS dim, NULL AS clave, count(*)::int AS total, avg("duracionSegundos")::float8 AS promedio FROM t
    UNION ALL
    SELECT 'operador', coalesce(p."fullName", 'SIN_DATO'), count(*)::int, NULL FROM t LEFT JOIN "Person" p ON p.id = t."operadorId" GROUP BY 2
    UNION ALL
    SELECT 'tipo', coalesce(t."tipoSolicitud"::text, 'SIN_DATO'), count(*)::int, NULL FROM t GROUP BY 2
    UNION ALL
    SELECT 'tema', coalesce(t.tema::text, 'SIN_DATO'), count(*)::int, NULL FROM t GROUP BY 2`;
  const of = (dim: string) =>
    rows
      .filter((r) => r.dim === dim)
      .map((r) => ({ clave: r.clave!, total: r.total }))
      .sort((a, b) => b.total - a.total || a.clave.localeCompare(b.clave));
  const total = rows.find((r) => r.dim === 'total')!;
  return {
    ...p,
    totalLlamadas: total.total,
    duracionPromedioSegundos: total.promedio === null ? null : Math.round(total.promedio * 10) / 10,
    porOperador: of('operador').map((c) => ({ operadorName: c.clave, total: c.total })),
    porTipoSolicitud: of('tipo'),
    porTema: of('tema'),
  };
}

export interface FilaCorreo {
  folio: number;
  recibidoAt: Date;
  respuestaAt: Date | null;
  nombre: string;
  correo: string | null;
  pregunta: string;
  tema: string | null;
  unitPath: string;
}

/** C.4.5 5.1: every e-mail of the period with folio, dates, contact, question and topic. */
export async function reporteCorreos(db: Db, viewer: Viewer, p: Periodo): Promise<FilaCorreo[]> {
  const { from, to } = bounds(p);
  return db.$queryRaw<FilaCorreo[]>`
    SELECT t.folio, t."recibidoAt" AS "recibidoAt", t."atendidoAt" AS "respuestaAt", t.nombre, t.correo, t.pregunta, t.tema::text AS tema,
           u.path AS "unitPath"
    FROM "Ticket" t JOIN "OrgUnit" u ON u.id = t."unitId"
    WHERE u.path LIKE ANY(${scopePatterns(viewer)}) AND t.canal = 'CORREO' AND t."recibidoAt" >= ${from} AND t."recibidoAt" < ${to}
    ORDER BY t.folio`;
}

export interface SlaOperador {
  operadorName: string;
  tickets: number;
  atendidos: number;
  vencidos: number;
  primeraRespuestaPromedioMinutos: number | null;
  resolucionPromedioMinutos: number | null;
}

/** Breaches and response times per operator for the tickets received in the period. */
export async function slaContacto(db: Db, viewer: Viewer, p: Periodo): Promise<SlaOperador[]> {
  const { from, to } = bounds(p);
  return db.$queryRaw<SlaOperador[]>`
    SELECT coalesce(p."fullName", 'SIN_DATO') AS "operadorName",
           count(*)::int AS tickets,
           count(*) FILTER (WHERE t.estado = 'ATENDIDO')::int AS atendidos,
           count(*) FILTER (WHERE t."vencidoAt" IS NOT NULL)::int AS vencidos,
           round((avg(EXTRACT(EPOCH FROM (t."primeraRespuestaAt" - t."recibidoAt"))) / 60)::numeric, 1)::float8 AS "primeraRespuestaPromedioMinutos",
           round((avg(EXTRACT(EPOCH FROM (t."atendidoAt" - t."recibidoAt"))) / 60)::numeric, 1)::float8 AS "resolucionPromedioMinutos"
    FROM "Ticket" t JOIN "OrgUnit" u ON u.id = t."unitId" LEFT JOIN "Person" p ON p.id = t."operadorId"
    WHERE u.path LIKE ANY(${scopePatterns(viewer)}) AND t."recibidoAt" >= ${from} AND t."recibidoAt" < ${to}
    GROUP BY 1 ORDER BY 1`;
}

export interface Charts {
  temasTelefono: Conteo[];
  temasCorreo: Conteo[];
  estandares: Conteo[];
  medios: Conteo[];
  percepcion: Conteo[];
  ocupaciones: Conteo[];
  escolaridades: Conteo[];
  sexos: Conteo[];
  entidades: Conteo[];
}

/** The period and units of an analysis' charts. */
export interface ChartsOf {
  unit: { path: string };
  desde: Date;
  hasta: Date;
}

/** UTC instants as the text[] a batched statement takes (compared with `timestamp` columns as UTC). */
const isoTexts = (dates: (Date | null | undefined)[]) => dates.map((d) => d?.toISOString() ?? null);

/**
 * The data of the monthly analysis' charts (C.4.1 8.1) over each analysis' unit subtree and period, for a
 * page of analyses in one statement: each period and subtree is one row of `p`.
 */
export async function chartsOfMany(db: Pick<Db, '$queryRaw'>, items: readonly ChartsOf[]): Promise<Charts[]> {
  const periods = items.map((a) => bounds({ desde: a.desde.toISOString().slice(0, 10), hasta: a.hasta.toISOString().slice(0, 10) }));
  const rows = await db.$queryRaw<{ i: number; dim: keyof Charts; clave: string; total: number }[]>`
    WITH p AS (
      SELECT i, path || '%' AS pattern, ("from"::timestamptz AT TIME ZONE 'UTC') AS "from", ("to"::timestamptz AT TIME ZONE 'UTC') AS "to"
      FROM unnest(${items.map((_, i) => i)}::int[], ${items.map((a) => a.unit.path)}::text[],
                  ${isoTexts(periods.map((b) => b.from))}::text[], ${isoTexts(periods.map((b) => b.to))}::text[]) AS x(i, path, "from", "to"))
    SELECT p.i, v.dim, v.clave, count(*)::int AS total
    FROM p JOIN "OrgUnit" u ON u.path LIKE p.pattern
    JOIN "Ticket" t ON t."unitId" = u.id AND t."recibidoAt" >= p."from" AND t."recibidoAt" < p."to"
    CROSS JOIN LATERAL (VALUES
      (CASE WHEN t.canal = 'TELEFONO' THEN 'temasTelefono' ELSE 'temasCorreo' END, coalesce(t.tema::text, 'SIN_DATO')),
      ('estandares', t."estandarSolicitado"),
      ('medios', coalesce(t.medio::text, 'SIN_DATO')),
      ('percepcion', coalesce(t."percepcionPortal"::text, 'SIN_DATO')),
      ('ocupaciones', coalesce(t.ocupacion::text, 'SIN_DATO')),
      ('escolaridades', coalesce(t.escolaridad::text, 'SIN_DATO')),
      ('sexos', coalesce(t.sexo::text, 'SIN_DATO')),
      ('entidades', coalesce(t."entidadFederativa", 'SIN_DATO'))
    ) AS v(dim, clave)
    WHERE v.clave IS NOT NULL
    GROUP BY p.i, v.dim, v.clave
    ORDER BY p.i, v.dim, total DESC, v.clave`;
  const all: Charts[] = items.map(() => ({
    temasTelefono: [],
    temasCorreo: [],
    estandares: [],
    medios: [],
    percepcion: [],
    ocupaciones: [],
    escolaridades: [],
    sexos: [],
    entidades: [],
  }));
  for (const r of rows) all[r.i][r.dim].push({ clave: r.clave, total: r.total });
  return all;
}

/** What a draw of audios depends on: the seed, the period and subtree, and when the analysis was made. */
export interface DrawOf {
  semillaSorteo: string;
  createdAt?: Date;
  unit: { path: string };
  desde: Date;
  hasta: Date;
}

/**
 * C.4.1 8.2: five calls of the period drawn at random, reproducibly: ordered by
 * md5(seed ‖ ticket id), among the calls recorded before the analysis was made.
 * The same seed over the same tickets draws the same five, in the same order.
 */
export async function drawAudios(db: Pick<Db, '$queryRaw'>, a: DrawOf): Promise<string[]> {
  return (await drawAudiosMany(db, [a]))[0];
}

/** The draws of several analyses (a page of them) in one statement. */
export async function drawAudiosMany(db: Pick<Db, '$queryRaw'>, items: readonly DrawOf[]): Promise<string[][]> {
  const periods = items.map((a) => bounds({ desde: a.desde.toISOString().slice(0, 10), hasta: a.hasta.toISOString().slice(0, 10) }));
  const rows = await db.$queryRaw<{ i: number; id: string }[]>`
    WITH p AS (
      SELECT i, seed, path || '%' AS pattern, ("from"::timestamptz AT TIME ZONE 'UTC') AS "from",
             ("to"::timestamptz AT TIME ZONE 'UTC') AS "to", (before::timestamptz AT TIME ZONE 'UTC') AS before
      FROM unnest(${items.map((_, i) => i)}::int[], ${items.map((a) => a.semillaSorteo)}::text[], ${items.map((a) => a.unit.path)}::text[],
                  ${isoTexts(periods.map((b) => b.from))}::text[], ${isoTexts(periods.map((b) => b.to))}::text[],
                  ${isoTexts(items.map((a) => a.createdAt))}::text[]) AS x(i, seed, path, "from", "to", before))
    SELECT p.i, d.id FROM p CROSS JOIN LATERAL (
      SELECT t.id::text AS id, md5(p.seed || t.id::text) AS h, t.id AS tid
      FROM "Ticket" t JOIN "OrgUnit" u ON u.id = t."unitId"
      WHERE u.path LIKE p.pattern AND t.canal = 'TELEFONO' AND t."recibidoAt" >= p."from" AND t."recibidoAt" < p."to"
        AND (p.before IS NULL OR t."createdAt" <= p.before)
      ORDER BY h, t.id
      LIMIT 5) d
    ORDER BY p.i, d.h, d.tid`;
  const all: string[][] = items.map(() => []);
  for (const r of rows) all[r.i].push(r.id);
  return all;
}

/** A workbook with one sheet per table, as base64 (.xlsx). */
export async function workbook(sheets: { name: string; header: string[]; rows: (string | number | Date | null)[][] }[]): Promise<string> {
  const wb = new (await excel()).Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.addRow(s.header).font = { bold: true };
    for (const r of s.rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}
