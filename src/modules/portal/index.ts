// The Portal CONOCER (V-CANA-MP-02 C.4.4 and policy 3.1.2): the module's one export.
import { isAuthenticated } from '../../lib/auth/rules.js';
import type { ApiModule } from '../../lib/modules.js';
import './types.js';
import './mutations.js';
import { analisisPortalWorkflow, estadisticaPortalWorkflow, revisionContenidoPortalWorkflow, solicitudPortalWorkflow } from './workflow.js';

export const portal: ApiModule = {
  name: 'portal',
  queries: {
    solicitudesPortal: isAuthenticated,
    estadisticasPortal: isAuthenticated,
    analisisPortal: isAuthenticated,
    revisionesContenidoPortal: isAuthenticated,
  },
  workflows: [solicitudPortalWorkflow, estadisticaPortalWorkflow, analisisPortalWorkflow, revisionContenidoPortalWorkflow],
  // A quarter's trend against the previous one (C.4.4), by the analysis' id: totals, and one row per page.
  exports: [{ name: 'tendenciaPortal', field: 'node', on: 'AnalisisPortal', path: 'tendencia', tables: ['paginas'] }],
};
