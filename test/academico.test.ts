// 30-524-PO-04 through the API: folios from the state office to planteles to
// students (never shared, even concurrently), the certificate chain with its
// signatures strictly in order, scope and masked personal data, eficiencia
// terminal and the SISEAC follow-up. Every test builds its own records
// (factories, or API calls inside the test) and counts only those: other test
// files write to the same database at the same time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { decodeGlobalID } from '@pothos/plugin-relay';
import {
  AlumnosDocument,
  AlumnosEnRiesgoDocument,
  AlumnoEvaluacionesDocument,
  ApproveCertificadoAsCosfacDocument,
  ApproveCertificadoAsJefeServiciosEscolaresEstatalDocument,
  AssignLoteFoliosDocument,
  BajasDocument,
  CloseBajaDocument,
  CortesCalendarioDocument,
  CreateAsesoriaComplementariaDocument,
  CreateBajaDocument,
  CreateCertificadoDocument,
  CreateCertificadoReposicionDocument,
  CreateImportacionSaeDocument,
  UpdateCertificadoDocument,
  CreateLoteFoliosDocument,
  CreateReunionRiesgoDocument,
  DeliverCertificadoDocument,
  EficienciaTerminalDocument,
  LoginDocument,
  PublishCorteCalendarioDocument,
  ReporteSiseacDocument,
  ReturnCertificadoDocument,
  ReunionesRiesgoDocument,
  SendBajaDocument,
  SendCertificadoDocument,
  SignCertificadoAsDirectorGeneralEstatalDocument,
  SignCertificadoAsDirectorGeneralNacionalDocument,
  SignCertificadoAsDirectorPlantelDocument,
  SubmitCertificadoDocument,
} from '../src/generated/graphql.js';
import type { Role } from '../src/generated/prisma/enums.js';
import { hashPassword } from '../src/lib/auth/passwords.js';
import { make, uniq, unit } from './factories.js';
import {
  codeOf,
  demoTokens,
  expectOnlyAllowed,
  gql,
  issuesOf,
  startServer,
  statementsFor,
  unitIdsByCode,
  type TestServer,
} from './helpers.js';

let server: TestServer;
let tokens: Record<string, string>;
let units: Record<string, string>;
const as = (who: string) => tokens[who];

beforeAll(async () => {
  server = await startServer();
  tokens = await demoTokens(server);
  units = await unitIdsByCode(server, tokens.admin);
});
afterAll(() => server.stop());

// ---- helpers ---------------------------------------------------------------------

const uuidOf = (globalId: string) => decodeGlobalID(globalId).id;
const unitUuid = async (code: string) => (await unit(server.db, code)).id;

/** Unused folios of one batch held by a unit. */
const unusedOfLote = async (loteId: string, code: string) =>
  server.db.folio.count({ where: { loteId, unitId: await unitUuid(code), certificado: null } });

/**
 * A person made for this test holding `role` at `unitCode`, logged in: VER-P002
 * has no demo Servicios Escolares, so its folios are this file's alone.
 */
async function tokenOfNewPerson(role: Role, unitCode: string): Promise<string> {
  const email = `academico.${uniq().toLowerCase()}@test.conalep.mx`;
  const password = `Clave-${uniq()}`;
  await server.db.person.create({
    data: {
      email,
      fullName: `Prueba ${role}`,
      passwordHash: await hashPassword(password),
      roles: { create: { role, unitId: await unitUuid(unitCode) } },
    },
  });
  const r = await gql(server, LoginDocument, { email, password });
  return r.data!.login.token;
}

/** A year in 3000-9999 that `taken` says no record uses (factories use 1000-1999, the demo 2022 and 2025). */
async function freshYear(taken: (year: number) => Promise<number>): Promise<number> {
  for (;;) {
    const year = 3000 + Math.floor(Math.random() * 7000);
    if (!(await taken(year))) return year;
  }
}
const freshGeneracion = () => freshYear((g) => server.db.alumno.count({ where: { generacion: g } }));
const freshPeriodo = async () => `${await freshYear((y) => server.db.evaluacion.count({ where: { periodo: `${y}-1` } }))}-1`;

/** Grades of a corte: one row per module, in the modules' order. */
async function grade(
  alumno: { id: string },
  docente: { id: string },
  modulos: { id: string }[],
  periodo: string,
  corte: number,
  notas: number[],
) {
  await server.db.evaluacion.createMany({
    data: modulos.map((m, i) => ({ alumnoId: alumno.id, moduloId: m.id, docenteId: docente.id, periodo, corte, calificacion: notas[i] })),
  });
}

interface CertRead {
  node: {
    estado: string;
    version: number;
    entregadoA: string | null;
    repuestoPor: { id: string } | null;
    history: { transition: string; actorRole: string }[];
  } | null;
}
const CERT = `query($id: ID!) { node(id: $id) { ... on Certificado { estado version entregadoA repuestoPor { id } history { transition actorRole } } } }`;
const readCert = async (id: string) => (await gql<CertRead, { id: string }>(server, CERT, { id }, as('admin'))).data?.node ?? null;

type StepDoc = TypedDocumentNode<unknown, { input: Record<string, unknown> }>;
const runStep = (doc: StepDoc, id: string, who: string, input: Record<string, unknown> = {}) =>
  gql(server, doc, { input: { id, ...input } }, as(who));

/** The step is refused to everyone but `who` (the certificate is readable, so the refusals are not vacuous), then taken by `who`. */
async function certStepAs(id: string, doc: StepDoc, who: string, expected: string, input: Record<string, unknown> = {}) {
  expect(await readCert(id)).not.toBeNull();
  await expectOnlyAllowed(
    tokens,
    [who],
    (t) => gql(server, doc, { input: { id, ...input } }, t),
    () => readCert(id),
  );
  const r = await runStep(doc, id, who, input);
  expect(r.errors).toBeUndefined();
  expect((Object.values(r.data as object)[0] as { estado: string }).estado).toBe(expected);
}
const lastSteps = async (id: string, n: number) => (await readCert(id))!.history.slice(-n).map((h) => `${h.transition}:${h.actorRole}`);

