// Import of the SAE's files (R 9-10, L199-200): students, groups, teachers
// and the grades of a corte, as CSV. Every row is validated first; a file with
// any bad row writes nothing and answers every bad row with its line and field.
// Rows are matched on their SAE keys (matrícula; plantel + periodo + clave;
// plantel + clave; matrícula + módulo + periodo + corte), so a re-import of the
// same file changes nothing. Writes are set-based (createMany in chunks).
// Two phases: `checkSae` validates every row and resolves references (reads
// only, no transaction), then its plan writes rows [from, to) — all at once
// for an inline file, batch by batch (each batch a workflow step) for an
// uploaded one (sae-runner.ts).
import type { EstatusAlumno, ModeloAcademico, TipoArchivoSae } from '../../generated/prisma/enums.js';
import { CsvFormatError, openCsv, parseCsv, type CsvRow } from '../../lib/csv.js';
import { openXlsx, XLSX_CONTENT_TYPE } from '../../lib/xlsx.js';
import type { Tx } from '../../lib/workflow/types.js';

/** What the check reads: a transaction or the client itself. */
type Reader = Pick<Tx, 'orgUnit' | 'grupo' | 'alumno' | 'docente' | 'modulo'>;
type Rows = AsyncIterable<CsvRow> | Iterable<CsvRow>;

export interface SaeIssue {
  linea: number;
  campo: string;
  mensaje: string;
}
export interface SaeCounts {
  filas: number;
  creadas: number;
  actualizadas: number;
  sinCambios: number;
}
export type SaeOutcome = { issues: SaeIssue[] } | { counts: SaeCounts };
/** A checked file: how many rows, and how to write rows [from, to) of it (in file order). */
export interface SaePlan {
  filas: number;
  write(tx: Tx, from: number, to: number): Promise<SaeCounts>;
}
export type SaeCheck = { issues: SaeIssue[] } | { plan: SaePlan };
/** Rows an importer accepted, and how to write a batch of them. */
type Accepted<R> = { valid: R[]; writeBatch: (tx: Tx, batch: R[]) => Promise<SaeCounts> };

/** Columns of each file (optional ones in `OPCIONALES`). */
export const COLUMNAS: Record<TipoArchivoSae, readonly string[]> = {
  ALUMNOS: [
    'plantel',
    'matricula',
    'curp',
    'nombre',
    'primerApellido',
    'segundoApellido',
    'generacion',
    'semestreIngreso',
    'semestre',
    'carrera',
    'modeloAcademico',
    'estatus',
    'grupo',
    'periodo',
  ],
  GRUPOS: ['plantel', 'periodo', 'clave', 'semestre'],
  DOCENTES: ['plantel', 'clave', 'nombre'],
  EVALUACIONES: ['plantel', 'matricula', 'modulo', 'docente', 'periodo', 'corte', 'calificacion'],
};
const OPCIONALES = new Set(['segundoApellido', 'grupo', 'periodo', 'estatus']);

const CHUNK = 5000;
const MODELOS: readonly ModeloAcademico[] = ['M1990', 'M1997', 'M2003', 'M2008', 'M2018', 'M2023'];
const ESTATUS: readonly EstatusAlumno[] = ['INSCRITO', 'EN_RIESGO', 'BAJA', 'EGRESADO'];
const CURP = /^[A-Z]{4}\d{6}[HMX][A-Z]{5}[A-Z0-9]\d$/;
const PERIODO = /^\d{4}-[12]$/;

const chunks = <T>(items: T[], size = CHUNK) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Validation of one row: collects issues with the row's line. */
class RowCheck {
  constructor(
    private readonly issues: SaeIssue[],
    private readonly row: CsvRow,
  ) {}
  fail(campo: string, mensaje: string) {
    this.issues.push({ linea: this.row.line, campo, mensaje });
    return null;
  }
  text(campo: string, max = 200): string | null {
    const v = this.row.values[campo] ?? '';
    if (!v) return OPCIONALES.has(campo) ? '' : this.fail(campo, 'Vacío');
    if (v.length > max) return this.fail(campo, `Más de ${max} caracteres`);
    return v;
  }
  int(campo: string, min: number, max: number): number | null {
    const v = this.row.values[campo] ?? '';
    return /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max ? Number(v) : this.fail(campo, `Debe ser un entero de ${min} a ${max}`);
  }
  match(campo: string, re: RegExp, what: string): string | null {
    const v = (this.row.values[campo] ?? '').toUpperCase();
    return re.test(v) ? v : this.fail(campo, `No es ${what}`);
  }
}

