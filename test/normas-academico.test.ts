// 30-524-PO-04's operating rules with records of their own, through the API:
// R 6 late rectification, R 7 supervision of the capture with Formación
// Técnica, R 12c missing records per student and module, R 22-23 physical
// certificates (six checks, oficio with its list), R 27 the F01 request,
// R 30 the Junta Directiva report, R 32 graduates' SIATEG requests. Each test
// builds its own records with factories.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeGlobalID } from '@pothos/plugin-relay';
import {
  ApproveEntregaCertificadosFisicosDocument,
  ApproveRectificacionEvaluacionDocument,
  ApproveSupervisionCapturaDocument,
  CloseSolicitudEgresadoDocument,
  CreateEntregaCertificadosFisicosDocument,
  CreateInformeJuntaDirectivaDocument,
  CreateLoteFoliosDocument,
  CreateRectificacionEvaluacionDocument,
  CreateSolicitudEgresadoDocument,
  CreateSolicitudFoliosDocument,
  CreateSupervisionCapturaDocument,
  RegistrosFaltantesDocument,
  ReturnEntregaCertificadosFisicosDocument,
  ReturnRectificacionEvaluacionDocument,
  SendEntregaCertificadosFisicosDocument,
  SolicitudesFoliosDocument,
  SubmitEntregaCertificadosFisicosDocument,
} from '../src/generated/graphql.js';
import { make, uniq } from './factories.js';
import { codeOf, demoTokens, gql, issuesOf, startServer, unitIdsByCode, type TestServer } from './helpers.js';

let server: TestServer;
let tokens: Record<string, string>;
let units: Record<string, string>;

beforeAll(async () => {
  server = await startServer();
  tokens = await demoTokens(server);
  units = await unitIdsByCode(server, tokens.admin);
});
afterAll(() => server.stop());

const grade = async (alumnoId: string, moduloId: string, periodo: string, corte: number) =>
  (await server.db.evaluacion.findFirst({ where: { alumnoId, moduloId, periodo, corte }, select: { calificacion: true } }))?.calificacion;

