// A module is one folder under src/modules that exports one `ApiModule`:
// importing it registers its types, queries and mutations on the builder;
// the object names the rule of each root query and lists its workflows. The
// schema, the shield, the `workflows` query and the generated docs iterate
// the one list in src/modules/index.ts — nothing else names a module.
import type { GraphQLSchema } from 'graphql';
import type { IRule, allow } from 'graphql-shield';
import { workflowQueries } from './workflow/schema.js';
import type { AnyWorkflow } from './workflow/types.js';
import type { ExportSpec } from './http/exports.js';
import type { JobDefinition } from './jobs.js';
import type { InboundHandler } from './mail/inbound.js';
import { isSystemStep } from './workflow/system.js';

/** A graphql-shield rule: a rule, or `allow` for the few public fields. */
export type Rule = IRule | typeof allow;

export interface ApiModule {
  name: string;
  /** The rule guarding each root query field the module declares. */
  queries: Record<string, Rule>;
  /** Every workflow of the module: each step is a mutation, guarded by its declared roles. */
  workflows: AnyWorkflow[];
  /** Mutations that are not procedure steps (only sign-in), with their rule. */
  mutations?: Record<string, Rule>;
  /**
   * Root queries also served as CSV and XLSX at /exports/<name>.csv|.xlsx, same rule and scope (src/lib/http/exports.ts):
   * a query returning a list of objects by its name; one returning a single object (a report) with the lists of it
   * that become rows (`{ field, tables, lead, omit }`). test/exports-coverage.test.ts fails when a report is missing.
   */
  exports?: (string | ExportSpec)[];
  /** Background jobs on the job queue (src/lib/jobs.ts): recurring sweeps, notices. */
  jobs?: JobDefinition[];
  /** What the module does with e-mails arriving at the inbound SMTP server (src/lib/mail/inbound.ts); one module at most. */
  inbound?: InboundHandler;
}

let registered: readonly ApiModule[] = [];

/** Called once by src/schema.ts with the module list. */
export function registerModules(modules: readonly ApiModule[]) {
  registered = modules;
}

export const registeredModules = () => registered;

export const registeredJobs = (): JobDefinition[] => registered.flatMap((m) => m.jobs ?? []);

/** The inbound mail handler, when a module declares one. */
export const registeredInbound = (): InboundHandler | undefined => registered.find((m) => m.inbound)?.inbound;

export const registeredWorkflows = (): AnyWorkflow[] => registered.flatMap((m) => m.workflows);

/**
 * Fails at start-up, with the fix, when a mutation is not a declared step (or
 * a module's listed mutation), when a declared step has no mutation, when a
 * creation at a unit does not say which kinds of unit may own its record, or
 * when a root query has no rule.
 */
export function checkWiring(schema: GraphQLSchema) {
  const problems: string[] = [];
  const steps = new Map<string, string>();
  for (const w of registeredWorkflows()) {
    for (const [name, step] of Object.entries(w.steps)) {
      if (step.kind === 'creation' && !step.under && !step.unitKinds?.length) {
        problems.push(`step ${w.name}.${name} creates a ${w.entity} at a unit: declare the unit kinds that may own it (unitKinds)`);
      }
    }
    for (const name of Object.keys(w.steps)) {
      if (steps.has(name))
        problems.push(
          `step ${name} is declared by both ${steps.get(name)} and ${w.name}: step names are mutation names, unique in the API`,
        );
      steps.set(name, w.name);
    }
  }
  const extra = new Set(registered.flatMap((m) => Object.keys(m.mutations ?? {})));
  const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {});
  for (const field of mutations) {
    if (!steps.has(field) && !extra.has(field)) {
      problems.push(
        `mutation ${field} is not a step of any workflow: declare it in its module's workflow.ts (transition, creation or action) and list the workflow in the module's export`,
      );
    }
  }
  const systemSteps = new Set(
    registeredWorkflows().flatMap((w) =>
      Object.entries(w.steps)
        .filter(([, st]) => isSystemStep(st))
        .map(([n]) => n),
    ),
  );
  for (const [name, workflow] of steps) {
    // A step only the API's jobs take (role SISTEMA) has no mutation, and must not have one.
    if (systemSteps.has(name)) {
      if (mutations.includes(name))
        problems.push(`step ${workflow}.${name} is taken only by the system (role SISTEMA): it has no mutation`);
      continue;
    }
    if (!mutations.includes(name))
      problems.push(
        `step ${workflow}.${name} has no mutation: declare it with stepMutation or creationMutation (src/lib/workflow/mutations.ts)`,
      );
  }
  const queryRules = new Set([...registered.flatMap((m) => Object.keys(m.queries)), ...Object.keys(workflowQueries)]);
  for (const field of Object.keys(schema.getQueryType()?.getFields() ?? {})) {
    if (!queryRules.has(field)) problems.push(`query ${field} has no rule: name one in its module's export (queries)`);
  }
  if (problems.length) throw new Error(`The modules are not wired as src/lib/modules.ts expects:\n- ${problems.join('\n- ')}`);
}
