// A procedure declared as data: its record, its states, and every step that
// writes — transitions (move the record from one state to another), creations
// (make a new record, possibly under a parent in a given state) and actions
// (change the record's content without moving it). Each step names the role
// the manual makes responsible, how far that role must reach, and the states
// that allow it. The engine (engine.ts) enforces all of it; the shield, the
// `workflows` query and the generated docs read the same declaration.
import type { OrgUnitKind, Role } from '../../generated/prisma/enums.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { Viewer } from '../auth/viewer.js';

export type Tx = Prisma.TransactionClient;

/**
 * Which records a role-holder may act on:
 * - `owner`: the record's unit lies within the reach of the actor's role
 *   (their unit and its descendants, or the whole system for national offices);
 * - `addressee`: the record was addressed to a unit within that reach for the
 *   given purpose (e.g. a CAST consulted for comments).
 */
export type Reach = { kind: 'owner' } | { kind: 'addressee'; purpose: string };

/** What the engine needs to know of a record to authorise a step on it. */
export interface WorkflowRecord<S extends string = string> {
  id: string;
  state: S;
  version: number;
  unitId: string;
  unitPath: string;
  addressees: { purpose: string; unitPath: string }[];
  /** For stores over several kinds of record (e.g. the formats F01-F05 under one retention rule): which one. */
  kind?: string;
}

/** How the engine reads, locks and moves one kind of record. */
export interface RecordStore<S extends string = string> {
  /** The record as the viewer may see it: null when absent or outside their read scope. */
  load(db: Tx, id: string, viewer: Viewer | null): Promise<WorkflowRecord<S> | null>;
  /** Several records by id, without a read filter (callers already read them): for `availableSteps`. */
  loadMany(db: Tx, ids: readonly string[]): Promise<WorkflowRecord<S>[]>;
  /** Locks the record's row until the transaction ends (creations under it are serialised). */
  lock(db: Tx, id: string): Promise<void>;
  /** Moves the record if its version is still `version`; false when somebody moved it first. */
  move(db: Tx, id: string, version: number, to: S, data: Record<string, unknown>): Promise<boolean>;
  /** Prisma filter of the records the viewer may read (lists, `node`, nested fields). */
  readable(viewer: Viewer | null): object;
}

/** Something a creation may require to exist, in given states: a parent record or a subject (e.g. a student). */
export interface Subject {
  /** GraphQL type name. */
  entity: string;
  store: RecordStore;
  states: readonly string[];
}

interface StepCommon {
  /** The step number(s) in the procedure manual. */
  step: string;
  description: string;
  /** The responsible role; several when the manual lets more than one unit take the step. */
  role: Role | readonly Role[];
  /** When the responsible role depends on the kind of record (`WorkflowRecord.kind`): the role for each kind. */
  roleByKind?: Readonly<Record<string, Role>>;
  reach: Reach;
  /** Observations: required on returns, so the next actor knows why. */
  comment?: 'required' | 'optional';
}

/** Moves an existing record from one of `from` to `to`. */
export interface TransitionStep<S extends string> extends StepCommon {
  kind: 'transition';
  from: readonly S[];
  to: S;
  /** Returns a reason when the step may not happen now although role and state allow it. */
  guard?(tx: Tx, record: WorkflowRecord<S>): Promise<string | null>;
}

/** Changes an existing record's content (or its lines) in one of the `in` states, without moving it. */
export interface ActionStep<S extends string> extends StepCommon {
  kind: 'action';
  in: readonly S[];
  /** Returns a reason when the step may not happen now although role and state allow it. */
  guard?(tx: Tx, record: WorkflowRecord<S>): Promise<string | null>;
  /**
   * Whether the action increases the record's version (default true), so that
   * concurrent edits conflict like steps do. Off for actions designed to run
   * concurrently on one record (e.g. handing out folios of one batch).
   */
  bumpsVersion?: boolean;
}

/** Makes a new record in state `to`. */
export interface CreationStep<S extends string> extends StepCommon {
  kind: 'creation';
  to: S;
  /**
   * The record is made under a parent (or about a subject) that must exist,
   * be readable by the actor and be in one of `states`; the new record
   * belongs to the parent's unit and the role must reach it. Without it, the
   * record is made at a unit given in the input (or the actor's own unit).
   */
  under?: {
    subject: Subject | readonly Subject[];
    description: string;
    /**
     * Who owns the new record: the parent's unit (default), or the acting role's own unit — for an
     * answer made by a unit the parent was addressed to (a CAST's catalogue sent for a request of the CST).
     */
    owner?: 'subject' | 'actor';
  };
  /** Kinds of unit that may own the record (when made at a unit). */
  unitKinds?: readonly OrgUnitKind[];
}

export type StepDefinition<S extends string> = TransitionStep<S> | ActionStep<S> | CreationStep<S>;

export interface WorkflowDefinition<S extends string, K extends string> {
  /** Stable key, stored in the audit trail. */
  name: string;
  /** Manual code and section, e.g. "7081-MP-SI 8.1.6". */
  procedure: string;
  title: string;
  /** The GraphQL type (and Prisma model) of the record. */
  entity: string;
  states: readonly S[];
  initial: S;
  final: readonly S[];
  /** Every step, keyed by its name: the mutation that takes it and the key stored in the audit. */
  steps: { readonly [N in K]: StepDefinition<NoInfer<S>> };
  /** How the engine reads and moves the record (states are checked against the declaration, so the store deals in strings). */
  store: RecordStore;
}

/** Any declared workflow, for code that iterates them all (registry, docs, rules). */
export type AnyWorkflow = WorkflowDefinition<string, string>;

/** The roles that may take a step. */
export const rolesOf = (t: Pick<StepCommon, 'role'>): readonly Role[] => (typeof t.role === 'string' ? [t.role] : t.role);

/** The parents or subjects a creation may be made under. */
export const subjectsOf = (s: CreationStep<string>): readonly Subject[] =>
  !s.under ? [] : 'store' in s.under.subject ? [s.under.subject] : s.under.subject;

/** The states in which a step may start: a transition's `from`, an action's `in`, none for a creation. */
export const statesAllowing = <S extends string>(s: StepDefinition<S>): readonly S[] =>
  s.kind === 'transition' ? s.from : s.kind === 'action' ? s.in : [];

export function defineWorkflow<const S extends string, const K extends string>(
  definition: WorkflowDefinition<S, K>,
): WorkflowDefinition<S, K> {
  const known = (state: string) => (definition.states as readonly string[]).includes(state);
  for (const [name, s] of Object.entries<StepDefinition<S>>(definition.steps)) {
    const used = s.kind === 'transition' ? [...s.from, s.to] : s.kind === 'action' ? s.in : [s.to];
    for (const state of used) if (!known(state)) throw new Error(`${definition.name}.${name}: unknown state ${state}`);
    if (!/^[a-z][A-Za-z0-9]*$/.test(name)) throw new Error(`${definition.name}.${name}: a step name is a mutation name (lowerCamelCase)`);
  }
  return definition;
}

/**
 * A record with no life cycle (a meeting recorded, a batch registered, a
 * calendar published): one state, which its creation puts it in and which
 * its actions keep. Its steps are declared and audited like any other.
 */
export function defineRecordWorkflow<const S extends string, const K extends string>(
  definition: Omit<WorkflowDefinition<S, K>, 'states' | 'initial' | 'final'> & { state: S },
): WorkflowDefinition<S, K> {
  const { state, ...rest } = definition;
  return defineWorkflow<S, K>({ ...rest, states: [state], initial: state, final: [state] });
}
