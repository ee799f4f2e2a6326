// GET /exports/<name>.csv | .xlsx (docs/bi.md, docs/decisions/020-reporting-schema-and-exports.md).
//
// Report exports: a root query a module lists in its `exports` runs as a
// GraphQL operation built from the field (every scalar column, every argument
// taken from the query string), through the same schema, shield and context
// as POST /graphql: same token, same scope, same filters and the same errors.
// A report of one object is written as tables of it (the lists its module
// names, its own fields as a `resumen`), one XLSX sheet each; a report of a
// record is read through `node(id)` (ExportSpec).
// Table exports (src/lib/reporting/tables.ts): large views streamed through a
// cursor, filtered to the viewer's units. Both are written row by row
// (csv-stringify; ExcelJS's streaming workbook writer).
import type http from 'node:http';
import { once } from 'node:events';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { stringify } from 'csv-stringify';
import type ExcelJS from 'exceljs';
import type pg from 'pg';
import type { Context } from '../../context.js';
import { ErrorCode, notFound } from '../errors.js';
import { cursorRows } from '../reporting/pool.js';
import { ExportInputError, TABLE_EXPORTS, tableQuery } from '../reporting/tables.js';
import { excel } from '../xlsx.js';

export type ExportFormat = 'csv' | 'xlsx';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const STATUS: Record<string, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  // A filter GraphQL refuses before running (a required argument missing, a value of the wrong type): the client's mistake.
  GRAPHQL_VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
};

export interface ExportError {
  status: number;
  errors: { message: string; extensions: Record<string, unknown> & { code: string } }[];
}

/**
 * A module's declaration of an export. A string names a root query returning a list of objects: its rows are the
 * list's items. A root query returning one object (a report with totals and tables) names the lists of the object
 * that become rows (`tables`); see src/lib/modules.ts.
 */
export interface ExportSpec {
  /** The root query (`node` for a report of a record). */
  field: string;
  /** The export's name, when it is not the root query's: required for a record's report. */
  name?: string;
  /**
   * A report that hangs off a record (a campaign's report): the record's type, read through `node(id)` (the query
   * string's `id`, the record's global id), and `path`, the field of the record (or a path of fields) that is the report.
   * A record the viewer does not reach is 404, as `node` answers null.
   */
  on?: string;
  path?: string;
  /**
   * For a root query returning one object: its list fields whose items are rows, one table each (a path through
   * lists for a list of a list, e.g. `series.puntos`: one row per point, with the series' columns before). The first
   * is the CSV of /exports/<field>.csv; each is also /exports/<field>.<table>.csv|.xlsx; the XLSX of the report has
   * one sheet per table. `include` adds scalar fields of an object of the row (e.g. `alumno.matricula`).
   */
  tables?: (string | { rows: string; include?: string[] })[];
  /** Scalar fields of the object repeated as the first columns of every table: what identifies the report (period, year), never a total. */
  lead?: string[];
  /** Scalar fields of the object left out of its summary (`hojaCalculo`: the same report as a base64 workbook). */
  omit?: string[];
}

/** One column: the value at `path` of the `level`-th object of a row's chain (see rowsOf). */
interface Column {
  header: string;
  level: number;
  path: string[];
}

/** One table of an export: a sheet of the XLSX, or the whole CSV. */
export interface ExportSheet {
  name: string;
  /** The fields from the query's result down to the rows: the root field, then the lists (or objects) of the table. */
  levels: string[];
  columns: Column[];
}

export interface ReportExport {
  name: string;
  field: GraphQLField<unknown, unknown>;
  /** A record's report: the record's type (the root field is `node`). */
  record?: string;
  /** The CSV's table: the list's items, or the report's first table (its summary when it has none). */
  csv: ExportSheet;
  /** The XLSX's sheets: the report's summary (when it has scalar fields) and each table, in that order. */
  xlsx: ExportSheet[];
  /** The operation that reads what the format writes: the CSV's table, or every sheet. */
  document: (present: string[], format: ExportFormat) => string;
}

/** The name of a report's summary: /exports/<field>.resumen.csv, and the first sheet of its XLSX. */
export const SUMMARY = 'resumen';

/** A scalar or enum field (or a list of them) without arguments: a column. */
const isColumn = (f: GraphQLField<unknown, unknown>) => {
  const t = getNamedType(f.type);
  return (isScalarType(t) || isEnumType(t)) && !f.args.length;
};

/** A field whose value is a list (nullable or not). */
const isListField = (f: GraphQLField<unknown, unknown>) => isListType(isNonNullType(f.type) ? f.type.ofType : f.type);

