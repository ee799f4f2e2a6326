// Who sees promotion records, and which role guards each root field. Step
// roles come from the workflow declarations.
import type { Viewer } from '../../lib/auth/viewer.js';
import { unitWithinScope } from '../../lib/auth/scope.js';
import { hasRole, isAuthenticated } from '../../lib/auth/rules.js';
import { rolesOf, type TransitionDefinition } from '../../lib/workflow/types.js';
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

/** Every promotion record belongs to a unit (state or plantel): readable when that unit is within reach. */
export function readableByUnit(viewer: Viewer | null) {
  return { unit: unitWithinScope(viewer) };
}

const stepRules = (workflow: { transitions: Record<string, Pick<TransitionDefinition<string>, 'role'>> }, mutations: Record<string, string>) =>
  Object.fromEntries(Object.entries(mutations).map(([field, t]) => [field, hasRole(...rolesOf(workflow.transitions[t]))]));

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
