// CONOCER's national figures (seed 002, Informe de Gestión 2018-2024): typed reports for partners. The module's one export.
import { hasRole } from '../../lib/auth/rules.js';
import type { ApiModule } from '../../lib/modules.js';
import type { Role } from '../../generated/prisma/enums.js';
import './types.js';

/** Who reads CONOCER's figures: CONOCER's areas, the national offices that report on them, the planning partner, and BI readers. */
export const LECTORES_CONOCER: Role[] = [
  'CONOCER_DIRECCION_VINCULACION',
  'CONOCER_RESPONSABLE_CANALES',
  'CONOCER_ESPECIALISTA',
  'DSTC',
  'DIRECTOR_GENERAL_NACIONAL',
  'SPDI_DPP',
  'ADMINISTRADOR_PLATAFORMA',
  // A BI tool's or partner's service account (API key): the figures are CONOCER's public national report.
  'LECTOR',
];

const lectores = hasRole(...LECTORES_CONOCER);

export const conocer: ApiModule = {
  name: 'conocer',
  queries: {
    cifrasConocer: lectores,
    indicadoresConocer: lectores,
    conciliacionesConocer: lectores,
    informeConocer: lectores,
  },
  workflows: [],
  exports: [
    'cifrasConocer',
    'indicadoresConocer',
    'conciliacionesConocer',
    // One row per point of a series, after the series' concepto, naturaleza and periodo; the figure's source line.
    { field: 'informeConocer', tables: [{ rows: 'series.puntos', include: ['cifra.fuenteLinea'] }, 'indicadores', 'conciliaciones'] },
  ],
};
