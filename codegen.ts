// Typed documents for the operations in schema/operations, generated from the
// committed SDL. Partners can point the same config at their own documents.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['schema/operations/**/*.graphql'],
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-operations', 'typed-document-node'],
      config: { enumsAsTypes: true, scalars: { DateTime: 'string', ID: 'string', JSON: 'unknown' }, useTypeImports: true },
    },
  },
};

export default config;
