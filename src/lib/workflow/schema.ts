// GraphQL description of the declared workflows (every step: transitions,
// creations and actions, with their roles, states and preconditions), and the
// audit entry type.
import { builder } from '../../builder.js';
import { isAuthenticated } from '../auth/rules.js';
import { loadReadable } from '../auth/relations.js';
import { readablePeople } from '../../modules/organisation/rules.js';
import { registeredWorkflows } from '../modules.js';
import { rolesOf, statesAllowing, subjectsOf, type AnyWorkflow, type StepDefinition } from './types.js';
import { isSystemStep } from './system.js';

export const WorkflowTransitionRef = builder.prismaObject('WorkflowTransition', {
  description: 'One step taken on a workflow record: who, in which role and unit, when, from which state to which, what changed and why.',
  fields: (t) => ({
    id: t.exposeID('id'),
    transition: t.exposeString('transition', {
      description: 'The step: its name in the declaration, which is also the mutation that took it.',
    }),
    fromState: t.exposeString('fromState', { nullable: true, description: 'Null for the step that created the record.' }),
    toState: t.exposeString('toState', { description: 'The state after the step (the same as before, for actions).' }),
    actor: t.prismaField({
      type: 'Person',
      nullable: true,
      description:
        "Who took the step, when that person is within the viewer's people scope (as `people` and `node`); otherwise null, and `actorName`, `actorRole` and `actorUnit` still say who acted (no e-mail).",
      resolve: (query, e, _a, ctx) => loadReadable(ctx, 'person', e.actorId, readablePeople(ctx.viewer), query),
    }),
    actorName: t.string({
      description: 'The full name of who took the step, shown to everyone who may read the record.',
      // Loaded with the entry by the history loader (history.ts): a `select` here would make Pothos load it
      // again for every list of entries.
      resolve: (e) => (e as typeof e & { actor: { fullName: string } }).actor.fullName,
    }),
    actorRole: t.exposeString('actorRole'),
    actorUnit: t.prismaField({
      type: 'OrgUnit',
      description: 'The unit at which the step was taken (the role held there).',
      // Batched with the other entries' units (src/lib/auth/relations.ts): the history loader reads entries
      // without their units, and Pothos' own fallback would load one unit per entry.
      resolve: async (query, e, _a, ctx) => (await loadReadable(ctx, 'orgUnit', e.actorUnitId, {}, query))!,
    }),
    comment: t.exposeString('comment', { nullable: true, description: 'Observations given with the step.' }),
    changes: t.field({
      type: 'JSON',
      nullable: true,
      description: 'Fields the step wrote (actions, and steps that write more than the state), by name.',
      resolve: (e) => e.changes ?? null,
    }),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

export const StepKindEnum = builder.enumType('StepKind', {
  description: 'What a step does to its record.',
  values: {
    TRANSITION: { value: 'transition', description: 'Moves the record from one state to another.' },
    CREATION: { value: 'creation', description: 'Makes a new record.' },
    ACTION: { value: 'action', description: 'Changes the record (or its lines) without moving it.' },
  } as const,
});

type Step = StepDefinition<string> & { name: string };

const Precondition = builder.objectRef<{ entity: string; states: readonly string[]; description: string }>('StepPrecondition').implement({
  description: 'What must exist before a creation: a parent record (or subject) in one of these states.',
  fields: (t) => ({
    entity: t.exposeString('entity', { description: 'The GraphQL type of the parent or subject.' }),
    states: t.stringList({ resolve: (p) => [...p.states] }),
    description: t.exposeString('description'),
  }),
});

const WorkflowStep = builder.objectRef<Step>('WorkflowStep').implement({
  description: 'A step of a procedure, as declared.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The step, as stored in the audit trail.' }),
    mutation: t.string({
      nullable: true,
      description:
        "The mutation that takes this step (its name is the step name); null for a step only the API's own jobs take (role SISTEMA).",
      resolve: (s) => (isSystemStep(s) ? null : s.name),
    }),
    kind: t.field({ type: StepKindEnum, resolve: (s) => s.kind }),
    step: t.exposeString('step', { description: 'Step number(s) in the manual.' }),
    description: t.exposeString('description'),
    from: t.stringList({
      description: 'States the step is allowed in (a transition starts from them; an action keeps them); empty for a creation.',
      resolve: (s) => [...statesAllowing(s)],
    }),
    to: t.string({
      nullable: true,
      description: 'The state after the step; null for an action (the state does not change).',
      resolve: (s) => (s.kind === 'action' ? null : s.to),
    }),
    role: t.string({ description: 'The responsible role (the first, when several may act).', resolve: (s) => rolesOf(s)[0] }),
    roles: t.stringList({ description: 'Every role that may take this step.', resolve: (s) => [...rolesOf(s)] }),
    reach: t.string({
      description: '"owner": the role must reach the record\'s unit; "addressee:<purpose>": a unit the record was addressed to.',
      resolve: (s) => (s.reach.kind === 'owner' ? 'owner' : `addressee:${s.reach.purpose}`),
    }),
    observationsRequired: t.boolean({ resolve: (s) => s.comment === 'required' }),
    preconditions: t.field({
      type: [Precondition],
      description: 'For a creation made under a parent or subject: which (any one of them), and in which states.',
      resolve: (s) =>
        s.kind === 'creation' && s.under
          ? subjectsOf(s).map((x) => ({ entity: x.entity, states: x.states, description: s.under!.description }))
          : [],
    }),
    roleByKind: t.stringList({
      description: 'When the role depends on the kind of record: "<kind>:<role>" pairs.',
      resolve: (s) => Object.entries(s.roleByKind ?? {}).map(([k, r]) => `${k}:${r}`),
    }),
    unitKinds: t.stringList({
      description: 'For a creation at a unit: the kinds of unit that may own the record (empty when not limited).',
      resolve: (s) => (s.kind === 'creation' ? [...(s.unitKinds ?? [])] : []),
    }),
  }),
});

const Workflow = builder.objectRef<AnyWorkflow>('Workflow').implement({
  description: 'A procedure declared as data: its record, states and steps.',
  fields: (t) => ({
    name: t.exposeString('name'),
    procedure: t.exposeString('procedure'),
    title: t.exposeString('title'),
    entity: t.exposeString('entity', { description: 'The GraphQL type of its record.' }),
    states: t.stringList({ resolve: (w) => [...w.states] }),
    initialState: t.string({ resolve: (w) => w.initial }),
    finalStates: t.stringList({ resolve: (w) => [...w.final] }),
    steps: t.field({ type: [WorkflowStep], resolve: (w) => Object.entries(w.steps).map(([name, s]) => ({ ...s, name })) }),
  }),
});

builder.queryField('workflows', (t) =>
  t.field({
    type: [Workflow],
    description: 'Every procedure workflow the API enforces: every mutation but `login` is one of their steps.',
    resolve: () => registeredWorkflows(),
  }),
);

export const workflowQueries = { workflows: isAuthenticated };
