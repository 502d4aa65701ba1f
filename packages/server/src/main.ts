// Starting and stopping the server: database, migrations, demo seed, HTTP listener, graceful shutdown.
// Roles: `api` answers the API (stateless, any number of instances), `worker` runs the dispatcher, the retention
// purge, the imports queue and the directory index builds (stored for the API instances) behind an HTTP listener
// that answers only its probes, and `all` (`npm start`) is both in one process.
// Run directly (`node --conditions=source --import tsx packages/server/src/main.ts`) it reads the environment,
// runs every role, prints the URL to open and stops cleanly on SIGINT/SIGTERM.
import { systemClock, type Clock } from './clock.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig, type ServerConfig } from './config.js';
import { openConfiguredDb, migrate, migrationFiles } from './db/index.js';
import type { Db } from './db/types.js';
import { seedDemo } from './db/seed.js';
import type { Fixtures } from '@referral-kit/mocks/fixtures';
import { createLogger, type Logger } from './logger.js';
import { createApp, createWorkerApp, type App } from './app.js';
import { createAlerts } from './alerts/index.js';
import { createCallbacks } from './callbacks/index.js';
import { createStaff } from './staff/index.js';
import { createMetrics } from './metrics.js';
import { createInsightsCounter } from './insights/counter.js';
import { startImportQueue } from './import/queue.js';
import { startImportThreads } from './import/import-thread.js';
import { DirectoryPublisher } from './routes/directory-publisher.js';
import { randomInt } from 'node:crypto';

export type Role = 'all' | 'api' | 'worker';

export interface StartOptions {
  /** What this process does (default `all`). */
  role?: Role;
  logger?: Logger;
  rootDir?: string;
  /** Demo data to seed instead of the default fixtures. */
  fixtures?: Fixtures;
  /** The clock every part of the server reads (default: the system clock). */
  now?: Clock;
  directoryCheckMs?: number;
  /** Whether the public API's answers are counted for the insights reports (default true; the bench turns it off to
   * measure what counting costs). */
  countInsights?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  role: Role;
  /** The API (roles `all` and `api`); a worker's probes-only app has no directory. */
  app: Pick<App, 'handle' | 'startClosing' | 'closing'> & Partial<Pick<App, 'directory'>>;
  db: Db;
  /** Stops accepting, lets in-flight requests finish (up to the shutdown timeout), then closes everything. */
  close(): Promise<void>;
}

