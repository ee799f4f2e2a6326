// Compiled reads: a Prisma `findMany` or `count`, with the arguments the list
// resolvers and Pothos build (where, orderBy, cursor, take/skip, and the
// select/include tree of the GraphQL selection), turned into ONE SQL statement
// in which PostgreSQL builds every row, with its nested relations, as JSON.
//
// Why: on the hottest reads Prisma compiled a query plan in Wasm on every call
// and sent one statement per nested relation; this sends one statement and
// does almost no work in Node (docs/decisions/011-compiled-reads.md).
//
// Safety: the rows are Prisma's rows (Date for DateTime, Prisma.Decimal for
// Decimal, bigint for BigInt, nested objects and lists under the relation's
// name), and any argument this compiler does not know makes the call go to
// Prisma itself, so a read is never wrong, only sometimes slower
// (`readStats.fallbacks` counts them; test/read.test.ts compares both paths).
import { createHash } from 'node:crypto';
import type { GraphQLResolveInfo } from 'graphql';
import { LRUCache } from 'lru-cache';
import type pg from 'pg';
import { Prisma } from '../../generated/prisma/client.js';
import { getDatamodel } from '../../generated/pothos-prisma-types.js';
import { UUID } from '../ids.js';
import type { Db } from './client.js';
import { sqlStatements } from './client.js';
import { columnsOf, type Columns } from './columns.js';

/** Off (COMPILED_READS=off) sends every read to Prisma: a switch for operations, and how tests compare both paths. */
export const compiledReads = { enabled: process.env.COMPILED_READS !== 'off' };

/** Off (ASKED_COLUMNS=off): compiled reads send every column, whatever the selection (a switch, and how the benchmark compares). */
export const askedColumns = { enabled: process.env.ASKED_COLUMNS !== 'off' };

/**
 * Compiled statements are prepared, by a name derived from their text, and each connection keeps the last `size`
 * it prepared (PREPARED_STATEMENTS, read when a connection first prepares; 0 sends every statement unprepared). A prepared statement is parsed once per
 * connection, and PostgreSQL may keep its plan (docs/decisions/029-prepared-array-rows.md).
 */
export const preparedStatements = { size: preparedStatementsSize(process.env.PREPARED_STATEMENTS) };

function preparedStatementsSize(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 100;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 0) throw new Error(`PREPARED_STATEMENTS must be a whole number ≥ 0, not "${raw}"`);
  return size;
}

/** Calls answered by one compiled statement, and calls sent to Prisma because of an argument the compiler does not know. */
export const readStats: {
  compiled: number;
  fallbacks: number;
  lastFallback: string;
  /** Sees every compiled statement with its values (scripts/bench/plans.ts explains them). */
  onStatement: ((text: string, values: unknown[]) => void) | null;
} = { compiled: 0, fallbacks: 0, lastFallback: '', onStatement: null };

type Json = Record<string, unknown>;
/** A row as PostgreSQL sends it (a JSON array, in the selection's order) → the row as Prisma gives it. */
type Convert = (array: unknown[], load: object) => Json;

/**
 * Every row a compiled read returns, and every related row inside it, carries the read it came from under this
 * key (one object per statement). Rows of one read were loaded by one Pothos plan, so a relation already on such
 * a row can be answered without asking the plan again for each row (planned-relations.ts).
 */
export const PLANNED_READ: unique symbol = Symbol('compiled read');

class Unsupported extends Error {}
const unsupported = (what: string): never => {
  throw new Unsupported(what);
};

interface ScalarMeta {
  name: string;
  type: string;
  isList: boolean;
  isRequired: boolean;
}
interface RelationMeta {
  name: string;
  target: string;
  list: boolean;
  /** Join: target column = source column. */
  on: [string, string][];
}
interface ModelMeta {
  name: string;
  scalars: Map<string, ScalarMeta>;
  relations: Map<string, RelationMeta>;
  idField: string | null;
}

interface FieldDef {
  name: string;
  kind: string;
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  relationName?: string;
  relationFromFields?: string[];
}

