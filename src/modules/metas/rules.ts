// Who sees the records of metas y resultados. Step roles come from the workflow declarations.
import type { Viewer } from '../../lib/auth/viewer.js';
import { readableByUnit, unitWithinScope } from '../../lib/auth/scope.js';

/** Goal programmes and results: owned by a unit within the viewer's reach (SPDI-DPP reaches none). */
export const readableProgramasMetas = readableByUnit;
export const readableRegistrosResultados = readableByUnit;

/** The national programme: owned within the viewer's reach, or sent to a unit within it (SPDI-DPP, PAT steps 6 and 9). */
export function readableProgramasNacionalesCapacitacion(viewer: Viewer | null) {
  const units = unitWithinScope(viewer);
  return { OR: [{ unit: units }, { destinatarios: { some: { unit: units } } }] };
}

/** Catalogue courses: owned within reach, or published (the offer every signed-in reader may promote). */
export function readableCursosCatalogo(viewer: Viewer | null) {
  if (!viewer) return { id: { in: [] as string[] } };
  return { OR: [readableByUnit(viewer), { estado: 'PUBLICADO' as const }] };
}
