// XLSX workbooks read as the CSV reader reads a file (src/lib/csv.ts): the
// first worksheet, its first non-empty row the header, each later row with
// its row number as the line, so an import answers a bad row of a
// spreadsheet exactly as it answers one of a CSV. Streamed with ExcelJS'
// WorkbookReader: a workbook of 300,000 rows is never held whole.
// (docs/decisions/018-sae-import.md)
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { CsvFormatError, Records, type CsvRow } from './csv.js';

let loaded: Promise<typeof ExcelJS> | undefined;
/**
 * ExcelJS, loaded on the first spreadsheet read or written: some 20 MiB of code and data that a process serving
 * only GraphQL never needs (docs/performance.md, idle memory).
 */
export function excel(): Promise<typeof ExcelJS> {
  return (loaded ??= import('exceljs').then(
    (m) => m.default,
    (error: unknown) => {
      loaded = undefined; // a failed load is tried again on the next spreadsheet
      throw error;
    },
  ));
}

/** The content type of an XLSX workbook. */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The text of a cell as a spreadsheet shows it: dates as YYYY-MM-DD, formulas by their result, rich text joined. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (v.richText) return v.richText.map((t) => t.text).join('');
    if (v.text !== undefined) return cellText(v.text);
    if ('result' in v) return cellText(v.result);
    if (typeof v.error === 'string') return v.error;
    return '';
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return '';
}

/**
 * Reads the first worksheet of an XLSX stream. Resolves with the header once read; `rows` yields the rows
 * after it. A file that is not a readable workbook, or a row with more fields than the header, throws
 * `CsvFormatError` (from `openXlsx` or from `rows`).
 */
export async function openXlsx(source: AsyncIterable<Buffer | string>): Promise<{ header: string[]; rows: AsyncIterable<CsvRow> }> {
  const reader = new (await excel()).stream.xlsx.WorkbookReader(Readable.from(source), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  const records = new Records();
  const unreadable = (error: unknown) =>
    error instanceof CsvFormatError ? error : new CsvFormatError(1, '', `No es un libro XLSX legible (${(error as Error).message})`);
  async function* allRows(): AsyncGenerator<CsvRow | 'header'> {
    try {
      for await (const sheet of reader) {
        for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
          // `values` is 1-based: index 0 is empty.
          const values = (row.values as unknown[]).slice(1).map(cellText);
          if (values.every((v) => v.trim() === '')) continue;
          yield records.row({ record: values, line: row.number });
        }
        return; // the first worksheet only
      }
    } catch (error) {
      throw unreadable(error);
    }
  }
  const iterator = allRows();
  const first = await iterator.next();
  return {
    header: first.done ? [] : (records.header ?? []),
    rows: {
      async *[Symbol.asyncIterator]() {
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) if (next.value !== 'header') yield next.value;
      },
    },
  };
}
