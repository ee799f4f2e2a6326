// Shared pieces of list fields: ordering inputs. Connections themselves come
// from Pothos' Relay and Prisma plugins (cursor pagination, totalCount).
import { builder, SortDirection } from '../builder.js';
import type { Context } from '../context.js';
import { withinUnitById } from './auth/scope.js';

/**
 * Declares `<Name>Order { field: <Name>OrderField!, direction: SortDirection! }`
 * and returns it with a function that turns it into a Prisma orderBy, always
 * ending on the id so that pages are stable.
 */
export function orderInput<const F extends readonly string[]>(name: string, fields: F, defaultField: F[number]) {
  const FieldEnum = builder.enumType(`${name}OrderField`, { values: fields });
  const Input = builder.inputType(`${name}Order`, {
    fields: (t) => ({
      field: t.field({ type: FieldEnum, required: true }),
      direction: t.field({ type: SortDirection, required: true, defaultValue: 'ASC' }),
    }),
  });
  /** O: the model's Prisma orderBy input type. */
  const toPrisma = <O>(order: { field: F[number]; direction: 'ASC' | 'DESC' } | null | undefined): O[] => {
    const field: string = order?.field ?? defaultField;
    const direction = (order?.direction ?? 'ASC') === 'ASC' ? 'asc' : 'desc';
    return (field === 'id' ? [{ id: direction }] : [{ [field]: direction }, { id: direction }]) as O[];
  };
  return { Input, toPrisma };
}

/**
 * The `where` of a list, built once per field execution and shared by its
 * page and its `totalCount` (Pothos calls both with the same `args` object),
 * so the two cannot disagree and unit look-ups are not repeated.
 */
export function listWhere<A extends object, W>(build: (args: A, ctx: Context) => W | Promise<W>) {
  const built = new WeakMap<object, Promise<W>>();
  return (args: A, ctx: Context): Promise<W> => {
    let where = built.get(args);
    if (!where) built.set(args, (where = Promise.resolve(build(args, ctx))));
    return where;
  };
}

/** Filter fragment for the unit subtree (`dentroDe`) and exact unit (`unitId`) fields every record filter has. */
export async function unitFilter(
  ctx: Context,
  filter: { dentroDe?: { id: string } | null; unitId?: { id: string } | null } | null | undefined,
) {
  return {
    AND: [filter?.dentroDe ? await withinUnitById(ctx, filter.dentroDe.id) : {}, filter?.unitId ? { unitId: filter.unitId.id } : {}],
  };
}
