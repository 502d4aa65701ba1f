// Liveness (/healthz: the process answers) and readiness (/readyz: the database answers and we are not shutting down).
import type { Db } from '../db/types.js';
import type { ExtraRoute } from '../http/types.js';

const READY_TIMEOUT_MS = 2000;

export function healthRoutes(db: Db, closing: () => boolean): ExtraRoute[] {
  return [
    { method: 'GET', path: '/healthz', handler: async () => ({ status: 200, body: { status: 'ok' } }) },
    {
      method: 'GET',
      path: '/readyz',
      handler: async () => {
        if (closing()) return { status: 503, body: { status: 'shutting-down' } };
        let timer: NodeJS.Timeout | undefined;
        try {
          // A database that hangs is as unready as one that fails.
          const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS)));
          await Promise.race([db.query('SELECT 1 AS ok'), timeout]);
          return { status: 200, body: { status: 'ready' } };
        } catch {
          return { status: 503, body: { status: 'database-unavailable' } };
        } finally {
          clearTimeout(timer);
        }
      },
    },
  ];
}
