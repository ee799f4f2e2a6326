// Record stores of the promotion records that do not belong to a unit
// directly: executed activities (their unit is their plan's), and the F01-F05
// records under the retention rule of §13 (four models behind one step).
import { readableByUnit } from '../../lib/auth/scope.js';
import type { Viewer } from '../../lib/auth/viewer.js';
import type { RecordStore, Tx, WorkflowRecord } from '../../lib/workflow/types.js';
import { formatoOfActividad, type Formato } from './retention.js';

/** Executed activities the viewer may read: those of plans (a plantel's, or the state's for step 7H) within their reach. */
export const readableActividades = (viewer: Viewer | null) => ({
  OR: [{ plan: readableByUnit(viewer) }, { planEstatal: readableByUnit(viewer) }],
});

const planOwner = { select: { unitId: true, unit: { select: { id: true, code: true, path: true } } } } as const;
const planUnit = { plan: planOwner, planEstatal: planOwner } as const;
type PlanOwner = { unitId: string; unit: { id: string; code: string; path: string } } | null;
type ActividadRow = { id: string; plan: PlanOwner; planEstatal: PlanOwner };
/** The unit an executed activity belongs to: its plantel plan's, or the state plan's (step 7H). */
export const actividadOwner = (row: { plan: PlanOwner; planEstatal: PlanOwner }) => (row.plan ?? row.planEstatal)!;
const actividadRecord = (row: ActividadRow): WorkflowRecord => ({
  id: row.id,
  state: 'REGISTRADA',
  version: 0,
  unitId: actividadOwner(row).unitId,
  unitPath: actividadOwner(row).unit.path,
  addressees: [],
});

/** ActividadRealizada: one fixed state; its unit is its plan's (a plantel's, or the state's). */
export const actividadRealizadaStore: RecordStore = {
  readable: readableActividades,
  async load(tx, id, viewer) {
    const row = await tx.actividadRealizada.findFirst({
      where: { AND: [{ id }, readableActividades(viewer)] },
      select: { id: true, ...planUnit },
    });
    return row ? actividadRecord(row) : null;
  },
  async loadMany(tx, ids) {
    return (await tx.actividadRealizada.findMany({ where: { id: { in: [...ids] } }, select: { id: true, ...planUnit } })).map(
      actividadRecord,
    );
  },
  async lock(tx, id) {
    await tx.$queryRaw`SELECT 1 FROM "ActividadRealizada" WHERE id = ${id}::uuid FOR UPDATE`;
  },
  async move(tx, id, _version, _to, data) {
    if (Object.keys(data).length) await tx.actividadRealizada.updateMany({ where: { id }, data });
    return true;
  },
};

/** The four models that hold F01-F05 records, by GraphQL type name. */
export const REGISTRO_TIPOS = ['ConcentradoEstatal', 'PlanAnualCentro', 'ActividadRealizada', 'ReporteTrimestral'] as const;
export type RegistroTipo = (typeof REGISTRO_TIPOS)[number];

interface RegistroRow {
  tipo: RegistroTipo;
  id: string;
  formato: Formato;
  createdAt: Date;
  destruidoAt: Date | null;
  unitId: string;
  unitCode: string;
  unitPath: string;
  /** An activity of the state promotion coordination (step 7H): kept by CPSECE, not by a CE coordination. */
  estatal?: boolean;
}

const unit = { select: { id: true, code: true, path: true } } as const;
const fields = { id: true, createdAt: true, destruidoAt: true } as const;
type UnitRow = { id: string; createdAt: Date; destruidoAt: Date | null; unit: { id: string; code: string; path: string } };
const registro = (tipo: RegistroTipo, formato: Formato, r: UnitRow): RegistroRow => ({
  tipo,
  formato,
  id: r.id,
  createdAt: r.createdAt,
  destruidoAt: r.destruidoAt,
  unitId: r.unit.id,
  unitCode: r.unit.code,
  unitPath: r.unit.path,
});

/**
 * F01-F05 records (destroyed or not) among `ids`, within what `viewer` may read
 * (every record when `viewer` is undefined). F03/F04 are executed activities of those kinds.
 */
