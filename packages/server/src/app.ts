// Composition: the API handlers, the optional alerts module, health checks, the OpenAPI reference and static
// pages, behind one request pipeline.
import { createHmac, randomBytes } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { RateLimiter, type Limiter } from './alerts/rate-limiter.js';
import { answerClientError } from './http/client-error.js';
import type { Clock } from './clock.js';
import { fileURLToPath } from 'node:url';
import { createOpenApiDocument } from '@referral-kit/sdk/openapi';
import { DEFAULT_CUSTODY_LOOKUPS_PER_MINUTE, type ServerConfig } from './config.js';
import type { Db } from './db/types.js';
import type { Logger } from './logger.js';
import { HttpError, type ExtraRoute, type RouteHandlers } from './http/types.js';
import { createPipeline } from './http/pipeline.js';
import { createCustodyHandlers } from './routes/custody.js';
import { createServiceHandlers } from './routes/services.js';
import { Directory } from './routes/directory.js';
import { healthRoutes } from './routes/health.js';
import { openApiRoutes } from './routes/openapi.js';
import { createCaptureFrame } from './capture-frame.js';
import { createConsolePage, isConsolePath } from './console-page.js';
import { createStatic } from './static.js';
import { metricsRoutes, type Metrics } from './metrics.js';
import { STAFF_API } from './staff/context.js';
import type { StaffModule } from './staff/index.js';
import type { InsightsCounter } from './insights/counter.js';
import { observeHandlers } from './insights/observe.js';

/** How the example pages name the API; the server swaps in its own origin when it serves them. */
export const EXAMPLES_API_ORIGIN = 'http://127.0.0.1:8787';

/** What the alerts (or callbacks) module contributes to the HTTP surface. */
export interface AlertsHttp {
  handlers: RouteHandlers;
  extraRoutes: ExtraRoute[];
}

export interface AppOptions {
  db: Db;
  config: Pick<ServerConfig, 'corsOrigins' | 'bodyLimitBytes' | 'trustProxy' | 'publicUrl'> &
    Partial<Pick<ServerConfig, 'custodyLookupsPerMinute' | 'metricsToken'>>;
  logger: Logger;
  alerts?: AlertsHttp;
  callbacks?: AlertsHttp;
  /** The staff console's API (routes under /console/api) and who may open its pages. */
  staff?: Pick<StaffModule, 'extraRoutes' | 'authorizePage'>;
  now: Clock;
  /** Repository root, for examples/ and packages/widgets/dist/. */
  rootDir?: string;
  /** How often the in-memory directory checks the database for a newer version. */
  directoryCheckMs?: number;
  /** Store each directory version built here for other instances (the process is the worker too: `npm start`). */
  publishDirectory?: boolean;
  /** Migration names /readyz expects to find applied (default: none checked). */
  migrations?: readonly string[];
  /** Request metrics, served on /metrics when `config.metricsToken` is set. */
  metrics?: Metrics;
  /**
   * The limiter custody lookups count against, and the HMAC that keys it (the alerts module's: shared through
   * PostgreSQL, one key for every instance). Default: in memory, under a key of this process's own.
   */
  limits?: { limiter: Limiter; rateLimitKey(scope: string, value: string): string };
  /** Counts what the public API answers for the insights reports (src/insights/). */
  insights?: InsightsCounter;
}

export interface App {
  handle: ReturnType<typeof createPipeline>;
  /** For the HTTP server's 'clientError' event: requests the parser refused, answered in the API's error shape. */
  handleClientError(error: Error, socket: Duplex): void;
  directory: Directory;
  /** From now on: readiness fails and answers ask clients to close the connection. */
  startClosing(): void;
  readonly closing: boolean;
}

function processLimits(): NonNullable<AppOptions['limits']> {
  const key = randomBytes(32);
  return {
    limiter: new RateLimiter(),
    rateLimitKey: (scope, value) => createHmac('sha256', key).update(`${scope}:${value}`).digest('base64url'),
  };
}

const PROBE_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** What a worker answers over HTTP: its probes only, in the API's error shape (no pages, no API routes). */
export type WorkerAppOptions = Pick<AppOptions, 'db' | 'logger' | 'migrations' | 'metrics'> & {
  config: Pick<ServerConfig, 'trustProxy' | 'metricsToken'>;
};