const ZERO: SaeCounts = { filas: 0, creadas: 0, actualizadas: 0, sinCambios: 0 };
const add = (a: SaeCounts, b: SaeCounts): SaeCounts => ({
  filas: a.filas + b.filas,
  creadas: a.creadas + b.creadas,
  actualizadas: a.actualizadas + b.actualizadas,
  sinCambios: a.sinCambios + b.sinCambios,
});

const formatIssue = (e: CsvFormatError): SaeIssue => ({ linea: e.line, campo: e.column, mensaje: e.message });

/** Imports one SAE file of `tipo`, given as text, into the planteles of `scope` within `tx` (the inline step). */
export async function importSae(tx: Tx, scope: { path: string }, tipo: TipoArchivoSae, text: string): Promise<SaeOutcome> {
  let file;
  try {
    file = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvFormatError) return { issues: [formatIssue(error)] };
    throw error;
  }
  const checked = await checkSae(tx, scope, tipo, file.header, file.rows);
  if ('issues' in checked) return checked;
  return { counts: await checked.plan.write(tx, 0, checked.plan.filas) };
}

/** The content types an uploaded SAE file may have: a CSV, or an XLSX workbook (its first worksheet). */
export const SAE_CONTENT_TYPES = ['text/csv', XLSX_CONTENT_TYPE] as const;

/** Checks an SAE file read as a stream (an uploaded document): every row, before anything is written. */
export async function checkSaeStream(
  db: Reader,
  scope: { path: string },
  tipo: TipoArchivoSae,
  source: AsyncIterable<Buffer | string>,
  contentType = 'text/csv',
): Promise<SaeCheck> {
  try {
    const file = contentType === XLSX_CONTENT_TYPE ? await openXlsx(source) : await openCsv(source);
    return await checkSae(db, scope, tipo, file.header, file.rows);
  } catch (error) {
    if (error instanceof CsvFormatError) return { issues: [formatIssue(error)] };
    throw error;
  }
}

/** Validates every row of a file of `tipo` for the planteles of `scope` and resolves its references (reads only). */
export async function checkSae(db: Reader, scope: { path: string }, tipo: TipoArchivoSae, header: string[], rows: Rows): Promise<SaeCheck> {
  const missing = COLUMNAS[tipo].filter((c) => !OPCIONALES.has(c) && !header.includes(c));
  if (missing.length) return { issues: missing.map((c) => ({ linea: 1, campo: c, mensaje: 'Falta la columna' })) };
  const planteles = new Map(
    (await db.orgUnit.findMany({ where: { kind: 'PLANTEL', path: { startsWith: scope.path } }, select: { id: true, code: true } })).map(
      (u) => [u.code, u.id],
    ),
  );
  const issues: SaeIssue[] = [];
  const plantelOf = (check: RowCheck, row: CsvRow) =>
    planteles.get(row.values.plantel) ?? check.fail('plantel', 'No es un plantel de la unidad que importa');
  const once = new Map<string, number>();
  const unique = (check: RowCheck, row: CsvRow, key: string, campo: string) => {
    const first = once.get(key);
    if (first !== undefined) return check.fail(campo, `Repite la fila de la línea ${first}`);
    once.set(key, row.line);
    return true;
  };
  const importer = { ALUMNOS: alumnos, GRUPOS: grupos, DOCENTES: docentes, EVALUACIONES: evaluaciones }[tipo] as (
    db: Reader,
    rows: Rows,
    issues: SaeIssue[],
    h: Helpers,
  ) => Promise<Accepted<unknown>>;
  const accepted = await importer(db, rows, issues, { plantelOf, unique });
  if (issues.length) return { issues: issues.sort((x, y) => x.linea - y.linea) };
  const { valid, writeBatch } = accepted;
  return {
    plan: {
      filas: valid.length,
      async write(tx, from, to) {
        let counts = ZERO;
        for (const batch of chunks(valid.slice(from, to))) counts = add(counts, await writeBatch(tx, batch));
        return counts;
      },
    },
  };
}

