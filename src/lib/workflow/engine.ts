// The one place where workflow steps are enforced: role and reach, prior state,
// required observations, guards, optimistic concurrency, and the audit entry,
// all in one transaction.
import type { Context } from '../../context.js';
import { AppError, ErrorCode, badInput, conflict, forbidden, notFound, unauthenticated, type InputIssue } from '../errors.js';
import type { Assignment, Viewer } from '../auth/viewer.js';
import { rolesOf, type TransitionDefinition, type Tx, type WorkflowDefinition, type WorkflowRecord, type WorkflowStore } from './types.js';

/** The first of the viewer's assignments that lets them take this step on this record. */
export function actingAssignment<S extends string>(
  viewer: Viewer,
  transition: TransitionDefinition<S>,
  record: Pick<WorkflowRecord<S>, 'unitPath' | 'addressees'>,
): Assignment | undefined {
  const { reach } = transition;
  return viewer.assignments.find(
    (a) =>
      rolesOf(transition).includes(a.role) &&
      (reach.kind === 'owner'
        ? record.unitPath.startsWith(a.scopePath)
        : record.addressees.some((d) => d.purpose === reach.purpose && d.unitPath.startsWith(a.scopePath))),
  );
}

/** The viewer's assignment with one of `role`'s roles that reaches a unit at `unitPath`, if any. */
export function assignmentReaching(viewer: Viewer, role: TransitionDefinition<string>['role'], unitPath: string): Assignment | undefined {
  return actingAssignment(viewer, { role, reach: { kind: 'owner' } } as TransitionDefinition<string>, { unitPath, addressees: [] });
}

export interface TransitionOptions<S extends string> {
  /** The version the client last read; when it is stale the step is refused with CONFLICT. */
  expectedVersion?: number | null;
  /** Observations / reason, stored in the audit entry. */
  comment?: string | null;
  /** Where the comment sits in the operation's arguments, for BAD_USER_INPUT paths. */
  commentPath?: (string | number)[];
  /** Checks input against the database; throw badInput to refuse. Runs inside the transaction. */
  validate?: (tx: Tx, record: WorkflowRecord<S>) => Promise<InputIssue[]>;
  /** Columns to write with the state change. */
  data?: Record<string, unknown>;
  /** Further writes (e.g. addressees, evidence), inside the same transaction. */
  effects?: (tx: Tx, record: WorkflowRecord<S>, actor: Assignment) => Promise<void>;
}

export async function applyTransition<S extends string, T extends string>(
  ctx: Context,
  workflow: WorkflowDefinition<S, T>,
  store: WorkflowStore<S>,
  readable: object,
  name: T,
  id: string,
  options: TransitionOptions<S> = {},
): Promise<void> {
  const viewer = ctx.viewer;
  if (!viewer) throw unauthenticated();
  const transition = workflow.transitions[name];
  if (!transition.from) throw new Error(`${workflow.name}.${name} creates records; use createRecord`);
  const comment = options.comment?.trim() || null;

  await ctx.db.$transaction(async (tx) => {
    const record = await store.load(tx, id, readable);
    if (!record) throw notFound(store.entity, id);
    const actor = actingAssignment(viewer, transition, record);
    if (!actor) {
      throw forbidden(`${name} (step ${transition.step}) is for role ${rolesOf(transition).join(' or ')} at a unit that reaches this record`);
    }
    if (options.expectedVersion != null && options.expectedVersion !== record.version) {
      throw conflict(`${store.entity} ${id} is at version ${record.version}, not ${options.expectedVersion}; reload it and try again`);
    }
    if (!transition.from!.includes(record.state)) {
      throw new AppError(ErrorCode.INVALID_TRANSITION, `${name} is not possible while the record is ${record.state}`, {
        transition: name,
        state: record.state,
        allowedFrom: transition.from,
      });
    }
    if (transition.comment === 'required' && !comment) {
      throw badInput([{ path: options.commentPath ?? ['observaciones'], message: 'Observations are required for this step' }]);
    }
    const issues = options.validate ? await options.validate(tx, record) : [];
    if (issues.length) throw badInput(issues);
    const refusal = transition.guard ? await transition.guard(tx, record) : null;
    if (refusal) {
      throw new AppError(ErrorCode.INVALID_TRANSITION, refusal, { transition: name, state: record.state });
    }
    const moved = await store.move(tx, id, record.version, transition.to, options.data ?? {});
    if (!moved) throw conflict(`${store.entity} ${id} was changed by someone else; reload it and try again`);
    await tx.workflowTransition.create({
      data: {
        workflow: workflow.name,
        recordId: id,
        transition: name,
        fromState: record.state,
        toState: transition.to,
        actorId: viewer.personId,
        actorRole: actor.role,
        actorUnitId: actor.unitId,
        comment,
      },
    });
    await options.effects?.(tx, record, actor);
  });
}

