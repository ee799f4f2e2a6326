// Assembles the API: schema + authorization, Apollo Server, and Node's HTTP
// server with /graphql and /health.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { AsyncLocalStorage } from 'node:async_hooks';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { applyMiddleware } from 'graphql-middleware';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Config } from './config.js';
import { authenticate, buildContext, type Context, type Services } from './context.js';
import { createMailer, type Mailer } from './lib/mail/mailer.js';
import { localDiskStore, type DocumentStore } from './lib/documents/store.js';
import { createLinkSigner } from './lib/documents/links.js';
import { documentRoutes } from './lib/documents/http.js';
import { createViewerCache } from './lib/auth/viewer-cache.js';
import type { Db } from './lib/db/client.js';
import type { Logger } from './lib/logger.js';
import { createTokenService } from './lib/auth/tokens.js';
import { buildPermissions } from './lib/auth/permissions.js';
import { ErrorCode, isPublicError } from './lib/errors.js';
import { operationLimitOptions } from './lib/http/limits.js';
import { connectionArguments } from './lib/http/arguments.js';
import { clientAddress } from './lib/http/client-address.js';
import { createLoginThrottle } from './lib/auth/login-throttle.js';
import { configurePasswordHashing } from './lib/auth/passwords.js';
import { clientMistakeError, transientDatabaseError } from './lib/db/errors.js';
import { buildSchema } from './schema.js';
import { registeredModules } from './lib/modules.js';

export interface App {
  server: http.Server;
  listen(port: number): Promise<number>;
  /** Stops accepting requests, lets in-flight ones finish, then closes the database. */
  stop(): Promise<void>;
}

/** Headers on every response: the API serves JSON only, never a page to frame or sniff. */
const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'cache-control': 'no-store',
};

/** The request being served, for log lines written far from the handler (formatError). */
const currentRequest = new AsyncLocalStorage<{ requestId: string }>();