const MODELS: Map<string, ModelMeta> = (() => {
  const raw = (getDatamodel() as unknown as { datamodel: { models: Record<string, { fields: FieldDef[] }> } }).datamodel.models;
  const models = new Map<string, ModelMeta>();
  for (const [name, { fields }] of Object.entries(raw)) {
    const meta: ModelMeta = { name, scalars: new Map(), relations: new Map(), idField: fields.find((f) => f.isId)?.name ?? null };
    for (const f of fields) {
      if (f.kind !== 'object') {
        meta.scalars.set(f.name, { name: f.name, type: f.type, isList: f.isList, isRequired: f.isRequired });
        continue;
      }
      let on: [string, string][];
      if (f.relationFromFields?.length) {
        // Every relation references its target's id (prisma/schema.prisma).
        const targetId = raw[f.type].fields.find((g) => g.isId)?.name;
        if (!targetId || f.relationFromFields.length !== 1) continue;
        on = [[targetId, f.relationFromFields[0]]];
      } else {
        const opposite = raw[f.type].fields.find(
          (g) =>
            g.relationName === f.relationName &&
            g.kind === 'object' &&
            (f.type !== name || g.name !== f.name) &&
            g.relationFromFields?.length,
        );
        const ownId = meta.idField;
        if (!opposite || !ownId || opposite.relationFromFields!.length !== 1) continue;
        on = [[opposite.relationFromFields![0], ownId]];
      }
      meta.relations.set(f.name, { name: f.name, target: f.type, list: f.isList, on });
    }
    models.set(name, meta);
  }
  return models;
})();

/** The model of a Prisma client delegate name (`alumno` → `Alumno`). */
const modelOf = (delegate: string) => delegate[0].toUpperCase() + delegate.slice(1);

// ---- column types, read once per database ----------------------------------------------------

type ColumnTypes = Map<string, string>;
const columnTypesByPool = new WeakMap<pg.Pool, Promise<ColumnTypes>>();

function columnTypes(pool: pg.Pool): Promise<ColumnTypes> {
  let types = columnTypesByPool.get(pool);
  if (!types) {
    types = pool
      .query<{ t: string; c: string; udt: string; dt: string }>(
        `SELECT table_name AS t, column_name AS c, udt_name AS udt, data_type AS dt
         FROM information_schema.columns WHERE table_schema = current_schema()`,
      )
      .then(({ rows }) => new Map(rows.map((r) => [`${r.t}.${r.c}`, r.dt === 'USER-DEFINED' ? `"${r.udt}"` : r.udt])));
    types.catch(() => columnTypesByPool.delete(pool));
    columnTypesByPool.set(pool, types);
  }
  return types;
}

// ---- the statement being built ---------------------------------------------------------------

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

class Statement {
  readonly params: unknown[] = [];
  private aliases = 0;
  constructor(readonly types: ColumnTypes) {}
  alias() {
    return `t${this.aliases++}`;
  }
  type(model: string, column: string): string {
    return this.types.get(`${model}.${column}`) ?? unsupported(`column ${model}.${column}`);
  }
  /** A parameter cast to the column's type (so a value that does not fit fails in JS, not in PostgreSQL). */
  param(model: string, column: string, value: unknown, list = false): string {
    const type = this.type(model, column);
    const values = list ? (value as unknown[]) : [value];
    const out = values.map((v) => {
      if (v === null || v === undefined) return unsupported('null inside a value');
      if (type === 'uuid' && (typeof v !== 'string' || !UUID.test(v))) return unsupported('a value that is not a UUID');
      if (v instanceof Date) return v.toISOString();
      if (typeof v === 'object') return Prisma.Decimal.isDecimal(v) ? String(v) : unsupported('an object value');
      if (typeof v === 'bigint') return String(v);
      return v;
    });
    this.params.push(list ? out : out[0]);
    return `$${this.params.length}::${type}${list ? '[]' : ''}`;
  }
  text(value: string): string {
    this.params.push(value);
    return `$${this.params.length}::text`;
  }
}

const isPlainObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !Prisma.Decimal.isDecimal(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);
// A FALSE part is kept with the others (PostgreSQL folds it): their parameters are already numbered, and a
// statement must use every parameter it is sent (found by the fuzz test).
const and = (all: string[]) => {
  const parts = all.filter((p) => p !== 'TRUE');
  return parts.length === 0 ? 'TRUE' : parts.length === 1 ? parts[0] : `(${parts.join(' AND ')})`;
};

// ---- where -----------------------------------------------------------------------------------

function where(q: Statement, m: ModelMeta, a: string, w: unknown): string {
  if (w === undefined || w === null) return 'TRUE';
  if (!isPlainObject(w)) return unsupported('where');
  const parts: string[] = [];
  for (const [key, value] of Object.entries(w.AND !== undefined ? intersected(q, m, w) : w)) {
    if (value === undefined) continue;
    if (key === 'AND') parts.push(and(list(value).map((x) => where(q, m, a, x))));
    else if (key === 'OR') {
      const items = list(value);
      parts.push(items.length ? `(${items.map((x) => where(q, m, a, x)).join(' OR ')})` : 'FALSE');
    } else if (key === 'NOT') parts.push(and(list(value).map((x) => `NOT ${where(q, m, a, x)}`)));
    else if (m.scalars.has(key)) parts.push(scalarFilter(q, m, a, m.scalars.get(key)!, value));
    else if (m.relations.has(key)) parts.push(relationFilter(q, m, a, m.relations.get(key)!, value));
    else unsupported(`where.${key}`);
  }
  return and(parts);
}

