// Rate limits on PostgreSQL hold across instances: two API servers on one database count the same client together,
// and the shared table holds HMACs only, never an address. (On SQLite they stay in memory: one process.)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_IDS } from '@referral-kit/mocks';
import { PostgresRateLimiter } from '../src/alerts/rate-limiter.js';
import { hashPin } from '../src/alerts/crypto.js';
import { signPayload } from '../src/notify/signature.js';
import { systemClock } from '../src/clock.js';
import { createPgSchema, startTestServer, type TestServer } from './server-harness.js';

const PG_URL = process.env.TEST_DATABASE_URL;
const SKIP = PG_URL
  ? false
  : 'PostgreSQL tests skipped: set TEST_DATABASE_URL=postgres://user:pass@host/db to run them';
const CLIENT = '203.0.113.77';
const INBOUND_SECRET = 'inbound-test-secret-0123456789';

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
      ALERTS_INBOUND_SECRET: INBOUND_SECRET,
    };
    a = await startTestServer(env, { dir, role: 'api' });
    b = await startTestServer(env, { dir, role: 'api' });
  });
  after(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
    await a?.stop();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
    await b?.stop();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
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

  it('counts tries at a call’s PIN on every instance together', async () => {
    const at = systemClock().toISOString();
    await a.db.run(
      `INSERT INTO alert_subscriptions (id, subject_id, channel, contact_hash, contact_enc, language, events_mask, pin_hash, status, created_at, confirmed_at)
       VALUES ('sub-pin', 'rec-1', 'voice', 'hash', 'sealed', 'en', 1, $1, 'confirmed', $2, $2)`,
      [await hashPin('2468', 1024), at],
    );
    await a.db.run(
      `INSERT INTO alert_outbox (id, subscription_id, event_id, kind, status, attempts, next_attempt_at, created_at, sent_at)
       VALUES ('call-1', 'sub-pin', 'ev-pin', 'status', 'sent', 1, $1, $1, $1)`,
      [at],
    );
    const keyIn = async (s: TestServer, pin: string) => {
      const raw = JSON.stringify({ id: 'call-1', pin });
      const res = await fetch(`${s.url}/v1/alerts/inbound/voice`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-referral-signature': signPayload(INBOUND_SECRET, raw, Math.floor(systemClock().getTime() / 1000)),
        },
        body: raw,
      });
      assert.equal(res.status, 200);
      return ((await res.json()) as { acknowledged: boolean }).acknowledged;
    };
    // Five wrong tries, three on one instance and two on the other: the hourly five are used up on both.
    for (const [i, pin] of ['1111', '2222', '3333', '4444', '5555'].entries())
      assert.equal(await keyIn(i % 2 ? b : a, pin), false);
    assert.equal(await keyIn(a, '2468'), false, 'even the right PIN waits');
    const [row] = await a.db.query<{ acknowledged_at: string | null }>(
      "SELECT acknowledged_at FROM alert_outbox WHERE id = 'call-1'",
    );
    assert.equal(row?.acknowledged_at, null);
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

  it('leaves no client address and no contact in clear anywhere in the database', async () => {
    const tables = await a.db.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
    );
    assert.ok(tables.some((t) => t.name === 'rate_limit_windows'));
    const clear = [CLIENT, '198.51.100.9', '192.0.2.', 'parallel.person', 'limit1', 'limit2', 'limit3'];
    let scanned = 0;
    for (const { name } of tables) {
      const rows = await a.db.query<{ row: string }>(`SELECT t::text AS row FROM "${name}" t`);
      scanned += rows.length;
      for (const { row } of rows)
        for (const value of clear) assert.ok(!row.includes(value), `${value} in clear in ${name}`);
    }
    assert.ok(scanned > 20, 'the sign-ups and windows above were scanned');
  });
});
