// The columns a GraphQL selection reads, per model and nested relation, so that a compiled read (read.ts) sends
// only those instead of every column of every row (docs/decisions/028-joins-and-asked-columns.md).
//
// A field of a Prisma type reads:
// - an exposed column (`t.exposeString('matricula')`): that column;
// - a relation (`t.relation('evaluaciones')`): nothing of its parent (the join is in SQL); its own selection is
//   worked out the same way, one level down;
// - its own `select` given as an object (`t.string({ select: { curp: true, unit: … } })`): those columns (a
//   relation in it is read whole);
// - columns it declares with `extensions: { columns: ['calificacion'] }` (a field whose resolver reads them);
// - the record's `id`: the id column. A page's rows always carry it (their cursors), and so does a related row
//   with a relation or a field with a `select` in its selection (Pothos loads those by the row's id when the
//   row does not hold them); a related row of plain fields does not.
// Any other field (a resolver that may read any column of its parent) makes the read take every column of that
// model, as before. So a field that forgets to declare what it reads is never given a row without it.
import {
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

/**
 * What a selection reads of one model: its columns (null: all of them), whether it needs the row's id, and per
 * relation what it reads of the target.
 */
export interface Columns {
  columns: Set<string> | null;
  /** The `id` field is selected, or a field Pothos may load from the row's id (a relation, a field with a `select`). */
  id: boolean;
  relations: Map<string, Columns | null>;
}

interface FieldExtensions {
  pothosExposedField?: string;
  pothosPrismaRelationField?: { name: string };
  pothosPrismaSelect?: unknown;
  columns?: readonly string[];
}

const modelOf = (type: GraphQLObjectType) => (type.extensions as { pothosPrismaModel?: string }).pothosPrismaModel;

function merge(a: Columns | null, b: Columns | null): Columns | null {
  if (!a || !b) return null;
  const columns = a.columns && b.columns ? new Set([...a.columns, ...b.columns]) : null;
  const relations = new Map(a.relations);
  for (const [name, c] of b.relations) relations.set(name, relations.has(name) ? merge(relations.get(name)!, c) : c);
  return { columns, id: a.id || b.id, relations };
}

/**
 * Appends to `out` the fields selected on `type` (fragments spread). False when a fragment is on another type or
 * missing: the selection is then not known field by field.
 */
export function fieldsOf(type: GraphQLObjectType, set: SelectionSetNode, info: GraphQLResolveInfo, out: FieldNode[]): boolean {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) out.push(s);
    else {
      const fragment = s.kind === Kind.INLINE_FRAGMENT ? s : info.fragments[s.name.value];
      if (!fragment) return false;
      if (fragment.typeCondition && fragment.typeCondition.name.value !== type.name) return false;
      if (!fieldsOf(type, fragment.selectionSet, info, out)) return false;
    }
  }
  return true;
}

/** What the selections `sets` of a Prisma object type read of its model; null when not known (then: every column). */
function read(type: GraphQLObjectType, sets: readonly SelectionSetNode[], info: GraphQLResolveInfo): Columns | null {
  if (!modelOf(type)) return null;
  const fields: FieldNode[] = [];
  for (const set of sets) if (!fieldsOf(type, set, info, fields)) return null;
  let result: Columns | null = { columns: new Set(), id: false, relations: new Map() };
  for (const node of fields) {
    const name = node.name.value;
    if (name === '__typename') continue;
    const field = type.getFields()[name];
    if (!field) return null;
    const ext = field.extensions as FieldExtensions;
    if (ext.pothosExposedField) result.columns!.add(ext.pothosExposedField);
    else if (ext.pothosPrismaRelationField) {
      const target = getNamedType(field.type);
      // A relation straight to its target's type (a list or one row); a connection over one is read whole.
      let inner: Columns | null = null;
      if (isObjectType(target) && modelOf(target) && node.selectionSet && !isConnection(field.type))
        inner = read(target, [node.selectionSet], info);
      const rel = ext.pothosPrismaRelationField.name;
      result.id = true;
      result.relations.set(rel, result.relations.has(rel) ? merge(result.relations.get(rel)!, inner) : inner);
    } else if (ext.columns) for (const c of ext.columns) result.columns!.add(c);
    else if (name === 'id' && isNonNullType(field.type) && getNamedType(field.type).name === 'ID') result.id = true;
    else if (ext.pothosPrismaSelect && typeof ext.pothosPrismaSelect === 'object') {
      result.id = true;
      for (const [key, value] of Object.entries(ext.pothosPrismaSelect as Record<string, unknown>)) {
        if (value === true) result.columns!.add(key);
        else if (value) result.relations.set(key, null);
      }
    } else {
      result = null;
      break;
    }
  }
  return result;
}

/** True unless the field's type is its target's type, or a list of it (a connection over a relation, say). */
function isConnection(type: GraphQLOutputType): boolean {
  let t = isNonNullType(type) ? type.ofType : type;
  if (isListType(t)) t = t.ofType;
  if (isNonNullType(t)) t = t.ofType;
  return !(isObjectType(t) && modelOf(t));
}

const cache = new WeakMap<FieldNode, Columns | null>();

/**
 * What the field being resolved reads of the rows it returns: for a list of a Prisma type, its selection; for a
 * connection, the selection of `edges.node` and `nodes`. Null when not known (every column is read).
 * Remembered per document node (documents are cached), with `@skip`/`@include` read as selected.
 */
export function columnsOf(info: GraphQLResolveInfo): Columns | null {
  if (info.fieldNodes.length !== 1) return compute(info);
  const node = info.fieldNodes[0];
  let c = cache.get(node);
  if (c === undefined) cache.set(node, (c = compute(info)));
  return c;
}

function compute(info: GraphQLResolveInfo): Columns | null {
  const returned = getNamedType(info.returnType);
  if (!isObjectType(returned)) return null;
  const sets = info.fieldNodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
  if (modelOf(returned)) return read(returned, sets, info);
  // A connection: the rows are the nodes of `edges { node }` (and of `nodes`).
  const edges = returned.getFields().edges;
  const edge = edges && getNamedType(edges.type);
  const nodeField = edge && isObjectType(edge) ? edge.getFields().node : undefined;
  const nodeType = nodeField && getNamedType(nodeField.type);
  if (!nodeType || !isObjectType(nodeType) || !modelOf(nodeType)) return null;
  const nodeSets: SelectionSetNode[] = [];
  for (const set of sets) {
    const top: FieldNode[] = [];
    if (!fieldsOf(returned, set, info, top)) return null;
    for (const f of top) {
      if (f.name.value === 'nodes' && f.selectionSet) nodeSets.push(f.selectionSet);
      if (f.name.value !== 'edges' || !f.selectionSet) continue;
      const inEdge: FieldNode[] = [];
      if (!fieldsOf(edge as GraphQLObjectType, f.selectionSet, info, inEdge)) return null;
      for (const e of inEdge) if (e.name.value === 'node' && e.selectionSet) nodeSets.push(e.selectionSet);
    }
  }
  return read(nodeType, nodeSets, info);
}
