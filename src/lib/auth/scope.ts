// Row filters shared by lists, nested fields, item look-ups and aggregates, so
// that a person never sees a record outside their scope by any path.
import type { Db } from '../db/client.js';
import { UUID } from '../ids.js';
import type { Viewer } from './viewer.js';
import { readablePrefixes } from './viewer.js';

/** Prisma filter on an OrgUnit relation: the unit lies within the viewer's reach. */
export function unitWithinScope(viewer: Viewer | null): { OR: { path: { startsWith: string } }[] } {
  // No viewer, no prefixes: `OR: []` matches nothing (deny by default).
  const prefixes = viewer ? readablePrefixes(viewer) : [];
  return { OR: prefixes.map((p) => ({ path: { startsWith: p } })) };
}

/** Prisma filter "the record's unit is `unitId` or below it"; matches nothing for an unknown unit. */
export async function withinUnit(db: Db, unitId: string): Promise<{ unit: { path: { startsWith: string } } }> {
  const unit = UUID.test(unitId) ? await db.orgUnit.findUnique({ where: { id: unitId }, select: { path: true } }) : null;
  return { unit: { path: { startsWith: unit?.path ?? '\u0000' } } };
}
