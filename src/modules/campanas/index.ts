// CONOCER's promotion campaigns through the contact centre (V-CANA-MP-02 C.4.2): the module's one export.
import { isAuthenticated } from '../../lib/auth/rules.js';
import type { ApiModule } from '../../lib/modules.js';
import './types.js';
import { publicMutations } from './mutations.js';
import { campanaWorkflow } from './workflow.js';
import { envioCampanasJob } from './jobs.js';

export const campanas: ApiModule = {
  name: 'campanas',
  queries: { campanas: isAuthenticated },
  workflows: [campanaWorkflow],
  mutations: publicMutations,
  jobs: [envioCampanasJob],
};
