// Who sees proyectos normativos. Step roles come from the workflow declaration.
import type { Viewer } from '../../lib/auth/viewer.js';
import { unitWithinScope } from '../../lib/auth/scope.js';

/** Records owned within the viewer's reach, or addressed to a unit within it. */
export function readableProyectos(viewer: Viewer | null) {
  const units = unitWithinScope(viewer);
  return { OR: [{ unit: units }, { destinatarios: { some: { unit: units } } }] };
}
