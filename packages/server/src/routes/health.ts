// Liveness (/healthz: the process answers) and readiness (/readyz: the database answers and we are not shutting down).
import type { Db } from '../db/types.js';
import type { ExtraRoute } from '../http/types.js';

export function healthRoutes(db: Db, closing: () => boolean): ExtraRoute[] {
  return [
    { method: 'GET', path: '/healthz', handler: async () => ({ status: 200, body: { status: 'ok' } }) },
    {
      method: 'GET',
      path: '/readyz',
      handler: async () => {
        if (closing()) return { status: 503, body: { status: 'shutting-down' } };
        try {
          await db.query('SELECT 1 AS ok');
          return { status: 200, body: { status: 'ready' } };
        } catch {
          return { status: 503, body: { status: 'database-unavailable' } };
        }
      },
    },
  ];
}
