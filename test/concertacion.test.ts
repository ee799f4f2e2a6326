// Issue #12 through the API, 7081-MP-SI 8.1.5 "Concertación": a company's request that does not proceed,
// corrected and asked again, concerted with signed commitments (a document), delivered, verified and paid
// once, exactly its cuota; and the company sees its own case and nothing of another company's, by every
// path. Each test builds its own records (factories or API calls inside the test).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApproveConcertacionServicioAsUsuarioExternoDocument,
  ApproveConcertacionServicioDocument,
  CloseConcertacionServicioDocument,
  ConcertacionesServicioDocument,
  CreateConcertacionServicioDocument,
  DeliverConcertacionServicioDocument,
  ReceiveConcertacionServicioAsCastDocument,
  ReceiveConcertacionServicioAsDstcDocument,
  ReturnConcertacionServicioDocument,
  SendConcertacionServicioToCastDocument,
  SubmitConcertacionServicioAsCastDocument,
  SubmitConcertacionServicioAsUsuarioExternoDocument,
} from '../src/generated/graphql.js';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { make } from './factories.js';
import { codeOf, demoTokens, expectOnlyAllowed, gql, issuesOf, startServer, type GqlResponse, type TestServer } from './helpers.js';

let server: TestServer;
let tokens: Record<string, string>;

beforeAll(async () => {
  server = await startServer();
  tokens = await demoTokens(server);
});
afterAll(() => server.stop());