describe('Folios (DG 2.1-2.3)', () => {
  it('DG 2.1: the state office records a batch once, only by its Servicios Escolares', async () => {
    const batch = { referencia: `ON/DSE/${uniq()}`, prefijo: `A${uniq()}-`, numeroInicial: 1, cantidad: 10 };
    expect(issuesOf(await gql(server, CreateLoteFoliosDocument, { input: { ...batch, cantidad: 0 } }, as('escolares.mex')))).toEqual([
      { path: ['input', 'cantidad'], message: 'Must be 1 to 100000' },
    ]);
    // The refused calls create no folio with this prefix; a batch of the same state office is readable (not a vacuous check).
    const other = await make.loteFolios(server.db, { cantidad: 1 });
    const state = async () => ({
      ours: await server.db.folio.count({ where: { numero: { startsWith: batch.prefijo } } }),
      other: (await gql(server, `query($id: ID!) { node(id: $id) { id } }`, { id: other.globalId }, as('admin'))).data,
    });
    expect((await state()).other).toEqual({ node: { id: other.globalId } });
    await expectOnlyAllowed(tokens, ['escolares.mex'], (t) => gql(server, CreateLoteFoliosDocument, { input: batch }, t), state);
    const lote = await gql(server, CreateLoteFoliosDocument, { input: batch }, as('escolares.mex'));
    expect(lote.data!.createLoteFolios).toMatchObject({
      cantidad: 10,
      primero: `${batch.prefijo}00000001`,
      ultimo: `${batch.prefijo}00000010`,
    });
    expect(codeOf(await gql(server, CreateLoteFoliosDocument, { input: batch }, as('escolares.mex')))).toBe('BAD_USER_INPUT');
    expect(await unusedOfLote(uuidOf(lote.data!.createLoteFolios.id), 'CE-MEX')).toBe(10);
  });

  it('DG 2.1: a batch of 100000 folios (the documented maximum) is created whole, in one statement', async () => {
    const prefijo = `B${uniq()}-`;
    const input = { referencia: `ON/DSE/${uniq()}`, prefijo, numeroInicial: 1, cantidad: 100_000 };
    const r = await gql(server, CreateLoteFoliosDocument, { input }, as('escolares.mex'));
    expect(r.errors).toBeUndefined();
    expect(r.data!.createLoteFolios).toMatchObject({ cantidad: 100_000, primero: `${prefijo}00000001`, ultimo: `${prefijo}00100000` });
    expect(await server.db.folio.count({ where: { loteId: uuidOf(r.data!.createLoteFolios.id) } })).toBe(100_000);
    expect(
      issuesOf(
        await gql(
          server,
          CreateLoteFoliosDocument,
          { input: { ...input, prefijo: `C${uniq()}-`, cantidad: 100_001 } },
          as('escolares.mex'),
        ),
      ),
    ).toEqual([{ path: ['input', 'cantidad'], message: 'Must be 1 to 100000' }]);
  });

  it("DG 2.2-2.3: only the state's Servicios Escolares assigns folios, and only to a plantel of the batch's state office", async () => {
    const lote = await make.loteFolios(server.db, { cantidad: 3 });
    const assign = (plantel: string, cantidad: number, who = 'escolares.mex') =>
      gql(server, AssignLoteFoliosDocument, { input: { id: lote.globalId, plantelId: units[plantel], cantidad } }, as(who));
    const held = async () => ({
      lote: (await gql(server, `query($id: ID!) { node(id: $id) { ... on LoteFolios { cantidad } } }`, { id: lote.globalId }, as('admin')))
        .data,
      ceMex: await unusedOfLote(lote.id, 'CE-MEX'),
    });
    expect(await held()).toEqual({ lote: { node: { cantidad: 3 } }, ceMex: 3 });
    // Another state's plantel is not a plantel of the batch's state office (the batch is the record the step acts on).
    expect(codeOf(await assign('VER-P001', 1))).toBe('BAD_USER_INPUT');
    await expectOnlyAllowed(
      tokens,
      ['escolares.mex'],
      (t) => gql(server, AssignLoteFoliosDocument, { input: { id: lote.globalId, plantelId: units['MEX-P003'], cantidad: 1 } }, t),
      held,
    );
    expect((await assign('MEX-P003', 1)).data?.assignLoteFolios).toBe(1);
    expect([
      await unusedOfLote(lote.id, 'CE-MEX'),
      await unusedOfLote(lote.id, 'MEX-P003'),
      await unusedOfLote(lote.id, 'VER-P001'),
    ]).toEqual([2, 1, 0]);
  });

  it('DG 2.2-2.3: concurrent assignments take disjoint folios; asking for more than is left moves nothing', async () => {
    const lote = await make.loteFolios(server.db, { cantidad: 10 });
    const assign = (plantel: string, cantidad: number) =>
      gql(server, AssignLoteFoliosDocument, { input: { id: lote.globalId, plantelId: units[plantel], cantidad } }, as('escolares.mex'));
    const [a, b] = await Promise.all([assign('MEX-P002', 4), assign('MEX-P003', 4)]);
    expect([a.data?.assignLoteFolios, b.data?.assignLoteFolios]).toEqual([4, 4]);
    const where = async (code: string) =>
      (await server.db.folio.findMany({ where: { loteId: lote.id, unitId: await unitUuid(code) }, select: { id: true } })).map((f) => f.id);
    const [ceMex, p002, p003] = [await where('CE-MEX'), await where('MEX-P002'), await where('MEX-P003')];
    expect([ceMex.length, p002.length, p003.length]).toEqual([2, 4, 4]);
    expect(new Set([...ceMex, ...p002, ...p003]).size).toBe(10);
    expect(issuesOf(await assign('MEX-P002', 5))).toEqual([{ path: ['input', 'cantidad'], message: 'Only 2 unused folios are available' }]);
    expect([await unusedOfLote(lote.id, 'CE-MEX'), await unusedOfLote(lote.id, 'MEX-P002')]).toEqual([2, 4]);
  });
});

