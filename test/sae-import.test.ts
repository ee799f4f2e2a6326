// 30-524-PO-04 R 9-10: SAE files read with csv-parse (malformed files answered
// with line and column), and a file uploaded through POST /documents imported
// in the background batch by batch (queueImportacionSae → advance… → complete)
// by the job academico.importacion-sae on the job queue (graphile-worker: the
// job lives in the database, runs once across processes), refused whole with
// its bad rows (RECHAZADA), resumed by hand when the job stopped. Every test
// makes its own matrículas and counts only those.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import {
  AdvanceImportacionSaeDocument,
  CreateImportacionSaeDocument,
  ImportacionSaeProgresoDocument,
  QueueImportacionSaeDocument,
  RejectImportacionSaeDocument,
  type ImportacionSaeProgresoFragment,
} from '../src/generated/graphql.js';
import { CsvFormatError, openCsv, parseCsv } from '../src/lib/csv.js';
import { checkDocuments } from '../src/lib/documents/access.js';
import { uniq } from './factories.js';
import { codeOf, demoTokens, gql, issuesOf, startServer, type TestServer } from './helpers.js';

let server: TestServer;
let tokens: Record<string, string>;
let smallTokens: Record<string, string>;

beforeAll(async () => {
  // The imports run on the job queue, as in production (helpers.ts turns it off elsewhere).
  server = await startServer({ JOBS: 'on', JOBS_ONLY: 'academico.importacion-sae', JOBS_POLL_MS: '200' });
  tokens = await demoTokens(server);
});
afterAll(() => server.stop());

const HEADER = 'plantel,matricula,curp,nombre,primerApellido,segundoApellido,generacion,semestreIngreso,semestre,carrera,modeloAcademico';
const alumno = (t: string, i: number) =>
  `MEX-P001,${t}${String(i).padStart(5, '0')},GOMA050101HMCRRN09,Ana,Gómez,Ruiz,2025,1,1,Informática,M2023`;

