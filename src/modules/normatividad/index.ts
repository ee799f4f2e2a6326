// 7081-MP-SI 8.1.6 "Normatividad": the module's one export.
import { isAuthenticated } from '../../lib/auth/rules.js';
import type { ApiModule } from '../../lib/modules.js';
import './types.js';
import './mutations.js';
import { normatividadWorkflow } from './workflow.js';

export const normatividad: ApiModule = {
  name: 'normatividad',
  queries: { proyectosNormativos: isAuthenticated },
  workflows: [normatividadWorkflow],
};
