// Who sees the portal's records (V-CANA-MP-02 C.4.4). Step roles come from the workflow declarations.
import { readableByUnit, readableByUnitOrAddressee } from '../../lib/auth/scope.js';

/** Portal requests: the DVD's units (owner), and the provider's organisation once a design is sent to it. */
export const readableSolicitudesPortal = readableByUnitOrAddressee;
export const readableEstadisticasPortal = readableByUnit;
export const readableAnalisisPortal = readableByUnit;
export const readableRevisionesContenidoPortal = readableByUnit;