/**
 * PostgreSQL types whose values compare as their JavaScript values do (uuids once lower-cased): only these are
 * intersected. A decimal, a date or a float has several spellings of one value, so it is left to PostgreSQL.
 */
const COMPARABLE: Record<string, (v: unknown) => boolean> = {
  uuid: (v) => typeof v === 'string' && UUID.test(v),
  text: (v) => typeof v === 'string',
  varchar: (v) => typeof v === 'string',
  int2: (v) => Number.isInteger(v),
  int4: (v) => Number.isInteger(v),
  bool: (v) => typeof v === 'boolean',
};

/**
 * The values a conjunct `{ column: v }`, `{ column: { equals: v } }` or `{ column: { in: [...] } }` allows, when
 * every one of them compares in JavaScript as in PostgreSQL (`COMPARABLE`, or an enum's labels); else null.
 */
function allowed(type: string, value: unknown): unknown[] | null {
  const fits = type.startsWith('"') ? (v: unknown) => typeof v === 'string' : COMPARABLE[type];
  if (!fits) return null;
  let values: unknown[];
  if (!isPlainObject(value)) values = [value];
  else {
    const ops = Object.keys(value).filter((k) => value[k] !== undefined);
    if (ops.length !== 1 || (ops[0] !== 'equals' && ops[0] !== 'in')) return null;
    if (ops[0] === 'equals') values = [value.equals];
    else if (Array.isArray(value.in)) values = value.in;
    else return null;
  }
  if (!values.every(fits)) return null;
  return type === 'uuid' ? values.map((v) => (v as string).toLowerCase()) : values;
}

/**
 * The conjuncts of `w` (its keys and its AND, flattened), with the sets of values each column is allowed ANDed on
 * that column intersected into one: a scope `unitId IN (the viewer's units)` and a client's filter `unitId = X`
 * become `unitId = X`. PostgreSQL then sees one condition per column: it estimates the rows better, and a
 * prepared statement keeps its generic plan instead of being planned again for every call. An empty intersection
 * is FALSE on a required column; on a nullable one the conditions stay as they were (for a null value they are
 * NULL, not FALSE, which differs under NOT; found in review).
 */
function intersected(q: Statement, m: ModelMeta, w: Json): Json {
  const conjuncts: Json[] = [];
  const flatten = (x: unknown) => {
    if (x === undefined) return;
    if (!isPlainObject(x)) return unsupported('a filter that is not an object');
    for (const [key, value] of Object.entries(x)) {
      if (value === undefined) continue;
      if (key === 'AND') list(value).forEach(flatten);
      else conjuncts.push({ [key]: value });
    }
  };
  flatten(w);
  const sets = new Map<string, { at: number[]; values: unknown[][] }>();
  conjuncts.forEach((c, at) => {
    const [key] = Object.keys(c);
    const f = m.scalars.get(key);
    const values = f && !f.isList ? allowed(q.type(m.name, key), c[key]) : null;
    if (!values) return;
    const set = sets.get(key) ?? { at: [], values: [] };
    set.at.push(at);
    set.values.push(values);
    sets.set(key, set);
  });
  for (const [key, set] of sets) {
    if (set.at.length < 2) continue;
    const common = [...new Set(set.values.reduce((a, b) => a.filter((v) => b.includes(v))))];
    if (!common.length && !m.scalars.get(key)!.isRequired) continue;
    for (const at of set.at) conjuncts[at] = {};
    conjuncts[set.at[0]] = { [key]: common.length === 1 ? common[0] : { in: common } };
  }
  return { AND: conjuncts.filter((c) => Object.keys(c).length) };
}

const LIKE_ESCAPE = /[\\%_]/g;