// Certificate requests run in VER-P002, whose folios only this file gives out (no demo account works there).
describe('Certificate requests (P 2.2-2.3, R 20)', () => {
  const request = (alumnoId: string, token: string) => gql(server, CreateCertificadoDocument, { input: { alumnoId } }, token);

  it("P 2.2-2.3: only a student who completed the plan gets a certificate and a folio, only from the plantel's Servicios Escolares", async () => {
    const escolares = await tokenOfNewPerson('SERVICIOS_ESCOLARES_PLANTEL', 'VER-P002');
    const lote = await make.loteFolios(server.db, { unit: 'CE-VER', plantel: 'VER-P002', cantidad: 1 });
    const notDone = await make.alumno(server.db, { unit: 'VER-P002' });
    const refused = await request(notDone.globalId, escolares);
    expect(codeOf(refused)).toBe('INVALID_TRANSITION');
    expect(refused.errors![0].message).toMatch(/has not completed the plan/);
    expect(await unusedOfLote(lote.id, 'VER-P002')).toBe(1);

    const done = await make.alumno(server.db, { unit: 'VER-P002', planConcluido: true });
    const state = async () => ({
      alumno: (
        await gql(
          server,
          `query($id: ID!) { node(id: $id) { ... on Alumno { matricula certificados { id } } } }`,
          { id: done.globalId },
          as('admin'),
        )
      ).data,
      unused: await unusedOfLote(lote.id, 'VER-P002'),
    });
    expect((await state()).alumno).toMatchObject({ node: { certificados: [] } });
    // No demo person is Servicios Escolares of VER-P002 (escolares.p001 holds the role elsewhere).
    await expectOnlyAllowed(tokens, [], (t) => request(done.globalId, t), state);
    const ok = await request(done.globalId, escolares);
    expect(ok.data!.createCertificado).toMatchObject({
      estado: 'SOLICITADO',
      alumno: { id: done.globalId },
      folio: { numero: lote.folios[0].numero },
    });
    expect(await unusedOfLote(lote.id, 'VER-P002')).toBe(0);
  });

  it('P 2.2-2.3: concurrent requests for four folios give four certificates, each with its own folio', async () => {
    const escolares = await tokenOfNewPerson('SERVICIOS_ESCOLARES_PLANTEL', 'VER-P002');
    const lote = await make.loteFolios(server.db, { unit: 'CE-VER', plantel: 'VER-P002', cantidad: 4 });
    const alumnos = await Promise.all([1, 2, 3, 4].map(() => make.alumno(server.db, { unit: 'VER-P002', planConcluido: true })));
    // Five concurrent requests (one twice for the same student) for four folios.
    const results = await Promise.all([...alumnos, alumnos[3]].map((a) => request(a.globalId, escolares)));
    const ok = results.filter((r) => !r.errors).map((r) => r.data!.createCertificado);
    expect(ok, JSON.stringify(results.map((r) => r.errors))).toHaveLength(4);
    expect(new Set(ok.map((c) => c.folio.numero))).toEqual(new Set(lote.folios.map((f) => f.numero)));
    expect(new Set(ok.map((c) => c.alumno.id))).toEqual(new Set(alumnos.map((a) => a.globalId)));
    expect(results.filter((r) => r.errors).map(codeOf)).toEqual(['BAD_USER_INPUT']);
    // The plantel may only correct the data (R 24) until the state office reviews it.
    expect(ok.every((c) => c.estado === 'SOLICITADO' && c.availableSteps.join() === 'updateCertificado')).toBe(true);
    expect(await unusedOfLote(lote.id, 'VER-P002')).toBe(0);
  });

  it('P 2.2: with no unused folio left in the plantel the request is refused and nothing is written', async () => {
    const escolares = await tokenOfNewPerson('SERVICIOS_ESCOLARES_PLANTEL', 'VER-P002');
    const lote = await make.loteFolios(server.db, { unit: 'CE-VER', plantel: 'VER-P002', cantidad: 1 });
    const first = await make.alumno(server.db, { unit: 'VER-P002', planConcluido: true });
    expect((await request(first.globalId, escolares)).errors).toBeUndefined();
    expect(await unusedOfLote(lote.id, 'VER-P002')).toBe(0);
    const second = await make.alumno(server.db, { unit: 'VER-P002', planConcluido: true });
    const r = await request(second.globalId, escolares);
    expect(codeOf(r)).toBe('CONFLICT');
    expect(r.errors![0].message).toMatch(/no unused folio/);
    expect(await server.db.certificado.count({ where: { alumnoId: second.id } })).toBe(0);
  });
});

describe('Certificate chain (P 2.4, R 17-24, DG 3-7)', () => {
  it('R 21, 24: the spelling review returns the request with observations; the plantel corrects and resubmits it', async () => {
    const cert = await make.certificado(server.db, { estado: 'SOLICITADO' });
    expect(issuesOf(await runStep(ReturnCertificadoDocument as StepDoc, cert.globalId, 'escolares.mex'))).toEqual([
      { path: ['input', 'observaciones'], message: 'Observations are required for this step' },
    ]);
    await certStepAs(cert.globalId, ReturnCertificadoDocument as StepDoc, 'escolares.mex', 'EN_CORRECCION', {
      observaciones: 'Segundo apellido con acento',
    });
    await certStepAs(cert.globalId, SubmitCertificadoDocument as StepDoc, 'escolares.p001', 'SOLICITADO');
    expect(await lastSteps(cert.globalId, 2)).toEqual([
      'returnCertificado:JEFE_SERVICIOS_ESCOLARES_ESTATAL',
      'submitCertificado:SERVICIOS_ESCOLARES_PLANTEL',
    ]);
  });

  it('P 2.4, DG 3-5, R 17: authorised by the state office, then three signatures strictly in order', async () => {
    const id = (await make.certificado(server.db, { estado: 'SOLICITADO' })).globalId;
    await certStepAs(id, ApproveCertificadoAsJefeServiciosEscolaresEstatalDocument as StepDoc, 'escolares.mex', 'POR_FIRMAR_PLANTEL');
    // Out of order: the state and national directors (and COSFAC) cannot act before the plantel's director.
    expect(codeOf(await runStep(SignCertificadoAsDirectorGeneralEstatalDocument as StepDoc, id, 'dg.mex'))).toBe('INVALID_TRANSITION');
    expect(codeOf(await runStep(SignCertificadoAsDirectorGeneralNacionalDocument as StepDoc, id, 'dg.nacional'))).toBe(
      'INVALID_TRANSITION',
    );
    expect(codeOf(await runStep(ApproveCertificadoAsCosfacDocument as StepDoc, id, 'cosfac'))).toBe('INVALID_TRANSITION');
    await certStepAs(id, SignCertificadoAsDirectorPlantelDocument as StepDoc, 'director.p001', 'POR_FIRMAR_DG_ESTATAL');
    expect(codeOf(await runStep(SignCertificadoAsDirectorGeneralNacionalDocument as StepDoc, id, 'dg.nacional'))).toBe(
      'INVALID_TRANSITION',
    );
    await certStepAs(id, SignCertificadoAsDirectorGeneralEstatalDocument as StepDoc, 'dg.mex', 'POR_FIRMAR_DG_NACIONAL');
    await certStepAs(id, SignCertificadoAsDirectorGeneralNacionalDocument as StepDoc, 'dg.nacional', 'POR_VALIDAR_COSFAC');
    expect(await lastSteps(id, 4)).toEqual([
      'approveCertificadoAsJefeServiciosEscolaresEstatal:JEFE_SERVICIOS_ESCOLARES_ESTATAL',
      'signCertificadoAsDirectorPlantel:DIRECTOR_PLANTEL',
      'signCertificadoAsDirectorGeneralEstatal:DIRECTOR_GENERAL_ESTATAL',
      'signCertificadoAsDirectorGeneralNacional:DIRECTOR_GENERAL_NACIONAL',
    ]);
  });

  it('DG 6.1, DG 7, P 3.1 (F02): COSFAC releases the certificate, the state office instructs the delivery, the plantel delivers it with the receipt', async () => {
    const id = (await make.certificado(server.db, { estado: 'POR_VALIDAR_COSFAC' })).globalId;
    expect(codeOf(await runStep(DeliverCertificadoDocument as StepDoc, id, 'escolares.p001', { entregadoA: 'Ana García' }))).toBe(
      'INVALID_TRANSITION',
    );
    await certStepAs(id, ApproveCertificadoAsCosfacDocument as StepDoc, 'cosfac', 'LIBERADO');
    // DG 7: not before the state office's instruction, which only its Jefatura gives.
    expect(codeOf(await runStep(DeliverCertificadoDocument as StepDoc, id, 'escolares.p001', { entregadoA: 'Ana García' }))).toBe(
      'INVALID_TRANSITION',
    );
    expect(codeOf(await runStep(SendCertificadoDocument as StepDoc, id, 'escolares.p001'))).toBe('FORBIDDEN');
    await certStepAs(id, SendCertificadoDocument as StepDoc, 'escolares.mex', 'POR_ENTREGAR');
    expect(issuesOf(await runStep(DeliverCertificadoDocument as StepDoc, id, 'escolares.p001', { entregadoA: ' ' }))).toEqual([
      { path: ['input', 'entregadoA'], message: 'Must not be empty' },
    ]);
    await certStepAs(id, DeliverCertificadoDocument as StepDoc, 'escolares.p001', 'ENTREGADO', { entregadoA: 'Luis López Pérez' });
    expect((await readCert(id))!.entregadoA).toBe('Luis López Pérez');
    expect(await lastSteps(id, 3)).toEqual([
      'approveCertificadoAsCosfac:COSFAC',
      'sendCertificado:JEFE_SERVICIOS_ESCOLARES_ESTATAL',
      'deliverCertificado:SERVICIOS_ESCOLARES_PLANTEL',
    ]);
  });

  it('R 18, 28 (F03): the state office replaces a delivered certificate once, with a folio of its own', async () => {
    const replace = (id: string, token = as('escolares.mex')) =>
      gql(server, CreateCertificadoReposicionDocument, { input: { certificadoId: id, motivo: 'Extravío' } }, token);
    const pending = await make.certificado(server.db, { estado: 'SOLICITADO' });
    expect(codeOf(await replace(pending.globalId))).toBe('INVALID_TRANSITION');
    const delivered = await make.certificado(server.db, { estado: 'ENTREGADO' });
    await make.loteFolios(server.db, { unit: 'CE-MEX', cantidad: 1 }); // at least one unused folio at the state office
    const state = async () => ({
      cert: await readCert(delivered.globalId),
      replacements: await server.db.certificado.count({ where: { reponeAId: delivered.id } }),
    });
    expect(await state()).toMatchObject({ cert: { estado: 'ENTREGADO', repuestoPor: null }, replacements: 0 });
    await expectOnlyAllowed(tokens, ['escolares.mex'], (t) => replace(delivered.globalId, t), state);
    const repo = (await replace(delivered.globalId)).data!.createCertificadoReposicion;
    expect(repo).toMatchObject({
      tipo: 'REPOSICION',
      estado: 'SOLICITADO',
      motivoReposicion: 'Extravío',
      reponeA: { id: delivered.globalId, estado: 'ENTREGADO' },
      unit: { code: 'MEX-P001' },
    });
    const folio = await server.db.folio.findUniqueOrThrow({ where: { numero: repo.folio.numero }, select: { unitId: true } });
    expect(folio.unitId).toBe(await unitUuid('CE-MEX'));
    expect(issuesOf(await replace(delivered.globalId))).toEqual([
      { path: ['input', 'certificadoId'], message: 'This certificate was already replaced' },
    ]);
  });
});

