// The business-day deadlines of V-CANA-MP-02, over Mexico's official holidays
// and the closures CONOCER declares (src/lib/business-days.ts).
import { loadBusinessCalendar, type BusinessCalendar } from '../../lib/business-days.js';
import type { Tx } from '../../lib/workflow/types.js';
import type { Db } from '../../lib/db/client.js';

/** C.4.5 4.1: an e-mail is answered within two business days of receipt. */
export const DIAS_RESPUESTA_CORREO = 2;
/** C.4.1 8.1 / C.4.5 7.1: the monthly analysis, 7 to 10 business days after the report: the deadline is the 10th. */
export const DIAS_ANALISIS = 10;
/** C.4.1 9.4 / C.4.5 8.4: the report of results, 5 to 7 business days after the analysis: the deadline is the 7th. */
export const DIAS_INFORME = 7;

/** The calendar with CONOCER's declared closures. */
export const conocerCalendar = (db: Tx | Db): Promise<BusinessCalendar> =>
  loadBusinessCalendar(() => db.cierreConocer.findMany({ select: { fecha: true } }));