function scalarFilter(q: Statement, m: ModelMeta, a: string, f: ScalarMeta, value: unknown): string {
  if (f.isList) return unsupported('a filter on a list column');
  const col = `${a}.${ident(f.name)}`;
  if (value === null) return `${col} IS NULL`;
  if (!isPlainObject(value)) return `${col} = ${q.param(m.name, f.name, value)}`;
  const insensitive = value.mode === 'insensitive';
  const parts: string[] = [];
  for (const [op, v] of Object.entries(value)) {
    if (v === undefined || op === 'mode') continue;
    switch (op) {
      case 'equals':
        parts.push(v === null ? `${col} IS NULL` : `${col} = ${q.param(m.name, f.name, v)}`);
        break;
      case 'in':
        parts.push((v as unknown[]).length ? `${col} = ANY(${q.param(m.name, f.name, v, true)})` : 'FALSE');
        break;
      case 'notIn':
        parts.push((v as unknown[]).length ? `NOT (${col} = ANY(${q.param(m.name, f.name, v, true)}))` : 'TRUE');
        break;
      case 'lt':
      case 'lte':
      case 'gt':
      case 'gte': {
        const sym = { lt: '<', lte: '<=', gt: '>', gte: '>=' }[op];
        parts.push(`${col} ${sym} ${q.param(m.name, f.name, v)}`);
        break;
      }
      case 'not':
        if (v === null) parts.push(`${col} IS NOT NULL`);
        else if (isPlainObject(v)) parts.push(`NOT ${scalarFilter(q, m, a, f, v)}`);
        // `not: value` on a nullable column: Prisma's treatment of nulls is not mirrored here.
        else if (!f.isRequired) unsupported('not on a nullable column');
        else parts.push(`${col} <> ${q.param(m.name, f.name, v)}`);
        break;
      case 'contains':
      case 'startsWith':
      case 'endsWith': {
        if (typeof v !== 'string') return unsupported(`${op} on a non-string`);
        const escaped = v.replace(LIKE_ESCAPE, '\\$&');
        const pattern = op === 'contains' ? `%${escaped}%` : op === 'startsWith' ? `${escaped}%` : `%${escaped}`;
        parts.push(`${col} ${insensitive ? 'ILIKE' : 'LIKE'} ${q.text(pattern)}`);
        break;
      }
      default:
        unsupported(`filter ${op}`);
    }
  }
  return and(parts);
}

function joinOn(rel: RelationMeta, target: string, source: string) {
  return rel.on.map(([t, s]) => `${target}.${ident(t)} = ${source}.${ident(s)}`).join(' AND ');
}

function exists(q: Statement, rel: RelationMeta, a: string, w: unknown, negate = false): string {
  const target = MODELS.get(rel.target)!;
  const b = q.alias();
  const cond = where(q, target, b, w);
  return `${negate ? 'NOT ' : ''}EXISTS (SELECT 1 FROM ${ident(target.name)} ${b} WHERE ${joinOn(rel, b, a)}${cond === 'TRUE' ? '' : ` AND ${cond}`})`;
}

function relationFilter(q: Statement, _m: ModelMeta, a: string, rel: RelationMeta, value: unknown): string {
  if (rel.list) {
    if (!isPlainObject(value)) return unsupported('list relation filter');
    const parts: string[] = [];
    for (const [op, w] of Object.entries(value)) {
      if (w === undefined) continue;
      if (op === 'some') parts.push(exists(q, rel, a, w));
      else if (op === 'none') parts.push(exists(q, rel, a, w, true));
      else if (op === 'every') {
        const target = MODELS.get(rel.target)!;
        const b = q.alias();
        parts.push(
          `NOT EXISTS (SELECT 1 FROM ${ident(target.name)} ${b} WHERE ${joinOn(rel, b, a)} AND NOT COALESCE(${where(q, target, b, w)}, FALSE))`,
        );
      } else unsupported(`relation filter ${op}`);
    }
    return and(parts);
  }
  if (value === null) return exists(q, rel, a, {}, true);
  if (!isPlainObject(value)) return unsupported('to-one relation filter');
  if ('is' in value || 'isNot' in value) {
    const parts: string[] = [];
    if (value.is !== undefined) parts.push(value.is === null ? exists(q, rel, a, {}, true) : exists(q, rel, a, value.is));
    if (value.isNot !== undefined) parts.push(value.isNot === null ? exists(q, rel, a, {}) : unsupported('isNot with a filter'));
    return and(parts);
  }
  return exists(q, rel, a, value);
}

// ---- order -----------------------------------------------------------------------------------

interface Order {
  /** The ordered value for the row under an alias (a column, or a to-one relation's column). */
  expr: (alias: string) => string;
  desc: boolean;
  required: boolean;
  column: string | null;
}

function orderTerm(m: ModelMeta, key: string, dir: unknown): Order[] {
  if (dir === undefined) return [];
  const field = m.scalars.get(key);
  if (field) {
    if (dir !== 'asc' && dir !== 'desc') return unsupported('orderBy with options');
    return [{ expr: (a) => `${a}.${ident(key)}`, desc: dir === 'desc', required: field.isRequired, column: key }];
  }
  const rel = m.relations.get(key) ?? unsupported(`orderBy.${key}`);
  if (rel.list || !isPlainObject(dir)) return unsupported('orderBy on a list relation');
  const target = MODELS.get(rel.target)!;
  return Object.entries(dir).flatMap(([k, d]) =>
    orderTerm(target, k, d).map((inner) => ({
      expr: (a: string) => {
        const b = `${a}_${key}`;
        return `(SELECT ${inner.expr(b)} FROM ${ident(target.name)} ${b} WHERE ${joinOn(rel, b, a)})`;
      },
      desc: inner.desc,
      required: false,
      column: null,
    })),
  );
}

