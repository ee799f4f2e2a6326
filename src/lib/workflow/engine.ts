// The one place where writes are authorised and recorded. For every declared
// step — transition, action or creation — the engine picks the acting role
// assignment, checks role and reach, prior state or precondition, required
// observations, input and guards, applies optimistic concurrency, writes, and
// records the audit entry (who, role, unit, when, step, from/to state, fields
// changed), all in one transaction. Modules never build refusals themselves.
import type { Prisma } from '../../generated/prisma/client.js';
import type { OrgUnitKind } from '../../generated/prisma/enums.js';
import type { Context } from '../../context.js';
import type { Assignment, Viewer } from '../auth/viewer.js';
import { AppError, ErrorCode, badInput, conflict, forbidden, notFound, unauthenticated, type InputIssue } from '../errors.js';
import {
  rolesOf,
  statesAllowing,
  subjectsOf,
  type CreationStep,
  type Reach,
  type StepDefinition,
  type Subject,
  type Tx,
  type WorkflowDefinition,
  type WorkflowRecord,
} from './types.js';

/** The first of the viewer's assignments that lets them take a step with this role and reach on this record. */
export function actingAssignment(
  viewer: Viewer,
  step: Pick<StepDefinition<string>, 'role' | 'roleByKind'> & { reach: Reach },
  record: Pick<WorkflowRecord, 'unitPath' | 'addressees' | 'kind'>,
): Assignment | undefined {
  const byKind = record.kind ? step.roleByKind?.[record.kind] : undefined;
  const roles = byKind ? [byKind] : rolesOf(step);
  const { reach } = step;
  return viewer.assignments.find(
    (a) =>
      roles.includes(a.role) &&
      (reach.kind === 'owner'
        ? record.unitPath.startsWith(a.scopePath)
        : record.addressees.some((d) => d.purpose === reach.purpose && d.unitPath.startsWith(a.scopePath))),
  );
}

/** The steps (transitions and actions) the viewer may take on this record now, by role, reach and state. */
export function availableStepsOf(workflow: WorkflowDefinition<string, string>, record: WorkflowRecord, viewer: Viewer | null): string[] {
  if (!viewer) return [];
  return Object.entries(workflow.steps)
    .filter(([, s]) => s.kind !== 'creation' && statesAllowing(s).includes(record.state) && actingAssignment(viewer, s, record))
    .map(([name]) => name);
}

/** What the engine needs of a request: its database, its viewer and its log (a job's system context has no more; system.ts). */
export type EngineContext = Pick<Context, 'db' | 'viewer' | 'log'>;

/** What a step on an existing record writes, besides the state change. */
export interface ChangePlan<S extends string> {
  /** The version the client last read; when stale the step is refused with CONFLICT. */
  version?: number | null;
  /** Observations / reason, stored in the audit entry. */
  comment?: string | null;
  /** Where the comment sits in the operation's arguments, for BAD_USER_INPUT paths. */
  commentPath?: (string | number)[];
  /** Checks input against the database; its issues refuse the step with BAD_USER_INPUT. */
  validate?: (tx: Tx, record: WorkflowRecord<S>) => Promise<InputIssue[]> | InputIssue[];
  /** Columns of the record to write with the step (recorded as changed fields). */
  data?: Record<string, unknown>;
  /** Further writes (lines, evidence, addressees…); what it returns is recorded as changed fields. */
  effects?: (tx: Tx, record: WorkflowRecord<S>, actor: Assignment) => Promise<Record<string, unknown> | void>;
  /**
   * Runs once the step's transaction has committed (e-mail, notifications): never for a refused or
   * rolled-back step. Its failure is logged and does not undo the step.
   */
  afterCommit?: (result: StepResult) => Promise<void>;
}

