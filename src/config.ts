// Configuration from the environment, read once at start-up.
import { createHash } from 'node:crypto';
import { parseOrigins } from './lib/http/cors.js';
import path from 'node:path';

export interface Config {
  port: number;
  /** Set: use this PostgreSQL server. Unset: run the embedded engine under dataDir. */
  databaseUrl?: string;
  dataDir: string;
  /**
   * HS256 key for local tokens. Unset only in embedded mode, where main.ts
   * keeps a random one in DATA_DIR (src/lib/auth/secret.ts).
   */
  jwtSecret?: string;
  jwtIssuer: string;
  jwtTtlSeconds: number;
  /** Optional external identity provider whose tokens are also accepted. */
  externalIdp?: { issuer: string; audience?: string; publicKeyPem?: string; jwksUrl?: string };
  maxBodyBytes: number;
  /** Operation limits (docs/decisions/007-operation-limits.md). */
  limits: {
    maxTokens: number;
    maxOperations: number;
    maxDirectives: number;
    maxDepth: number;
    maxAliases: number;
    maxCost: number;
    introspection: boolean;
  };
  http: {
    /** Whole request (headers and body) must arrive within this; else 408 and the connection closes. */
    requestTimeoutMs: number;
    headersTimeoutMs: number;
    /** On SIGTERM/SIGINT, in-flight requests get this long before their connections are closed. */
    shutdownGraceMs: number;
  };
  database: {
    poolMax?: number;
    /** Server-side limits set on every pooled connection (statement_timeout, lock_timeout, idle_in_transaction_session_timeout). */
    statementTimeoutMs: number;
    lockTimeoutMs: number;
    idleInTransactionTimeoutMs: number;
    /** Longest wait for a pooled connection, or for a write-transaction slot. */
    acquireTimeoutMs: number;
    /** Longest an interactive transaction may run before it is rolled back. */
    transactionTimeoutMs: number;
  };
  /** Reports, exports and BI (docs/bi.md): REPORTING_DATABASE_URL (a replica; default: DATABASE_URL on a pool of its own) and its limits. */
  reporting: {
    databaseUrl?: string;
    poolMax: number;
    statementTimeoutMs: number;
    idleInTransactionTimeoutMs: number;
  };
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  seedDemoData: boolean;
  /** Keep viewers in memory between requests, emptied by NOTIFY (src/lib/auth/viewer-cache.ts); VIEWER_CACHE=off disables it. */
  viewerCache: boolean;
  /** Login throttle and password hashing (docs/decisions/008-login-throttling.md). */
  login: LoginLimits;
  /** Proxies in front of the API whose X-Forwarded-For is believed (0: use the socket's address). */
  trustProxy: number;
  /** Origins allowed to call the API from a browser (CORS_ORIGINS, comma-separated; `*` for any). */
  corsOrigins: string[];
  /** The in-browser explorer at GET /graphql (EXPLORER; default: on when introspection is). */
  explorer: boolean;
  /** Prometheus metrics at GET /metrics (METRICS=off disables; METRICS_TOKEN requires it as a bearer token). */
  metrics: { enabled: boolean; token?: string };
  /** OpenTelemetry span export over OTLP/HTTP, when an endpoint is set (OTEL_EXPORTER_OTLP_ENDPOINT or …_TRACES_ENDPOINT). */
  otel: { tracesEndpoint?: string; serviceName: string; scheduleDelayMs: number };
  /** `only`: execute nothing but the trusted documents of schema/trusted-documents.json (TRUSTED_DOCUMENTS; default `accept`: text or documentId). */
  trustedDocuments: 'accept' | 'only';
  /** Offer the demo accounts in the explorer's sign-in (DEMO_ACCOUNTS; default: on with the embedded engine and its demo). */
  demoAccounts: boolean;
  /** Accounts by e-mail, sessions and refresh tokens (docs/accounts.md). */
  accounts: AccountSettings;
  /** Outgoing mail (docs/accounts.md#mail). */
  mail: MailSettings;
  /** Evidence files (docs/documents.md). */
  documents: DocumentSettings;
  /**
   * Background jobs on the PostgreSQL job queue (src/lib/jobs.ts): JOBS=off disables them (default: on with DATABASE_URL;
   * the embedded engine serves one connection). JOBS_EVERY_SECONDS overrides recurring jobs' intervals; JOBS_POLL_MS the polling.
   * JOBS_ONLY (comma-separated job names): this process's workers run only those jobs (others wait for a process that runs
   * them), e.g. a process dedicated to imports, or test servers sharing one database that must not take each other's jobs.
   */
  jobs: { enabled: boolean; everySeconds?: number; pollIntervalMs?: number; only?: string[] };
  /**
   * The inbound SMTP server (src/lib/mail/inbound.ts): off unless INBOUND_SMTP_PORT is set (0 takes a free port).
   * INBOUND_SMTP_HOST (default 127.0.0.1), INBOUND_SMTP_MAX_BYTES (default 10 MiB); CONTACTO_UNIT: the code of
   * the contact centre whose tickets e-mails open (default CONOCER-CC).
   */
  inbound: { port?: number; host: string; maxBytes: number; contactoUnit: string };
}

