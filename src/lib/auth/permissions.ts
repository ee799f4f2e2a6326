// The authorization layer over the whole schema: graphql-shield, deny by
// default. Root fields get the rule their module names; a root field with no
// rule is denied. Object types are allowed as a whole, because the rows behind
// them were already filtered by scope where they were loaded (see scope.ts).
import { isObjectType, type GraphQLSchema } from 'graphql';
import { allow, deny, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { forbidden } from '../errors.js';

type RuleMap = { Query?: Record<string, unknown>; Mutation?: Record<string, unknown> };

export function buildPermissions(schema: GraphQLSchema, modules: RuleMap[]) {
  const tree: Record<string, unknown> = { Query: {}, Mutation: {} };
  for (const m of modules) {
    Object.assign(tree.Query as object, m.Query);
    Object.assign(tree.Mutation as object, m.Mutation);
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type) && !type.name.startsWith('__') && !['Query', 'Mutation', 'Subscription'].includes(type.name)) {
      tree[type.name] = allow;
    }
  }
  return {
    tree,
    middleware: shield(tree as IRules, {
      fallbackRule: deny,
      fallbackError: () => forbidden('No authorization rule allows this field'),
      // Errors thrown by resolvers (typed AppErrors) pass through unchanged.
      allowExternalErrors: true,
      debug: false,
    }),
  };
}
