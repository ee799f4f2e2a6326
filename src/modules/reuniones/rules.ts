// Who sees the working meetings of It-01 and their agreements. Step roles come from the workflow declaration.
import { readableByUnitOrAddressee } from '../../lib/auth/scope.js';

/** Meetings owned within the viewer's reach, or to which a unit within it was invited (step 6). */
export const readableReunionesTrabajoCast = readableByUnitOrAddressee;

/** Agreements owned within the viewer's reach (the meeting's unit), or whose responsible unit is within it. */
export const readableAcuerdosReunion = readableByUnitOrAddressee;
