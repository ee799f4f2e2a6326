// Login throttling shared by every API process: counters live in PostgreSQL
// (table "RateLimiterFlexible", through rate-limiter-flexible's Prisma store),
// so they hold across processes and restarts, and in the embedded database too.
// docs/decisions/008-login-throttling.md explains the choices.
//
// - Per account (normalised e-mail, known or not): `accountMaxFailures` failed
//   logins within `accountWindowSeconds`; the next attempt, even with the right
//   password, locks the account for `accountLockSeconds`, doubled for each
//   further lock within a day, up to `accountLockMaxSeconds`. A successful
//   login resets it.
// - Per client address: `addressMaxFailures` failed logins within
//   `addressWindowSeconds`.
//
// Each attempt reserves one point of both counters before the password is
// checked (so a burst of concurrent guesses is cut off at the limit, before
// any hashing), and a success gives them back.
import { HeaderMap } from '@apollo/server';
import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';
import type { LoginLimits } from '../../config.js';
import type { Db } from '../db/client.js';
import { AppError, ErrorCode } from '../errors.js';
import { createSemaphore } from '../semaphore.js';

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; by: 'account' | 'address' };

export interface LoginThrottle {
  /** Reserves one attempt for the account and the address, or says how long to wait. */
  reserve(email: string, address: string): Promise<ThrottleVerdict>;
  /** A successful login: resets the account and gives the address its point back. */
  succeeded(email: string, address: string): Promise<void>;
  /**
   * Runs one login with at most `loginConcurrency` of them in flight in this
   * process: a burst queues here instead of taking every database connection
   * and hashing thread from the other requests.
   */
  run<T>(login: () => Promise<T>): Promise<T>;
}

const DAY = 24 * 3600;

export function createLoginThrottle(db: Db, limits: LoginLimits): LoginThrottle {
  const inFlight = createSemaphore(limits.concurrency);
  const store = { storeClient: db, tableName: 'rateLimiterFlexible' };
  const account = new RateLimiterPrisma({
    ...store,
    keyPrefix: 'login_account',
    points: limits.accountMaxFailures,
    duration: limits.accountWindowSeconds,
    // A refused key is also refused from memory until its window ends, without a query.
    inMemoryBlockOnConsumed: limits.accountMaxFailures + 1,
    // One limiter sweeps rows expired for an hour out of the shared table.
    clearExpiredByTimeout: true,
  });
  const locks = new RateLimiterPrisma({
    ...store,
    keyPrefix: 'login_locks',
    points: Number.MAX_SAFE_INTEGER,
    duration: DAY,
    clearExpiredByTimeout: false,
  });
  const address = new RateLimiterPrisma({
    ...store,
    keyPrefix: 'login_address',
    points: limits.addressMaxFailures,
    duration: limits.addressWindowSeconds,
    inMemoryBlockOnConsumed: limits.addressMaxFailures + 1,
    clearExpiredByTimeout: false,
  });

  return {
    async reserve(email, clientAddress) {
      const byAddress = await consume(address, clientAddress);
      if (byAddress.refused) return { allowed: false, by: 'address', retryAfterSeconds: seconds(byAddress.res.msBeforeNext) };
      const byAccount = await consume(account, email);
      if (!byAccount.refused) return { allowed: true };
      // The first refusal after the allowance locks the account, with backoff.
      if (byAccount.res.consumedPoints === limits.accountMaxFailures + 1) {
        const { consumedPoints: lockNumber } = await locks.consume(email);
        const lockSeconds = Math.min(limits.accountLockSeconds * 2 ** (lockNumber - 1), limits.accountLockMaxSeconds);
        await account.block(email, lockSeconds);
        return { allowed: false, by: 'account', retryAfterSeconds: lockSeconds };
      }
      return { allowed: false, by: 'account', retryAfterSeconds: seconds(byAccount.res.msBeforeNext) };
    },
    async succeeded(email, clientAddress) {
      await Promise.all([account.delete(email), locks.delete(email), address.reward(clientAddress)]);
    },
    run: (login) => inFlight.run(login),
  };
}

/** consume() rejects with a RateLimiterRes when over the limit, and with an Error when the store fails. */
async function consume(limiter: RateLimiterPrisma, key: string): Promise<{ refused: boolean; res: RateLimiterRes }> {
  try {
    return { refused: false, res: await limiter.consume(key) };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { refused: true, res: error };
    throw error;
  }
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** The refusal clients see: TOO_MANY_REQUESTS, HTTP 429 and Retry-After. */
export function tooManyAttempts(retryAfterSeconds: number): AppError {
  return new AppError(ErrorCode.TOO_MANY_REQUESTS, `Too many login attempts: try again in ${retryAfterSeconds} s`, {
    retryAfterSeconds,
    http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
  });
}
