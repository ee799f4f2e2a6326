// 30-524-PO-04 "Seguimiento Académico de Alumnos": the module's one export.
import { hasRole, isAuthenticated } from '../../lib/auth/rules.js';
import type { ApiModule } from '../../lib/modules.js';
import './types.js';
import './mutations.js';
import './siseac.js';
import './normas.js';
import { academicoWorkflows } from './workflow.js';
import { importacionSaeJob } from './sae-runner.js';

export const academico: ApiModule = {
  name: 'academico',
  queries: {
    alumnos: isAuthenticated,
    certificados: isAuthenticated,
    eficienciaTerminal: isAuthenticated,
    alumnosEnRiesgo: isAuthenticated,
    foliosDisponibles: hasRole('JEFE_SERVICIOS_ESCOLARES_ESTATAL', 'SERVICIOS_ESCOLARES_PLANTEL'),
    reporteSiseac: isAuthenticated,
    cortesCalendario: isAuthenticated,
    reunionesRiesgo: isAuthenticated,
    asesoriasComplementarias: isAuthenticated,
    bajas: isAuthenticated,
    registrosFaltantes: isAuthenticated,
    rectificacionesEvaluacion: isAuthenticated,
    supervisionesCaptura: isAuthenticated,
    entregasCertificadosFisicos: isAuthenticated,
    solicitudesFolios: isAuthenticated,
    informesJuntaDirectiva: isAuthenticated,
    solicitudesEgresado: isAuthenticated,
  },
  workflows: academicoWorkflows,
  jobs: [importacionSaeJob],
  exports: [
    'eficienciaTerminal',
    'registrosFaltantes',
    { field: 'reporteSiseac', tables: ['porModulo', 'porDocente'] },
    // The student's matrícula and name: the list is for the tutors who call them (the same fields GraphQL answers).
    {
      field: 'alumnosEnRiesgo',
      tables: [
        {
          rows: 'alumnos',
          include: ['alumno.matricula', 'alumno.nombre', 'alumno.primerApellido', 'alumno.segundoApellido', 'alumno.semestre'],
        },
      ],
    },
  ],
};
