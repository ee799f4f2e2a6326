// GraphQL description of the declared workflows, and the audit entry type.
import { builder } from '../../builder.js';
import { isAuthenticated } from '../auth/rules.js';
import { registeredWorkflows } from './registry.js';
import { rolesOf, type TransitionDefinition } from './types.js';
import type { DescribedWorkflow } from './registry.js';

export const WorkflowTransitionRef = builder.prismaObject('WorkflowTransition', {
  description: 'One step taken on a workflow record: who, in which role and unit, when, from which state to which, and why.',
  fields: (t) => ({
    id: t.exposeID('id'),
    transition: t.exposeString('transition', { description: 'The step, as named in the workflow declaration.' }),
    fromState: t.exposeString('fromState', { nullable: true, description: 'Null for the step that created the record.' }),
    toState: t.exposeString('toState'),
    actor: t.relation('actor'),
    actorRole: t.exposeString('actorRole'),
    actorUnit: t.relation('actorUnit'),
    comment: t.exposeString('comment', { nullable: true, description: 'Observations given with the step.' }),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

type Step = Omit<TransitionDefinition<string>, 'guard'> & { name: string; mutation: string };

const WorkflowStep = builder.objectRef<Step>('WorkflowStep').implement({
  description: 'A step of a procedure, as declared.',
  fields: (t) => ({
    name: t.exposeString('name'),
    mutation: t.exposeString('mutation', { description: 'The mutation that takes this step.' }),
    step: t.exposeString('step', { description: 'Step number(s) in the manual.' }),
    description: t.exposeString('description'),
    from: t.stringList({ description: 'Empty for the step that creates the record.', resolve: (s) => [...(s.from ?? [])] }),
    to: t.exposeString('to'),
    role: t.string({ description: 'The responsible role (the first, when several may act).', resolve: (s) => rolesOf(s)[0] }),
    roles: t.stringList({ description: 'Every role that may take this step.', resolve: (s) => [...rolesOf(s)] }),
    reach: t.string({
      description: '"owner": the role must reach the record\'s unit; "addressee:<purpose>": a unit the record was addressed to.',
      resolve: (s) => (s.reach.kind === 'owner' ? 'owner' : `addressee:${s.reach.purpose}`),
    }),
    observationsRequired: t.boolean({ resolve: (s) => s.comment === 'required' }),
  }),
});

const Workflow = builder
  .objectRef<{ definition: DescribedWorkflow; mutations: Record<string, string> }>('Workflow')
  .implement({
    description: 'A procedure declared as data: its states and steps.',
    fields: (t) => ({
      name: t.string({ resolve: (w) => w.definition.name }),
      procedure: t.string({ resolve: (w) => w.definition.procedure }),
      title: t.string({ resolve: (w) => w.definition.title }),
      states: t.stringList({ resolve: (w) => [...w.definition.states] }),
      initialState: t.string({ resolve: (w) => w.definition.initial }),
      finalStates: t.stringList({ resolve: (w) => [...w.definition.final] }),
      steps: t.field({
        type: [WorkflowStep],
        resolve: (w) => {
          const mutationOf = Object.fromEntries(Object.entries(w.mutations).map(([m, tr]) => [tr, m]));
          return Object.entries(w.definition.transitions).map(([name, def]) => ({ ...def, name, mutation: mutationOf[name] ?? '' }));
        },
      }),
    }),
  });

builder.queryField('workflows', (t) =>
  t.field({
    type: [Workflow],
    description: 'Every procedure workflow the API enforces.',
    resolve: () => registeredWorkflows(),
  }),
);

export const permissions = { Query: { workflows: isAuthenticated } };