/** The columns of a type, in the order the schema declares them. */
function scalarFields(type: GraphQLObjectType): string[] {
  return Object.values(type.getFields())
    .filter(isColumn)
    .map((f) => f.name);
}

/** The object type at the end of a path of fields from `type`, or an error naming the first field that is not one. */
function objectAt(type: GraphQLObjectType, path: string[], what: string): GraphQLObjectType {
  let current = type;
  for (const step of path) {
    const next = current.getFields()[step] && getNamedType(current.getFields()[step].type);
    if (!isObjectType(next)) throw new Error(`${what}: ${current.name}.${step} is not a field of objects`);
    current = next;
  }
  return current;
}

function scalarAt(type: GraphQLObjectType, path: string[], what: string): void {
  const owner = objectAt(type, path.slice(0, -1), what);
  const f = owner.getFields()[path[path.length - 1]];
  const t = f && getNamedType(f.type);
  if (!t || !(isScalarType(t) || isEnumType(t))) throw new Error(`${what}: ${owner.name}.${path[path.length - 1]} is not a scalar field`);
}

/** A selection set (`{ a b { c } }`) of the given paths. */
function selection(paths: string[][]): string {
  const tree = new Map<string, string[][]>();
  for (const [head, ...rest] of paths) {
    if (!tree.has(head)) tree.set(head, []);
    if (rest.length) tree.get(head)!.push(rest);
  }
  return `{ ${[...tree].map(([k, sub]) => (sub.length ? `${k} ${selection(sub)}` : k)).join(' ')} }`;
}

/** The sheets an export writes: for a list, its items; for an object, its summary and its tables. */
function sheetsOf(
  schema: GraphQLSchema,
  spec: ExportSpec,
  field: GraphQLField<unknown, unknown>,
): { summary?: ExportSheet; tables: ExportSheet[] } {
  const what = `export ${spec.name ?? spec.field}`;
  const root = spec.on ? schema.getType(spec.on) : getNamedType(field.type);
  if (!isObjectType(root)) throw new Error(`${what}: not a root query returning objects`);
  if (spec.on && !root.getInterfaces().some((i) => i.name === getNamedType(field.type).name))
    throw new Error(`${what}: ${spec.on} is not a ${getNamedType(field.type).name}`);
  const prefix = spec.path ? spec.path.split('.') : [];
  const item = objectAt(root, prefix, what);
  // Where the report object is in a row's chain: the query's data, the root field's value, then the path's objects.
  const base = [spec.field, ...prefix];
  const at = base.length;
  const list = isListField(field);
  const own = (type: GraphQLObjectType, level: number): Column[] =>
    scalarFields(type).map((name) => ({ header: name, level, path: [name] }));
  if (list) {
    if (spec.tables || spec.lead || spec.omit || spec.on || spec.path)
      throw new Error(`${what}: a list is exported as it is (tables, lead and omit are for a single object)`);
    return { tables: [{ name: spec.field, levels: [spec.field], columns: own(item, 1) }] };
  }
  for (const name of spec.lead ?? []) scalarAt(item, [name], what);
  const omitted = new Set(spec.omit ?? []);
  const declared = new Set((spec.tables ?? []).map((t) => (typeof t === 'string' ? t : t.rows).split('.')[0]));
  for (const f of Object.values(item.getFields())) {
    if (!f.args.length && isListField(f) && isObjectType(getNamedType(f.type)) && !declared.has(f.name) && !omitted.has(f.name))
      throw new Error(`${what}: ${item.name}.${f.name} is a list: declare it in tables, or in omit`);
  }
  for (const name of omitted) if (!item.getFields()[name]) throw new Error(`${what}: ${item.name}.${name} is not a field`);
  const summaryColumns = own(item, at).filter((c) => !omitted.has(c.path[0]));
  const lead = summaryColumns.filter((c) => spec.lead?.includes(c.path[0]));
  const tables = (spec.tables ?? []).map((t) => {
    const { rows, include = [] } = typeof t === 'string' ? { rows: t } : t;
    const tablePath = rows.split('.');
    const levels = [...base, ...tablePath];
    const columns = [...lead];
    // The object's lead columns, then those of each list on the way (prefixed with its path), then the row's.
    tablePath.forEach((_, i) => {
      const type = objectAt(item, tablePath.slice(0, i + 1), what);
      const last = i === tablePath.length - 1;
      const included = last ? include.map((p) => p.split('.')) : [];
      for (const p of included) scalarAt(type, p, what);
      // An included object's fields stand where the object stands among the row's fields.
      for (const f of Object.values(type.getFields())) {
        if (isColumn(f))
          columns.push({ header: [...(last ? [] : tablePath.slice(0, i + 1)), f.name].join('.'), level: at + i + 1, path: [f.name] });
        for (const p of included.filter((q) => q[0] === f.name)) columns.push({ header: p.join('.'), level: at + i + 1, path: p });
      }
    });
    if (!columns.length) throw new Error(`${what}.${rows}: no scalar fields to write`);
    const headers = columns.map((c) => c.header);
    const twice = headers.filter((h, i) => headers.indexOf(h) !== i);
    if (twice.length) throw new Error(`${what}.${rows}: column ${twice.join(', ')} twice; lead with other fields`);
    if (rows === SUMMARY) throw new Error(`${what}: a table may not be called ${SUMMARY}`);
    return { name: rows, levels, columns };
  });
  return { summary: summaryColumns.length ? { name: SUMMARY, levels: base, columns: summaryColumns } : undefined, tables };
}