interface Helpers {
  plantelOf: (check: RowCheck, row: CsvRow) => string | null;
  unique: (check: RowCheck, row: CsvRow, key: string, campo: string) => true | null;
}

/** Writes one batch: creates the new rows, updates the changed ones, counts the rest. */
async function write<R extends { key: string }>(
  rows: R[],
  existing: Map<string, { id: string; same: (r: R) => boolean }>,
  create: (batch: R[]) => Promise<unknown>,
  update: (id: string, r: R) => Promise<unknown>,
): Promise<SaeCounts> {
  const nuevas = rows.filter((r) => !existing.has(r.key));
  const cambiadas = rows.filter((r) => existing.has(r.key) && !existing.get(r.key)!.same(r));
  if (nuevas.length) await create(nuevas);
  for (const r of cambiadas) await update(existing.get(r.key)!.id, r);
  return {
    filas: rows.length,
    creadas: nuevas.length,
    actualizadas: cambiadas.length,
    sinCambios: rows.length - nuevas.length - cambiadas.length,
  };
}

// ---- students ---------------------------------------------------------------------

type A = {
  key: string;
  line: number;
  unitId: string;
  grupo: string;
  periodo: string;
  data: {
    matricula: string;
    curp: string;
    nombre: string;
    primerApellido: string;
    segundoApellido: string | null;
    generacion: number;
    semestreIngreso: number;
    semestre: number;
    carrera: string;
    modeloAcademico: ModeloAcademico;
    estatus: EstatusAlumno;
  };
};

