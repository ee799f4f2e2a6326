// The roles × steps × states matrix, generated from the workflow declarations
// and the demo accounts. For every declared step:
// - transitions and actions: in each allowed state, every account allowed by
//   the declaration succeeds on a fresh record (a transition leaves it in its
//   `to` state; an audit entry names the step), every other demo account is
//   refused with FORBIDDEN or NOT_FOUND, and in every other state an allowed
//   account gets INVALID_TRANSITION; refused calls write nothing (the row, its
//   audit trail and the step's lines, read in the database, which sees all);
// - creations under a parent or subject: the same over the subject's states;
// - creations at a unit: at every unit of an allowed kind, and BAD_USER_INPUT
//   at a unit of another kind.
// Who is allowed is computed here from the declaration (roles, roleByKind,
// reach) and the demo tree (DEMO_UNITS, DEMO_PEOPLE), not by the engine.
// Inputs come from test/matrix-inputs.ts: a step without one fails here.
import { encodeGlobalID } from '@pothos/plugin-relay';
import '../src/schema.js';
import { getNamedType, isScalarType, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgUnitKind } from '../src/generated/prisma/enums.js';
import { registeredWorkflows } from '../src/lib/modules.js';
import { rolesOf, statesAllowing, subjectsOf, type AnyWorkflow, type StepDefinition } from '../src/lib/workflow/types.js';
import { isSystemStep } from '../src/lib/workflow/system.js';
import { buildSchema } from '../src/schema.js';
import { DEMO_PEOPLE, DEMO_UNITS } from '../src/seed/demo.js';
import { WORKFLOW_MODELS, useDocumentStore } from './factories.js';
import { localDiskStore } from '../src/lib/documents/store.js';
import { codeOf, demoTokens, gql, startServer, type GqlResponse, type TestServer } from './helpers.js';
import { SAMPLE_INPUTS, type MatrixContext, type Sample, type SampleInput } from './matrix-inputs.js';

let server: TestServer;
let tokens: Record<string, string>;
let unitIds: Record<string, string>;
let unitCodes: Map<string, string>;
let schema: GraphQLSchema;

beforeAll(async () => {
  server = await startServer();
  tokens = await demoTokens(server);
  // Every demo unit, read in the database: CONALEP's administrator does not reach outside organisations under
  // CONOCER (the portal's provider, PROV-PORTAL), and creations are tried at every unit.
  const units = await server.db.orgUnit.findMany({ select: { id: true, code: true } });
  unitIds = Object.fromEntries(units.map((u) => [u.code, encodeGlobalID('OrgUnit', u.id)]));
  unitCodes = new Map(units.map((u) => [u.id, u.code]));
  schema = buildSchema();
  // Steps that read uploaded files (advanceImportacionSae) find the factories' bytes in the server's store.
  useDocumentStore(localDiskStore(server.config.documents.dir));
});
afterAll(() => server.stop());

// ---- who may act, from the declaration and the demo tree ---------------------------

const UNITS = new Map(DEMO_UNITS.map(([code, , kind, parent]) => [code, { kind, parent }]));
const NATIONAL: readonly OrgUnitKind[] = ['OFICINAS_NACIONALES', 'DIRECCION_NACIONAL', 'COORDINACION_NACIONAL'];

function lineage(code: string): string[] {
  const out: string[] = [];
  for (let c: string | null = code; c; c = UNITS.get(c)!.parent) out.push(c);
  return out;
}
/** Whether a role held at `holder` reaches records of `target`: the unit or an ancestor; national offices reach their whole tree. */
function reaches(holder: string, target: string): boolean {
  if (NATIONAL.includes(UNITS.get(holder)!.kind)) return lineage(holder).at(-1) === lineage(target).at(-1);
  return lineage(target).includes(holder);
}

interface Target {
  unit: string;
  addressees: { purpose: string; unit: string }[];
  kind?: string;
}

/** The demo accounts the declaration lets take `step` on a record (or at a unit) described by `target`. */
function allowedAccounts(step: StepDefinition<string>, target: Target): string[] {
  const byKind = target.kind ? step.roleByKind?.[target.kind] : undefined;
  const roles = byKind ? [byKind] : rolesOf(step);
  const { reach } = step;
  return DEMO_PEOPLE.filter(
    ([, , role, unit]) =>
      roles.includes(role) &&
      (reach.kind === 'owner'
        ? reaches(unit, target.unit)
        : target.addressees.some((a) => a.purpose === reach.purpose && reaches(unit, a.unit))),
  ).map(([local]) => local);
}

