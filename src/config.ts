// Configuration from the environment, read once at start-up.
export interface Config {
  port: number;
  /** Set: use this PostgreSQL server. Unset: run the embedded engine under dataDir. */
  databaseUrl?: string;
  dataDir: string;
  jwtSecret: string;
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
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  seedDemoData: boolean;
  /** Login throttle and password hashing (docs/decisions/008-login-throttling.md). */
  login: LoginLimits;
  /** Proxies in front of the API whose X-Forwarded-For is believed (0: use the socket's address). */
  trustProxy: number;
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

const DEV_SECRET = 'development-only-secret-change-me-0123456789';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const jwtSecret = env.JWT_SECRET ?? (production ? '' : DEV_SECRET);
  if (jwtSecret.length < 32) throw new Error('JWT_SECRET must be set to at least 32 characters');
  const issuer = env.EXTERNAL_IDP_ISSUER;
  return {
    port: Number(env.PORT ?? 4000),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR ?? '.data',
    jwtSecret,
    jwtIssuer: env.JWT_ISSUER ?? 'conalep-api',
    jwtTtlSeconds: Number(env.JWT_TTL_SECONDS ?? 8 * 3600),
    externalIdp: issuer
      ? {
          issuer,
          audience: env.EXTERNAL_IDP_AUDIENCE,
          publicKeyPem: env.EXTERNAL_IDP_PUBLIC_KEY,
          jwksUrl: env.EXTERNAL_IDP_JWKS_URL,
        }
      : undefined,
    maxBodyBytes: Number(env.MAX_BODY_BYTES ?? 1024 * 1024),
    limits: {
      maxTokens: Number(env.MAX_QUERY_TOKENS ?? 500),
      maxOperations: Number(env.MAX_QUERY_OPERATIONS ?? 20),
      maxDirectives: Number(env.MAX_QUERY_DIRECTIVES ?? 50),
      maxDepth: Number(env.MAX_QUERY_DEPTH ?? 12),
      maxAliases: Number(env.MAX_QUERY_ALIASES ?? 15),
      maxCost: Number(env.MAX_QUERY_COST ?? 5000),
      introspection: env.INTROSPECTION ? env.INTROSPECTION === 'true' : !production,
    },
    logLevel: (env.LOG_LEVEL as Config['logLevel']) ?? 'info',
    seedDemoData: env.SEED_DEMO_DATA !== 'false',
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
  };
}
