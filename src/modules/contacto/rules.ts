// Who sees the contact centre's records (V-CANA-MP-02). Step roles come from the workflow declarations.
import type { Role } from '../../generated/prisma/enums.js';
import type { Viewer } from '../../lib/auth/viewer.js';
import { readableByUnit } from '../../lib/auth/scope.js';

/** Tickets: readable within the reach of the unit's roles (the contact centre, the DVD above it). */
export const readableTickets = readableByUnit;
export const readableCierresConocer = readableByUnit;
export const readableAnalisisContacto = readableByUnit;
export const readableInformesResultadosContacto = readableByUnit;
export const readableCorreosCuarentena = readableByUnit;

/** The roles that handle the person's request and so see their data unmasked. */
const PERSONAL_DATA_ROLES: readonly Role[] = ['CONOCER_OPERADOR_CONTACTO', 'CONOCER_RESPONSABLE_CANALES', 'CONOCER_ESPECIALISTA'];

/** Whether the viewer handles requests of the ticket's unit (else the caller's data is masked). */
export function seesCallerData(viewer: Viewer | null, unitPath: string): boolean {
  return !!viewer?.assignments.some((a) => PERSONAL_DATA_ROLES.includes(a.role) && unitPath.startsWith(a.scopePath));
}

/** "Ana Gómez" → "A** G****"; "ana@x.mx" → "a**@x.mx". */
export const maskText = (s: string) => s.replace(/(\p{L})(\p{L}*)/gu, (_m, a: string, b: string) => a + '*'.repeat(b.length));
export const maskEmail = (s: string) => {
  const at = s.indexOf('@');
  return at > 0 ? s[0] + '*'.repeat(Math.max(at - 1, 0)) + s.slice(at) : '*'.repeat(s.length);
};