// ---- records, read in the database ----------------------------------------------------

const modelOf = (entity: string) => entity.charAt(0).toLowerCase() + entity.slice(1);

interface FindDelegate {
  findUnique(args: { where: { id: string } }): Promise<Record<string, unknown> | null>;
  findMany(args: { where: object; select: object }): Promise<Record<string, unknown>[]>;
}
/** The addressee table of each model that has one: steps with addressee reach read it. */
const ADDRESSEE_TABLES: Record<string, { model: string; key: string }> = {
  proyectoNormativo: { model: 'proyectoNormativoDestinatario', key: 'proyectoId' },
  reunionTrabajoCast: { model: 'reunionTrabajoCastDestinatario', key: 'reunionTrabajoCastId' },
  acuerdoReunion: { model: 'acuerdoReunionDestinatario', key: 'acuerdoReunionId' },
  promocionServiciosTecnologicos: { model: 'promocionServiciosTecnologicosDestinatario', key: 'promocionServiciosTecnologicosId' },
  solicitudDirigida: { model: 'solicitudDirigidaDestinatario', key: 'solicitudDirigidaId' },
  ofertaCapacitacion: { model: 'ofertaCapacitacionDestinatario', key: 'ofertaCapacitacionId' },
  solicitudPortal: { model: 'solicitudPortalDestinatario', key: 'solicitudPortalId' },
};
const delegate = (model: string) => (server.db as unknown as Record<string, FindDelegate>)[model];

/** The sample's unit, addressees and kind, read in the database. */
async function targetOf(model: string, r: Sample): Promise<Target> {
  const row =
    model === 'actividadRealizada'
      ? {
          unitId: (
            await server.db.actividadRealizada.findUniqueOrThrow({ where: { id: r.id }, select: { plan: { select: { unitId: true } } } })
          ).plan!.unitId,
        }
      : await delegate(model).findUnique({ where: { id: r.id } });
  const table = ADDRESSEE_TABLES[model];
  const addressees = table
    ? (await delegate(table.model).findMany({ where: { [table.key]: r.id }, select: { fin: true, unitId: true } })).map((d) => ({
        purpose: String(d.fin),
        unit: unitCodes.get(String(d.unitId))!,
      }))
    : [];
  // A unit is its own record (workflow `unidad`); a factory's unit hangs under a demo unit, and the demo
  // accounts reach it exactly when they reach that parent.
  const owner =
    model === 'orgUnit' ? (DEMO_UNITS.some(([code]) => code === unitCodes.get(String(row!.id))) ? row!.id : row!.parentId) : row!.unitId;
  return {
    unit: unitCodes.get(String(owner))!,
    addressees,
    kind: typeof r.kind === 'string' ? r.kind : typeof r.formato === 'string' ? r.formato : undefined,
  };
}

/** Everything a refused step must leave as it was: the row, its audit entries, and the step's `extra`. */
async function recordSnapshot(model: string, r: Sample, sample: SampleInput) {
  const [row, audit, extra] = await Promise.all([
    delegate(model).findUnique({ where: { id: r.id } }),
    server.db.workflowTransition.count({ where: { recordId: r.id } }),
    sample.extra?.(server.db, r),
  ]);
  return JSON.stringify({ row, audit, extra });
}

/** What a creation wrote for one attempt: the rows it could have made and their audit entries of the step. */
async function creationSnapshot(name: string, sample: SampleInput, r: Sample, input: Record<string, unknown>, subjectModel?: string) {
  const rows = (await sample.written!(server.db, r, input)).sort();
  const audit = await server.db.workflowTransition.count({ where: { transition: name, recordId: { in: rows } } });
  const subject = subjectModel ? await delegate(subjectModel).findUnique({ where: { id: r.id } }) : null;
  return { rows, audit, text: JSON.stringify({ rows, audit, subject }) };
}

// ---- calling a step -------------------------------------------------------------------

function documentOf(name: string): string {
  const field = schema.getMutationType()!.getFields()[name];
  const arg = field.args.find((a) => a.name === 'input')!;
  const selection = isScalarType(getNamedType(field.type)) ? '' : '{ __typename }';
  return `mutation($input: ${arg.type.toString()}) { ${name}(input: $input) ${selection} }`;
}

const call = (name: string, input: Record<string, unknown>, account: string): Promise<GqlResponse<unknown>> =>
  gql(server, documentOf(name), { input }, tokens[account]);