async function alumnos(db: Reader, rows: Rows, issues: SaeIssue[], h: Helpers): Promise<Accepted<A>> {
  const valid: A[] = [];
  for await (const row of rows) {
    const c = new RowCheck(issues, row);
    const unitId = h.plantelOf(c, row);
    const matricula = c.match('matricula', /^[A-Z0-9-]{1,20}$/, 'una matrícula (hasta 20 letras, dígitos o guiones)');
    const curp = c.match('curp', CURP, 'una CURP');
    const nombre = c.text('nombre', 100);
    const primerApellido = c.text('primerApellido', 100);
    const segundoApellido = c.text('segundoApellido', 100);
    const generacion = c.int('generacion', 1979, 2100);
    const semestreIngreso = c.int('semestreIngreso', 1, 6);
    const semestre = c.int('semestre', 1, 6);
    const carrera = c.text('carrera', 200);
    const modelo = `M${row.values.modeloAcademico.replace(/^M/i, '')}` as ModeloAcademico;
    if (!MODELOS.includes(modelo)) c.fail('modeloAcademico', `No es un modelo académico (${MODELOS.join(', ')})`);
    const estatus = (row.values.estatus || 'INSCRITO').toUpperCase() as EstatusAlumno;
    if (!ESTATUS.includes(estatus)) c.fail('estatus', `No es un estatus (${ESTATUS.join(', ')})`);
    const grupo = row.values.grupo ?? '';
    const periodo = row.values.periodo ?? '';
    if (grupo && !PERIODO.test(periodo)) c.fail('periodo', 'Con grupo, el periodo debe ser como "2025-1"');
    if (matricula) h.unique(c, row, matricula, 'matricula');
    if (
      unitId &&
      matricula &&
      curp &&
      nombre &&
      primerApellido &&
      segundoApellido !== null &&
      generacion !== null &&
      semestreIngreso !== null &&
      semestre !== null &&
      carrera &&
      MODELOS.includes(modelo) &&
      ESTATUS.includes(estatus)
    ) {
      valid.push({
        key: matricula,
        line: row.line,
        unitId,
        grupo,
        periodo,
        data: {
          matricula,
          curp,
          nombre,
          primerApellido,
          segundoApellido: segundoApellido || null,
          generacion,
          semestreIngreso,
          semestre,
          carrera,
          modeloAcademico: modelo,
          estatus,
        },
      });
    }
  }
  // References: groups named must exist; a matrícula of another plantel is refused.
  const grupoIds = new Map<string, string>();
  const named = valid.filter((a) => a.grupo);
  for (const batch of chunks(named)) {
    const found = await db.grupo.findMany({
      where: { OR: batch.map((a) => ({ unitId: a.unitId, periodo: a.periodo, clave: a.grupo })) },
      select: { id: true, unitId: true, periodo: true, clave: true },
    });
    for (const g of found) grupoIds.set(`${g.unitId}|${g.periodo}|${g.clave}`, g.id);
  }
  for (const a of named) {
    if (!grupoIds.has(`${a.unitId}|${a.periodo}|${a.grupo}`))
      issues.push({ linea: a.line, campo: 'grupo', mensaje: 'El grupo no existe en ese plantel y periodo (importe antes los grupos)' });
  }
  // A matrícula already held by another plantel is refused.
  for (const batch of chunks(valid)) {
    const byKey = new Map(batch.map((a) => [a.key, a]));
    const found = await db.alumno.findMany({ where: { matricula: { in: [...byKey.keys()] } }, select: { matricula: true, unitId: true } });
    for (const e of found) {
      const a = byKey.get(e.matricula)!;
      if (e.unitId !== a.unitId) issues.push({ linea: a.line, campo: 'matricula', mensaje: 'La matrícula es de otro plantel' });
    }
  }
  const grupoId = (a: A) => (a.grupo ? grupoIds.get(`${a.unitId}|${a.periodo}|${a.grupo}`)! : undefined);
  const writeBatch = async (tx: Tx, batch: A[]) => {
    const existing = new Map<string, { id: string; same: (r: A) => boolean }>();
    const found = await tx.alumno.findMany({ where: { matricula: { in: batch.map((a) => a.key) } } });
    for (const e of found)
      existing.set(e.matricula, {
        id: e.id,
        same: (r) =>
          (Object.keys(r.data) as (keyof A['data'])[]).every((k) => e[k] === r.data[k]) && e.grupoId === (grupoId(r) ?? e.grupoId),
      });
    return write(
      batch,
      existing,
      (nuevas) => insertAlumnos(tx, nuevas, grupoId),
      (id, a) => tx.alumno.update({ where: { id }, data: { ...a.data, ...(a.grupo ? { grupoId: grupoId(a) } : {}) } }),
    );
  };
  return { valid, writeBatch };
}

/**
 * New students in one statement over arrays (`unnest`): Prisma's createMany took 4.3 s for 5,000 rows
 * (70,000 bound parameters), this takes a fraction of it (docs/performance.md, npm run bench:sae).
 */
function insertAlumnos(tx: Tx, rows: A[], grupoId: (a: A) => string | undefined) {
  const col = <T>(f: (a: A) => T) => rows.map(f);
  return tx.$executeRaw`
    INSERT INTO "Alumno" (id, matricula, curp, nombre, "primerApellido", "segundoApellido", generacion, "semestreIngreso",
                          semestre, carrera, "modeloAcademico", estatus, "unitId", "grupoId")
    SELECT gen_random_uuid(), m, c, n, p, s, g, si, se, ca, mo::"ModeloAcademico", es::"EstatusAlumno", u, gr
    FROM unnest(${col((a) => a.data.matricula)}::text[], ${col((a) => a.data.curp)}::text[], ${col((a) => a.data.nombre)}::text[],
                ${col((a) => a.data.primerApellido)}::text[], ${col((a) => a.data.segundoApellido)}::text[],
                ${col((a) => a.data.generacion)}::int[], ${col((a) => a.data.semestreIngreso)}::int[], ${col((a) => a.data.semestre)}::int[],
                ${col((a) => a.data.carrera)}::text[], ${col((a) => a.data.modeloAcademico)}::text[], ${col((a) => a.data.estatus)}::text[],
                ${col((a) => a.unitId)}::uuid[], ${col((a) => grupoId(a) ?? null)}::uuid[])
      AS t(m, c, n, p, s, g, si, se, ca, mo, es, u, gr)`;
}