/** The report exports of the schema: each export the modules declare, with its tables and operation. */
export function reportExports(schema: GraphQLSchema, specs: readonly (string | ExportSpec)[]): Map<string, ReportExport> {
  const query = schema.getQueryType()!;
  const result = new Map<string, ReportExport>();
  for (const s of specs) {
    const spec: ExportSpec = typeof s === 'string' ? { field: s } : s;
    const field = query.getFields()[spec.field];
    const exportName = spec.name ?? spec.field;
    if (!field) throw new Error(`export ${exportName}: not a root query`);
    if (spec.on && !spec.name) throw new Error(`export ${exportName}: a record's report needs a name`);
    const { summary, tables } = sheetsOf(schema, spec, field);
    const all = [...(summary ? [summary] : []), ...tables];
    if (!all.length) throw new Error(`export ${exportName}: nothing to export (no scalar fields, no tables)`);
    const documentOf =
      (sheets: ExportSheet[]) =>
      (present: string[]): string => {
        const args = field.args.filter((a) => present.includes(a.name));
        const vars = args.length ? `(${args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ')})` : '';
        const call = args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
        const paths = sheets.flatMap((sh) => sh.columns.map((c) => [...sh.levels.slice(1, c.level), ...c.path]));
        const fields = spec.on ? `{ __typename ... on ${spec.on} ${selection(paths)} }` : selection(paths);
        return `query Export${exportName[0].toUpperCase()}${exportName.slice(1)}${vars} { ${spec.field}${call} ${fields} }`;
      };
    const add = (name: string, csv: ExportSheet, xlsx: ExportSheet[]) => {
      if (result.has(name)) throw new Error(`export ${name}: declared twice`);
      const documents = { csv: documentOf([csv]), xlsx: documentOf(xlsx) };
      result.set(name, { name, field, record: spec.on, csv, xlsx, document: (present, format) => documents[format](present) });
    };
    add(exportName, tables[0] ?? summary!, all);
    if (spec.tables || summary) for (const sheet of all) add(`${exportName}.${sheet.name}`, sheet, [sheet]);
  }
  return result;
}

/** The rows of a table in a query's result: one per item at the end of its levels, each column read from its level's object. */
export function* rowsOf(data: unknown, sheet: ExportSheet): Generator<Record<string, unknown>> {
  function* walk(value: unknown, depth: number, chain: unknown[]): Generator<unknown[]> {
    if (depth === sheet.levels.length) {
      yield chain;
      return;
    }
    const next = (value as Record<string, unknown> | null | undefined)?.[sheet.levels[depth]];
    const items: unknown[] = Array.isArray(next) ? next : next == null ? [] : [next];
    for (const item of items) yield* walk(item, depth + 1, [...chain, item]);
  }
  for (const chain of walk(data, 0, [data])) {
    const row: Record<string, unknown> = {};
    for (const c of sheet.columns) {
      let v: unknown = chain[c.level];
      for (const step of c.path) v = (v as Record<string, unknown> | null | undefined)?.[step];
      row[c.header] = v;
    }
    yield row;
  }
}