const errorText = (r: GqlResponse<unknown>) => (r.errors ? `${String(codeOf(r))}: ${r.errors[0].message}` : 'success');
const REFUSED = ['FORBIDDEN', 'NOT_FOUND'];

/** Cases checked, by step (each is one account × state, unit or kind). */
const cases = new Map<string, number>();
const count = (name: string) => cases.set(name, (cases.get(name) ?? 0) + 1);
/** Successful calls, by step: every step must succeed for someone. */
const successes = new Map<string, number>();
const succeeded = (name: string) => successes.set(name, (successes.get(name) ?? 0) + 1);

// ---- the matrix -------------------------------------------------------------------------

function modelFor(workflow: AnyWorkflow) {
  return WORKFLOW_MODELS.find((m) => m.workflow === (workflow as unknown))?.make as
    ((db: TestServer['db'], state: string) => Promise<Sample>) | undefined;
}
function factoryFor(entity: string) {
  return WORKFLOW_MODELS.find((m) => m.typename === entity)?.make as ((db: TestServer['db'], state: string) => Promise<Sample>) | undefined;
}

async function makeRecord(workflow: AnyWorkflow, sample: SampleInput, state: string, entity: string, kind?: string): Promise<Sample> {
  if (sample.make) return sample.make(server.db, { state, entity, kind });
  const factory = entity === workflow.entity ? modelFor(workflow) : factoryFor(entity);
  if (!factory) throw new Error(`no factory for ${entity}: add one to WORKFLOW_MODELS or a make to test/matrix-inputs.ts`);
  return factory(server.db, state);
}

/** Transitions and actions. */
async function onRecord(workflow: AnyWorkflow, name: string, step: StepDefinition<string>, sample: SampleInput): Promise<string[]> {
  const failures: string[] = [];
  const allowedStates = statesAllowing(step);
  const kinds: (string | undefined)[] = sample.kinds ? [...sample.kinds] : [undefined];
  const ctx: MatrixContext = { db: server.db, unitIds };
  const fresh = async (state: string, kind?: string) => {
    const r = await makeRecord(workflow, sample, state, workflow.entity, kind);
    const model = typeof r.model === 'string' ? r.model : modelOf(workflow.entity);
    return { r, model, target: await targetOf(model, r) };
  };
  const where = (state: string, kind: string | undefined, account: string) => `${name} [${state}${kind ? `, ${kind}` : ''}] as ${account}`;

  const tasks: Promise<void>[] = [];
  for (const kind of kinds) {
    for (const state of workflow.states) {
      const allowedState = allowedStates.includes(state);
      // Which accounts are allowed depends on the record's unit and addressees: one probe record tells, then each account gets its own.
      tasks.push(
        (async () => {
          const probe = await fresh(state, kind);
          const allowed = allowedAccounts(step, probe.target);
          await Promise.all(
            allowed.map(async (account, i) => {
              const { r, model } = i === 0 ? probe : await fresh(state, kind);
              const before = await recordSnapshot(model, r, sample);
              const auditBefore = await server.db.workflowTransition.count({ where: { recordId: r.id, transition: name } });
              const res = await call(name, await sample.input(r, { ...ctx, account }), account);
              count(name);
              if (allowedState) {
                if (res.errors) return void failures.push(`${where(state, kind, account)}: expected success, got ${errorText(res)}`);
                succeeded(name);
                const [moved] = await workflow.store.loadMany(server.db, [r.id]);
                if (step.kind === 'transition' && moved?.state !== step.to)
                  failures.push(`${where(state, kind, account)}: expected ${step.to}, got ${moved?.state}`);
                const audit = await server.db.workflowTransition.count({ where: { recordId: r.id, transition: name } });
                if (audit !== auditBefore + 1)
                  failures.push(`${where(state, kind, account)}: expected one new audit entry ${name}, got ${audit - auditBefore}`);
              } else {
                if (codeOf(res) !== 'INVALID_TRANSITION')
                  failures.push(`${where(state, kind, account)}: expected INVALID_TRANSITION, got ${errorText(res)}`);
                if ((await recordSnapshot(model, r, sample)) !== before)
                  failures.push(`${where(state, kind, account)}: refused, but the record changed`);
              }
            }),
          );
          if (!allowedState) return;
          // Every other account, one after the other on one record in the allowed state.
          const { r, model } = await fresh(state, kind);
          const input = await sample.input(r, ctx);
          for (const [account] of DEMO_PEOPLE) {
            if (allowed.includes(account)) continue;
            const before = await recordSnapshot(model, r, sample);
            const res = await call(name, input, account);
            count(name);
            if (!REFUSED.includes(String(codeOf(res))))
              failures.push(`${where(state, kind, account)}: expected FORBIDDEN or NOT_FOUND, got ${errorText(res)}`);
            if ((await recordSnapshot(model, r, sample)) !== before)
              failures.push(`${where(state, kind, account)}: refused, but the record changed`);
          }
        })(),
      );
    }
  }
  await Promise.all(tasks);
  return failures;
}

