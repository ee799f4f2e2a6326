// 7081-MP-SI Pd-01-It-01 "Reunión de trabajo con directores de CAST": the module's one export.
import { isAuthenticated } from '../../lib/auth/rules.js';
import type { ApiModule } from '../../lib/modules.js';
import './types.js';
import './mutations.js';
import { acuerdoReunionWorkflow, reunionTrabajoCastWorkflow } from './workflow.js';

export const reuniones: ApiModule = {
  name: 'reuniones',
  queries: { reunionesTrabajoCast: isAuthenticated, acuerdosReunion: isAuthenticated },
  workflows: [reunionTrabajoCastWorkflow, acuerdoReunionWorkflow],
};
