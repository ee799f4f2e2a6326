// Single-use, expiring tokens sent by e-mail (invitation, password reset,
// e-mail verification). Only the SHA-256 of each is stored; using one marks it
// used in the same statement that checks it, so it works once even under
// concurrent requests; issuing a new one of the same purpose voids the older ones.
import { randomBytes } from 'node:crypto';
import type { Prisma } from '../../generated/prisma/client.js';
import type { AccountTokenPurpose } from '../../generated/prisma/enums.js';
import { hashSecret } from './api-keys.js';

type Tx = Prisma.TransactionClient;

/** A new token for `personId`; the text goes in the e-mail, never in the database. */
export async function issueAccountToken(tx: Tx, personId: string, purpose: AccountTokenPurpose, ttlSeconds: number): Promise<string> {
  const now = new Date();
  await tx.accountToken.updateMany({ where: { personId, purpose, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
  const token = randomBytes(32).toString('base64url');
  await tx.accountToken.create({
    data: { personId, purpose, tokenHash: hashSecret(token), expiresAt: new Date(now.getTime() + ttlSeconds * 1000) },
  });
  return token;
}

/**
 * Uses a token: the person it was issued to, or null when it is unknown, of
 * another purpose, expired or already used (the caller answers the same for all).
 */
export async function consumeAccountToken(
  tx: Tx,
  token: string,
  purposes: readonly AccountTokenPurpose[],
): Promise<{ personId: string; purpose: AccountTokenPurpose } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const rows = await tx.$queryRaw<{ personId: string; purpose: AccountTokenPurpose }[]>`
    UPDATE "AccountToken" SET "usedAt" = now()
    WHERE "tokenHash" = ${hashSecret(token)} AND "usedAt" IS NULL AND "expiresAt" > now()
      AND purpose::text = ANY(${[...purposes]})
    RETURNING "personId", purpose`;
  return rows[0] ?? null;
}