/** Creations under a parent or subject, over every state of each subject. */
async function underSubject(
  workflow: AnyWorkflow,
  name: string,
  step: StepDefinition<string> & { kind: 'creation' },
  sample: SampleInput,
): Promise<string[]> {
  const failures: string[] = [];
  if (!sample.written) return [`${name}: a creation needs \`written\` in test/matrix-inputs.ts`];
  const tasks: Promise<void>[] = [];
  for (const subject of subjectsOf(step)) {
    const states = sample.subjectStates?.[subject.entity] ?? registeredWorkflows().find((w) => w.entity === subject.entity)?.states;
    if (!states) {
      failures.push(`${name}: the states of ${subject.entity} are unknown: give subjectStates in test/matrix-inputs.ts`);
      continue;
    }
    const ctx: MatrixContext = { db: server.db, unitIds, entity: subject.entity };
    const subjectModel = modelOf(subject.entity);
    const fresh = async (state: string) => {
      const r = await makeRecord(workflow, sample, state, subject.entity);
      return { r, target: await targetOf(subjectModel, r) };
    };
    const where = (state: string, account: string) => `${name} [${subject.entity} ${state}] as ${account}`;
    for (const state of states) {
      const allowedState = subject.states.includes(state);
      tasks.push(
        (async () => {
          const probe = await fresh(state);
          const allowed = allowedAccounts(step, probe.target);
          await Promise.all(
            allowed.map(async (account, i) => {
              const { r } = i === 0 ? probe : await fresh(state);
              const input = await sample.input(r, { ...ctx, account });
              const before = await creationSnapshot(name, sample, r, input, subjectModel);
              const res = await call(name, input, account);
              count(name);
              const after = await creationSnapshot(name, sample, r, input, subjectModel);
              if (allowedState) {
                if (res.errors) return void failures.push(`${where(state, account)}: expected success, got ${errorText(res)}`);
                succeeded(name);
                if (after.rows.length !== before.rows.length + 1 || after.audit !== before.audit + 1) {
                  failures.push(`${where(state, account)}: expected one new ${workflow.entity} with its audit entry ${name}`);
                }
              } else {
                if (codeOf(res) !== 'INVALID_TRANSITION')
                  failures.push(`${where(state, account)}: expected INVALID_TRANSITION, got ${errorText(res)}`);
                if (after.text !== before.text) failures.push(`${where(state, account)}: refused, but something was written`);
              }
            }),
          );
          if (!allowedState) return;
          const { r } = await fresh(state);
          const input = await sample.input(r, ctx);
          for (const [account] of DEMO_PEOPLE) {
            if (allowed.includes(account)) continue;
            const before = await creationSnapshot(name, sample, r, input, subjectModel);
            const res = await call(name, input, account);
            count(name);
            if (!REFUSED.includes(String(codeOf(res))))
              failures.push(`${where(state, account)}: expected FORBIDDEN or NOT_FOUND, got ${errorText(res)}`);
            if ((await creationSnapshot(name, sample, r, input, subjectModel)).text !== before.text)
              failures.push(`${where(state, account)}: refused, but something was written`);
          }
        })(),
      );
    }
  }
  await Promise.all(tasks);
  return failures;
}

