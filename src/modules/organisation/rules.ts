// Who may read organisation data. The unit tree is readable by every signed-in
// person (it is not sensitive and every portal needs it); people and role
// assignments only within the viewer's scope.
import type { Viewer } from '../../lib/auth/viewer.js';
import { unitWithinScope } from '../../lib/auth/scope.js';

import type { Prisma } from '../../generated/prisma/client.js';

// An empty OR matches nothing: without a viewer, nothing is readable.
export function readablePeople(viewer: Viewer | null): Prisma.PersonWhereInput {
  if (!viewer) return { OR: [] };
  return { OR: [{ id: viewer.personId }, { roles: { some: { unit: unitWithinScope(viewer) } } }] };
}

export function readableAssignments(viewer: Viewer | null): Prisma.RoleAssignmentWhereInput {
  if (!viewer) return { OR: [] };
  return { OR: [{ personId: viewer.personId }, { unit: unitWithinScope(viewer) }] };
}
