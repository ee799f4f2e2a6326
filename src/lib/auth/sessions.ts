// Sessions: a sign-in opens one; its access tokens (short-lived JWTs, tokens.ts)
// name it, and every request checks it is still open (viewer.ts), so logout,
// deactivation and a password change end it within the request that follows.
// The refresh token (opaque, 256 random bits, only its SHA-256 stored) is
// rotated on every use: an old one is refused (docs/accounts.md#sessions).
import { randomBytes } from 'node:crypto';
import { type Prisma } from '../../generated/prisma/client.js';
import type { Db } from '../db/client.js';
import { hashSecret } from './api-keys.js';
import type { TokenService } from './tokens.js';

type Client = Db | Prisma.TransactionClient;

export type SessionEnd = 'LOGOUT' | 'DEACTIVATED' | 'PASSWORD_CHANGED' | 'EXPIRED';

export interface SignedIn {
  token: string;
  expiresAt: Date;
  refreshToken: string;
  refreshExpiresAt: Date;
  personId: string;
  sessionId: string;
}

const newRefreshToken = () => `crt_${randomBytes(32).toString('base64url')}`;

/** Opens a session for `personId` and issues its first access and refresh tokens. */
export async function openSession(
  db: Client,
  tokens: TokenService,
  personId: string,
  options: { clientAddress: string; refreshTtlSeconds: number },
): Promise<SignedIn> {
  const refreshToken = newRefreshToken();
  const refreshExpiresAt = new Date(Date.now() + options.refreshTtlSeconds * 1000);
  const session = await db.session.create({
    data: { personId, refreshHash: hashSecret(refreshToken), clientAddress: options.clientAddress, expiresAt: refreshExpiresAt },
    select: { id: true },
  });
  const { token, expiresAt } = await tokens.issue(personId, session.id);
  return { token, expiresAt, refreshToken, refreshExpiresAt, personId, sessionId: session.id };
}

/**
 * Exchanges a refresh token for a new access token and a new refresh token
 * (the old one stops working). Null when the token is unknown, already used,
 * expired, its session was revoked or its person is inactive.
 */
export async function refreshSession(db: Db, tokens: TokenService, refreshToken: string): Promise<SignedIn | null> {
  if (!/^crt_[A-Za-z0-9_-]{43}$/.test(refreshToken)) return null;
  const next = newRefreshToken();
  // One statement: concurrent refreshes with the same token cannot both succeed.
  const rows = await db.$queryRaw<{ id: string; personId: string; expiresAt: Date }[]>`
    UPDATE "Session" s SET "refreshHash" = ${hashSecret(next)}, "refreshedAt" = now()
    FROM "Person" p
    WHERE s."refreshHash" = ${hashSecret(refreshToken)} AND s."revokedAt" IS NULL AND s."expiresAt" > now()
      AND p.id = s."personId" AND p.active
    RETURNING s.id, s."personId", s."expiresAt"`;
  const session = rows[0];
  if (!session) return null;
  const { token, expiresAt } = await tokens.issue(session.personId, session.id);
  return { token, expiresAt, refreshToken: next, refreshExpiresAt: session.expiresAt, personId: session.personId, sessionId: session.id };
}

/** Ends one session: its access tokens stop working at the next request. */
export async function revokeSession(db: Client, sessionId: string, reason: SessionEnd): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: reason } });
}

/** Ends every open session of a person (deactivation, password change); returns how many. */
export async function revokeSessionsOf(db: Client, personId: string, reason: SessionEnd, except?: string): Promise<number> {
  const { count } = await db.session.updateMany({
    where: { personId, revokedAt: null, ...(except ? { id: { not: except } } : {}) },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  return count;
}