function orders(m: ModelMeta, orderBy: unknown): Order[] {
  if (orderBy === undefined || orderBy === null) return [];
  return list(orderBy).flatMap((o) => {
    if (!isPlainObject(o)) return unsupported('orderBy');
    return Object.entries(o).flatMap(([key, dir]) => orderTerm(m, key, dir));
  });
}

const orderSql = (a: string, os: Order[], flip = false) =>
  os.length ? ` ORDER BY ${os.map((o) => `${o.expr(a)} ${o.desc !== flip ? 'DESC' : 'ASC'}`).join(', ')}` : '';

function cursorSql(q: Statement, m: ModelMeta, a: string, cursor: unknown, os: Order[], flip: boolean): string {
  if (!isPlainObject(cursor)) return unsupported('cursor');
  const keys = Object.keys(cursor);
  const idField = m.idField;
  if (!idField || keys.length !== 1 || keys[0] !== idField) return unsupported('cursor on another field');
  if (!os.some((o) => o.column === idField)) return unsupported('cursor without the id in the order');
  const c = q.alias();
  const id = q.param(m.name, idField, cursor[idField]);
  const at = (o: Order) => `(SELECT ${o.expr(c)} FROM ${ident(m.name)} ${c} WHERE ${c}.${ident(idField)} = ${id})`;
  // Rows at or after the cursor row in the (possibly flipped) order: the cursor row itself is included, as in
  // Prisma. Nulls sort last ascending and first descending (PostgreSQL's default, which Prisma keeps).
  const equal = (o: Order) => (o.required ? `${o.expr(a)} = ${at(o)}` : `${o.expr(a)} IS NOT DISTINCT FROM ${at(o)}`);
  const after = (o: Order) => {
    const forward = o.desc === flip; // ascending in the order actually read
    const cmp = `${o.expr(a)} ${forward ? '>' : '<'} ${at(o)}`;
    if (o.required) return cmp;
    // Ascending: a null comes after every value; descending: before every value.
    return forward
      ? `(${cmp} OR (${o.expr(a)} IS NULL AND ${at(o)} IS NOT NULL))`
      : `(${cmp} OR (${o.expr(a)} IS NOT NULL AND ${at(o)} IS NULL))`;
  };
  const alternatives = os.map((o, i) => and([...os.slice(0, i).map(equal), after(o)]));
  alternatives.push(and(os.map(equal)));
  return `(${alternatives.join(' OR ')})`;
}

// ---- selection -------------------------------------------------------------------------------

const READ_KEYS = new Set(['select', 'include', 'where', 'orderBy', 'take', 'skip', 'cursor', 'relationLoadStrategy']);

/**
 * The json_build_array for `m`'s row under alias `a`, how to turn it into Prisma's row, and the joins its
 * to-one relations need in the FROM clause that selects `a`.
 */
interface Selection {
  sql: string;
  convert: Convert;
  /** `LEFT JOIN …` clauses, in order (a to-one relation's own to-one relations follow it). */
  joins: string[];
}

/**
 * `FROM table a`, with the joins of a selection, the condition, the order and the limit. With joins and a limit, the
 * page is chosen first in a subquery, so that the joins run for the page's rows only, whatever plan PostgreSQL picks.
 */
function fromClause(table: string, a: string, joins: string[], cond: string, order: string, limit: string): string {
  const where = cond === 'TRUE' ? '' : ` WHERE ${cond}`;
  if (!joins.length) return `FROM ${ident(table)} ${a}${where}${order}${limit}`;
  if (!limit) return `FROM ${ident(table)} ${a} ${joins.join(' ')}${where}${order}`;
  return `FROM (SELECT * FROM ${ident(table)} ${a}${where}${order}${limit}) ${a} ${joins.join(' ')}${order}`;
}

