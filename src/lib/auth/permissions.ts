// The authorization layer over the whole schema: graphql-shield, deny by
// default. Root queries get the rule their module names; every mutation is a
// declared step and gets the rule of its declared roles (so rule and workflow
// cannot disagree); a root field with no rule is denied. Object types are
// allowed as a whole, because the rows behind them were already filtered by
// scope where they were loaded (see scope.ts).
import { isObjectType, type GraphQLSchema } from 'graphql';
import { allow, deny, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import type { IMiddlewareTypeMap } from 'graphql-middleware';
import { forbidden } from '../errors.js';
import type { ApiModule, Rule } from '../modules.js';
import { workflowQueries } from '../workflow/schema.js';
import { rolesOf } from '../workflow/types.js';
import { isSystemStep } from '../workflow/system.js';
import { hasRole } from './rules.js';

export function buildPermissions(schema: GraphQLSchema, modules: readonly ApiModule[]) {
  const Query: Record<string, Rule> = { ...workflowQueries };
  const Mutation: Record<string, Rule> = {};
  for (const m of modules) {
    Object.assign(Query, m.queries);
    Object.assign(Mutation, m.mutations);
    for (const workflow of m.workflows) {
      for (const [name, step] of Object.entries(workflow.steps)) {
        // Steps only the API's jobs take have no mutation (src/lib/workflow/system.ts).
        if (!isSystemStep(step)) Mutation[name] = hasRole(...rolesOf(step));
      }
    }
  }
  const tree: Record<string, unknown> = { Query, Mutation };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type) && !type.name.startsWith('__') && !['Query', 'Mutation', 'Subscription'].includes(type.name)) {
      tree[type.name] = allow;
    }
  }
  const generator = shield(tree as IRules, {
    fallbackRule: deny,
    fallbackError: () => forbidden('No authorization rule allows this field'),
    // Errors thrown by resolvers (typed AppErrors) pass through unchanged.
    allowExternalErrors: true,
    debug: false,
  });
  // Object types are allowed as a whole, so only the root fields need the
  // shield's wrapper: nested fields are not wrapped and cost nothing more.
  const generated = generator.generate(schema) as IMiddlewareTypeMap;
  const middleware: IMiddlewareTypeMap = {};
  for (const root of ['Query', 'Mutation'] as const) if (generated[root]) middleware[root] = generated[root];
  return { tree, middleware };
}
