// CONOCER's contact centre (V-CANA-MP-02 C.4.1 and C.4.5): the module's one export.
import { isAuthenticated } from '../../lib/auth/rules.js';
import type { ApiModule } from '../../lib/modules.js';
import './types.js';
import './queries.js';
import './mutations.js';
import { contactoWorkflows } from './workflow.js';
import { recibirCorreo } from './inbound.js';
import { avisoVencimientoJob, vencimientosJob } from './jobs.js';

export const contacto: ApiModule = {
  name: 'contacto',
  queries: {
    tickets: isAuthenticated,
    cierresConocer: isAuthenticated,
    analisisContacto: isAuthenticated,
    informesResultadosContacto: isAuthenticated,
    correosCuarentena: isAuthenticated,
    reporteLlamadas: isAuthenticated,
    reporteCorreos: isAuthenticated,
    slaContacto: isAuthenticated,
  },
  workflows: contactoWorkflows,
  exports: [
    // hojaCalculo is the same report as a base64 workbook: the XLSX export is that, as a file.
    {
      field: 'reporteLlamadas',
      lead: ['periodo', 'desde', 'hasta'],
      omit: ['hojaCalculo'],
      tables: ['porOperador', 'porTipoSolicitud', 'porTema'],
    },
    { field: 'reporteCorreos', lead: ['periodo'], omit: ['hojaCalculo'], tables: ['correos'] },
    'slaContacto',
    // The charts of a monthly or quarterly analysis (C.4.1 6.2), by its id: one table per chart.
    {
      name: 'graficasContacto',
      field: 'node',
      on: 'AnalisisContacto',
      path: 'graficas',
      tables: [
        'entidades',
        'escolaridades',
        'estandaresSolicitados',
        'medios',
        'ocupaciones',
        'percepcionPortal',
        'sexos',
        'temasCorreo',
        'temasTelefono',
      ],
    },
  ],
  jobs: [vencimientosJob, avisoVencimientoJob],
  inbound: recibirCorreo,
};
