// 15-528-PO-26 "Concertación de Servicios" through the API, as the manual's
// roles: the full cycle with a rejection, execution with evidence, F05, F01,
// improvement actions, the indicator at three levels, calendar and retention.
// Every test makes its own data (factories or API calls) in a year of its own:
// a year in 2000-<last year> that no plan uses yet. Factories keep to
// 1000-1999 and no other test file asks the API for a plan year, so the
// figures of that year are exactly what the test made.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddActividadProgramadaDocument,
  ObligacionesPromocionDocument,
  CloseAccionMejoraDocument,
  CreatePlanTrabajoAnualDocument,
  DestroyRegistroPromocionDocument,
  SendPlanTrabajoAnualDocument,
  EficienciaPromocionDocument,
  SendPlanAnualCentroDocument,
  DeliverPlanTrabajoAnualDocument,
  CreateConcentradoEstatalDocument,
  PendientesPromocionDocument,
  PlanesAnualesCentroDocument,
  ReceiveReporteTrimestralDocument,
  CreateActividadRealizadaDocument,
  CreateActividadRealizadaAsCoordinadorPromocionEceDocument,
  CreateAccionMejoraDocument,
  RegistrosPromocionPorDestruirDocument,
  ReturnPlanAnualCentroDocument,
  ReportesTrimestralesDocument,
  RemoveActividadProgramadaDocument,
  SubmitPlanAnualCentroDocument,
  UpdatePlanAnualCentroDocument,
  CreateReporteTrimestralDocument,
  ApprovePlanAnualCentroDocument,
  ApprovePlanTrabajoAnualDocument,
} from '../src/generated/graphql.js';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { TipoActividad } from '../src/generated/prisma/enums.js';
import {
  codeOf,
  unitIdsByCode,
  demoTokens,
  issuesOf,
  statementsFor,
  expectOnlyAllowed,
  gql,
  snapshot,
  startServer,
  type TestServer,
} from './helpers.js';
import { make } from './factories.js';

type StepDoc = TypedDocumentNode<unknown, { input: { id: string } }>;
let server: TestServer;
let tokens: Record<string, string>;
let units: Record<string, string>;

beforeAll(async () => {
  server = await startServer();
  tokens = await demoTokens(server);
  units = await unitIdsByCode(server, tokens.admin);
});
afterAll(() => server.stop());

const as = (who: string) => tokens[who];
/** The raw id of a global id ("Type:uuid"). */
const rawId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1];

/** A reader of the record's version and history as the administrator; it must see the record, so a refusal check cannot pass vacuously. */
const state = (id: string) => async () => {
  const s = await snapshot(server, tokens.admin, id);
  expect(s).toBeTruthy();
  return s;
};

/** A year no plan of any unit uses yet (see the header); in the past, so activities and quarters of it are over. */
async function freshYear(): Promise<number> {
  const where = { anio: { gte: 2000 } };
  const [estatales, centros] = await Promise.all([
    server.db.planTrabajoAnual.findMany({ where, select: { anio: true } }),
    server.db.planAnualCentro.findMany({ where, select: { anio: true } }),
  ]);
  const used = new Set([...estatales, ...centros].map((p) => p.anio));
  const free = Array.from({ length: new Date().getUTCFullYear() - 2000 }, (_, i) => 2000 + i).filter((y) => !used.has(y));
  if (!free.length) throw new Error('no free year left');
  return free[Math.floor(Math.random() * free.length)];
}

/** The totalCount of a list filtered by year, as the administrator. */
const countOf = (list: string, anio: number) => async () =>
  (
    await gql<Record<string, { totalCount: number }>, { anio: number }>(
      server,
      `query($anio: Int) { ${list}(filter: { anio: $anio }) { totalCount } }`,
      { anio },
      as('admin'),
    )
  ).data![list].totalCount;

type Cronograma = readonly (readonly [mes: number, tipo: TipoActividad, meta: number])[];
/** A plantel plan in `estado` with exactly these scheduled activities; `byMonth` gives each activity's global id by month. */
async function planWith(unit: string, anio: number, cronograma: Cronograma, estado: 'VALIDADO' | 'EN_ELABORACION' = 'VALIDADO') {
  const plan = await make.planAnualCentro(server.db, { unit, anio, estado, actividades: 0 });
  const byMonth: Record<number, string> = {};
  for (const [mes, tipo, meta] of cronograma)
    byMonth[mes] = (await make.actividadProgramada(server.db, { plan, mes, tipo, meta })).globalId;
  return { ...plan, byMonth };
}

const meeting = (actividadProgramadaId: string | null, fecha: string, asistentes: number) => ({
  tipo: 'REUNION_PADRES' as const,
  fecha,
  descripcion: 'Reunión con madres y padres de familia',
  alcance: asistentes,
  evento: 'Reunión DIES',
  listaAsistencia: Array.from({ length: asistentes }, (_, i) => ({ nombre: `Asistente ${i + 1}`, perfil: 'Madre o padre de familia' })),
  ...(actividadProgramadaId ? { actividadProgramadaId } : {}),
});
const visit = (actividadProgramadaId: string, fecha: string) => ({
  tipo: 'VISITA_EMPRESA' as const,
  fecha,
  descripcion: 'Visita promocional',
  alcance: 1,
  actividadProgramadaId,
  organizacion: 'Autopartes del Valle SA',
  sector: 'PRIVADO' as const,
  contacto: 'Gerencia de RH',
  resultado: '12 trabajadores interesados en EC0217',
});
const diffusion = (fecha: string, alcance: number) => ({
  tipo: 'DIFUSION_ELECTRONICA' as const,
  fecha,
  descripcion: 'Publicación en redes',
  alcance,
  canal: 'Facebook',
  enlace: 'https://facebook.com/conalepedomex/posts/1',
});
/** Step 6: an activity carried out, recorded through the API. */
const execute = (planId: string, input: Record<string, unknown>, token = as('cce.p001')) =>
  gql(server, CreateActividadRealizadaDocument, { input: { planAnualCentroId: planId, ...input } as never }, token);

/** P001's and P002's cronogramas of the original cycle. */
const CRONOGRAMA_P001: Cronograma = [
  [1, 'REUNION_PADRES', 100],
  [2, 'DIFUSION_ELECTRONICA', 500],
  [3, 'VISITA_EMPRESA', 1],
  [4, 'ACADEMIA_DOCENTES', 30],
  [5, 'VISITA_EMPRESA', 1],
  [7, 'DIFUSION_ELECTRONICA', 1000],
  [10, 'REUNION_PADRES', 80],
];
const CRONOGRAMA_P002: Cronograma = [
  [1, 'DIFUSION_ELECTRONICA', 200],
  [2, 'REUNION_PADRES', 50],
];

