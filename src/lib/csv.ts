// CSV files read with csv-parse (RFC 4180: comma or semicolon separated,
// quoted fields with doubled quotes, CRLF or LF, a UTF-8 BOM), keeping each
// record's line number so that an import can answer every bad row with its
// line (docs/decisions/018-sae-import.md). A malformed file (an unclosed
// quote, a stray closing quote, more fields than the header) is a
// `CsvFormatError` with its line and column and a Spanish message.
import { Readable } from 'node:stream';
import { CsvError, parse, type Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';

export interface CsvRow {
  /** Line of the file where the record starts (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

export interface CsvFile {
  header: string[];
  rows: CsvRow[];
}

/** A file that is not well-formed CSV: where, and why (in Spanish, as the API answers it). */
export class CsvFormatError extends Error {
  constructor(
    /** Line of the file (the header is line 1). */
    readonly line: number,
    /** The header's name of the column, or '' when the fault is not in one column. */
    readonly column: string,
    message: string,
  ) {
    super(message);
    this.name = 'CsvFormatError';
  }
}

/** The separator: `;` when the header has semicolons and no commas, else `,`. */
function separatorOf(head: string): ',' | ';' {
  const firstLine = head.split(/\r?\n/, 1)[0];
  return firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
}

/**
 * Counts lines itself: with `skip_empty_lines` off every line break outside a
 * quoted field ends a record (an empty line is the record ['']), so a record
 * starts one line after the previous one plus the line breaks inside its
 * fields. (csv-parse's own `info.lines` counts a CRLF inside quotes twice.)
 */
class Lines {
  next = 1;
  take(record: string[]): number {
    const line = this.next;
    this.next += 1 + record.reduce((n, f) => n + (f.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    return line;
  }
}

interface Parsed {
  record: string[];
  line: number;
}

const options = (delimiter: string, lines: Lines): Options => ({
  delimiter,
  bom: true,
  relax_quotes: true, // a quote inside an unquoted field is a character (`Ana "La Güera"`), as spreadsheets write it
  relax_column_count: true, // fewer fields than the header: the rest are empty; more are refused below
  // csv-parse emits whatever on_record returns; its types say a record.
  on_record: ((record: string[]) => {
    const line = lines.take(record);
    return record.length === 1 && record[0].trim() === '' ? null : { record, line };
  }) as unknown as Options['on_record'],
});

function formatError(error: unknown, header: string[], lines: Lines): CsvFormatError {
  if (!(error instanceof CsvError)) throw error;
  const column = header[Number((error as CsvError & { index?: number }).index)] ?? '';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      // The record that never ended starts where the last complete one left off.
      return new CsvFormatError(lines.next, '', 'Comillas sin cerrar: el archivo termina dentro de un campo entre comillas');
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new CsvFormatError(lines.next, column, 'Después de la comilla que cierra un campo debe ir el separador o el fin de la línea');
    default:
      return new CsvFormatError(lines.next, column, `No es un CSV válido (${error.code})`);
  }
}

/** Turns records into rows keyed by the header (the first record), refusing extra non-empty fields. */
export class Records {
  header: string[] | null = null;
  row({ record, line }: Parsed): CsvRow | 'header' {
    if (!this.header) {
      this.header = record.map((h) => h.trim());
      return 'header';
    }
    if (record.length > this.header.length && record.slice(this.header.length).some((v) => v.trim() !== ''))
      throw new CsvFormatError(line, '', `Tiene ${record.length} campos; el encabezado tiene ${this.header.length}`);
    const header = this.header;
    return { line, values: Object.fromEntries(header.map((h, k) => [h, (record[k] ?? '').trim()])) };
  }
}

/** Parses `text` whole; the first record is the header. Throws `CsvFormatError`. */
export function parseCsv(text: string): CsvFile {
  const records = new Records();
  const lines = new Lines();
  let parsed: Parsed[];
  try {
    parsed = parseSync(text, options(separatorOf(text.replace(/^\uFEFF/, '')), lines)) as unknown as Parsed[];
  } catch (error) {
    throw formatError(error, [], lines);
  }
  const rows: CsvRow[] = [];
  for (const p of parsed) {
    const r = records.row(p);
    if (r !== 'header') rows.push(r);
  }
  return { header: records.header ?? [], rows };
}

/**
 * Reads a CSV stream record by record (a file of 300,000 students is never
 * held whole as text). Resolves with the header once read; `rows` yields the
 * records after it. Throws `CsvFormatError` from `rows` on a malformed record.
 */
export async function openCsv(source: AsyncIterable<Buffer | string>): Promise<{ header: string[]; rows: AsyncIterable<CsvRow> }> {
  const input = source[Symbol.asyncIterator]();
  const first = await input.next();
  const head = first.done ? '' : Buffer.from(first.value).toString('utf8');
  const rest = async function* () {
    if (!first.done) yield first.value;
    for (let next = await input.next(); !next.done; next = await input.next()) yield next.value;
  };
  const lines = new Lines();
  const parser = Readable.from(rest()).pipe(parse(options(separatorOf(head.replace(/^\uFEFF/, '')), lines)));
  const records = new Records();
  const iterator = (parser as AsyncIterable<Parsed>)[Symbol.asyncIterator]();
  const pull = async () => {
    try {
      return await iterator.next();
    } catch (error) {
      throw formatError(error, records.header ?? [], lines);
    }
  };
  const firstRecord = await pull();
  if (!firstRecord.done) records.row(firstRecord.value);
  return {
    header: records.header ?? [],
    rows: {
      async *[Symbol.asyncIterator]() {
        for (let next = await pull(); !next.done; next = await pull()) {
          const r = records.row(next.value);
          if (r !== 'header') yield r;
        }
      },
    },
  };
}
