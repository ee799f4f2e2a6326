// Relations already on a compiled read's rows, answered without asking Pothos' plan again for every row.
//
// Pothos' Prisma plugin wraps every relation field: for each row it builds the row's response path as a
// string, looks the plan's mapping up by it (walking the path's ancestors), and records a scope for the
// row's descendants. On a page of 50 students with 900 grades and their modules that is some 1,900 look-ups
// per request; in the side-by-side benchmark it was 11-12 % of the API's CPU (docs/performance.md).
//
// What this changes, for a relation field (not a connection) whose parent row came from a compiled read
// (src/lib/db/read.ts marks every row of one statement, nested rows included, with one object):
// - the plan's mapping is looked up once per list and read, not once per row: rows of one list, loaded by
//   one statement, sit at the same response path (indices aside) and were loaded by the same plan, so the
//   first row's answer is every row's answer;
// - the scope for the row's descendants is recorded only when something below the field asks for it (a
//   field Pothos plans: a relation, a connection, a field with its own `select`); a selection of plain
//   fields asks nothing.
// Everything else (no mapping, a row from Prisma, a connection, `onNull`, a list shape the look-up does not
// know) goes to Pothos' own resolver, unchanged. test/read.test.ts compares every list
// read through here with the same read through Prisma, whose rows never take this path.
import {
  getNamedType,
  isLeafType,
  isObjectType,
  type FieldNode,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { getLoaderMapping, setRowMappings } from '@pothos/selection-mapper';
import { fieldsOf } from './columns.js';
import { PLANNED_READ } from './read.js';

type Mapping = NonNullable<ReturnType<typeof getLoaderMapping>>;
type Path = GraphQLResolveInfo['path'];

/** Relations answered from the rows, and leaf fields with a `select` answered by their own resolver (test/read.test.ts checks both). */
export const plannedRelationStats = { answered: 0, selected: 0 };

/** Per list link of a response: the mapping found for each field below it, with the read it was found for. */
const found = new WeakMap<Path, Map<string, { load: object; mapping: Mapping | null }>>();

/** Whether nothing below a field asks Pothos for a mapping (per document node; documents are cached). */
const plainBelow = new WeakMap<FieldNode, boolean>();

/** A field Pothos plans: it asks for the mapping of its row. */
const planned = (field: GraphQLField<unknown, unknown>) => !!(field.extensions as { pothosPrismaSelect?: unknown }).pothosPrismaSelect;

/** True when every field selected below is a leaf field Pothos does not plan (fragments included). */
function onlyPlainFields(type: GraphQLObjectType, selections: SelectionSetNode | undefined, info: GraphQLResolveInfo): boolean {
  if (!selections) return true;
  const fields: FieldNode[] = [];
  if (!fieldsOf(type, selections, info, fields)) return false;
  return fields.every((s) => {
    if (s.name.value === '__typename') return true;
    const field = type.getFields()[s.name.value];
    return !!field && !planned(field) && isLeafType(getNamedType(field.type));
  });
}

function needsScope(info: GraphQLResolveInfo): boolean {
  if (info.fieldNodes.length !== 1) return true;
  const node = info.fieldNodes[0];
  let plain = plainBelow.get(node);
  if (plain === undefined) {
    const type = getNamedType(info.returnType);
    plain = isObjectType(type) && onlyPlainFields(type, node.selectionSet, info);
    plainBelow.set(node, plain);
  }
  return !plain;
}

/**
 * The link every sibling row shares, and the rest of the path below it: a list item's field (`list.[i].field`)
 * or a connection node's field (`edges.[i].node.field`). Null for any other shape.
 */
function siblings(path: Path): [Path, string] | null {
  const parent = path.prev;
  if (!parent || typeof path.key !== 'string') return null;
  if (typeof parent.key === 'number') return parent.prev ? [parent.prev, path.key] : null;
  if (parent.key === 'node' && typeof parent.prev?.key === 'number' && parent.prev.prev) return [parent.prev.prev, `node.${path.key}`];
  return null;
}

/** The plan's mapping for a field of a compiled row, looked up once per list and read; undefined for another shape. */
function plannedMapping(
  parent: Record<string | symbol, unknown>,
  load: object,
  ctx: object,
  info: GraphQLResolveInfo,
  types: string[],
): Mapping | null | undefined {
  const at = siblings(info.path);
  if (!at) return undefined;
  const key = `${info.parentType.name}.${at[1]}`;
  let byKey = found.get(at[0]);
  if (!byKey) found.set(at[0], (byKey = new Map<string, { load: object; mapping: Mapping | null }>()));
  let entry = byKey.get(key);
  if (!entry || entry.load !== load) {
    let mapping: Mapping | null = null;
    for (const t of types) if ((mapping = getLoaderMapping(ctx, info.path, t, parent))) break;
    byKey.set(key, (entry = { load, mapping }));
  }
  return entry.mapping;
}

type Resolver = GraphQLFieldResolver<Record<string | symbol, unknown>, object>;

/**
 * Replaces the resolver of every relation field (not a connection), and of every leaf field with its own
 * `select` (a CURP masked by the student's unit, a grade read from its column), see above; returns the schema.
 */
export function answerPlannedRelations(schema: GraphQLSchema): GraphQLSchema {
  // Off (PLANNED_RELATIONS=off): every field through Pothos' own resolver (how the benchmark compares both).
  if (process.env.PLANNED_RELATIONS === 'off') return schema;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    // The types whose mappings Pothos also tries for this type's rows: prisma interfaces it implements.
    const types = [
      type.name,
      ...type
        .getInterfaces()
        .filter((i) => (i.extensions as { pothosPrismaModel?: unknown }).pothosPrismaModel)
        .map((i) => i.name),
    ];
    for (const field of Object.values(type.getFields())) {
      const ext = field.extensions as {
        pothosPrismaRelationField?: { name: string };
        pothosPrismaSelect?: unknown;
        pothosOriginalResolve?: Resolver;
        pothosOptions?: { onNull?: unknown };
      };
      const pothos = field.resolve as Resolver | undefined;
      if (!pothos || !ext.pothosPrismaSelect) continue;
      let resolve: Resolver;
      if (ext.pothosPrismaRelationField) {
        // A relation (`t.relation`), not a connection over one (`t.relatedConnection` pages in its resolver).
        // Its arguments shaped the plan's query, and the plan's mapping (by response key) says whether this
        // field's query is the one on the row: Pothos' wrapper does not read them either.
        if (!(getNamedType(field.type).extensions as { pothosPrismaModel?: unknown }).pothosPrismaModel) continue;
        const name = ext.pothosPrismaRelationField.name;
        const onNull = typeof ext.pothosOptions?.onNull === 'function';
        resolve = (parent, args, ctx, info) => {
          const value = parent[name];
          const load = parent[PLANNED_READ] as object | undefined;
          if (value === undefined || !load || (value === null && onNull)) return pothos(parent, args, ctx, info);
          const mapping = plannedMapping(parent, load, ctx, info, types);
          if (!mapping) return pothos(parent, args, ctx, info);
          if (needsScope(info)) setRowMappings(ctx, info, mapping.nested);
          plannedRelationStats.answered += 1;
          return value;
        };
      } else {
        // A leaf field with its own `select`: Pothos' wrapper checks the plan loaded the selection, then calls the
        // field's own resolver. An ID is left to Pothos (the Relay plugin also wraps ids).
        // Without arguments: the Relay plugin decodes ids in arguments around the field's own resolver.
        const own = ext.pothosOriginalResolve;
        const leaf = getNamedType(field.type);
        if (typeof own !== 'function' || field.args.length || !isLeafType(leaf) || leaf.name === 'ID') continue;
        resolve = (parent, args, ctx, info) => {
          const load = parent[PLANNED_READ] as object | undefined;
          if (!load) return pothos(parent, args, ctx, info);
          if (!plannedMapping(parent, load, ctx, info, types)) return pothos(parent, args, ctx, info);
          plannedRelationStats.selected += 1;
          return own(parent, args, ctx, info);
        };
      }
      field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
    }
  }
  return schema;
}