/**
 * A whole year of the Estado de México, by factories: the state plan sent; P001
 * validated with 7 scheduled activities (months 1, 3 and 4 carried out, one
 * activity outside the cronograma in February) and its T1-T2 F05 received; P002
 * validated with 2 activities, both carried out, no F05; P003 not forwarded yet;
 * the state coordination's own visit to a company in March (step 7H).
 */
async function yearOfMexico(anio: number) {
  const statePlan = await make.planTrabajoAnual(server.db, { unit: 'CE-MEX', anio, estado: 'TURNADO' });
  const p1 = await planWith('MEX-P001', anio, CRONOGRAMA_P001);
  const p2 = await planWith('MEX-P002', anio, CRONOGRAMA_P002);
  await make.planAnualCentro(server.db, { unit: 'MEX-P003', anio, estado: 'POR_TURNAR' });
  const done = (plan: { id: string }, programadaGid: string | null, mes: number) =>
    make.actividadRealizada(server.db, {
      plan,
      programada: programadaGid ? { id: rawId(programadaGid) } : null,
      fecha: new Date(Date.UTC(anio, mes - 1, 15)),
    });
  for (const mes of [1, 3, 4]) await done(p1, p1.byMonth[mes], mes);
  await done(p1, null, 2);
  for (const mes of [1, 2]) await done(p2, p2.byMonth[mes], mes);
  // Step 7H: the state coordination's own visit to a company, in March.
  await make.actividadRealizada(server.db, { planEstatal: statePlan, fecha: new Date(Date.UTC(anio, 2, 20)) });
  const reportes = [
    await make.reporteTrimestral(server.db, { plan: p1, trimestre: 1, estado: 'RECIBIDO' }),
    await make.reporteTrimestral(server.db, { plan: p1, trimestre: 2, estado: 'RECIBIDO' }),
  ];
  return { statePlan, p1, p2, reportes };
}

/**
 * One record of every kind, made now: P001's plan (F02) with a visit (F03), a
 * meeting and an academy (F04), an electronic diffusion (no format) and two
 * F05; CE-MEX's F01. Returns their ids.
 */
async function recordsOfEveryFormat(anio: number): Promise<Set<string>> {
  const statePlan = await make.planTrabajoAnual(server.db, { unit: 'CE-MEX', anio, estado: 'TURNADO' });
  const cronograma: Cronograma = [
    [1, 'REUNION_PADRES', 10],
    [2, 'DIFUSION_ELECTRONICA', 10],
    [3, 'VISITA_EMPRESA', 1],
    [4, 'ACADEMIA_DOCENTES', 10],
  ];
  const plan = await planWith('MEX-P001', anio, cronograma);
  for (const [mes] of cronograma) await make.actividadRealizada(server.db, { plan, programada: { id: rawId(plan.byMonth[mes]) } });
  await make.reporteTrimestral(server.db, { plan, estado: 'RECIBIDO' });
  await make.reporteTrimestral(server.db, { plan });
  const f01 = await make.concentradoEstatal(server.db, { planEstatal: statePlan });
  const children = { where: { planId: plan.id }, select: { id: true } };
  const [actividades, reportes] = await Promise.all([
    server.db.actividadRealizada.findMany(children),
    server.db.reporteTrimestral.findMany(children),
  ]);
  const ours = new Set([plan.id, f01.id, ...actividades.map((a) => a.id), ...reportes.map((r) => r.id)]);
  expect(ours.size).toBe(8);
  return ours;
}

const statePlanInput = (anio: number) => ({
  anio,
  contexto: 'Demanda de certificación en el sector automotriz del Valle de Toluca',
  fortalezas: 'Red de 39 Centros de Evaluación',
  oportunidades: 'Convenios con cámaras empresariales',
  debilidades: 'Poca difusión electrónica',
  amenazas: 'Oferta de otros organismos certificadores',
  riesgos: 'Restricciones a eventos presenciales',
  prioridades: 'Estándares EC0217, EC0301',
  resultadosHistoricos: '2024: eficiencia 78 %',
  metas: [
    { descripcion: 'Personas certificadas en EC0217', valor: 300 },
    { descripcion: 'Visitas a empresas', valor: 40 },
  ],
});

