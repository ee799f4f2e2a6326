// API keys of machine clients (partner systems, BI tools): `cak_<key id>_<secret>`.
// The id finds the row; only the SHA-256 of the secret is stored, so a leaked
// table gives no usable key. The secret has 256 random bits, so a fast hash is
// enough (no password-grade hashing is needed for a random secret).
// A key acts as its holder, a service account holding one role at one unit:
// every read filter and step check applies to it as to a person
// (docs/accounts.md#api-keys).
import { createHash, randomBytes } from 'node:crypto';
import { UUID } from '../ids.js';

const PREFIX = 'cak_';

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** A new key for row `keyId`: the text shown once to the administrator, and the hash to store. */
export function newApiKey(keyId: string): { key: string; secretHash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { key: `${PREFIX}${keyId.replaceAll('-', '')}_${secret}`, secretHash: hashSecret(secret) };
}

/** The key id and the secret's hash of a bearer token that looks like an API key; null otherwise. */
export function parseApiKey(token: string): { keyId: string; secretHash: string } | null {
  const match = /^cak_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const hex = match[1];
  const keyId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return UUID.test(keyId) ? { keyId, secretHash: hashSecret(match[2]) } : null;
}