/** What a creation needs: where the record goes, and how to write it. */
export interface CreationPlan<S extends string> {
  /** The parent or subject, when the step declares `under`. */
  underId?: string;
  /** Which kind of parent `underId` names, when the step may be made under several (its GraphQL type). */
  underEntity?: string;
  /** Where the parent's id sits in the operation's arguments (for BAD_USER_INPUT when it is missing). */
  underIdPath?: (string | number)[];
  /** The owning unit when the step has no `under`; default: the actor's own unit for the step's role. */
  unitId?: string | null;
  /** Where `unitId` sits in the operation's arguments. */
  unitIdPath?: (string | number)[];
  comment?: string | null;
  commentPath?: (string | number)[];
  validate?: (tx: Tx, where: CreationSite<S>) => Promise<InputIssue[]> | InputIssue[];
  /** Writes the record (and its lines); returns its id and, optionally, fields to record in the audit. */
  create: (tx: Tx, where: CreationSite<S> & { actor: Assignment }) => Promise<{ id: string; changes?: Record<string, unknown> }>;
  /** As ChangePlan.afterCommit. */
  afterCommit?: (result: StepResult) => Promise<void>;
}

export interface CreationSite<S extends string> {
  unit: { id: string; path: string; kind: OrgUnitKind };
  /** The parent or subject named by `under`, as loaded (and locked) by the engine. */
  under: WorkflowRecord<S | string> | null;
}

const invalid = (name: string, message: string, extensions: Record<string, unknown>) =>
  new AppError(ErrorCode.INVALID_TRANSITION, message, { transition: name, ...extensions });

function requireComment(name: string, step: StepDefinition<string>, comment: string | null, path?: (string | number)[]) {
  if (step.comment === 'required' && !comment) {
    throw badInput([{ path: path ?? ['input', 'observaciones'], message: 'Observations are required for this step' }]);
  }
}

async function audit(
  tx: Tx,
  entry: {
    workflow: string;
    recordId: string;
    step: string;
    from: string | null;
    to: string;
    viewer: Viewer;
    actor: Assignment;
    comment: string | null;
    changes?: Record<string, unknown>;
  },
) {
  const changes =
    entry.changes && Object.keys(entry.changes).length ? (JSON.parse(JSON.stringify(entry.changes)) as Prisma.InputJsonValue) : undefined;
  await tx.workflowTransition.create({
    data: {
      workflow: entry.workflow,
      recordId: entry.recordId,
      transition: entry.step,
      fromState: entry.from,
      toState: entry.to,
      actorId: entry.viewer.personId,
      actorRole: entry.actor.role,
      actorUnitId: entry.actor.unitId,
      // A job's step names the job (the system actor's caller) before any comment.
      comment: entry.viewer.job ? [`[job ${entry.viewer.job}]`, entry.comment].filter(Boolean).join(' ') : entry.comment,
      changes,
    },
  });
}

/** What a step did: the record's id, and the fields recorded as changed. */
export interface StepResult {
  id: string;
  changes: Record<string, unknown>;
}

/**
 * Takes a transition or an action on an existing record.
 */
export async function takeStep<S extends string, K extends string>(
  ctx: EngineContext,
  workflow: WorkflowDefinition<S, K>,
  name: K,
  id: string,
  plan: ChangePlan<S> = {},
): Promise<StepResult> {
  const viewer = ctx.viewer;
  if (!viewer) throw unauthenticated();
  const step: StepDefinition<S> = workflow.steps[name];
  if (step.kind === 'creation') throw new Error(`${workflow.name}.${name} creates records: use createRecord`);
  const comment = plan.comment?.trim() || null;

  const result = await ctx.db.$transaction(async (tx) => {
    const { record, actor } = await admitted(tx, viewer, workflow, name, id, plan.version);
    requireComment(name, step, comment, plan.commentPath);
    const issues = plan.validate ? await plan.validate(tx, record) : [];
    if (issues.length) throw badInput(issues);
    const refusal = step.guard ? await step.guard(tx, record) : null;
    if (refusal) throw invalid(name, refusal, { state: record.state });

    const to = step.kind === 'transition' ? step.to : record.state;
    const bump = step.kind === 'transition' || step.bumpsVersion !== false;
    const data = plan.data ?? {};
    if (bump) {
      if (!(await workflow.store.move(tx, id, record.version, to, data))) {
        throw conflict(`${workflow.entity} ${id} was changed by someone else; reload it and try again`);
      }
    } else if (Object.keys(data).length) {
      throw new Error(`${workflow.name}.${name} does not bump the version: write through effects`);
    }
    const effected = (await plan.effects?.(tx, record, actor)) ?? {};
    // Every field the step wrote besides the state: its columns and what its effects report.
    const changes = { ...data, ...effected };
    await audit(tx, {
      workflow: workflow.name,
      recordId: id,
      step: name,
      from: record.state,
      to,
      viewer,
      actor,
      comment,
      changes,
    });
    return { id, changes };
  });
  await runAfterCommit(ctx, name, plan.afterCommit, result);
  return result;
}