function selection(q: Statement, m: ModelMeta, a: string, args: Json, asked: Columns | null = null, page = false): Selection {
  for (const key of Object.keys(args)) if (!READ_KEYS.has(key) && args[key] !== undefined) unsupported(`argument ${key}`);
  if (args.select && args.include) unsupported('select and include');
  // The row is a JSON array, one element per key (keys[i] ← values[i]): no key names travel with each row.
  const keys: string[] = [];
  const values: string[] = [];
  const converters: (((v: unknown, load: object) => unknown) | null)[] = [];
  const joins: string[] = [];
  const put = (key: string, sql: string, convert: ((v: unknown, load: object) => unknown) | null = null) => {
    keys.push(key);
    values.push(sql);
    converters.push(convert);
  };
  const scalar = (f: ScalarMeta) => {
    const col = `${a}.${ident(f.name)}`;
    const type = q.type(m.name, f.name);
    if (f.isList && (f.type === 'DateTime' || f.type === 'Decimal' || f.type === 'BigInt' || f.type === 'Bytes'))
      unsupported(`list of ${f.type}`);
    switch (f.type) {
      case 'DateTime': {
        const zone = type === 'timestamp' ? 'Z' : '';
        put(f.name, col, (v) => (typeof v === 'string' ? new Date(v + zone) : v));
        break;
      }
      case 'Decimal':
        put(f.name, `${col}::text`, (v) => (typeof v === 'string' ? new Prisma.Decimal(v) : v));
        break;
      case 'BigInt':
        put(f.name, `${col}::text`, (v) => (typeof v === 'string' ? BigInt(v) : v));
        break;
      case 'Bytes':
        // As Prisma gives it: a Uint8Array (carried as base64 inside the row's JSON).
        put(f.name, `encode(${col}, 'base64')`, (v) => (typeof v === 'string' ? new Uint8Array(Buffer.from(v, 'base64')) : v));
        break;
      default:
        put(f.name, col);
    }
  };
  const relation = (rel: RelationMeta, value: unknown) => {
    const target = MODELS.get(rel.target)!;
    const nested: Json = value === true ? {} : isPlainObject(value) ? value : unsupported('relation selection');
    const b = q.alias();
    const inner = selection(q, target, b, nested, asked?.relations.get(rel.name) ?? null);
    const cond = where(q, target, b, nested.where);
    const filter = `${joinOn(rel, b, a)}${cond === 'TRUE' ? '' : ` AND ${cond}`}`;
    const convert = inner.convert;
    if (!rel.list) {
      if (nested.where || nested.orderBy || nested.take || nested.skip || nested.cursor) unsupported('arguments on a to-one relation');
      // A to-one relation joins its target's id, or a unique column on the other side (Prisma requires one):
      // at most one row, and a LEFT JOIN costs PostgreSQL less than a subquery per row. No row: null.
      joins.push(`LEFT JOIN ${ident(target.name)} ${b} ON ${filter}`, ...inner.joins);
      put(rel.name, `CASE WHEN ${b}.${ident(rel.on[0][0])} IS NULL THEN NULL ELSE ${inner.sql} END`, (v, load) =>
        v ? convert(v as unknown[], load) : null,
      );
      return;
    }
    if (nested.cursor !== undefined) unsupported('cursor on a nested list');
    const take = nested.take === undefined ? null : Number(nested.take);
    const skip = nested.skip === undefined ? 0 : Number(nested.skip);
    if ((take !== null && (!Number.isInteger(take) || take < 0)) || !Number.isInteger(skip) || skip < 0) unsupported('take/skip');
    const os = orders(target, nested.orderBy);
    const limit = `${take !== null ? ` LIMIT ${take}` : ''}${skip ? ` OFFSET ${skip}` : ''}`;
    put(
      rel.name,
      `COALESCE((SELECT json_agg(s.r) FROM (SELECT ${inner.sql} AS r ${fromClause(target.name, b, inner.joins, filter, orderSql(b, os), limit)}) s), '[]'::json)`,
      (v, load) => (v as unknown[][]).map((item) => convert(item, load)),
    );
  };
  const count = (value: unknown) => {
    const sel = isPlainObject(value) && isPlainObject(value.select) ? value.select : unsupported('_count without select');
    const names: string[] = [];
    const counts: string[] = [];
    for (const [name, v] of Object.entries(sel)) {
      if (!v) continue;
      const rel = m.relations.get(name) ?? unsupported(`_count.${name}`);
      if (!rel.list) unsupported('_count of a to-one relation');
      const target = MODELS.get(rel.target)!;
      const b = q.alias();
      const w = isPlainObject(v) ? v.where : undefined;
      if (isPlainObject(v) && Object.keys(v).some((k) => k !== 'where')) unsupported('_count options');
      const cond = where(q, target, b, w);
      names.push(name);
      counts.push(`(SELECT count(*) FROM ${ident(target.name)} ${b} WHERE ${joinOn(rel, b, a)}${cond === 'TRUE' ? '' : ` AND ${cond}`})`);
    }
    put('_count', `json_build_array(${counts.join(', ')})`, (v) => Object.fromEntries(names.map((name, i) => [name, (v as number[])[i]])));
  };

  if (isPlainObject(args.select)) {
    for (const [name, value] of Object.entries(args.select)) {
      if (!value) continue;
      if (name === '_count') count(value);
      else if (m.scalars.has(name)) {
        if (value !== true) unsupported('scalar selection');
        scalar(m.scalars.get(name)!);
      } else if (m.relations.has(name)) relation(m.relations.get(name)!, value);
      else unsupported(`select.${name}`);
    }
  } else {
    // Every column, or only those the GraphQL selection reads (columns.ts), with the id when a page's row (its
    // cursor) or when the selection needs it.
    // A model keyed by several columns (@@id) has no single id to keep: Pothos would load such a row again by all
    // of them, so it keeps every column (found in review).
    const only = m.idField ? asked?.columns : null;
    const id = page || !!asked?.id || only?.size === 0;
    for (const f of m.scalars.values()) if (!only || only.has(f.name) || (id && f.name === m.idField)) scalar(f);
    if (isPlainObject(args.include)) {
      for (const [name, value] of Object.entries(args.include)) {
        if (!value) continue;
        if (name === '_count') count(value);
        else relation(m.relations.get(name) ?? unsupported(`include.${name}`), value);
      }
    } else if (args.include !== undefined) unsupported('include');
  }
  if (!values.length) unsupported('an empty selection');
  // json_build_array takes at most 100 arguments: longer rows are concatenated as jsonb.
  const chunks: string[] = [];
  for (let i = 0; i < values.length; i += 100) chunks.push(`json_build_array(${values.slice(i, i + 100).join(', ')})`);
  const sql = chunks.length === 1 ? chunks[0] : `(${chunks.map((c) => `${c}::jsonb`).join(' || ')})::json`;
  const n = keys.length;
  const convert: Convert = (array, load) => {
    const row: Json = { [PLANNED_READ]: load };
    for (let i = 0; i < n; i++) {
      const c = converters[i];
      row[keys[i]] = c === null ? array[i] : c(array[i], load);
    }
    return row;
  };
  return { sql, convert, joins };
}

