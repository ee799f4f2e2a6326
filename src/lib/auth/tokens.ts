// Bearer tokens. Local accounts get HS256 JWTs signed here, each naming its
// session (`sid`), so that logging out or deactivating the person ends it at
// once (the session is checked with the person on every request, viewer.ts);
// tokens from an external identity provider (issuer and key from
// configuration) are accepted too and matched to a person by subject, then by
// e-mail; API keys (`cak_…`, api-keys.ts) are bearer tokens of machine clients.
import { parseApiKey } from './api-keys.js';
import { createRemoteJWKSet, importSPKI, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import type { Config } from '../../config.js';

export type TokenIdentity =
  | { source: 'local'; subject: string; sessionId: string }
  | { source: 'external'; subject: string; email?: string }
  | { source: 'apiKey'; keyId: string; secretHash: string };

export interface TokenService {
  /** An access token for `personId` within session `sessionId` (src/lib/auth/sessions.ts). */
  issue(personId: string, sessionId: string): Promise<{ token: string; expiresAt: Date }>;
  /** Verifies a bearer token; null when it is invalid or expired. */
  verify(token: string): Promise<TokenIdentity | null>;
}

/** Verified tokens remembered per process (see `verify`). */
const VERIFIED_TOKENS = 10_000;

export async function createTokenService(config: Config): Promise<TokenService> {
  if (!config.jwtSecret || config.jwtSecret.length < 32) throw new Error('The token service needs a JWT secret of at least 32 characters');
  const secret = new TextEncoder().encode(config.jwtSecret);
  let externalKey: Uint8Array | CryptoKey | JWTVerifyGetKey | undefined;
  const idp = config.externalIdp;
  if (idp?.publicKeyPem) externalKey = await importSPKI(idp.publicKeyPem, 'RS256');
  else if (idp?.jwksUrl) externalKey = createRemoteJWKSet(new URL(idp.jwksUrl));

  // A token's signature and claims are checked once per process, then remembered until it expires: HMAC
  // verification through WebCrypto was about 8 % of the CPU of a small read (docs/performance.md). Only what
  // a token IS is remembered; whether its session, person and roles still hold is checked on every request
  // (viewer.ts, with the viewer cache emptied on every change), so logout and deactivation still end it at once.
  const verified = new LRUCache<string, TokenIdentity>({ max: VERIFIED_TOKENS });
  const remember = (token: string, identity: TokenIdentity, payload: JWTPayload) => {
    const ms = (payload.exp ?? 0) * 1000 - Date.now();
    if (ms > 0) verified.set(token, identity, { ttl: ms });
    return identity;
  };

  return {
    async issue(personId, sessionId) {
      const expiresAt = new Date(Date.now() + config.jwtTtlSeconds * 1000);
      const token = await new SignJWT({ sid: sessionId })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(personId)
        .setIssuer(config.jwtIssuer)
        .setIssuedAt()
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(secret);
      return { token, expiresAt };
    },
    async verify(token) {
      const apiKey = parseApiKey(token);
      if (apiKey) return { source: 'apiKey', ...apiKey };
      const known = verified.get(token);
      if (known) return known;
      try {
        const { payload } = await jwtVerify(token, secret, {
          issuer: config.jwtIssuer,
          algorithms: ['HS256'],
          // A token without an expiry would be valid forever.
          requiredClaims: ['exp', 'sub', 'sid'],
        });
        if (payload.sub && typeof payload.sid === 'string')
          return remember(token, { source: 'local', subject: payload.sub, sessionId: payload.sid }, payload);
      } catch {
        // not a local token; try the external provider below
      }
      if (!idp || !externalKey) return null;
      try {
        const { payload } = await jwtVerify(token, externalKey as Parameters<typeof jwtVerify>[1], {
          issuer: idp.issuer,
          audience: idp.audience,
          requiredClaims: ['exp', 'sub'],
        });
        return payload.sub ? remember(token, { source: 'external', subject: payload.sub, email: emailOf(payload) }, payload) : null;
      } catch {
        return null;
      }
    },
  };
}

function emailOf(payload: JWTPayload): string | undefined {
  return typeof payload.email === 'string' ? payload.email.toLowerCase() : undefined;
}
