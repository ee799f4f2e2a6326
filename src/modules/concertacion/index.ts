// 7081-MP-SI 8.1.5 "Concertación" of the technological services, Pd-02-It-03 "Concertación de los servicios
// de capacitación" and the instrumento jurídico that formalises either: the module's one export.
import { isAuthenticated } from '../../lib/auth/rules.js';
import type { ApiModule } from '../../lib/modules.js';
import './types.js';
import './mutations.js';
import './capacitacion-types.js';
import './capacitacion-mutations.js';
import './instrumento-types.js';
import './instrumento-mutations.js';
import './coordinacion-types.js';
import './coordinacion-mutations.js';
import './indicators.js';
import { concertacionServicioWorkflow } from './workflow.js';
import { concertacionCapacitacionWorkflow } from './capacitacion-workflow.js';
import { instrumentoJuridicoWorkflow } from './instrumento-workflow.js';
import { coordinacionCapacitacionWorkflow } from './coordinacion-workflow.js';

export const concertacion: ApiModule = {
  name: 'concertacion',
  queries: {
    concertacionesServicio: isAuthenticated,
    concertacionesCapacitacion: isAuthenticated,
    instrumentosJuridicos: isAuthenticated,
    coordinacionesCapacitacion: isAuthenticated,
    ingresosCapacitacion: isAuthenticated,
    indicadoresConcertacion: isAuthenticated,
  },
  workflows: [
    concertacionServicioWorkflow,
    concertacionCapacitacionWorkflow,
    instrumentoJuridicoWorkflow,
    coordinacionCapacitacionWorkflow,
  ],
  exports: [
    { field: 'ingresosCapacitacion', lead: ['anio'], tables: ['porMes', 'porUnidad'] },
    { field: 'indicadoresConcertacion', lead: ['anio'], tables: ['porEstado', 'tiempoHastaFirma'] },
  ],
};
