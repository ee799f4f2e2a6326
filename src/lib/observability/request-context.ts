// What is known about the request being served, wherever code runs for it:
// the logger adds these fields to every line (src/lib/logger.ts), error
// formatting reads the client's language, metrics and spans the operation.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Span } from '@opentelemetry/api';
import type { Language } from '../i18n/language.js';

export interface RequestContext {
  requestId: string;
  /** W3C trace context of the request's server span. */
  traceId?: string;
  spanId?: string;
  /** Set once the operation is resolved (name, or "anonymous"). */
  operationName?: string;
  operationType?: string;
  /** The language errors are written in (src/lib/i18n). */
  language: Language;
  /** The request's server span (src/lib/observability/tracing.ts). */
  span?: Span;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

/** Fields every log line written for a request carries. */
export function requestLogFields(): Record<string, unknown> {
  const c = requestContext.getStore();
  if (!c) return {};
  return {
    requestId: c.requestId,
    ...(c.operationName !== undefined && { operationName: c.operationName }),
    ...(c.traceId !== undefined && { traceId: c.traceId, spanId: c.spanId }),
  };
}
