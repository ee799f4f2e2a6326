// Who sees promotion records. Step roles come from the workflow declarations.
import { readableByUnit } from '../../lib/auth/scope.js';

// Every promotion record belongs to a unit (state or plantel); executed
// activities and scheduled ones are read through their plan.
export { readableByUnit };
