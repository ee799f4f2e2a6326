// What every indicator shares: the level it is computed at (one enum for the
// whole API: an indicator per plantel, per Colegio Estatal, or national).
import { builder } from '../builder.js';

export const NIVELES = ['PLANTEL', 'COLEGIO_ESTATAL', 'NACIONAL'] as const;
export type Nivel = (typeof NIVELES)[number];

export const NivelIndicadorEnum = builder.enumType('NivelIndicador', {
  values: NIVELES,
  description: 'Level of an indicator: per plantel, per Colegio Estatal, or national.',
});