describe('Bajas (R 15, F04)', () => {
  it('R 15 (F04): the plantel reports a baja; the student becomes BAJA and cannot be reported again', async () => {
    const alumno = await make.alumno(server.db, { unit: 'MEX-P001' });
    const report = {
      input: { alumnoId: alumno.globalId, fecha: '2025-04-02T00:00:00Z', motivo: 'Cambio de domicilio', solicitudTutor: true },
    };
    const state = async () => ({
      alumno: (await gql(server, `query($id: ID!) { node(id: $id) { ... on Alumno { estatus } } }`, { id: alumno.globalId }, as('admin')))
        .data,
      bajas: await server.db.baja.count({ where: { alumnoId: alumno.id } }),
    });
    expect(await state()).toEqual({ alumno: { node: { estatus: 'INSCRITO' } }, bajas: 0 });
    await expectOnlyAllowed(tokens, ['escolares.p001'], (t) => gql(server, CreateBajaDocument, report, t), state);
    const reported = (await gql(server, CreateBajaDocument, report, as('escolares.p001'))).data!.createBaja;
    expect(reported).toMatchObject({ estado: 'REPORTADA', alumno: { estatus: 'BAJA' }, unit: { code: 'MEX-P001' } });
    // A baja (or a graduate) cannot be reported again: the precondition is declared, so the engine refuses it.
    const again = await gql(server, CreateBajaDocument, report, as('escolares.p001'));
    expect(codeOf(again)).toBe('INVALID_TRANSITION');
    expect(again.errors![0].message).toMatch(/neither a baja already nor a graduate; this Alumno is BAJA/);
    expect(await server.db.baja.count({ where: { alumnoId: alumno.id } })).toBe(1);
  });

  it('R 15: the state office routes the baja to Psicopedagogía, which records what it did', async () => {
    const baja = await make.baja(server.db, { estado: 'REPORTADA' });
    const id = baja.globalId;
    const state = async () =>
      (await gql(server, `query($id: ID!) { node(id: $id) { ... on Baja { estado version atencion } } }`, { id }, as('admin'))).data;
    expect(await state()).toEqual({ node: { estado: 'REPORTADA', version: 0, atencion: null } });
    await expectOnlyAllowed(tokens, ['escolares.mex'], (t) => gql(server, SendBajaDocument, { input: { id } }, t), state);
    expect(codeOf(await gql(server, CloseBajaDocument, { input: { id, observaciones: 'x' } }, as('psicopedagogia.mex')))).toBe(
      'INVALID_TRANSITION',
    );
    expect((await gql(server, SendBajaDocument, { input: { id } }, as('escolares.mex'))).data!.sendBaja.estado).toBe('CANALIZADA');
    expect(issuesOf(await gql(server, CloseBajaDocument, { input: { id } }, as('psicopedagogia.mex')))[0].path).toEqual([
      'input',
      'observaciones',
    ]);
    await expectOnlyAllowed(
      tokens,
      ['psicopedagogia.mex'],
      (t) => gql(server, CloseBajaDocument, { input: { id, observaciones: 'x' } }, t),
      state,
    );
    const atencion = 'Entrevista con tutor; canalizado a CONALEP de su nuevo domicilio';
    const attended = (await gql(server, CloseBajaDocument, { input: { id, observaciones: atencion } }, as('psicopedagogia.mex'))).data!
      .closeBaja;
    expect(attended).toMatchObject({ estado: 'ATENDIDA', atencion });
    const listed = (
      await gql(server, BajasDocument, { filter: { unitId: units['MEX-P001'], estado: ['ATENDIDA'] } }, as('psicopedagogia.mex'))
    ).data!.bajas;
    expect(listed.edges.map((e) => e.node.id)).toContain(id);
  });
});

