// Test harness for the alerts module: a real SQLite file in a temp directory, the real HTTP pipeline from
// createApp on a loopback port, a controllable clock, a recording transport, captured logs and SQL.
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { createApp } from '../src/app.js';
import { migrate, openDb } from '../src/db/index.js';
import type { Db } from '../src/db/types.js';
import { createLogger } from '../src/logger.js';
import {
  alertsConfig,
  createAlerts,
  type AlertsConfig,
  type AlertsConfigInput,
  type AlertsModule,
  type Transports,
} from '../src/alerts/index.js';
import type { OutgoingMessage, Transport } from '../src/notify/transports/types.js';
import { signPayload } from '../src/notify/signature.js';
import { testClock, type TestClock } from './clock.js';

export { START } from './clock.js';
export const INBOUND_SECRET = 'inbound-test-secret-0123456789';

export class RecordingTransport implements Transport {
  readonly messages: OutgoingMessage[] = [];
  failWith: Error | null = null;
  async send(message: OutgoingMessage): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.messages.push(message);
  }
}

export interface Harness {
  dir: string;
  dbFile: string;
  db: Db;
  alerts: AlertsModule;
  config: AlertsConfig;
  url: string;
  clock: TestClock;
  email: RecordingTransport;
  phone: RecordingTransport;
  /** Every SQL statement the alerts module ran (whitespace-collapsed), with "BEGIN" for each transaction. */
  sql: string[];
  logs: string[];
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function startHarness(
  overrides: Partial<AlertsConfigInput> = {},
  transports: Partial<Transports> = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'rk-alerts-'));
  const dbFile = join(dir, 'referral-kit.sqlite');
  const db = await openDb({ file: dbFile });
  await migrate(db);
  const clock = testClock();
  const logs: string[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: new Writable({
      write(chunk, _enc, done) {
        logs.push(String(chunk));
        done();
      },
    }),
  });
  const sql: string[] = [];
  const email = new RecordingTransport();
  const phone = new RecordingTransport();
  const config = alertsConfig({
    secretKey: randomBytes(32),
    publicUrl: 'https://alerts.example.test',
    outboxFile: join(dir, 'outbox.jsonl'),
    inboundSecret: INBOUND_SECRET,
    ...overrides,
  });
  const alerts = createAlerts({
    db: recording(db, sql),
    config,
    logger,
    now: clock.now,
    transports: { email, phone, ...transports },
  });
  const app = createApp({
    db,
    config: { corsOrigins: [], bodyLimitBytes: 64 * 1024, trustProxy: true, publicUrl: undefined },
    logger,
    alerts,
    now: clock.now,
  });
  const server: Server = createServer((req, res) => void app.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    dir,
    dbFile,
    db,
    alerts,
    config,
    url,
    clock,
    email,
    phone,
    sql,
    logs,
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
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function recording(db: Db, log: string[]): Db {
  const wrap = (d: Db): Db => ({
    dialect: d.dialect,
    query: (sql, params) => (log.push(sql.replace(/\s+/g, ' ').trim()), d.query(sql, params)),
    run: (sql, params) => (log.push(sql.replace(/\s+/g, ' ').trim()), d.run(sql, params)),
    transaction: (fn) => (log.push('BEGIN'), d.transaction((tx) => fn(wrap(tx)))),
    close: () => d.close(),
  });
  return wrap(db);
}

/** A subscribe body with sensible defaults. */
export function subscription(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    subjectId: 'rec-1',
    channel: 'email',
    contact: 'someone@example.org',
    language: 'en',
    events: ['release'],
    ...overrides,
  };
}

/** The 6-digit code in a confirmation message (calls read it digit by digit: "1 2 3 4 5 6"). */
export function codeIn(message: OutgoingMessage | undefined): string {
  const match = /\b(\d(?: ?\d){5})\b/.exec(message?.text ?? '');
  if (!match) throw new Error('no code in message');
  return match[1]!.replace(/ /g, '');
}

export function tokenIn(text: string, path: string): string {
  const match = new RegExp(`${path.replace(/[/.]/g, '\\$&')}\\?token=([A-Za-z0-9._%-]+)`).exec(text);
  if (!match) throw new Error(`no ${path} link in message`);
  return decodeURIComponent(match[1]!);
}

/** The SQLite database file and its WAL, as one byte string, for "never stored in clear" checks. */
export function databaseBytes(dbFile: string): string {
  return [dbFile, `${dbFile}-wal`, `${dbFile}-journal`]
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f).toString('latin1'))
    .join('\n');
}

export function signedPost(h: Harness, path: string, body: unknown, secret = INBOUND_SECRET): Promise<Response> {
  const raw = JSON.stringify(body);
  return fetch(h.url + path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-referral-signature': signPayload(secret, raw, Math.floor(h.clock.now().getTime() / 1000)),
    },
    body: raw,
  });
}

/** Subscribes, dispatches, and confirms with the code from the message; returns the confirmation message. */
export async function subscribeAndConfirm(
  h: Harness,
  body: Record<string, unknown>,
  ip = '203.0.113.1',
): Promise<OutgoingMessage> {
  const res = await h.post('/v1/alerts/subscriptions', body, { 'x-forwarded-for': ip });
  if (res.status !== 202) throw new Error(`subscribe answered ${res.status}: ${await res.text()}`);
  const { confirmationId } = (await res.json()) as { confirmationId: string };
  await h.alerts.dispatcher.runOnce();
  const transport = body.channel === 'email' || body.channel === undefined ? h.email : h.phone;
  const message = transport.messages.at(-1)!;
  const confirmed = await h.post(
    '/v1/alerts/confirm',
    { confirmationId, code: codeIn(message) },
    { 'x-forwarded-for': ip },
  );
  if (confirmed.status !== 200) throw new Error(`confirm answered ${confirmed.status}: ${await confirmed.text()}`);
  return message;
}
