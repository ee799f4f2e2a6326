// The portal's weekly statistics export (C.4.4 step 8.1), as CSV or as an
// Excel workbook (its first worksheet), read with the shared readers
// (src/lib/csv.ts, src/lib/xlsx.ts). Columns: `pagina`, `accesos` (a whole
// number ≥ 0) and `segundos_promedio` (average time on the page, in seconds, a
// number ≥ 0, rounded). Every bad row is answered with its line and column;
// a file with any bad row is refused whole.
import { CsvFormatError, openCsv, type CsvRow } from '../../lib/csv.js';
import { openXlsx, XLSX_CONTENT_TYPE } from '../../lib/xlsx.js';

export const ESTADISTICA_CONTENT_TYPES = ['text/csv', XLSX_CONTENT_TYPE] as const;
export const COLUMNAS = ['pagina', 'accesos', 'segundos_promedio'] as const;

export interface FilaEstadistica {
  pagina: string;
  accesos: number;
  segundosPromedio: number;
}

/** A bad row: its line (the header is line 1), its column ('' for the whole row or file) and why. */
export interface ProblemaEstadistica {
  linea: number;
  campo: string;
  mensaje: string;
}

export type LecturaEstadistica = { filas: FilaEstadistica[] } | { problemas: ProblemaEstadistica[] };

const ENTERO = /^\d{1,9}$/;
const NUMERO = /^\d{1,9}(\.\d+)?$/;

function leerFila(row: CsvRow, vistas: Map<string, number>, problemas: ProblemaEstadistica[]): FilaEstadistica | null {
  const antes = problemas.length;
  const mal = (campo: string, mensaje: string) => problemas.push({ linea: row.line, campo, mensaje });
  const { pagina, accesos, segundos_promedio: segundos } = row.values;
  if (!pagina) mal('pagina', 'Must not be empty');
  else if (pagina.length > 500) mal('pagina', 'Must have at most 500 characters');
  else if (vistas.has(pagina)) mal('pagina', `The page is already on line ${vistas.get(pagina)}`);
  else vistas.set(pagina, row.line);
  if (!ENTERO.test(accesos ?? '')) mal('accesos', 'Must be a whole number, 0 or more');
  if (!NUMERO.test(segundos ?? '')) mal('segundos_promedio', 'Must be a number of seconds, 0 or more');
  if (problemas.length > antes) return null;
  return { pagina, accesos: Number(accesos), segundosPromedio: Math.round(Number(segundos)) };
}

/** Reads and checks a whole export file; `contentType` picks the reader. Writes nothing. */
export async function leerEstadistica(source: AsyncIterable<Buffer | string>, contentType: string): Promise<LecturaEstadistica> {
  try {
    const file = contentType === XLSX_CONTENT_TYPE ? await openXlsx(source) : await openCsv(source);
    const faltan = COLUMNAS.filter((c) => !file.header.includes(c));
    if (faltan.length) return { problemas: faltan.map((c) => ({ linea: 1, campo: c, mensaje: 'The column is missing' })) };
    const problemas: ProblemaEstadistica[] = [];
    const filas: FilaEstadistica[] = [];
    const vistas = new Map<string, number>();
    for await (const row of file.rows) {
      const fila = leerFila(row, vistas, problemas);
      if (fila) filas.push(fila);
    }
    if (problemas.length) return { problemas };
    if (!filas.length) return { problemas: [{ linea: 1, campo: '', mensaje: 'The file has no rows' }] };
    return { filas };
  } catch (error) {
    if (error instanceof CsvFormatError) return { problemas: [{ linea: error.line, campo: error.column, mensaje: error.message }] };
    throw error;
  }
}
