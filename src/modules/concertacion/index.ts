// 7081-MP-SI 8.1.5 "Concertación" of the technological services: the module's one export.
import { isAuthenticated } from '../../lib/auth/rules.js';
import type { ApiModule } from '../../lib/modules.js';
import './types.js';
import './mutations.js';
import { concertacionServicioWorkflow } from './workflow.js';

export const concertacion: ApiModule = {
  name: 'concertacion',
  queries: { concertacionesServicio: isAuthenticated },
  workflows: [concertacionServicioWorkflow],
};
