// Declares the mutation of each step on the builder, from the declaration:
// its name is the step's name, its description says step, role and states,
// its input is typed, and it runs the engine and returns the record (or what
// the step says it returns). Modules only say what the step writes.
import type { InputObjectRef, ObjectRef } from '@pothos/core';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { checkStep, createRecord, takeStep, type ChangePlan, type CreationPlan, type StepResult } from './engine.js';
import { rolesOf, statesAllowing, type StepDefinition, type WorkflowDefinition } from './types.js';

export type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** The arguments every step on an existing record takes. */
export interface StepArgs {
  id: { id: string; typename: string };
  version?: number | null;
  observaciones?: string | null;
}

/** A step's input type: `input: <Name>Input!`. */
export type StepInputRef<I> = InputObjectRef<Types, I>;

/** A well-formed id that names no record. */
const NO_RECORD = '00000000-0000-0000-0000-000000000000';

/** Model name as Prisma client property: "PlanAnualCentro" → "planAnualCentro". */
const clientProperty = (entity: string) => entity.charAt(0).toLowerCase() + entity.slice(1);

interface FindDelegate {
  findUniqueOrThrow(args: object): Promise<unknown>;
}
/** Reads the record a step returns, with the fields the operation selected. */
function findRecord(ctx: Context, entity: string, query: object, id: string) {
  return (ctx.db as unknown as Record<string, FindDelegate>)[clientProperty(entity)].findUniqueOrThrow({ ...query, where: { id } });
}

/** "Step 4.2 (COORDINADOR_CENTRO_EVALUACION): … EN_ELABORACION → ENVIADO." */
export function describeStep(workflow: WorkflowDefinition<string, string>, step: StepDefinition<string>): string {
  const roles = rolesOf(step).join(' or ');
  const states =
    step.kind === 'transition'
      ? `${step.from.join(' | ')} → ${step.to}.`
      : step.kind === 'action'
        ? `Allowed while ${statesAllowing(step).join(' | ')}; the state does not change.`
        : `Creates a ${workflow.entity} in ${step.to}${step.under ? `; needs ${step.under.description}` : ''}.`;
  return `Step ${step.step} (${roles}): ${step.description} ${states}`;
}

const stepInputs = new Map<string, StepInputRef<StepArgs>>();
/** `<Entity>StepInput { id, version, observaciones }`: the input of a step that needs nothing else (one per record kind). */
export function stepInput(workflow: WorkflowDefinition<string, string>): StepInputRef<StepArgs> {
  let ref = stepInputs.get(workflow.entity);
  if (!ref) {
    ref = builder.inputType(`${workflow.entity}StepInput`, { fields: (t) => stepArgFields(t) });
    stepInputs.set(workflow.entity, ref);
  }
  return ref;
}

/** `id`, `version` and `observaciones`, to spread into a step's own input type: `fields: (t) => ({ ...stepArgFields(t), … })`. */
export const stepArgFields = (t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) => ({
  id: t.globalID({ required: true, description: 'The record.' }),
  version: t.int({ required: false, description: 'The version you read; if the record has moved since, you get CONFLICT.' }),
  observaciones: t.string({ required: false, description: 'Observations; required on returns.' }),
});

/** For a step that returns something else than its record: the GraphQL type, and how to read it from what the step did. */
interface Output<I, R> {
  type: ObjectRef<Types, R> | [ObjectRef<Types, R>] | 'Int';
  resolve: (result: StepResult, input: I, ctx: Context) => Promise<R | R[] | number>;
}

/**
 * The mutation of a transition or action: `<name>(input: …): <Entity>!`.
 * `plan` says what the step writes besides the state; input checks go in its
 * `validate`, so they run after role and state are checked.
 */
export function stepMutation<S extends string, K extends string, I extends Partial<StepArgs> = StepArgs, R = never>(
  workflow: WorkflowDefinition<S, K>,
  name: K,
  spec: {
    input?: StepInputRef<I>;
    /**
     * The record the step acts on, when the input names it otherwise than `id` (e.g. an action on a plan
     * that takes the id of one of its lines). Null: the named thing does not exist or is not readable.
     */
    record?: (input: I, ctx: Context) => Promise<{ id: string } | null>;
    plan?: (input: I, ctx: Context) => ChangePlan<S> | Promise<ChangePlan<S>>;
    /**
     * Run the engine's checks (readable, role and reach, version, state) before `plan`: for a plan that is
     * costly or reads what a refused caller must not make the API read (engine.ts, checkStep).
     */
    checkFirst?: boolean;
    output?: Output<I, R>;
  } = {},
) {
  const step = workflow.steps[name];
  if (step.kind === 'creation') throw new Error(`${workflow.name}.${name} is a creation: use creationMutation`);
  const input = spec.input ?? (stepInput(workflow) as unknown as StepInputRef<I>);
  const run = async (args: { input: I }, ctx: Context) => {
    const record = spec.record ? await spec.record(args.input, ctx) : args.input.id;
    if (spec.checkFirst) await checkStep(ctx, workflow, name, record?.id ?? NO_RECORD, args.input.version);
    const plan = spec.plan ? await spec.plan(args.input, ctx) : {};
    // An unknown record id goes to the engine like any other, which answers NOT_FOUND for it.
    return takeStep(ctx, workflow, name, record?.id ?? NO_RECORD, {
      version: args.input.version,
      comment: args.input.observaciones,
      commentPath: ['input', 'observaciones'],
      ...plan,
    });
  };
  declare(workflow, name, input, run, spec.output);
}

/**
 * The mutation of a creation: `<name>(input: …): <Entity>!`. `plan` says
 * where the record goes (`underId` or `unitId`) and how to write it.
 */
export function creationMutation<S extends string, K extends string, I extends object, R = never>(
  workflow: WorkflowDefinition<S, K>,
  name: K,
  spec: { input: StepInputRef<I>; plan: (input: I, ctx: Context) => CreationPlan<S> | Promise<CreationPlan<S>>; output?: Output<I, R> },
) {
  const step = workflow.steps[name];
  if (step.kind !== 'creation') throw new Error(`${workflow.name}.${name} is not a creation: use stepMutation`);
  declare(
    workflow,
    name,
    spec.input,
    async (args: { input: I }, ctx: Context) => createRecord(ctx, workflow, name, await spec.plan(args.input, ctx)),
    spec.output,
  );
}

function declare<I, R>(
  workflow: WorkflowDefinition<string, string>,
  name: string,
  input: StepInputRef<I>,
  run: (args: { input: I }, ctx: Context) => Promise<StepResult>,
  output?: Output<I, R>,
) {
  const description = describeStep(workflow, workflow.steps[name]);
  builder.mutationField(name, (t) => {
    const args = { input: t.arg({ type: input, required: true }) };
    if (output) {
      // Pothos cannot type a field whose output type is chosen at run time; the helper's own signature is typed.
      return t.field({
        type: output.type,
        description,
        args,
        resolve: async (_root: unknown, a: { input: I }, ctx: Context) => output.resolve(await run(a, ctx), a.input, ctx),
      } as never);
    }
    return t.prismaField({
      type: workflow.entity,
      description,
      args,
      resolve: async (query: object, _root: unknown, a: { input: I }, ctx: Context) =>
        findRecord(ctx, workflow.entity, query, (await run(a, ctx)).id),
    } as never);
  });
}
