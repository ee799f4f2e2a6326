// The factories put every workflow model in every declared state, readable
// through the API as the platform administrator of its tree (CONALEP's, or
// CONOCER's for the models that say so); the state lists come from the
// workflow declarations, so a new state is covered (or fails) here at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyWorkflow } from '../src/lib/workflow/types.js';
import { make, WORKFLOW_MODELS } from './factories.js';
import { expectSqlGolden } from './golden.js';
import { demoEmail, DEMO_PASSWORD } from '../src/seed/demo.js';
import { LoginDocument } from '../src/generated/graphql.js';
import { gql, startServer, type TestServer } from './helpers.js';

let server: TestServer;
let admin: string;
/** Platform administrators' tokens by demo account (`admin`, `admin.conocer`). */
const admins: Record<string, string> = {};

beforeAll(async () => {
  server = await startServer();
  for (const account of ['admin', 'admin.conocer']) {
    const r = await gql(server, LoginDocument, { email: demoEmail(account), password: DEMO_PASSWORD });
    admins[account] = r.data!.login.token;
  }
  admin = admins.admin;
});
afterAll(() => server.stop());

interface NodeRead {
  node: {
    __typename: string;
    estado?: string;
    version?: number;
    history: { transition: string; fromState: string | null; toState: string }[];
  } | null;
}

/** Reads a workflow record as `typename`; `estado` and `version` where the type exposes them (not for records with one fixed state). */
async function readNode(typename: string, id: string, stateless: boolean, token = admin) {
  const fields = stateless ? '' : 'estado version';
  return gql<NodeRead, { id: string }>(
    server,
    `query($id: ID!) { node(id: $id) { __typename ... on ${typename} { ${fields} history { transition fromState toState } } } }`,
    { id },
    token,
  );
}

/** For the types that are not nodes: the audit trail, read in the database. */
async function readHistory(workflow: string, id: string) {
  return server.db.workflowTransition.findMany({
    where: { workflow, recordId: id },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
    select: { transition: true, fromState: true, toState: true },
  });
}

describe.each(WORKFLOW_MODELS.map((m) => [m.typename, m] as const))('%s', (typename, model) => {
  it.each([...model.workflow.states])('in %s reads back through node(id:)', async (estado) => {
    // Each model's factory takes its own states; the union is checked by the declaration it came from.
    const made = await (model.make as (db: TestServer['db'], s: string) => Promise<{ id: string; globalId: string }>)(server.db, estado);
    const stateless = model.workflow.states.length === 1;
    let history: { transition: string; fromState: string | null; toState: string }[];
    if (model.node) {
      const r = await readNode(typename, made.globalId, stateless, admins[(model as { admin?: string }).admin ?? 'admin']);
      expect(r.errors).toBeUndefined();
      const node = r.data!.node!;
      expect(node.__typename).toBe(typename);
      if (!stateless) {
        expect(node.estado).toBe(estado);
        expect(node.version).toBe(0);
      }
      history = node.history;
    } else {
      history = await readHistory(model.workflow.name, made.id);
    }
    const created = Object.values((model.workflow as AnyWorkflow).steps).some((t) => t.kind === 'creation');
    if (created || estado !== model.workflow.initial) {
      // The audit trail leads to the state (from the creating step, when the workflow has one).
      expect(history.at(-1)?.toState).toBe(estado);
      if (created) expect(history[0].fromState).toBeNull();
    } else {
      expect(history).toEqual([]);
    }
  });
});

describe('ready', () => {
  it('a ProyectoNormativo in EN_COMENTARIOS_CAST has CAST observations unless ready: false', async () => {
    const count = (id: string) =>
      server.db.workflowTransition.count({ where: { recordId: id, transition: 'submitProyectoNormativoAsCast' } });
    expect(await count((await make.proyectoNormativo(server.db, { estado: 'EN_COMENTARIOS_CAST' })).id)).toBe(1);
    expect(await count((await make.proyectoNormativo(server.db, { estado: 'EN_COMENTARIOS_CAST', ready: false })).id)).toBe(0);
  });

  it('a PlanAnualCentro in EN_ELABORACION has a scheduled activity unless ready: false', async () => {
    const count = (id: string) => server.db.actividadProgramada.count({ where: { planId: id } });
    expect(await count((await make.planAnualCentro(server.db, { estado: 'EN_ELABORACION' })).id)).toBe(1);
    expect(await count((await make.planAnualCentro(server.db, { estado: 'EN_ELABORACION', ready: false })).id)).toBe(0);
    expect(await count((await make.planAnualCentro(server.db, { estado: 'EN_ELABORACION', actividades: 3 })).id)).toBe(3);
  });

  it('a ReunionTrabajoCast in EN_PREPARACION has steps 2-5 recorded unless ready: false', async () => {
    const prepared = async (id: string) => {
      const r = await server.db.reunionTrabajoCast.findUniqueOrThrow({ where: { id }, select: { programa: true, materialUrl: true } });
      return r.programa !== null && r.materialUrl !== null;
    };
    expect(await prepared((await make.reunionTrabajoCast(server.db)).id)).toBe(true);
    expect(await prepared((await make.reunionTrabajoCast(server.db, { ready: false })).id)).toBe(false);
  });

  it('the other factories give records with their parents', async () => {
    const folios = await make.loteFolios(server.db, { cantidad: 5, plantel: 'MEX-P002' });
    expect(folios.folios).toHaveLength(5);
    const realizada = await make.actividadRealizada(server.db, { unit: 'MEX-P003' });
    expect(await server.db.actividadRealizada.count({ where: { id: realizada.id, programadaId: { not: null } } })).toBe(1);
    const programada = await make.actividadProgramada(server.db);
    expect(programada.globalId).toBeTruthy();
    const alumno = await make.alumno(server.db, { unit: 'VER-P001', planConcluido: true });
    expect((await server.db.alumno.findUniqueOrThrow({ where: { id: alumno.id } })).estatus).toBe('EGRESADO');
    const calendario = await make.corteCalendario(server.db);
    expect(calendario.cortes).toHaveLength(3);
    await Promise.all([
      make.docente(server.db),
      make.grupo(server.db),
      make.reunionRiesgo(server.db),
      make.asesoriaComplementaria(server.db),
    ]);
  });
});

