// Rate limits on PostgreSQL hold across instances: two API servers on one database count the same client together,
// and the shared table holds HMACs only, never an address. (On SQLite they stay in memory: one process.)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_IDS } from '@referral-kit/mocks';
import { PostgresRateLimiter } from '../src/alerts/rate-limiter.js';
import { createPgSchema, startTestServer, type TestServer } from './server-harness.js';

const PG_URL = process.env.TEST_DATABASE_URL;
const SKIP = PG_URL
  ? false
  : 'PostgreSQL tests skipped: set TEST_DATABASE_URL=postgres://user:pass@host/db to run them';
const CLIENT = '203.0.113.77';

describe('rate limits shared through PostgreSQL', { skip: SKIP }, () => {
  let dir: string;
  let schema: Awaited<ReturnType<typeof createPgSchema>>;
  let a: TestServer;
  let b: TestServer;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rk-limits-'));
    schema = await createPgSchema(PG_URL!);
    // One DATA_DIR: the same demo secret, as every instance of one deployment shares ALERTS_SECRET_KEY.
    const env = {
      DATABASE_URL: schema.url,
      TRUST_PROXY: 'true',
      CUSTODY_LOOKUPS_PER_MINUTE: '3',
      ALERTS_SUBSCRIBE_PER_IP_PER_HOUR: '2',
      ALERTS_SUBSCRIBE_PER_CONTACT_PER_DAY: '3',
    };
    a = await startTestServer(env, { dir, role: 'api' });
    b = await startTestServer(env, { dir, role: 'api' });
  });
  after(async () => {
    await a?.stop();
    await b?.stop();
    await schema?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts custody lookups from one client on every instance together', async () => {
    const lookup = (s: TestServer, ip = CLIENT) => s.get('/v1/custody?name=smith', { 'x-forwarded-for': ip });
    assert.deepEqual([(await lookup(a)).status, (await lookup(b)).status, (await lookup(a)).status], [200, 200, 200]);
    const limited = await lookup(b);
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.equal((await lookup(a)).status, 429);
    assert.equal((await lookup(b, '198.51.100.9')).status, 200, 'another client has its own window');
  });

  it('counts sign-ups per address on every instance together', async () => {
    const subscribe = (s: TestServer, i: number) =>
      fetch(`${s.url}/v1/alerts/subscriptions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': CLIENT },
        body: JSON.stringify({
          subjectId: FIXTURE_IDS.custody.released,
          channel: 'email',
          contact: `limit${i}@example.org`,
          language: 'en',
          events: ['release'],
        }),
      });
    assert.deepEqual(
      [(await subscribe(a, 1)).status, (await subscribe(b, 2)).status, (await subscribe(a, 3)).status],
      [202, 202, 429],
    );
  });

  it('holds the per-contact daily limit when sign-ups for one contact arrive in parallel on both instances', async () => {
    const count = async () =>
      Number((await a.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM alert_confirmations'))[0]!.n);
    const before = await count();
    const statuses = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        fetch(`${(i % 2 ? a : b).url}/v1/alerts/subscriptions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `192.0.2.${i + 1}` },
          body: JSON.stringify({
            subjectId: FIXTURE_IDS.custody.released,
            channel: 'email',
            contact: 'parallel.person@example.org',
            language: 'en',
            events: ['release'],
          }),
        }).then((r) => r.status),
      ),
    );
    assert.equal(statuses.filter((s) => s === 202).length, 3, statuses.join(' '));
    assert.equal(statuses.filter((s) => s === 429).length, 13);
    assert.equal((await count()) - before, 3, 'three confirmations written, no more');
  });

  it('keeps only HMACs in an UNLOGGED table, and purge() forgets ended windows', async () => {
    const rows = await a.db.query<{ key: string; window_start_ms: number }>(
      'SELECT key, window_start_ms FROM rate_limit_windows',
    );
    assert.ok(rows.length >= 3);
    for (const { key } of rows) {
      assert.match(key, /^[A-Za-z0-9_-]{43}$/, 'a base64url HMAC-SHA256');
      assert.ok(!key.includes('203') && !key.includes('198.51'), 'no address');
    }
    const [table] = await a.db.query<{ persistence: string }>(
      "SELECT relpersistence AS persistence FROM pg_class WHERE relname = 'rate_limit_windows' AND relnamespace = to_regnamespace(current_schema())",
    );
    assert.equal(table?.persistence, 'u', 'UNLOGGED: never in the WAL or a replica');
    const latest = Math.max(...rows.map((r) => Number(r.window_start_ms)));
    const limiter = new PostgresRateLimiter(a.db);
    await limiter.purge(latest + 60_000);
    assert.ok(
      (await a.db.query('SELECT key FROM rate_limit_windows')).length > 0,
      'the hour-long sign-up windows are still open',
    );
    await limiter.purge(latest + 3600_000);
    assert.deepEqual(await a.db.query('SELECT key FROM rate_limit_windows'), []);
  });
});
