// 7081-MP-SI 8.1.5 "Promoción y difusión" of the technological services and the promotion of the
// training offer (Pd-02-It-05 steps 3-5): the module's one export.
import { isAuthenticated } from '../../lib/auth/rules.js';
import type { ApiModule } from '../../lib/modules.js';
import './types.js';
import './mutations.js';
import {
  catalogoServiciosWorkflow,
  ofertaCapacitacionWorkflow,
  promocionServiciosTecnologicosWorkflow,
  solicitudDirigidaWorkflow,
} from './workflow.js';

export const difusion: ApiModule = {
  name: 'difusion',
  queries: {
    promocionesServiciosTecnologicos: isAuthenticated,
    catalogosServicios: isAuthenticated,
    solicitudesDirigidas: isAuthenticated,
    ofertasCapacitacion: isAuthenticated,
  },
  workflows: [promocionServiciosTecnologicosWorkflow, catalogoServiciosWorkflow, solicitudDirigidaWorkflow, ofertaCapacitacionWorkflow],
};
