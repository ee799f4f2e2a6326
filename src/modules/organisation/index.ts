// The organisation: units, people and role assignments (read-only for now).
import { isAuthenticated } from '../../lib/auth/rules.js';
import type { ApiModule } from '../../lib/modules.js';
import './types.js';

export const organisation: ApiModule = {
  name: 'organisation',
  queries: { orgUnits: isAuthenticated, orgUnit: isAuthenticated, people: isAuthenticated, node: isAuthenticated, nodes: isAuthenticated },
  workflows: [],
};