// ---- groups ---------------------------------------------------------------------

type G = { key: string; unitId: string; periodo: string; clave: string; semestre: number };
async function grupos(_db: Reader, rows: Rows, issues: SaeIssue[], h: Helpers): Promise<Accepted<G>> {
  const valid: G[] = [];
  for await (const row of rows) {
    const c = new RowCheck(issues, row);
    const unitId = h.plantelOf(c, row);
    const periodo = c.match('periodo', PERIODO, 'un periodo como "2025-1"');
    const clave = c.text('clave', 30);
    const semestre = c.int('semestre', 1, 6);
    if (unitId && periodo && clave && semestre !== null && h.unique(c, row, `${unitId}|${periodo}|${clave}`, 'clave'))
      valid.push({ key: `${unitId}|${periodo}|${clave}`, unitId, periodo, clave, semestre });
  }
  const writeBatch = async (tx: Tx, batch: G[]) => {
    const existing = new Map<string, { id: string; same: (r: G) => boolean }>();
    const found = await tx.grupo.findMany({ where: { OR: batch.map(({ unitId, periodo, clave }) => ({ unitId, periodo, clave })) } });
    for (const g of found) existing.set(`${g.unitId}|${g.periodo}|${g.clave}`, { id: g.id, same: (r) => r.semestre === g.semestre });
    return write(
      batch,
      existing,
      (nuevas) => tx.grupo.createMany({ data: nuevas.map(({ key: _k, ...g }) => g) }),
      (id, g) => tx.grupo.update({ where: { id }, data: { semestre: g.semestre } }),
    );
  };
  return { valid, writeBatch };
}

// ---- teachers -------------------------------------------------------------------

type D = { key: string; unitId: string; clave: string; nombre: string };
async function docentes(_db: Reader, rows: Rows, issues: SaeIssue[], h: Helpers): Promise<Accepted<D>> {
  const valid: D[] = [];
  for await (const row of rows) {
    const c = new RowCheck(issues, row);
    const unitId = h.plantelOf(c, row);
    const clave = c.text('clave', 30);
    const nombre = c.text('nombre', 200);
    if (unitId && clave && nombre && h.unique(c, row, `${unitId}|${clave}`, 'clave'))
      valid.push({ key: `${unitId}|${clave}`, unitId, clave, nombre });
  }
  const writeBatch = async (tx: Tx, batch: D[]) => {
    const existing = new Map<string, { id: string; same: (r: D) => boolean }>();
    const found = await tx.docente.findMany({ where: { OR: batch.map(({ unitId, clave }) => ({ unitId, clave })) } });
    for (const d of found) existing.set(`${d.unitId}|${d.clave}`, { id: d.id, same: (r) => r.nombre === d.nombre });
    return write(
      batch,
      existing,
      (nuevas) => tx.docente.createMany({ data: nuevas.map(({ key: _k, ...d }) => d) }),
      (id, d) => tx.docente.update({ where: { id }, data: { nombre: d.nombre } }),
    );
  };
  return { valid, writeBatch };
}

// ---- grades of a corte ----------------------------------------------------------------

type V = { key: string; alumnoId: string; moduloId: string; docenteId: string; periodo: string; corte: number; calificacion: number };

