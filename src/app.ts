// Assembles the API: schema + authorization, Apollo Server, and Node's HTTP
// server with /graphql and /health.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
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
import { createCorsPolicy } from './lib/http/cors.js';
import { legacyJsonStatus } from './lib/http/media-types.js';
import { loadTrustedDocuments } from './lib/http/trusted-documents.js';
import { requestContext, type RequestContext } from './lib/observability/request-context.js';
import { createMetrics, type Metrics } from './lib/observability/metrics.js';
import { createTracing } from './lib/observability/tracing.js';
import { chooseLanguage } from './lib/i18n/language.js';
import { localizeError, translate } from './lib/i18n/localize.js';
import { poolOf } from './lib/db/read.js';
import { createExplorer, wantsPage } from './lib/http/explorer.js';
import { DEMO_PASSWORD, DEMO_PEOPLE, demoEmail } from './seed/demo.js';
import { createReportingPool } from './lib/reporting/pool.js';
import { createExportsHandler } from './lib/http/exports.js';
import { registeredInbound, registeredJobs, registeredModules } from './lib/modules.js';
import { startInboundSmtp, type InboundServer } from './lib/mail/inbound.js';
import { startJobQueue, type JobQueue } from './lib/jobs.js';

export interface App {
  server: http.Server;
  /** The inbound SMTP server's port, when it runs (INBOUND_SMTP_PORT). */
  inboundPort?: number;
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

  const cors = createCorsPolicy(config.corsOrigins);
  const trusted = loadTrustedDocuments(config.trustedDocuments);
  const metrics = createMetrics({ pool: () => poolOf(db) });
  const tracing = createTracing(config.otel);
  const explorer = config.explorer
    ? createExplorer({
        demo: config.demoAccounts
          ? {
              password: DEMO_PASSWORD,
              accounts: DEMO_PEOPLE.map(([local, , role, unit]) => ({ email: demoEmail(local), role, unit })),
            }
          : undefined,
      })
    : undefined;

