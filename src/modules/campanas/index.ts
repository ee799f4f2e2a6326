// CONOCER's promotion campaigns (V-CANA-MP-02 C.4.2) and surveys (C.4.3) through the contact centre: the module's one export.
import { isAuthenticated } from '../../lib/auth/rules.js';
import type { ApiModule } from '../../lib/modules.js';
import './types.js';
import './encuesta-types.js';
import { encuestaPublicMutations } from './encuesta-mutations.js';
import { publicMutations } from './mutations.js';
import { campanaWorkflow } from './workflow.js';
import { encuestaWorkflow } from './encuesta-workflow.js';
import { envioCampanasJob } from './jobs.js';

export const campanas: ApiModule = {
  name: 'campanas',
  queries: { campanas: isAuthenticated, encuestas: isAuthenticated, calidadServicioConocer: isAuthenticated },
  // One row: the indicator of the year (it has no lists).
  exports: ['calidadServicioConocer'],
  workflows: [campanaWorkflow, encuestaWorkflow],
  mutations: { ...publicMutations, ...encuestaPublicMutations },
  jobs: [envioCampanasJob],
};
