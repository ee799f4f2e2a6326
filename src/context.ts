// Per-request context: who is asking, the database, a logger carrying the
// request id, and DataLoaders (created per request so nothing leaks between viewers).
import type pg from 'pg';
import type { Db } from './lib/db/client.js';
import type { Logger } from './lib/logger.js';
import type { TokenService } from './lib/auth/tokens.js';
import type { LoginThrottle } from './lib/auth/login-throttle.js';
import type { AccountSettings } from './config.js';
import type { Mailer } from './lib/mail/mailer.js';
import type { JobQueue } from './lib/jobs.js';
import type { DocumentStore } from './lib/documents/store.js';
import type { LinkSigner } from './lib/documents/links.js';
import { loadViewer, type Viewer } from './lib/auth/viewer.js';
import type { ViewerCache } from './lib/auth/viewer-cache.js';
import { transientDatabaseError } from './lib/db/errors.js';
import { AppError, ErrorCode } from './lib/errors.js';

export interface Context {
  requestId: string;
  db: Db;
  viewer: Viewer | null;
  /**
   * Set when the request sent a bearer token that was refused (invalid,
   * expired, or its account gone). The request then runs as anonymous, so
   * `login` still works; every field that needs a viewer fails with this
   * message and HTTP 401.
   */
  rejectedToken?: string;
  log: Logger;
  tokens: TokenService;
  /** The client's address: the socket's, or X-Forwarded-For's when TRUST_PROXY says so. */
  clientAddress: string;
  loginThrottle: LoginThrottle;
  /** Platform services shared by every request (app.ts builds them once). */
  services: Services;
  /**
   * The request's instance of a DataLoader. Modules keep their loader factories
   * beside their types; each is built at most once per request.
   */
  loader<T>(factory: (db: Db) => T): T;
  /**
   * The reporting connection (REPORTING_DATABASE_URL, a replica; else the
   * main database on a pool of its own): reports and exports read through it,
   * so their load never takes the procedures' connections (docs/bi.md).
   */
  reporting?: pg.Pool;
}

export interface Services {
  mailer: Mailer;
  documents: DocumentStore;
  links: LinkSigner;
  accounts: AccountSettings;
  /**
   * The job queue (src/lib/jobs.ts), when this process runs one (a DATABASE_URL and JOBS not off); absent on
   * the embedded engine. Set once the queue has started.
   */
  jobs?: JobQueue;
}

/** Who a request's `Authorization` header names: the viewer, or why the token was refused. */
export async function authenticate(
  db: Db,
  tokens: TokenService,
  authorization: string | undefined,
  viewerCache?: ViewerCache,
): Promise<{ viewer: Viewer | null; rejectedToken?: string }> {
  let viewer: Viewer | null = null;
  let rejectedToken: string | undefined;
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const identity = match ? await tokens.verify(match[1]) : null;
    // A token that is sent but not valid is not silently anonymous: fields
    // that need a viewer say so (401), so the client learns to sign in again.
    if (!identity) rejectedToken = 'The bearer token is invalid or expired';
    else {
      const load = () => loadViewer(db, identity);
      // The whole identity is the key: a session id, or a key id with its secret's hash, so a wrong secret never hits.
      viewer = await (viewerCache ? viewerCache.get(JSON.stringify(identity), load) : load()).catch((error: unknown) => {
        const transient = transientDatabaseError(error);
        // Apollo takes the HTTP status of a failed context from extensions.http.
        throw transient
          ? new AppError(ErrorCode.SERVICE_UNAVAILABLE, transient.message, { ...transient.extensions, http: { status: 503 } })
          : error;
      });
      if (!viewer) rejectedToken = 'The account behind this token does not exist or is inactive, or its session or key was ended';
    }
  }
  return { viewer, rejectedToken };
}

export async function buildContext(args: {
  requestId: string;
  db: Db;
  log: Logger;
  tokens: TokenService;
  authorization: string | undefined;
  clientAddress: string;
  loginThrottle: LoginThrottle;
  services: Services;
  viewerCache?: ViewerCache;
  reporting?: pg.Pool;
}): Promise<Context> {
  const { viewer, rejectedToken } = await authenticate(args.db, args.tokens, args.authorization, args.viewerCache);
  const loaders = new Map<unknown, unknown>();
  return {
    requestId: args.requestId,
    db: args.db,
    viewer,
    rejectedToken,
    log: args.log,
    tokens: args.tokens,
    clientAddress: args.clientAddress,
    loginThrottle: args.loginThrottle,
    reporting: args.reporting,
    services: args.services,
    loader: (factory) => {
      let instance = loaders.get(factory);
      if (!instance) loaders.set(factory, (instance = factory(args.db)));
      return instance as ReturnType<typeof factory>;
    },
  };
}
