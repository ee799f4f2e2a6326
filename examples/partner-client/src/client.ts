// A minimal typed client: the operation goes by its trusted id (documentId),
// never as text, so it runs on servers with TRUSTED_DOCUMENTS=only; results
// and variables are typed by the generated documents.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { getOperationAST } from 'graphql';
import { readFileSync } from 'node:fs';

interface Manifest {
  operations: { id: string; name: string }[];
}

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; issues?: { path: (string | number)[]; message: string }[] };
}

export class ApiError extends Error {
  constructor(readonly errors: GraphQLErrorBody[]) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('\n'));
  }
}

export function createClient(options: { url: string; manifestFile: string; token?: string; language?: 'es' | 'en' }) {
  const manifest = JSON.parse(readFileSync(options.manifestFile, 'utf8')) as Manifest;
  const ids = new Map(manifest.operations.map((o) => [o.name, o.id]));
  let token = options.token;
  return {
    setToken(value: string | undefined) {
      token = value;
    },
    async request<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<TResult> {
      const name = getOperationAST(document)?.name?.value;
      const id = name ? ids.get(name) : undefined;
      if (!name || !id) throw new Error(`Operation ${name ?? '(anonymous)'} is not a trusted document`);
      const response = await fetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json;q=0.9',
          'accept-language': options.language ?? 'es',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ documentId: `sha256:${id}`, operationName: name, variables }),
      });
      const body = (await response.json()) as { data?: TResult | null; errors?: GraphQLErrorBody[] };
      if (body.errors?.length || !body.data) throw new ApiError(body.errors ?? [{ message: `HTTP ${response.status}` }]);
      return body.data;
    },
  };
}
