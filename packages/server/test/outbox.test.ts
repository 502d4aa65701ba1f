// The outbox: set-based fan-out in the caller's transaction, and the dispatcher's retries, backoff, give-up,
// skips and leases (two dispatchers never send the same row at the same time).
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger } from '../src/logger.js';
import { createAlerts, enqueueStatusChange } from '../src/alerts/index.js';
import { DONE_MESSAGE_KEEP_MS, purgeExpired } from '../src/alerts/retention.js';
import { PermanentDeliveryError, type OutgoingMessage, type Transport } from '../src/notify/transports/types.js';
import type { Db } from '../src/db/types.js';
import { START, signedPost, startHarness, subscribeAndConfirm, subscription, type Harness } from './alerts-harness.js';
import { HOUR, fromStart } from './clock.js';

let h: Harness;

async function insertSubscription(
  db: Db,
  id: string,
  subjectId: string,
  status: string,
  eventsMask: number,
): Promise<void> {
  await db.run(
    `INSERT INTO alert_subscriptions (id, subject_id, channel, contact_hash, contact_enc, language, events_mask, status, created_at)
     VALUES ($1, $2, 'email', $3, 'v1.x', 'en', $4, $5, $6)`,
    [id, subjectId, `hash-${id}`, eventsMask, status, fromStart(-10 * HOUR)],
  );
}

const release = (eventId: string, recordId = 'rec-1') => ({
  eventId,
  recordId,
  alertEvent: 'release' as const,
  status: 'released' as const,
  occurredAt: fromStart(-2 * HOUR),
});

async function outbox(): Promise<
  { id: string; status: string; attempts: number; next_attempt_at: string; last_error: string | null }[]
> {
  return h.db.query(
    "SELECT id, status, attempts, next_attempt_at, last_error FROM alert_outbox WHERE kind = 'status' ORDER BY id",
  );
}

describe('outbox: enqueueStatusChange', () => {
  beforeEach(async () => (h = await startHarness()));
  afterEach(async () => h.close());

  it('creates one row per confirmed subscription that wants the event, once', async () => {
    await insertSubscription(h.db, 'a', 'rec-1', 'confirmed', 1); // release
    await insertSubscription(h.db, 'b', 'rec-1', 'confirmed', 1 | 4); // release + escape
    await insertSubscription(h.db, 'c', 'rec-1', 'confirmed', 4); // escape only
    await insertSubscription(h.db, 'd', 'rec-1', 'pending', 31);
    await insertSubscription(h.db, 'e', 'rec-1', 'unsubscribed', 31);
    await insertSubscription(h.db, 'f', 'rec-2', 'confirmed', 31);

    assert.equal(await h.db.transaction((tx) => enqueueStatusChange(tx, release('ev-1'), h.clock.now())), 2);
    assert.deepEqual(
      (await outbox()).map((r) => r.id),
      ['ev-1/a', 'ev-1/b'],
    );
    assert.equal(
      await h.db.transaction((tx) => enqueueStatusChange(tx, release('ev-1'), h.clock.now())),
      0,
      're-running an event adds nothing',
    );
    assert.equal(
      await h.db.transaction((tx) =>
        enqueueStatusChange(tx, { ...release('ev-2'), alertEvent: 'escape' }, h.clock.now()),
      ),
      2,
    );
    assert.deepEqual(
      (await outbox()).map((r) => r.id),
      ['ev-1/a', 'ev-1/b', 'ev-2/b', 'ev-2/c'],
    );
  });

  it('belongs to the caller transaction: a rollback leaves no row', async () => {
    await insertSubscription(h.db, 'a', 'rec-1', 'confirmed', 1);
    await assert.rejects(
      h.db.transaction(async (tx) => {
        assert.equal(await enqueueStatusChange(tx, release('ev-1'), h.clock.now()), 1);
        throw new Error('import failed later');
      }),
      /import failed later/,
    );
    assert.deepEqual(await outbox(), []);
  });
});

