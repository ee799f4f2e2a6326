// Platform administration: units (and outside organisations), people with
// their invitations and roles, and API keys. The module's one export.
import { isAuthenticated } from '../../lib/auth/rules.js';
import type { ApiModule } from '../../lib/modules.js';
import './types.js';
import './mutations.js';
import { apiKeyWorkflow, orgUnitWorkflow, personWorkflow } from './workflow.js';

export const administracion: ApiModule = {
  name: 'administracion',
  queries: { apiKeys: isAuthenticated },
  workflows: [orgUnitWorkflow, personWorkflow, apiKeyWorkflow],
};
