// What every workflow record exposes besides its own data: `version`,
// `history` (its audit entries, batched per response) and `availableSteps`
// (the mutations the viewer may call on it now), declared once here.
import DataLoader from 'dataloader';
import { builder } from '../../builder.js';
import type { Db } from '../db/client.js';
import { availableStepsOf } from './engine.js';
import { createHistoryLoader } from './history.js';
import { WorkflowTransitionRef } from './schema.js';
import type { WorkflowDefinition, WorkflowRecord } from './types.js';

/** Per workflow, the factory of a per-request loader of what the engine needs to authorise steps (unit paths, addressees). */
const recordLoaders = new Map<string, (db: Db) => DataLoader<string, WorkflowRecord | null>>();
export function recordLoader(workflow: WorkflowDefinition<string, string>) {
  let factory = recordLoaders.get(workflow.name);
  if (!factory) {
    factory = (db: Db) =>
      new DataLoader<string, WorkflowRecord | null>(async (ids) => {
        const byId = new Map((await workflow.store.loadMany(db, ids)).map((r) => [r.id, r]));
        return ids.map((id) => byId.get(id) ?? null);
      });
    recordLoaders.set(workflow.name, factory);
  }
  return factory;
}

/**
 * Adds `version`, `history` and `availableSteps` to the workflow's record type.
 * Several workflows may share one model (two procedures over `ProyectoNormativo`,
 * each store declaring the rows it owns with `only`): pass them all, once, with
 * `owner` telling from a row's columns which one owns it; a record's history
 * and steps are that workflow's.
 */
export function workflowRecordFields(
  workflowOrShared: WorkflowDefinition<string, string> | readonly WorkflowDefinition<string, string>[],
  /** With several workflows: the columns that tell which one owns a row, and its name from them. */
  owner?: { select: Record<string, true>; workflow: (row: Record<string, unknown>) => string },
) {
  const workflows = 'steps' in workflowOrShared ? [workflowOrShared] : workflowOrShared;
  const workflow = workflows[0];
  if (workflows.length > 1 && !owner) throw new Error(`${workflow.entity}: several workflows need \`owner\` to tell which one owns a row`);
  const of = (r: Record<string, unknown>) => (owner ? workflows.find((w) => w.name === owner.workflow(r))! : workflow);
  const select = owner ? { select: owner.select } : {};
  const stateless = workflows.every((w) => w.states.length === 1);
  // The record type is chosen at run time, which Pothos cannot type: the fields themselves are typed against the row shape they read.
  const fields = (t: PothosSchemaTypes.ObjectFieldBuilder<Types, { id: string; version?: number } & Record<string, unknown>>) => ({
    ...(stateless
      ? {}
      : {
          version: t.int({
            description: 'Increases with every step; send it back to detect concurrent changes.',
            resolve: (r) => r.version ?? 0,
          }),
        }),
    history: t.field({
      type: [WorkflowTransitionRef],
      description: 'Every step taken on this record, oldest first.',
      ...select,
      resolve: (r, _a, ctx) => ctx.loader(createHistoryLoader).load({ workflow: of(r).name, recordId: r.id }),
    }),
    availableSteps: t.stringList({
      description: 'Mutations the viewer may call on this record now (role, reach and state allow them).',
      ...select,
      resolve: async (r, _a, ctx) => {
        if (!ctx.viewer) return [];
        const w = of(r);
        const record = await ctx.loader(recordLoader(w)).load(r.id);
        return record ? availableStepsOf(w, record, ctx.viewer) : [];
      },
    }),
  });
  builder.prismaObjectFields(workflow.entity as never, fields as never);
}
type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
