// Who sees students and certificates, and who sees personal data. Step roles come from the workflow declarations.
import type { Role } from '../../generated/prisma/enums.js';
import type { Viewer } from '../../lib/auth/viewer.js';
import { readableByUnit } from '../../lib/auth/scope.js';

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
export const maskCurp = (curp: string) =>
  curp.length > 6 ? curp.slice(0, 4) + '*'.repeat(curp.length - 6) + curp.slice(-2) : '*'.repeat(curp.length);
