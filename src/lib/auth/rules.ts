// graphql-shield rules shared by every module. Modules name, beside their own
// code, which rule guards each of their root fields (rules.ts); anything not
// named is denied (see permissions.ts).
import { allow, rule } from 'graphql-shield';
import type { Role } from '../../generated/prisma/enums.js';
import type { Context } from '../../context.js';
import { forbidden, unauthenticated } from '../errors.js';
import { holdsRole } from './viewer.js';

export { allow as isPublic };

export const isAuthenticated = rule('isAuthenticated', { cache: 'contextual' })((_parent, _args, ctx: Context) =>
  ctx.viewer ? true : unauthenticated(ctx.rejectedToken),
);

/**
 * The viewer holds one of `roles` at some unit. Whether that unit reaches the
 * record is checked where the record is loaded (the workflow engine, or the
 * read filters), because it depends on the row.
 */
export function hasRole(...roles: Role[]) {
  // shield keys its cache by rule name, and refuses two rules with one name:
  // one rule object per role set.
  const name = `hasRole:${[...roles].sort().join('|')}`;
  let cached = roleRules.get(name);
  if (!cached) {
    cached = rule(name, { cache: 'contextual' })((_parent, _args, ctx: Context) => {
      if (!ctx.viewer) return unauthenticated(ctx.rejectedToken);
      return holdsRole(ctx.viewer, roles) ? true : forbidden(`Requires one of the roles: ${roles.join(', ')}`);
    });
    roleRules.set(name, cached);
  }
  return cached;
}
const roleRules = new Map<string, ReturnType<ReturnType<typeof rule>>>();