/** Loads the record through the viewer's filter and refuses the step by reach, role, version and state (the engine's own checks). */
async function admitted<S extends string, K extends string>(
  tx: Tx,
  viewer: Viewer,
  workflow: WorkflowDefinition<S, K>,
  name: K,
  id: string,
  version: number | null | undefined,
): Promise<{ record: WorkflowRecord<S>; actor: Assignment }> {
  const step: StepDefinition<S> = workflow.steps[name];
  const record = (await workflow.store.load(tx, id, viewer)) as WorkflowRecord<S> | null;
  if (!record) throw notFound(workflow.entity, id);
  const actor = actingAssignment(viewer, step, record);
  if (!actor) {
    const roles = (record.kind && step.roleByKind?.[record.kind]) || rolesOf(step).join(' or ');
    throw forbidden(`${name} (step ${step.step}) is for role ${roles} at a unit that reaches this ${workflow.entity}`);
  }
  if (version != null && version !== record.version) {
    throw conflict(`${workflow.entity} ${id} is at version ${record.version}, not ${version}; reload it and try again`);
  }
  const allowed = statesAllowing(step);
  if (!allowed.includes(record.state)) {
    throw invalid(name, `${name} is not possible while the ${workflow.entity} is ${record.state}`, {
      state: record.state,
      allowedFrom: allowed,
    });
  }
  return { record, actor };
}

/**
 * The engine's checks of a step (record readable, role and reach, version, state) before its plan is built,
 * for a plan that is costly or reads what a refused caller must not make the API read (an uploaded file):
 * `stepMutation(…, { checkFirst: true })`. takeStep checks again in its transaction, where it counts.
 */
export async function checkStep<S extends string, K extends string>(
  ctx: EngineContext,
  workflow: WorkflowDefinition<S, K>,
  name: K,
  id: string,
  version?: number | null,
): Promise<void> {
  if (!ctx.viewer) throw unauthenticated();
  if (workflow.steps[name].kind === 'creation') throw new Error(`${workflow.name}.${name} creates records: nothing to check first`);
  await admitted(ctx.db as unknown as Tx, ctx.viewer, workflow, name, id, version);
}

