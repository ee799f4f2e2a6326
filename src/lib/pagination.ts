// Shared pieces of list fields: ordering inputs. Connections themselves come
// from Pothos' Relay and Prisma plugins (cursor pagination, totalCount).
import { builder, SortDirection } from '../builder.js';

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