export interface AccountSettings {
  /** Where the people's application lives: e-mailed links are `<appUrl>/cuenta/<action>?token=…`. */
  appUrl: string;
  refreshTtlSeconds: number;
  invitationTtlSeconds: number;
  resetTtlSeconds: number;
  verificationTtlSeconds: number;
  passwordMinLength: number;
}

export interface MailSettings {
  /** `smtp://user:pass@host:587` or `smtps://…:465`; unset: messages are written to `outboxDir`. */
  smtpUrl?: string;
  from: string;
  outboxDir: string;
}

export interface DocumentSettings {
  /** The local disk store's folder (the default store). */
  dir: string;
  /** Upload limit of any document (MAX_DOCUMENT_BYTES). */
  maxBytes: number;
  /**
   * Upload limit of a file sent with `tipo=ARCHIVO_SAE` (MAX_SAE_FILE_BYTES): sized for the SAE's national
   * student file (300,000 students ≈ 29 MB as CSV); such a document can only be queued for an SAE import.
   */
  saeMaxBytes: number;
  /** Lifetime of a download link. */
  linkTtlSeconds: number;
}

export interface LoginLimits {
  /** Failed logins per account (e-mail) within accountWindowSeconds before it is locked. */
  accountMaxFailures: number;
  accountWindowSeconds: number;
  /** First lock; each further lock within a day doubles it, up to accountLockMaxSeconds. */
  accountLockSeconds: number;
  accountLockMaxSeconds: number;
  /** Failed logins per client address within addressWindowSeconds (successes are refunded). */
  addressMaxFailures: number;
  addressWindowSeconds: number;
  /** Logins in progress at once in one process; the others wait their turn. */
  concurrency: number;
  /** Password hashes computed at once (scrypt runs on libuv's threadpool, 4 threads by default). */
  hashConcurrency: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  const jwtSecret = env.JWT_SECRET || undefined;
  // No secret is ever built in: with a PostgreSQL server the operator gives
  // one; the embedded engine keeps a random one in its data directory.
  if (jwtSecret === undefined && databaseUrl) {
    throw new Error(
      'JWT_SECRET is required when DATABASE_URL is set: give a random value of at least 32 characters (e.g. `openssl rand -base64 48`)',
    );
  }
  if (jwtSecret !== undefined && jwtSecret.length < 32) throw new Error('JWT_SECRET must be at least 32 characters');
  if (jwtSecret !== undefined && isRetiredSecret(jwtSecret)) {
    throw new Error('JWT_SECRET is the development secret once committed to this repository: use a random value of at least 32 characters');
  }
  const issuer = env.EXTERNAL_IDP_ISSUER;
  const introspection = env.INTROSPECTION ? env.INTROSPECTION === 'true' : env.NODE_ENV !== 'production';
  return {
    port: Number(env.PORT ?? 4000),
    databaseUrl,
    dataDir: env.DATA_DIR ?? '.data',
    jwtSecret,
    jwtIssuer: env.JWT_ISSUER ?? 'conalep-api',
    jwtTtlSeconds: positive(env, 'JWT_TTL_SECONDS', 15 * 60),
    externalIdp: issuer
      ? {
          issuer,
          audience: env.EXTERNAL_IDP_AUDIENCE,
          publicKeyPem: env.EXTERNAL_IDP_PUBLIC_KEY,
          jwksUrl: env.EXTERNAL_IDP_JWKS_URL,
        }
      : undefined,
    maxBodyBytes: Number(env.MAX_BODY_BYTES ?? 1024 * 1024),
    http: {
      requestTimeoutMs: positive(env, 'REQUEST_TIMEOUT_MS', 30_000),
      headersTimeoutMs: positive(env, 'HEADERS_TIMEOUT_MS', 10_000),
      shutdownGraceMs: positive(env, 'SHUTDOWN_GRACE_MS', 3_000),
    },
    database: {
      poolMax: env.DATABASE_POOL_MAX ? positive(env, 'DATABASE_POOL_MAX', 10) : undefined,
      statementTimeoutMs: positive(env, 'STATEMENT_TIMEOUT_MS', 10_000),
      lockTimeoutMs: positive(env, 'LOCK_TIMEOUT_MS', 2_000),
      idleInTransactionTimeoutMs: positive(env, 'IDLE_IN_TRANSACTION_TIMEOUT_MS', 30_000),
      acquireTimeoutMs: positive(env, 'DATABASE_ACQUIRE_TIMEOUT_MS', 5_000),
      transactionTimeoutMs: positive(env, 'TRANSACTION_TIMEOUT_MS', 15_000),
    },
    reporting: {
      databaseUrl: env.REPORTING_DATABASE_URL || undefined,
      poolMax: positive(env, 'REPORTING_POOL_MAX', 4),
      statementTimeoutMs: positive(env, 'REPORTING_STATEMENT_TIMEOUT_MS', 60_000),
      idleInTransactionTimeoutMs: positive(env, 'REPORTING_IDLE_IN_TRANSACTION_TIMEOUT_MS', 300_000),
    },
    limits: {
      maxTokens: Number(env.MAX_QUERY_TOKENS ?? 500),
      maxOperations: Number(env.MAX_QUERY_OPERATIONS ?? 20),
      maxDirectives: Number(env.MAX_QUERY_DIRECTIVES ?? 50),
      maxDepth: Number(env.MAX_QUERY_DEPTH ?? 12),
      maxAliases: Number(env.MAX_QUERY_ALIASES ?? 15),
      maxCost: Number(env.MAX_QUERY_COST ?? 5000),
      introspection,
    },
    logLevel: (env.LOG_LEVEL as Config['logLevel']) ?? 'info',
    seedDemoData: env.SEED_DEMO_DATA !== 'false',
    viewerCache: env.VIEWER_CACHE !== 'off',
    login: {
      accountMaxFailures: Number(env.LOGIN_ACCOUNT_MAX_FAILURES ?? 5),
      accountWindowSeconds: Number(env.LOGIN_ACCOUNT_WINDOW_SECONDS ?? 15 * 60),
      accountLockSeconds: Number(env.LOGIN_ACCOUNT_LOCK_SECONDS ?? 15 * 60),
      accountLockMaxSeconds: Number(env.LOGIN_ACCOUNT_LOCK_MAX_SECONDS ?? 24 * 3600),
      addressMaxFailures: Number(env.LOGIN_ADDRESS_MAX_FAILURES ?? 50),
      addressWindowSeconds: Number(env.LOGIN_ADDRESS_WINDOW_SECONDS ?? 60),
      concurrency: Number(env.LOGIN_CONCURRENCY ?? 4),
      hashConcurrency: Number(env.PASSWORD_HASH_CONCURRENCY ?? 2),
    },
    trustProxy: env.TRUST_PROXY === 'true' ? 1 : Number(env.TRUST_PROXY ?? 0) || 0,
    corsOrigins: parseOrigins(env.CORS_ORIGINS),
    trustedDocuments: trustedMode(env.TRUSTED_DOCUMENTS),
    otel: {
      tracesEndpoint:
        env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ||
        (env.OTEL_EXPORTER_OTLP_ENDPOINT ? `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces` : undefined),
      serviceName: env.OTEL_SERVICE_NAME || 'conalep-conocer-api',
      scheduleDelayMs: positive(env, 'OTEL_BSP_SCHEDULE_DELAY', 1000),
    },
    metrics: { enabled: env.METRICS !== 'off', token: env.METRICS_TOKEN || undefined },
    explorer: env.EXPLORER ? env.EXPLORER === 'true' : introspection,
    demoAccounts: env.DEMO_ACCOUNTS ? env.DEMO_ACCOUNTS === 'true' : !databaseUrl && env.SEED_DEMO_DATA !== 'false',
    accounts: {
      appUrl: (env.APP_URL ?? `http://localhost:${env.PORT ?? 4000}`).replace(/\/+$/, ''),
      refreshTtlSeconds: positive(env, 'REFRESH_TTL_SECONDS', 30 * 24 * 3600),
      invitationTtlSeconds: positive(env, 'INVITATION_TTL_SECONDS', 7 * 24 * 3600),
      resetTtlSeconds: positive(env, 'PASSWORD_RESET_TTL_SECONDS', 3600),
      verificationTtlSeconds: positive(env, 'EMAIL_VERIFICATION_TTL_SECONDS', 2 * 24 * 3600),
      passwordMinLength: positive(env, 'PASSWORD_MIN_LENGTH', 12),
    },
    mail: {
      smtpUrl: env.SMTP_URL || undefined,
      from: env.MAIL_FROM ?? 'CONALEP / CONOCER <no-responder@localhost>',
      outboxDir: env.MAIL_OUTBOX_DIR ?? path.join(env.DATA_DIR ?? '.data', 'outbox'),
    },
    documents: {
      dir: env.DOCUMENTS_DIR ?? path.join(env.DATA_DIR ?? '.data', 'documents'),
      maxBytes: positive(env, 'MAX_DOCUMENT_BYTES', 20 * 1024 * 1024),
      saeMaxBytes: positive(env, 'MAX_SAE_FILE_BYTES', 64 * 1024 * 1024),
      linkTtlSeconds: positive(env, 'DOCUMENT_LINK_TTL_SECONDS', 300),
    },
    inbound: {
      port: env.INBOUND_SMTP_PORT !== undefined && env.INBOUND_SMTP_PORT !== '' ? inboundPort(env.INBOUND_SMTP_PORT) : undefined,
      host: env.INBOUND_SMTP_HOST || '127.0.0.1',
      maxBytes: positive(env, 'INBOUND_SMTP_MAX_BYTES', 10 * 1024 * 1024),
      contactoUnit: env.CONTACTO_UNIT || 'CONOCER-CC',
    },
    jobs: {
      enabled: env.JOBS ? env.JOBS !== 'off' : !!databaseUrl,
      everySeconds: env.JOBS_EVERY_SECONDS ? positive(env, 'JOBS_EVERY_SECONDS', 60) : undefined,
      pollIntervalMs: env.JOBS_POLL_MS ? positive(env, 'JOBS_POLL_MS', 2000) : undefined,
      only: env.JOBS_ONLY
        ? env.JOBS_ONLY.split(',')
            .map((name) => name.trim())
            .filter(Boolean)
        : undefined,
    },
  };
}

function trustedMode(value: string | undefined): 'accept' | 'only' {
  if (value === undefined || value === '' || value === 'accept') return 'accept';
  if (value === 'only') return 'only';
  throw new Error(`TRUSTED_DOCUMENTS must be accept or only, not ${JSON.stringify(value)}`);
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, not ${JSON.stringify(raw)}`);
  return value;
}

/** SHA-256 of secrets that were once committed here: refused even when set explicitly. */
const RETIRED_SECRETS = new Set(['36620796abfc961346babb2e52970263066bf2764c43c11bbf63a42faeca14d7']);

function isRetiredSecret(secret: string): boolean {
  return RETIRED_SECRETS.has(createHash('sha256').update(secret).digest('hex'));
}

/** INBOUND_SMTP_PORT: 0 (any free port) to 65535. */
function inboundPort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`INBOUND_SMTP_PORT must be a port number (0-65535), not ${value}`);
  return n;
}
