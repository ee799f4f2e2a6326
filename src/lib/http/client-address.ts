// The address a request comes from: the socket's peer, or, behind `trustProxy`
// proxies (TRUST_PROXY), the entry of X-Forwarded-For that the outermost
// trusted proxy appended. Entries further left are written by the client and
// are never believed.
import type { IncomingMessage } from 'node:http';

export function clientAddress(req: IncomingMessage, trustProxy: number): string {
  const socket = normalise(req.socket.remoteAddress ?? 'unknown');
  if (trustProxy <= 0) return socket;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = hops[hops.length - trustProxy];
  return entry ? normalise(entry) : socket;
}

/** "::ffff:10.0.0.1" and "10.0.0.1" are the same client. */
const normalise = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').toLowerCase();
