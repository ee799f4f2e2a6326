// A procedure's workflow, declared as data: its states, and for each step the
// transition (from, to), the responsible role, how far that role must reach,
// the input it requires and any guard. The engine (engine.ts) enforces it.
import type { Role } from '../../generated/prisma/enums.js';
import type { Prisma } from '../../generated/prisma/client.js';

export type Tx = Prisma.TransactionClient;

/**
 * Which records a role-holder may act on:
 * - `owner`: the record's unit lies within the reach of the actor's role
 *   (their unit and its descendants, or the whole system for national offices);
 * - `addressee`: the record was addressed to a unit within that reach for the
 *   given purpose (e.g. a CAST consulted for comments).
 */
export type Reach = { kind: 'owner' } | { kind: 'addressee'; purpose: string };

export interface WorkflowRecord<S extends string = string> {
  id: string;
  state: S;
  version: number;
  unitPath: string;
  addressees: { purpose: string; unitPath: string }[];
}

export interface TransitionDefinition<S extends string> {
  /** The step number(s) in the procedure manual. */
  step: string;
  description: string;
  /** States the step may start from; `null` for the step that creates the record. */
  from: readonly S[] | null;
  to: S;
  /** The responsible role; several when the manual lets more than one unit take the step. */
  role: Role | readonly Role[];
  reach: Reach;
  /** Observations: required on rejections and returns, so the next actor knows why. */
  comment?: 'required' | 'optional';
  /** Returns a reason when the step may not happen now although the state allows it. */
  guard?: (tx: Tx, record: WorkflowRecord<S>) => Promise<string | null>;
}

export interface WorkflowDefinition<S extends string, T extends string> {
  /** Stable key, stored in the audit trail. */
  name: string;
  /** Manual code and section, e.g. "7081-MP-SI 8.1.6". */
  procedure: string;
  title: string;
  states: readonly S[];
  initial: S;
  final: readonly S[];
  transitions: { readonly [K in T]: TransitionDefinition<S> };
}

/** How the engine reads and moves one kind of record. */
export interface WorkflowStore<S extends string> {
  /** GraphQL type name, for messages. */
  entity: string;
  /** Loads the record through the viewer's read filter: null when absent or out of scope. */
  load(db: Tx, id: string, readable: object): Promise<WorkflowRecord<S> | null>;
  /** Moves the record if its version is still `version`; false when somebody moved it first. */
  move(db: Tx, id: string, version: number, to: S, data: Record<string, unknown>): Promise<boolean>;
}

/** The roles that may take a step. */
export const rolesOf = (t: Pick<TransitionDefinition<string>, 'role'>): readonly Role[] => (typeof t.role === 'string' ? [t.role] : t.role);

export function defineWorkflow<S extends string, T extends string>(definition: WorkflowDefinition<S, T>) {
  for (const [name, t] of Object.entries<TransitionDefinition<S>>(definition.transitions)) {
    for (const state of [...(t.from ?? []), t.to]) {
      if (!definition.states.includes(state)) throw new Error(`${definition.name}.${name}: unknown state ${state}`);
    }
  }
  return definition;
}