async function upload(who: string, body: string | Uint8Array<ArrayBuffer>, name = 'alumnos.csv', type = 'text/csv', on = server) {
  const res = await send(on, who, body, name, type, 'ARCHIVO_SAE');
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** POST /documents with `tipo` (sent before the file) when given. */
function send(on: TestServer, who: string, body: string | Uint8Array<ArrayBuffer>, name: string, type: string, tipo?: string) {
  const form = new FormData();
  if (tipo) form.append('tipo', tipo);
  form.append('file', new Blob([body], { type }), name);
  const token = (on === server ? tokens : smallTokens)[who];
  return fetch(`${on.url}/documents`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
}

async function read(id: string, who = 'escolares.p001') {
  return (await gql(server, ImportacionSaeProgresoDocument, { id }, tokens[who])).data!.node as ImportacionSaeProgresoFragment;
}

/** Polls the record until the background runner is done with it. */
async function settled(id: string) {
  for (let i = 0; i < 200; i++) {
    const r = await read(id);
    if (r.estado === 'IMPORTADA' || r.estado === 'RECHAZADA') return r;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`import ${id} did not settle`);
}

/** An import as queueImportacionSae leaves it (EN_COLA, the file attached by id), written directly: no job, no runner. */
async function queuedRecord(documentoId: string, nombreArchivo: string) {
  const { createdById } = await server.db.documento.findUniqueOrThrow({ where: { id: documentoId } });
  const unitId = (await server.db.orgUnit.findUniqueOrThrow({ where: { code: 'MEX-P001' } })).id;
  const counts = { filas: 0, creadas: 0, actualizadas: 0, sinCambios: 0 };
  const row = await server.db.importacionSae.create({
    data: { unitId, createdById, tipo: 'ALUMNOS', estado: 'EN_COLA', nombreArchivo, sha256: 'x', documentoId, ...counts },
  });
  return { id: row.id, gid: encodeGlobalID('ImportacionSae', row.id), createdById };
}

describe('CSV read with csv-parse', () => {
  it('keeps the line where each record starts, across quoted line breaks, with a BOM, CRLF and semicolons', () => {
    const file = parseCsv('\uFEFFa;b\r\n1;"x\r\ny"\r\n\r\n3;" z "\r\n4\r\n');
    expect(file.header).toEqual(['a', 'b']);
    expect(file.rows).toEqual([
      { line: 2, values: { a: '1', b: 'x\r\ny' } },
      { line: 5, values: { a: '3', b: 'z' } },
      { line: 6, values: { a: '4', b: '' } },
    ]);
    expect(parseCsv('n,m\n"Juan, José",Ana "La Güera"\n').rows[0].values).toEqual({ n: 'Juan, José', m: 'Ana "La Güera"' });
  });

  it('answers a malformed file with its line and column, in Spanish', async () => {
    const fail = (text: string) => {
      try {
        parseCsv(text);
      } catch (e) {
        return e instanceof CsvFormatError ? { line: e.line, column: e.column, message: e.message } : e;
      }
      return null;
    };
    expect(fail('a,b\n1,2\n3,"sin cerrar\n4,5\n')).toEqual({
      line: 3,
      column: '',
      message: 'Comillas sin cerrar: el archivo termina dentro de un campo entre comillas',
    });
    expect(fail('a,b\n1,2,3\n')).toEqual({ line: 2, column: '', message: 'Tiene 3 campos; el encabezado tiene 2' });
    // A quote after a closing quote is kept as a character (relax_quotes), as spreadsheets write them.
    expect(fail('a,b\n1,"dos"x\n')).toBeNull();
    // The stream reader says the same.
    const streamed = await openCsv(Readable.from(['a,b\n', '1,"dos\n']));
    await expect(
      (async () => {
        for await (const _ of streamed.rows) void _;
      })(),
    ).rejects.toBeInstanceOf(CsvFormatError);
  });

  it('an inline SAE file with an unclosed quote is refused with its line; nothing is written', async () => {
    const t = `Q${uniq().slice(-6).toUpperCase()}`;
    const res = await gql(
      server,
      CreateImportacionSaeDocument,
      {
        input: {
          tipo: 'ALUMNOS',
          nombreArchivo: 'a.csv',
          contenido: `${HEADER}\n${alumno(t, 1)}\n${alumno(t, 2).replace('Ana', '"Ana')}\n`,
        },
      },
      tokens['escolares.p001'],
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(issuesOf(res).map((i) => i.path)).toEqual([['input', 'contenido', 3, '']]);
    expect(await server.db.alumno.count({ where: { matricula: { startsWith: t } } })).toBe(0);
  });
});

describe('an SAE file uploaded through POST /documents, imported in the background (R 9-10)', () => {
  const queue = (documentoId: string, who = 'escolares.p001', tipo: 'ALUMNOS' | 'DOCENTES' = 'ALUMNOS') =>
    gql(server, QueueImportacionSaeDocument, { input: { tipo, documentoId } }, tokens[who]);

  it('12,000 students in three batches with progress; the same file again changes nothing', async () => {
    const t = `U${uniq().slice(-6).toUpperCase()}`;
    const body = [HEADER, ...Array.from({ length: 12_000 }, (_, i) => alumno(t, i))].join('\n');
    const queued = await queue(await upload('escolares.p001', body));
    expect(queued.errors).toBeUndefined();
    expect(queued.data!.queueImportacionSae).toMatchObject({ estado: 'EN_COLA', documentos: [{ tipo: 'ARCHIVO_SAE' }] });
    const done = await settled(queued.data!.queueImportacionSae.id);
    expect(done).toMatchObject({
      estado: 'IMPORTADA',
      filas: 12_000,
      filasProcesadas: 12_000,
      creadas: 12_000,
      sinCambios: 0,
      errores: [],
    });
    expect(done.history.map((h) => h.transition)).toEqual([
      'queueImportacionSae',
      'advanceImportacionSae',
      'advanceImportacionSae',
      'advanceImportacionSae',
      'completeImportacionSae',
    ]);
    expect(done.history.every((h) => h.actorRole === 'SERVICIOS_ESCOLARES_PLANTEL')).toBe(true);
    expect(await server.db.alumno.count({ where: { matricula: { startsWith: t } } })).toBe(12_000);
    const again = await settled((await queue(await upload('escolares.p001', body))).data!.queueImportacionSae.id);
    expect(again).toMatchObject({ estado: 'IMPORTADA', creadas: 0, actualizadas: 0, sinCambios: 12_000 });
  }, 120_000);

  it('a file with bad rows ends RECHAZADA with every bad row, and nothing is written; fixed, it imports', async () => {
    const t = `R${uniq().slice(-6).toUpperCase()}`;
    const rows = Array.from({ length: 6_000 }, (_, i) => alumno(t, i));
    const bad = [...rows];
    bad[4_999] = bad[4_999].replace('GOMA050101HMCRRN09', 'NO-ES-CURP');
    const rejected = await settled((await queue(await upload('escolares.p001', [HEADER, ...bad].join('\n')))).data!.queueImportacionSae.id);
    expect(rejected).toMatchObject({
      estado: 'RECHAZADA',
      filasProcesadas: 0,
      errores: [{ linea: 5001, campo: 'curp', mensaje: 'No es una CURP' }],
    });
    expect(rejected.history.at(-1)).toMatchObject({ transition: 'rejectImportacionSae' });
    expect(await server.db.alumno.count({ where: { matricula: { startsWith: t } } })).toBe(0);
    const fixed = await settled((await queue(await upload('escolares.p001', [HEADER, ...rows].join('\n')))).data!.queueImportacionSae.id);
    expect(fixed).toMatchObject({ estado: 'IMPORTADA', creadas: 6_000 });
  }, 120_000);

  it('an XLSX workbook: a bad row refused whole with its row number, then imported after the fix', async () => {
    const t = `X${uniq().slice(-6).toUpperCase()}`;
    /** A workbook as a spreadsheet writes it: numbers as numbers, the first sheet holding the file. */
    const workbook = async (rows: string[]) => {
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('Alumnos');
      sheet.addRow(HEADER.split(','));
      for (const r of rows) sheet.addRow(r.split(',').map((v) => (/^\d+$/.test(v) && v.length < 6 ? Number(v) : v)));
      wb.addWorksheet('Notas').addRow(['otra hoja, no se lee']);
      return new Uint8Array(await wb.xlsx.writeBuffer()) as Uint8Array<ArrayBuffer>;
    };
    const rows = Array.from({ length: 30 }, (_, i) => alumno(t, i));
    const bad = [...rows];
    bad[19] = bad[19].replace('GOMA050101HMCRRN09', 'NO-ES-CURP');
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const rejected = await settled(
      (await queue(await upload('escolares.p001', await workbook(bad), 'alumnos.xlsx', xlsx))).data!.queueImportacionSae.id,
    );
    // The header is row 1: the 20th student is row 21.
    expect(rejected).toMatchObject({ estado: 'RECHAZADA', errores: [{ linea: 21, campo: 'curp', mensaje: 'No es una CURP' }] });
    expect(await server.db.alumno.count({ where: { matricula: { startsWith: t } } })).toBe(0);
    const fixed = await settled(
      (await queue(await upload('escolares.p001', await workbook(rows), 'alumnos.xlsx', xlsx))).data!.queueImportacionSae.id,
    );
    expect(fixed).toMatchObject({ estado: 'IMPORTADA', creadas: 30, errores: [] });
    const one = await server.db.alumno.findFirstOrThrow({ where: { matricula: `${t}00007` } });
    expect(one).toMatchObject({ nombre: 'Ana', primerApellido: 'Gómez', carrera: 'Informática' });
    // Anything else (here a PDF) is refused before it is queued.
    const pdf = await send(server, 'escolares.p001', '%PDF-1.4\n%%EOF\n', 'alumnos.pdf', 'application/pdf');
    expect(pdf.status).toBe(201);
    expect(issuesOf(await queue(((await pdf.json()) as { id: string }).id))[0]).toMatchObject({ path: ['input', 'documentoId'] });
  }, 120_000);

  it('only a CSV of your own, not attached; only Servicios Escolares; a stopped import is resumed or abandoned by hand', async () => {
    const t = `M${uniq().slice(-6).toUpperCase()}`;
    const foreign = await upload('dg.mex', `${HEADER}\n${alumno(t, 1)}\n`);
    expect(issuesOf(await queue(foreign))[0].path).toEqual(['input', 'documentoId']);
    const mine = await upload('escolares.p001', `${HEADER}\n${alumno(t, 1)}\n`);
    expect(codeOf(await queue(mine, 'director.p001'))).toBe('FORBIDDEN');
    // A queued import whose runner stopped: a person writes it batch by batch (here: one batch), then closes it.
    const doc = await upload('escolares.p001', `${HEADER}\n${alumno(t, 2)}\n`);
    const { gid } = await queuedRecord(decodeGlobalID(doc).id, 'detenida.csv');
    const advanced = await gql(server, AdvanceImportacionSaeDocument, { input: { id: gid } }, tokens['escolares.p001']);
    expect(advanced.errors).toBeUndefined();
    expect(advanced.data!.advanceImportacionSae).toMatchObject({ estado: 'EN_PROCESO', filas: 1, filasProcesadas: 1, creadas: 1 });
    expect(codeOf(await gql(server, RejectImportacionSaeDocument, { input: { id: gid } }, tokens['escolares.p001']))).toBe(
      'BAD_USER_INPUT',
    );
    const abandoned = await gql(
      server,
      RejectImportacionSaeDocument,
      { input: { id: gid, observaciones: 'Se importará el archivo corregido' } },
      tokens['escolares.p001'],
    );
    expect(abandoned.data!.rejectImportacionSae).toMatchObject({ estado: 'RECHAZADA' });
  });

  it('the import is a job in the database: queued with no process running it, the next worker does it, as the person, once', async () => {
    const t = `J${uniq().slice(-6).toUpperCase()}`;
    const doc = decodeGlobalID(await upload('escolares.p001', [HEADER, alumno(t, 1), alumno(t, 2)].join('\n'))).id;
    // What queueImportacionSae commits, written as a process that stopped right after committing it would leave it.
    const row = await queuedRecord(doc, 'huerfana.csv');
    const { createdById } = row;
    await server.db.$executeRaw`SELECT graphile_worker.add_job('academico.importacion-sae',
      json_build_object('importacionId', ${row.id}::text, 'personId', ${createdById}::text), job_key => ${`importacion-sae:${row.id}`})`;
    const done = await settled(row.gid);
    expect(done).toMatchObject({ estado: 'IMPORTADA', creadas: 2 });
    expect(done.history.map((h) => [h.transition, h.actorRole, h.comment])).toEqual([
      ['advanceImportacionSae', 'SERVICIOS_ESCOLARES_PLANTEL', '[job academico.importacion-sae]'],
      ['completeImportacionSae', 'SERVICIOS_ESCOLARES_PLANTEL', '[job academico.importacion-sae]'],
    ]);
  }, 60_000);

  it('with two API processes running workers, each queued import is written once', async () => {
    // Processes of one deployment share the document store (a shared disk or an S3-compatible store): a worker in
    // either process reads the file the other received.
    const other = await startServer({
      JOBS: 'on',
      JOBS_ONLY: 'academico.importacion-sae',
      JOBS_POLL_MS: '200',
      DOCUMENTS_DIR: server.config.documents.dir,
    });
    try {
      const t = `D${uniq().slice(-6).toUpperCase()}`;
      const ids = await Promise.all(
        [0, 1, 2, 3].map(async (k) => {
          const body = [HEADER, ...Array.from({ length: 50 }, (_, i) => alumno(`${t}${k}`, i))].join('\n');
          return (await queue(await upload('escolares.p001', body))).data!.queueImportacionSae.id;
        }),
      );
      for (const id of ids) {
        const done = await settled(id);
        expect(done).toMatchObject({ estado: 'IMPORTADA', creadas: 50 });
        expect(done.history.map((h) => h.transition)).toEqual(['queueImportacionSae', 'advanceImportacionSae', 'completeImportacionSae']);
      }
      expect(await server.db.alumno.count({ where: { matricula: { startsWith: t } } })).toBe(200);
    } finally {
      await other.stop();
    }
  }, 60_000);

  it('advanceImportacionSae refuses a caller before reading the file: no byte is read for a refused caller', async () => {
    const t = `G${uniq().slice(-6).toUpperCase()}`;
    const doc = decodeGlobalID(await upload('escolares.p001', `${HEADER}\n${alumno(t, 1)}\n`)).id;
    const { claveAlmacen } = await server.db.documento.findUniqueOrThrow({ where: { id: doc } });
    const { gid } = await queuedRecord(doc, 'sin-archivo.csv');
    // The stored bytes are gone: any attempt to read them fails loudly (not FORBIDDEN).
    await rm(path.join(server.config.documents.dir, claveAlmacen.slice(0, 2), claveAlmacen));
    // The plantel's director reads the import (so the refusal is about the step, not about seeing it)…
    expect(await read(gid, 'director.p001')).toMatchObject({ estado: 'EN_COLA' });
    // …and is refused by the engine before the plan reads anything.
    const refused = await gql(server, AdvanceImportacionSaeDocument, { input: { id: gid } }, tokens['director.p001']);
    expect(codeOf(refused)).toBe('FORBIDDEN');
    // A stale version is refused the same way, before the file (the record is still EN_COLA, version 0).
    const stale = await gql(server, AdvanceImportacionSaeDocument, { input: { id: gid, version: 7 } }, tokens['escolares.p001']);
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(await read(gid)).toMatchObject({ estado: 'EN_COLA', filasProcesadas: 0 });
  });
});

describe('SAE files have their own upload limit (MAX_SAE_FILE_BYTES); other documents stay bounded', () => {
  let small: TestServer;
  beforeAll(async () => {
    small = await startServer({ MAX_DOCUMENT_BYTES: '2000', MAX_SAE_FILE_BYTES: '20000' });
    smallTokens = await demoTokens(small);
  });
  afterAll(() => small.stop());

  it('a file over MAX_DOCUMENT_BYTES is refused as evidence but accepted as an SAE file, which serves only an SAE import', async () => {
    const t = `L${uniq().slice(-6).toUpperCase()}`;
    const body = [HEADER, ...Array.from({ length: 40 }, (_, i) => alumno(t, i))].join('\n');
    expect(body.length).toBeGreaterThan(2000);
    expect(body.length).toBeLessThan(20000);
    const plain = await send(small, 'escolares.p001', body, 'alumnos.csv', 'text/csv');
    expect(plain.status).toBe(413);
    expect(await small.db.documento.count({ where: { nombre: 'grande.csv' } })).toBe(0);
    const sae = await send(small, 'escolares.p001', body, 'grande.csv', 'text/csv', 'ARCHIVO_SAE');
    expect(sae.status).toBe(201);
    const saeId = ((await sae.json()) as { id: string }).id;
    // Over the SAE limit too: refused.
    const huge = await send(small, 'escolares.p001', body.repeat(10), 'enorme.csv', 'text/csv', 'ARCHIVO_SAE');
    expect(huge.status).toBe(413);
    // Only CSV or XLSX as an SAE file.
    const pdf = await send(small, 'escolares.p001', '%PDF-1.4\n%%EOF\n', 'a.pdf', 'application/pdf', 'ARCHIVO_SAE');
    expect(pdf.status).toBe(415);
    // It is queued for an import…
    const queued = await gql(
      small,
      QueueImportacionSaeDocument,
      { input: { tipo: 'ALUMNOS', documentoId: saeId } },
      smallTokens['escolares.p001'],
    );
    expect(queued.errors).toBeUndefined();
    // …and nothing else takes an SAE file as its evidence.
    const other = ((await (await send(small, 'escolares.p001', body, 'otra.csv', 'text/csv', 'ARCHIVO_SAE')).json()) as { id: string }).id;
    const { id: otherId, createdById } = await small.db.documento.findUniqueOrThrow({ where: { id: decodeGlobalID(other).id } });
    const viewer = { personId: createdById, email: '', fullName: '', assignments: [], via: 'password' as const };
    const asEvidence = await small.db.$transaction((tx) => checkDocuments(tx, viewer, [otherId], () => ['input', 'documentoIds', 0]));
    expect(asEvidence).toEqual([
      {
        path: ['input', 'documentoIds', 0],
        message: 'This document was uploaded as an SAE file (ARCHIVO_SAE): it can only be queued for an SAE import',
      },
    ]);
    expect(await small.db.$transaction((tx) => checkDocuments(tx, viewer, [otherId], () => ['x'], { sae: true }))).toEqual([]);
  });
});