describe('Students (scope and personal data)', () => {
  const list = async (who: string, filter: Record<string, unknown>) =>
    (await gql(server, AlumnosDocument, { filter, first: 100 }, as(who))).data!.alumnos;

  it("shows a plantel only its students, a state office its planteles', and another state none", async () => {
    const generacion = await freshGeneracion();
    const made = await Promise.all(['MEX-P001', 'MEX-P001', 'MEX-P002'].map((code) => make.alumno(server.db, { unit: code, generacion })));
    const seen = async (who: string) => (await list(who, { generacion })).edges.map((e) => e.node.id).sort();
    const ids = (...i: number[]) => i.map((k) => made[k].globalId).sort();
    // The national administrator sees all three: the refusals below are not vacuous.
    expect(await seen('admin')).toEqual(ids(0, 1, 2));
    expect(await seen('escolares.p001')).toEqual(ids(0, 1));
    expect(await seen('escolares.p002')).toEqual(ids(2));
    expect(await seen('escolares.mex')).toEqual(ids(0, 1, 2));
    expect(await seen('dg.ver')).toEqual([]);
    expect((await list('escolares.mex', { generacion })).totalCount).toBe(3);
  });

  it('masks the CURP for roles that do not need it', async () => {
    const alumno = await make.alumno(server.db, { unit: 'MEX-P001' });
    const { matricula } = await server.db.alumno.findUniqueOrThrow({ where: { id: alumno.id }, select: { matricula: true } });
    const curpOf = async (who: string) => {
      const edges = (await list(who, { matricula })).edges;
      expect(edges).toHaveLength(1); // the reader sees the student
      return edges[0].node.curp;
    };
    const full = await curpOf('escolares.p001');
    expect(full).toMatch(/^[A-Z0-9]{18}$/);
    expect(await curpOf('director.p001')).toBe(full);
    for (const who of ['cce.p001', 'dg.mex', 'dstc']) expect(await curpOf(who)).toBe(full.slice(0, 4) + '*'.repeat(12) + full.slice(-2));
  });

  it('lists the students with their certificates', async () => {
    const generacion = await freshGeneracion();
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => make.alumno(server.db, { unit: 'MEX-P001', generacion, planConcluido: true })));
    await make.certificado(server.db, { estado: 'ENTREGADO', alumno: a });
    await make.certificado(server.db, { estado: 'SOLICITADO', alumno: b });
    const page = await list('escolares.p001', { generacion });
    const byId = Object.fromEntries(page.edges.map((e) => [e.node.id, e.node.certificados.map((x) => x.estado)]));
    expect(byId).toEqual({ [a.globalId]: ['ENTREGADO'], [b.globalId]: ['SOLICITADO'], [c.globalId]: [] });
  });

  it('runs the same number of SQL statements for a page of 3 or 6 students with certificates (no N+1)', async () => {
    const withCertificates = async (n: number) => {
      const generacion = await freshGeneracion();
      for (let i = 0; i < n; i++) {
        await make.certificado(server.db, { alumno: await make.alumno(server.db, { unit: 'MEX-P001', generacion, planConcluido: true }) });
      }
      return generacion;
    };
    const [small, large] = [await withCertificates(3), await withCertificates(6)];
    const page = (generacion: number, size: number) => () =>
      gql(server, AlumnosDocument, { filter: { generacion }, first: 50 }, as('escolares.mex')).then((r) =>
        expect(r.data!.alumnos.edges.length).toBe(size),
      );
    expect(await statementsFor(page(small, 3))).toBe(await statementsFor(page(large, 6)));
  });
});

describe('Eficiencia terminal (Indicadores)', () => {
  /** Generation `g`: MEX-P001 5 students (2 graduates), MEX-P002 2 (none), VER-P001 1 (a graduate). */
  async function generation() {
    const generacion = await freshGeneracion();
    const students: [string, boolean][] = [
      ['MEX-P001', true],
      ['MEX-P001', true],
      ['MEX-P001', false],
      ['MEX-P001', false],
      ['MEX-P001', false],
      ['MEX-P002', false],
      ['MEX-P002', false],
      ['VER-P001', true],
    ];
    await Promise.all(students.map(([code, planConcluido]) => make.alumno(server.db, { unit: code, generacion, planConcluido })));
    const et = async (who: string, nivel: 'PLANTEL' | 'COLEGIO_ESTATAL' | 'NACIONAL') =>
      (await gql(server, EficienciaTerminalDocument, { generacion, nivel }, as(who))).data!.eficienciaTerminal.map((r) => [
        r.unitCode,
        r.inscritos,
        r.egresados,
        r.eficiencia,
      ]);
    return et;
  }

  it('computes it per plantel, per state and for the nation', async () => {
    const et = await generation();
    expect(await et('escolares.mex', 'PLANTEL')).toEqual([
      ['MEX-P001', 5, 2, 40],
      ['MEX-P002', 2, 0, 0],
    ]);
    expect(await et('admin', 'COLEGIO_ESTATAL')).toEqual([
      ['CE-MEX', 7, 2, 28.57],
      ['CE-VER', 1, 1, 100],
    ]);
    expect(await et('dstc', 'NACIONAL')).toEqual([[null, 8, 3, 37.5]]);
  });

  it('computes it over what each reader may see', async () => {
    const et = await generation();
    expect(await et('dg.mex', 'COLEGIO_ESTATAL')).toEqual([['CE-MEX', 7, 2, 28.57]]);
    expect(await et('escolares.p001', 'NACIONAL')).toEqual([[null, 5, 2, 40]]);
    expect(await et('dg.ver', 'NACIONAL')).toEqual([[null, 1, 1, 100]]);
    // A reader without students in reach gets the national row, empty.
    expect(await et('conocer.dvd', 'NACIONAL')).toEqual([[null, 0, 0, null]]);
  });
});

