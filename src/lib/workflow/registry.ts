// All declared workflows, so the API can describe them (states, steps, roles)
// and the docs can draw them from the same data.
import type { WorkflowDefinition } from './types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyWorkflow = WorkflowDefinition<string, string>;
const workflows = new Map<string, { definition: AnyWorkflow; mutations: Record<string, string> }>();

export function registerWorkflow(definition: AnyWorkflow, mutations: Record<string, string>) {
  workflows.set(definition.name, { definition, mutations });
}

export function registeredWorkflows() {
  return [...workflows.values()];
}
