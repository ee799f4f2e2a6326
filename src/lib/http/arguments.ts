// Arguments every connection shares, checked once for every field before its
// resolver runs: a cursor names a record (base64 of Pothos' "GPC:S:<uuid>"),
// and a page size is 0 to the maximum. A malformed value is the client's
// mistake (BAD_USER_INPUT), never a database error.
import { isObjectType, type GraphQLSchema } from 'graphql';
import type { IMiddlewareFunction, IMiddlewareTypeMap } from 'graphql-middleware';
import { badInput, type InputIssue } from '../errors.js';
import { UUID } from '../ids.js';

export const MAX_PAGE_SIZE = 100;

function validCursor(cursor: string): boolean {
  const decoded = Buffer.from(cursor, 'base64').toString('utf8');
  return decoded.startsWith('GPC:S:') && UUID.test(decoded.slice('GPC:S:'.length)) && Buffer.from(decoded).toString('base64') === cursor;
}

const checkConnectionArguments: IMiddlewareFunction = async (resolve, root, args: Record<string, unknown>, ctx, info): Promise<unknown> => {
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

/**
 * The check, on the Relay connections only (fields with an `after` argument;
 * other lists check their own sizes): other fields are not wrapped at all, so
 * they cost nothing more to resolve.
 */
export function connectionArguments(schema: GraphQLSchema): IMiddlewareTypeMap {
  const map: IMiddlewareTypeMap = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const fields = Object.values(type.getFields()).filter((f) => f.args.some((a) => a.name === 'after'));
    if (fields.length) map[type.name] = Object.fromEntries(fields.map((f) => [f.name, checkConnectionArguments]));
  }
  return map;
}