/** Work a step leaves for after its commit; a failure there is logged, the step stands. */
async function runAfterCommit(ctx: EngineContext, name: string, work: ((r: StepResult) => Promise<void>) | undefined, result: StepResult) {
  if (!work) return;
  try {
    await work(result);
  } catch (error) {
    ctx.log.error('after-commit work failed', {
      step: name,
      recordId: result.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

/** The unit a creation without `under` happens at: the one given, or the actor's own for the step's role. */
async function creationUnit(
  tx: Tx,
  viewer: Viewer,
  name: string,
  step: CreationStep<string>,
  unitId: string | null | undefined,
  path: (string | number)[],
) {
  if (!unitId) {
    const units = [...new Set(viewer.assignments.filter((a) => rolesOf(step).includes(a.role)).map((a) => a.unitId))];
    if (!units.length) throw forbidden(`${name} (step ${step.step}) is for role ${rolesOf(step).join(' or ')}`);
    if (units.length > 1) throw badInput([{ path, message: `You hold the role at ${units.length} units: say at which one` }]);
    unitId = units[0];
  }
  const unit = await tx.orgUnit.findUnique({ where: { id: unitId }, select: { id: true, path: true, kind: true } });
  if (!unit) throw notFound('OrgUnit', unitId);
  return unit;
}

/**
 * Takes a creation step: the record is made at a unit (or under a parent or
 * subject in an allowed state) that the actor's role reaches. Returns the new id.
 */
export async function createRecord<S extends string, K extends string>(
  ctx: EngineContext,
  workflow: WorkflowDefinition<S, K>,
  name: K,
  plan: CreationPlan<S>,
): Promise<StepResult> {
  const viewer = ctx.viewer;
  if (!viewer) throw unauthenticated();
  const step: StepDefinition<S> = workflow.steps[name];
  if (step.kind !== 'creation') throw new Error(`${workflow.name}.${name} does not create records`);
  const comment = plan.comment?.trim() || null;

  const result = await ctx.db.$transaction(async (tx) => {
    let under: WorkflowRecord | null = null;
    let unit: CreationSite<S>['unit'];
    let subject: Subject | undefined;
    if (step.under) {
      const subjects = subjectsOf(step);
      subject = plan.underEntity ? subjects.find((x) => x.entity === plan.underEntity) : subjects[0];
      if (!subject || !plan.underId) {
        throw badInput([
          {
            path: plan.underIdPath ?? ['input'],
            message: `Name the ${subjects.map((x) => x.entity).join(' or ')} this ${workflow.entity} is made under`,
          },
        ]);
      }
      // Serialise creations under one parent (e.g. two reports for one quarter); then read its state.
      await subject.store.lock(tx, plan.underId);
      under = await subject.store.load(tx, plan.underId, viewer);
      if (!under) throw notFound(subject.entity, plan.underId);
      const owner = await tx.orgUnit.findUniqueOrThrow({ where: { id: under.unitId }, select: { id: true, path: true, kind: true } });
      unit = owner;
    } else {
      unit = await creationUnit(tx, viewer, name, step, plan.unitId, plan.unitIdPath ?? ['input', 'unitId']);
    }
    const actor = actingAssignment(viewer, step, { unitPath: unit.path, addressees: under?.addressees ?? [] });
    if (!actor) {
      throw forbidden(
        `${name} (step ${step.step}) is for role ${rolesOf(step).join(' or ')} at a unit that reaches ${subject ? `this ${subject.entity}` : 'this unit'}`,
      );
    }
    if (step.under?.owner === 'actor') {
      unit = await tx.orgUnit.findUniqueOrThrow({ where: { id: actor.unitId }, select: { id: true, path: true, kind: true } });
    }
    if (step.unitKinds && !step.unitKinds.includes(unit.kind)) {
      throw badInput([
        {
          path: plan.unitIdPath ?? ['input', 'unitId'],
          message: `A ${workflow.entity} belongs to a unit of kind ${step.unitKinds.join(' or ')}, not ${unit.kind}`,
        },
      ]);
    }
    if (under && subject && step.under) {
      if (!subject.states.includes(under.state)) {
        throw invalid(name, `${name} needs ${step.under.description}; this ${subject.entity} is ${under.state}`, {
          state: under.state,
          allowedFrom: subject.states,
          subject: subject.entity,
        });
      }
    }
    requireComment(name, step, comment, plan.commentPath);
    const site: CreationSite<S> = { unit, under };
    const issues = plan.validate ? await plan.validate(tx, site) : [];
    if (issues.length) throw badInput(issues);
    const created = await plan.create(tx, { ...site, actor });
    await audit(tx, {
      workflow: workflow.name,
      recordId: created.id,
      step: name,
      from: null,
      to: step.to,
      viewer,
      actor,
      comment,
      changes: created.changes,
    });
    return { id: created.id, changes: created.changes ?? {} };
  });
  await runAfterCommit(ctx, name, plan.afterCommit, result);
  return result;
}
