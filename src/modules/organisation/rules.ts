// Who may read organisation data. The unit tree is readable by every signed-in
// person (it is not sensitive and every portal needs it); people and role
// assignments only within the viewer's scope.
import type { Viewer } from '../../lib/auth/viewer.js';
import { readableByUnit, unitWithinScope } from '../../lib/auth/scope.js';

import type { Prisma } from '../../generated/prisma/client.js';
import type { OrgUnitKind } from '../../generated/prisma/enums.js';

// An empty OR matches nothing: without a viewer, nothing is readable.
export function readablePeople(viewer: Viewer | null): Prisma.PersonWhereInput {
  if (!viewer) return { OR: [] };
  const units = unitWithinScope(viewer);
  return { OR: [{ id: viewer.personId }, { unit: units }, { roles: { some: { unit: units } } }] };
}

/** Companies and institutions are private to whoever reaches them; partners (SOCIO_EXTERNO) are public bodies. */
const PRIVATE_KINDS: OrgUnitKind[] = ['EMPRESA', 'INSTITUCION'];

/**
 * The unit tree is readable by every signed-in person, except outside
 * companies and institutions: those only by whoever reaches them (their own
 * people, and the internal units they are registered under and above), and by
 * the units that take part in one of their training concertaciones (7081-MP-SI
 * Pd-02-It-03/It-04: a participating college reads the concertación, so it
 * reads whose it is; decision 026).
 */
export function readableOrgUnits(viewer: Viewer | null): Prisma.OrgUnitWhereInput {
  if (!viewer) return { OR: [] };
  return {
    OR: [
      { kind: { notIn: PRIVATE_KINDS } },
      unitWithinScope(viewer),
      { concertacionesCapacitacion: { some: { participantes: { some: readableByUnit(viewer) } } } },
    ],
  };
}

export function readableAssignments(viewer: Viewer | null): Prisma.RoleAssignmentWhereInput {
  if (!viewer) return { OR: [] };
  return { OR: [{ personId: viewer.personId }, { unit: unitWithinScope(viewer) }] };
}
