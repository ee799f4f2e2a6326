// A CSV reader (RFC 4180: comma or semicolon separated, quoted fields with
// doubled quotes, CRLF or LF) that keeps each record's line number, so that an
// import can answer every bad row with its line (docs/decisions/018-sae-import.md).

export interface CsvRow {
  /** Line of the file where the record starts (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

export interface CsvFile {
  header: string[];
  rows: CsvRow[];
}

/** Parses `text`; the first record is the header. The separator is the header's first `,` or `;`. */
export function parseCsv(text: string): CsvFile {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLineEnd = src.search(/\r?\n/);
  const headLine = firstLineEnd < 0 ? src : src.slice(0, firstLineEnd);
  const sep = headLine.includes(';') && !headLine.includes(',') ? ';' : ',';
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < src.length) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += c;
    i++;
  }
  if (field !== '' || fields.length) endRecord();
  const [head, ...body] = records;
  const header = (head?.fields ?? []).map((h) => h.trim());
  return {
    header,
    rows: body.map((r) => ({
      line: r.line,
      values: Object.fromEntries(header.map((h, k) => [h, (r.fields[k] ?? '').trim()])),
    })),
  };
}