describe('Concertación de Servicios (15-528-PO-26)', () => {
  it('steps 1-8.2 end to end: a plantel plan rejected once, then validated, executed, reported, consolidated and improved', async () => {
    const anio = await freshYear();
    const created = await gql(server, CreatePlanTrabajoAnualDocument, { input: statePlanInput(anio) }, as('tccc.mex'));
    const statePlanId = created.data!.createPlanTrabajoAnual.id;
    const steps: [StepDoc, string][] = [
      [ApprovePlanTrabajoAnualDocument, 'tccc.mex'],
      [DeliverPlanTrabajoAnualDocument, 'tccc.mex'],
      [SendPlanTrabajoAnualDocument, 'promocion.mex'],
    ];
    for (const [doc, who] of steps) expect((await gql(server, doc, { input: { id: statePlanId } }, as(who))).errors).toBeUndefined();
    const planes = await gql(server, PlanesAnualesCentroDocument, { filter: { anio, dentroDe: units['MEX-P001'] } }, as('admin'));
    const p1 = planes.data!.planesAnualesCentro.edges[0].node.id;
    await gql(server, SendPlanAnualCentroDocument, { input: { id: p1 } }, as('dce.p001'));
    const analisis = { contexto: 'Zona industrial de Toluca', fortalezas: 'Evaluadores certificados', riesgos: 'Baja asistencia' };
    expect((await gql(server, UpdatePlanAnualCentroDocument, { input: { id: p1, ...analisis } }, as('cce.p001'))).errors).toBeUndefined();
    const add = (mes: number, tipo: TipoActividad, meta: number) =>
      gql(
        server,
        AddActividadProgramadaDocument,
        { input: { planAnualCentroId: p1, mes, tipo, descripcion: `${tipo} ${mes}`, audiencia: 'Estudiantes y familias', meta } },
        as('cce.p001'),
      );
    await add(1, 'REUNION_PADRES', 100);
    const plan = (await add(2, 'DIFUSION_ELECTRONICA', 500)).data!.addActividadProgramada;
    await gql(server, SubmitPlanAnualCentroDocument, { input: { id: p1 } }, as('cce.p001'));
    const rejected = await gql(
      server,
      ReturnPlanAnualCentroDocument,
      { input: { id: p1, observaciones: 'Falta meta de visitas a empresas' } },
      as('ece.mex'),
    );
    expect(rejected.data!.returnPlanAnualCentro.estado).toBe('EN_ELABORACION');
    await add(3, 'VISITA_EMPRESA', 1);
    await gql(server, SubmitPlanAnualCentroDocument, { input: { id: p1 } }, as('cce.p001'));
    expect(
      (await gql(server, ApprovePlanAnualCentroDocument, { input: { id: p1 } }, as('ece.mex'))).data!.approvePlanAnualCentro.estado,
    ).toBe('VALIDADO');
    const byMonth = Object.fromEntries(plan.actividadesProgramadas.map((a) => [a.mes, a.id]));
    expect((await execute(p1, meeting(byMonth[1], `${anio}-01-20`, 120))).errors).toBeUndefined();
    const f05 = (
      await gql(server, CreateReporteTrimestralDocument, { input: { planAnualCentroId: p1, trimestre: 1, analisis: 'T1' } }, as('cce.p001'))
    ).data!.createReporteTrimestral;
    expect(f05.resultado).toMatchObject({ unitCode: 'MEX-P001', programadas: 3, realizadas: 1, eficiencia: 33.33 });
    expect(
      (await gql(server, ReceiveReporteTrimestralDocument, { input: { id: f05.id } }, as('promocion.mex'))).data!.receiveReporteTrimestral
        .estado,
    ).toBe('RECIBIDO');
    const f01 = (
      await gql(server, CreateConcentradoEstatalDocument, { input: { planTrabajoAnualId: statePlanId, semestre: 1 } }, as('promocion.mex'))
    ).data!.createConcentradoEstatal;
    // Only P001's plan was validated: the other planteles' plans are not in the F01.
    expect(f01.lineas).toEqual([
      {
        unitCode: 'MEX-P001',
        programadas: 3,
        realizadas: 1,
        realizadasProgramadas: 1,
        fueraDeCronograma: 0,
        programadasRealizadas: 1,
        eficiencia: 33.33,
        reportesRecibidos: 1,
        reportesEsperados: 2,
      },
    ]);
    const accion = await gql(
      server,
      CreateAccionMejoraDocument,
      { input: { tipo: 'ACCION_CORRECTIVA', descripcion: 'Reforzar difusión', reporteTrimestralId: f05.id } },
      as('cce.p001'),
    );
    const closed = await gql(
      server,
      CloseAccionMejoraDocument,
      { input: { id: accion.data!.createAccionMejora.id, resultado: 'Campaña en redes' } },
      as('cce.p001'),
    );
    expect(closed.data!.closeAccionMejora.estado).toBe('CERRADA');
  });

  it('step 1.1: the TCCC drafts the state plan; bad input, other roles and a second plan for the year are refused', async () => {
    const anio = await freshYear();
    const bad = await gql(
      server,
      CreatePlanTrabajoAnualDocument,
      { input: { ...statePlanInput(anio), contexto: ' ', anio: 1999 } },
      as('tccc.mex'),
    );
    expect(bad.errors![0].extensions!.issues).toEqual([
      { path: ['input', 'anio'], message: 'Must be a year between 2000 and 2100' },
      { path: ['input', 'contexto'], message: 'Must not be empty' },
    ]);
    const count = countOf('planesTrabajoAnuales', anio);
    expect(await count()).toBe(0);
    await expectOnlyAllowed(
      tokens,
      ['tccc.mex'],
      (t) => gql(server, CreatePlanTrabajoAnualDocument, { input: statePlanInput(anio) }, t),
      count,
    );
    const created = await gql(server, CreatePlanTrabajoAnualDocument, { input: statePlanInput(anio) }, as('tccc.mex'));
    expect(created.errors).toBeUndefined();
    expect(await count()).toBe(1);
    expect(created.data!.createPlanTrabajoAnual).toMatchObject({
      estado: 'BORRADOR',
      unit: { code: 'CE-MEX' },
      availableSteps: ['approvePlanTrabajoAnual'],
    });
    const again = await gql(server, CreatePlanTrabajoAnualDocument, { input: statePlanInput(anio) }, as('tccc.mex'));
    expect(again.errors![0].extensions!.issues).toEqual([
      { path: ['input', 'anio'], message: 'This unit already has a plan for that year' },
    ]);
  });

  it('steps 1.1-2.1: the TCCC validates and hands down the state plan; CPSECE distributes it to every plantel', async () => {
    const anio = await freshYear();
    const statePlan = await make.planTrabajoAnual(server.db, { unit: 'CE-MEX', anio, estado: 'BORRADOR' });
    const steps: [StepDoc, string, string][] = [
      [ApprovePlanTrabajoAnualDocument, 'tccc.mex', 'VALIDADO'],
      [DeliverPlanTrabajoAnualDocument, 'tccc.mex', 'ENTREGADO'],
      [SendPlanTrabajoAnualDocument, 'promocion.mex', 'TURNADO'],
    ];
    for (const [doc, who, estado] of steps) {
      await expectOnlyAllowed(tokens, [who], (t) => gql(server, doc, { input: { id: statePlan.globalId } }, t), state(statePlan.globalId));
      const r = await gql(server, doc, { input: { id: statePlan.globalId } }, as(who));
      expect(r.errors).toBeUndefined();
      expect((Object.values(r.data as object)[0] as { estado: string }).estado).toBe(estado);
    }
    // Distribution created one plan per plantel of the state, waiting for step 3.
    const planes = await gql(server, PlanesAnualesCentroDocument, { filter: { anio } }, as('promocion.mex'));
    expect(planes.data!.planesAnualesCentro.edges.map((e) => [e.node.unit.code, e.node.estado]).sort()).toEqual([
      ['MEX-P001', 'POR_TURNAR'],
      ['MEX-P002', 'POR_TURNAR'],
      ['MEX-P003', 'POR_TURNAR'],
    ]);
    // Wrong prior state: it cannot be distributed twice.
    expect(codeOf(await gql(server, SendPlanTrabajoAnualDocument, { input: { id: statePlan.globalId } }, as('promocion.mex')))).toBe(
      'INVALID_TRANSITION',
    );
  });

  it("step 3.1: only the plantel's Dirección del CE forwards its plan to the CE coordination", async () => {
    const plan = await make.planAnualCentro(server.db, { unit: 'MEX-P001', anio: await freshYear(), estado: 'POR_TURNAR' });
    await expectOnlyAllowed(
      tokens,
      ['dce.p001'],
      (t) => gql(server, SendPlanAnualCentroDocument, { input: { id: plan.globalId } }, t),
      state(plan.globalId),
    );
    expect(
      (await gql(server, SendPlanAnualCentroDocument, { input: { id: plan.globalId } }, as('dce.p001'))).data!.sendPlanAnualCentro.estado,
    ).toBe('EN_ELABORACION');
  });

  it('step 4.1: the CE coordination schedules and removes cronograma activities (F02); a negative goal and other roles are refused', async () => {
    const plan = await make.planAnualCentro(server.db, {
      unit: 'MEX-P001',
      anio: await freshYear(),
      estado: 'EN_ELABORACION',
      ready: false,
    });
    const p1 = plan.globalId;
    const add = (mes: number, tipo: TipoActividad, meta: number) =>
      gql(
        server,
        AddActividadProgramadaDocument,
        { input: { planAnualCentroId: p1, mes, tipo, descripcion: `${tipo} ${mes}`, audiencia: 'Estudiantes y familias', meta } },
        as('cce.p001'),
      );
    const negative = await add(1, 'REUNION_PADRES', -5);
    expect(negative.errors![0].extensions!.issues).toEqual([{ path: ['input', 'meta'], message: 'The goal cannot be below zero' }]);
    expect(((await state(p1)()) as unknown as { actividadesProgramadas: unknown[] }).actividadesProgramadas).toEqual([]);
    await expectOnlyAllowed(
      tokens,
      ['cce.p001'],
      (t) =>
        gql(
          server,
          AddActividadProgramadaDocument,
          { input: { planAnualCentroId: p1, mes: 1, tipo: 'OTRA', descripcion: 'x', audiencia: 'x', meta: 1 } },
          t,
        ),
      state(p1),
    );
    // Submitting an empty cronograma is refused by the step's guard.
    expect(codeOf(await gql(server, SubmitPlanAnualCentroDocument, { input: { id: p1 } }, as('cce.p001')))).toBe('INVALID_TRANSITION');

    for (const [mes, tipo, meta] of CRONOGRAMA_P001) expect((await add(mes, tipo, meta)).errors).toBeUndefined();
    const extra = (await add(12, 'OTRA', 1)).data!.addActividadProgramada;
    expect(extra.actividadesProgramadas).toHaveLength(8);
    const removeInput = { input: { actividadProgramadaId: extra.actividadesProgramadas.at(-1)!.id } };
    await expectOnlyAllowed(tokens, ['cce.p001'], (t) => gql(server, RemoveActividadProgramadaDocument, removeInput, t), state(p1));
    const removed = await gql(server, RemoveActividadProgramadaDocument, removeInput, as('cce.p001'));
    expect(removed.data!.removeActividadProgramada.actividadesProgramadas.map((a) => a.mes)).toEqual(CRONOGRAMA_P001.map(([mes]) => mes));
  });

  it("step 4.1: only the CE coordination writes the plan's objectives", async () => {
    const plan = await make.planAnualCentro(server.db, { unit: 'MEX-P001', anio: await freshYear(), estado: 'EN_ELABORACION' });
    const objetivos = { input: { id: plan.globalId, objetivos: 'Certificar a 300 personas en EC0217' } };
    await expectOnlyAllowed(tokens, ['cce.p001'], (t) => gql(server, UpdatePlanAnualCentroDocument, objetivos, t), state(plan.globalId));
    expect((await gql(server, UpdatePlanAnualCentroDocument, objetivos, as('cce.p001'))).data!.updatePlanAnualCentro.objetivos).toBe(
      'Certificar a 300 personas en EC0217',
    );
  });

  it('steps 4.2-5: the plan is submitted; the ECE rejects it with observations, then validates the resubmitted plan', async () => {
    const plan = await make.planAnualCentro(server.db, { unit: 'MEX-P001', anio: await freshYear(), estado: 'EN_ELABORACION' });
    const p1 = plan.globalId;
    await expectOnlyAllowed(tokens, ['cce.p001'], (t) => gql(server, SubmitPlanAnualCentroDocument, { input: { id: p1 } }, t), state(p1));
    expect(
      (await gql(server, SubmitPlanAnualCentroDocument, { input: { id: p1 } }, as('cce.p001'))).data!.submitPlanAnualCentro.estado,
    ).toBe('ENVIADO');
    // Editing a submitted cronograma is refused.
    const add = await gql(
      server,
      AddActividadProgramadaDocument,
      { input: { planAnualCentroId: p1, mes: 6, tipo: 'OTRA', descripcion: 'x', audiencia: 'x', meta: 1 } },
      as('cce.p001'),
    );
    expect(codeOf(add)).toBe('INVALID_TRANSITION');
    const noObs = await gql(server, ReturnPlanAnualCentroDocument, { input: { id: p1 } }, as('ece.mex'));
    expect(noObs.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: ['input', 'observaciones'] }] });
    await expectOnlyAllowed(
      tokens,
      ['ece.mex'],
      (t) => gql(server, ReturnPlanAnualCentroDocument, { input: { id: p1, observaciones: 'x' } }, t),
      state(p1),
    );
    const rejected = await gql(
      server,
      ReturnPlanAnualCentroDocument,
      { input: { id: p1, observaciones: 'Falta meta de visitas a empresas' } },
      as('ece.mex'),
    );
    expect(rejected.data!.returnPlanAnualCentro).toMatchObject({ estado: 'EN_ELABORACION', availableSteps: [] });
    expect(rejected.data!.returnPlanAnualCentro.history.at(-1)).toMatchObject({
      transition: 'returnPlanAnualCentro',
      comment: 'Falta meta de visitas a empresas',
    });
    await gql(server, SubmitPlanAnualCentroDocument, { input: { id: p1 } }, as('cce.p001'));
    await expectOnlyAllowed(tokens, ['ece.mex'], (t) => gql(server, ApprovePlanAnualCentroDocument, { input: { id: p1 } }, t), state(p1));
    expect(
      (await gql(server, ApprovePlanAnualCentroDocument, { input: { id: p1 } }, as('ece.mex'))).data!.approvePlanAnualCentro.estado,
    ).toBe('VALIDADO');
  });

  it("steps 6.2-6.6: an execution outside the plan's year, without its evidence or of the wrong type is refused", async () => {
    const anio = await freshYear();
    const plan = await planWith('MEX-P001', anio, CRONOGRAMA_P001);
    const outside = await execute(plan.globalId, meeting(plan.byMonth[1], `${anio - 1}-12-15`, 10));
    expect(outside.errors![0].extensions!.issues).toEqual([
      { path: ['input', 'fecha'], message: `Must be within the plan's year (${anio})` },
    ]);
    const noEvidence = await execute(plan.globalId, {
      tipo: 'VISITA_EMPRESA',
      fecha: `${anio}-03-10`,
      descripcion: 'Visita',
      alcance: 1,
      actividadProgramadaId: plan.byMonth[3],
    });
    expect(issuesOf(noEvidence).map((i) => i.path.at(-1))).toEqual(['organizacion', 'contacto', 'resultado', 'sector']);
    expect(codeOf(await execute(plan.globalId, meeting(plan.byMonth[3], `${anio}-03-10`, 5)))).toBe('BAD_USER_INPUT');
    expect(await server.db.actividadRealizada.count({ where: { planId: plan.id } })).toBe(0);
  });

  it('steps 6.2-6.6: only the CE coordination records executions, with their evidence (F03, F04, electronic diffusion), also outside the cronograma', async () => {
    const anio = await freshYear();
    const plan = await planWith('MEX-P001', anio, CRONOGRAMA_P001);
    const ok = [
      await execute(plan.globalId, meeting(plan.byMonth[1], `${anio}-01-20`, 120)),
      await execute(plan.globalId, visit(plan.byMonth[3], `${anio}-03-12`)),
      await execute(plan.globalId, {
        tipo: 'ACADEMIA_DOCENTES',
        fecha: `${anio}-04-08`,
        descripcion: 'Academia de docentes',
        alcance: 25,
        actividadProgramadaId: plan.byMonth[4],
        evento: 'Academia',
        listaAsistencia: [{ nombre: 'Docente 1', perfil: 'Docente' }, { nombre: 'Docente 2' }],
      }),
      await execute(plan.globalId, { ...diffusion(`${anio}-07-03`, 900), actividadProgramadaId: plan.byMonth[7] }),
      // Outside the cronograma: recorded as such, counted apart.
      await execute(plan.globalId, diffusion(`${anio}-02-03`, 800)),
    ];
    for (const r of ok) expect(r.errors).toBeUndefined();
    expect(ok.map((r) => [r.data!.createActividadRealizada.formato, r.data!.createActividadRealizada.fueraDeCronograma])).toEqual([
      ['F04', false],
      ['F03', false],
      ['F04', false],
      [null, false],
      [null, true],
    ]);
    const count = () => server.db.actividadRealizada.count({ where: { planId: plan.id } });
    expect(await count()).toBe(5);
    await expectOnlyAllowed(tokens, ['cce.p001'], (t) => execute(plan.globalId, meeting(plan.byMonth[10], `${anio}-10-20`, 80), t), count);
    expect(await count()).toBe(5);
  });

  it('step 7V.1: the F05 figures and lines come from the records of the quarter', async () => {
    const anio = await freshYear();
    const plan = await planWith('MEX-P001', anio, CRONOGRAMA_P001);
    const executions = [
      meeting(plan.byMonth[1], `${anio}-01-20`, 120),
      visit(plan.byMonth[3], `${anio}-03-12`),
      diffusion(`${anio}-02-03`, 800),
    ];
    for (const input of executions) expect((await execute(plan.globalId, input)).errors).toBeUndefined();
    const r1 = await gql(
      server,
      CreateReporteTrimestralDocument,
      { input: { planAnualCentroId: plan.globalId, trimestre: 1, analisis: 'Análisis T1' } },
      as('cce.p001'),
    );
    expect(r1.errors).toBeUndefined();
    const f05 = r1.data!.createReporteTrimestral;
    expect(f05.resultado).toMatchObject({
      nivel: 'PLANTEL',
      unitCode: 'MEX-P001',
      programadas: 3,
      realizadas: 3,
      realizadasProgramadas: 2,
      fueraDeCronograma: 1,
      programadasRealizadas: 2,
      eficiencia: 100,
    });
    expect(f05.actividades.map((a) => [a.mes, a.meta, a.alcanzado, a.cumplida])).toEqual([
      [1, 100, 120, true],
      [2, 500, 0, false],
      [3, 1, 1, true],
    ]);
  });

  it('step 7V.1: only the CE coordination sends the F05, for quarters 1-4, once per quarter', async () => {
    const anio = await freshYear();
    const plan = await make.planAnualCentro(server.db, { unit: 'MEX-P001', anio, estado: 'VALIDADO' });
    const submit = (trimestre: number, token = as('cce.p001')) =>
      gql(
        server,
        CreateReporteTrimestralDocument,
        { input: { planAnualCentroId: plan.globalId, trimestre, analisis: `Análisis T${trimestre}` } },
        token,
      );
    expect((await submit(5)).errors![0].extensions!.issues).toEqual([{ path: ['input', 'trimestre'], message: 'Must be 1 to 4' }]);
    const count = countOf('reportesTrimestrales', anio);
    expect(await count()).toBe(0);
    await expectOnlyAllowed(tokens, ['cce.p001'], (t) => submit(1, t), count);
    expect((await submit(1)).errors).toBeUndefined();
    expect(await count()).toBe(1);
    expect((await submit(1)).errors![0].extensions!.issues).toEqual([
      { path: ['input', 'trimestre'], message: "This quarter's report was already sent" },
    ]);
  });

  it('step 8.1: only CPSECE receives the F05, once', async () => {
    const plan = await make.planAnualCentro(server.db, { unit: 'MEX-P001', anio: await freshYear(), estado: 'VALIDADO' });
    const reportes = [
      await make.reporteTrimestral(server.db, { plan, trimestre: 1 }),
      await make.reporteTrimestral(server.db, { plan, trimestre: 2 }),
    ];
    await expectOnlyAllowed(
      tokens,
      ['promocion.mex'],
      (t) => gql(server, ReceiveReporteTrimestralDocument, { input: { id: reportes[0].globalId } }, t),
      state(reportes[0].globalId),
    );
    for (const { globalId } of reportes) {
      expect(
        (await gql(server, ReceiveReporteTrimestralDocument, { input: { id: globalId } }, as('promocion.mex'))).data!
          .receiveReporteTrimestral.estado,
      ).toBe('RECIBIDO');
    }
    expect(codeOf(await gql(server, ReceiveReporteTrimestralDocument, { input: { id: reportes[0].globalId } }, as('promocion.mex')))).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('step 8.2: the F01 consolidates, from the records, every plantel with a validated plan', async () => {
    const anio = await freshYear();
    const { statePlan } = await yearOfMexico(anio);
    const r = await gql(
      server,
      CreateConcentradoEstatalDocument,
      { input: { planTrabajoAnualId: statePlan.globalId, semestre: 1 } },
      as('promocion.mex'),
    );
    expect(r.errors).toBeUndefined();
    const c = r.data!.createConcentradoEstatal;
    // P003's plan was never validated: it has no line.
    expect(c.lineas).toEqual([
      {
        unitCode: 'MEX-P001',
        programadas: 5,
        realizadas: 4,
        realizadasProgramadas: 3,
        fueraDeCronograma: 1,
        programadasRealizadas: 3,
        eficiencia: 80,
        reportesRecibidos: 2,
        reportesEsperados: 2,
      },
      {
        unitCode: 'MEX-P002',
        programadas: 2,
        realizadas: 2,
        realizadasProgramadas: 2,
        fueraDeCronograma: 0,
        programadasRealizadas: 2,
        eficiencia: 100,
        reportesRecibidos: 0,
        reportesEsperados: 2,
      },
    ]);
    // The state coordination's own actions (step 7H) count in the F01's total, outside any cronograma.
    expect(c.total).toMatchObject({
      nivel: 'COLEGIO_ESTATAL',
      unitCode: 'CE-MEX',
      programadas: 7,
      realizadas: 7,
      realizadasProgramadas: 5,
      fueraDeCronograma: 2,
      programadasRealizadas: 5,
      eficiencia: 100,
    });
  });

  it('step 8.2: only CPSECE issues the F01, for half-year 1 or 2', async () => {
    const anio = await freshYear();
    const statePlan = await make.planTrabajoAnual(server.db, { unit: 'CE-MEX', anio, estado: 'TURNADO' });
    const issue = (semestre: number, token = as('promocion.mex')) =>
      gql(server, CreateConcentradoEstatalDocument, { input: { planTrabajoAnualId: statePlan.globalId, semestre } }, token);
    expect((await issue(3)).errors![0].extensions!.issues).toEqual([{ path: ['input', 'semestre'], message: 'Must be 1 or 2' }]);
    const count = countOf('concentradosEstatales', anio);
    expect(await count()).toBe(0);
    await expectOnlyAllowed(tokens, ['promocion.mex'], (t) => issue(1, t), count);
    expect((await issue(1)).errors).toBeUndefined();
    expect(await count()).toBe(1);
  });

  it('step 7V.1: the CE coordination (or CPSECE) registers an improvement action against the F05 that caused it', async () => {
    const anio = await freshYear();
    const planEstatal = await make.planTrabajoAnual(server.db, { unit: 'CE-MEX', anio, estado: 'TURNADO' });
    const f01 = (await make.concentradoEstatal(server.db, { planEstatal })).globalId;
    const plan = await make.planAnualCentro(server.db, { unit: 'MEX-P001', anio, estado: 'VALIDADO' });
    const f05 = (await make.reporteTrimestral(server.db, { plan, estado: 'RECIBIDO' })).globalId;
    const register = (input: Record<string, unknown>, token = as('cce.p001')) =>
      gql(
        server,
        CreateAccionMejoraDocument,
        { input: { tipo: 'ACCION_CORRECTIVA', descripcion: 'Reforzar difusión electrónica', ...input } as never },
        token,
      );
    // Exactly one origin.
    expect(issuesOf(await register({ reporteTrimestralId: f05, concentradoEstatalId: f01 }))[0].path).toEqual([
      'input',
      'reporteTrimestralId',
    ]);
    const count = countOf('accionesMejora', anio);
    expect(await count()).toBe(0);
    await expectOnlyAllowed(tokens, ['cce.p001', 'promocion.mex'], (t) => register({ reporteTrimestralId: f05 }, t), count);
    const action = (await register({ reporteTrimestralId: f05 })).data!.createAccionMejora;
    expect(action).toMatchObject({
      estado: 'ABIERTA',
      unit: { code: 'MEX-P001' },
      reporteTrimestral: { id: f05 },
      availableSteps: ['closeAccionMejora'],
    });
    expect(await count()).toBe(1);
  });

  it('steps 8.2, 9.1: CPSECE registers an improvement action against the F01; the plantel cannot see the F01', async () => {
    const anio = await freshYear();
    const f01 = (
      await make.concentradoEstatal(server.db, {
        planEstatal: await make.planTrabajoAnual(server.db, { unit: 'CE-MEX', anio, estado: 'TURNADO' }),
      })
    ).globalId;
    const register = (who: string) =>
      gql(
        server,
        CreateAccionMejoraDocument,
        { input: { tipo: 'SALIDA_NO_CONFORME', descripcion: 'Reforzar difusión electrónica', concentradoEstatalId: f01 } },
        as(who),
      );
    expect(codeOf(await register('cce.p001'))).toBe('NOT_FOUND');
    expect(await countOf('accionesMejora', anio)()).toBe(0);
    const action = (await register('promocion.mex')).data!.createAccionMejora;
    expect(action).toMatchObject({ tipo: 'SALIDA_NO_CONFORME', unit: { code: 'CE-MEX' }, concentradoEstatal: { id: f01 } });
  });

  it('steps 9.1, 10.1: the unit that keeps an improvement action closes it with its result', async () => {
    const plantelAction = (await make.accionMejora(server.db, { unit: 'MEX-P001' })).globalId;
    const stateAction = (await make.accionMejora(server.db, { unit: 'CE-MEX', tipo: 'SALIDA_NO_CONFORME' })).globalId;
    const close = (id: string, resultado: string, who: string) =>
      gql(server, CloseAccionMejoraDocument, { input: { id, resultado } }, as(who));
    expect((await close(plantelAction, ' ', 'cce.p001')).errors![0].extensions!.issues).toEqual([
      { path: ['input', 'resultado'], message: 'Must not be empty' },
    ]);
    // The plantel cannot close the state's action.
    expect(codeOf(await close(stateAction, 'hecho', 'cce.p001'))).toBe('NOT_FOUND');
    await expectOnlyAllowed(
      tokens,
      ['cce.p001', 'promocion.mex'],
      (t) => gql(server, CloseAccionMejoraDocument, { input: { id: plantelAction, resultado: 'x' } }, t),
      state(plantelAction),
    );
    expect((await close(plantelAction, 'Campaña en redes: +40 % de alcance', 'cce.p001')).data!.closeAccionMejora.estado).toBe('CERRADA');
    expect((await close(stateAction, 'Atendida', 'promocion.mex')).data!.closeAccionMejora.estado).toBe('CERRADA');
  });

  it('indicator (§12): eficiencia at plantel, Colegio Estatal and national level, over what each reader may see', async () => {
    const anio = await freshYear();
    await yearOfMexico(anio);
    // [unit, programadas, realizadas, of them scheduled, outside the cronograma, scheduled activities fulfilled, eficiencia]
    const ef = async (who: string, vars: Record<string, unknown>) => {
      const r = await gql(server, EficienciaPromocionDocument, { anio, ...vars } as never, as(who));
      expect(r.errors).toBeUndefined();
      return r.data!.eficienciaPromocion.map((e) => [
        e.unitCode,
        e.programadas,
        e.realizadas,
        e.realizadasProgramadas,
        e.fueraDeCronograma,
        e.programadasRealizadas,
        e.eficiencia,
      ]);
    };
    expect(await ef('promocion.mex', { nivel: 'PLANTEL', trimestre: 1, dentroDe: units['CE-MEX'] })).toEqual([
      ['MEX-P001', 3, 3, 2, 1, 2, 100],
      ['MEX-P002', 2, 2, 2, 0, 2, 100],
    ]);
    expect(await ef('promocion.mex', { nivel: 'PLANTEL', trimestre: 2 })).toEqual([['MEX-P001', 2, 1, 1, 0, 1, 50]]);
    // The state coordination's own actions (step 7H) count at the state and national levels only.
    expect(await ef('dg.mex', { nivel: 'COLEGIO_ESTATAL', trimestre: 1 })).toEqual([['CE-MEX', 5, 6, 4, 2, 4, 120]]);
    expect(await ef('dstc', { nivel: 'NACIONAL', trimestre: 1 })).toEqual([[null, 5, 6, 4, 2, 4, 120]]);
    expect(await ef('dstc', { nivel: 'NACIONAL', semestre: 1 })).toEqual([[null, 7, 7, 5, 2, 5, 100]]);
    expect(await ef('dstc', { nivel: 'NACIONAL' })).toEqual([[null, 9, 7, 5, 2, 5, 77.78]]);
    // A plantel's coordinator asking for the nation sees only its plantel; another state sees nothing.
    expect(await ef('cce.p001', { nivel: 'NACIONAL', trimestre: 1 })).toEqual([[null, 3, 3, 2, 1, 2, 100]]);
    expect(await ef('dg.ver', { nivel: 'NACIONAL', trimestre: 1 })).toEqual([[null, 0, 0, 0, 0, 0, null]]);
    const both = await gql(server, EficienciaPromocionDocument, { anio, nivel: 'NACIONAL', trimestre: 1, semestre: 1 }, as('dstc'));
    expect(both.errors![0].extensions!.issues).toEqual([{ path: ['semestre'], message: 'Give a quarter or a half-year, not both' }]);
  });

  it('indicator (§12, L430): a quarter with unscheduled actions — every part, the total over the programmed, above 100 %', async () => {
    const anio = await freshYear();
    const statePlan = await make.planTrabajoAnual(server.db, { unit: 'CE-MEX', anio, estado: 'TURNADO' });
    // Q2: three scheduled (April, May, June); April done twice, May not at all, June once; two unscheduled diffusions.
    const plan = await planWith('MEX-P002', anio, [
      [4, 'REUNION_PADRES', 50],
      [5, 'VISITA_EMPRESA', 1],
      [6, 'DIFUSION_ELECTRONICA', 300],
    ]);
    const cce = as('cce.p002');
    for (const input of [
      meeting(plan.byMonth[4], `${anio}-04-10`, 3),
      meeting(plan.byMonth[4], `${anio}-04-24`, 2),
      { ...diffusion(`${anio}-06-05`, 400), actividadProgramadaId: plan.byMonth[6] },
      diffusion(`${anio}-05-02`, 150),
      diffusion(`${anio}-06-20`, 90),
    ])
      expect((await execute(plan.globalId, input, cce)).errors).toBeUndefined();
    // The state coordination's own visit (step 7H), in May.
    const own = await gql(
      server,
      CreateActividadRealizadaAsCoordinadorPromocionEceDocument,
      {
        input: {
          ...visit(plan.byMonth[5], `${anio}-05-14`),
          actividadProgramadaId: undefined,
          planTrabajoAnualId: statePlan.globalId,
        } as never,
      },
      as('promocion.mex'),
    );
    expect(own.errors).toBeUndefined();
    const ef = async (nivel: 'PLANTEL' | 'COLEGIO_ESTATAL') =>
      (
        await gql(
          server,
          EficienciaPromocionDocument,
          { anio, nivel, trimestre: 2, dentroDe: units[nivel === 'PLANTEL' ? 'MEX-P002' : 'CE-MEX'] },
          as('dg.mex'),
        )
      ).data!.eficienciaPromocion[0];
    expect(await ef('PLANTEL')).toMatchObject({
      unitCode: 'MEX-P002',
      programadas: 3,
      programadasRealizadas: 2,
      realizadasProgramadas: 3,
      fueraDeCronograma: 2,
      realizadas: 5,
      eficiencia: 166.67,
    });
    expect(await ef('COLEGIO_ESTATAL')).toMatchObject({
      unitCode: 'CE-MEX',
      programadas: 3,
      programadasRealizadas: 2,
      realizadasProgramadas: 3,
      fueraDeCronograma: 3,
      realizadas: 6,
      eficiencia: 200,
    });
  });

  it("calendar (§9): due dates derived from the manual's months", async () => {
    const cal = (await gql(server, ObligacionesPromocionDocument, { anio: 2025 }, as('promocion.mex'))).data!.obligacionesPromocion;
    expect(cal.map((o) => [o.clave, o.fechaLimite.slice(0, 10)])).toEqual([
      ['PROGRAMA_PROMOCION', '2024-09-30'],
      ['TABLA_COSTOS', '2025-01-31'],
      ['PLAN_ESTATAL_TURNADO', '2025-01-31'],
      ['VISITA_TECNICA_03', '2025-03-31'],
      ['VISITA_TECNICA_06', '2025-06-30'],
      ['VISITA_TECNICA_09', '2025-09-30'],
      ['VISITA_TECNICA_12', '2025-12-31'],
      ['F05_T1', '2025-04-10'],
      ['F05_T2', '2025-07-10'],
      ['F05_T3', '2025-10-10'],
      ['F05_T4', '2026-01-10'],
    ]);
  });

  it('calendar (§9): overdue plans and F05 per plantel; a plantel sees only its own', async () => {
    const anio = await freshYear();
    await yearOfMexico(anio);
    const fecha = `${anio + 1}-01-15T00:00:00Z`;
    const pendientes = async () =>
      (await gql(server, PendientesPromocionDocument, { anio, fecha }, as('promocion.mex'))).data!.pendientesPromocion.map((p) => [
        p.clave,
        p.unitCode,
        p.fechaLimite.slice(0, 10),
      ]);
    // Nothing sent yet: the cost table, and every technical visit to the three planteles that received the plan.
    const before = await pendientes();
    expect(before.filter(([clave]) => clave === 'TABLA_COSTOS')).toEqual([['TABLA_COSTOS', 'CE-MEX', `${anio}-01-31`]]);
    expect(before.filter(([clave]) => String(clave).startsWith('VISITA_TECNICA'))).toHaveLength(12);
    await make.tablaCostos(server.db, { anio });
    for (const unit of ['MEX-P001', 'MEX-P002', 'MEX-P003'])
      for (const mes of unit === 'MEX-P002' ? [3, 6, 9] : [3, 6, 9, 12]) await make.visitaTecnica(server.db, { unit, anio, mes });
    // The state plan reached the planteles on 15 January: P003's plan is due at the end of February, not September of the year before.
    const february = new Date(Date.UTC(anio, 2, 0)).toISOString().slice(0, 10);
    expect(await pendientes()).toEqual([
      ['PROGRAMA_PROMOCION', 'MEX-P003', february],
      ['F05_T1', 'MEX-P002', `${anio}-04-10`],
      ['F05_T2', 'MEX-P002', `${anio}-07-10`],
      ['F05_T3', 'MEX-P001', `${anio}-10-10`],
      ['F05_T3', 'MEX-P002', `${anio}-10-10`],
      ['VISITA_TECNICA_12', 'MEX-P002', `${anio}-12-31`],
      ['F05_T4', 'MEX-P001', `${anio + 1}-01-10`],
      ['F05_T4', 'MEX-P002', `${anio + 1}-01-10`],
    ]);
    const own = await gql(server, PendientesPromocionDocument, { anio, fecha }, as('cce.p001'));
    expect(own.data!.pendientesPromocion.map((p) => [p.clave, p.unitCode])).toEqual([
      ['F05_T3', 'MEX-P001'],
      ['F05_T4', 'MEX-P001'],
    ]);
  });

  it('record control (§13): F01-F05 are kept three years, then listed as due to whoever keeps them', async () => {
    const ours = await recordsOfEveryFormat(await freshYear());
    const due = async (who: string, fecha: string) =>
      (await gql(server, RegistrosPromocionPorDestruirDocument, { fecha }, as(who))).data!.registrosPromocionPorDestruir.filter((r) =>
        ours.has(rawId(r.registroId)),
      );
    expect(await due('cce.p001', '2027-01-01T00:00:00Z')).toEqual([]);
    // The electronic diffusion is no F01-F05 record; the F01 is the state's.
    expect((await due('cce.p001', '2031-01-01T00:00:00Z')).map((r) => r.formato).sort()).toEqual([
      'F02',
      'F03',
      'F04',
      'F04',
      'F05',
      'F05',
    ]);
    expect((await due('promocion.mex', '2031-01-01T00:00:00Z')).map((r) => r.formato).sort()).toEqual([
      'F01',
      'F02',
      'F03',
      'F04',
      'F04',
      'F05',
      'F05',
    ]);
  });

  it('record control (§13): after three years the role that keeps the format (roleByKind) destroys it, as a recorded step', async () => {
    const f05 = await make.reporteTrimestral(server.db, {
      plan: await make.planAnualCentro(server.db, { unit: 'MEX-P001', anio: await freshYear(), estado: 'VALIDADO' }),
    });
    const destroy = (who: string) =>
      gql(server, DestroyRegistroPromocionDocument, { input: { id: f05.globalId, motivo: 'Acta de baja documental 01/2029' } }, as(who));
    const kept = async () => {
      const r = await gql(server, RegistrosPromocionPorDestruirDocument, { fecha: '2031-01-01T00:00:00Z' }, as('cce.p001'));
      if (!r.data) throw new Error(JSON.stringify(r.errors));
      return r.data.registrosPromocionPorDestruir.some((r) => r.registroId === f05.globalId);
    };
    expect(await kept()).toBe(true);
    expect(issuesOf(await destroy('cce.p001'))[0].message).toMatch(/^Its retention runs until 20\d\d-/);

    // Three years later (the record is back-dated; nothing else changes).
    await server.db.reporteTrimestral.update({ where: { id: f05.id }, data: { createdAt: new Date(Date.now() - 4 * 366 * 86_400_000) } });
    // F05 belongs to the CE coordination: CPSECE holds the step's other role, yet is refused for this format.
    expect(codeOf(await destroy('promocion.mex'))).toBe('FORBIDDEN');
    expect(codeOf(await destroy('cce.p002'))).toBe('NOT_FOUND');
    await expectOnlyAllowed(
      tokens,
      ['cce.p001'],
      (t) => gql(server, DestroyRegistroPromocionDocument, { input: { id: f05.globalId, motivo: 'x' } }, t),
      kept,
    );
    expect(await kept()).toBe(true);
    expect((await destroy('cce.p001')).errors).toBeUndefined();
    expect(await kept()).toBe(false);
    const audit = await server.db.workflowTransition.findFirst({ where: { recordId: f05.id, transition: 'destroyRegistroPromocion' } });
    expect(audit).toMatchObject({
      fromState: 'CONSERVADO',
      toState: 'DESTRUIDO',
      actorRole: 'COORDINADOR_CENTRO_EVALUACION',
      comment: 'F05: Acta de baja documental 01/2029',
    });
    // Destroyed is a declared state (the row stays): a second destruction is refused by the engine for the wrong prior state.
    expect(codeOf(await destroy('cce.p001'))).toBe('INVALID_TRANSITION');
  });

  it('no N+1: one F05 or plan costs as many SQL statements as several', async () => {
    const anio = await freshYear();
    const plan = await make.planAnualCentro(server.db, { unit: 'MEX-P001', anio, estado: 'VALIDADO' });
    await make.planAnualCentro(server.db, { unit: 'MEX-P002', anio, estado: 'VALIDADO' });
    for (const trimestre of [1, 2]) await make.reporteTrimestral(server.db, { plan, trimestre, estado: 'RECIBIDO' });
    const reports = (filter: object) => () => gql(server, ReportesTrimestralesDocument, { filter }, as('promocion.mex'));
    expect((await reports({ anio, trimestre: 1 })()).data!.reportesTrimestrales.totalCount).toBe(1);
    expect((await reports({ anio })()).data!.reportesTrimestrales.totalCount).toBe(2);
    expect(await statementsFor(reports({ anio }))).toBe(await statementsFor(reports({ anio, trimestre: 1 })));
    const plans = (dentroDe: string) => () =>
      gql(server, PlanesAnualesCentroDocument, { filter: { anio, dentroDe: units[dentroDe] } }, as('promocion.mex'));
    expect((await plans('CE-MEX')()).data!.planesAnualesCentro.totalCount).toBe(2);
    expect((await plans('MEX-P001')()).data!.planesAnualesCentro.totalCount).toBe(1);
    expect(await statementsFor(plans('CE-MEX'))).toBe(await statementsFor(plans('MEX-P001')));
  });
});
