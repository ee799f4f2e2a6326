// To-one relations that may cross the viewer's scope (a plantel plan's state
// plan, an audit entry's actor, a project's author). Prisma cannot filter a
// to-one relation, so these fields read the foreign key and load the target
// through the same read filter as lists and `node`: a target outside the
// viewer's scope reads as null (docs/decisions/010-scope-on-every-path.md).
// Loads are batched per request, field and selection: one statement per field
// per response, whatever the number of parents.
import DataLoader from 'dataloader';
import type { Context } from '../../context.js';
import type { Db } from '../db/client.js';
import { findMany } from '../db/read.js';
import type {
  Certificado,
  ActividadProgramada,
  OrgUnit,
  ConcentradoEstatal,
  Person,
  PlanTrabajoAnual,
  ProgramaMetas,
  ReporteTrimestral,
  ReunionTrabajoCast,
  PromocionServiciosTecnologicos,
  ProyectoNormativo,
} from '../../generated/prisma/client.js';

/** The models reached through a filtered to-one relation, and their rows. */
interface Rows {
  orgUnit: OrgUnit;
  person: Person;
  planTrabajoAnual: PlanTrabajoAnual;
  actividadProgramada: ActividadProgramada;
  reporteTrimestral: ReporteTrimestral;
  concentradoEstatal: ConcentradoEstatal;
  certificado: Certificado;
  reunionTrabajoCast: ReunionTrabajoCast;
  promocionServiciosTecnologicos: PromocionServiciosTecnologicos;
  proyectoNormativo: ProyectoNormativo;
  programaMetas: ProgramaMetas;
}

type Row = { id: string };

type Key = { id: string; where: object };
const factories = new Map<string, (db: Db) => DataLoader<Key, Row | null, string>>();

/**
 * The record `id` of `model` when `where` (the viewer's read filter) admits it,
 * else null. `query` is Pothos' selection for the field (nested relations).
 */
export function loadReadable<M extends keyof Rows>(
  ctx: Context,
  model: M,
  id: string | null,
  where: object,
  query: object,
): Promise<Rows[M] | null> {
  return loadReadableBy(ctx, model, 'id', id, where, query);
}

/**
 * The record of `model` whose column `by` holds `value` (the first by id when
 * several do), when `where` admits it, else null: the reverse side of a to-one
 * relation (a certificate's replacement), batched like `loadReadable`.
 */
export function loadReadableBy<M extends keyof Rows>(
  ctx: Context,
  model: M,
  by: string,
  value: string | null,
  where: object,
  query: object,
): Promise<Rows[M] | null> {
  // The key reads the selection first, so Pothos sees it used even when there is nothing to load.
  const key = `${model}:${by}:${JSON.stringify(query)}`;
  if (!value) return Promise.resolve(null);
  let factory = factories.get(key);
  if (!factory) {
    // The factory is shared by every request: the filter travels with the keys (it depends only on
    // the viewer, fixed for the request, and loaders are per request), never in this closure.
    factory = (db: Db) =>
      new DataLoader<Key, Row | null, string>(
        async (keys) => {
          // Compiled (src/lib/db/read.ts): one statement with the selection's nested relations.
          const rows = (await findMany(db, model, {
            ...withColumns(query, by),
            where: { AND: [{ [by]: { in: keys.map((k) => k.id) } }, keys[0].where] },
            orderBy: [{ id: 'asc' }],
          })) as unknown as Record<string, unknown>[];
          const byValue = new Map<unknown, Row>();
          for (const r of rows) if (!byValue.has(r[by])) byValue.set(r[by], r as unknown as Row);
          return keys.map((k) => byValue.get(k.id) ?? null);
        },
        // The batch waits for the macrotask queue, not the next microtask: parents resolved by
        // different promise chains (a nested list's rows, middleware that awaits) still load together.
        { cacheKeyFn: (k) => k.id, batchScheduleFn: (load) => setImmediate(load) },
      );
    factories.set(key, factory);
  }
  return ctx.loader(factory).load({ id: value, where }) as Promise<Rows[M] | null>;
}

/** The selection must return the id and the matched column, to match rows to keys. */
function withColumns(query: object, by: string): object {
  const q = query as { select?: Record<string, unknown> };
  return q.select ? { ...q, select: { ...q.select, id: true, [by]: true } } : query;
}
