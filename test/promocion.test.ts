// 15-528-PO-26 "Concertación de Servicios" through the API, as the manual's
// roles: the full cycle with a rejection, execution with evidence, F05, F01,
// improvement actions, the indicator at three levels, calendar and retention.
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
  PlanAnualCentroDocument,
  PlanesAnualesCentroDocument,
  ReceiveReporteTrimestralDocument,
  CreateActividadRealizadaDocument,
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
  type PlanAnualCentroFieldsFragment,
} from '../src/generated/graphql.js';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { codeOf, unitIdsByCode, demoTokens, issuesOf, statementsFor, expectOnlyAllowed, gql, snapshot, startServer, type TestServer } from './helpers.js';

const ANIO = 2025;
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
const state = (id: string) => () => snapshot(server, tokens.admin, id);

async function planOf(plantel: string): Promise<PlanAnualCentroFieldsFragment> {
  const r = await gql(server, PlanesAnualesCentroDocument, { filter: { anio: ANIO, dentroDe: units[plantel] } }, as('admin'));
  expect(r.data!.planesAnualesCentro.totalCount).toBe(1);
  return r.data!.planesAnualesCentro.edges[0].node;
}

const statePlanInput = {
  anio: ANIO,
  contexto: 'Demanda de certificación en el sector automotriz del Valle de Toluca',
  fortalezas: 'Red de 39 Centros de Evaluación',
  oportunidades: 'Convenios con cámaras empresariales',
  debilidades: 'Poca difusión electrónica',
  amenazas: 'Oferta de otros organismos certificadores',
  riesgos: 'Restricciones a eventos presenciales',
  prioridades: 'Estándares EC0217, EC0301',
  resultadosHistoricos: '2024: eficiencia 78 %',
};

const meeting = (actividadProgramadaId: string | null, fecha: string, asistentes: number) => ({
  tipo: 'REUNION_PADRES' as const, fecha, descripcion: 'Reunión con madres y padres de familia', alcance: asistentes,
  evento: 'Reunión DIES', asistentes, ...(actividadProgramadaId ? { actividadProgramadaId } : {}),
});

