// Password hashing with scrypt from Node's crypto: memory-hard, and no native
// addon to build (install scripts do not run here).
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { createSemaphore } from '../semaphore.js';

const PARAMS = { N: 16384, r: 8, p: 1, keylen: 32 };

// scrypt runs on libuv's threadpool (4 threads unless UV_THREADPOOL_SIZE says
// otherwise), which also serves WebCrypto (token checks), DNS and file I/O. A
// burst of logins would fill it and stall every other request, so at most
// `maxConcurrent` hashes run at once; the rest wait here, in a FIFO queue.
const hashing = createSemaphore(2);

/**
 * Applies PASSWORD_HASH_CONCURRENCY, and makes the dummy hash now so that the
 * first unknown e-mail is not slower than the others. Called at start-up.
 */
export function configurePasswordHashing(options: { concurrency: number }): void {
  hashing.setLimit(options.concurrency);
  dummyHash ??= hashPassword(randomBytes(16).toString('base64'));
}

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return hashing.run(
    () =>
      new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key)))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, PARAMS.keylen, { N: PARAMS.N, r: PARAMS.r, p: PARAMS.p });
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(key, expected);
}

// A hash of a random password, made once: unknown e-mails and accounts without
// a password are checked against it, so they cost the same scrypt work as a
// wrong password and cannot be told apart by the time the answer takes.
let dummyHash: Promise<string> | undefined;

/** Spends the work of one verifyPassword and returns false. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString('base64'));
  await verifyPassword(password, await dummyHash);
  return false;
}
