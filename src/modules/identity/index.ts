// Sign-in and the viewer's own profile.
import { isAuthenticated, isPublic } from '../../lib/auth/rules.js';
import type { ApiModule } from '../../lib/modules.js';
import './schema.js';
import './accounts.js';

export const identity: ApiModule = {
  name: 'identity',
  queries: { me: isAuthenticated },
  workflows: [],
  // Signing in and managing one's own account are not procedure steps: they are the platform's
  // mutations outside the workflows (docs/accounts.md).
  mutations: {
    login: isPublic,
    refreshSession: isPublic,
    requestPasswordReset: isPublic,
    setPassword: isPublic,
    verifyEmail: isPublic,
    logout: isAuthenticated,
    changePassword: isAuthenticated,
    requestEmailVerification: isAuthenticated,
  },
};