/**
 * The step that creates a record: the actor needs the step's role at a unit
 * that reaches `unitPath`; `create` writes the record in the same transaction
 * as its first audit entry.
 */
export async function createRecord<S extends string, T extends string>(
  ctx: Context,
  workflow: WorkflowDefinition<S, T>,
  name: T,
  unit: { id: string; path: string },
  create: (tx: Tx, actor: Assignment) => Promise<{ id: string }>,
  comment?: string | null,
): Promise<string> {
  const viewer = ctx.viewer;
  if (!viewer) throw unauthenticated();
  const transition = workflow.transitions[name];
  if (transition.from) throw new Error(`${workflow.name}.${name} does not create records`);
  const actor = actingAssignment(viewer, transition, { unitPath: unit.path, addressees: [] });
  if (!actor) throw forbidden(`${name} (step ${transition.step}) is for role ${rolesOf(transition).join(' or ')} at a unit that reaches this unit`);
  return ctx.db.$transaction(async (tx) => {
    const { id } = await create(tx, actor);
    await tx.workflowTransition.create({
      data: {
        workflow: workflow.name,
        recordId: id,
        transition: name,
        fromState: null,
        toState: transition.to,
        actorId: viewer.personId,
        actorRole: actor.role,
        actorUnitId: actor.unitId,
        comment: comment?.trim() || null,
      },
    });
    return id;
  });
}

/**
 * Changes a workflow record's content without moving it (e.g. drafting a
 * cronograma, or recording executed activities): the viewer needs `role` at
 * a unit that reaches the record, and the record must be in one of `states`.
 * With `bumpVersion`, concurrent edits conflict like steps do.
 */
export async function editRecord<S extends string, R>(
  ctx: Context,
  store: WorkflowStore<S>,
  readable: object,
  id: string,
  rule: { role: TransitionDefinition<S>['role']; states: readonly S[]; action: string; bumpVersion?: boolean; expectedVersion?: number | null },
  edit: (tx: Tx, record: WorkflowRecord<S>, actor: Assignment) => Promise<R>,
): Promise<R> {
  const viewer = ctx.viewer;
  if (!viewer) throw unauthenticated();
  return ctx.db.$transaction(async (tx) => {
    const record = await store.load(tx, id, readable);
    if (!record) throw notFound(store.entity, id);
    const actor = assignmentReaching(viewer, rule.role, record.unitPath);
    if (!actor) throw forbidden(`${rule.action} is for role ${rolesOf(rule).join(' or ')} at a unit that reaches this record`);
    if (rule.expectedVersion != null && rule.expectedVersion !== record.version) {
      throw conflict(`${store.entity} ${id} is at version ${record.version}, not ${rule.expectedVersion}; reload it and try again`);
    }
    if (!rule.states.includes(record.state)) {
      throw new AppError(ErrorCode.INVALID_TRANSITION, `${rule.action} is not possible while the record is ${record.state}`, {
        transition: rule.action,
        state: record.state,
        allowedFrom: rule.states,
      });
    }
    const result = await edit(tx, record, actor);
    if (rule.bumpVersion && !(await store.move(tx, id, record.version, record.state, {}))) {
      throw conflict(`${store.entity} ${id} was changed by someone else; reload it and try again`);
    }
    return result;
  });
}
