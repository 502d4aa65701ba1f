// Operational metrics in Prometheus's text format (prom-client), on one registry per process. Labels are route
// names from the route table, methods, status codes, transports, priorities and import kinds: nothing a person
// typed, no addresses, no paths. Outbox and import figures are read from the database when scraped, so every
// instance reports the same shared state.
import { timingSafeEqual, createHash } from 'node:crypto';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Clock } from './clock.js';
import type { Db } from './db/types.js';
import { HttpError, type ExtraRoute } from './http/types.js';
import type { DeliveryOutcome } from './notify/dispatcher.js';
import { PRIORITY, PRIORITY_NAMES } from './notify/priority.js';

export interface Metrics {
  registry: Registry;
  /** One answered request: `route` is the route table's name (or `GET /healthz`, `page`, `unmatched`…), never a path. */
  requestFinished: (route: string, method: string, status: number, seconds: number) => void;
  delivery: (transport: string, outcome: DeliveryOutcome) => void;
}

/** Methods the API knows; anything else a client sends counts as OTHER, so a client cannot mint label values. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export function createMetrics(db: Db, now: Clock): Metrics {
  const registry = new Registry();
  const requests = new Counter({
    name: 'referral_kit_http_requests_total',
    help: 'HTTP requests answered, by route name, method and status code.',
    labelNames: ['route', 'method', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'referral_kit_http_request_duration_seconds',
    help: 'Time from request to the end of the answer, by route name and method.',
    labelNames: ['route', 'method'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const deliveries = new Counter({
    name: 'referral_kit_deliveries_total',
    help: 'Messages handed to a transport, by transport and outcome (sent, retry, failed).',
    labelNames: ['transport', 'outcome'],
    registers: [registry],
  });

  new Gauge({
    name: 'referral_kit_outbox_pending',
    help: 'Messages waiting in the outbox (alerts and ready-made messages), by priority.',
    labelNames: ['priority'],
    registers: [registry],
    async collect() {
      for (const row of await outboxByPriority(db)) this.set({ priority: row.priority }, row.pending);
    },
  });
  new Gauge({
    name: 'referral_kit_outbox_oldest_pending_seconds',
    help: 'Age of the oldest message waiting in the outbox, by priority (0 when none waits).',
    labelNames: ['priority'],
    registers: [registry],
    async collect() {
      const at = now().getTime();
      for (const row of await outboxByPriority(db))
        this.set({ priority: row.priority }, row.oldest ? Math.max(0, (at - Date.parse(row.oldest)) / 1000) : 0);
    },
  });
  new Gauge({
    name: 'referral_kit_import_runs',
    help: 'Import runs recorded in the database, by kind and outcome.',
    labelNames: ['kind', 'outcome'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await db.query<{ kind: string; outcome: string; n: number }>(
        'SELECT kind, outcome, COUNT(*) AS n FROM imports GROUP BY kind, outcome',
      );
      for (const row of rows) this.set({ kind: row.kind, outcome: row.outcome }, Number(row.n));
    },
  });
  new Gauge({
    name: 'referral_kit_import_jobs',
    help: 'Queued import jobs in the database, by status (queued, running, done, failed).',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await db.query<{ status: string; n: number }>(
        'SELECT status, COUNT(*) AS n FROM import_jobs GROUP BY status',
      );
      for (const row of rows) this.set({ status: row.status }, Number(row.n));
    },
  });

  return {
    registry,
    requestFinished(route, method, status, seconds) {
      const m = METHODS.has(method) ? method : 'OTHER';
      requests.inc({ route, method: m, status: String(status) });
      latency.observe({ route, method: m }, seconds);
    },
    delivery: (transport, outcome) => deliveries.inc({ transport, outcome }),
  };
}

async function outboxByPriority(db: Db): Promise<{ priority: string; pending: number; oldest: string | null }[]> {
  const rows = await db.query<{ priority: number; n: number; oldest: string | null }>(
    `SELECT priority, COUNT(*) AS n, MIN(created_at) AS oldest FROM (
       SELECT priority, created_at FROM alert_outbox WHERE status = 'pending'
       UNION ALL SELECT priority, created_at FROM notify_messages WHERE status = 'pending') AS waiting
     GROUP BY priority`,
  );
  return PRIORITY_NAMES.map((name) => {
    const row = rows.find((r) => Number(r.priority) === PRIORITY[name]);
    return { priority: name, pending: Number(row?.n ?? 0), oldest: row?.oldest ?? null };
  });
}

/**
 * GET /metrics, for a scraper holding the bearer token (METRICS_TOKEN). Without a token configured the route does
 * not exist: metrics are off rather than open.
 */
export function metricsRoutes(metrics: Metrics, token: string | undefined): ExtraRoute[] {
  if (!token) return [];
  const expected = createHash('sha256').update(token).digest();
  return [
    {
      method: 'GET',
      path: '/metrics',
      handler: async (ctx) => {
        const given = /^Bearer (.+)$/.exec(ctx.headers.authorization ?? '')?.[1] ?? '';
        if (!timingSafeEqual(createHash('sha256').update(given).digest(), expected)) {
          throw new HttpError(401, 'unauthorized', 'Send the metrics token as "Authorization: Bearer <token>".', {
            headers: { 'www-authenticate': 'Bearer realm="metrics"' },
          });
        }
        return { status: 200, contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
      },
    },
  ];
}