/** Creations at a unit: every unit of an allowed kind, and a unit of another kind. */
async function atUnit(
  workflow: AnyWorkflow,
  name: string,
  step: StepDefinition<string> & { kind: 'creation' },
  sample: SampleInput,
): Promise<string[]> {
  const failures: string[] = [];
  if (!sample.written) return [`${name}: a creation needs \`written\` in test/matrix-inputs.ts`];
  const kinds = step.unitKinds;
  const units = DEMO_UNITS.filter(([, , kind]) => !kinds || kinds.includes(kind)).map(([code]) => code);
  const none: Sample = { id: '', globalId: '' };
  const attempt = async (unit: string, account: string) => {
    const input = await sample.input(none, { db: server.db, unitIds, unitId: unitIds[unit], account });
    const before = await creationSnapshot(name, sample, none, input);
    const res = await call(name, input, account);
    count(name);
    const after = await creationSnapshot(name, sample, none, input);
    return { res, before, after };
  };
  const everyAllowed = new Set<string>();
  await Promise.all(
    units.map(async (unit) => {
      const allowed = allowedAccounts(step, { unit, addressees: [] });
      allowed.forEach((a) => everyAllowed.add(a));
      await Promise.all(
        allowed.map(async (account) => {
          const { res, before, after } = await attempt(unit, account);
          if (res.errors) return void failures.push(`${name} [at ${unit}] as ${account}: expected success, got ${errorText(res)}`);
          succeeded(name);
          // A creation may make several rows (a calendar's three cortes) but records one audit entry.
          if (after.rows.length <= before.rows.length || after.audit !== before.audit + 1) {
            failures.push(`${name} [at ${unit}] as ${account}: expected a new ${workflow.entity} with one audit entry ${name}`);
          }
        }),
      );
      for (const [account] of DEMO_PEOPLE) {
        if (allowed.includes(account)) continue;
        const { res, before, after } = await attempt(unit, account);
        if (!REFUSED.includes(String(codeOf(res))))
          failures.push(`${name} [at ${unit}] as ${account}: expected FORBIDDEN or NOT_FOUND, got ${errorText(res)}`);
        if (after.text !== before.text) failures.push(`${name} [at ${unit}] as ${account}: refused, but something was written`);
      }
    }),
  );
  if (kinds) {
    // Each allowed account, at a unit it reaches of a kind the step does not allow.
    await Promise.all(
      [...everyAllowed].map(async (account) => {
        const held = DEMO_PEOPLE.find(([local]) => local === account)![3];
        const wrong = DEMO_UNITS.find(([code, , kind]) => !kinds.includes(kind) && reaches(held, code))?.[0];
        if (!wrong) return;
        const { res, before, after } = await attempt(wrong, account);
        if (codeOf(res) !== 'BAD_USER_INPUT')
          failures.push(`${name} [at ${wrong}, a ${UNITS.get(wrong)!.kind}] as ${account}: expected BAD_USER_INPUT, got ${errorText(res)}`);
        if (after.text !== before.text) failures.push(`${name} [at ${wrong}] as ${account}: refused, but something was written`);
      }),
    );
  }
  return failures;
}

// ---- the tests ------------------------------------------------------------------------

const workflows = registeredWorkflows();

describe('every workflow has a factory', () => {
  it.each(workflows.map((w) => [w.name, w] as const))('%s', (_name, workflow) => {
    expect(
      WORKFLOW_MODELS.some((m) => m.workflow === (workflow as unknown)),
      `${workflow.name} (${workflow.entity}) has no factory: add it to WORKFLOW_MODELS in test/factories.ts`,
    ).toBe(true);
  });
});

it('test/matrix-inputs.ts names only declared steps', () => {
  const declared = new Set(workflows.flatMap((w) => Object.keys(w.steps)));
  expect(Object.keys(SAMPLE_INPUTS).filter((name) => !declared.has(name))).toEqual([]);
});

for (const workflow of workflows) {
  describe(`${workflow.name} (${workflow.entity})`, () => {
    for (const [name, step] of Object.entries<StepDefinition<string>>(workflow.steps)) {
      if (isSystemStep(step)) {
        // Taken only by the API's jobs (role SISTEMA, held by nobody): no mutation exists; the module's tests take it.
        it(`${name} (${step.kind}, system: no mutation)`, () => {
          expect(schema.getMutationType()!.getFields()[name]).toBeUndefined();
          expect(SAMPLE_INPUTS[name]).toBeUndefined();
        });
        continue;
      }
      it(`${name} (${step.kind})`, async () => {
        const sample = SAMPLE_INPUTS[name];
        if (!sample) expect.fail(`step ${workflow.name}.${name} has no sample input: add one to SAMPLE_INPUTS in test/matrix-inputs.ts`);
        const failures =
          step.kind !== 'creation'
            ? await onRecord(workflow, name, step, sample)
            : step.under
              ? await underSubject(workflow, name, step, sample)
              : await atUnit(workflow, name, step, sample);
        expect(failures).toEqual([]);
        expect(
          successes.get(name),
          `${name}: no demo account may take this step in the matrix (check the declaration's role and reach)`,
        ).toBeGreaterThan(0);
        // A creation at a unit tries every demo account at every unit of its kinds (createOrgUnit: some 2,000 calls).
      }, 300_000);
    }
  });
}
