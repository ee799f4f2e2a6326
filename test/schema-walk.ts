// Walking the schema to generate queries, shared by the tests that cover every
// list without naming them (test/read.test.ts, test/scope.test.ts) and by
// scripts/bench/plans.ts.
import {
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLEnumType,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

export const isConnection = (t: GraphQLObjectType) => t.name.endsWith('Connection') && 'edges' in t.getFields();
export const connectionNode = (t: GraphQLObjectType) =>
  getNamedType((getNamedType(t.getFields().edges.type) as GraphQLObjectType).getFields().node.type) as GraphQLObjectType;
export const requiredArgs = (f: GraphQLField<unknown, unknown>) =>
  f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined);

/** The root lists (Relay connections) that take no required argument. */
export function rootLists(schema: GraphQLSchema): GraphQLField<unknown, unknown>[] {
  return Object.values(schema.getQueryType()!.getFields()).filter((f) => {
    const named = getNamedType(f.type);
    return isObjectType(named) && isConnection(named) && !requiredArgs(f);
  });
}

/** How nested connections are read: a page of `page`, with their count, cursors and paging when asked. */
export interface ConnectionSelection {
  page: number;
  paging?: boolean;
}

/** Every field of `type` without required arguments: leaves, and objects, lists and connections `depth` levels down. */
export function fullSelection(type: GraphQLObjectType, depth: number, o: ConnectionSelection): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (requiredArgs(field)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (isObjectType(named) && depth > 0) {
      const page = field.args.some((a) => a.name === 'first') ? `(first: ${o.page})` : '';
      const node = () => fullSelection(connectionNode(named), depth - 1, o);
      const inner = !isConnection(named)
        ? fullSelection(named, depth - 1, o)
        : o.paging
          ? `totalCount edges { cursor node { ${node()} } } pageInfo { hasNextPage hasPreviousPage }`
          : `edges { node { ${node()} } }`;
      if (inner) parts.push(`${field.name}${page} { ${inner} }`);
    }
  }
  return parts.join(' ');
}

/**
 * Selections of one field each: every leaf field of `type` alone, and every object field with its target's leaf
 * fields (all of them), then with each selection of one field of its target, `depth` levels down. A field already
 * in `seen` (`Type.field`) is not repeated, so that a type reached from many lists is covered once.
 */
export function singleFields(type: GraphQLObjectType, o: ConnectionSelection, seen: Set<string>, depth = 2): string[] {
  const out: string[] = [];
  const first = (key: string) => !seen.has(key) && !!seen.add(key);
  for (const field of Object.values(type.getFields())) {
    if (requiredArgs(field)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) {
      if (first(`${type.name}.${field.name}`)) out.push(field.name);
      continue;
    }
    if (!isObjectType(named) || depth === 0) continue;
    const page = field.args.some((a) => a.name === 'first') ? `(first: ${o.page})` : '';
    const target = isConnection(named) ? connectionNode(named) : named;
    const wrap = (inner: string) => `${field.name}${page} { ${isConnection(named) ? `edges { node { ${inner} } }` : inner} }`;
    const all = fullSelection(target, 0, o);
    if (!all) continue;
    if (first(`${type.name}.${field.name}`)) out.push(wrap(all));
    for (const inner of singleFields(target, o, seen, depth - 1)) out.push(wrap(inner));
  }
  return out;
}

/** Every ordering a list offers (`{ field, direction }`), both directions. */
export function orderings(field: GraphQLField<unknown, unknown>): string[] {
  const arg = field.args.find((a) => a.name === 'orderBy');
  if (!arg) return [];
  const input = getNamedType(arg.type) as GraphQLInputObjectType;
  const values = (getNamedType(input.getFields().field.type) as GraphQLEnumType).getValues();
  return values.flatMap((v) => ['ASC', 'DESC'].map((d) => `{ field: ${v.name}, direction: ${d} }`));
}
