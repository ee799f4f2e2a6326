import { isAuthenticated, isPublic } from '../../lib/auth/rules.js';

export const permissions = {
  Query: { me: isAuthenticated },
  Mutation: { login: isPublic },
};