/** A query-string value as the argument's type wants it; what does not parse goes as is, for GraphQL to refuse with its usual error. */
function coerce(type: GraphQLInputType, raw: string): unknown {
  if (isNonNullType(type)) return coerce(type.ofType, raw);
  if (isListType(type)) return raw === '' ? [] : raw.split(',').map((s) => coerce(type.ofType, s.trim()));
  const named = getNamedType(type);
  if (named.name === 'Int' || named.name === 'Float') return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  if (named.name === 'Boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  return raw;
}

export function variablesOf(
  args: readonly GraphQLArgument[],
  params: URLSearchParams,
): { present: string[]; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  for (const [name, raw] of params) {
    const arg = args.find((a) => a.name === name);
    if (!arg) throw new ExportInputError(`Unknown filter ${name}: use ${args.map((a) => a.name).join(', ') || 'none'}`);
    variables[name] = coerce(arg.type, raw);
  }
  return { present: Object.keys(variables), variables };
}

/** Joins the stringifier's one-line chunks into writes of about 64 KB: fewer socket writes, the same bytes. */
function coalesce(size = 64 * 1024) {
  let parts: Buffer[] = [];
  let length = 0;
  return new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      parts.push(b);
      length += b.length;
      if (length >= size) {
        this.push(Buffer.concat(parts, length));
        parts = [];
        length = 0;
      }
      done();
    },
    flush(done) {
      if (length) this.push(Buffer.concat(parts, length));
      done();
    },
  });
}

type Cell = string | number | boolean | Date | null;

function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * zlib's level for the XLSX's deflate. Unset, compress-commons (under ExcelJS's archiver) deflates at level 1 (best
 * speed), which in `npm run bench:exports` (50,000 rows) was both larger and slower than zlib's default level 6:
 * 3.6 MB in 12-24 s against 3.1 MB in 6-11 s (level 9: 3.0 MB, 17.5 s), on the shared machine at load 2-5.
 */
const XLSX_DEFLATE_LEVEL = 6;

/** Bytes of sheet XML allowed to wait for the zip before the rows pause (see sheetBacklog). */
const SHEET_BACKLOG_BYTES = 1024 * 1024;

/**
 * How much of the sheet's XML waits for the zip, and the stream to wait on. ExcelJS writes the sheet's XML in
 * 64 KB chunks into a stream the zip reads (archiver's PassThrough, readable-stream 2) without waiting: its
 * StreamBuf ignores the return value of write. When deflate is slower than the rows come, the chunks pile up there
 * as Buffers, outside the JS heap (54 MB for 100,000 rows, growing with the rows, in `npm run bench:exports`).
 * Waiting once about 1 MB waits there (SHEET_BACKLOG_BYTES: sixteen chunks) keeps memory bounded while deflate and
 * the rows still overlap (waiting at one chunk made an XLSX three times slower). Reaches into ExcelJS 4.4's internals
 * (`WorksheetWriter._stream`, `StreamBuf.pipes`); if they change it returns undefined and nothing waits (the bench shows it).
 */
function sheetBacklog(sheet: ExcelJS.Worksheet): { waiting: boolean; stream: NodeJS.EventEmitter } | undefined {
  type Piped = NodeJS.EventEmitter & {
    writableLength?: number;
    writableHighWaterMark?: number;
    _writableState?: { length: number; highWaterMark: number };
  };
  const target = (sheet as unknown as { _stream?: { pipes?: Piped[] } })._stream?.pipes?.[0];
  const length = target?.writableLength ?? target?._writableState?.length;
  const limit = target?.writableHighWaterMark ?? target?._writableState?.highWaterMark;
  if (!target || typeof length !== 'number' || typeof limit !== 'number') return undefined;
  return { waiting: length >= Math.max(limit, SHEET_BACKLOG_BYTES), stream: target };
}

type Rows = AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>;

/** Writes rows to the response as CSV or XLSX, row by row, waiting for the client when it reads slower than we write. */
export function writeRows(res: http.ServerResponse, format: ExportFormat, name: string, columns: string[], rows: Rows): Promise<number> {
  return writeSheets(res, format, name, [{ name: name.slice(0, 31), columns, rows }]);
}

/** Writes tables to the response: the first as CSV, or each as a sheet of one XLSX, in order. Returns the rows written. */
export async function writeSheets(
  res: http.ServerResponse,
  format: ExportFormat,
  name: string,
  sheets: { name: string; columns: string[]; rows: Rows }[],
): Promise<number> {
  res.statusCode = 200;
  res.setHeader('content-type', CONTENT_TYPES[format]);
  res.setHeader('content-disposition', `attachment; filename="${name}.${format}"`);
  let count = 0;
  if (format === 'csv') {
    const { columns, rows } = sheets[0];
    async function* records() {
      for await (const row of rows) {
        count++;
        yield columns.map((c) => {
          const v = cellOf(row[c]);
          return v instanceof Date ? v.toISOString() : v;
        });
      }
    }
    // A byte-order mark so that Excel reads UTF-8 (accents) when the file is opened directly.
    await pipeline(
      Readable.from(records()),
      stringify({ header: true, columns, bom: true, cast: { boolean: (b) => String(b) } }),
      coalesce(),
      res,
    );
    return count;
  }
  const workbook = new (await excel()).stream.xlsx.WorkbookWriter({
    stream: res,
    useStyles: false,
    useSharedStrings: false,
    zip: { zlib: { level: XLSX_DEFLATE_LEVEL } },
  });
  for (const { name: title, columns, rows } of sheets) {
    const sheet = workbook.addWorksheet(title.slice(0, 31));
    sheet.columns = columns.map((c) => ({ header: c, key: c }));
    for await (const row of rows) {
      count++;
      sheet.addRow(columns.map((c) => cellOf(row[c]))).commit();
      if (res.writableNeedDrain) await once(res, 'drain');
      const backlog = sheetBacklog(sheet);
      if (backlog?.waiting) await once(backlog.stream, 'drain');
    }
    sheet.commit();
  }
  await workbook.commit();
  return count;
}

