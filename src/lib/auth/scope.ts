// Row filters shared by lists, nested fields, item look-ups and aggregates, so
// that a person never sees a record outside their scope by any path.
import type { Viewer } from './viewer.js';
import { readablePrefixes } from './viewer.js';

/** Prisma filter on an OrgUnit relation: the unit lies within the viewer's reach. */
export function unitWithinScope(viewer: Viewer | null): { OR: { path: { startsWith: string } }[] } {
  // No viewer, no prefixes: `OR: []` matches nothing (deny by default).
  const prefixes = viewer ? readablePrefixes(viewer) : [];
  return { OR: prefixes.map((p) => ({ path: { startsWith: p } })) };
}
