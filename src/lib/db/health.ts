// /health's own connection: a one-connection pool apart from Prisma's, so the
// health check answers even while every pooled connection is busy (e.g.
// writes waiting on a lock), and reports `down` within a bound when the
// database does not answer.
import pg from 'pg';
import { connectionConfig } from './url.js';

export interface HealthCheck {
  databaseUp: () => Promise<boolean>;
  close: () => Promise<void>;
}

export function createHealthCheck(databaseUrl: string, timeoutMs = 2_000): HealthCheck {
  const pool = new pg.Pool({
    ...connectionConfig(databaseUrl),
    max: 1,
    idleTimeoutMillis: 60_000,
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
  });
  // An idle connection that breaks (database restarted) must not crash the process.
  pool.on('error', () => {});
  return {
    async databaseUp() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
      const query = pool.query('SELECT 1').then(
        () => true,
        () => false,
      );
      try {
        return await Promise.race([query, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => pool.end(),
  };
}
