// Who sees proyectos normativos. Step roles come from the workflow declaration.
import { readableByUnitOrAddressee } from '../../lib/auth/scope.js';

/** Records owned within the viewer's reach, or addressed to a unit within it. */
export const readableProyectos = readableByUnitOrAddressee;
