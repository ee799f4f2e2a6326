// Sign-in and the viewer's own profile.
import { isAuthenticated, isPublic } from '../../lib/auth/rules.js';
import type { ApiModule } from '../../lib/modules.js';
import './schema.js';

export const identity: ApiModule = {
  name: 'identity',
  queries: { me: isAuthenticated },
  workflows: [],
  // Signing in is not a procedure step: it is the one mutation outside the workflows.
  mutations: { login: isPublic },
};
