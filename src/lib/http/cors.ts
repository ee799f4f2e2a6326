// Cross-origin calls from the allow-list in CORS_ORIGINS (comma-separated
// origins, e.g. `https://portal.conalep.edu.mx,http://localhost:5173`, or `*`).
// Tokens travel in the Authorization header, never in cookies, so credentials
// are not allowed and no origin can ride on a signed-in user's cookies.
import type http from 'node:http';

/** Headers a browser may send cross-origin (preflight answer). */
const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'accept',
  'accept-language',
  'x-request-id',
  'traceparent',
  'tracestate',
  'apollo-require-preflight',
  'x-apollo-operation-name',
];
/** Response headers a cross-origin page may read. */
const EXPOSED_HEADERS = ['x-request-id', 'traceparent', 'retry-after', 'www-authenticate'];
const MAX_AGE_SECONDS = 600;

export interface CorsPolicy {
  /** Applies CORS headers for an allowed origin; answers a preflight. Returns true when the response was sent. */
  handle(req: http.IncomingMessage, res: http.ServerResponse): boolean;
}

export function parseOrigins(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((o) => o.trim().replace(/\/+$/, ''))
    .filter(Boolean);
}

export function createCorsPolicy(origins: string[]): CorsPolicy {
  const any = origins.includes('*');
  const allowed = new Set(origins);
  return {
    handle(req, res) {
      const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
      const ok = origin !== undefined && (any || allowed.has(origin));
      // Answers differ by origin: caches must keep them apart.
      res.setHeader('vary', 'Origin');
      if (ok) {
        res.setHeader('access-control-allow-origin', any ? '*' : origin);
        res.setHeader('access-control-expose-headers', EXPOSED_HEADERS.join(', '));
      }
      if (req.method !== 'OPTIONS') return false;
      const preflight = origin !== undefined && req.headers['access-control-request-method'] !== undefined;
      if (preflight && ok) {
        res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
        res.setHeader('access-control-allow-headers', ALLOWED_HEADERS.join(', '));
        res.setHeader('access-control-max-age', String(MAX_AGE_SECONDS));
        res.statusCode = 204;
      } else {
        // Not an allowed origin: no CORS headers, so the browser refuses the call.
        res.statusCode = preflight ? 403 : 204;
        res.setHeader('allow', 'GET, POST, OPTIONS');
      }
      res.end();
      return true;
    },
  };
}