describe('R 6: late registration or rectification of grades', () => {
  it('the plantel reports it, the state office manages it with a service-desk ticket and the grade is written', async () => {
    const e = await make.evaluacion(server.db, { calificacion: 5 });
    const alumnoId = (await make.alumno(server.db)).globalId;
    const input = { moduloClave: e.modulo.clave, periodo: e.periodo, corte: 1, calificacion: 8, motivo: 'Error de captura' };
    const student = Buffer.from(`Alumno:${e.alumnoId}`).toString('base64');
    // A module the student does not have in the period: nothing to rectify.
    expect(
      issuesOf(await gql(server, CreateRectificacionEvaluacionDocument, { input: { ...input, alumnoId } }, tokens['escolares.p001'])),
    ).toEqual([
      {
        path: ['input', 'moduloClave'],
        message: 'The student has no grade of this module in the period: import the group and its teacher first',
      },
    ]);
    expect(
      codeOf(await gql(server, CreateRectificacionEvaluacionDocument, { input: { ...input, alumnoId: student } }, tokens['escolares.mex'])),
    ).toBe('FORBIDDEN');
    const created = await gql(
      server,
      CreateRectificacionEvaluacionDocument,
      { input: { ...input, alumnoId: student } },
      tokens['escolares.p001'],
    );
    expect(created.errors).toBeUndefined();
    const r = created.data!.createRectificacionEvaluacion;
    expect(r).toMatchObject({ estado: 'SOLICITADA', calificacion: 8, calificacionAnterior: 5 });
    // One pending request per grade.
    expect(
      codeOf(
        await gql(server, CreateRectificacionEvaluacionDocument, { input: { ...input, alumnoId: student } }, tokens['escolares.p001']),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(Number(await grade(e.alumnoId, e.modulo.id, e.periodo, 1))).toBe(5);
    const step = { id: r.id, version: r.version, ticketMesaServicio: 'MS-2025-0042' };
    expect(codeOf(await gql(server, ApproveRectificacionEvaluacionDocument, { input: step }, tokens['escolares.p001']))).toBe('FORBIDDEN');
    const approved = await gql(server, ApproveRectificacionEvaluacionDocument, { input: step }, tokens['escolares.mex']);
    expect(approved.data?.approveRectificacionEvaluacion).toMatchObject({ estado: 'APLICADA', ticketMesaServicio: 'MS-2025-0042' });
    expect(Number(await grade(e.alumnoId, e.modulo.id, e.periodo, 1))).toBe(8);

    // A late registration (corte 2 never captured) writes the grade, with the module's teacher.
    const late = await gql(
      server,
      CreateRectificacionEvaluacionDocument,
      { input: { ...input, corte: 2, calificacion: 9, alumnoId: student } },
      tokens['escolares.p001'],
    );
    expect(late.data?.createRectificacionEvaluacion.calificacionAnterior).toBeNull();
    const id = late.data!.createRectificacionEvaluacion.id;
    await gql(
      server,
      ApproveRectificacionEvaluacionDocument,
      { input: { id, ticketMesaServicio: 'MS-2025-0043' } },
      tokens['escolares.mex'],
    );
    expect(Number(await grade(e.alumnoId, e.modulo.id, e.periodo, 2))).toBe(9);
  });

  it('a returned request needs observations and writes no grade', async () => {
    const r = await make.rectificacionEvaluacion(server.db);
    expect(codeOf(await gql(server, ReturnRectificacionEvaluacionDocument, { input: { id: r.globalId } }, tokens['escolares.mex']))).toBe(
      'BAD_USER_INPUT',
    );
    const done = await gql(
      server,
      ReturnRectificacionEvaluacionDocument,
      { input: { id: r.globalId, observaciones: 'El corte sigue abierto: capture en el SAE' } },
      tokens['escolares.mex'],
    );
    expect(done.data?.returnRectificacionEvaluacion.estado).toBe('DEVUELTA');
    expect(await server.db.evaluacion.count({ where: { alumnoId: r.alumnoId, corte: 2 } })).toBe(0);
  });
});

describe('R 7 and R 12c: the missing records of a corte, and the supervision of the capture with Formación Técnica', () => {
  it('lists who owes which record, counts them in the supervision, and Formación Técnica confirms it', async () => {
    const a = await make.alumno(server.db, { unit: 'MEX-P002' });
    const e = await make.evaluacion(server.db, { unit: 'MEX-P002', alumno: a });
    const matricula = (await server.db.alumno.findUniqueOrThrow({ where: { id: a.id } })).matricula;
    const list = async (who: string, unit: string, corte: number) =>
      (
        await gql(server, RegistrosFaltantesDocument, { unitId: units[unit], periodo: e.periodo, corte, first: 1000 }, tokens[who])
      ).data!.registrosFaltantes.filter((f) => f.matricula === matricula);
    // Corte 1 is captured; corte 2 is owed, by student and module, with the teacher who owes it.
    expect(await list('escolares.mex', 'MEX-P002', 1)).toEqual([]);
    const owed = await list('escolares.mex', 'MEX-P002', 2);
    expect(owed).toEqual([
      expect.objectContaining({
        alumnoId: a.globalId,
        moduloClave: e.modulo.clave,
        docente: expect.stringMatching(/^Docente /) as unknown,
      }),
    ]);
    // A state's list covers its planteles; another plantel's staff reads none of them.
    expect(await list('escolares.mex', 'CE-MEX', 2)).toHaveLength(1);
    expect(await list('escolares.p001', 'MEX-P002', 2)).toEqual([]);
    expect(
      codeOf(
        await gql(server, RegistrosFaltantesDocument, { unitId: units['MEX-P002'], periodo: e.periodo, corte: 4 }, tokens['escolares.mex']),
      ),
    ).toBe('BAD_USER_INPUT');

    const input = { periodo: e.periodo, corte: 2, observaciones: 'Se notificó a los docentes' };
    expect(codeOf(await gql(server, CreateSupervisionCapturaDocument, { input }, tokens['formacion.mex']))).toBe('FORBIDDEN');
    const created = await gql(server, CreateSupervisionCapturaDocument, { input }, tokens['escolares.mex']);
    const s = created.data!.createSupervisionCaptura;
    expect(s.faltantes).toBeGreaterThanOrEqual(1);
    expect(codeOf(await gql(server, CreateSupervisionCapturaDocument, { input }, tokens['escolares.mex']))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(server, ApproveSupervisionCapturaDocument, { input: { id: s.id } }, tokens['escolares.mex']))).toBe(
      'FORBIDDEN',
    );
    const ok = await gql(server, ApproveSupervisionCapturaDocument, { input: { id: s.id } }, tokens['formacion.mex']);
    expect(ok.data?.approveSupervisionCaptura.estado).toBe('VALIDADA');
  });
});

describe('R 22-23: physical certificates', () => {
  const COTEJOS = ['nombreCompleto', 'fotoAdherida', 'firmaDirector', 'selloFoto', 'folioDocumento', 'fechaImpresion'] as const;
  const all = (n: number, failing?: { consecutivo: number; check: (typeof COTEJOS)[number] }) =>
    Array.from({ length: n }, (_, i) => ({
      consecutivo: i + 1,
      ...Object.fromEntries(COTEJOS.map((k) => [k, !(failing?.consecutivo === i + 1 && failing.check === k)])),
    })) as never;

  it('delivered by oficio with the list, checked six ways, returned when a check fails, then sent for the signature', async () => {
    const graduates = [await make.alumno(server.db, { planConcluido: true }), await make.alumno(server.db, { planConcluido: true })];
    const inscrito = await make.alumno(server.db);
    const certificados = graduates.map((g) => ({ folio: `CF-${uniq()}`, alumnoId: g.globalId }));
    const bad = await gql(
      server,
      CreateEntregaCertificadosFisicosDocument,
      { input: { oficio: 'P001/SE/118/2025', certificados: [...certificados, { folio: 'CF-X', alumnoId: inscrito.globalId }] } },
      tokens['escolares.p001'],
    );
    expect(issuesOf(bad)).toEqual([
      { path: ['input', 'certificados', 2, 'alumnoId'], message: 'Not a graduate (EGRESADO) of the plantel' },
    ]);
    const created = await gql(
      server,
      CreateEntregaCertificadosFisicosDocument,
      { input: { oficio: 'P001/SE/118/2025', certificados } },
      tokens['escolares.p001'],
    );
    const entrega = created.data!.createEntregaCertificadosFisicos;
    expect(entrega.certificados.map((c) => [c.consecutivo, c.folio, c.nombreCompleto])).toEqual([
      [1, certificados[0].folio, null],
      [2, certificados[1].folio, null],
    ]);
    expect(entrega.certificados[0].alumno).toMatchObject({ carrera: 'Informática' });
    const id = entrega.id;

    // The seal touches the chin on the second: the state office cannot validate, and returns it.
    const failing = all(2, { consecutivo: 2, check: 'selloFoto' });
    expect(
      issuesOf(await gql(server, ApproveEntregaCertificadosFisicosDocument, { input: { id, cotejos: failing } }, tokens['escolares.mex'])),
    ).toEqual([{ path: ['input', 'cotejos', 1, 'selloFoto'], message: 'This check fails: return the delivery instead' }]);
    expect(
      codeOf(await gql(server, ApproveEntregaCertificadosFisicosDocument, { input: { id, cotejos: all(1) } }, tokens['escolares.mex'])),
    ).toBe('BAD_USER_INPUT');
    const returned = await gql(
      server,
      ReturnEntregaCertificadosFisicosDocument,
      { input: { id, cotejos: failing, observaciones: 'Sello sobre la barbilla en el consecutivo 2' } },
      tokens['escolares.mex'],
    );
    expect(returned.data?.returnEntregaCertificadosFisicos.estado).toBe('DEVUELTA');
    expect(returned.data?.returnEntregaCertificadosFisicos.certificados[1].selloFoto).toBe(false);
    await gql(server, SubmitEntregaCertificadosFisicosDocument, { input: { id } }, tokens['escolares.p001']);
    const validated = await gql(
      server,
      ApproveEntregaCertificadosFisicosDocument,
      { input: { id, cotejos: all(2) } },
      tokens['escolares.mex'],
    );
    expect(validated.data?.approveEntregaCertificadosFisicos.estado).toBe('VALIDADA');
    const sent = await gql(server, SendEntregaCertificadosFisicosDocument, { input: { id } }, tokens['escolares.mex']);
    expect(sent.data?.sendEntregaCertificadosFisicos.estado).toBe('ENVIADA_A_FIRMA');
  });
});

describe('R 27, R 30, R 32', () => {
  it('R 27: the F01 request, and the batch received for it (DG 2.1)', async () => {
    const zero = { folios: 0, formatosCertificado: 0, formatosTitulo: 0, medio: 'Correo', justificacion: 'Egreso 2025-1' };
    expect(issuesOf(await gql(server, CreateSolicitudFoliosDocument, { input: zero }, tokens['escolares.mex']))).toEqual([
      { path: ['input', 'folios'], message: 'Request at least one folio or form' },
    ]);
    const created = await gql(
      server,
      CreateSolicitudFoliosDocument,
      { input: { ...zero, folios: 3, formatosTitulo: 2, medio: `Correo ${uniq()}` } },
      tokens['escolares.mex'],
    );
    const solicitud = created.data!.createSolicitudFolios;
    const lote = await gql(
      server,
      CreateLoteFoliosDocument,
      {
        input: {
          referencia: 'ON/DSE/2025/201',
          prefijo: `R${uniq().slice(-10)}-`,
          numeroInicial: 1,
          cantidad: 3,
          solicitudFoliosId: solicitud.id,
        },
      },
      tokens['escolares.mex'],
    );
    expect(lote.errors).toBeUndefined();
    const listed = await gql(server, SolicitudesFoliosDocument, { filter: { unitId: units['CE-MEX'] } }, tokens['escolares.mex']);
    const mine = listed.data!.solicitudesFolios.edges.find((e) => e.node.id === solicitud.id)!;
    expect(mine.node.lotesFolios.map((l) => l.referencia)).toEqual(['ON/DSE/2025/201']);
    // Another state's request cannot be named.
    const other = await make.solicitudFolios(server.db, { unit: 'CE-VER' });
    const refused = await gql(
      server,
      CreateLoteFoliosDocument,
      {
        input: { referencia: 'ON/X', prefijo: `R${uniq().slice(-10)}-`, numeroInicial: 1, cantidad: 1, solicitudFoliosId: other.globalId },
      },
      tokens['escolares.mex'],
    );
    expect(issuesOf(refused)).toEqual([{ path: ['input', 'solicitudFoliosId'], message: 'Not an F01 request of this state office' }]);
  });

  it('R 30: one report per quarter for the Junta Directiva', async () => {
    const anio = 2000 + Math.floor(Math.random() * 100);
    const input = {
      anio,
      trimestre: 3,
      actividades: 'Certificados emitidos y reuniones de riesgo',
      avance: '85 % del programa',
      urlCarpeta: 'https://intranet.conalep.edu.mx/junta/2025-3.pdf',
      unitId: units['CE-MEX'],
    };
    const taken = await server.db.informeJuntaDirectiva.count({ where: { anio, trimestre: 3, unit: { code: 'CE-MEX' } } });
    const first = await gql(server, CreateInformeJuntaDirectivaDocument, { input }, tokens['escolares.mex']);
    if (!taken) expect(first.data?.createInformeJuntaDirectiva).toMatchObject({ anio, trimestre: 3 });
    expect(issuesOf(await gql(server, CreateInformeJuntaDirectivaDocument, { input }, tokens['escolares.mex']))).toEqual([
      { path: ['input', 'trimestre'], message: "This quarter's report is already delivered" },
    ]);
    expect(
      codeOf(await gql(server, CreateInformeJuntaDirectivaDocument, { input: { ...input, trimestre: 5 } }, tokens['escolares.mex'])),
    ).toBe('BAD_USER_INPUT');
  });

  it("R 32: a graduate's SIATEG request, attended with the answer", async () => {
    const egresado = await make.alumno(server.db, { planConcluido: true });
    const inscrito = await make.alumno(server.db);
    const input = { folioSiateg: `SIATEG-${uniq()}`, tramite: 'Duplicado de certificado' };
    expect(
      codeOf(
        await gql(server, CreateSolicitudEgresadoDocument, { input: { ...input, alumnoId: inscrito.globalId } }, tokens['escolares.p001']),
      ),
    ).toBe('INVALID_TRANSITION');
    const created = await gql(
      server,
      CreateSolicitudEgresadoDocument,
      { input: { ...input, alumnoId: egresado.globalId } },
      tokens['escolares.p001'],
    );
    const s = created.data!.createSolicitudEgresado;
    expect(s).toMatchObject({ estado: 'RECIBIDA', tramite: 'Duplicado de certificado' });
    expect(decodeGlobalID(s.alumno.id).id).toBe(egresado.id);
    const closed = await gql(
      server,
      CloseSolicitudEgresadoDocument,
      { input: { id: s.id, observaciones: 'Se entregó el duplicado' } },
      tokens['escolares.p001'],
    );
    expect(closed.data?.closeSolicitudEgresado).toMatchObject({ estado: 'ATENDIDA', respuesta: 'Se entregó el duplicado' });
  });
});
