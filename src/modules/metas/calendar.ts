// The dates 7081-MP-SI sets for goals and results, shown as due on the records.
import type { LineaServicio } from '../../generated/prisma/enums.js';

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const endOfDay = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 23, 59, 59, 999));
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Training goals and PAT are requested "durante el segundo trimestre del año en curso" for the next year (PAT steps 4, 7). */
export function plazoSolicitud(linea: LineaServicio, anio: number) {
  return linea === 'CAPACITACION' ? { desde: day(anio - 1, 4, 1), hasta: endOfDay(anio - 1, 6, 30) } : null;
}

/** Results are registered and validated quarterly (It06 3): from the quarter's first day to the end of the month after it. */
export function plazoRegistro(anio: number, trimestre: number) {
  const first = 3 * trimestre - 2;
  const [y, m] = trimestre === 4 ? [anio + 1, 1] : [anio, 3 * trimestre + 1];
  return { desde: day(anio, first, 1), hasta: endOfDay(y, m, lastDay(y, m)) };
}

/** The months of a quarter. */
export const mesesDe = (trimestre: number) => [3 * trimestre - 2, 3 * trimestre - 1, 3 * trimestre];
