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

// ---- client mistakes that reach the database or the schema plugins ----------
// Input the API did not refuse earlier but the database or Pothos does: typed
// as the client's mistake (docs/errors.md), never INTERNAL_SERVER_ERROR.

const CLIENT_POSTGRES_CODES: Record<string, 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT'> = {
  '22021': 'BAD_USER_INPUT', // character_not_in_repertoire (a NUL byte in text)
  '22P05': 'BAD_USER_INPUT', // untranslatable_character
  '22008': 'BAD_USER_INPUT', // datetime_field_overflow
  '22007': 'BAD_USER_INPUT', // invalid_datetime_format
  '22001': 'BAD_USER_INPUT', // string_data_right_truncation
  '22003': 'BAD_USER_INPUT', // numeric_value_out_of_range
  '22P02': 'NOT_FOUND', // invalid_text_representation (an id that is not a UUID names nothing)
  '23505': 'CONFLICT', // unique_violation
  '23503': 'NOT_FOUND', // foreign_key_violation
};
const CLIENT_PRISMA_CODES: Record<string, 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT'> = {
  P2000: 'BAD_USER_INPUT', // value too long for the column
  P2002: 'CONFLICT', // unique constraint
  P2003: 'NOT_FOUND', // foreign key
  P2007: 'BAD_USER_INPUT', // data validation
  P2020: 'BAD_USER_INPUT', // value out of range
  P2023: 'BAD_USER_INPUT', // inconsistent column data
  P2025: 'NOT_FOUND', // required record not found
};
const CLIENT_MESSAGES = {
  BAD_USER_INPUT:
    'The input holds a value the database cannot store (a NUL byte, a date or number out of range, or a text too long); nothing was changed.',
  NOT_FOUND: 'A record the request names does not exist or is outside your scope; nothing was changed.',
  CONFLICT: 'A record with these values already exists (or was created at the same moment); nothing was changed. Reload and retry.',
} as const;

/** The public error for a client mistake the database or the schema plugins refused, or undefined. */
export function clientMistakeError(error: unknown): AppError | undefined {
  const code = clientCodeOf(error, 0);
  if (!code) return undefined;
  if (typeof code === 'object') return code;
  return new AppError(
    code,
    CLIENT_MESSAGES[code],
    code === 'BAD_USER_INPUT' ? { issues: [{ path: [], message: CLIENT_MESSAGES[code] }] } : {},
  );
}

function clientCodeOf(error: unknown, depth: number): 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | AppError | undefined {
  if (depth > 6 || typeof error !== 'object' || error === null) return undefined;
  const e = error as Record<string, unknown>;
  const name = (e.constructor as { name?: string } | undefined)?.name ?? '';
  const message = typeof e.message === 'string' ? e.message : '';
  // Pothos refuses malformed cursors, first/last out of range and ids of another type.
  if (name === 'PothosValidationError') {
    if (/is not of type/.test(message)) return 'NOT_FOUND';
    const shown = message.length > 200 ? `${message.slice(0, 200)}…` : message;
    return new AppError('BAD_USER_INPUT', shown, { issues: [{ path: [], message: shown }] });
  }
  if (name === 'PothosSchemaError' && /has not been implemented/.test(message)) return 'NOT_FOUND';
  for (const key of ['code', 'originalCode'] as const) {
    const c = e[key];
    if (typeof c !== 'string') continue;
    const mapped = CLIENT_POSTGRES_CODES[c] ?? CLIENT_PRISMA_CODES[c];
    if (mapped) return mapped;
  }
  if (typeof e.kind === 'string') {
    if (e.kind === 'UniqueConstraintViolation') return 'CONFLICT';
    if (e.kind === 'ForeignKeyConstraintViolation') return 'NOT_FOUND';
    if (e.kind === 'LengthMismatch' || e.kind === 'ValueOutOfRange' || e.kind === 'InconsistentColumnData') return 'BAD_USER_INPUT';
  }
  // Raw queries report the PostgreSQL code in the message only.
  const raw = /Code: `(\w{5})`/.exec(message);
  if (raw && CLIENT_POSTGRES_CODES[raw[1]]) return CLIENT_POSTGRES_CODES[raw[1]];
  for (const key of ['cause', 'originalError', 'meta', 'driverAdapterError']) {
    const inner = clientCodeOf(e[key], depth + 1);
    if (inner) return inner;
  }
  return undefined;
}
