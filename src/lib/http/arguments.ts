// Arguments every connection shares, checked once for every field before its
// resolver runs: a cursor names a record (base64 of Pothos' "GPC:S:<uuid>"),
// and a page size is 0 to the maximum. A malformed value is the client's
// mistake (BAD_USER_INPUT), never a database error.
import type { IMiddlewareFunction } from 'graphql-middleware';
import { badInput, type InputIssue } from '../errors.js';
import { UUID } from '../ids.js';

export const MAX_PAGE_SIZE = 100;

function validCursor(cursor: string): boolean {
  const decoded = Buffer.from(cursor, 'base64').toString('utf8');
  return decoded.startsWith('GPC:S:') && UUID.test(decoded.slice('GPC:S:'.length)) && Buffer.from(decoded).toString('base64') === cursor;
}

export const connectionArguments: IMiddlewareFunction = async (
  resolve,
  root,
  args: Record<string, unknown>,
  ctx,
  info,
): Promise<unknown> => {
  // Only Relay connections (fields with an `after` argument); other lists check their own sizes.
  if (!info.parentType.getFields()[info.fieldName]?.args.some((a) => a.name === 'after'))
    return (await resolve(root, args, ctx, info)) as unknown;
  const issues: InputIssue[] = [];
  for (const name of ['after', 'before'] as const) {
    const cursor = args[name];
    if (typeof cursor === 'string' && !validCursor(cursor)) issues.push({ path: [name], message: 'Not a cursor this API gave out' });
  }
  for (const name of ['first', 'last'] as const) {
    const size = args[name];
    if (typeof size === 'number' && (size < 0 || size > MAX_PAGE_SIZE))
      issues.push({ path: [name], message: `Must be 0 to ${MAX_PAGE_SIZE}` });
  }
  if (issues.length) throw badInput(issues);
  return (await resolve(root, args, ctx, info)) as unknown;
};
