// Roles and probes: `serve` answers the API without dispatching, `worker` dispatches behind probes only, and /readyz
// names what is missing (SIGTERM: sigterm.test.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.js';
import { createLogger } from '../src/logger.js';
import type { Db } from '../src/db/types.js';
import { json, post, sharedDatabase, startTestServer, subscribeBody } from './server-harness.js';
import { testClock } from './clock.js';
import type { ErrorBody } from '@referral-kit/sdk';

describe('readiness', () => {
  it('names a missing migration, in the API error shape', async () => {
    const s = await startTestServer();
    try {
      assert.equal((await s.get('/readyz')).status, 200);
      const [last] = await s.db.query<{ name: string }>(
        'SELECT name FROM schema_migrations ORDER BY name DESC LIMIT 1',
      );
      await s.db.run('DELETE FROM schema_migrations WHERE name = $1', [last!.name]);
      const ready = await s.get('/readyz');
      assert.equal(ready.status, 503);
      const body = await json<ErrorBody>(ready);
      assert.equal(body.error.code, 'unavailable');
      assert.match(body.error.message, /migrations/);
      assert.deepEqual(body.error.fields, []);
      assert.equal(typeof body.error.requestId, 'string');
    } finally {
      await s.stop();
    }
  });

  it('is not ready while the database hangs, and says so within its 2 s', async () => {
    const s = await startTestServer();
    let hanging = false;
    const db: Db = {
      dialect: s.db.dialect,
      query: (sql, params) => (hanging ? new Promise(() => {}) : s.db.query(sql, params)),
      run: (sql, params) => s.db.run(sql, params),
      transaction: (fn) => s.db.transaction(fn),
      close: () => s.db.close(),
    };
    const app = createApp({
      db,
      config: { corsOrigins: [], bodyLimitBytes: 1024, trustProxy: false, publicUrl: undefined },
      logger: createLogger({ level: 'silent' }),
      now: testClock().now,
    });
    const server = createServer((req, res) => void app.handle(req, res));
    try {
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      await app.directory.current();
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/readyz`;
      assert.equal((await fetch(url)).status, 200);
      hanging = true;
      const asked = performance.now();
      const down = await fetch(url);
      assert.equal(down.status, 503);
      assert.match((await json<ErrorBody>(down)).error.message, /database does not answer/);
      assert.ok(performance.now() - asked < 4000);
      assert.equal(
        (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`)).status,
        200,
        'still alive',
      );
    } finally {
      server.close();
      await s.stop();
    }
  });

  it('is not ready until the search index has loaded', async () => {
    const s = await startTestServer();
    const app = createApp({
      db: s.db,
      config: { corsOrigins: [], bodyLimitBytes: 1024, trustProxy: false, publicUrl: undefined },
      logger: createLogger({ level: 'silent' }),
      now: testClock().now,
    });
    const server = createServer((req, res) => void app.handle(req, res));
    try {
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/readyz`;
      const loading = await fetch(url);
      assert.equal(loading.status, 503);
      assert.match((await json<ErrorBody>(loading)).error.message, /search index/);
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
      assert.equal(
        (await post(`${api.url}/v1/alerts/subscriptions`, subscribeBody('api.only@example.org'), '198.51.100.1'))
          .status,
        202,
      );
      await api.app.directory!.current();
      const pending = () =>
        api.db.query<{ status: string }>("SELECT status FROM alert_outbox WHERE kind = 'confirmation'");
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual(
        (await pending()).map((r) => r.status),
        ['pending'],
        'the API role does not dispatch',
      );

      worker = await startTestServer({ ALERTS_DISPATCH_INTERVAL_MS: '50', ...db.env }, { dir, role: 'worker' });
      assert.equal((await worker.get('/healthz')).status, 200);
      assert.equal((await worker.get('/readyz')).status, 200);
      const refused = await worker.get('/v1/services');
      assert.equal(refused.status, 503);
      assert.equal((await json<ErrorBody>(refused)).error.code, 'unavailable', 'the API is not enabled on a worker');
      assert.equal((await worker.get('/examples/')).status, 404);
      for (let i = 0; i < 100 && (await pending())[0]?.status !== 'sent'; i++)
        await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(
        (await pending()).map((r) => r.status),
        ['sent'],
        'the worker dispatched it',
      );
    } finally {
      await worker?.stop();
      await api.stop();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
