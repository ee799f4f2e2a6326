// Issue #12 through the API, 7081-MP-SI Pd-02-It-03 and the instrumento jurídico: a training concertación
// from the prospect to its formalisation (with the viability loop), its instrument drafted in versions,
// returned by the DCAJ with observations, dictaminado, validated by the user, signed in the order it names
// (a signature out of turn, or before the dictamen, is refused and writes nothing), registered once with a
// unique number and communicated; an instrument for a technological service; and a company sees only its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeGlobalID } from '@pothos/plugin-relay';
import {
  ApproveConcertacionCapacitacionDocument,
  ApproveInstrumentoJuridicoAsDcajDocument,
  ApproveInstrumentoJuridicoAsUsuarioExternoDocument,
  CloseConcertacionCapacitacionDocument,
  ConcertacionesCapacitacionDocument,
  CreateConcertacionCapacitacionDocument,
  CreateInstrumentoJuridicoDocument,
  InstrumentosJuridicosDocument,
  PublishInstrumentoJuridicoDocument,
  ReceiveConcertacionCapacitacionDocument,
  RegisterInstrumentoJuridicoDocument,
  ReturnConcertacionCapacitacionDocument,
  ReturnInstrumentoJuridicoAsDcajDocument,
  SendConcertacionCapacitacionDocument,
  SendInstrumentoJuridicoToDcajDocument,
  SignInstrumentoJuridicoAsDstcDocument,
  SignInstrumentoJuridicoAsUsuarioExternoDocument,
  SubmitConcertacionCapacitacionDocument,
  SubmitInstrumentoJuridicoDocument,
  UpdateInstrumentoJuridicoDocument,
} from '../src/generated/graphql.js';
import { make } from './factories.js';
import { codeOf, demoTokens, gql, issuesOf, startServer, unitIdsByCode, type GqlResponse, type TestServer, uploadPdf } from './helpers.js';

let server: TestServer;
let tokens: Record<string, string>;
let units: Record<string, string>;

beforeAll(async () => {
  server = await startServer();
  tokens = await demoTokens(server);
  units = await unitIdsByCode(server, tokens.admin);
});
afterAll(() => server.stop());

async function ok<T>(p: Promise<GqlResponse<T>>): Promise<T> {
  const r = await p;
  expect(r.errors).toBeUndefined();
  return r.data!;
}

const upload = (token: string, name: string) => uploadPdf(server, token, name);

const instrumento = (id: string) =>
  server.db.instrumentoJuridico.findUniqueOrThrow({
    where: { id },
    select: {
      estado: true,
      version: true,
      numeroRegistro: true,
      firmas: { orderBy: { orden: 'asc' }, select: { parte: true, firmadoAt: true } },
    },
  });

