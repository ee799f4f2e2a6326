// Who sees the concertaciones of 7081-MP-SI 8.1.5 and Pd-02-It-03, and their instrumentos jurídicos. Step
// roles come from the workflow declarations.
import { readableByUnit } from '../../lib/auth/scope.js';

/**
 * A concertación belongs to the company or institution that asked for it: its own people (USUARIO_EXTERNO
 * reaches only its organisation), the CAST it is registered under and the offices above (the state office,
 * the DSTC and the CST, which reach the whole system) read it. Another company reads nothing of it.
 */
export const readableConcertacionesServicio = readableByUnit;

/** A concertación de capacitación: the same rule (the organisation, the units above it, the national offices). */
export const readableConcertacionesCapacitacion = readableByUnit;

/** An instrumento jurídico belongs to the organisation of its concertación: the same rule again. */
export const readableInstrumentosJuridicos = readableByUnit;
