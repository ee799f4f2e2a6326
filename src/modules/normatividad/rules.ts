// Who sees proyectos normativos, and which role guards each step. Step roles
// come from the workflow declaration, so rules and workflow cannot disagree.
import type { Viewer } from '../../lib/auth/viewer.js';
import { unitWithinScope } from '../../lib/auth/scope.js';
import { isAuthenticated, stepRules } from '../../lib/auth/rules.js';
import { STEP_MUTATIONS, normatividadWorkflow as wf } from './workflow.js';

/** Records owned within the viewer's reach, or addressed to a unit within it. */
export function readableProyectos(viewer: Viewer | null) {
  const units = unitWithinScope(viewer);
  return { OR: [{ unit: units }, { destinatarios: { some: { unit: units } } }] };
}

export const permissions = {
  Query: { proyectosNormativos: isAuthenticated },
  Mutation: stepRules(wf, STEP_MUTATIONS),
};