export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const now = options.now ?? systemClock;
  const db = await openConfiguredDb(config);
  try {
    const applied = await migrate(db);
    if (applied.length) logger.info({ migrations: applied }, 'database migrated');
    if (config.seedDemo && (await seedDemo(db, now(), options.fixtures))) logger.info('demo data seeded');
  } catch (error) {
    await db.close();
    throw error;
  }
  const role = options.role ?? 'all';
  const dispatches = role !== 'api';
  const migrations = migrationFiles(db.dialect).map((m) => m.name);
  const metrics = createMetrics(db, now);
  const insights = createInsightsCounter(db, {
    now,
    logger,
    partners: config.insights.partners,
    flushMs: config.insights.flushMs,
  });
  const alerts = createAlerts({ db, config: config.alerts, logger, now, insights, onDelivery: metrics.delivery });
  const callbacks = createCallbacks({
    db,
    config: config.callbacks,
    keys: alerts.keys,
    limiter: alerts.limiter,
    logger,
    now,
    publicUrl: config.alerts.publicUrl,
    allowedCountryCodes: config.alerts.allowedCountryCodes,
  });
  const staff = createStaff({
    db,
    config: config.staff,
    keys: alerts.keys,
    limiter: alerts.limiter,
    logger,
    now,
    publicUrl: config.alerts.publicUrl,
    insights: { counter: insights, config: config.insights, random: () => randomInt(2 ** 47) / 2 ** 47 },
  });
  alerts.addMaintenance(callbacks.maintenance);
  alerts.addMaintenance(staff.maintenance);
  const api =
    role === 'worker'
      ? undefined
      : createApp({
          db,
          config,
          logger,
          alerts,
          callbacks,
          staff,
          now,
          rootDir: options.rootDir,
          directoryCheckMs: options.directoryCheckMs,
          publishDirectory: role === 'all',
          migrations,
          metrics,
          insights: options.countInsights === false ? undefined : insights,
          limits: { limiter: alerts.limiter, rateLimitKey: (scope, value) => alerts.keys.rateLimitKey(scope, value) },
        });
  const app = api ?? createWorkerApp({ db, logger, migrations, metrics, config });
  const server = createServer(
    { requestTimeout: 30_000, headersTimeout: 15_000, keepAliveTimeout: 5_000 },
    (req, res) => {
      void app.handle(req, res);
    },
  );
  server.on('clientError', (error, socket) => app.handleClientError(error, socket));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    // Listening first, so /healthz answers while the index loads; /readyz says "loading" until it has.
    await api?.directory.current();
  } catch (error) {
    server.close();
    await api?.directory.close();
    await alerts.close();
    await db.close();
    throw error;
  }
  if (dispatches) alerts.dispatcher.start();
  // The worker role stores each directory version's index for the API instances; `all` does it as it serves.
  const publisher = role === 'worker' ? new DirectoryPublisher(db, { now, logger }) : undefined;
  publisher?.start();
  // Each import in a thread of its own: `all` answers the API on this event loop meanwhile.
  const importThreads = dispatches ? startImportThreads(db, now, config.databasePoolSize) : undefined;
  const imports = importThreads
    ? startImportQueue({ db, now, logger, run: (job) => importThreads.run(job) })
    : undefined;
  const port = (server.address() as AddressInfo).port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  const url = `http://${host}:${port}`;
  logger.info({ port, database: db.dialect, role }, 'listening');

  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      app.startClosing();
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs);
      // The dispatcher finishes the send in hand and hands the rest of its batch back; past the shutdown timeout
      // we stop waiting and the lease hands those rows to another worker (the transports drop the repeat).
      // An import still running past the timeout is stopped and left to its lease: another worker runs it again.
      await Promise.all([
        drained,
        dispatches ? within(alerts.dispatcher.stop(), config.shutdownTimeoutMs) : undefined,
        imports ? within(imports.stop(), config.shutdownTimeoutMs).then(() => importThreads?.stop()) : undefined,
      ]);
      clearTimeout(force);
      await api?.directory.close();
      await publisher?.stop();
      await alerts.close();
      await insights.close();
      await db.close();
      logger.info('stopped');
      logger.flush();
    })());
  return { url, port, server, role, app, db, close };
}

/** Waits for `work`, but no longer than `ms`. */
async function within(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/** Entry point: environment → running server, with messages meant for a person at a terminal. */
export async function run(env: NodeJS.ProcessEnv = process.env, options: StartOptions = {}): Promise<RunningServer> {
  let config: ServerConfig;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const running = await startServer(config, options);
  const database = running.db.dialect === 'sqlite' ? `SQLite at ${config.sqliteFile}` : 'PostgreSQL';
  process.stdout.write(
    running.role === 'worker'
      ? `\nreferral-kit worker is running (${database}); probes at ${running.url}/healthz and /readyz.\nPress Ctrl+C to stop.\n\n`
      : `\nreferral-kit ${running.role === 'api' ? 'API (no dispatcher: run `referral-kit worker` too)' : 'server'} is running (${database}).\n` +
          `  Open the example partner page: ${running.url}/examples/partner-basic/\n` +
          `  All examples:                  ${running.url}/examples/\n` +
          `  API reference:                 ${running.url}/v1/reference\n` +
          `Press Ctrl+C to stop.\n\n`,
  );
  let signals = 0;
  const stop = (signal: NodeJS.Signals) => {
    if (++signals > 1) process.exit(130);
    process.stderr.write(`\n${signal}: finishing requests in flight, then stopping…\n`);
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return running;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().catch((error: unknown) => {
    process.stderr.write(`Could not start the server: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