// ---- findMany and count ----------------------------------------------------------------------

interface Compiled {
  text: string;
  values: unknown[];
  convert: Convert | null;
  reverse: boolean;
}

function compileFindMany(types: ColumnTypes, m: ModelMeta, args: Json, asked: Columns | null): Compiled {
  const q = new Statement(types);
  const a = q.alias();
  const { sql, convert, joins } = selection(q, m, a, args, asked, true);
  const takeRaw = args.take === undefined ? null : Number(args.take);
  const skip = args.skip === undefined ? 0 : Number(args.skip);
  if ((takeRaw !== null && !Number.isInteger(takeRaw)) || !Number.isInteger(skip) || skip < 0) unsupported('take/skip');
  // A negative take reads backwards from the cursor: flip the order, then reverse the rows (as Prisma does).
  const flip = takeRaw !== null && takeRaw < 0;
  const os = orders(m, args.orderBy);
  const conds = [where(q, m, a, args.where)];
  if (args.cursor !== undefined) conds.push(cursorSql(q, m, a, args.cursor, os, flip));
  const cond = and(conds.filter((c) => c !== 'TRUE'));
  const limit = `${takeRaw !== null ? ` LIMIT ${Math.abs(takeRaw)}` : ''}${skip ? ` OFFSET ${skip}` : ''}`;
  const text = `SELECT ${sql} AS r ${fromClause(m.name, a, joins, cond, orderSql(a, os, flip), limit)}`;
  return { text, values: q.params, convert, reverse: flip };
}

function compileCount(types: ColumnTypes, m: ModelMeta, args: Json): Compiled {
  for (const key of Object.keys(args)) if (key !== 'where' && args[key] !== undefined) unsupported(`count ${key}`);
  const q = new Statement(types);
  const a = q.alias();
  const cond = where(q, m, a, args.where);
  return {
    text: `SELECT count(*)::int AS r FROM ${ident(m.name)} ${a}${cond === 'TRUE' ? '' : ` WHERE ${cond}`}`,
    values: q.params,
    convert: null,
    reverse: false,
  };
}

const pools = new WeakMap<object, pg.Pool>();

/** Lets `db`'s compiled reads use `pool` (the pool of its driver adapter). */
export function registerReadPool(db: object, pool: pg.Pool) {
  pools.set(db, pool);
}

type DelegateKey = Extract<
  {
    [K in keyof Db]: Db[K] extends { findMany: (...args: never[]) => unknown } ? K : never;
  }[keyof Db],
  string
