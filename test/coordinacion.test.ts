// Issue #12 through the API, 7081-MP-SI Pd-02-It-04 "Coordinación nacional de los servicios de capacitación":
// from the participants' notice to the derrama notice (a step out of order, a payment other than the cuota or
// recorded twice, a derrama that does not add up to the centavo or names a unit that does not take part are
// refused and write nothing); the participating units read the coordination, the concertación and, once
// communicated, its instrument, on every path, and nobody else's; the income indicators, exact and scoped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApproveCoordinacionCapacitacionDocument,
  AssignCoordinacionCapacitacionDocument,
  CloseCoordinacionCapacitacionDocument,
  ConcertacionesCapacitacionDocument,
  CoordinacionesCapacitacionDocument,
  CreateCoordinacionCapacitacionDocument,
  IndicadoresConcertacionDocument,
  IngresosCapacitacionDocument,
  InstrumentosJuridicosDocument,
  ReceiveCoordinacionCapacitacionDocument,
  SendCoordinacionCapacitacionToDafDocument,
  SubmitCoordinacionCapacitacionDocument,
  UpdateCoordinacionCapacitacionDocument,
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

/** The row, its derrama and its audit trail: what a refused step must leave as it was. */
const snapshot = async (id: string) => ({
  row: await server.db.coordinacionCapacitacion.findUniqueOrThrow({ where: { id } }),
  lineas: await server.db.lineaDerrama.findMany({ where: { coordinacionCapacitacionId: id } }),
  documentos: await server.db.documento.count({ where: { registroId: id } }),
  history: await server.db.workflowTransition.count({ where: { recordId: id } }),
});