describe('ready records take their next step through the API', () => {
  const inputTypes: Record<string, string> = {
    receiveProyectoNormativoAsCst: 'ProyectoNormativoStepInput',
    submitPlanAnualCentro: 'PlanAnualCentroStepInput',
    createReporteTrimestral: 'CreateReporteTrimestralInput',
    createCertificado: 'CreateCertificadoInput',
  };
  const step = async (who: string, mutation: string, input: Record<string, unknown>) => {
    const login = await gql(server, LoginDocument, { email: demoEmail(who), password: DEMO_PASSWORD });
    const r = await gql<Record<string, { estado: string }>, { input: Record<string, unknown> }>(
      server,
      `mutation($input: ${inputTypes[mutation]}!) { ${mutation}(input: $input) { estado } }`,
      { input },
      login.data!.login.token,
    );
    return r;
  };

  it('receiveProyectoNormativoAsCst, submitPlanAnualCentro, createReporteTrimestral, createCertificado', async () => {
    const p = await make.proyectoNormativo(server.db, { estado: 'EN_COMENTARIOS_CAST' });
    const drafting = await step('cst', 'receiveProyectoNormativoAsCst', { id: p.globalId });
    expect(drafting.errors).toBeUndefined();
    expect(drafting.data!.receiveProyectoNormativoAsCst.estado).toBe('EN_ELABORACION');
    const notReady = await make.proyectoNormativo(server.db, { estado: 'EN_COMENTARIOS_CAST', ready: false });
    expect((await step('cst', 'receiveProyectoNormativoAsCst', { id: notReady.globalId })).errors?.[0].extensions?.code).toBeDefined();

    const plan = await make.planAnualCentro(server.db, { estado: 'EN_ELABORACION' });
    expect((await step('cce.p001', 'submitPlanAnualCentro', { id: plan.globalId })).data?.submitPlanAnualCentro.estado).toBe('ENVIADO');

    const validado = await make.planAnualCentro(server.db, { estado: 'VALIDADO' });
    const reporte = await step('cce.p001', 'createReporteTrimestral', {
      planAnualCentroId: validado.globalId,
      trimestre: 2,
      analisis: 'Resultados',
    });
    expect(reporte.errors).toBeUndefined();

    const alumno = await make.alumno(server.db, { unit: 'MEX-P001', planConcluido: true });
    await make.loteFolios(server.db, { cantidad: 1, plantel: 'MEX-P001' });
    const cert = await step('escolares.p001', 'createCertificado', { alumnoId: alumno.globalId });
    expect(cert.errors).toBeUndefined();
    expect(cert.data!.createCertificado.estado).toBe('SOLICITADO');
  });
});

describe('SQL goldens', () => {
  it('the proyectosNormativos list runs the same statements', async () => {
    for (const estado of ['NECESIDAD_IDENTIFICADA', 'EN_COMENTARIOS_CAST', 'CERRADO'] as const) {
      await make.proyectoNormativo(server.db, { estado });
    }
    const r = await expectSqlGolden(
      'proyectos-normativos-list',
      () =>
        gql<{ proyectosNormativos: { edges: { node: { id: string } }[] } }, Record<string, never>>(
          server,
          '{ proyectosNormativos(first: 10, filter: { tipo: SERVICIOS_TECNOLOGICOS }) { edges { node { id titulo unit { code } history { transition } } } } }',
          {},
          admin,
        ),
      { sort: true },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.proyectosNormativos.edges.length).toBeGreaterThanOrEqual(3);
  });
});