describe('SISEAC follow-up (R 8-15)', () => {
  /** A plantel's group in a fresh period: `notas[i]` are student i's grades in the three modules, the same in cortes 1-3. */
  async function corte(code: string, notas: number[][], estatus?: 'BAJA') {
    const periodo = await freshPeriodo();
    const [docente, ...modulos] = [
      await make.docente(server.db, { unit: code }),
      await make.modulo(server.db),
      await make.modulo(server.db),
      await make.modulo(server.db),
    ];
    const alumnos = [];
    for (const n of notas) {
      const alumno = await make.alumno(server.db, { unit: code, estatus });
      for (const c of [1, 2, 3]) await grade(alumno, docente, modulos, periodo, c, n);
      alumnos.push({
        ...alumno,
        matricula: (await server.db.alumno.findUniqueOrThrow({ where: { id: alumno.id }, select: { matricula: true } })).matricula,
      });
    }
    return { periodo, docente, modulos, alumnos };
  }

  it('R 12b: lists the students at risk of a plantel in a corte by the documented rule', async () => {
    const g = await corte('MEX-P001', [
      [5, 5, 8],
      [5, 4, 9],
      [8, 8, 8],
      [5, 9, 9],
      [3, 3, 3],
    ]);
    const risk = async (who: string, vars: Record<string, unknown> = {}) =>
      (await gql(server, AlumnosEnRiesgoDocument, { plantelId: units['MEX-P001'], periodo: g.periodo, corte: 2, ...vars }, as(who))).data!
        .alumnosEnRiesgo;
    const r = await risk('escolares.p001');
    expect(r.regla).toBe('2 o más módulos con calificación menor a 6 en el corte 2');
    expect(r.total).toBe(3);
    expect(r.alumnos.map((a) => [a.alumno.matricula, a.reprobados, a.evaluados])).toEqual([
      [g.alumnos[4].matricula, 3, 3],
      ...[g.alumnos[0], g.alumnos[1]].map((a) => [a.matricula, 2, 3]).sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    ]);
    expect((await risk('escolares.p001', { minReprobados: 3 })).alumnos.map((a) => a.alumno.matricula)).toEqual([g.alumnos[4].matricula]);
    // Another plantel's Servicios Escolares does not see them (escolares.p001 did, above).
    expect((await risk('escolares.p002')).total).toBe(0);
    const bad = await gql(
      server,
      AlumnosEnRiesgoDocument,
      { plantelId: units['MEX-P001'], periodo: g.periodo, corte: 4 },
      as('escolares.p001'),
    );
    expect(issuesOf(bad)).toEqual([{ path: ['corte'], message: 'Must be 1, 2 or 3' }]);
  });

  it('R 12b: a student who is a baja is not listed at risk', async () => {
    const g = await corte('MEX-P001', [[5, 5, 5]], 'BAJA');
    const r = await gql(
      server,
      AlumnosEnRiesgoDocument,
      { plantelId: units['MEX-P001'], periodo: g.periodo, corte: 1 },
      as('escolares.p001'),
    );
    expect(r.data!.alumnosEnRiesgo.total).toBe(0);
    expect(await server.db.evaluacion.count({ where: { periodo: g.periodo, corte: 1 } })).toBe(3);
  });

  it('R 12c: the SISEAC report of a corte by module and teacher points at the missing evaluation records', async () => {
    const g = await corte('MEX-P001', [
      [5, 5, 8],
      [8, 4, 9],
      [8, 8, 8],
    ]);
    const report = async () => {
      const r = await gql(
        server,
        ReporteSiseacDocument,
        { plantelId: units['MEX-P001'], periodo: g.periodo, corte: 2 },
        as('escolares.p001'),
      );
      expect(r.errors).toBeUndefined();
      return r.data!.reporteSiseac;
    };
    const claves = g.modulos.map((m) => m.clave);
    const byModule = async () =>
      Object.fromEntries((await report()).porModulo.map((l) => [l.clave, [l.evaluados, l.reprobados, l.faltantes]]));
    expect(await byModule()).toEqual({ [claves[0]]: [3, 1, 0], [claves[1]]: [3, 2, 0], [claves[2]]: [3, 0, 0] });
    // A grade not recorded for corte 2: the report points at it.
    await server.db.evaluacion.deleteMany({ where: { alumnoId: g.alumnos[2].id, moduloId: g.modulos[2].id, corte: 2 } });
    expect((await byModule())[claves[2]]).toEqual([2, 0, 1]);
    // By teacher, a student counts as missing only without any of that teacher's grades in the corte.
    expect((await report()).porDocente).toEqual([
      expect.objectContaining({ clave: g.docente.id, evaluados: 8, reprobados: 3, faltantes: 0 }),
    ]);
  });

  it("R 12b: shows a student's individual progress in a corte", async () => {
    const g = await corte('MEX-P001', [[9, 5, 7]]);
    const grades = await gql(
      server,
      AlumnoEvaluacionesDocument,
      { id: g.alumnos[0].globalId, periodo: g.periodo, corte: 1 },
      as('escolares.p001'),
    );
    const node = grades.data!.node as { evaluaciones: { corte: number; calificacion: number; modulo: { clave: string } }[] };
    expect(node.evaluaciones.map((e) => [e.modulo.clave, e.corte, e.calificacion]).sort()).toEqual(
      g.modulos.map((m, i) => [m.clave, 1, [9, 5, 7][i]]).sort(),
    );
  });

  it('R 12c: records the three risk-review meetings of a semester with their agreements', async () => {
    const periodo = `${await freshYear((y) => server.db.reunionRiesgo.count({ where: { periodo: { startsWith: `${y}-` } } }))}-1`;
    await make.reunionRiesgo(server.db, { periodo, numero: 2 });
    const meeting = (numero: number, acuerdos = ['Asesorías para 4 estudiantes en riesgo']) => ({
      input: { periodo, numero, fecha: '2025-03-15T16:00:00Z', acuerdos },
    });
    const meetings = async () =>
      (
        await gql(server, ReunionesRiesgoDocument, { filter: { unitId: units['CE-MEX'], periodo } }, as('admin'))
      ).data!.reunionesRiesgo.edges.map((e) => e.node.numero);
    expect(await meetings()).toEqual([2]); // the reader sees the period's meetings
    await expectOnlyAllowed(tokens, ['escolares.mex'], (t) => gql(server, CreateReunionRiesgoDocument, meeting(1), t), meetings);
    expect((await gql(server, CreateReunionRiesgoDocument, meeting(1), as('escolares.mex'))).data!.createReunionRiesgo).toMatchObject({
      periodo,
      numero: 1,
      unit: { code: 'CE-MEX' },
    });
    expect(issuesOf(await gql(server, CreateReunionRiesgoDocument, meeting(1), as('escolares.mex')))).toEqual([
      { path: ['input', 'numero'], message: 'This meeting of the semester is already recorded' },
    ]);
    expect(issuesOf(await gql(server, CreateReunionRiesgoDocument, meeting(4, []), as('escolares.mex')))).toEqual([
      { path: ['input', 'numero'], message: 'There are three meetings per semester: 1, 2 or 3' },
      { path: ['input', 'acuerdos'], message: 'Record at least one agreement' },
    ]);
    expect(await meetings()).toEqual([1, 2]);
  });

  it("R 14 (F05): assigns complementary tutoring in the student's plantel only", async () => {
    const alumno = await make.alumno(server.db, { unit: 'MEX-P001' });
    const modulo = await make.modulo(server.db);
    await make.asesoriaComplementaria(server.db, { alumno });
    const input = {
      input: { alumnoId: alumno.globalId, moduloClave: modulo.clave, periodo: '2025-1', motivo: 'Reprobó 2 módulos en el corte 1' },
    };
    const state = async () => ({
      alumno: (await gql(server, `query($id: ID!) { node(id: $id) { id } }`, { id: alumno.globalId }, as('escolares.p001'))).data,
      asesorias: await server.db.asesoriaComplementaria.count({ where: { alumnoId: alumno.id } }),
    });
    expect(await state()).toEqual({ alumno: { node: { id: alumno.globalId } }, asesorias: 1 });
    await expectOnlyAllowed(tokens, ['escolares.p001'], (t) => gql(server, CreateAsesoriaComplementariaDocument, input, t), state);
    const r = await gql(server, CreateAsesoriaComplementariaDocument, input, as('escolares.p001'));
    expect(r.data!.createAsesoriaComplementaria).toMatchObject({
      alumno: { matricula: expect.any(String) as string },
      modulo: { clave: modulo.clave },
      periodo: '2025-1',
    });
    expect(issuesOf(await gql(server, CreateAsesoriaComplementariaDocument, input, as('escolares.p001')))).toEqual([
      { path: ['input', 'moduloClave'], message: 'The student already has tutoring in this module this period' },
    ]);
    expect(
      issuesOf(
        await gql(
          server,
          CreateAsesoriaComplementariaDocument,
          { input: { ...input.input, moduloClave: `NOPE-${uniq()}` } },
          as('escolares.p001'),
        ),
      )[0].path,
    ).toEqual(['input', 'moduloClave']);
    expect(await server.db.asesoriaComplementaria.count({ where: { alumnoId: alumno.id } })).toBe(2);
  });
});

