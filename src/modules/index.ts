// The one list of modules. Adding a module: its folder under src/modules, with
// an index.ts exporting its ApiModule, and one entry here.
import type { ApiModule } from '../lib/modules.js';
import { organisation } from './organisation/index.js';
import { identity } from './identity/index.js';
import { normatividad } from './normatividad/index.js';
import { promocion } from './promocion/index.js';
import { academico } from './academico/index.js';
import { reuniones } from './reuniones/index.js';
import { difusion } from './difusion/index.js';
import { metas } from './metas/index.js';
import { conocer } from './conocer/index.js';
import { administracion } from './administracion/index.js';
import { concertacion } from './concertacion/index.js';
import { contacto } from './contacto/index.js';
import { portal } from './portal/index.js';
import { campanas } from './campanas/index.js';

export const modules: readonly ApiModule[] = [
  organisation,
  identity,
  normatividad,
  promocion,
  academico,
  reuniones,
  difusion,
  metas,
  conocer,
  administracion,
  concertacion,
  contacto,
  portal,
  campanas,
];
