// Recognises database failures that are transient — a statement or lock
// timeout, a deadlock or serialization failure, an exhausted pool, an
// unreachable server — in whatever wrapping they arrive (pg's error, the
// driver adapter's mapped error, a Prisma client error), and turns them into
// the public, retryable SERVICE_UNAVAILABLE error.
import { AppError, unavailable, type UnavailableReason } from '../errors.js';

export const busy = (message: string) => unavailable('BUSY', message);

const POSTGRES_CODES: Record<string, UnavailableReason> = {
  '57014': 'TIMEOUT', // query_canceled: statement_timeout
  '55P03': 'LOCKED', // lock_not_available: lock_timeout
  '25P03': 'TIMEOUT', // idle_in_transaction_session_timeout
  '40001': 'CONFLICT', // serialization_failure
  '40P01': 'CONFLICT', // deadlock_detected
  '53300': 'BUSY', // too_many_connections
  '57P01': 'UNREACHABLE', // admin_shutdown
  '57P03': 'UNREACHABLE', // cannot_connect_now
};
const ADAPTER_KINDS: Record<string, UnavailableReason> = {
  TransactionWriteConflict: 'CONFLICT',
  TooManyConnections: 'BUSY',
  DatabaseNotReachable: 'UNREACHABLE',
  ConnectionClosed: 'UNREACHABLE',
  SocketTimeout: 'UNREACHABLE',
};
const PRISMA_CODES: Record<string, UnavailableReason> = {
  P1001: 'UNREACHABLE', // can't reach database server
  P1002: 'UNREACHABLE', // server reached but timed out
  P1008: 'TIMEOUT', // operations timed out
  P1017: 'UNREACHABLE', // server closed the connection
  P2024: 'BUSY', // timed out fetching a connection from the pool
  P2028: 'TIMEOUT', // transaction API error (maxWait / timeout expired)
  P2034: 'CONFLICT', // write conflict or deadlock
};
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);

const MESSAGES: Record<UnavailableReason, string> = {
  TIMEOUT: 'The database took too long to answer; nothing was changed. Try again.',
  LOCKED: 'The record is being changed by another request; nothing was changed. Try again in a moment.',
  CONFLICT: 'The change collided with another one; nothing was changed. Try again.',
  BUSY: 'The server is busy; nothing was changed. Try again in a moment.',
  UNREACHABLE: 'The database is unreachable; try again later.',
};

/** The retryable public error for a transient database failure, or undefined for anything else. */
export function transientDatabaseError(error: unknown): AppError | undefined {
  const reason = reasonOf(error, 0);
  if (!reason) return undefined;
  if (error instanceof AppError) return error;
  return unavailable(reason, MESSAGES[reason]);
}

function reasonOf(error: unknown, depth: number): UnavailableReason | undefined {
  if (depth > 6 || typeof error !== 'object' || error === null) return undefined;
  const e = error as Record<string, unknown>;
  if (e instanceof AppError) {
    const ext = e.extensions;
    return ext.code === 'SERVICE_UNAVAILABLE' ? (ext.reason as UnavailableReason) : undefined;
  }
  for (const key of ['code', 'originalCode'] as const) {
    const code = e[key];
    if (typeof code !== 'string') continue;
    const reason = POSTGRES_CODES[code] ?? PRISMA_CODES[code] ?? (SOCKET_CODES.has(code) ? 'UNREACHABLE' : undefined);
    if (reason) return reason;
  }
  if (typeof e.kind === 'string' && ADAPTER_KINDS[e.kind]) return ADAPTER_KINDS[e.kind];
  if (typeof e.message === 'string') {
    // pg's Pool has no error code for these.
    if (/timeout exceeded when trying to connect|Connection terminated due to connection timeout/i.test(e.message)) return 'BUSY';
    if (/Connection terminated unexpectedly|Can't reach database server/i.test(e.message)) return 'UNREACHABLE';
    if (/Transaction (already closed|API error)|Unable to start a transaction in the given time/i.test(e.message)) return 'TIMEOUT';
  }
  for (const key of ['cause', 'originalError', 'meta', 'driverAdapterError']) {
    const reason = reasonOf(e[key], depth + 1);
    if (reason) return reason;
  }
  if (Array.isArray(e.errors)) {
    for (const inner of e.errors) {
      const reason = reasonOf(inner, depth + 1);
      if (reason) return reason;
    }
  }
  return undefined;
}