>;
type FindManyArgs<K extends DelegateKey> = NonNullable<Parameters<Db[K]['findMany']>[0]>;
type CountArgs<K extends DelegateKey> = NonNullable<Parameters<Db[K]['count']>[0]>;

/** The names pg's Client has prepared on its connection (an internal of pg 8, as PostGraphile uses it; absent → unnamed). */
const parsedStatements = (client: pg.PoolClient) =>
  (client as unknown as { connection?: { parsedStatements?: Record<string, string> } }).connection?.parsedStatements;

const preparedByClient = new WeakMap<pg.PoolClient, LRUCache<string, true>>();

/**
 * Runs a compiled statement on one of the pool's connections: prepared under a name derived from its text, so that
 * the connection parses it once. pg prepares a name the first time a connection sees it and keeps every name;
 * this keeps the connection's `preparedStatements.size` most recently used, and a name dropped from them is
 * deallocated, in PostgreSQL and in pg, before the connection runs anything else.
 */
export async function preparedQuery(pool: pg.Pool, text: string, values: unknown[]): Promise<pg.QueryResult<[unknown]>> {
  const size = preparedStatements.size;
  if (size === 0) return pool.query<[unknown]>({ text, values, rowMode: 'array' });
  const client = await pool.connect();
  try {
    const parsed = parsedStatements(client);
    let name: string | undefined;
    if (parsed) {
      // A connection keeps the size in force when it first prepared (a new size applies to new connections).
      let kept = preparedByClient.get(client);
      if (!kept) {
        kept = new LRUCache<string, true>({
          max: size,
          dispose: (_value, dropped) => {
            if (parsed[dropped] === undefined) return;
            delete parsed[dropped];
            // Queued before the statement that pushed it out; a failure here means the connection failed.
            client.query(`DEALLOCATE ${ident(dropped)}`).catch(() => undefined);
          },
        });
        preparedByClient.set(client, kept);
      }
      name = `r${createHash('sha1').update(text).digest('base64url')}`;
      kept.set(name, true);
    }
    const result = await client.query<[unknown]>({ name, text, values, rowMode: 'array' });
    client.release();
    return result;
  } catch (error) {
    // As pool.query does: a connection that failed a statement is not reused.
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}

async function run<T>(
  db: Db,
  key: DelegateKey,
  compile: (types: ColumnTypes, m: ModelMeta) => Compiled,
  fallback: () => Promise<T>,
): Promise<T> {
  const pool = pools.get(db);
  const model = MODELS.get(modelOf(key));
  if (!pool || !model || !compiledReads.enabled) return fallback();
  let compiled: Compiled;
  try {
    compiled = compile(await columnTypes(pool), model);
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    readStats.fallbacks += 1;
    readStats.lastFallback = `${key}: ${error.message}`;
    return fallback();
  }
  readStats.compiled += 1;
  sqlStatements.count += 1;
  sqlStatements.log?.push(compiled.text);
  readStats.onStatement?.(compiled.text, compiled.values);
  const result = await preparedQuery(pool, compiled.text, compiled.values);
  const load = {};
  const convert = compiled.convert;
  const rows = result.rows.map((r) => (convert ? convert(r[0] as unknown[], load) : r[0]));
  if (compiled.reverse) rows.reverse();
  return rows as T;
}

/**
 * `db[key].findMany(args)`, in one statement when the compiler knows every argument. Given the GraphQL field being
 * resolved (`info`), the rows carry only the columns its selection reads (columns.ts); without it, every column.
 */
export function findMany<K extends DelegateKey>(
  db: Db,
  key: K,
  args: FindManyArgs<K>,
  info?: GraphQLResolveInfo,
): ReturnType<Db[K]['findMany']> {
  const fallback = () => (db[key] as unknown as { findMany(a: unknown): Promise<unknown[]> }).findMany(args);
  const asked = info && askedColumns.enabled ? columnsOf(info) : null;
  return run(db, key, (types, m) => compileFindMany(types, m, args as Json, asked), fallback) as ReturnType<Db[K]['findMany']>;
}

/** `db[key].count({ where })`, compiled the same way. */
export async function count<K extends DelegateKey>(db: Db, key: K, args: CountArgs<K>): Promise<number> {
  const fallback = () => (db[key] as unknown as { count(a: unknown): Promise<number> }).count(args);
  const rows = await run<unknown>(
    db,
    key,
    (types, m) => compileCount(types, m, args),
    async () => [await fallback()],
  );
  return (rows as number[])[0];
}

/** The pg pool behind a client (metrics read its counts). */
export function poolOf(db: object): pg.Pool | undefined {
  return pools.get(db);
}