describe('Concertación de Servicios (15-528-PO-26)', () => {
  let statePlanId: string;
  let p1: string;
  let p2: string;
  let q1: string;
  let q2: string;
  let f01: string;

  it('steps 1-2: the TCCC drafts, validates and hands down the state plan; CPSECE distributes it to every plantel', async () => {
    const bad = await gql(server, CreatePlanTrabajoAnualDocument, { input: { ...statePlanInput, contexto: ' ', anio: 1999 } }, as('tccc.mex'));
    expect(bad.errors![0].extensions!.issues).toEqual([
      { path: ['input', 'anio'], message: 'Must be a year between 2000 and 2100' },
      { path: ['input', 'contexto'], message: 'Must not be empty' },
    ]);
    const count = async () => (await gql(server, `{ planesTrabajoAnuales { totalCount } }`, undefined, as('admin'))).data;
    await expectOnlyAllowed(tokens, ['tccc.mex'], (t) => gql(server, CreatePlanTrabajoAnualDocument, { input: statePlanInput }, t), count);

    const created = await gql(server, CreatePlanTrabajoAnualDocument, { input: statePlanInput }, as('tccc.mex'));
    expect(created.errors).toBeUndefined();
    statePlanId = created.data!.createPlanTrabajoAnual.id;
    expect(created.data!.createPlanTrabajoAnual).toMatchObject({ estado: 'BORRADOR', unit: { code: 'CE-MEX' }, availableSteps: ['approvePlanTrabajoAnual'] });
    const again = await gql(server, CreatePlanTrabajoAnualDocument, { input: statePlanInput }, as('tccc.mex'));
    expect(again.errors![0].extensions!.issues).toEqual([{ path: ['input', 'anio'], message: 'This unit already has a plan for that year' }]);

    const steps: [StepDoc, string, string][] = [
      [ApprovePlanTrabajoAnualDocument, 'tccc.mex', 'VALIDADO'],
      [DeliverPlanTrabajoAnualDocument, 'tccc.mex', 'ENTREGADO'],
      [SendPlanTrabajoAnualDocument, 'promocion.mex', 'TURNADO'],
    ];
    for (const [doc, who, estado] of steps) {
      await expectOnlyAllowed(tokens, [who], (t) => gql(server, doc, { input: { id: statePlanId } }, t), state(statePlanId));
      const r = await gql(server, doc, { input: { id: statePlanId } }, as(who));
      expect(r.errors).toBeUndefined();
      expect((Object.values(r.data as object)[0] as { estado: string }).estado).toBe(estado);
    }
    // Distribution created one plan per plantel of the state, waiting for step 3.
    const planes = await gql(server, PlanesAnualesCentroDocument, { filter: { anio: ANIO } }, as('promocion.mex'));
    expect(planes.data!.planesAnualesCentro.edges.map((e) => [e.node.unit.code, e.node.estado]).sort()).toEqual([
      ['MEX-P001', 'POR_TURNAR'],
      ['MEX-P002', 'POR_TURNAR'],
      ['MEX-P003', 'POR_TURNAR'],
    ]);
    // Wrong prior state: it cannot be distributed twice.
    expect(codeOf(await gql(server, SendPlanTrabajoAnualDocument, { input: { id: statePlanId } }, as('promocion.mex')))).toBe('INVALID_TRANSITION');
  });

  it('steps 3-5: each plantel drafts its plan and cronograma; the ECE rejects with observations, then validates', async () => {
    p1 = (await planOf('MEX-P001')).id;
    p2 = (await planOf('MEX-P002')).id;
    // Step 3, by the Dirección del CE of that plantel only.
    await expectOnlyAllowed(tokens, ['dce.p001'], (t) => gql(server, SendPlanAnualCentroDocument, { input: { id: p1 } }, t), state(p1));
    expect((await gql(server, SendPlanAnualCentroDocument, { input: { id: p1 } }, as('dce.p001'))).data!.sendPlanAnualCentro.estado).toBe('EN_ELABORACION');
    await gql(server, SendPlanAnualCentroDocument, { input: { id: p2 } }, as('dce.p002'));

    // Step 4.1: the cronograma. A negative goal is refused and nothing is written.
    const add = (planId: string, mes: number, tipo: string, meta: number, who = 'cce.p001') =>
      gql(server, AddActividadProgramadaDocument, { input: { planAnualCentroId: planId, mes, tipo: tipo as never, descripcion: `${tipo} ${mes}`, audiencia: 'Estudiantes y familias', meta } }, as(who));
    const negative = await add(p1, 1, 'REUNION_PADRES', -5);
    expect(negative.errors![0].extensions!.issues).toEqual([{ path: ['input', 'meta'], message: 'The goal cannot be below zero' }]);
    expect(((await snapshot(server, tokens.admin, p1)) as unknown as { actividadesProgramadas: unknown[] }).actividadesProgramadas).toEqual([]);
    await expectOnlyAllowed(tokens, ['cce.p001'], (t) => gql(server, AddActividadProgramadaDocument, { input: { planAnualCentroId: p1, mes: 1, tipo: 'OTRA', descripcion: 'x', audiencia: 'x', meta: 1 } }, t), state(p1));
    // Submitting an empty cronograma is refused by the step's guard.
    expect(codeOf(await gql(server, SubmitPlanAnualCentroDocument, { input: { id: p1 } }, as('cce.p001')))).toBe('INVALID_TRANSITION');

    for (const [mes, tipo, meta] of [[1, 'REUNION_PADRES', 100], [2, 'DIFUSION_ELECTRONICA', 500], [3, 'VISITA_EMPRESA', 1], [4, 'ACADEMIA_DOCENTES', 30], [5, 'VISITA_EMPRESA', 1], [7, 'DIFUSION_ELECTRONICA', 1000], [10, 'REUNION_PADRES', 80]] as const) {
      expect((await add(p1, mes, tipo, meta)).errors).toBeUndefined();
    }
    const extra = await add(p1, 12, 'OTRA', 1);
    const plan = extra.data!.addActividadProgramada;
    const removeInput = { input: { actividadProgramadaId: plan.actividadesProgramadas.at(-1)!.id } };
    await expectOnlyAllowed(tokens, ['cce.p001'], (t) => gql(server, RemoveActividadProgramadaDocument, removeInput, t), state(p1));
    const objetivos = { input: { id: p1, objetivos: 'Certificar a 300 personas en EC0217' } };
    await expectOnlyAllowed(tokens, ['cce.p001'], (t) => gql(server, UpdatePlanAnualCentroDocument, objetivos, t), state(p1));
    expect((await gql(server, UpdatePlanAnualCentroDocument, objetivos, as('cce.p001'))).data!.updatePlanAnualCentro.objetivos).toBe('Certificar a 300 personas en EC0217');
    const removed = await gql(server, RemoveActividadProgramadaDocument, { input: { actividadProgramadaId: plan.actividadesProgramadas.at(-1)!.id } }, as('cce.p001'));
    expect(removed.data!.removeActividadProgramada.actividadesProgramadas).toHaveLength(7);
    for (const [mes, tipo, meta] of [[1, 'DIFUSION_ELECTRONICA', 200], [2, 'REUNION_PADRES', 50]] as const) await add(p2, mes, tipo, meta, 'cce.p002');

    // Step 4.2 and 5.
    await expectOnlyAllowed(tokens, ['cce.p001'], (t) => gql(server, SubmitPlanAnualCentroDocument, { input: { id: p1 } }, t), state(p1));
    expect((await gql(server, SubmitPlanAnualCentroDocument, { input: { id: p1 } }, as('cce.p001'))).data!.submitPlanAnualCentro.estado).toBe('ENVIADO');
    // Editing a submitted cronograma is refused.
    expect(codeOf(await add(p1, 6, 'OTRA', 1))).toBe('INVALID_TRANSITION');
    const noObs = await gql(server, ReturnPlanAnualCentroDocument, { input: { id: p1 } }, as('ece.mex'));
    expect(noObs.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: ['input', 'observaciones'] }] });
    await expectOnlyAllowed(tokens, ['ece.mex'], (t) => gql(server, ReturnPlanAnualCentroDocument, { input: { id: p1, observaciones: 'x' } }, t), state(p1));
    const rejected = await gql(server, ReturnPlanAnualCentroDocument, { input: { id: p1, observaciones: 'Falta meta de visitas a empresas' } }, as('ece.mex'));
    expect(rejected.data!.returnPlanAnualCentro).toMatchObject({ estado: 'EN_ELABORACION', availableSteps: [] });
    expect(rejected.data!.returnPlanAnualCentro.history.at(-1)).toMatchObject({ transition: 'returnPlanAnualCentro', comment: 'Falta meta de visitas a empresas' });
    await gql(server, SubmitPlanAnualCentroDocument, { input: { id: p1 } }, as('cce.p001'));
    await expectOnlyAllowed(tokens, ['ece.mex'], (t) => gql(server, ApprovePlanAnualCentroDocument, { input: { id: p1 } }, t), state(p1));
    expect((await gql(server, ApprovePlanAnualCentroDocument, { input: { id: p1 } }, as('ece.mex'))).data!.approvePlanAnualCentro.estado).toBe('VALIDADO');
    await gql(server, SubmitPlanAnualCentroDocument, { input: { id: p2 } }, as('cce.p002'));
    await gql(server, ApprovePlanAnualCentroDocument, { input: { id: p2 } }, as('ece.mex'));
  });

  it('steps 6-7: activities carried out with their evidence, against the cronograma or outside it', async () => {
    const plan = (await gql(server, PlanAnualCentroDocument, { id: p1 }, as('cce.p001'))).data!.node as PlanAnualCentroFieldsFragment;
    const byMonth = Object.fromEntries(plan.actividadesProgramadas.map((a) => [a.mes, a.id]));
    const record = (input: Record<string, unknown>, who = 'cce.p001') => gql(server, CreateActividadRealizadaDocument, { input: { planAnualCentroId: p1, ...input } as never }, as(who));

    // Bad input: outside the plan's year; evidence missing for a visit; wrong type for the scheduled activity.
    const outside = await record(meeting(byMonth[1], '2024-12-15', 10));
    expect(outside.errors![0].extensions!.issues).toEqual([{ path: ['input', 'fecha'], message: 'Must be within the plan\'s year (2025)' }]);
    const noEvidence = await record({ tipo: 'VISITA_EMPRESA', fecha: '2025-03-10', descripcion: 'Visita', alcance: 1, actividadProgramadaId: byMonth[3] });
    expect(issuesOf(noEvidence).map((i) => i.path.at(-1))).toEqual(['organizacion', 'contacto', 'resultado', 'sector']);
    expect(codeOf(await record({ ...meeting(byMonth[3], '2025-03-10', 5) }))).toBe('BAD_USER_INPUT');
    await expectOnlyAllowed(tokens, ['cce.p001'], (t) => gql(server, CreateActividadRealizadaDocument, { input: { planAnualCentroId: p1, ...meeting(byMonth[1], '2025-01-20', 120) } as never }, t),
      async () => (await gql(server, PlanAnualCentroDocument, { id: p1 }, as('admin'))).data);

    const ok = [
      await record(meeting(byMonth[1], '2025-01-20', 120)),
      await record({ tipo: 'VISITA_EMPRESA', fecha: '2025-03-12', descripcion: 'Visita promocional', alcance: 1, actividadProgramadaId: byMonth[3],
        organizacion: 'Autopartes del Valle SA', sector: 'PRIVADO', contacto: 'Gerencia de RH', resultado: '12 trabajadores interesados en EC0217' }),
      await record({ tipo: 'ACADEMIA_DOCENTES', fecha: '2025-04-08', descripcion: 'Academia de docentes', alcance: 25, actividadProgramadaId: byMonth[4], evento: 'Academia', asistentes: 25 }),
      // Outside the cronograma: recorded as such, counted apart.
      await record({ tipo: 'DIFUSION_ELECTRONICA', fecha: '2025-02-03', descripcion: 'Publicación en redes', alcance: 800, canal: 'Facebook', enlace: 'https://facebook.com/conalepedomex/posts/1' }),
    ];
    for (const r of ok) expect(r.errors).toBeUndefined();
    expect(ok[1].data!.createActividadRealizada).toMatchObject({ formato: 'F03', fueraDeCronograma: false });
    expect(ok[3].data!.createActividadRealizada).toMatchObject({ formato: null, fueraDeCronograma: true });

    const plan2 = (await gql(server, PlanAnualCentroDocument, { id: p2 }, as('cce.p002'))).data!.node as PlanAnualCentroFieldsFragment;
    for (const a of plan2.actividadesProgramadas) {
      const input = a.tipo === 'REUNION_PADRES'
        ? meeting(a.id, '2025-02-14', 60)
        : { tipo: 'DIFUSION_ELECTRONICA', fecha: '2025-01-09', descripcion: 'Boletín', alcance: 300, canal: 'Correo', enlace: 'https://conalep.edu.mx/boletin', actividadProgramadaId: a.id };
      expect((await gql(server, CreateActividadRealizadaDocument, { input: { planAnualCentroId: p2, ...input } as never }, as('cce.p002'))).errors).toBeUndefined();
    }
  });

  it('steps 7V-8.1: the F05 is built from the records, sent by the plantel and received by the state', async () => {
    const submit = (trimestre: number, who = 'cce.p001') =>
      gql(server, CreateReporteTrimestralDocument, { input: { planAnualCentroId: p1, trimestre, analisis: `Análisis T${trimestre}` } }, as(who));
    expect((await submit(5)).errors![0].extensions!.issues).toEqual([{ path: ['input', 'trimestre'], message: 'Must be 1 to 4' }]);
    const count = async () => (await gql(server, `{ reportesTrimestrales { totalCount } }`, undefined, as('admin'))).data;
    await expectOnlyAllowed(tokens, ['cce.p001'], (t) => gql(server, CreateReporteTrimestralDocument, { input: { planAnualCentroId: p1, trimestre: 1, analisis: 'x' } }, t), count);

    const r1 = await submit(1);
    expect(r1.errors).toBeUndefined();
    const f05 = r1.data!.createReporteTrimestral;
    q1 = f05.id;
    expect(f05.resultado).toMatchObject({ nivel: 'PLANTEL', unitCode: 'MEX-P001', programadas: 3, realizadas: 2, fueraDeCronograma: 1, eficiencia: 66.67 });
    expect(f05.actividades.map((a) => [a.mes, a.meta, a.alcanzado, a.cumplida])).toEqual([[1, 100, 120, true], [2, 500, 0, false], [3, 1, 1, true]]);
    expect((await submit(1)).errors![0].extensions!.issues).toEqual([{ path: ['input', 'trimestre'], message: 'This quarter\'s report was already sent' }]);
    q2 = (await submit(2)).data!.createReporteTrimestral.id;

    await expectOnlyAllowed(tokens, ['promocion.mex'], (t) => gql(server, ReceiveReporteTrimestralDocument, { input: { id: q1 } }, t), state(q1));
    for (const id of [q1, q2]) {
      expect((await gql(server, ReceiveReporteTrimestralDocument, { input: { id } }, as('promocion.mex'))).data!.receiveReporteTrimestral.estado).toBe('RECIBIDO');
    }
    expect(codeOf(await gql(server, ReceiveReporteTrimestralDocument, { input: { id: q1 } }, as('promocion.mex')))).toBe('INVALID_TRANSITION');
  });

  it('step 8.2: the state concentrate (F01) consolidates every plantel from the records', async () => {
    const issue = (who: string, semestre = 1) => gql(server, CreateConcentradoEstatalDocument, { input: { planTrabajoAnualId: statePlanId, semestre } }, as(who));
    expect((await issue('promocion.mex', 3)).errors![0].extensions!.issues).toEqual([{ path: ['input', 'semestre'], message: 'Must be 1 or 2' }]);
    const count = async () => (await gql(server, `{ concentradosEstatales { totalCount } }`, undefined, as('admin'))).data;
    await expectOnlyAllowed(tokens, ['promocion.mex'], (t) => gql(server, CreateConcentradoEstatalDocument, { input: { planTrabajoAnualId: statePlanId, semestre: 1 } }, t), count);
    const r = await issue('promocion.mex');
    expect(r.errors).toBeUndefined();
    const c = r.data!.createConcentradoEstatal;
    f01 = c.id;
    expect(c.lineas).toEqual([
      { unitCode: 'MEX-P001', programadas: 5, realizadas: 3, fueraDeCronograma: 1, eficiencia: 60, reportesRecibidos: 2, reportesEsperados: 2 },
      { unitCode: 'MEX-P002', programadas: 2, realizadas: 2, fueraDeCronograma: 0, eficiencia: 100, reportesRecibidos: 0, reportesEsperados: 2 },
    ]);
    expect(c.total).toMatchObject({ nivel: 'COLEGIO_ESTATAL', unitCode: 'CE-MEX', programadas: 7, realizadas: 5, eficiencia: 71.43 });
  });

  it('steps 7V, 8.2, 9-10: improvement actions linked to the result that caused them', async () => {
    const register = (who: string, input: Record<string, unknown>) =>
      gql(server, CreateAccionMejoraDocument, { input: { tipo: 'ACCION_CORRECTIVA', descripcion: 'Reforzar difusión electrónica', ...input } as never }, as(who));
    expect(issuesOf(await register('cce.p001', { reporteTrimestralId: q1, concentradoEstatalId: f01 }))[0].path).toEqual(['input', 'reporteTrimestralId']);
    // The plantel cannot see the state's F01.
    expect(codeOf(await register('cce.p001', { concentradoEstatalId: f01 }))).toBe('NOT_FOUND');
    const count = async () => (await gql(server, `{ accionesMejora { totalCount } }`, undefined, as('admin'))).data;
    await expectOnlyAllowed(tokens, ['cce.p001', 'promocion.mex'], (t) => gql(server, CreateAccionMejoraDocument, { input: { tipo: 'ACCION_CORRECTIVA', descripcion: 'x', reporteTrimestralId: q1 } }, t), count);
    const plantelAction = (await register('cce.p001', { reporteTrimestralId: q1 })).data!.createAccionMejora;
    expect(plantelAction).toMatchObject({ estado: 'ABIERTA', unit: { code: 'MEX-P001' }, reporteTrimestral: { id: q1 }, availableSteps: ['closeAccionMejora'] });
    const stateAction = (await register('promocion.mex', { concentradoEstatalId: f01, tipo: 'SALIDA_NO_CONFORME' })).data!.createAccionMejora;
    expect(stateAction).toMatchObject({ unit: { code: 'CE-MEX' }, concentradoEstatal: { id: f01 } });

    const close = (id: string, resultado: string, who: string) => gql(server, CloseAccionMejoraDocument, { input: { id, resultado } }, as(who));
    expect((await close(plantelAction.id, ' ', 'cce.p001')).errors![0].extensions!.issues).toEqual([{ path: ['input', 'resultado'], message: 'Must not be empty' }]);
    // The plantel cannot close the state's action.
    expect(codeOf(await close(stateAction.id, 'hecho', 'cce.p001'))).toBe('NOT_FOUND');
    await expectOnlyAllowed(tokens, ['cce.p001', 'promocion.mex'], (t) => gql(server, CloseAccionMejoraDocument, { input: { id: plantelAction.id, resultado: 'x' } }, t), state(plantelAction.id));
    expect((await close(plantelAction.id, 'Campaña en redes: +40 % de alcance', 'cce.p001')).data!.closeAccionMejora.estado).toBe('CERRADA');
    expect((await close(stateAction.id, 'Atendida', 'promocion.mex')).data!.closeAccionMejora.estado).toBe('CERRADA');
  });

  it('computes the indicator at plantel, state and national level over what each reader may see', async () => {
    const ef = async (who: string, vars: Record<string, unknown>) => {
      const r = await gql(server, EficienciaPromocionDocument, { anio: ANIO, ...vars } as never, as(who));
      expect(r.errors).toBeUndefined();
      return r.data!.eficienciaPromocion.map((e) => [e.unitCode, e.programadas, e.realizadas, e.fueraDeCronograma, e.eficiencia]);
    };
    expect(await ef('promocion.mex', { nivel: 'PLANTEL', trimestre: 1, dentroDe: units['CE-MEX'] })).toEqual([['MEX-P001', 3, 2, 1, 66.67], ['MEX-P002', 2, 2, 0, 100]]);
    expect(await ef('promocion.mex', { nivel: 'PLANTEL', trimestre: 2 })).toEqual([['MEX-P001', 2, 1, 0, 50]]);
    expect(await ef('dg.mex', { nivel: 'COLEGIO_ESTATAL', trimestre: 1 })).toEqual([['CE-MEX', 5, 4, 1, 80]]);
    expect(await ef('dstc', { nivel: 'NACIONAL', semestre: 1 })).toEqual([[null, 7, 5, 1, 71.43]]);
    expect(await ef('dstc', { nivel: 'NACIONAL' })).toEqual([[null, 9, 5, 1, 55.56]]);
    // A plantel's coordinator asking for the nation sees only its plantel; another state sees nothing.
    expect(await ef('cce.p001', { nivel: 'NACIONAL', trimestre: 1 })).toEqual([[null, 3, 2, 1, 66.67]]);
    expect(await ef('dg.ver', { nivel: 'NACIONAL', trimestre: 1 })).toEqual([[null, 0, 0, 0, null]]);
    const both = await gql(server, EficienciaPromocionDocument, { anio: ANIO, nivel: 'NACIONAL', trimestre: 1, semestre: 1 }, as('dstc'));
    expect(both.errors![0].extensions!.issues).toEqual([{ path: ['semestre'], message: 'Give a quarter or a half-year, not both' }]);
  });

  it('derives due dates from the manual\'s months and lists what is overdue', async () => {
    const cal = (await gql(server, ObligacionesPromocionDocument, { anio: ANIO }, as('promocion.mex'))).data!.obligacionesPromocion;
    expect(cal.map((o) => [o.clave, o.fechaLimite.slice(0, 10)])).toEqual([
      ['PROGRAMA_PROMOCION', '2024-09-30'], ['TABLA_COSTOS', '2025-01-31'], ['PLAN_ESTATAL_TURNADO', '2025-01-31'],
      ['VISITA_TECNICA_03', '2025-03-31'], ['VISITA_TECNICA_06', '2025-06-30'], ['VISITA_TECNICA_09', '2025-09-30'], ['VISITA_TECNICA_12', '2025-12-31'],
      ['F05_T1', '2025-04-10'], ['F05_T2', '2025-07-10'], ['F05_T3', '2025-10-10'], ['F05_T4', '2026-01-10'],
    ]);
    const overdue = await gql(server, PendientesPromocionDocument, { anio: ANIO, fecha: '2026-01-15T00:00:00Z' }, as('promocion.mex'));
    expect(overdue.data!.pendientesPromocion.map((p) => [p.clave, p.unitCode])).toEqual([
      ['PROGRAMA_PROMOCION', 'MEX-P003'],
      ['F05_T1', 'MEX-P002'], ['F05_T2', 'MEX-P002'], ['F05_T3', 'MEX-P001'], ['F05_T3', 'MEX-P002'], ['F05_T4', 'MEX-P001'], ['F05_T4', 'MEX-P002'],
    ]);
    // A plantel sees only its own.
    const own = await gql(server, PendientesPromocionDocument, { anio: ANIO, fecha: '2026-01-15T00:00:00Z' }, as('cce.p001'));
    expect(own.data!.pendientesPromocion.map((p) => p.unitCode)).toEqual(['MEX-P001', 'MEX-P001']);
  });

  it('keeps F01-F05 three years, then lets the responsible role destroy them as a recorded step', async () => {
    const due = async (who: string, fecha: string) =>
      (await gql(server, RegistrosPromocionPorDestruirDocument, { fecha }, as(who))).data!.registrosPromocionPorDestruir;
    expect(await due('cce.p001', '2027-01-01T00:00:00Z')).toEqual([]);
    const later = await due('cce.p001', '2031-01-01T00:00:00Z');
    expect(later.map((r) => r.formato).sort()).toEqual(['F02', 'F03', 'F04', 'F04', 'F05', 'F05']);
    expect((await due('promocion.mex', '2031-01-01T00:00:00Z')).map((r) => r.formato)).toContain('F01');

    const f05 = later.find((r) => r.formato === 'F05' && r.registroId === q2)!;
    const destroy = (who: string) => gql(server, DestroyRegistroPromocionDocument, { input: { id: f05.registroId, motivo: 'Acta de baja documental 01/2029' } }, as(who));
    const early = await destroy('cce.p001');
    expect(issuesOf(early)[0].message).toMatch(/^Its retention runs until 20\d\d-/);

    // Three years later (the record is back-dated; nothing else changes).
    await server.db.$executeRawUnsafe(`UPDATE "ReporteTrimestral" SET "createdAt" = now() - interval '4 years' WHERE id = $1::uuid`, Buffer.from(q2, 'base64').toString().split(':')[1]);
    expect(codeOf(await destroy('promocion.mex'))).toBe('FORBIDDEN');
    expect(codeOf(await destroy('cce.p002'))).toBe('NOT_FOUND');
    const done = await destroy('cce.p001');
    expect(done.errors).toBeUndefined();
    expect((await due('cce.p001', '2031-01-01T00:00:00Z')).map((r) => r.registroId)).not.toContain(q2);
    const audit = await server.db.workflowTransition.findFirst({ where: { transition: 'destroyRegistroPromocion' } });
    expect(audit).toMatchObject({ fromState: 'CONSERVADO', toState: 'DESTRUIDO', actorRole: 'COORDINADOR_CENTRO_EVALUACION', comment: 'F05: Acta de baja documental 01/2029' });
    // Destroyed is a declared state (the row stays): a second destruction is refused by the engine for the wrong prior state.
    expect(codeOf(await destroy('cce.p001'))).toBe('INVALID_TRANSITION');
  });

  it('runs the same number of SQL statements for one report or plan as for several (no N+1)', async () => {
    const statements = (run: () => Promise<unknown>) => statementsFor(run);
    const reports = (filter: object) => () => gql(server, ReportesTrimestralesDocument, { filter }, as('promocion.mex'));
    const one = await statements(reports({ anio: ANIO, trimestre: 1 }));
    const two = await statements(reports({ anio: ANIO }));
    expect((await reports({ anio: ANIO })()).data!.reportesTrimestrales.totalCount).toBe(2);
    expect(two).toBe(one);
    const plans = (filter: object) => () => gql(server, PlanesAnualesCentroDocument, { filter }, as('promocion.mex'));
    expect(await statements(plans({ anio: ANIO, dentroDe: units['CE-MEX'] }))).toBe(await statements(plans({ anio: ANIO, dentroDe: units['MEX-P001'] })));
  });
});
