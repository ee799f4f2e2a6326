// Trusted documents (docs/decisions/016-trusted-documents.md): the operations
// of schema/operations/ published by hash in schema/trusted-documents.json (an
// Apollo persisted-query manifest: { format, version, operations: [{ id, name,
// type, body }] }, id = SHA-256 of body). Clients send `documentId:
// "sha256:<id>"` (GraphQL over HTTP) or Apollo's
// `extensions.persistedQuery.sha256Hash` instead of the text. With
// TRUSTED_DOCUMENTS=only (for production) nothing else is executed.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode } from 'graphql';
import { projectRoot } from '../db/prisma-cli.js';

export interface ManifestOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}
export interface Manifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: ManifestOperation[];
}

export const MANIFEST_PATH = 'schema/trusted-documents.json';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The manifest of schema/operations/*.graphql: each operation printed with the fragments it spreads, in file order. */
export function buildManifest(root = projectRoot): Manifest {
  const dir = path.join(root, 'schema/operations');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
  const definitions = files.flatMap((f) => parse(readFileSync(path.join(dir, f), 'utf8')).definitions);
  const fragments = new Map(
    definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const operations: ManifestOperation[] = [];
  for (const def of definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION || !def.name) continue;
    const used: string[] = [];
    const collect = (node: DefinitionNode) =>
      visit(node, {
        FragmentSpread(spread) {
          const name = spread.name.value;
          if (used.includes(name) || !fragments.has(name)) return;
          used.push(name);
          collect(fragments.get(name)!);
        },
      });
    collect(def);
    const body = [def, ...used.sort().map((n) => fragments.get(n)!)].map((d) => print(d)).join('\n\n');
    operations.push({ id: sha256(body), name: def.name.value, type: def.operation, body });
  }
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

export type TrustedMode = 'accept' | 'only';

export interface TrustedDocuments {
  mode: TrustedMode;
  /**
   * Resolves a request body in place: a known documentId (or APQ hash without
   * text) becomes its text. Returns an error to send instead, or undefined.
   */
  resolve(body: Record<string, unknown>): { code: string; message: string } | undefined;
}

export function loadTrustedDocuments(mode: TrustedMode, file = path.join(projectRoot, MANIFEST_PATH)): TrustedDocuments {
  const manifest: Manifest = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest)
    : { format: 'apollo-persisted-query-manifest', version: 1, operations: [] };
  if (mode === 'only' && manifest.operations.length === 0) throw new Error(`TRUSTED_DOCUMENTS=only needs ${MANIFEST_PATH}`);
  const byId = new Map(manifest.operations.map((o) => [o.id, o.body]));
  return {
    mode,
    resolve(body) {
      const persisted = (body.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
      const documentId = typeof body.documentId === 'string' ? body.documentId.replace(/^sha256:/, '') : undefined;
      const id = documentId ?? (typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : undefined);
      if (typeof body.query !== 'string' && id !== undefined) {
        const text = byId.get(id);
        if (text !== undefined) {
          body.query = text;
          delete body.documentId;
          return undefined;
        }
        if (mode === 'only' || documentId !== undefined) return { code: 'PERSISTED_QUERY_NOT_FOUND', message: 'PersistedQueryNotFound' };
        return undefined; // an APQ hash: Apollo's cache answers
      }
      if (mode === 'only' && (typeof body.query !== 'string' || !byId.has(sha256(body.query)))) {
        return {
          code: 'TRUSTED_DOCUMENT_REQUIRED',
          message: `Only trusted documents are accepted: send a documentId from ${MANIFEST_PATH}`,
        };
      }
      return undefined;
    },
  };
}