async function ok<T>(p: Promise<GqlResponse<T>>): Promise<T> {
  const r = await p;
  expect(r.errors).toBeUndefined();
  return r.data!;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
async function upload(token: string, name: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), name);
  const res = await fetch(`${server.url}/documents`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const row = (id: string) =>
  server.db.concertacionServicio.findUniqueOrThrow({
    where: { id },
    select: { estado: true, version: true, montoPagado: true, solicitud: true },
  });

describe('concertación of a technological service (8.1.5)', () => {
  it('goes from the request through the non-viable loop to the payment, each step by the role the manual names', async () => {
    const u = tokens['usuario.emp-mex01'];
    const created = await ok(
      gql(server, CreateConcertacionServicioDocument, { input: { servicio: 'Calibración de equipo', solicitud: 'Cotizar 3 básculas' } }, u),
    );
    const c = created.createConcertacionServicio;
    expect(c).toMatchObject({ estado: 'SOLICITADA', unit: { code: 'EMP-MEX01' } });
    const id = c.id;
    const dbId = decodeGlobalID(id).id;

    await ok(gql(server, ReceiveConcertacionServicioAsDstcDocument, { input: { id } }, tokens.dstc));
    await ok(gql(server, SendConcertacionServicioToCastDocument, { input: { id } }, tokens.cst));
    // A CAST that does not reach the company cannot answer (nor see) it.
    expect(
      codeOf(
        await gql(
          server,
          SubmitConcertacionServicioAsCastDocument,
          { input: { id, respuestaCast: 'x', cotizacion: '1.00' } },
          tokens['cast.ver'],
        ),
      ),
    ).toBe('NOT_FOUND');
    const badQuote = await gql(
      server,
      SubmitConcertacionServicioAsCastDocument,
      { input: { id, respuestaCast: 'Podemos', cotizacion: '12,5' } },
      tokens['cast.mex'],
    );
    expect(codeOf(badQuote)).toBe('BAD_USER_INPUT');
    expect(issuesOf(badQuote)).toEqual([expect.objectContaining({ path: ['input', 'cotizacion'] })]);
    expect((await row(dbId)).estado).toBe('CON_CAST');
    await ok(
      gql(
        server,
        SubmitConcertacionServicioAsCastDocument,
        { input: { id, respuestaCast: 'Podemos', cotizacion: '9800' } },
        tokens['cast.mex'],
      ),
    );

    // 5 → 6: not viable, the reason is required; the user corrects and asks again (6 → A).
    expect(codeOf(await gql(server, ReturnConcertacionServicioDocument, { input: { id } }, tokens.cst))).toBe('BAD_USER_INPUT');
    const returned = await ok(
      gql(
        server,
        ReturnConcertacionServicioDocument,
        { input: { id, observaciones: 'Faltan las capacidades de las básculas' } },
        tokens.cst,
      ),
    );
    expect(returned.returnConcertacionServicio.estado).toBe('NO_PROCEDENTE');
    const corrected = await ok(
      gql(server, SubmitConcertacionServicioAsUsuarioExternoDocument, { input: { id, solicitud: 'Cotizar 3 básculas de 150 kg' } }, u),
    );
    expect(corrected.submitConcertacionServicioAsUsuarioExterno).toMatchObject({
      estado: 'SOLICITADA',
      solicitud: 'Cotizar 3 básculas de 150 kg',
    });
    await ok(gql(server, ReceiveConcertacionServicioAsDstcDocument, { input: { id } }, tokens.dstc));
    await ok(gql(server, SendConcertacionServicioToCastDocument, { input: { id } }, tokens.cst));
    await ok(
      gql(
        server,
        SubmitConcertacionServicioAsCastDocument,
        { input: { id, respuestaCast: 'Procede', cotizacion: '12500.50' } },
        tokens['cast.mex'],
      ),
    );

    // 5 → 7: concerted, with the signed commitments.
    const signed = await upload(tokens.cst, 'compromisos.pdf');
    const approved = await ok(
      gql(
        server,
        ApproveConcertacionServicioDocument,
        { input: { id, compromisos: 'Calibración en 10 días hábiles', cuotaRecuperacion: '12500.50', documentoIds: [signed] } },
        tokens.cst,
      ),
    );
    expect(approved.approveConcertacionServicio).toMatchObject({
      estado: 'CONCERTADA',
      cuotaRecuperacion: '12500.50',
      documentos: [{ nombre: 'compromisos.pdf', tipo: 'INSTRUMENTO_FIRMADO' }],
    });
    await ok(gql(server, ReceiveConcertacionServicioAsCastDocument, { input: { id } }, tokens['cast.mex']));
    await ok(gql(server, DeliverConcertacionServicioDocument, { input: { id, entrega: 'Informe de calibración' } }, tokens['cast.mex']));
    // Activity 10 is the user's: the CAST cannot verify its own work.
    expect(
      codeOf(
        await gql(
          server,
          ApproveConcertacionServicioAsUsuarioExternoDocument,
          { input: { id, verificacion: 'ok', pagoReferencia: 'R' } },
          tokens['cast.mex'],
        ),
      ),
    ).toBe('FORBIDDEN');
    await ok(
      gql(
        server,
        ApproveConcertacionServicioAsUsuarioExternoDocument,
        { input: { id, verificacion: 'Informe recibido y revisado', pagoReferencia: 'SPEI 0042' } },
        u,
      ),
    );

    // 11: the payment must be the cuota, to the centavo, and is recorded once.
    const short = await gql(server, CloseConcertacionServicioDocument, { input: { id, montoPagado: '12500.49' } }, tokens['cast.mex']);
    expect(codeOf(short)).toBe('BAD_USER_INPUT');
    expect((await row(dbId)).estado).toBe('VERIFICADA');
    const paid = await ok(gql(server, CloseConcertacionServicioDocument, { input: { id, montoPagado: '12500.5' } }, tokens['cast.mex']));
    expect(paid.closeConcertacionServicio).toMatchObject({ estado: 'PAGADA', montoPagado: '12500.50' });
    const again = await gql(server, CloseConcertacionServicioDocument, { input: { id, montoPagado: '12500.50' } }, tokens['cast.mex']);
    expect(codeOf(again)).toBe('INVALID_TRANSITION');
    expect(paid.closeConcertacionServicio.history.map((h) => h.transition)).toEqual([
      'createConcertacionServicio',
      'receiveConcertacionServicioAsDstc',
      'sendConcertacionServicioToCast',
      'submitConcertacionServicioAsCast',
      'returnConcertacionServicio',
      'submitConcertacionServicioAsUsuarioExterno',
      'receiveConcertacionServicioAsDstc',
      'sendConcertacionServicioToCast',
      'submitConcertacionServicioAsCast',
      'approveConcertacionServicio',
      'receiveConcertacionServicioAsCast',
      'deliverConcertacionServicio',
      'approveConcertacionServicioAsUsuarioExterno',
      'closeConcertacionServicio',
    ]);
  });

  it('lets only the CST decide viability, and nobody else touches the record', async () => {
    const c = await make.concertacionServicio(server.db, { estado: 'RESPONDIDA' });
    const seen = await ok(gql(server, ConcertacionesServicioDocument, { filter: { estado: ['RESPONDIDA'] }, first: 100 }, tokens.cst));
    expect(seen.concertacionesServicio.edges.map((e) => e.node.id)).toContain(c.globalId);
    await expectOnlyAllowed(
      tokens,
      ['cst'],
      (t) =>
        gql(server, ApproveConcertacionServicioDocument, { input: { id: c.globalId, compromisos: 'x', cuotaRecuperacion: '1.00' } }, t),
      () => row(c.id),
    );
  });

  it('keeps a payment different from the cuota out of the database even when a step is bypassed', async () => {
    const c = await make.concertacionServicio(server.db, { estado: 'VERIFICADA', cuota: '100.00' });
    await expect(
      server.db.concertacionServicio.update({ where: { id: c.id }, data: { estado: 'PAGADA', montoPagado: '99.99' } }),
    ).rejects.toThrow(/payment differs from the cuota/);
    expect((await row(c.id)).estado).toBe('VERIFICADA');
  });

  it('shows a company its own concertaciones and nothing of another company, on every path', async () => {
    const mine = await make.concertacionServicio(server.db, { estado: 'CONCERTADA', unit: 'EMP-MEX01' });
    const theirs = await make.concertacionServicio(server.db, { estado: 'CONCERTADA', unit: 'EMP-VER01' });
    const u = tokens['usuario.emp-mex01'];
    // The other company's reader can see its own record (so the refusals below are not vacuous).
    // Newest first: other tests of the file add records of both companies.
    const list = await ok(
      gql(
        server,
        ConcertacionesServicioDocument,
        { orderBy: { field: 'createdAt', direction: 'DESC' }, first: 100 },
        tokens['usuario.emp-ver01'],
      ),
    );
    expect(list.concertacionesServicio.edges.map((e) => e.node.id)).toContain(theirs.globalId);

    const own = await ok(
      gql(server, ConcertacionesServicioDocument, { orderBy: { field: 'createdAt', direction: 'DESC' }, first: 100 }, u),
    );
    const ids = own.concertacionesServicio.edges.map((e) => e.node.id);
    expect(ids).toContain(mine.globalId);
    expect(ids).not.toContain(theirs.globalId);
    expect(new Set(own.concertacionesServicio.edges.map((e) => e.node.unit.code))).toEqual(new Set(['EMP-MEX01']));
    // node(id:) and a filter naming the other company give nothing.
    const node = await gql<{ node: unknown }, { id: string }>(
      server,
      'query($id: ID!) { node(id: $id) { id } }',
      { id: theirs.globalId },
      u,
    );
    expect(node.data?.node).toBeNull();
    const filtered = await ok(
      gql(server, ConcertacionesServicioDocument, { filter: { estado: ['CONCERTADA'] }, first: 100 }, tokens['cast.mex']),
    );
    expect(filtered.concertacionesServicio.edges.map((e) => e.node.id)).not.toContain(theirs.globalId);
    // A step on the other company's record: not found, nothing written.
    const before = await row(theirs.id);
    expect(
      codeOf(await gql(server, ReceiveConcertacionServicioAsCastDocument, { input: { id: theirs.globalId } }, tokens['cast.mex'])),
    ).toBe('NOT_FOUND');
    expect(
      codeOf(await gql(server, SubmitConcertacionServicioAsUsuarioExternoDocument, { input: { id: theirs.globalId, solicitud: 'x' } }, u)),
    ).toBe('NOT_FOUND');
    expect(await row(theirs.id)).toEqual(before);
    // A company cannot ask in another company's name.
    const other = await gql(
      server,
      CreateConcertacionServicioDocument,
      { input: { servicio: 'x', solicitud: 'y', unitId: Buffer.from(`OrgUnit:${theirs.unitId}`).toString('base64') } },
      u,
    );
    expect(['FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT']).toContain(codeOf(other));
  });
});
