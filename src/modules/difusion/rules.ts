// Who sees the promotion records of 7081-MP-SI 8.1.5 and Pd-02-It-05. Step roles come from the workflow declarations.
import { readableByUnit, readableByUnitOrAddressee } from '../../lib/auth/scope.js';

/** Rounds owned within the viewer's reach (the DSTC's), or addressed to a CAST within it (step 2). */
export const readablePromociones = readableByUnitOrAddressee;

/** A CAST's catalogue editions: readable within the CAST's reach (its state office, national offices). */
export const readableCatalogosServicios = readableByUnit;

/** Addressed requests: readable by the requesting unit's reach and by the addressee's. */
export const readableSolicitudesDirigidas = readableByUnitOrAddressee;

/** The training offer: readable by the CSC's reach and by the state offices it was disseminated to (step 5). */
export const readableOfertasCapacitacion = readableByUnitOrAddressee;
