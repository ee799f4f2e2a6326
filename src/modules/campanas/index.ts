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
  exports: [
    // One row: the indicator of the year (it has no lists).
    'calidadServicioConocer',
    // Reports of a record, by its id: a campaign's final report (step 12.1) and a survey's results.
    { name: 'reporteCampana', field: 'node', on: 'Campana', path: 'reporte', omit: ['hojaCalculo'], tables: ['porResultado'] },
    { name: 'resultadosEncuesta', field: 'node', on: 'Encuesta', path: 'resultados', tables: ['porPregunta'] },
  ],
  workflows: [campanaWorkflow, encuestaWorkflow],
  mutations: { ...publicMutations, ...encuestaPublicMutations },
  jobs: [envioCampanasJob],
};
