// Who sees students and certificates, who sees personal data, and the rule of each root field.
import type { Role } from '../../generated/prisma/enums.js';
import type { Viewer } from '../../lib/auth/viewer.js';
import { readableByUnit } from '../../lib/auth/scope.js';
import { hasRole, isAuthenticated, stepRules } from '../../lib/auth/rules.js';
import { BAJA_MUTATIONS, bajaWorkflow, CERTIFICADO_MUTATIONS, certificadoWorkflow, FOLIO_ROLES, SEGUIMIENTO_ROLES } from './workflow.js';

export { readableByUnit };

/**
 * Roles whose work needs students' personal data (CURP): school services,
 * psycho-pedagogy (bajas), the plantel's director and COSFAC. Everyone else
 * who may see a student gets the CURP masked (personal-data protection law).
 */
export const PERSONAL_DATA_ROLES: readonly Role[] = [
  'SERVICIOS_ESCOLARES_PLANTEL',
  'JEFE_SERVICIOS_ESCOLARES_ESTATAL',
  'PSICOPEDAGOGIA',
  'DIRECTOR_PLANTEL',
  'COSFAC',
];

export function seesPersonalData(viewer: Viewer | null, unitPath: string): boolean {
  return !!viewer?.assignments.some((a) => PERSONAL_DATA_ROLES.includes(a.role) && unitPath.startsWith(a.scopePath));
}

/** "GOMA850101HVZRRN09" → "GOMA************09". */
export const maskCurp = (curp: string) => (curp.length > 6 ? curp.slice(0, 4) + '*'.repeat(curp.length - 6) + curp.slice(-2) : '*'.repeat(curp.length));

export const permissions = {
  Query: {
    alumnos: isAuthenticated,
    certificados: isAuthenticated,
    eficienciaTerminal: isAuthenticated,
    alumnosEnRiesgo: isAuthenticated,
    foliosDisponibles: hasRole('JEFE_SERVICIOS_ESCOLARES_ESTATAL', 'SERVICIOS_ESCOLARES_PLANTEL'),
    reporteSiseac: isAuthenticated,
    calendarioEscolar: isAuthenticated,
    reunionesRiesgo: isAuthenticated,
    asesoriasComplementarias: isAuthenticated,
    bajas: isAuthenticated,
  },
  Mutation: {
    ...stepRules(certificadoWorkflow, CERTIFICADO_MUTATIONS),
    ...Object.fromEntries(Object.entries(FOLIO_ROLES).map(([field, role]) => [field, hasRole(role)])),
    ...stepRules(bajaWorkflow, BAJA_MUTATIONS),
    ...Object.fromEntries(Object.entries(SEGUIMIENTO_ROLES).map(([field, role]) => [field, hasRole(role)])),
  },
};