export interface ExportsHandler {
  /** Names of every export, for the 404 message and docs. */
  names(): string[];
  handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL, context: () => Promise<Context>): Promise<void>;
}

export function createExportsHandler(options: {
  schema: GraphQLSchema;
  exports: readonly (string | ExportSpec)[];
  /** Runs a GraphQL operation with the API's schema, shield and error formatting. */
  execute: (
    query: string,
    variables: Record<string, unknown>,
    context: Context,
  ) => Promise<{ data?: Record<string, unknown> | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }>;
  pool: pg.Pool;
  translate: (message: string) => string;
  sendJson: (res: http.ServerResponse, status: number, body: unknown) => void;
  onStreamError: (error: unknown) => void;
}): ExportsHandler {
  const reports = reportExports(options.schema, options.exports);
  const names = () => [...reports.keys(), ...TABLE_EXPORTS.map((t) => t.name)].sort();
  const fail = (res: http.ServerResponse, code: string, message: string, extensions: Record<string, unknown> = {}) =>
    options.sendJson(res, STATUS[code] ?? 500, { errors: [{ message: options.translate(message), extensions: { ...extensions, code } }] });

  return {
    names,
    async handle(req, res, url, contextOf) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('allow', 'GET, HEAD');
        return options.sendJson(res, 405, { error: 'Use GET' });
      }
      const m = /^\/exports\/([A-Za-z]+(?:\.[A-Za-z]+)*)\.(csv|xlsx)$/.exec(url.pathname);
      const report = m ? reports.get(m[1]) : undefined;
      const table = m ? TABLE_EXPORTS.find((t) => t.name === m[1]) : undefined;
      if (!m || (!report && !table))
        return fail(res, ErrorCode.NOT_FOUND, `No such export: use /exports/<name>.csv or .xlsx with a name of ${names().join(', ')}`);
      const format = m[2] as ExportFormat;
      const ctx = await contextOf();
      try {
        if (report) {
          const { present, variables } = variablesOf(report.field.args, url.searchParams);
          const result = await options.execute(report.document(present, format), variables, ctx);
          const error = result.errors?.[0];
          if (error) {
            const code = typeof error.extensions?.code === 'string' ? error.extensions.code : ErrorCode.INTERNAL_SERVER_ERROR;
            return options.sendJson(res, STATUS[code] ?? 500, { errors: result.errors });
          }
          // node answers null for a record out of reach, and another type's record for another type's id.
          const record = result.data?.[report.field.name] as { __typename?: string } | null | undefined;
          if (report.record && record?.__typename !== report.record) {
            const refusal = notFound(report.record, typeof variables.id === 'string' ? variables.id : '');
            return fail(res, ErrorCode.NOT_FOUND, refusal.message, refusal.extensions);
          }
          const sheets = format === 'csv' ? [report.csv] : report.xlsx;
          const many = sheets.length > 1;
          await writeSheets(
            res,
            format,
            report.name,
            sheets.map((sheet) => ({
              name: many ? sheet.name : report.name,
              columns: sheet.columns.map((c) => c.header),
              rows: rowsOf(result.data, sheet),
            })),
          );
          return;
        }
        if (!ctx.viewer)
          return fail(res, ErrorCode.UNAUTHENTICATED, ctx.rejectedToken ?? 'Authentication required: send a valid bearer token');
        const { sql, values } = tableQuery(table!, ctx.viewer, url.searchParams);
        await writeRows(res, format, table!.name, table!.columns, cursorRows<Record<string, unknown>>(options.pool, sql, values));
      } catch (error) {
        if (error instanceof ExportInputError) return fail(res, ErrorCode.BAD_USER_INPUT, error.message);
        if (!res.headersSent) throw error;
        // Mid-stream: the status is sent; cut the download so the client sees it incomplete.
        options.onStreamError(error);
        res.destroy(error instanceof Error ? error : new Error(String(error)));
      }
    },
  };
}
