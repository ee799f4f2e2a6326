// Record control of 15-528-PO-26 §13: every F01-F05 record is kept 3 years,
// then destroyed. Destruction is a recorded, authorised step (who, when, why,
// in the audit trail), never a silent delete: the row stays, marked destroyed,
// with its personal data cleared, and it no longer counts in any figure.
import type { Role } from '../../generated/prisma/enums.js';

export const RETENTION_YEARS = 3;

export type Formato = 'F01' | 'F02' | 'F03' | 'F04' | 'F05';

/** Who keeps, and so destroys, each format (the "Responsable" column of §13). */
export const DESTRUCTION_ROLES: Record<Formato, Role> = {
  F01: 'COORDINADOR_PROMOCION_ECE',
  F02: 'COORDINADOR_CENTRO_EVALUACION',
  F03: 'COORDINADOR_CENTRO_EVALUACION',
  F04: 'COORDINADOR_CENTRO_EVALUACION',
  F05: 'COORDINADOR_CENTRO_EVALUACION',
};

export const FORMATO_NOMBRES: Record<Formato, string> = {
  F01: 'Concentrado de resultados de promoción y difusión de la ECE',
  F02: 'Cronograma',
  F03: 'Formato visita a empresa o institución',
  F04: 'Lista de asistencia',
  F05: 'Reporte de resultados de promoción y difusión del CE',
};

export function retentionEnd(createdAt: Date): Date {
  const end = new Date(createdAt);
  end.setUTCFullYear(end.getUTCFullYear() + RETENTION_YEARS);
  return end;
}

/** The latest creation date whose retention has ended by `asOf`. */
export function createdOnOrBefore(asOf: Date): Date {
  const d = new Date(asOf);
  d.setUTCFullYear(d.getUTCFullYear() - RETENTION_YEARS);
  return d;
}

/** F03 and F04 are executed activities: which format an activity's evidence is. */
export function formatoOfActividad(tipo: string): Formato | null {
  if (tipo === 'VISITA_EMPRESA') return 'F03';
  if (tipo === 'REUNION_PADRES' || tipo === 'ACADEMIA_DOCENTES') return 'F04';
  return null;
}
