// Typed documents for the operations in schema/operations. `npm run generate`
// runs this config through scripts/codegen.ts, which replaces `schema` with the
// schema built from the code; the committed SDL here is for partners, who can
// point the same config at their own documents (`npx graphql-codegen`).
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
