// Who sees the working meetings of It-01. Step roles come from the workflow declaration.
import type { Viewer } from '../../lib/auth/viewer.js';
import { unitWithinScope } from '../../lib/auth/scope.js';

/** Meetings owned within the viewer's reach, or to which a unit within it was invited (step 6). */
export function readableReunionesTrabajoCast(viewer: Viewer | null) {
  const units = unitWithinScope(viewer);
  return { OR: [{ unit: units }, { destinatarios: { some: { unit: units } } }] };
}
