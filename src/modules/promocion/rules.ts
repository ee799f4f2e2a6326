// Who sees promotion records, and which role guards each root field. Step
// roles come from the workflow declarations.
import { readableByUnit } from '../../lib/auth/scope.js';
import { hasRole, isAuthenticated, stepRules } from '../../lib/auth/rules.js';
import {
  accionMejoraWorkflow,
  concentradoWorkflow,
  EDITS,
  MUTATIONS,
  planCentroWorkflow,
  planEstatalWorkflow,
  reporteWorkflow,
} from './workflow.js';
import { DESTRUCTION_ROLES } from './retention.js';

// Every promotion record belongs to a unit (state or plantel).
export { readableByUnit };

export const permissions = {
  Query: {
    planesEstatalesPromocion: isAuthenticated,
    planesCentroEvaluador: isAuthenticated,
    reportesTrimestralesPromocion: isAuthenticated,
    concentradosPromocion: isAuthenticated,
    accionesMejoraPromocion: isAuthenticated,
    eficienciaPromocion: isAuthenticated,
    calendarioPromocion: isAuthenticated,
    pendientesPromocion: isAuthenticated,
    registrosPromocionPorDestruir: hasRole(...new Set(Object.values(DESTRUCTION_ROLES))),
  },
  Mutation: {
    ...stepRules(planEstatalWorkflow, MUTATIONS.planEstatal),
    ...stepRules(planCentroWorkflow, MUTATIONS.planCentro),
    ...stepRules(reporteWorkflow, MUTATIONS.reporte),
    ...stepRules(concentradoWorkflow, MUTATIONS.concentrado),
    ...stepRules(accionMejoraWorkflow, MUTATIONS.accionMejora),
    ...Object.fromEntries(Object.entries(EDITS).map(([field, e]) => [field, hasRole(e.role)])),
    destroyPromotionRecord: hasRole(...new Set(Object.values(DESTRUCTION_ROLES))),
  },
};