async function evaluaciones(db: Reader, rows: Rows, issues: SaeIssue[], h: Helpers): Promise<Accepted<V>> {
  type E = {
    line: number;
    unitId: string;
    matricula: string;
    modulo: string;
    docente: string;
    periodo: string;
    corte: number;
    calificacion: number;
  };
  const parsed: E[] = [];
  for await (const row of rows) {
    const c = new RowCheck(issues, row);
    const unitId = h.plantelOf(c, row);
    const matricula = c.text('matricula', 20);
    const modulo = c.text('modulo', 30);
    const docente = c.text('docente', 30);
    const periodo = c.match('periodo', PERIODO, 'un periodo como "2025-1"');
    const corte = c.int('corte', 1, 3);
    const v = row.values.calificacion ?? '';
    const calificacion =
      /^\d{1,2}(\.\d{1,2})?$/.test(v) && Number(v) <= 10
        ? Number(v)
        : c.fail('calificacion', 'Debe ser de 0 a 10, con dos decimales a lo más');
    if (unitId && matricula && modulo && docente && periodo && corte !== null && calificacion !== null)
      if (h.unique(c, row, `${matricula}|${modulo}|${periodo}|${corte}`, 'matricula'))
        parsed.push({ line: row.line, unitId, matricula, modulo, docente, periodo, corte, calificacion });
  }
  const alumnoIds = new Map<string, { id: string; unitId: string }>();
  const moduloIds = new Map<string, string>();
  const docenteIds = new Map<string, string>();
  for (const batch of chunks(parsed)) {
    const [a, m, d] = await Promise.all([
      db.alumno.findMany({
        where: { matricula: { in: [...new Set(batch.map((e) => e.matricula))] } },
        select: { id: true, matricula: true, unitId: true },
      }),
      db.modulo.findMany({ where: { clave: { in: [...new Set(batch.map((e) => e.modulo))] } }, select: { id: true, clave: true } }),
      db.docente.findMany({
        where: { OR: batch.map((e) => ({ unitId: e.unitId, clave: e.docente })) },
        select: { id: true, unitId: true, clave: true },
      }),
    ]);
    for (const x of a) alumnoIds.set(x.matricula, { id: x.id, unitId: x.unitId });
    for (const x of m) moduloIds.set(x.clave, x.id);
    for (const x of d) docenteIds.set(`${x.unitId}|${x.clave}`, x.id);
  }
  const valid: V[] = [];
  for (const e of parsed) {
    const alumno = alumnoIds.get(e.matricula);
    const moduloId = moduloIds.get(e.modulo);
    const docenteId = docenteIds.get(`${e.unitId}|${e.docente}`);
    if (!alumno || alumno.unitId !== e.unitId)
      issues.push({ linea: e.line, campo: 'matricula', mensaje: 'No es una persona estudiante del plantel' });
    if (!moduloId) issues.push({ linea: e.line, campo: 'modulo', mensaje: 'No es un módulo del catálogo' });
    if (!docenteId) issues.push({ linea: e.line, campo: 'docente', mensaje: 'No es un docente del plantel (importe antes los docentes)' });
    if (alumno && alumno.unitId === e.unitId && moduloId && docenteId)
      valid.push({
        key: `${alumno.id}|${moduloId}|${e.periodo}|${e.corte}`,
        alumnoId: alumno.id,
        moduloId,
        docenteId,
        periodo: e.periodo,
        corte: e.corte,
        calificacion: e.calificacion,
      });
  }
  const writeBatch = async (tx: Tx, batch: V[]) => {
    const existing = new Map<string, { id: string; same: (r: V) => boolean }>();
    const found = await tx.evaluacion.findMany({
      where: { OR: batch.map(({ alumnoId, moduloId, periodo, corte }) => ({ alumnoId, moduloId, periodo, corte })) },
    });
    for (const x of found)
      existing.set(`${x.alumnoId}|${x.moduloId}|${x.periodo}|${x.corte}`, {
        id: x.id,
        same: (r) => Number(x.calificacion) === r.calificacion && x.docenteId === r.docenteId,
      });
    return write(
      batch,
      existing,
      (nuevas) => tx.evaluacion.createMany({ data: nuevas.map(({ key: _k, ...e }) => e) }),
      (id, e) => tx.evaluacion.update({ where: { id }, data: { calificacion: e.calificacion, docenteId: e.docenteId } }),
    );
  };
  return { valid, writeBatch };
}
