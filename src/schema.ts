// The schema: registers the one list of modules (importing it registers each
// module's types and fields on the builder), checks that every mutation is a
// declared step, then builds. The authorization layer is applied in app.ts.
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.js';
import './lib/workflow/schema.js';
import { checkWiring, registerModules } from './lib/modules.js';
import { answerPlannedRelations } from './lib/db/planned-relations.js';
import { describeByConvention } from './lib/schema-descriptions.js';
import { modules } from './modules/index.js';

registerModules(modules);

let schema: GraphQLSchema | undefined;
export function buildSchema(): GraphQLSchema {
  if (!schema) {
    schema = answerPlannedRelations(describeByConvention(builder.toSchema({ sortSchema: true })));
    checkWiring(schema);
  }
  return schema;
}

export function printSdl(): string {
  return (
    '# Generated from the code by `npm run schema:print`; do not edit.\n' +
    '# CI fails when this file differs from the printed schema.\n\n' +
    printSchema(lexicographicSortSchema(buildSchema())) +
    '\n'
  );
}
