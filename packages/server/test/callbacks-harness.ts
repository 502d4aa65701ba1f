// Test harness for callback requests and the staff console: real SQLite in a temp directory, the real pipeline
// with the alerts, callbacks and staff modules on a loopback port, a controllable clock and recording transports.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DEMO_TEAMS } from '@referral-kit/mocks';
import { createApp } from '../src/app.js';
import { migrate, openDb } from '../src/db/index.js';
import type { Db } from '../src/db/types.js';
import { createLogger } from '../src/logger.js';
import { alertsConfig, createAlerts, type AlertsModule } from '../src/alerts/index.js';
import { callbacksConfig, createCallbacks, saveTeam, type CallbacksConfig } from '../src/callbacks/index.js';
import { createStaff, staffConfig, type StaffConfig, type StaffModule } from '../src/staff/index.js';
import { RecordingTransport, START } from './alerts-harness.js';
import { createPgSchema } from './server-harness.js';
import { createInsightsCounter, type InsightsCounter } from '../src/insights/counter.js';
import { insightsConfig, type InsightsConfig } from '../src/insights/config.js';

/** The partner ids the harness counts apart. */
export const INSIGHTS_PARTNERS = ['partner-a', 'partner-b'];

/** A repeatable source of numbers in [0, 1) (mulberry32), for the reports' noise. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export { databaseBytes, RecordingTransport, START, tokenIn } from './alerts-harness.js';

export interface CallbacksHarness {
  dbFile: string;
  db: Db;
  alerts: AlertsModule;
  url: string;
  clock: { now(): Date; advance(ms: number): void };
  email: RecordingTransport;
  phone: RecordingTransport;
  staff: StaffModule;
  /** The insights counter (flushed only when a test says so). */
  insights: InsightsCounter;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** Cheap password hashes: the cost is stored with each hash, so tests lose nothing but time by lowering it. */
export const TEST_PASSWORD_COST = 2 ** 10;

export async function startCallbacksHarness(
  overrides: Partial<Parameters<typeof callbacksConfig>[0]> = {},
  staffOverrides: Partial<StaffConfig> = {},
  insightsOverrides: Partial<InsightsConfig> = {},
): Promise<CallbacksHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'rk-callbacks-'));
  const dbFile = join(dir, 'referral-kit.sqlite');
  // With TEST_DATABASE_URL the same tests run on a PostgreSQL schema of their own (dbFile then stays empty).
  const pg = process.env.TEST_DATABASE_URL ? await createPgSchema(process.env.TEST_DATABASE_URL) : undefined;
  const db = await openDb(pg ? { url: pg.url } : { file: dbFile });
  await migrate(db);
  let nowMs = START;
  const clock = { now: () => new Date(nowMs), advance: (ms: number) => void (nowMs += ms) };
  for (const team of DEMO_TEAMS) await saveTeam(db, team, clock.now());
  const logger = createLogger({ level: 'silent' });
  const email = new RecordingTransport();
  const phone = new RecordingTransport();
  const insightsSettings = insightsConfig({ partners: INSIGHTS_PARTNERS, ...insightsOverrides });
  const insights = createInsightsCounter(db, { now: clock.now, logger, partners: insightsSettings.partners });
  const alerts = createAlerts({
    insights,
    db,
    config: alertsConfig({
      secretKey: randomBytes(32),
      publicUrl: 'https://help.example.test',
      outboxFile: join(dir, 'outbox.jsonl'),
    }),
    logger,
    now: clock.now,
    transports: { email, phone },
  });
  const config: CallbacksConfig = callbacksConfig(overrides);
  const callbacks = createCallbacks({
    db,
    config,
    keys: alerts.keys,
    limiter: alerts.limiter,
    logger,
    now: clock.now,
    publicUrl: 'https://help.example.test',
    allowedCountryCodes: ['1'],
  });
  const staff = createStaff({
    db,
    config: staffConfig({ passwordCost: TEST_PASSWORD_COST, ...staffOverrides }),
    keys: alerts.keys,
    limiter: alerts.limiter,
    logger,
    now: clock.now,
    publicUrl: 'https://help.example.test',
    insights: { counter: insights, config: insightsSettings, random: seededRandom(15) },
  });
  alerts.addMaintenance(callbacks.maintenance);
  alerts.addMaintenance(staff.maintenance);
  const app = createApp({
    db,
    config: { corsOrigins: [], bodyLimitBytes: 64 * 1024, trustProxy: true, publicUrl: undefined },
    logger,
    alerts,
    callbacks,
    staff,
    now: clock.now,
    insights,
  });
  const server: Server = createServer((req, res) => void app.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    dbFile,
    db,
    alerts,
    url,
    clock,
    email,
    phone,
    staff,
    insights,
    post: (path, body, headers = {}) =>
      fetch(url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    async close() {
      await alerts.dispatcher.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
      await pg?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A callback request body with sensible defaults. */
export function callbackBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    topic: 'custody-status',
    channel: 'text',
    contact: '(713) 555-0142',
    windows: ['morning', 'evening'],
    timeZone: 'America/Chicago',
    leaveMessage: false,
    language: 'es',
    region: { state: 'TX' },
    ...overrides,
  };
}
