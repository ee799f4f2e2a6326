// Table exports: the reporting views of records and students, row by row,
// streamed through a cursor (a 300,000-row export holds one batch in memory).
// Scope: the rows of units within the viewer's reach (readablePrefixes), the
// same filter every list applies; the views themselves carry no personal data.
import type { Viewer } from '../auth/viewer.js';
import { readablePrefixes } from '../auth/viewer.js';
import { ErrorCode } from '../errors.js';

export interface TableFilter {
  /** Query-string parameter. */
  name: string;
  /** The view's column it filters (equality; a comma-separated value is "any of"). */
  column: string;
  type: 'int' | 'text';
  description: string;
}

export interface TableExport {
  name: string;
  description: string;
  view: string;
  columns: string[];
  /** Keeps the output's order stable (an index-backed key where one exists). */
  orderBy: string;
  filters: TableFilter[];
}

export const TABLE_EXPORTS: TableExport[] = [
  {
    name: 'registros',
    description: 'Every record of every procedure in your reach, with its state (reporting.registros).',
    view: 'reporting.registros',
    columns: ['tipo', 'registro_id', 'estado', 'anio', 'creado', 'unidad_id', 'unidad_codigo', 'colegio_estatal_id'],
    orderBy: 'tipo, registro_id',
    filters: [
      { name: 'tipo', column: 'tipo', type: 'text', description: 'Record type(s), e.g. Certificado' },
      { name: 'estado', column: 'estado', type: 'text', description: 'State(s)' },
      { name: 'anio', column: 'anio', type: 'int', description: 'Year(s)' },
    ],
  },
  {
    name: 'alumnos',
    description: 'Students in your reach without personal data (reporting.alumnos).',
    view: 'reporting.alumnos',
    columns: [
      'alumno_id',
      'generacion',
      'carrera',
      'modelo_academico',
      'semestre',
      'semestre_ingreso',
      'estatus',
      'plan_concluido',
      'sexo',
      'unidad_id',
      'unidad_codigo',
      'colegio_estatal_id',
    ],
    orderBy: 'alumno_id',
    filters: [
      { name: 'generacion', column: 'generacion', type: 'int', description: 'Generation(s)' },
      { name: 'estatus', column: 'estatus', type: 'text', description: 'Status(es)' },
      { name: 'unidadCodigo', column: 'unidad_codigo', type: 'text', description: 'Unit code(s)' },
    ],
  },
];

export class ExportInputError extends Error {
  code = ErrorCode.BAD_USER_INPUT;
}

/** The SQL and parameters of a table export for this viewer and query string. */
export function tableQuery(table: TableExport, viewer: Viewer, params: URLSearchParams): { sql: string; values: unknown[] } {
  const values: unknown[] = [readablePrefixes(viewer).map((p) => `${p}%`)];
  const where = ['unit_path LIKE ANY ($1::text[])'];
  for (const [name, raw] of params) {
    const filter = table.filters.find((f) => f.name === name);
    if (!filter) throw new ExportInputError(`Unknown filter ${name}: use ${table.filters.map((f) => f.name).join(', ') || 'none'}`);
    const items = raw.split(',').map((s) => s.trim());
    if (filter.type === 'int' && items.some((s) => !/^-?\d{1,9}$/.test(s))) throw new ExportInputError(`Filter ${name} takes integers`);
    values.push(filter.type === 'int' ? items.map(Number) : items);
    where.push(`${filter.column} = ANY ($${values.length}::${filter.type}[])`);
  }
  return { sql: `SELECT ${table.columns.join(', ')} FROM ${table.view} WHERE ${where.join(' AND ')} ORDER BY ${table.orderBy}`, values };
}
