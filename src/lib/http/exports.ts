// GET /exports/<name>.csv | .xlsx (docs/bi.md, docs/decisions/020-reporting-schema-and-exports.md).
//
// Report exports: a root query a module lists in its `exports` runs as a
// GraphQL operation built from the field (every scalar column, every argument
// taken from the query string), through the same schema, shield and context
// as POST /graphql: same token, same scope, same filters and the same errors.
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
  type GraphQLSchema,
} from 'graphql';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type pg from 'pg';
import type { Context } from '../../context.js';
import { ErrorCode } from '../errors.js';
import { cursorRows } from '../reporting/pool.js';
import { ExportInputError, TABLE_EXPORTS, tableQuery } from '../reporting/tables.js';

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

export interface ReportExport {
  name: string;
  field: GraphQLField<unknown, unknown>;
  columns: string[];
  document: (present: string[]) => string;
}

/** The report exports of the schema: the root queries the modules list, each with its columns and operation. */
export function reportExports(schema: GraphQLSchema, names: readonly string[]): Map<string, ReportExport> {
  const query = schema.getQueryType()!;
  const result = new Map<string, ReportExport>();
  for (const name of names) {
    const field = query.getFields()[name];
    const item = field && getNamedType(field.type);
    if (!field || !isObjectType(item)) throw new Error(`export ${name}: not a root query returning objects`);
    const columns = Object.values(item.getFields())
      .filter((f) => {
        const t = getNamedType(f.type);
        return (isScalarType(t) || isEnumType(t)) && !f.args.length;
      })
      .map((f) => f.name);
    const argsOf = (present: string[]) => field.args.filter((a) => present.includes(a.name));
    result.set(name, {
      name,
      field,
      columns,
      document: (present) => {
        const args = argsOf(present);
        const vars = args.length ? `(${args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ')})` : '';
        const call = args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
        return `query Export${name[0].toUpperCase()}${name.slice(1)}${vars} { ${name}${call} { ${columns.join(' ')} } }`;
      },
    });
  }
  return result;
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

/** Writes rows to the response as CSV or XLSX, row by row, waiting for the client when it reads slower than we write. */
export async function writeRows(
  res: http.ServerResponse,
  format: ExportFormat,
  name: string,
  columns: string[],
  rows: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>,
): Promise<number> {
  res.statusCode = 200;
  res.setHeader('content-type', CONTENT_TYPES[format]);
  res.setHeader('content-disposition', `attachment; filename="${name}.${format}"`);
  let count = 0;
  if (format === 'csv') {
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
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(name.slice(0, 31));
  sheet.columns = columns.map((c) => ({ header: c, key: c }));
  for await (const row of rows) {
    count++;
    sheet.addRow(columns.map((c) => cellOf(row[c]))).commit();
    if (res.writableNeedDrain) await once(res, 'drain');
    const backlog = sheetBacklog(sheet);
    if (backlog?.waiting) await once(backlog.stream, 'drain');
  }
  sheet.commit();
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
  exportNames: readonly string[];
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
  const reports = reportExports(options.schema, options.exportNames);
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
      const m = /^\/exports\/([A-Za-z]+)\.(csv|xlsx)$/.exec(url.pathname);
      const report = m ? reports.get(m[1]) : undefined;
      const table = m ? TABLE_EXPORTS.find((t) => t.name === m[1]) : undefined;
      if (!m || (!report && !table))
        return fail(res, ErrorCode.NOT_FOUND, `No such export: use /exports/<name>.csv or .xlsx with a name of ${names().join(', ')}`);
      const format = m[2] as ExportFormat;
      const ctx = await contextOf();
      try {
        if (report) {
          const { present, variables } = variablesOf(report.field.args, url.searchParams);
          const result = await options.execute(report.document(present), variables, ctx);
          const error = result.errors?.[0];
          if (error) {
            const code = typeof error.extensions?.code === 'string' ? error.extensions.code : ErrorCode.INTERNAL_SERVER_ERROR;
            return options.sendJson(res, STATUS[code] ?? 500, { errors: result.errors });
          }
          const rows = (result.data?.[report.name] ?? []) as Record<string, unknown>[];
          await writeRows(res, format, report.name, report.columns, rows);
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
