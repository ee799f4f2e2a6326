// The error codes clients act on (docs/errors.md). Every error a client sees
// carries one of these in `extensions.code`; anything else is reported as
// INTERNAL_SERVER_ERROR without detail.
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  CONFLICT: 'CONFLICT',
  /** Too many attempts (login throttle); `extensions.retryAfterSeconds` says when to try again. */
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  /** The database timed out, was busy or unreachable: nothing was written; `extensions.retryable` is true. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface InputIssue {
  /** Path of the offending field in the operation's arguments, e.g. ["input", "evidencias", 0, "descripcion"]. */
  path: (string | number)[];
  message: string;
}

/** A domain error: safe to show the client, with a stable code. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

export const unauthenticated = (message = 'Authentication required: send a valid bearer token') =>
  new AppError(ErrorCode.UNAUTHENTICATED, message);

export const forbidden = (message = 'Not allowed for your roles and units') => new AppError(ErrorCode.FORBIDDEN, message);

export const notFound = (what: string, id: string) =>
  new AppError(ErrorCode.NOT_FOUND, `${what} ${id} does not exist or is outside your scope`, { id });

export const badInput = (issues: InputIssue[]) =>
  new AppError(ErrorCode.BAD_USER_INPUT, issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), { issues });

export const conflict = (message: string) => new AppError(ErrorCode.CONFLICT, message);

/** Why a request could not be served now; the client may retry it (docs/errors.md). */
export type UnavailableReason = 'TIMEOUT' | 'LOCKED' | 'CONFLICT' | 'BUSY' | 'UNREACHABLE';

export const unavailable = (reason: UnavailableReason, message: string) =>
  new AppError(ErrorCode.SERVICE_UNAVAILABLE, message, { reason, retryable: true });

/** Collects input issues so a mutation reports all of them at once, before writing anything. */
export class InputChecker {
  readonly issues: InputIssue[] = [];
  check(ok: boolean, path: (string | number)[], message: string): this {
    if (!ok) this.issues.push({ path, message });
    return this;
  }
  throwIfAny(): void {
    if (this.issues.length) throw badInput(this.issues);
  }
}

const PUBLIC_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  // Produced by graphql-js / Apollo before execution: safe, and useful to clients.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  // TRUSTED_DOCUMENTS=only refused a document that is not in schema/trusted-documents.json.
  'TRUSTED_DOCUMENT_REQUIRED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** True when an error may be shown to the client as it is. */
export function isPublicError(code: unknown): boolean {
  return typeof code === 'string' && PUBLIC_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR;
}