describe('concertación de capacitación (Pd-02-It-03) and its instrumento jurídico', () => {
  it('goes from the prospect to the formalisation, the instrument through a DCAJ observation, signed in order and registered', async () => {
    const csc = tokens.csc;
    const u = tokens['usuario.emp-mex01'];
    // 1-3, and the loop 4 → 3.
    const created = await ok(
      gql(
        server,
        CreateConcertacionCapacitacionDocument,
        { input: { unitId: units['EMP-MEX01'], prospecto: 'Planta con 40 operarios' } },
        csc,
      ),
    );
    const id = created.createConcertacionCapacitacion.id;
    expect(created.createConcertacionCapacitacion).toMatchObject({ estado: 'PROSPECTO', unit: { code: 'EMP-MEX01' } });
    await ok(gql(server, SendConcertacionCapacitacionDocument, { input: { id, agenda: 'Cursos de seguridad industrial' } }, tokens.sesc));
    await ok(
      gql(server, ReceiveConcertacionCapacitacionDocument, { input: { id, requerimiento: 'Curso de soldadura', ambito: 'Toluca' } }, csc),
    );
    const back = await ok(
      gql(server, ReturnConcertacionCapacitacionDocument, { input: { id, observaciones: 'Precise el número de personas' } }, csc),
    );
    expect(back.returnConcertacionCapacitacion.estado).toBe('AGENDADA');
    await ok(
      gql(
        server,
        ReceiveConcertacionCapacitacionDocument,
        { input: { id, requerimiento: 'Soldadura para 40 personas', ambito: 'Toluca' } },
        csc,
      ),
    );
    // 4: only state offices deliver training.
    const wrongUnit = await gql(
      server,
      ApproveConcertacionCapacitacionDocument,
      { input: { id, viabilidad: 'x', unitIds: [units['MEX-CAST01']] } },
      csc,
    );
    expect(codeOf(wrongUnit)).toBe('BAD_USER_INPUT');
    const viable = await ok(
      gql(
        server,
        ApproveConcertacionCapacitacionDocument,
        { input: { id, viabilidad: 'CE-MEX imparte en Toluca, RCEO diseña', unitIds: [units.RCEO, units['CE-MEX']] } },
        tokens.jdcesc,
      ),
    );
    expect(viable.approveConcertacionCapacitacion.participantes.map((p) => p.unit.code)).toEqual(['RCEO', 'CE-MEX']);
    // 5.
    const propuesta = await ok(
      gql(
        server,
        SubmitConcertacionCapacitacionDocument,
        { input: { id, propuesta: '40 h, 40 personas', cuotaRecuperacion: '85000.5' } },
        csc,
      ),
    );
    expect(propuesta.submitConcertacionCapacitacion).toMatchObject({ estado: 'PROPUESTA', cuotaRecuperacion: '85000.50' });
    // 8 cannot close it before its instrument is communicated.
    expect(codeOf(await gql(server, CloseConcertacionCapacitacionDocument, { input: { id } }, csc))).toBe('INVALID_TRANSITION');

    // 6: the project, version 1; the user signs before DSTC.
    const v1 = await upload(csc, 'convenio-v1.pdf');
    const draft = await ok(
      gql(
        server,
        CreateInstrumentoJuridicoDocument,
        {
          input: {
            concertacionCapacitacionId: id,
            titulo: 'Convenio de capacitación en soldadura',
            objeto: 'Curso de soldadura para 40 personas',
            vigenciaDesde: '2027-02-01T00:00:00.000Z',
            vigenciaHasta: '2027-07-31T00:00:00.000Z',
            monto: '85000.50',
            partes: ['USUARIO_EXTERNO', 'DSTC'],
            documentoId: v1,
          },
        },
        csc,
      ),
    );
    const ij = draft.createInstrumentoJuridico;
    const dbId = decodeGlobalID(ij.id).id;
    expect(ij).toMatchObject({
      estado: 'EN_ELABORACION',
      monto: '85000.50',
      unit: { code: 'EMP-MEX01' },
      concertacionCapacitacion: { id },
    });
    expect(ij.versiones).toMatchObject([{ numero: 1, documento: { nombre: 'convenio-v1.pdf', tipo: 'PROYECTO_INSTRUMENTO' } }]);

    // Signing before the dictamen: refused, nothing written.
    const early = await gql(server, SignInstrumentoJuridicoAsUsuarioExternoDocument, { input: { id: ij.id } }, u);
    expect(codeOf(early)).toBe('INVALID_TRANSITION');

    // 7: the DCAJ observes; back to drafting, version 2; then favourable.
    await ok(gql(server, SubmitInstrumentoJuridicoDocument, { input: { id: ij.id } }, csc));
    const observed = await ok(
      gql(
        server,
        ReturnInstrumentoJuridicoAsDcajDocument,
        { input: { id: ij.id, observaciones: 'Falte la cláusula de confidencialidad' } },
        tokens.dcaj,
      ),
    );
    expect(observed.returnInstrumentoJuridicoAsDcaj.estado).toBe('EN_ELABORACION');
    const v2 = await upload(csc, 'convenio-v2.pdf');
    const updated = await ok(
      gql(
        server,
        UpdateInstrumentoJuridicoDocument,
        { input: { id: ij.id, documentoId: v2, notas: 'Con cláusula de confidencialidad' } },
        csc,
      ),
    );
    expect(updated.updateInstrumentoJuridico.versiones.map((v) => v.numero)).toEqual([1, 2]);
    await ok(gql(server, SubmitInstrumentoJuridicoDocument, { input: { id: ij.id } }, csc));
    await ok(gql(server, ApproveInstrumentoJuridicoAsDcajDocument, { input: { id: ij.id, dictamen: 'Procedente' } }, tokens.dcaj));
    await ok(gql(server, ApproveInstrumentoJuridicoAsUsuarioExternoDocument, { input: { id: ij.id } }, u));

    // Signatures: DSTC out of turn is refused and writes nothing; then the user, then DSTC.
    const before = await instrumento(dbId);
    const outOfTurn = await gql(server, SignInstrumentoJuridicoAsDstcDocument, { input: { id: ij.id } }, tokens.dstc);
    expect(codeOf(outOfTurn)).toBe('INVALID_TRANSITION');
    expect(outOfTurn.errors?.[0]?.message).toMatch(/USUARIO_EXTERNO signs before DSTC/);
    expect(await instrumento(dbId)).toEqual(before);
    expect(codeOf(await gql(server, SendInstrumentoJuridicoToDcajDocument, { input: { id: ij.id } }, csc))).toBe('INVALID_TRANSITION');
    await ok(gql(server, SignInstrumentoJuridicoAsUsuarioExternoDocument, { input: { id: ij.id } }, u));
    expect(codeOf(await gql(server, SignInstrumentoJuridicoAsUsuarioExternoDocument, { input: { id: ij.id } }, u))).toBe(
      'INVALID_TRANSITION',
    );
    const signed = await ok(gql(server, SignInstrumentoJuridicoAsDstcDocument, { input: { id: ij.id } }, tokens.dstc));
    expect(signed.signInstrumentoJuridicoAsDstc.firmas.map((f) => [f.orden, f.parte, !!f.firmadoAt])).toEqual([
      [1, 'USUARIO_EXTERNO', true],
      [2, 'DSTC', true],
    ]);

    // 8: to the DCAJ with the signed copy, registered with a unique number, communicated.
    const firmado = await upload(csc, 'convenio-firmado.pdf');
    await ok(gql(server, SendInstrumentoJuridicoToDcajDocument, { input: { id: ij.id, documentoIds: [firmado] } }, csc));
    const taken = await make.instrumentoJuridico(server.db, { estado: 'REGISTRADO' });
    const takenNumber = (await instrumento(taken.id)).numeroRegistro!;
    const dup = await gql(server, RegisterInstrumentoJuridicoDocument, { input: { id: ij.id, numeroRegistro: takenNumber } }, tokens.dcaj);
    expect(codeOf(dup)).toBe('BAD_USER_INPUT');
    expect(issuesOf(dup).map((i) => [i.path.join('.'), i.message])).toEqual([
      ['input.numeroRegistro', 'Another instrument already has this registry number'],
    ]);
    expect((await instrumento(dbId)).estado).toBe('EN_REGISTRO');
    const numero = `DCAJ/CONV/${dbId.slice(0, 8)}`;
    await ok(gql(server, RegisterInstrumentoJuridicoDocument, { input: { id: ij.id, numeroRegistro: numero } }, tokens.dcaj));
    const published = await ok(gql(server, PublishInstrumentoJuridicoDocument, { input: { id: ij.id } }, csc));
    expect(published.publishInstrumentoJuridico).toMatchObject({ estado: 'COMUNICADO', numeroRegistro: numero });
    expect(published.publishInstrumentoJuridico.documentos.map((d) => d.tipo)).toEqual([
      'PROYECTO_INSTRUMENTO',
      'PROYECTO_INSTRUMENTO',
      'INSTRUMENTO_FIRMADO',
    ]);
    expect(published.publishInstrumentoJuridico.history.map((h) => h.transition)).toEqual([
      'createInstrumentoJuridico',
      'submitInstrumentoJuridico',
      'returnInstrumentoJuridicoAsDcaj',
      'updateInstrumentoJuridico',
      'submitInstrumentoJuridico',
      'approveInstrumentoJuridicoAsDcaj',
      'approveInstrumentoJuridicoAsUsuarioExterno',
      'signInstrumentoJuridicoAsUsuarioExterno',
      'signInstrumentoJuridicoAsDstc',
      'sendInstrumentoJuridicoToDcaj',
      'registerInstrumentoJuridico',
      'publishInstrumentoJuridico',
    ]);

    // 8: now the concertación is formalised.
    const closed = await ok(gql(server, CloseConcertacionCapacitacionDocument, { input: { id } }, csc));
    expect(closed.closeConcertacionCapacitacion).toMatchObject({
      estado: 'FORMALIZADA',
      instrumentosJuridicos: [{ id: ij.id, estado: 'COMUNICADO', numeroRegistro: numero }],
    });
  });

  it('formalises a concertación of a technological service too, drafted by the CST', async () => {
    const c = await make.concertacionServicio(server.db, { estado: 'CONCERTADA' });
    const doc = await upload(tokens.cst, 'contrato.pdf');
    const input = {
      concertacionServicioId: c.globalId,
      titulo: 'Contrato de calibración',
      objeto: 'Calibración de 3 básculas',
      vigenciaDesde: '2027-03-01T00:00:00.000Z',
      vigenciaHasta: '2027-02-01T00:00:00.000Z',
      monto: '12500.50',
      partes: ['DSTC', 'USUARIO_EXTERNO'] as ('DSTC' | 'USUARIO_EXTERNO')[],
      documentoId: doc,
    };
    const badTerm = await gql(server, CreateInstrumentoJuridicoDocument, { input }, tokens.cst);
    expect(issuesOf(badTerm).map((i) => i.path.join('.'))).toEqual(['input.vigenciaHasta']);
    const made = await ok(
      gql(server, CreateInstrumentoJuridicoDocument, { input: { ...input, vigenciaHasta: '2027-12-31T00:00:00.000Z' } }, tokens.cst),
    );
    expect(made.createInstrumentoJuridico).toMatchObject({ concertacionServicio: { id: c.globalId }, concertacionCapacitacion: null });
    // A party named twice, or no CONALEP party, is refused.
    const doc2 = await upload(tokens.cst, 'contrato-2.pdf');
    const twice = await gql(
      server,
      CreateInstrumentoJuridicoDocument,
      { input: { ...input, vigenciaHasta: '2027-12-31T00:00:00.000Z', documentoId: doc2, partes: ['USUARIO_EXTERNO', 'USUARIO_EXTERNO'] } },
      tokens.cst,
    );
    expect(codeOf(twice)).toBe('BAD_USER_INPUT');
  });

  it('shows a company its own concertaciones and instruments and nothing of another company', async () => {
    const mine = await make.instrumentoJuridico(server.db, { estado: 'DICTAMINADO', unit: 'EMP-MEX01' });
    const theirs = await make.instrumentoJuridico(server.db, { estado: 'DICTAMINADO', unit: 'EMP-VER01' });
    const u = tokens['usuario.emp-mex01'];
    const list = await ok(
      gql(server, InstrumentosJuridicosDocument, { orderBy: { field: 'createdAt', direction: 'DESC' }, first: 100 }, u),
    );
    const ids = list.instrumentosJuridicos.edges.map((e) => e.node.id);
    expect(ids).toContain(mine.globalId);
    expect(ids).not.toContain(theirs.globalId);
    expect(new Set(list.instrumentosJuridicos.edges.map((e) => e.node.unit.code))).toEqual(new Set(['EMP-MEX01']));
    const theirList = await ok(
      gql(
        server,
        InstrumentosJuridicosDocument,
        { first: 100, orderBy: { field: 'createdAt', direction: 'DESC' } },
        tokens['usuario.emp-ver01'],
      ),
    );
    expect(theirList.instrumentosJuridicos.edges.map((e) => e.node.id)).toContain(theirs.globalId);
    const concertaciones = await ok(
      gql(server, ConcertacionesCapacitacionDocument, { first: 100, orderBy: { field: 'createdAt', direction: 'DESC' } }, u),
    );
    expect(new Set(concertaciones.concertacionesCapacitacion.edges.map((e) => e.node.unit.code))).toEqual(new Set(['EMP-MEX01']));
    const node = await gql<{ node: unknown }, { id: string }>(
      server,
      'query($id: ID!) { node(id: $id) { id } }',
      { id: theirs.globalId },
      u,
    );
    expect(node.data?.node).toBeNull();
    // Validating or signing the other company's instrument: not found, nothing written.
    const before = await instrumento(theirs.id);
    expect(codeOf(await gql(server, ApproveInstrumentoJuridicoAsUsuarioExternoDocument, { input: { id: theirs.globalId } }, u))).toBe(
      'NOT_FOUND',
    );
    expect(await instrumento(theirs.id)).toEqual(before);
    // A company does not take the CSC's steps on its own concertación.
    const c = await make.concertacionCapacitacion(server.db, { estado: 'PROSPECTO' });
    expect(codeOf(await gql(server, SendConcertacionCapacitacionDocument, { input: { id: c.globalId, agenda: 'x' } }, u))).toBe(
      'FORBIDDEN',
    );
  });
});
