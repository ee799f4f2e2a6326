// 15-528-PO-26 "Concertación de Servicios": the module's one export.
import { hasRole, isAuthenticated } from '../../lib/auth/rules.js';
import type { ApiModule } from '../../lib/modules.js';
import './types.js';
import './mutations.js';
import './records.js';
import './visitas.js';
import { DESTRUCTION_ROLES } from './retention.js';
import { promocionWorkflows } from './workflow.js';

export const promocion: ApiModule = {
  name: 'promocion',
  queries: {
    planesTrabajoAnuales: isAuthenticated,
    planesAnualesCentro: isAuthenticated,
    reportesTrimestrales: isAuthenticated,
    concentradosEstatales: isAuthenticated,
    accionesMejora: isAuthenticated,
    eficienciaPromocion: isAuthenticated,
    obligacionesPromocion: isAuthenticated,
    pendientesPromocion: isAuthenticated,
    tablasCostos: isAuthenticated,
    visitasTecnicas: isAuthenticated,
    registrosPromocionPorDestruir: hasRole(...new Set(Object.values(DESTRUCTION_ROLES))),
  },
  workflows: promocionWorkflows,
  exports: ['eficienciaPromocion', 'pendientesPromocion', 'obligacionesPromocion', 'registrosPromocionPorDestruir'],
};