describe('outbox: dispatcher', () => {
  beforeEach(async () => (h = await startHarness()));
  afterEach(async () => h.close());

  it('retries a transient failure with backoff, then delivers once', async () => {
    await subscribeAndConfirm(h, subscription());
    await h.db.transaction((tx) => enqueueStatusChange(tx, release('ev-1'), h.clock.now()));
    const sent = h.email.messages.length;
    h.email.failWith = new Error('connection reset');
    assert.equal(await h.alerts.dispatcher.runOnce(), 1);
    let [row] = await outbox();
    assert.equal(row!.status, 'pending');
    assert.equal(row!.attempts, 1);
    assert.equal(row!.last_error, 'transient');
    assert.equal(row!.next_attempt_at, new Date(START + 30_000).toISOString());

    h.email.failWith = null;
    assert.equal(await h.alerts.dispatcher.runOnce(), 0, 'not due yet');
    h.clock.advance(30_000);
    assert.equal(await h.alerts.dispatcher.runOnce(), 1);
    assert.equal(await h.alerts.dispatcher.runOnce(), 0);
    [row] = await outbox();
    assert.equal(row!.status, 'sent');
    assert.equal(row!.attempts, 2);
    assert.equal(h.email.messages.length - sent, 1);
    assert.ok(!h.logs.join('').includes('someone@example.org'), 'failures are logged without the contact');
  });

  it('reads a batch’s subscriptions in one query, and hands the batch back unsent when that read fails', async () => {
    for (const n of [1, 2, 3])
      await subscribeAndConfirm(h, subscription({ contact: `person${n}@example.org` }), `203.0.113.${n}`);
    await h.db.transaction((tx) => enqueueStatusChange(tx, release('ev-1'), h.clock.now()));
    const sent = h.email.messages.length;

    await h.db.run('ALTER TABLE alert_subscriptions RENAME TO alert_subscriptions_away');
    await assert.rejects(h.alerts.dispatcher.runOnce());
    await h.db.run('ALTER TABLE alert_subscriptions_away RENAME TO alert_subscriptions');
    assert.deepEqual(
      (await outbox()).map((r) => [r.status, r.attempts]),
      [
        ['pending', 0],
        ['pending', 0],
        ['pending', 0],
      ],
      'handed back, the attempt not counted',
    );

    h.sql.length = 0;
    assert.equal(await h.alerts.dispatcher.runOnce(), 3);
    assert.equal(h.email.messages.length - sent, 3);
    assert.equal(h.sql.filter((sql) => /FROM alert_subscriptions WHERE id/.test(sql)).length, 1);
  });

  it('gives up at once on a permanent failure, and after the last attempt on transient ones', async () => {
    await subscribeAndConfirm(h, subscription());
    await h.db.transaction((tx) => enqueueStatusChange(tx, release('ev-1'), h.clock.now()));
    h.email.failWith = new PermanentDeliveryError('smtp_550');
    await h.alerts.dispatcher.runOnce();
    assert.deepEqual(
      (await outbox()).map((r) => [r.status, r.last_error]),
      [['failed', 'smtp_550']],
    );

    await h.db.transaction((tx) => enqueueStatusChange(tx, release('ev-2'), h.clock.now()));
    h.email.failWith = new Error('timeout');
    for (let i = 0; i < h.config.dispatch.maxAttempts; i++) {
      await h.alerts.dispatcher.runOnce();
      h.clock.advance(h.config.dispatch.retryCapSeconds * 1000);
    }
    const last = (await outbox()).find((r) => r.id.startsWith('ev-2/'))!;
    assert.equal(last.status, 'failed');
    assert.equal(last.attempts, h.config.dispatch.maxAttempts);
  });

  it('a row leased by one dispatcher is not sent by another until the lease expires', async () => {
    await subscribeAndConfirm(h, subscription());
    await h.db.transaction((tx) => enqueueStatusChange(tx, release('ev-1'), h.clock.now()));
    let release1!: () => void;
    const gate = new Promise<void>((r) => (release1 = r));
    const seen: string[] = [];
    const slow: Transport = {
      async send(m: OutgoingMessage) {
        seen.push(`A:${m.idempotencyKey}`);
        await gate;
      },
    };
    const other: Transport = {
      async send(m: OutgoingMessage) {
        seen.push(`B:${m.idempotencyKey}`);
      },
    };
    const logger = createLogger({ level: 'silent' });
    const a = createAlerts({ db: h.db, config: h.config, logger, now: h.clock.now, transports: { email: slow } });
    const b = createAlerts({ db: h.db, config: h.config, logger, now: h.clock.now, transports: { email: other } });

    const running = a.dispatcher.runOnce();
    while (seen.length === 0) await new Promise((r) => setTimeout(r, 5));
    assert.equal(await b.dispatcher.runOnce(), 0, 'B sees the row leased');
    release1();
    assert.equal(await running, 1);
    h.clock.advance(h.config.dispatch.leaseSeconds * 1000 + 1000);
    assert.equal(await b.dispatcher.runOnce(), 0, 'and once sent it is never claimed again');
    assert.deepEqual(seen, [
      'A:ev-1/' + (await h.db.query<{ id: string }>('SELECT id FROM alert_subscriptions'))[0]!.id,
    ]);
  });

  it('no send outlives its lease: with a slow transport and two dispatchers, each message is delivered once', async () => {
    for (let i = 0; i < 5; i++)
      await subscribeAndConfirm(h, subscription({ contact: `reader${i}@example.org` }), `203.0.113.${i + 1}`);
    await h.db.transaction((tx) => enqueueStatusChange(tx, release('ev-1'), h.clock.now()));
    // Each send takes 90 s of the 100 s send timeout; the lease is 300 s, so one lease covers three sends, not five.
    const config = { ...h.config, dispatch: { ...h.config.dispatch, leaseSeconds: 300, sendTimeoutMs: 100_000 } };
    const logger = createLogger({ level: 'silent' });
    const delivered: string[] = [];
    const fast: Transport = {
      async send(m: OutgoingMessage) {
        delivered.push(m.idempotencyKey);
      },
    };
    const b = createAlerts({ db: h.db, config, logger, now: h.clock.now, transports: { email: fast } });
    const slow: Transport = {
      async send(m: OutgoingMessage) {
        h.clock.advance(90_000);
        // The other dispatcher polls while this send is still on the wire.
        await b.dispatcher.runOnce();
        delivered.push(m.idempotencyKey);
      },
    };
    const a = createAlerts({ db: h.db, config, logger, now: h.clock.now, transports: { email: slow } });

    const passes = [await a.dispatcher.runOnce(), await b.dispatcher.runOnce(), await a.dispatcher.runOnce()];
    const keys = (await outbox()).map((r) => r.id);
    assert.equal(keys.length, 5);
    assert.deepEqual([...delivered].sort(), [...keys].sort(), 'every message exactly once');
    assert.deepEqual(passes, [3, 2, 0], 'A sends what its lease covers and hands the rest back; B takes it at once');
    assert.deepEqual(
      (await outbox()).map((r) => [r.status, r.attempts]),
      keys.map(() => ['sent', 1]),
      'a handed-back row was not charged an attempt',
    );
  });

  it('start() delivers in the background and stop() waits for the pass in progress', async () => {
    await subscribeAndConfirm(h, subscription());
    await h.db.transaction((tx) => enqueueStatusChange(tx, release('ev-1'), h.clock.now()));
    const before = h.email.messages.length;
    h.alerts.dispatcher.start();
    for (let i = 0; i < 200 && h.email.messages.length === before; i++) await new Promise((r) => setTimeout(r, 10));
    await h.alerts.dispatcher.stop();
    assert.equal(h.email.messages.length, before + 1);
    assert.equal((await outbox())[0]!.status, 'sent');
  });

  it('does not send a confirmation code that has already expired', async () => {
    await h.post('/v1/alerts/subscriptions', subscription(), { 'x-forwarded-for': '192.0.2.1' });
    h.clock.advance(h.config.confirmation.ttlSeconds * 1000);
    assert.equal(await h.alerts.dispatcher.runOnce(), 1);
    assert.equal(h.email.messages.length, 0);
    const [row] = await h.db.query<{ status: string }>('SELECT status FROM alert_outbox');
    assert.equal(row!.status, 'skipped');
  });

  it('purges expired confirmations, old idempotency keys, never-confirmed requests and old webhook replay keys', async () => {
    await h.post('/v1/alerts/subscriptions', subscription(), {
      'x-forwarded-for': '192.0.2.1',
      'idempotency-key': 'purge-key-1',
    });
    await h.alerts.dispatcher.runOnce();
    await signedPost(h, '/v1/alerts/inbound/sms', { from: '+12025550143', text: 'HELP' });
    const counts = async () =>
      Promise.all(
        ['alert_subscriptions', 'alert_confirmations', 'alert_idempotency', 'alert_outbox', 'telephony_replays'].map(
          async (t) => Number((await h.db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t}`))[0]!.n),
        ),
      );
    assert.deepEqual(await counts(), [1, 1, 1, 1, 1]);
    h.clock.advance(8 * 24 * 3600_000);
    h.alerts.dispatcher.start();
    for (let i = 0; i < 200 && (await counts())[0] !== 0; i++) await new Promise((r) => setTimeout(r, 10));
    await h.alerts.dispatcher.stop();
    assert.deepEqual(await counts(), [0, 0, 0, 0, 0]);
  });

  it('purges messages once done with: sent codes after two days, alerts and ready-made messages after 30, pending never', async () => {
    await subscribeAndConfirm(h, subscription());
    await h.db.transaction((tx) => enqueueStatusChange(tx, release('ev-sent'), h.clock.now()));
    assert.equal(await h.alerts.dispatcher.runOnce(), 1);
    h.email.failWith = new PermanentDeliveryError('mailbox gone');
    await h.db.transaction((tx) => enqueueStatusChange(tx, release('ev-failed'), h.clock.now()));
    assert.equal(await h.alerts.dispatcher.runOnce(), 1);
    await h.db.transaction((tx) => enqueueStatusChange(tx, release('ev-pending'), h.clock.now()));
    await h.db.run(
      `INSERT INTO notify_messages (id, kind, status, attempts, next_attempt_at, created_at, sent_at)
       VALUES ('note-1', 'staff-urgent', 'sent', 1, $1, $1, $1)`,
      [h.clock.now().toISOString()],
    );
    const left = async () => ({
      outbox: (
        await h.db.query<{ row: string }>("SELECT kind || ':' || status AS row FROM alert_outbox ORDER BY kind, status")
      ).map((r) => r.row),
      messages: (await h.db.query('SELECT id FROM notify_messages')).length,
      subscriptions: (await h.db.query("SELECT id FROM alert_subscriptions WHERE status = 'confirmed'")).length,
    });
    const purgeAfter = async (ms: number) => {
      h.clock.advance(ms);
      await purgeExpired(h.db, h.config, h.clock.now());
      return left();
    };
    const all = ['confirmation:sent', 'status:failed', 'status:pending', 'status:sent'];
    assert.deepEqual(await left(), { outbox: all, messages: 1, subscriptions: 1 });
    assert.deepEqual(await purgeAfter(2 * 24 * HOUR + 1), { outbox: all.slice(1), messages: 1, subscriptions: 1 });
    assert.deepEqual(await purgeAfter(DONE_MESSAGE_KEEP_MS - 2 * 24 * HOUR - 2), {
      outbox: all.slice(1),
      messages: 1,
      subscriptions: 1,
    });
    assert.deepEqual(await purgeAfter(2), { outbox: ['status:pending'], messages: 0, subscriptions: 1 });
  });
});
