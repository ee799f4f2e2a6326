// 30-524-PO-04 R 9-10: SAE files read with csv-parse (malformed files answered
// with line and column), and a file uploaded through POST /documents imported
// in the background batch by batch (queueImportacionSae → advance… → complete),
// refused whole with its bad rows (RECHAZADA), resumed by hand when the runner
// stopped. Every test makes its own matrículas and counts only those.
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
import { uniq } from './factories.js';
import { codeOf, demoTokens, gql, issuesOf, startServer, type TestServer } from './helpers.js';

let server: TestServer;
let tokens: Record<string, string>;

beforeAll(async () => {
  server = await startServer();
  tokens = await demoTokens(server);
});
afterAll(() => server.stop());

const HEADER = 'plantel,matricula,curp,nombre,primerApellido,segundoApellido,generacion,semestreIngreso,semestre,carrera,modeloAcademico';
const alumno = (t: string, i: number) =>
  `MEX-P001,${t}${String(i).padStart(5, '0')},GOMA050101HMCRRN09,Ana,Gómez,Ruiz,2025,1,1,Informática,M2023`;

async function upload(who: string, body: string | Uint8Array<ArrayBuffer>, name = 'alumnos.csv', type = 'text/csv') {
  const form = new FormData();
  form.append('file', new Blob([body], { type }), name);
  const res = await fetch(`${server.url}/documents`, { method: 'POST', body: form, headers: { authorization: `Bearer ${tokens[who]}` } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
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
    const pdf = await upload('escolares.p001', '%PDF-1.4\n%%EOF\n', 'alumnos.pdf', 'application/pdf');
    expect(issuesOf(await queue(pdf))[0]).toMatchObject({ path: ['input', 'documentoId'] });
  }, 120_000);

  it('only a CSV of your own, not attached; only Servicios Escolares; a stopped import is resumed or abandoned by hand', async () => {
    const t = `M${uniq().slice(-6).toUpperCase()}`;
    const foreign = await upload('dg.mex', `${HEADER}\n${alumno(t, 1)}\n`);
    expect(issuesOf(await queue(foreign))[0].path).toEqual(['input', 'documentoId']);
    const mine = await upload('escolares.p001', `${HEADER}\n${alumno(t, 1)}\n`);
    expect(codeOf(await queue(mine, 'director.p001'))).toBe('FORBIDDEN');
    // A queued import whose runner stopped: a person writes it batch by batch (here: one batch), then closes it.
    const doc = await upload('escolares.p001', `${HEADER}\n${alumno(t, 2)}\n`);
    const stopped = {
      unitId: (await server.db.orgUnit.findUniqueOrThrow({ where: { code: 'MEX-P001' } })).id,
      createdById: (await server.db.documento.findUniqueOrThrow({ where: { id: decodeGlobalID(doc).id } })).createdById,
    };
    const row = await server.db.importacionSae.create({
      data: {
        ...stopped,
        tipo: 'ALUMNOS',
        estado: 'EN_COLA',
        nombreArchivo: 'detenida.csv',
        sha256: 'x',
        documentoId: decodeGlobalID(doc).id,
        filas: 0,
        creadas: 0,
        actualizadas: 0,
        sinCambios: 0,
      },
    });
    const gid = encodeGlobalID('ImportacionSae', row.id);
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
});
