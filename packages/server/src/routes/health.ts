// Liveness (/healthz: the process answers) and readiness (/readyz: the database answers, every migration this code
// knows is applied, the search index is loaded, and we are not shutting down). Not ready answers 503 in the API's
// error shape, with the reason in the message.
import type { Db } from '../db/types.js';
import { HttpError, type ExtraRoute } from '../http/types.js';

const READY_TIMEOUT_MS = 2000;

export interface Readiness {
  db: Db;
  closing: () => boolean;
  /** Migration names this code expects to find applied. */
  migrations: readonly string[];
  /** Whether the search index has loaded (absent: this role has none). */
  indexLoaded?: () => boolean;
}

function notReady(reason: string): HttpError {
  return new HttpError(503, 'unavailable', `Not ready: ${reason}.`);
}

export function healthRoutes(readiness: Readiness): ExtraRoute[] {
  const { db, closing, migrations, indexLoaded } = readiness;
  return [
    { method: 'GET', path: '/healthz', handler: async () => ({ status: 200, body: { status: 'ok' } }) },
    {
      method: 'GET',
      path: '/readyz',
      handler: async () => {
        if (closing()) throw notReady('shutting down');
        let applied: Set<string>;
        let timer: NodeJS.Timeout | undefined;
        try {
          // A database that hangs is as unready as one that fails.
          const timeout = new Promise<never>(
            (_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS)),
          );
          const rows = await Promise.race([db.query<{ name: string }>('SELECT name FROM schema_migrations'), timeout]);
          applied = new Set(rows.map((r) => r.name));
        } catch {
          throw notReady('the database does not answer');
        } finally {
          clearTimeout(timer);
        }
        if (migrations.some((name) => !applied.has(name))) throw notReady('database migrations are not applied');
        if (indexLoaded && !indexLoaded()) throw notReady('the search index is loading');
        return { status: 200, body: { status: 'ready' } };
      },
    },
  ];
}
