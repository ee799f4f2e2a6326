// All declared workflows, so the API can describe them (states, steps, roles)
// and the docs can draw them from the same data.
import type { TransitionDefinition, WorkflowDefinition } from './types.js';

/** A workflow as described to clients: everything but the guard functions. */
export type DescribedWorkflow = Omit<WorkflowDefinition<string, string>, 'transitions'> & {
  transitions: Record<string, Omit<TransitionDefinition<string>, 'guard'>>;
};
type AnyWorkflow = DescribedWorkflow;
const workflows = new Map<string, { definition: AnyWorkflow; mutations: Record<string, string> }>();

export function registerWorkflow(definition: AnyWorkflow, mutations: Record<string, string>) {
  workflows.set(definition.name, { definition, mutations });
}

export function registeredWorkflows() {
  return [...workflows.values()];
}
