// 7081-MP-SI 8.1.6 "Normatividad" and Pd-02-It-01 "Normativa de los servicios de capacitación": the module's one export.
import { isAuthenticated } from '../../lib/auth/rules.js';
import type { ApiModule } from '../../lib/modules.js';
import './types.js';
import './mutations.js';
import './capacitacion-mutations.js';
import { normativaCapacitacionWorkflow } from './capacitacion.js';
import { normatividadWorkflow } from './workflow.js';

export const normatividad: ApiModule = {
  name: 'normatividad',
  queries: { proyectosNormativos: isAuthenticated },
  workflows: [normatividadWorkflow, normativaCapacitacionWorkflow],
};
