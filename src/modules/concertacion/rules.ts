// Who sees the concertaciones of 7081-MP-SI 8.1.5 and Pd-02-It-03, their instrumentos jurídicos and the
// national coordination of It-04. Step roles come from the workflow declarations.
import type { Viewer } from '../../lib/auth/viewer.js';
import { readableByUnit } from '../../lib/auth/scope.js';

/**
 * A concertación belongs to the company or institution that asked for it: its own people (USUARIO_EXTERNO
 * reaches only its organisation), the CAST it is registered under and the offices above (the state office,
 * the DSTC and the CST, which reach the whole system) read it. Another company reads nothing of it.
 */
export const readableConcertacionesServicio = readableByUnit;

/** A participating unit (It-03 activity 4) of the concertación, or a unit above it, is within the viewer's reach. */
const participa = (viewer: Viewer | null) => ({ participantes: { some: readableByUnit(viewer) } });

/**
 * A concertación de capacitación: the same rule (the organisation, the units above it, the national offices),
 * and the Colegios Estatales, UODCDMX and RCEO named as its participants (activity 4), with the units above them.
 */
export const readableConcertacionesCapacitacion = (viewer: Viewer | null) => ({ OR: [readableByUnit(viewer), participa(viewer)] });

/**
 * An instrumento jurídico belongs to the organisation of its concertación: the same rule again; once
 * communicated (`COMUNICADO`, It-03 activity 8) the participants of its concertación de capacitación read it too.
 */
export const readableInstrumentosJuridicos = (viewer: Viewer | null) => ({
  OR: [readableByUnit(viewer), { estado: 'COMUNICADO' as const, concertacionCapacitacion: participa(viewer) }],
});

/** The coordination of It-04: the organisation's rule, and the participants of its concertación (notified at activity 1). */
export const readableCoordinacionesCapacitacion = (viewer: Viewer | null) => ({
  OR: [readableByUnit(viewer), { concertacionCapacitacion: participa(viewer) }],
});
