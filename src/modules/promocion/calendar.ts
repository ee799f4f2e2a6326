// Calendar rules of 15-528-PO-26 §9, as due dates. Where the manual names a
// month, the due date is that month's last day; where it says "quarterly", the
// F05 is due ten days after the quarter ends (an assumption the manual leaves
// open: docs/procedures/promocion.md).
export const F05_GRACE_DAYS = 10;

export interface Obligation {
  clave: string;
  descripcion: string;
  responsable: string;
  fechaLimite: Date;
}

export const endOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0, 23, 59, 59));
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

export const quarterMonths = (q: number) => [3 * q - 2, 3 * q] as const;
export const halfMonths = (h: number) => [6 * h - 5, 6 * h] as const;

/** The F05 of quarter `q` of `year` is due on this date. */
export const f05DueDate = (year: number, q: number) => addDays(endOfMonth(year, 3 * q), F05_GRACE_DAYS);

/** Obligations for the promotion cycle of `year` (the plan year). */
export function promotionCalendar(year: number): Obligation[] {
  return [
    {
      clave: 'PROGRAMA_PROMOCION',
      descripcion:
        'Las unidades administrativas realizan su Programa de Promoción y Difusión, con el análisis de contexto (§9). Un plan de plantel solo vence cuando ya existe: ' +
        'al final del mes siguiente a su turno (paso 3.1), si es posterior (ver pendientesPromocion).',
      responsable: 'COORDINADOR_CENTRO_EVALUACION',
      fechaLimite: endOfMonth(year - 1, 9),
    },
    {
      clave: 'TABLA_COSTOS',
      descripcion: 'Se envía la tabla de costos de los cursos de alineación con fines de certificación (§9).',
      responsable: 'COORDINADOR_PROMOCION_ECE',
      fechaLimite: endOfMonth(year, 1),
    },
    {
      clave: 'PLAN_ESTATAL_TURNADO',
      descripcion: 'La CPSECE turna el Plan de Trabajo Anual a las unidades administrativas (paso 2.1).',
      responsable: 'COORDINADOR_PROMOCION_ECE',
      fechaLimite: endOfMonth(year, 1),
    },
    ...[3, 6, 9, 12].map((month) => ({
      clave: `VISITA_TECNICA_${String(month).padStart(2, '0')}`,
      descripcion: 'Visitas técnicas a plantel: reglas de operación e identidad institucional del material (§9).',
      responsable: 'COORDINADOR_ECE',
      fechaLimite: endOfMonth(year, month),
    })),
    ...[1, 2, 3, 4].map((q) => ({
      clave: `F05_T${q}`,
      descripcion: `Reporte de resultados de promoción y difusión del trimestre ${q} (F05, paso 7V).`,
      responsable: 'COORDINADOR_CENTRO_EVALUACION',
      fechaLimite: f05DueDate(year, q),
    })),
  ];
}

/**
 * When a plantel's plan (its programme) is due: September of the year before,
 * as §9 says, but never before the end of the month after the state plan
 * reached the plantel (steps 2.1-3.1, in January): a plan cannot be late before
 * it exists (docs/procedures/promocion.md, "Calendar").
 */
export function plantelPlanDueDate(year: number, turnadoAt: Date): Date {
  const afterReception = endOfMonth(turnadoAt.getUTCFullYear(), turnadoAt.getUTCMonth() + 2);
  const september = endOfMonth(year - 1, 9);
  return afterReception > september ? afterReception : september;
}
