// Declares step mutations on the builder: one mutation per workflow step, each
// taking `input: <Input>!` with at least `id`, `version` and `observaciones`,
// running the engine and returning the record. Shared by every procedure module.
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import type { Viewer } from '../auth/viewer.js';
import { actingAssignment, applyTransition, type TransitionOptions } from './engine.js';
import type { Tx, WorkflowDefinition, WorkflowStore } from './types.js';


export type StepArgs = { id: { id: string }; version?: number | null; observaciones?: string | null };

/**
 * A store for records that are reached through their own unit only (no
 * addressees): `model` picks the Prisma delegate, whose rows have `estado`,
 * `version` and a `unit` relation.
 */
export function unitOwnedStore<S extends string>(entity: string, model: (tx: Tx) => unknown): WorkflowStore<S> {
  // Prisma delegates share these methods but not a common type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const delegate = (tx: Tx) => model(tx) as any;
  return {
    entity,
    async load(tx, id, readable) {
      const row = await delegate(tx).findFirst({
        where: { AND: [{ id }, readable] },
        select: { id: true, estado: true, version: true, unit: { select: { path: true } } },
      });
      return row ? { id: row.id, state: row.estado, version: row.version, unitPath: row.unit.path, addressees: [] } : null;
    },
    async move(tx, id, version, to, data) {
      const { count } = await delegate(tx).updateMany({ where: { id, version }, data: { ...data, estado: to, version: { increment: 1 } } });
      return count === 1;
    },
  };
}

export interface StepMutationSpec<S extends string, T extends string, I extends StepArgs> {
  workflow: WorkflowDefinition<S, T>;
  store: WorkflowStore<S>;
  readable: (viewer: Viewer | null) => object;
  /** Prisma model name of the record, as Pothos knows it. */
  model: string;
  field: string;
  transition: T;
  // Pothos input refs are typed per call site; the spec only passes them through.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  input: any;
  options?: (input: I, ctx: Context) => TransitionOptions<S> | Promise<TransitionOptions<S>>;
}

export function stepMutation<S extends string, T extends string, I extends StepArgs = StepArgs>(spec: StepMutationSpec<S, T, I>) {
  const def = spec.workflow.transitions[spec.transition];
  builder.mutationField(spec.field, (t) =>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (t.prismaField as any)({
      type: spec.model,
      description: `Step ${def.step} (${def.role}): ${def.description} ${def.from?.join(' | ')} → ${def.to}.`,
      args: { input: t.arg({ type: spec.input, required: true }) },
      resolve: async (query: object, _root: unknown, args: { input: I }, ctx: Context) => {
        const input = args.input;
        await applyTransition(ctx, spec.workflow, spec.store, spec.readable(ctx.viewer), spec.transition, input.id.id, {
          expectedVersion: input.version,
          comment: input.observaciones,
          commentPath: ['input', 'observaciones'],
          ...(spec.options ? await spec.options(input, ctx) : {}),
        });
        const model = spec.model.charAt(0).toLowerCase() + spec.model.slice(1);
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        return (ctx.db as any)[model].findUniqueOrThrow({ ...query, where: { id: input.id.id } });
      },
    }),
  );
}

/**
 * `availableSteps` for unit-owned records: the mutations the viewer may call
 * now. Use with `select: { estado: true, unit: { select: { path: true } } }`.
 */
export function availableSteps<S extends string, T extends string>(workflow: WorkflowDefinition<S, T>, mutations: Record<string, T>) {
  const mutationOf = Object.fromEntries(Object.entries(mutations).map(([m, t]) => [t, m])) as Record<T, string>;
  return (record: { estado: string; unit: { path: string } }, viewer: Viewer | null): string[] => {
    if (!viewer) return [];
    return (Object.entries(workflow.transitions) as [T, TransitionDefinitionOf<S>][])
      .filter(([name, def]) => mutationOf[name] && def.from?.includes(record.estado as S) && actingAssignment(viewer, def, { unitPath: record.unit.path, addressees: [] }))
      .map(([name]) => mutationOf[name]);
  };
}
type TransitionDefinitionOf<S extends string> = WorkflowDefinition<S, string>['transitions'][string];
