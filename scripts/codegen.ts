// Typed documents (`npm run generate`, after the Prisma client): codegen.ts with
// its schema replaced by the one built from the code, so a stale or
// differently-ordered schema/schema.graphql can neither break nor skew the
// output. Errors are printed (the CLI's --silent swallowed them) and exit 1.
import { generate } from '@graphql-codegen/cli';
import config from '../codegen.js';
import { printSdl } from '../src/schema.js';

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const parts = [error.message];
  // A GraphQL document error carries the per-operation messages in `details`.
  const details = (error as { details?: unknown }).details;
  if (typeof details === 'string' && details.trim()) parts.push(details);
  return parts.join('\n');
}

try {
  await generate({ ...config, schema: printSdl(), silent: true }, true);
} catch (error) {
  const errors = error instanceof AggregateError && error.errors.length > 0 ? (error.errors as unknown[]) : [error];
  console.error(`graphql-codegen failed:\n${errors.map(describe).join('\n\n')}`);
  process.exit(1);
}
