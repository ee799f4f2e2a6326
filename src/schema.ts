// The schema: imports every module (each registers itself on the builder), then
// builds. The authorization layer is applied in app.ts.
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.js';
import './lib/workflow/schema.js';
import './modules/organisation/types.js';
import './modules/identity/schema.js';
import './modules/normatividad/types.js';
import './modules/normatividad/mutations.js';
import './modules/promocion/types.js';
import './modules/promocion/mutations.js';
import './modules/promocion/records.js';
import './modules/academico/types.js';
import './modules/academico/mutations.js';
import './modules/academico/siseac.js';

let schema: GraphQLSchema | undefined;
export function buildSchema(): GraphQLSchema {
  schema ??= builder.toSchema({ sortSchema: true });
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
