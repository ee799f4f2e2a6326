// Typed documents for a partner's client, from the API's published contract:
// the schema (schema/schema.graphql) and the operations it trusts
// (schema/operations/, by hash in schema/trusted-documents.json). Point
// `schema` and `documents` at your copies of those files.
import type { CodegenConfig } from '@graphql-codegen/cli';

const contract = process.env.API_CONTRACT_DIR ?? '../../schema';

const config: CodegenConfig = {
  schema: `${contract}/schema.graphql`,
  documents: [`${contract}/operations/**/*.graphql`],
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-operations', 'typed-document-node'],
      config: {
        // Plain ESM: `import type` only, so nothing generated is needed at run time but graphql.
        useTypeImports: true,
        // Enums as string unions: the API's values (e.g. 'EN_ELABORACION') are plain strings in JSON.
        enumsAsTypes: true,
        // Scalars as they travel in JSON: DateTime is an ISO 8601 string, ID a string, JSON anything.
        scalars: { DateTime: 'string', ID: 'string', JSON: 'unknown' },
        // No `__typename` unless asked for.
        skipTypename: true,
      },
    },
  },
};

export default config;