describe('School calendar (R 8, 12a)', () => {
  const cortesOf = (year: number) => [
    { corte: 1, inicio: `${year}-02-03T00:00:00Z`, fin: `${year}-03-14T00:00:00Z` },
    { corte: 2, inicio: `${year}-03-17T00:00:00Z`, fin: `${year}-05-02T00:00:00Z` },
    { corte: 3, inicio: `${year}-05-05T00:00:00Z`, fin: `${year}-06-20T00:00:00Z` },
  ];
  const read = async (periodo: string, who: string) =>
    (await gql(server, CortesCalendarioDocument, { colegioEstatalId: units['CE-MEX'], periodo }, as(who))).data!.cortesCalendario.map(
      (c) => [c.corte, c.inicio.slice(0, 10), c.fin.slice(0, 10)],
    );
  const freshCalendarYear = () => freshYear((y) => server.db.corteCalendario.count({ where: { periodo: `${y}-1` } }));

  it("R 8, 12a: publishes a period's three cortes without overlaps; every plantel reads them", async () => {
    const year = await freshCalendarYear();
    const periodo = `${year}-1`;
    const cortes = cortesOf(year);
    const overlapping = [cortes[0], { ...cortes[1], inicio: `${year}-03-01T00:00:00Z` }, cortes[2]];
    expect(
      issuesOf(await gql(server, PublishCorteCalendarioDocument, { input: { periodo, cortes: overlapping } }, as('escolares.mex'))),
    ).toEqual([{ path: ['input', 'cortes', 1, 'inicio'], message: 'Must start after the previous corte ends' }]);
    expect(await read(periodo, 'escolares.p001')).toEqual([]);
    expect((await gql(server, PublishCorteCalendarioDocument, { input: { periodo, cortes } }, as('escolares.mex'))).errors).toBeUndefined();
    const expected = [
      [1, `${year}-02-03`, `${year}-03-14`],
      [2, `${year}-03-17`, `${year}-05-02`],
      [3, `${year}-05-05`, `${year}-06-20`],
    ];
    for (const who of ['escolares.p001', 'escolares.p002', 'director.p001']) expect(await read(periodo, who)).toEqual(expected);
  });

  it("R 8, 12a: only the state's Servicios Escolares publishes or replaces a calendar; the cortes keep their ids", async () => {
    const made = await make.corteCalendario(server.db);
    const year = Number(made.periodo.slice(0, 4));
    const before = await read(made.periodo, 'escolares.p001');
    expect(before).toHaveLength(3); // the readers see the published calendar
    const cortes = cortesOf(year);
    await expectOnlyAllowed(
      tokens,
      ['escolares.mex'],
      (t) => gql(server, PublishCorteCalendarioDocument, { input: { periodo: made.periodo, cortes } }, t),
      () => read(made.periodo, 'escolares.p001'),
    );
    expect(
      (await gql(server, PublishCorteCalendarioDocument, { input: { periodo: made.periodo, cortes } }, as('escolares.mex'))).errors,
    ).toBeUndefined();
    expect((await read(made.periodo, 'escolares.p001')).map((c) => c[1])).toEqual(cortes.map((c) => c.inicio.slice(0, 10)));
    const ids = (
      await server.db.corteCalendario.findMany({
        where: { unitId: await unitUuid('CE-MEX'), periodo: made.periodo },
        orderBy: { corte: 'asc' },
        select: { id: true },
      })
    ).map((c) => c.id);
    expect(ids).toEqual(made.cortes);
  });
});