export async function createApp(options: {
  config: Config;
  db: Db;
  log: Logger;
  /** Whether the database answers, on its own connection (src/lib/db/health.ts); default: a query on `db`. */
  health?: () => Promise<boolean>;
  onStop?: () => Promise<void>;
  /** Defaults: nodemailer on SMTP_URL or the outbox; the local disk under DOCUMENTS_DIR. */
  mailer?: Mailer;
  documents?: DocumentStore;
}): Promise<App> {
  const { config, db, log } = options;
  const tokens = await createTokenService(config);
  const services: Services = {
    mailer: options.mailer ?? createMailer(config.mail, log),
    documents: options.documents ?? localDiskStore(config.documents.dir),
    links: createLinkSigner(config.jwtSecret!, config.documents.linkTtlSeconds),
    accounts: config.accounts,
  };
  const documents = documentRoutes({
    db,
    store: services.documents,
    links: services.links,
    settings: config.documents,
    authenticate: (req) => authenticate(db, tokens, req.headers.authorization, viewerCache),
    log,
  });
  const loginThrottle = createLoginThrottle(db, config.login);
  // Off with the embedded database (no DATABASE_URL): PGlite serves one connection.
  const viewerCache = config.viewerCache && config.databaseUrl ? createViewerCache(config.databaseUrl, log) : undefined;
  configurePasswordHashing({ concurrency: config.login.hashConcurrency });
  const baseSchema = buildSchema();
  const schema = applyMiddleware(baseSchema, buildPermissions(baseSchema, registeredModules()).middleware, connectionArguments(baseSchema));
  const httpServer = http.createServer({
    // A request must arrive whole within requestTimeout (else 408 and the
    // connection closes); the default check interval (30 s) is too coarse.
    requestTimeout: config.http.requestTimeoutMs,
    headersTimeout: Math.min(config.http.headersTimeoutMs, config.http.requestTimeoutMs),
    connectionsCheckingInterval: Math.min(1000, config.http.headersTimeoutMs),
  });
  const databaseUp =
    options.health ??
    (() =>
      db.$queryRawUnsafe('SELECT 1').then(
        () => true,
        () => false,
      ));

  const limits = operationLimitOptions<Context>(config.limits);
  const apollo = new ApolloServer<Context>({
    schema,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    ...limits,
    // main.ts owns the signals: one idempotent stop (app.stop), not two.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.http.shutdownGraceMs }),
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are used: without this, Apollo runs a hook on every field of every response.
      ApolloServerPluginCacheControlDisabled(),
      httpStatusPlugin,
      ...limits.plugins,
    ],
    formatError: (formatted, error) => publicError(formatted, error, log),
  });
  await apollo.start();

  httpServer.on('request', (req, res) => {
    const requestId = validRequestId(req.headers['x-request-id']) ?? randomUUID();
    const started = process.hrtime.bigint();
    res.setHeader('x-request-id', requestId);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    res.on('finish', () =>
      log.info('request', {
        requestId,
        method: req.method,
        path: req.url?.split('?')[0],
        status: res.statusCode,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
      }),
    );
    currentRequest
      .run({ requestId }, () => handle(req, res, requestId))
      .catch((error: unknown) => {
        log.error('request failed', { requestId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        if (!res.headersSent)
          sendJson(res, 500, { errors: [{ message: 'Internal error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
        else res.end();
      });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, requestId: string) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      const database = (await databaseUp()) ? 'up' : 'down';
      return sendJson(res, database === 'up' ? 200 : 503, { status: database === 'up' ? 'ok' : 'degraded', database });
    }
    if (url.pathname === '/documents' && req.method === 'POST') return documents.upload(req, res);
    const document = /^\/documents\/([^/]+)$/.exec(url.pathname);
    if (document && (req.method === 'GET' || req.method === 'HEAD')) return documents.download(req, res, document[1], url.searchParams);
    if (url.pathname === '/documents' || document) {
      res.setHeader('allow', document ? 'GET' : 'POST');
      return sendJson(res, 405, { error: document ? 'Use GET' : 'Use POST (multipart/form-data)' });
    }
    if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'Not found: use /graphql, /documents or /health' });
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.setHeader('allow', 'GET, POST');
      return sendJson(res, 405, { error: 'Use GET or POST' });
    }
    const raw = await readBody(req, config.maxBodyBytes);
    if (raw === null) {
      // The rest of the body is not read: answer now and close the connection.
      res.setHeader('connection', 'close');
      res.once('finish', () => req.destroy());
      return sendJson(res, 413, {
        errors: [{ message: `Request body exceeds ${config.maxBodyBytes} bytes`, extensions: { code: 'BAD_REQUEST' } }],
      });
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = raw;
    if (req.method === 'POST' && headers.get('content-type')?.includes('application/json')) {
      try {
        body = raw.length ? JSON.parse(raw) : {};
      } catch {
        return sendJson(res, 400, { errors: [{ message: 'Body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      }
    }
    const requestLog = log.child({ requestId });
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method, headers, search: url.search, body },
      context: () =>
        buildContext({
          requestId,
          db,
          log: requestLog,
          tokens,
          authorization: req.headers.authorization,
          clientAddress: clientAddress(req, config.trustProxy),
          loginThrottle,
          services,
          viewerCache,
        }),
    });
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') return res.end(result.body.string);
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  }

  let stopping: Promise<void> | undefined;
  return {
    server: httpServer,
    listen: (port) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, () => resolve((httpServer.address() as { port: number }).port));
      }),
    stop: () =>
      (stopping ??= (async () => {
        await apollo.stop(); // drains the HTTP server: in-flight requests finish first (up to shutdownGraceMs)
        await viewerCache?.stop();
        await db.$disconnect();
        services.mailer.close();
        await options.onStop?.();
      })()),
  };
}

/** Errors reach clients with a known code and never with internals; the rest is logged. */
function publicError(formatted: GraphQLFormattedError, error: unknown, log: Logger): GraphQLFormattedError {
  // A timeout, held lock, deadlock or unreachable database: retryable, whatever wrapped it.
  const transient = transientDatabaseError(error);
  if (transient) {
    if (formatted.extensions?.code !== ErrorCode.SERVICE_UNAVAILABLE) {
      log.warn('database unavailable', {
        requestId: currentRequest.getStore()?.requestId,
        reason: transient.extensions.reason,
        error: String(error),
      });
    }
    return { message: transient.message, path: formatted.path, extensions: { ...transient.extensions } };
  }
  // A client mistake refused by the database or the schema plugins (docs/errors.md): typed, never internal.
  const mistake =
    formatted.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR || !isPublicError(formatted.extensions?.code)
      ? clientMistakeError(error)
      : undefined;
  if (mistake) return { message: mistake.message, path: formatted.path, extensions: { ...mistake.extensions } };
  const code = formatted.extensions?.code;
  if (isPublicError(code)) {
    const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  // Failures while building the context (a bad token) arrive wrapped by Apollo.
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  if (original instanceof GraphQLError && isPublicError(original.extensions?.code)) {
    return { message: original.message, extensions: { ...original.extensions } };
  }
  log.error('unexpected error', {
    requestId: currentRequest.getStore()?.requestId,
    error: String((original ?? error) instanceof Error ? ((original ?? error) as Error).stack : error),
  });
  return { message: 'Internal error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/**
 * HTTP statuses beyond Apollo's (docs/errors.md): 401 when a sent token was
 * refused and a field needed it; 503 (with Retry-After) when the database was
 * unavailable and no data could be returned.
 */
const httpStatusPlugin: ApolloServerPlugin<Context> = {
  requestDidStart() {
    return Promise.resolve({
      willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return Promise.resolve();
        const { errors, data } = response.body.singleResult;
        const codes = new Set((errors ?? []).map((e) => e.extensions?.code));
        if (contextValue.rejectedToken && codes.has(ErrorCode.UNAUTHENTICATED)) {
          response.http.status = 401;
          response.http.headers.set('www-authenticate', 'Bearer error="invalid_token"');
        } else if (codes.has(ErrorCode.SERVICE_UNAVAILABLE) && data == null) {
          response.http.status = 503;
          response.http.headers.set('retry-after', '1');
        }
        return Promise.resolve();
      },
    });
  },
};

function validRequestId(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && /^[\w.:-]{1,128}$/.test(value) ? value : undefined;
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return resolve(null);
    // Chunked bodies declare no length: count while streaming and stop at the limit.
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      resolve(null);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