export async function findRegistros(
  db: Tx,
  where: { ids?: readonly string[]; createdBefore?: Date; kept?: boolean },
  viewer?: Viewer | null,
): Promise<RegistroRow[]> {
  const readable = viewer === undefined ? {} : readableByUnit(viewer);
  const own = {
    ...(where.ids ? { id: { in: [...where.ids] } } : {}),
    ...(where.createdBefore ? { createdAt: { lte: where.createdBefore } } : {}),
    ...(where.kept ? { destruidoAt: null } : {}),
  };
  const [f01, f02, f0304, f05] = await Promise.all([
    db.concentradoEstatal.findMany({ where: { AND: [readable, own] }, select: { ...fields, unit } }),
    db.planAnualCentro.findMany({ where: { AND: [readable, own] }, select: { ...fields, unit } }),
    db.actividadRealizada.findMany({
      where: {
        AND: [
          { OR: [{ plan: readable }, { planEstatal: readable }] },
          own,
          { tipo: { in: ['VISITA_EMPRESA', 'REUNION_PADRES', 'ACADEMIA_DOCENTES'] } },
        ],
      },
      select: { ...fields, tipo: true, plan: { select: { unit } }, planEstatal: { select: { unit } } },
    }),
    db.reporteTrimestral.findMany({ where: { AND: [readable, own] }, select: { ...fields, unit } }),
  ]);
  return [
    ...f01.map((r) => registro('ConcentradoEstatal', 'F01', r)),
    ...f02.map((r) => registro('PlanAnualCentro', 'F02', r)),
    ...f0304.map((r) => ({
      ...registro('ActividadRealizada', formatoOfActividad(r.tipo)!, { ...r, unit: (r.plan ?? r.planEstatal)!.unit }),
      estatal: !r.plan,
    })),
    ...f05.map((r) => registro('ReporteTrimestral', 'F05', r)),
  ];
}
export type { RegistroRow };

const toRecord = (r: RegistroRow): WorkflowRecord => ({
  id: r.id,
  state: r.destruidoAt ? 'DESTRUIDO' : 'CONSERVADO',
  version: 0,
  unitId: r.unitId,
  unitPath: r.unitPath,
  addressees: [],
  kind: r.estatal ? 'ESTATAL' : r.formato,
});

/**
 * RegistroPromocion: each F01-F05 record, by its id (the id part of its global
 * id; the mutation checks the type name). `kind` is its format, so that the
 * step's `roleByKind` names the role that keeps it. Destroying clears the
 * format's personal data and marks the row; the row stays.
 */
export const registroPromocionStore: RecordStore = {
  readable: readableByUnit,
  async load(tx, id, viewer) {
    const [r] = await findRegistros(tx, { ids: [id] }, viewer);
    return r ? toRecord(r) : null;
  },
  async loadMany(tx, ids) {
    return (await findRegistros(tx, { ids })).map(toRecord);
  },
  async lock(tx, id) {
    for (const table of REGISTRO_TIPOS) await tx.$queryRawUnsafe(`SELECT 1 FROM "${table}" WHERE id = $1::uuid FOR UPDATE`, id);
  },
  async move(tx, id, _version, to, data) {
    if (to !== 'DESTRUIDO') throw new Error(`RegistroPromocion cannot move to ${to}`);
    const where = { id, destruidoAt: null };
    const destruidoAt = new Date();
    // The F04's names are personal data: the list goes, its count (asistentes) stays.
    await tx.asistenteActividad.deleteMany({ where: { actividad: where } });
    const counts = await Promise.all([
      tx.concentradoEstatal.updateMany({ where, data: { ...data, destruidoAt, observaciones: null } }),
      tx.planAnualCentro.updateMany({ where, data: { ...data, destruidoAt, objetivos: null } }),
      tx.actividadRealizada.updateMany({ where, data: { ...data, destruidoAt, contacto: null, evento: null } }),
      tx.reporteTrimestral.updateMany({ where, data: { ...data, destruidoAt, analisis: '' } }),
    ]);
    return counts.reduce((n, c) => n + c.count, 0) === 1;
  },
};
