// Per-request context: who is asking, the database, a logger carrying the
// request id, and DataLoaders (created per request so nothing leaks between viewers).
import type { Db } from './lib/db/client.js';
import type { Logger } from './lib/logger.js';
import type { TokenService } from './lib/auth/tokens.js';
import type { LoginThrottle } from './lib/auth/login-throttle.js';
import { loadViewer, type Viewer } from './lib/auth/viewer.js';
import { unauthenticated } from './lib/errors.js';

export interface Context {
  requestId: string;
  db: Db;
  viewer: Viewer | null;
  log: Logger;
  tokens: TokenService;
  /** The client's address: the socket's, or X-Forwarded-For's when TRUST_PROXY says so. */
  clientAddress: string;
  loginThrottle: LoginThrottle;
  /**
   * The request's instance of a DataLoader. Modules keep their loader factories
   * beside their types; each is built at most once per request.
   */
  loader<T>(factory: (db: Db) => T): T;
}

export async function buildContext(args: {
  requestId: string;
  db: Db;
  log: Logger;
  tokens: TokenService;
  authorization: string | undefined;
  clientAddress: string;
  loginThrottle: LoginThrottle;
}): Promise<Context> {
  let viewer: Viewer | null = null;
  if (args.authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(args.authorization);
    const identity = match ? await args.tokens.verify(match[1]) : null;
    // A token that is sent but not valid is an error, not an anonymous request:
    // the client must learn that it has to sign in again.
    if (!identity) throw unauthenticated('The bearer token is invalid or expired');
    viewer = await loadViewer(args.db, identity);
    if (!viewer) throw unauthenticated('The account behind this token does not exist or is inactive');
  }
  const loaders = new Map<unknown, unknown>();
  return {
    requestId: args.requestId,
    db: args.db,
    viewer,
    log: args.log,
    tokens: args.tokens,
    clientAddress: args.clientAddress,
    loginThrottle: args.loginThrottle,
    loader: (factory) => {
      let instance = loaders.get(factory);
      if (!instance) loaders.set(factory, (instance = factory(args.db)));
      return instance as ReturnType<typeof factory>;
    },
  };
}