export function createWorkerApp(options: WorkerAppOptions): Omit<App, 'directory'> {
  let closing = false;
  const handle = createPipeline({
    handlers: {},
    extraRoutes: [
      ...healthRoutes({ db: options.db, closing: () => closing, migrations: options.migrations ?? [] }),
      ...(options.metrics ? metricsRoutes(options.metrics, options.config.metricsToken) : []),
    ],
    corsOrigins: [],
    bodyLimitBytes: 1024,
    trustProxy: options.config.trustProxy,
    https: false,
    logger: options.logger,
    isApiPath: () => true,
    pages: async () => {
      throw new HttpError(404, 'not_found', 'There is no such endpoint.');
    },
    closing: () => closing,
    onFinished: options.metrics?.requestFinished,
  });
  return {
    handle,
    handleClientError: (error, socket) => answerClientError(error, socket, false),
    startClosing: () => void (closing = true),
    get closing() {
      return closing;
    },
  };
}

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function createApp(options: AppOptions): App {
  const { now } = options;
  const rootDir = options.rootDir ?? REPO_ROOT;
  const https = options.config.publicUrl?.startsWith('https://') ?? false;
  let closing = false;
  const directory = new Directory(options.db, {
    now,
    checkIntervalMs: options.directoryCheckMs,
    publish: options.publishDirectory,
    logger: options.logger,
  });
  const limits = options.limits ?? processLimits();

  const served: RouteHandlers = {
    ...createCustodyHandlers(options.db, {
      perMinute: options.config.custodyLookupsPerMinute ?? DEFAULT_CUSTODY_LOOKUPS_PER_MINUTE,
      now,
      limiter: limits.limiter,
      keyOf: (ip) => limits.rateLimitKey('custody-lookup', ip),
    }),
    ...createServiceHandlers(options.db, directory, now),
    ...options.alerts?.handlers,
    ...options.callbacks?.handlers,
  };
  const handlers = options.insights ? observeHandlers(served, options.insights) : served;
  const extraRoutes: ExtraRoute[] = [
    ...healthRoutes({
      db: options.db,
      closing: () => closing,
      migrations: options.migrations ?? [],
      indexLoaded: () => directory.loaded,
    }),
    ...openApiRoutes({
      document: () =>
        createOpenApiDocument(
          options.config.publicUrl ? { servers: [{ url: options.config.publicUrl, description: 'This server' }] } : {},
        ),
    }),
    ...(options.metrics ? metricsRoutes(options.metrics, options.config.metricsToken) : []),
    ...(options.alerts?.extraRoutes ?? []),
    ...(options.callbacks?.extraRoutes ?? []),
    ...(options.staff?.extraRoutes ?? []),
  ];
  const files = createStatic(
    [
      { prefix: '/examples/', dir: `${rootDir}/examples`, listing: true, apiOriginPlaceholder: EXAMPLES_API_ORIGIN },
      { prefix: '/packages/widgets/dist/', dir: `${rootDir}/packages/widgets/dist`, crossOrigin: true },
    ],
    https,
  );
  const captureFrame = createCaptureFrame({ partnerOrigins: options.config.corsOrigins, rootDir });
  const consolePage = createConsolePage({ rootDir, authorizePage: options.staff?.authorizePage });
  const pages: typeof files = (req, res, url) => {
    if (url.pathname.startsWith('/embed/')) return captureFrame(req, res, url);
    if (isConsolePath(url.pathname)) return consolePage(req, res, url);
    return files(req, res, url);
  };
  const handle = createPipeline({
    handlers,
    extraRoutes,
    corsOrigins: options.config.corsOrigins,
    bodyLimitBytes: options.config.bodyLimitBytes,
    trustProxy: options.config.trustProxy,
    https,
    logger: options.logger,
    isApiPath: (p) => p.startsWith('/v1/') || p === '/v1' || p.startsWith(`${STAFF_API}/`) || PROBE_PATHS.has(p),
    pages,
    closing: () => closing,
    onFinished: options.metrics?.requestFinished,
  });
  return {
    handle,
    handleClientError: (error, socket) => answerClientError(error, socket, https),
    directory,
    startClosing: () => void (closing = true),
    get closing() {
      return closing;
    },
  };
}
