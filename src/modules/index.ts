// Every module's authorization rules, merged by the shield in app.ts.
import { permissions as organisation } from './organisation/rules.js';
import { permissions as identity } from './identity/rules.js';
import { permissions as normatividad } from './normatividad/rules.js';
import { permissions as promocion } from './promocion/rules.js';
import { permissions as academico } from './academico/rules.js';
import { permissions as workflows } from '../lib/workflow/schema.js';

export const modulePermissions = [organisation, identity, normatividad, promocion, academico, workflows];