describe('coordinación nacional de capacitación (Pd-02-It-04)', () => {
  it('goes from the notice to the participants to the derrama notice, money exact, wrong steps refused and nothing written', async () => {
    const csc = tokens.csc;
    const concertacion = await make.concertacionCapacitacion(server.db, { estado: 'FORMALIZADA' });
    // 1: notice to CE-MEX and RCEO, the concertación's participants.
    const created = await ok(
      gql(
        server,
        CreateCoordinacionCapacitacionDocument,
        { input: { concertacionCapacitacionId: concertacion.globalId, notificacion: 'Oficio a CE-MEX y RCEO', materiales: 'Manual SMAW' } },
        csc,
      ),
    );
    const c = created.createCoordinacionCapacitacion;
    expect(c).toMatchObject({ estado: 'EN_COORDINACION', unit: { code: 'EMP-MEX01' } });
    expect(c.concertacionCapacitacion.participantes.map((p) => p.unit.code)).toEqual(['CE-MEX', 'RCEO']);
    // One coordination per concertación.
    const twice = await gql(
      server,
      CreateCoordinacionCapacitacionDocument,
      { input: { concertacionCapacitacionId: concertacion.globalId, notificacion: 'Otra' } },
      csc,
    );
    expect(codeOf(twice)).toBe('BAD_USER_INPUT');
    expect(await server.db.coordinacionCapacitacion.count({ where: { concertacionCapacitacionId: concertacion.id } })).toBe(1);
    const id = c.id;
    const dbId = (await server.db.coordinacionCapacitacion.findFirstOrThrow({ where: { concertacionCapacitacionId: concertacion.id } })).id;

    // 4 before 2: the guard refuses, nothing written.
    const early = await upload(csc, 'portafolio-temprano.pdf');
    let before = await snapshot(dbId);
    const tooEarly = await gql(
      server,
      SubmitCoordinacionCapacitacionDocument,
      { input: { id, portafolio: 'x', documentoIds: [early] } },
      csc,
    );
    expect(codeOf(tooEarly)).toBe('INVALID_TRANSITION');
    expect(await snapshot(dbId)).toEqual(before);

    // 2-3, then 4 with the portafolio.
    await ok(
      gql(server, UpdateCoordinacionCapacitacionDocument, { input: { id, validacionMateriales: 'Validado por la empresa' } }, tokens.sesc),
    );
    await ok(gql(server, UpdateCoordinacionCapacitacionDocument, { input: { id, seguimiento: 'Grupo 1 concluido en Toluca' } }, csc));
    const portafolio = await ok(
      gql(
        server,
        SubmitCoordinacionCapacitacionDocument,
        { input: { id, portafolio: 'Listas y constancias', documentoIds: [early] } },
        csc,
      ),
    );
    expect(portafolio.submitCoordinacionCapacitacion).toMatchObject({
      estado: 'PORTAFOLIO_INTEGRADO',
      validacionMateriales: 'Validado por la empresa',
      seguimiento: 'Grupo 1 concluido en Toluca',
      documentos: [{ tipo: 'PORTAFOLIO_EVIDENCIAS' }],
    });

    // 5-6: the cuota validated (decimal text, exact), the CFDI asked for and received with its file.
    const badCuota = await gql(server, SendCoordinacionCapacitacionToDafDocument, { input: { id, cuotaRecuperacion: '85000.505' } }, csc);
    expect(issuesOf(badCuota).map((i) => i.path)).toEqual([['input', 'cuotaRecuperacion']]);
    const sent = await ok(gql(server, SendCoordinacionCapacitacionToDafDocument, { input: { id, cuotaRecuperacion: '85000.5' } }, csc));
    expect(sent.sendCoordinacionCapacitacionToDaf).toMatchObject({ estado: 'CFDI_SOLICITADO', cuotaRecuperacion: '85000.50' });
    const cfdi = await upload(csc, 'cfdi-daf.pdf');
    const facturada = await ok(
      gql(server, ReceiveCoordinacionCapacitacionDocument, { input: { id, folioCfdi: `F-${dbId}`, documentoId: cfdi } }, csc),
    );
    expect(facturada.receiveCoordinacionCapacitacion).toMatchObject({ estado: 'FACTURADA', folioCfdi: `F-${dbId}` });

    // 7: a payment other than the cuota is refused; the cuota is recorded once.
    before = await snapshot(dbId);
    const wrong = await gql(
      server,
      ApproveCoordinacionCapacitacionDocument,
      { input: { id, montoPagado: '85000.49', referenciaPago: 'R1' } },
      csc,
    );
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
    expect(issuesOf(wrong)[0]).toMatchObject({ path: ['input', 'montoPagado'] });
    expect(await snapshot(dbId)).toEqual(before);
    const paid = await ok(
      gql(server, ApproveCoordinacionCapacitacionDocument, { input: { id, montoPagado: '85000.50', referenciaPago: 'SPEI 123' } }, csc),
    );
    expect(paid.approveCoordinacionCapacitacion).toMatchObject({ estado: 'PAGADA', montoPagado: '85000.50' });
    before = await snapshot(dbId);
    const again = await gql(
      server,
      ApproveCoordinacionCapacitacionDocument,
      { input: { id, montoPagado: '85000.50', referenciaPago: 'SPEI 123' } },
      csc,
    );
    expect(codeOf(again)).toBe('INVALID_TRANSITION');
    expect(await snapshot(dbId)).toEqual(before);

    // 8: a derrama one centavo over the payment, or to a unit that does not take part, writes nothing.
    const [cfdiMex, cfdiRceo, cfdiVer] = await Promise.all(['cfdi-mex.pdf', 'cfdi-rceo.pdf', 'cfdi-ver.pdf'].map((n) => upload(csc, n)));
    const assign = (second: [string, string, string], first = '60000.25') =>
      gql(
        server,
        AssignCoordinacionCapacitacionDocument,
        {
          input: {
            id,
            lineas: [
              { unitId: units['CE-MEX'], monto: first, documentoId: cfdiMex },
              { unitId: units[second[0]], monto: second[1], documentoId: second[2] },
            ],
          },
        },
        csc,
      );
    const over = await assign(['RCEO', '25000.25', cfdiRceo], '60000.26');
    expect(codeOf(over)).toBe('BAD_USER_INPUT');
    expect(issuesOf(over)).toEqual([{ path: ['input', 'lineas'], message: 'The parts add up to 85000.51, not to the payment (85000.50)' }]);
    expect(await snapshot(dbId)).toEqual(before);
    const outsider = await assign(['CE-VER', '25000.25', cfdiVer]);
    expect(issuesOf(outsider).map((i) => i.path)).toEqual([['input', 'lineas', 1, 'unitId']]);
    expect(await snapshot(dbId)).toEqual(before);
    const derrama = await ok(assign(['RCEO', '25000.25', cfdiRceo]));
    expect(derrama.assignCoordinacionCapacitacion.estado).toBe('DERRAMA_SOLICITADA');
    expect(derrama.assignCoordinacionCapacitacion.lineasDerrama.map((l) => [l.orden, l.unit.code, l.monto, l.documento.tipo])).toEqual([
      [1, 'CE-MEX', '60000.25', 'CFDI'],
      [2, 'RCEO', '25000.25', 'CFDI'],
    ]);

    // 9: the derrama notified; the history names each step and role.
    const closed = await ok(
      gql(server, CloseCoordinacionCapacitacionDocument, { input: { id, notificacionDerrama: 'Oficio de derrama a CE-MEX y RCEO' } }, csc),
    );
    expect(closed.closeCoordinacionCapacitacion.estado).toBe('DERRAMA_NOTIFICADA');
    expect(closed.closeCoordinacionCapacitacion.history.map((h) => h.transition)).toEqual([
      'createCoordinacionCapacitacion',
      'updateCoordinacionCapacitacion',
      'updateCoordinacionCapacitacion',
      'submitCoordinacionCapacitacion',
      'sendCoordinacionCapacitacionToDaf',
      'receiveCoordinacionCapacitacion',
      'approveCoordinacionCapacitacion',
      'assignCoordinacionCapacitacion',
      'closeCoordinacionCapacitacion',
    ]);
    expect(closed.closeCoordinacionCapacitacion.documentos.map((d) => d.tipo)).toEqual(['PORTAFOLIO_EVIDENCIAS', 'CFDI', 'CFDI', 'CFDI']);
  });

  it('lets the participating units read the coordination, the concertación and its communicated instrument by every path, nobody else', async () => {
    const coordinacion = await make.coordinacionCapacitacion(server.db, { estado: 'PAGADA' });
    const concertacionId = coordinacion.concertacionCapacitacionId;
    const comunicado = await server.db.instrumentoJuridico.findFirstOrThrow({ where: { concertacionCapacitacionId: concertacionId } });
    const draft = await make.instrumentoJuridico(server.db, { estado: 'REGISTRADO', concertacionCapacitacionId: concertacionId });
    const rceo = tokens['enlace.rceo'];
    const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
    const nodeQuery = `query($c: ID!, $i: ID!, $d: ID!, $k: ID!) {
      c: node(id: $c) { id ... on ConcertacionCapacitacion { instrumentosJuridicos { id estado } coordinacion { id } } }
      i: node(id: $i) { id ... on InstrumentoJuridico { concertacionCapacitacion { id } documentos { tipo } } }
      d: node(id: $d) { id }
      k: node(id: $k) { id ... on CoordinacionCapacitacion { lineasDerrama { monto } } }
    }`;
    const vars = {
      c: gid('ConcertacionCapacitacion', concertacionId),
      i: gid('InstrumentoJuridico', comunicado.id),
      d: draft.globalId,
      k: coordinacion.globalId,
    };
    type Nodes = {
      c: { id: string; instrumentosJuridicos: { id: string; estado: string }[]; coordinacion: { id: string } | null } | null;
      i: { id: string; concertacionCapacitacion: { id: string } | null; documentos: { tipo: string }[] } | null;
      d: { id: string } | null;
      k: { id: string } | null;
    };
    // The participant (RCEO) reads the concertación, its coordination and its communicated instrument, not the draft.
    const seen = await gql<Nodes, typeof vars>(server, nodeQuery, vars, rceo);
    expect(seen.data!.c!.instrumentosJuridicos.map((i) => i.estado)).toEqual(['COMUNICADO']);
    expect(seen.data!.c!.coordinacion?.id).toBe(coordinacion.globalId);
    expect(seen.data!.i!.concertacionCapacitacion?.id).toBe(vars.c);
    expect(seen.data!.i!.documentos.length).toBeGreaterThan(0);
    expect(seen.data!.d).toBeNull();
    expect(seen.data!.k?.id).toBe(coordinacion.globalId);
    // The CSC (national reach) reads both instruments: the draft is hidden from RCEO by the rule, not by accident.
    const all = await gql<Nodes, typeof vars>(server, nodeQuery, vars, tokens.csc);
    expect(all.data!.c!.instrumentosJuridicos.map((i) => i.estado).sort()).toEqual(['COMUNICADO', 'REGISTRADO']);
    expect(all.data!.d?.id).toBe(draft.globalId);
    // Lists.
    const list = (token: string) =>
      ok(
        gql(
          server,
          InstrumentosJuridicosDocument,
          { filter: { unitId: units['EMP-MEX01'] }, first: 100, orderBy: { field: 'createdAt', direction: 'DESC' } },
          token,
        ),
      );
    const rceoIds = (await list(rceo)).instrumentosJuridicos.edges.map((e) => e.node.id);
    expect(rceoIds).toContain(vars.i);
    expect(rceoIds).not.toContain(draft.globalId);
    // Newest first: other files add records to the same database meanwhile.
    const newest = { field: 'createdAt', direction: 'DESC' } as const;
    const coords = await ok(
      gql(server, CoordinacionesCapacitacionDocument, { filter: { participanteId: units.RCEO }, first: 100, orderBy: newest }, rceo),
    );
    expect(coords.coordinacionesCapacitacion.edges.map((e) => e.node.id)).toContain(coordinacion.globalId);
    const concs = await ok(gql(server, ConcertacionesCapacitacionDocument, { first: 100, orderBy: newest }, rceo));
    expect(concs.concertacionesCapacitacion.edges.map((e) => e.node.id)).toContain(vars.c);
    // A Colegio Estatal that does not take part, and another company, read none of it.
    for (const outsider of [tokens['dg.ver'], tokens['usuario.emp-ver01']]) {
      const r = await gql<Nodes, typeof vars>(server, nodeQuery, vars, outsider);
      expect([r.data?.c ?? null, r.data?.i ?? null, r.data?.d ?? null, r.data?.k ?? null]).toEqual([null, null, null, null]);
      expect((await list(outsider)).instrumentosJuridicos.edges.map((e) => e.node.id)).not.toContain(vars.i);
      const theirs = await ok(gql(server, CoordinacionesCapacitacionDocument, { first: 100 }, outsider));
      expect(theirs.coordinacionesCapacitacion.edges.map((e) => e.node.id)).not.toContain(coordinacion.globalId);
    }
    // A participant reads but does not act: the CSC's steps are refused and write nothing.
    const before = await snapshot(coordinacion.id);
    expect(
      codeOf(
        await gql(server, CloseCoordinacionCapacitacionDocument, { input: { id: coordinacion.globalId, notificacionDerrama: 'x' } }, rceo),
      ),
    ).toBe('FORBIDDEN');
    expect(await snapshot(coordinacion.id)).toEqual(before);
  });

  it('computes the income indicators exactly, per month and per unit, over the reader’s scope', async () => {
    const anio = 2087;
    await make.coordinacionCapacitacion(server.db, {
      estado: 'DERRAMA_NOTIFICADA',
      cuota: '85000.50',
      derrama: ['60000.25', '25000.25'],
      at: new Date(`${anio}-03-15T18:00:00Z`),
    });
    await make.coordinacionCapacitacion(server.db, { estado: 'FACTURADA', cuota: '1234.56', at: new Date(`${anio}-05-10T18:00:00Z`) });
    await make.coordinacionCapacitacion(server.db, { estado: 'PAGADA', cuota: '100.10', at: new Date(`${anio}-05-20T18:00:00Z`) });
    // 1 June 03:00 UTC is still 31 May in Mexico City.
    await make.coordinacionCapacitacion(server.db, { estado: 'CFDI_SOLICITADO', cuota: '0.01', at: new Date(`${anio}-06-01T03:00:00Z`) });
    const read = async (token: string, dentroDe?: string) =>
      (await ok(gql(server, IngresosCapacitacionDocument, { anio, dentroDe }, token))).ingresosCapacitacion;
    const csc = await read(tokens.csc);
    const mes = (n: number) => csc.porMes.find((m) => m.mes === n);
    expect(csc.porMes).toHaveLength(12);
    expect(mes(3)).toEqual({ mes: 3, cotizado: '85000.50', facturado: '85000.50', pagado: '85000.50', distribuido: '85000.50' });
    expect(mes(5)).toEqual({ mes: 5, cotizado: '1334.67', facturado: '1334.66', pagado: '100.10', distribuido: '0.00' });
    expect(mes(6)).toEqual({ mes: 6, cotizado: '0.00', facturado: '0.00', pagado: '0.00', distribuido: '0.00' });
    expect(csc.porUnidad.map((u) => [u.unitCode, u.distribuido, u.notificado])).toEqual([
      ['CE-MEX', '60000.25', '60000.25'],
      ['RCEO', '25000.25', '25000.25'],
    ]);
    expect([csc.pendientePago, csc.pendienteDistribuir]).toEqual(['1234.56', '100.10']);
    // Within CE-MEX: the same coordinations (its company and its college), only its own part of the derrama.
    const mex = await read(tokens.csc, units['CE-MEX']);
    expect(mex.porUnidad.map((u) => u.unitCode)).toEqual(['CE-MEX']);
    // A participant sees the coordinations it takes part in; another company and a college outside see nothing.
    expect((await read(tokens['enlace.rceo'])).pendientePago).toBe('1234.56');
    for (const outsider of [tokens['usuario.emp-ver01'], tokens['dg.ver']]) {
      const r = await read(outsider);
      expect(r.porUnidad).toEqual([]);
      expect(r.porMes.every((m) => m.cotizado === '0.00' && m.pagado === '0.00')).toBe(true);
      expect(r.pendientePago).toBe('0.00');
    }
  });
  it('counts concertaciones by kind, state and outcome, and the days from request to signature, over the reader’s scope', async () => {
    const db = server.db;
    const at = (iso: string) => new Date(iso);
    const requested = async (model: 'concertacionServicio' | 'concertacionCapacitacion', id: string, iso: string) =>
      model === 'concertacionServicio'
        ? db.concertacionServicio.update({ where: { id }, data: { createdAt: at(iso) } })
        : db.concertacionCapacitacion.update({ where: { id }, data: { createdAt: at(iso) } });
    /** The instrument of a concertación, its parties signing at the given moments in order. */
    const signed = async (where: { concertacionServicioId: string } | { concertacionCapacitacionId: string }, ...moments: string[]) => {
      const instrumento = await db.instrumentoJuridico.findFirstOrThrow({ where, include: { firmas: { orderBy: { orden: 'asc' } } } });
      for (const [i, iso] of moments.entries()) {
        await db.firmaInstrumentoJuridico.update({ where: { id: instrumento.firmas[i].id }, data: { firmadoAt: at(iso) } });
      }
    };
    // Services requested in 2093: one of each outcome, one formalised by an instrument signed 20 days after the request.
    for (const estado of ['SOLICITADA', 'NO_PROCEDENTE', 'PAGADA'] as const) {
      await requested('concertacionServicio', (await make.concertacionServicio(db, { estado })).id, '2093-02-01T12:00:00Z');
    }
    const deServicio = await make.instrumentoJuridico(db, { estado: 'REGISTRADO', servicio: true });
    const s4 = (await db.instrumentoJuridico.findUniqueOrThrow({ where: { id: deServicio.id } })).concertacionServicioId!;
    await requested('concertacionServicio', s4, '2093-01-01T12:00:00Z');
    await signed({ concertacionServicioId: s4 }, '2093-01-11T12:00:00Z', '2093-01-21T12:00:00Z');
    // Training: one FORMALIZADA (its instrument COMUNICADO, 10 days), one PROPUESTA with an instrument REGISTRADO (29.5 days),
    // one PROPUESTA whose instrument still waits for a signature (not counted in the time to signature).
    const c1 = await make.concertacionCapacitacion(db, { estado: 'FORMALIZADA' });
    await requested('concertacionCapacitacion', c1.id, '2093-03-01T12:00:00Z');
    await signed({ concertacionCapacitacionId: c1.id }, '2093-03-05T12:00:00Z', '2093-03-11T12:00:00Z');
    for (const [estado, firmados, firmas] of [
      ['REGISTRADO', 2, ['2093-01-20T00:00:00Z', '2093-01-31T00:00:00Z']],
      ['EN_FIRMA', 1, ['2093-02-01T00:00:00Z']],
    ] as const) {
      const instrumento = await make.instrumentoJuridico(db, { estado, firmados });
      const c = (await db.instrumentoJuridico.findUniqueOrThrow({ where: { id: instrumento.id } })).concertacionCapacitacionId!;
      await requested('concertacionCapacitacion', c, '2093-01-01T12:00:00Z');
      await signed({ concertacionCapacitacionId: c }, ...firmas);
    }

    const read = async (token: string, dentroDe?: string) =>
      (await ok(gql(server, IndicadoresConcertacionDocument, { anio: 2093, dentroDe }, token))).indicadoresConcertacion;
    const csc = await read(tokens.csc);
    expect(csc.porEstado.map((e) => [e.tipo, e.estado, e.total])).toEqual([
      ['CAPACITACION', 'FORMALIZADA', 1],
      ['CAPACITACION', 'PROPUESTA', 2],
      ['SERVICIO', 'CONCERTADA', 1],
      ['SERVICIO', 'NO_PROCEDENTE', 1],
      ['SERVICIO', 'PAGADA', 1],
      ['SERVICIO', 'SOLICITADA', 1],
    ]);
    expect([csc.solicitadas, csc.concertadas, csc.noProcedentes]).toEqual([7, 3, 1]);
    expect(csc.tiempoHastaFirma).toEqual([
      { tipo: 'CAPACITACION', firmados: 2, promedioDias: 19.8, medianaDias: 19.8, maximoDias: 29.5 },
      { tipo: 'SERVICIO', firmados: 1, promedioDias: 20, medianaDias: 20, maximoDias: 20 },
    ]);
    // A participating unit sees the training it takes part in, and only the instrument communicated to it.
    const rceo = await read(tokens['enlace.rceo']);
    expect(rceo.porEstado.map((e) => [e.tipo, e.estado, e.total])).toEqual([
      ['CAPACITACION', 'FORMALIZADA', 1],
      ['CAPACITACION', 'PROPUESTA', 2],
    ]);
    expect(rceo.tiempoHastaFirma).toEqual([
      { tipo: 'CAPACITACION', firmados: 1, promedioDias: 10, medianaDias: 10, maximoDias: 10 },
      { tipo: 'SERVICIO', firmados: 0, promedioDias: null, medianaDias: null, maximoDias: null },
    ]);
    // Another company and a college outside see none of it.
    for (const outsider of [tokens['usuario.emp-ver01'], tokens['dg.ver']]) {
      const r = await read(outsider);
      expect([r.porEstado, r.solicitadas, r.tiempoHastaFirma.map((t) => t.firmados)]).toEqual([[], 0, [0, 0]]);
    }
    // Within another state's college: nothing of EMP-MEX01's.
    expect((await read(tokens.csc, units['CE-VER'])).solicitadas).toBe(0);
    expect(codeOf(await gql(server, IndicadoresConcertacionDocument, { anio: 1999 }, tokens.csc))).toBe('BAD_USER_INPUT');
  });
});