  // Reports, exports and BI read on their own connection (a replica when REPORTING_DATABASE_URL is set).
  const reporting = createReportingPool(config.reporting.databaseUrl ?? config.databaseUrl, db, config.reporting);

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
      operationPlugin(metrics),
      ...limits.plugins,
    ],
    // Typed and safe first, then in the client's language (Accept-Language; src/lib/i18n).
    formatError: (formatted, error) => localizeError(publicError(formatted, error, log), error, language()),
  });
  await apollo.start();

  const exportsHandler = createExportsHandler({
    schema,
    exports: registeredModules().flatMap((m) => m.exports ?? []),
    execute: async (query, variables, contextValue) => {
      const response = await apollo.executeOperation({ query, variables }, { contextValue });
      return response.body.kind === 'single' ? response.body.singleResult : { errors: [{ message: 'Internal error' }] };
    },
    pool: reporting.pool,
    translate: (message) => translate(message, language()),
    sendJson,
    onStreamError: (error) => log.error('export failed mid-stream', { error: error instanceof Error ? error.message : String(error) }),
  });

  httpServer.on('request', (req, res) => {
    const requestId = validRequestId(req.headers['x-request-id']) ?? randomUUID();
    const started = process.hrtime.bigint();
    res.setHeader('x-request-id', requestId);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const span = tracing.startRequest(req, res);
    const { traceId, spanId } = span.spanContext();
    const store: RequestContext = { requestId, traceId, spanId, span, language: chooseLanguage(req.headers['accept-language']) };
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const path = req.url?.split('?')[0] ?? '/';
      metrics.httpRequest(routeOf(path), req.method ?? '', res.statusCode, seconds);
      log.info('request', {
        requestId,
        ...(store.operationName !== undefined && { operationName: store.operationName }),
        traceId,
        spanId,
        method: req.method,
        path,
        status: res.statusCode,
        durationMs: seconds * 1e3,
      });
    });
    requestContext
      .run(store, () => handle(req, res, requestId))
      .catch((error: unknown) => {
        log.error('request failed', { requestId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        if (!res.headersSent)
          sendJson(res, 500, {
            errors: [{ message: translate('Internal error', store.language), extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }],
          });
        else res.end();
      });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, requestId: string) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      const database = (await databaseUp()) ? 'up' : 'down';
      return sendJson(res, database === 'up' ? 200 : 503, { status: database === 'up' ? 'ok' : 'degraded', database });
    }
    if (url.pathname === '/metrics' && config.metrics.enabled && (req.method === 'GET' || req.method === 'HEAD')) {
      if (config.metrics.token && req.headers.authorization !== `Bearer ${config.metrics.token}`) {
        res.setHeader('www-authenticate', 'Bearer realm="metrics"');
        return sendJson(res, 401, { error: 'Send the METRICS_TOKEN as a bearer token' });
      }
      res.setHeader('content-type', metrics.registry.contentType);
      return res.end(await metrics.registry.metrics());
    }
    if (cors.handle(req, res)) return;
    if (
      explorer &&
      req.method === 'GET' &&
      (url.pathname.startsWith('/explorer/') || wantsPage(req.method, req.headers.accept, url.search))
    ) {
      const page = url.pathname === '/graphql' || url.pathname.startsWith('/explorer/') ? explorer.serve(url.pathname) : undefined;
      if (page) {
        res.statusCode = page.status;
        res.setHeader('content-type', page.type);
        if (page.csp) res.setHeader('content-security-policy', page.csp);
        // Assets are read-only files of this version: browsers may keep them for the session.
        if (url.pathname.startsWith('/explorer/')) res.setHeader('cache-control', 'private, max-age=300');
        return res.end(page.body);
      }
    }
    if (url.pathname === '/' && explorer && req.method === 'GET') {
      res.statusCode = 302;
      res.setHeader('location', '/graphql');
      return res.end();
    }
    if (url.pathname === '/documents' && req.method === 'POST') return documents.upload(req, res);
    const document = /^\/documents\/([^/]+)$/.exec(url.pathname);
    if (document && (req.method === 'GET' || req.method === 'HEAD')) return documents.download(req, res, document[1], url.searchParams);
    if (url.pathname === '/documents' || document) {
      res.setHeader('allow', document ? 'GET' : 'POST');
      return sendJson(res, 405, { error: document ? 'Use GET' : 'Use POST (multipart/form-data)' });
    }
    if (url.pathname.startsWith('/exports/')) return exportsHandler.handle(req, res, url, () => contextFor(req, requestId));
    if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'Not found: use /graphql, /documents, /exports or /health' });
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.setHeader('allow', 'GET, POST, OPTIONS');
      return sendJson(res, 405, { error: 'Use GET or POST' });
    }
    const raw = await readBody(req, config.maxBodyBytes);
    if (raw === null) {
      // The rest of the body is not read: answer now and close the connection.
      res.setHeader('connection', 'close');
      res.once('finish', () => req.destroy());
      return sendJson(res, 413, {
        errors: [
          { message: translate(`Request body exceeds ${config.maxBodyBytes} bytes`, language()), extensions: { code: 'BAD_REQUEST' } },
        ],
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
        return sendJson(res, 400, {
          errors: [{ message: translate('Body is not valid JSON', language()), extensions: { code: 'BAD_REQUEST' } }],
        });
      }
    }
    // Trusted documents: a documentId becomes its text; with TRUSTED_DOCUMENTS=only nothing else runs.
    let search = url.search;
    const fields: Record<string, unknown> | undefined =
      req.method === 'GET'
        ? Object.fromEntries(url.searchParams)
        : typeof body === 'object' && body !== null
          ? (body as Record<string, unknown>)
          : undefined;
    if (fields && req.method === 'GET' && typeof fields.extensions === 'string') {
      try {
        fields.extensions = JSON.parse(fields.extensions);
      } catch {
        // Apollo reports the malformed parameter.
      }
    }
    const refusal = fields
      ? trusted.resolve(fields)
      : trusted.mode === 'only'
        ? { code: 'TRUSTED_DOCUMENT_REQUIRED', message: 'Only trusted documents are accepted' }
        : undefined;
    if (refusal)
      return sendJson(res, 400, { errors: [{ message: translate(refusal.message, language()), extensions: { code: refusal.code } }] });
    if (fields && req.method === 'GET' && typeof fields.query === 'string' && !url.searchParams.has('query')) {
      const params = new URLSearchParams(url.searchParams);
      params.set('query', fields.query);
      params.delete('documentId');
      search = `?${params.toString()}`;
    }
    const requestLog = log.child({ requestId });
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method, headers, search, body },
      context: () => contextFor(req, requestId, requestLog),
    });
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      res.statusCode = legacyJsonStatus(res.statusCode, result.headers.get('content-type'), result.body.string);
      return res.end(result.body.string);
    }
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  }

  function contextFor(req: http.IncomingMessage, requestId: string, requestLog = log.child({ requestId })) {
    return buildContext({
      requestId,
      db,
      log: requestLog,
      tokens,
      authorization: req.headers.authorization,
      clientAddress: clientAddress(req, config.trustProxy),
      loginThrottle,
      services,
      viewerCache,
      reporting: reporting.pool,
    });
  }
  // Background jobs (src/lib/jobs.ts): on the job queue in the same PostgreSQL, when there is one.
  const jobs: JobQueue | undefined =
    config.jobs.enabled && config.databaseUrl && registeredJobs().length
      ? await startJobQueue({
          connectionString: config.databaseUrl,
          db,
          log,
          jobs: registeredJobs(),
          mailer: services.mailer,
          documents: services.documents,
          everySeconds: config.jobs.everySeconds,
          pollIntervalMs: config.jobs.pollIntervalMs,
          only: config.jobs.only,
        })
      : undefined;
  services.jobs = jobs;

  // Incoming mail (src/lib/mail/inbound.ts): only when INBOUND_SMTP_PORT is set.
  const inboundHandler = registeredInbound();
  const inbound: InboundServer | undefined =
    config.inbound.port !== undefined && inboundHandler
      ? await startInboundSmtp({
          port: config.inbound.port,
          host: config.inbound.host,
          maxBytes: config.inbound.maxBytes,
          db,
          log,
          mailboxUnit: config.inbound.contactoUnit,
          handle: inboundHandler,
        })
      : undefined;

  let stopping: Promise<void> | undefined;
  return {
    server: httpServer,
    inboundPort: inbound?.port,
    listen: (port) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, () => resolve((httpServer.address() as { port: number }).port));
      }),
    stop: () =>
      (stopping ??= (async () => {
        await apollo.stop(); // drains the HTTP server: in-flight requests finish first (up to shutdownGraceMs)
        await inbound?.stop();
        await jobs?.stop();
        await viewerCache?.stop();
        await reporting.close();
        await tracing.shutdown();
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
    error: String((original ?? error) instanceof Error ? ((original ?? error) as Error).stack : error),
  });
  return { message: 'Internal error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/** The language of the request being served (es when none). */
const language = () => requestContext.getStore()?.language ?? 'es';

/** Path → the `route` label of HTTP metrics (bounded: unknown paths are "other"). */
function routeOf(path: string): string {
  if (path === '/graphql' || path === '/health' || path === '/metrics' || path === '/') return path;
  if (path.startsWith('/exports/')) return '/exports';
  return path.startsWith('/explorer/') ? '/explorer' : 'other';
}

/**
 * The resolved operation's name and type go to the request context (so every
 * log line and the server span carry them); its latency and error codes to the
 * metrics.
 */
function operationPlugin(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    requestDidStart() {
      const started = process.hrtime.bigint();
      const store = requestContext.getStore();
      return Promise.resolve({
        didResolveOperation({ operationName, operation }) {
          if (store && operation) {
            store.operationName = operationName ?? 'anonymous';
            store.operationType = operation.operation;
            store.span?.setAttributes({ 'graphql.operation.name': store.operationName, 'graphql.operation.type': operation.operation });
            store.span?.updateName(`${operation.operation} ${store.operationName}`);
          }
          return Promise.resolve();
        },
        willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const codes = errors.map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN'));
          const name =
            store?.operationName !== undefined
              ? metrics.operationLabel(store.operationName === 'anonymous' ? undefined : store.operationName)
              : 'unknown';
          metrics.operation(name, store?.operationType ?? 'unknown', Number(process.hrtime.bigint() - started) / 1e9, codes);
          return Promise.resolve();
        },
      });
    },
  };
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
