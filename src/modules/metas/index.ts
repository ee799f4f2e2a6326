// 7081-MP-SI "Metas y resultados" (8.1.5 Seguimiento, Pd-01-It-02, Pd-02-It-02, the course catalogue, Pd-02-It-06): the module's one export.
import { isAuthenticated } from '../../lib/auth/rules.js';
import type { ApiModule } from '../../lib/modules.js';
import './types.js';
import './mutations.js';
import './mir.js';
import {
  cursoCatalogoWorkflow,
  programaMetasWorkflow,
  programaNacionalCapacitacionWorkflow,
  registroResultadosWorkflow,
} from './workflow.js';

export const metas: ApiModule = {
  name: 'metas',
  queries: {
    programasMetas: isAuthenticated,
    registrosResultados: isAuthenticated,
    programasNacionalesCapacitacion: isAuthenticated,
    cursosCatalogo: isAuthenticated,
    avanceMetas: isAuthenticated,
    reporteMir: isAuthenticated,
  },
  workflows: [programaMetasWorkflow, registroResultadosWorkflow, programaNacionalCapacitacionWorkflow, cursoCatalogoWorkflow],
  exports: ['avanceMetas', 'reporteMir'],
};
