// The usual record store: a Prisma model whose rows belong to one unit
// (`unitId`), with `estado` and `version` columns — or, for records that have
// no life cycle (a meeting recorded, a batch registered), one fixed state.
import { readableByUnit } from '../auth/scope.js';
import type { Viewer } from '../auth/viewer.js';
import type { RecordStore, Tx, WorkflowRecord } from './types.js';

/** The part of a Prisma model delegate the store uses (delegates share these methods but not a common type). */
interface Delegate {
  findFirst(args: { where: object; select: object }): Promise<Row | null>;
  findMany(args: { where: object; select: object }): Promise<Row[]>;
  updateMany(args: { where: object; data: object }): Promise<{ count: number }>;
}
interface Row {
  id: string;
  estado?: string;
  version?: number;
  unitId: string;
  unit: { path: string };
  [column: string]: unknown;
}

export interface StoreOptions<S extends string> {
  /** Who may read the records (default: the viewer's units and their descendants own them). */
  readable?: (viewer: Viewer | null) => object;
  /** For records without `estado`/`version` columns: the one state they are always in. */
  fixedState?: S;
  /** A relation of `{ <purpose>, unit }` rows naming the units the record was addressed to. */
  addressees?: { relation: string; purpose: string };
  /**
   * The rows this workflow owns, when several workflows share one model (e.g. `{ tipo: 'CAPACITACION' }`:
   * two procedures over `ProyectoNormativo`): the engine neither loads nor moves other rows.
   */
  only?: object;
  /** A column telling which kind of record a row is (`WorkflowRecord.kind`), for steps whose role depends on it (`roleByKind`). */
  kind?: string;
}

/** `model` is the Prisma client property (e.g. "planAnualCentro"); the table is its capitalised name. */
export function unitOwnedStore<S extends string>(model: string, options: StoreOptions<S> = {}): RecordStore<S> {
  const table = model.charAt(0).toUpperCase() + model.slice(1);
  const delegate = (tx: Tx) => (tx as unknown as Record<string, Delegate>)[model];
  const readable = options.readable ?? readableByUnit;
  const fixed = options.fixedState;
  const addr = options.addressees;
  const only = options.only ? [options.only] : [];
  const select = {
    id: true,
    unitId: true,
    unit: { select: { path: true } },
    ...(fixed ? {} : { estado: true, version: true }),
    ...(options.kind ? { [options.kind]: true } : {}),
    ...(addr ? { [addr.relation]: { select: { [addr.purpose]: true, unit: { select: { path: true } } } } } : {}),
  };
  const toRecord = (row: Row): WorkflowRecord<S> => ({
    id: row.id,
    state: (fixed ?? row.estado) as S,
    version: row.version ?? 0,
    unitId: row.unitId,
    unitPath: row.unit.path,
    ...(options.kind ? { kind: String(row[options.kind]) } : {}),
    addressees: addr
      ? (row[addr.relation] as Record<string, unknown>[]).map((d) => ({
          purpose: String(d[addr.purpose]),
          unitPath: (d.unit as { path: string }).path,
        }))
      : [],
    ...(options.kind ? { kind: String(row[options.kind]) } : {}),
  });
  return {
    readable,
    async load(tx, id, viewer) {
      const row = await delegate(tx).findFirst({ where: { AND: [{ id }, readable(viewer), ...only] }, select });
      return row ? toRecord(row) : null;
    },
    async loadMany(tx, ids) {
      return (await delegate(tx).findMany({ where: { AND: [{ id: { in: [...ids] } }, ...only] }, select })).map(toRecord);
    },
    async lock(tx, id) {
      await tx.$queryRawUnsafe(`SELECT 1 FROM "${table}" WHERE id = $1::uuid FOR UPDATE`, id);
    },
    async move(tx, id, version, to, data) {
      if (fixed) {
        if (Object.keys(data).length) await delegate(tx).updateMany({ where: { AND: [{ id }, ...only] }, data });
        return true;
      }
      const { count } = await delegate(tx).updateMany({
        where: { AND: [{ id, version }, ...only] },
        data: { ...data, estado: to, version: { increment: 1 } },
      });
      return count === 1;
    },
  };
}
