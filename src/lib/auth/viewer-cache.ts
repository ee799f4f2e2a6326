// The viewer of a token, kept in memory between requests, and dropped the
// moment the database says a person, a role assignment or a unit changed.
//
// Triggers on "Person", "RoleAssignment" and "OrgUnit" (migration
// 20261201000000_viewer_changed) send NOTIFY viewer_changed after every write
// that commits; each server process LISTENs on a connection of its own and
// empties its cache when one arrives, so a deactivated person or a removed
// role is refused by every process on the next request after the commit (the
// notification arrives within milliseconds). While that connection is down
// the cache is not used at all (every request loads its viewer, as without a
// cache) and the connection is retried. A generation counter keeps a viewer
// loaded before a change from being stored after it.
// docs/decisions/011-compiled-reads.md ("The viewer").
import pg from 'pg';
import type { Logger } from '../logger.js';
import { connectionConfig } from '../db/url.js';
import type { Viewer } from './viewer.js';

export const VIEWER_CHANNEL = 'viewer_changed';

export interface ViewerCache {
  /** The cached viewer of `key`, or the one `load` returns (stored when nothing changed meanwhile). */
  get(key: string, load: () => Promise<Viewer | null>): Promise<Viewer | null>;
  /** Whether the cache is in use (its LISTEN connection is up). */
  readonly active: boolean;
  /** Resolves after the next notification has emptied the cache (for tests). */
  nextInvalidation(): Promise<void>;
  stop(): Promise<void>;
}

interface Entry {
  viewer: Viewer | null;
  at: number;
}

export function createViewerCache(
  databaseUrl: string | undefined,
  log: Logger,
  options: { maxEntries?: number; ttlMs?: number; retryMs?: number } = {},
): ViewerCache {
  const maxEntries = options.maxEntries ?? 10_000;
  // A bound on staleness should a notification ever be lost despite the connection staying up.
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const retryMs = options.retryMs ?? 1_000;
  const entries = new Map<string, Entry>();
  let generation = 0;
  let active = false;
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let waiters: (() => void)[] = [];

  const invalidate = () => {
    generation += 1;
    entries.clear();
    const w = waiters;
    waiters = [];
    for (const resolve of w) resolve();
  };

  const down = (reason: unknown) => {
    if (!active && !client) return;
    active = false;
    invalidate();
    const c = client;
    client = null;
    c?.end().catch(() => undefined);
    if (stopped) return;
    log.warn('viewer cache: LISTEN connection lost; viewers are loaded from the database until it is back', {
      error: String(reason),
    });
    retry = setTimeout(connect, retryMs);
    retry.unref();
  };

  const connect = () => {
    retry = null;
    if (stopped || !databaseUrl) return;
    const c = new pg.Client({ ...connectionConfig(databaseUrl), keepAlive: true });
    client = c;
    c.on('error', down);
    c.on('end', () => down(new Error('connection ended')));
    c.on('notification', (message) => {
      if (message.channel === VIEWER_CHANNEL) invalidate();
    });
    c.connect()
      .then(() => c.query(`LISTEN ${VIEWER_CHANNEL}`))
      .then(() => {
        if (client !== c) return;
        // Anything cached before this connection may have missed a notification.
        invalidate();
        active = true;
      })
      .catch((error: unknown) => {
        if (client === c) down(error);
      });
  };
  connect();

  return {
    get active() {
      return active;
    },
    async get(key, load) {
      if (!active) return load();
      const hit = entries.get(key);
      if (hit && Date.now() - hit.at < ttlMs) {
        // Most recently used last: the first key is the one to evict.
        entries.delete(key);
        entries.set(key, hit);
        return hit.viewer;
      }
      const before = generation;
      const viewer = await load();
      if (active && generation === before) {
        entries.set(key, { viewer, at: Date.now() });
        if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      }
      return viewer;
    },
    nextInvalidation: () => new Promise((resolve) => waiters.push(resolve)),
    async stop() {
      stopped = true;
      active = false;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      entries.clear();
      await c?.end().catch(() => undefined);
    },
  };
}
