// Roles and probes: `serve` answers the API without dispatching, `worker` dispatches behind probes only, /readyz
// names what is missing, and SIGTERM drains requests and leased messages before the process exits 0.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURE_IDS } from '@referral-kit/mocks';
import { createApp } from '../src/app.js';
import { createLogger } from '../src/logger.js';
import { createPgSchema, json, startTestServer } from './server-harness.js';
import { testClock } from './clock.js';

const BIN = fileURLToPath(new URL('../bin/referral-kit.mjs', import.meta.url));
const GATEWAY_SECRET = 'gateway-secret-0123456789';

function subscribeBody(contact: string, channel = 'email'): string {
  return JSON.stringify({ subjectId: FIXTURE_IDS.custody.released, channel, contact, language: 'en', events: ['release'] });
}

function post(url: string, body: string, ip: string): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body });
}

/** One database for several processes: a fresh PostgreSQL schema when the tests run on PostgreSQL, else the SQLite file in DATA_DIR. */
async function sharedDatabase(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return { env: {}, drop: async () => {} };
  const schema = await createPgSchema(base);
  return { env: { DATABASE_URL: schema.url }, drop: schema.drop };
}

/** Starts `referral-kit <role>` and resolves with its URL once it prints it. */
async function spawnRole(role: 'serve' | 'worker', env: Record<string, string>): Promise<{ child: ChildProcess; url: string; exit: Promise<[number | null, NodeJS.Signals | null]> }> {
  const child = spawn(process.execPath, [BIN, role], { env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exit = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exit.then(() => reject(new Error(`referral-kit ${role} exited early:\n${output}`)));
  });
  return { child, url, exit };
}

describe('readiness', () => {
  it('names a missing migration, in the API error shape', async () => {
    const s = await startTestServer();
    try {
      assert.equal((await s.get('/readyz')).status, 200);
      const [last] = await s.db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name DESC LIMIT 1');
      await s.db.run('DELETE FROM schema_migrations WHERE name = $1', [last!.name]);
      const ready = await s.get('/readyz');
      assert.equal(ready.status, 503);
      const body = await json(ready);
      assert.equal(body.error.code, 'unavailable');
      assert.match(body.error.message, /migrations/);
      assert.deepEqual(body.error.fields, []);
      assert.equal(typeof body.error.requestId, 'string');
    } finally {
      await s.stop();
    }
  });

  it('is not ready until the search index has loaded', async () => {
    const s = await startTestServer();
    const app = createApp({
      db: s.db, config: { corsOrigins: [], bodyLimitBytes: 1024, trustProxy: false, publicUrl: undefined },
      logger: createLogger({ level: 'silent' }), now: testClock().now,
    });
    const server = createServer((req, res) => void app.handle(req, res));
    try {
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/readyz`;
      const loading = await fetch(url);
      assert.equal(loading.status, 503);
      assert.match((await json(loading)).error.message, /search index/);
      await app.directory.current();
      assert.equal((await fetch(url)).status, 200);
    } finally {
      server.close();
      await s.stop();
    }
  });
});

describe('roles', () => {
  it('a worker answers its probes and nothing else, and dispatches what the API queued', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rk-roles-'));
    const db = await sharedDatabase();
    const api = await startTestServer({ TRUST_PROXY: 'true', ...db.env }, { dir, role: 'api' });
    let worker: Awaited<ReturnType<typeof startTestServer>> | undefined;
    try {
      assert.equal((await post(`${api.url}/v1/alerts/subscriptions`, subscribeBody('api.only@example.org'), '198.51.100.1')).status, 202);
      await api.app.directory!.current();
      const pending = () => api.db.query<{ status: string }>("SELECT status FROM alert_outbox WHERE kind = 'confirmation'");
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual((await pending()).map((r) => r.status), ['pending'], 'the API role does not dispatch');

      worker = await startTestServer({ ALERTS_DISPATCH_INTERVAL_MS: '50', ...db.env }, { dir, role: 'worker' });
      assert.equal((await worker.get('/healthz')).status, 200);
      assert.equal((await worker.get('/readyz')).status, 200);
      const refused = await worker.get('/v1/services');
      assert.equal(refused.status, 503);
      assert.equal((await json(refused)).error.code, 'unavailable', 'the API is not enabled on a worker');
      assert.equal((await worker.get('/examples/')).status, 404);
      for (let i = 0; i < 100 && (await pending())[0]?.status !== 'sent'; i++) await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual((await pending()).map((r) => r.status), ['sent'], 'the worker dispatched it');
    } finally {
      await worker?.stop();
      await api.stop();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SIGTERM', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'rk-sigterm-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('`referral-kit serve` finishes the request in flight, then exits 0', async () => {
    const { child, url, exit } = await spawnRole('serve', { DATA_DIR: join(dir, 'serve') });
    const body = subscribeBody('in.flight@example.org');
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(`${url}/v1/alerts/subscriptions`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.write(body.slice(0, 20));
      // The server holds the half-read request; stop it, then send the rest.
      setTimeout(() => {
        child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(20)), 300);
      }, 300);
    });
    const result = await answer;
    assert.equal(result.status, 202, result.text);
    const [code, signal] = await exit;
    assert.deepEqual({ code, signal }, { code: 0, signal: null });
  });

  it('`referral-kit worker` finishes the send in hand, hands the rest of its batch back, then exits 0', async () => {
    const data = join(dir, 'worker');
    const received: string[] = [];
    let arrived!: () => void;
    const first = new Promise<void>((resolve) => (arrived = resolve));
    const gateway: Server = createServer((req, res) => {
      req.resume();
      received.push(String(req.headers['idempotency-key']));
      arrived();
      setTimeout(() => res.end('{}'), 1500);
    });
    gateway.listen(0, '127.0.0.1');
    await once(gateway, 'listening');
    const db = await sharedDatabase();
    const env = {
      ...db.env,
      TRUST_PROXY: 'true', ALERTS_PHONE_TRANSPORT: 'webhook', ALERTS_GATEWAY_SECRET: GATEWAY_SECRET,
      ALERTS_GATEWAY_URL: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`,
    };
    const api = await startTestServer(env, { dir: data, role: 'api' });
    try {
      for (let i = 0; i < 3; i++) {
        const res = await post(`${api.url}/v1/alerts/subscriptions`, subscribeBody(`+1 713 555 01${10 + i}`, 'sms'), `198.51.100.${i + 1}`);
        assert.equal(res.status, 202, await res.text());
      }
      const worker = await spawnRole('worker', { ...env, DATA_DIR: data, ALERTS_DISPATCH_INTERVAL_MS: '50' });
      await first;
      worker.child.kill('SIGTERM');
      const [code, signal] = await worker.exit;
      assert.deepEqual({ code, signal }, { code: 0, signal: null });
      assert.equal(received.length, 1, 'no send started after SIGTERM');
      const rows = await api.db.query<{ id: string; status: string; lease_owner: string | null; attempts: number }>(
        "SELECT id, status, lease_owner, attempts FROM alert_outbox WHERE kind = 'confirmation' ORDER BY status, id",
      );
      assert.deepEqual(rows.map((r) => r.status), ['pending', 'pending', 'sent']);
      assert.equal(rows.find((r) => r.status === 'sent')!.id, received[0], 'the send in hand was recorded');
      for (const row of rows.filter((r) => r.status === 'pending')) {
        assert.deepEqual({ lease: row.lease_owner, attempts: Number(row.attempts) }, { lease: null, attempts: 0 }, 'handed back, free for the next worker');
      }
    } finally {
      await api.stop();
      await db.drop();
      gateway.close();
    }
  });
});
