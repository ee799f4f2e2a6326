// Whether a viewer's role reaches a unit other than the record a step acts on
// (e.g. the unit of a role an administrator assigns): the same rule as the
// engine's `owner` reach, for checks inside a step's `validate`.
import type { Role } from '../../generated/prisma/enums.js';
import type { Viewer } from './viewer.js';

export function roleReachesUnit(viewer: Viewer, role: Role, unitPath: string): boolean {
  return viewer.assignments.some((a) => a.role === role && unitPath.startsWith(a.scopePath));
}
