// Who sees what administration writes: units (the tree, with outside
// companies and institutions private to whoever reaches them), people (their
// organisation or a role within reach) and API keys (owned by a unit within reach).
import { readableByUnit } from '../../lib/auth/scope.js';
import type { Viewer } from '../../lib/auth/viewer.js';
import { readableOrgUnits, readablePeople } from '../organisation/rules.js';

export { readableOrgUnits, readablePeople };

/** API keys issued to a unit within the viewer's reach. */
export const readableApiKeys = (viewer: Viewer | null) => readableByUnit(viewer);

/** People the administration steps act on: readable, and registered at a unit (their organisation). */
export const administrablePeople = (viewer: Viewer | null) => ({ AND: [readablePeople(viewer), { unitId: { not: null } }] });