describe('SAE files (R 9-10), corrections (R 24), older models (R 18, 28-29), eficiencia terminal (L169)', () => {
  const importar = (tipo: 'ALUMNOS' | 'GRUPOS' | 'DOCENTES' | 'EVALUACIONES', contenido: string, who = 'escolares.p001') =>
    gql(server, CreateImportacionSaeDocument, { input: { tipo, nombreArchivo: `${tipo.toLowerCase()}.csv`, contenido } }, as(who));

  it('R 9-10: a file with a bad row imports nothing and names every bad row; fixed, it imports; the same file again changes nothing', async () => {
    const t = uniq().slice(-6).toUpperCase();
    const header =
      'plantel,matricula,curp,nombre,primerApellido,segundoApellido,generacion,semestreIngreso,semestre,carrera,modeloAcademico,estatus';
    const rows = [
      `MEX-P001,S${t}01,GOMA050101HMCRRN09,Ana,Gómez,Ruiz,2025,1,1,Informática,2023,INSCRITO`,
      `MEX-P001,S${t}02,LOPL050202MMCPRS01,Luisa,López,,2025,1,1,Informática,M2023,`,
      `MEX-P001,S${t}03,PEPJ050303HMCRRN02,"Juan, José",Pérez,Paz,2025,3,3,Enfermería,M2023,INSCRITO`,
    ];
    const count = () => server.db.alumno.count({ where: { matricula: { startsWith: `S${t}` } } });
    // Line 3: a CURP that is not one; line 4: a plantel of another state and semester 9.
    const bad = [
      rows[0],
      rows[1].replace('LOPL050202MMCPRS01', 'LOPL0502'),
      rows[2].replace('MEX-P001', 'VER-P001').replace(',3,3,', ',3,9,'),
    ];
    const refused = await importar('ALUMNOS', [header, ...bad].join('\n'));
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(issuesOf(refused).map((i) => i.path)).toEqual([
      ['input', 'contenido', 3, 'curp'],
      ['input', 'contenido', 4, 'plantel'],
      ['input', 'contenido', 4, 'semestre'],
    ]);
    expect(issuesOf(refused)[0].message).toBe('Line 3, curp: No es una CURP'); // the test client asks for English (Accept-Language: en);
    expect(await count()).toBe(0);

    const file = [header, ...rows].join('\r\n');
    const ok = await importar('ALUMNOS', file);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.createImportacionSae).toMatchObject({
      filas: 3,
      creadas: 3,
      actualizadas: 0,
      sinCambios: 0,
      unit: { code: 'MEX-P001' },
      history: [{ transition: 'createImportacionSae', actorRole: 'SERVICIOS_ESCOLARES_PLANTEL' }],
    });
    expect(await count()).toBe(3);
    const juan = await server.db.alumno.findUniqueOrThrow({ where: { matricula: `S${t}03` } });
    expect(juan).toMatchObject({ nombre: 'Juan, José', semestreIngreso: 3, modeloAcademico: 'M2023', estatus: 'INSCRITO' });

    const again = (await importar('ALUMNOS', file)).data!.createImportacionSae;
    expect(again).toMatchObject({ filas: 3, creadas: 0, actualizadas: 0, sinCambios: 3 });
    const corrected = (
      await importar('ALUMNOS', [header, rows[0], rows[1], rows[2].replace('Enfermería', 'Enfermería General')].join('\n'))
    ).data!.createImportacionSae;
    expect(corrected).toMatchObject({ creadas: 0, actualizadas: 1, sinCambios: 2 });
    // Another plantel cannot import into MEX-P001, nor a role outside school services.
    expect(codeOf(await importar('ALUMNOS', file, 'escolares.p002'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await importar('ALUMNOS', file, 'director.p001'))).toBe('FORBIDDEN');
  });

  it('R 9-10: groups, teachers and the grades of a corte, each matched on its SAE key', async () => {
    const t = uniq().slice(-6).toUpperCase();
    const periodo = '2025-1';
    const modulo = await make.modulo(server.db);
    expect((await importar('GRUPOS', `plantel,periodo,clave,semestre\nMEX-P001,${periodo},G${t},1`)).errors).toBeUndefined();
    expect((await importar('DOCENTES', `plantel,clave,nombre\nMEX-P001,D${t},Mtra. Rosa Díaz`)).errors).toBeUndefined();
    const alumnos = `plantel,matricula,curp,nombre,primerApellido,generacion,semestreIngreso,semestre,carrera,modeloAcademico,grupo,periodo\nMEX-P001,E${t},GOMA050101HMCRRN09,Ana,Gómez,2025,1,1,Informática,M2023,G${t},${periodo}`;
    expect((await importar('ALUMNOS', alumnos)).errors).toBeUndefined();
    const grades = (c: string) =>
      `plantel,matricula,modulo,docente,periodo,corte,calificacion\nMEX-P001,E${t},${modulo.clave},D${t},${periodo},1,${c}`;
    // A teacher unknown in the plantel, a grade above 10.
    const bad = await importar('EVALUACIONES', grades('10.5').replace(`D${t}`, 'NADIE'));
    expect(issuesOf(bad).map((i) => i.path.slice(2))).toEqual([[2, 'calificacion']]);
    expect(issuesOf(await importar('EVALUACIONES', grades('8.5').replace(`D${t}`, 'NADIE'))).map((i) => i.path.slice(2))).toEqual([
      [2, 'docente'],
    ]);
    expect((await importar('EVALUACIONES', grades('8.5'))).data!.createImportacionSae).toMatchObject({ creadas: 1 });
    expect((await importar('EVALUACIONES', grades('9'))).data!.createImportacionSae).toMatchObject({ creadas: 0, actualizadas: 1 });
    const alumno = await server.db.alumno.findUniqueOrThrow({
      where: { matricula: `E${t}` },
      select: { grupo: { select: { clave: true } }, evaluaciones: true },
    });
    expect(alumno.grupo?.clave).toBe(`G${t}`);
    expect(alumno.evaluaciones.map((e) => Number(e.calificacion))).toEqual([9]);
  });

  it('R 24: names, surnames and career are corrected for the certificate during the review, and the audit keeps before and after', async () => {
    const cert = await make.certificado(server.db, { estado: 'EN_CORRECCION' });
    const fix = (input: Record<string, unknown>, who: string) =>
      gql(server, UpdateCertificadoDocument, { input: { id: cert.globalId, ...input } as never }, as(who));
    expect(issuesOf(await fix({}, 'escolares.p001'))).toEqual([{ path: ['input'], message: 'Give at least one field to correct' }]);
    expect(codeOf(await fix({ nombre: 'Ana' }, 'director.p001'))).toBe('FORBIDDEN');
    const ok = await fix({ nombre: 'Ana María', carrera: 'Contabilidad' }, 'escolares.p001');
    expect(ok.data!.updateCertificado.alumno).toMatchObject({ nombre: 'Ana María', carrera: 'Contabilidad' });
    const audit = await server.db.workflowTransition.findFirstOrThrow({
      where: { recordId: cert.id, transition: 'updateCertificado' },
      select: { changes: true },
    });
    expect(audit.changes).toMatchObject({
      antes: { nombre: 'Alumno', carrera: 'Informática' },
      despues: { nombre: 'Ana María', carrera: 'Contabilidad' },
    });
    // Once signed it is too late.
    const signed = await make.certificado(server.db, { estado: 'POR_FIRMAR_DG_ESTATAL' });
    expect(codeOf(await gql(server, UpdateCertificadoDocument, { input: { id: signed.globalId, nombre: 'X' } }, as('escolares.mex')))).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('R 18, 28-29: a 1997-model graduate with no certificate in the system gets a replacement from the state office; a 2018 one does not', async () => {
    const old = await make.alumno(server.db, { estatus: 'EGRESADO', modeloAcademico: 'M1997', generacion: 1999 });
    const recent = await make.alumno(server.db, { estatus: 'EGRESADO', modeloAcademico: 'M2018' });
    await make.loteFolios(server.db, { unit: 'CE-MEX', cantidad: 1 });
    const replace = (alumnoId: string, who = 'escolares.mex') =>
      gql(server, CreateCertificadoReposicionDocument, { input: { alumnoId, motivo: 'Extravío del certificado de 1999' } }, as(who));
    expect(codeOf(await replace(recent.globalId))).toBe('INVALID_TRANSITION');
    expect(codeOf(await replace(old.globalId, 'escolares.p001'))).toBe('FORBIDDEN');
    const repo = await replace(old.globalId);
    expect(repo.errors).toBeUndefined();
    expect(repo.data!.createCertificadoReposicion).toMatchObject({
      tipo: 'REPOSICION',
      estado: 'SOLICITADO',
      reponeA: null,
      alumno: { id: old.globalId },
      unit: { code: 'MEX-P001' },
    });
    // Then the same chain; a second one is refused: that certificate is the one to replace.
    expect(issuesOf(await replace(old.globalId))).toEqual([
      { path: ['input', 'alumnoId'], message: 'The graduate has a certificate in the system: replace that certificate (certificadoId)' },
    ]);
  });

  it('L169: eficiencia terminal divides by first-semester enrolments only; a student who entered later counts when graduating', async () => {
    const generacion = 1500 + Math.floor(Math.random() * 400);
    await make.alumno(server.db, { unit: 'MEX-P002', generacion, estatus: 'EGRESADO' });
    await make.alumno(server.db, { unit: 'MEX-P002', generacion });
    await make.alumno(server.db, { unit: 'MEX-P002', generacion, estatus: 'EGRESADO', semestreIngreso: 3 });
    const r = await gql(
      server,
      EficienciaTerminalDocument,
      { generacion, nivel: 'PLANTEL', dentroDe: units['MEX-P002'] },
      as('escolares.mex'),
    );
    expect(r.data!.eficienciaTerminal.map((e) => [e.unitCode, e.inscritos, e.egresados, e.eficiencia])).toEqual([['MEX-P002', 2, 2, 100]]);
  });
});
