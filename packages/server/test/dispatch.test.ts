// A dispatcher killed between "sent" and "marked" (SIGKILL in a child process, mid-batch), then a new one on the
// same SQLite file: every message arrives, none twice. The design is at-least-once hand-over plus an idempotency
// key per outbox row (its id) that the transport uses to drop the repeat: effectively once per (subscription, event).
import { describe, it, before, after } from 'node:test';
import type { AlertEvent } from '@referral-kit/sdk';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../src/logger.js';
import { createAlerts, enqueueStatusChange } from '../src/alerts/index.js';
import { FileTransport, readOutboxFile } from '../src/notify/transports/file.js';
import type { OutgoingMessage } from '../src/notify/transports/types.js';
import { START, startHarness, subscribeAndConfirm, subscription, type Harness } from './alerts-harness.js';
import { HOUR, fromStart } from './clock.js';

const CHILD = fileURLToPath(new URL('./dispatch-crash-child.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const SUBSCRIBERS = 10;
const CRASH_AFTER = 4;

function runChild(
  h: Harness,
  outboxFile: string,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--conditions=source',
        '--import',
        'tsx',
        CHILD,
        h.dbFile,
        outboxFile,
        String(CRASH_AFTER),
        new Date(START).toISOString(),
      ],
      {
        cwd: REPO,
        env: { ...process.env, RK_TEST_ALERTS_KEY: h.config.secretKey.toString('base64') },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe('dispatch: crash between send and mark', () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.close());

  it('a restarted dispatcher delivers the rest, and the repeat of the in-flight message is dropped', async () => {
    for (let i = 0; i < SUBSCRIBERS; i++) {
      await subscribeAndConfirm(h, subscription({ contact: `person${i}@example.org` }), `203.0.113.${i + 1}`);
    }
    const created = await h.db.transaction((tx) =>
      enqueueStatusChange(
        tx,
        {
          eventId: 'ev-1',
          recordId: 'rec-1',
          alertEvent: 'release',
          status: 'released',
          occurredAt: fromStart(-2 * HOUR),
        },
        h.clock.now(),
      ),
    );
    assert.equal(created, SUBSCRIBERS);
    const outboxFile = join(h.dir, 'delivered.jsonl');

    const child = await runChild(h, outboxFile);
    assert.equal(child.signal, 'SIGKILL', `child should have been killed mid-batch: ${child.stderr}`);
    assert.equal(readOutboxFile(outboxFile).length, CRASH_AFTER);
    const afterCrash = await h.db.query<{ status: string; n: number }>(
      "SELECT status, COUNT(*) AS n FROM alert_outbox WHERE kind = 'status' GROUP BY status ORDER BY status",
    );
    assert.deepEqual(
      afterCrash.map((r) => [r.status, Number(r.n)]),
      [
        ['pending', SUBSCRIBERS - CRASH_AFTER + 1],
        ['sent', CRASH_AFTER - 1],
      ],
    );

    const file = new FileTransport(outboxFile, h.clock.now);
    const handedOver: string[] = [];
    const counting = { send: (m: OutgoingMessage) => (handedOver.push(m.idempotencyKey), file.send(m)) };
    const restarted = createAlerts({
      db: h.db,
      config: h.config,
      logger: createLogger({ level: 'silent' }),
      now: h.clock.now,
      transports: { email: counting, phone: counting },
    });
    assert.equal(await restarted.dispatcher.runOnce(), 0, "the dead dispatcher's lease still holds its rows");

    h.clock.advance(h.config.dispatch.leaseSeconds * 1000 + 1000);
    while ((await restarted.dispatcher.runOnce()) > 0);

    const delivered = readOutboxFile(outboxFile).map((e) => e.idempotencyKey);
    const rows = await h.db.query<{ id: string; status: string; attempts: number }>(
      "SELECT id, status, attempts FROM alert_outbox WHERE kind = 'status' ORDER BY id",
    );
    assert.equal(delivered.length, SUBSCRIBERS, 'nothing delivered twice');
    assert.deepEqual(
      [...delivered].sort(),
      rows.map((r) => r.id),
      'nothing lost',
    );
    assert.ok(rows.every((r) => r.status === 'sent'));
    // The in-flight message was handed over again, with the same key, and the transport dropped the repeat.
    assert.equal(handedOver.length, SUBSCRIBERS - CRASH_AFTER + 1);
    assert.ok(handedOver.includes(delivered[CRASH_AFTER - 1]!));
    // Rows marked before the crash were never claimed again.
    const sentBeforeCrash = new Set(delivered.slice(0, CRASH_AFTER - 1));
    assert.ok(rows.filter((r) => sentBeforeCrash.has(r.id)).every((r) => r.attempts === 1));
    assert.deepEqual(new Set(readOutboxFile(outboxFile).map((e) => e.to)).size, SUBSCRIBERS);
  });
});

describe('dispatch: priorities and leases', () => {
  it('sends escape and release alerts before confirmation codes before other status alerts', async () => {
    const h = await startHarness({ dispatch: { batchSize: 1 } });
    try {
      await subscribeAndConfirm(
        h,
        subscription({ contact: 'first@example.org', events: ['release', 'transfer', 'escape'] }),
      );
      h.email.messages.length = 0;
      const change = (eventId: string, alertEvent: 'transfer' | 'escape') =>
        h.db.transaction((tx) =>
          enqueueStatusChange(
            tx,
            { eventId, recordId: 'rec-1', alertEvent, status: 'in-custody', occurredAt: fromStart(-HOUR) },
            h.clock.now(),
          ),
        );
      await change('ev-bulk', 'transfer');
      assert.equal(
        (
          await h.post('/v1/alerts/subscriptions', subscription({ contact: 'second@example.org' }), {
            'x-forwarded-for': '203.0.113.9',
          })
        ).status,
        202,
      );
      await change('ev-urgent', 'escape');
      for (let i = 0; i < 3; i++) assert.equal(await h.alerts.dispatcher.runOnce(), 1);
      assert.deepEqual(
        h.email.messages.map((m) => m.idempotencyKey.split('/')[0]!.replace(/^confirm:.*/, 'confirm')),
        ['ev-urgent', 'confirm', 'ev-bulk'],
      );
    } finally {
      await h.close();
    }
  });

  it('renews the lease while a send runs, so no other dispatcher takes the row over', async () => {
    let rivalClaimed = -1;
    let statusSends = 0;
    let rival: ReturnType<typeof createAlerts> | undefined;
    const h = await startHarness({ dispatch: { leaseSeconds: 9, sendTimeoutMs: 1000 } });
    const slow = {
      async send(message: OutgoingMessage) {
        // Only the first hand-over is slow (a rival that took the row over would hand it over again).
        if (message.kind !== 'status' || statusSends++ > 0) return;
        // The original lease has run out by the clock; the renewal (every 3 s) must have moved it on.
        h.clock.advance(10_000);
        await new Promise((r) => setTimeout(r, 3500));
        rivalClaimed = await rival!.dispatcher.runOnce();
      },
    };
    try {
      await subscribeAndConfirm(h, subscription());
      await h.db.transaction((tx) =>
        enqueueStatusChange(
          tx,
          {
            eventId: 'ev-slow',
            recordId: 'rec-1',
            alertEvent: 'release',
            status: 'released',
            occurredAt: fromStart(-HOUR),
          },
          h.clock.now(),
        ),
      );
      const worker = createAlerts({
        db: h.db,
        config: h.config,
        logger: createLogger({ level: 'silent' }),
        now: h.clock.now,
        transports: { email: slow, phone: slow },
      });
      rival = createAlerts({
        db: h.db,
        config: h.config,
        logger: createLogger({ level: 'silent' }),
        now: h.clock.now,
        transports: { email: slow, phone: slow },
      });
      assert.equal(await worker.dispatcher.runOnce(), 1);
      assert.equal(rivalClaimed, 0, 'the renewed lease kept the row');
      const [row] = await h.db.query<{ status: string; attempts: number }>(
        "SELECT status, attempts FROM alert_outbox WHERE event_id = 'ev-slow'",
      );
      assert.deepEqual({ status: row!.status, attempts: Number(row!.attempts) }, { status: 'sent', attempts: 1 });
    } finally {
      await h.close();
    }
  });
});

describe('dispatch: provider rate', () => {
  /** `count` confirmed email subscribers (a second apart, so the harness's own sends are never paced). */
  async function subscribers(h: Harness, count: number, events: AlertEvent[] = ['release']): Promise<void> {
    for (let i = 0; i < count; i++) {
      await subscribeAndConfirm(h, subscription({ contact: `rate${i}@example.org`, events }), `203.0.113.${i + 1}`);
      h.clock.advance(1000);
    }
  }

  /** One alert to every subscriber who wants `alertEvent`; the rows' ids start with `alertEvent`. */
  const queue = (h: Harness, alertEvent: 'release' | 'transfer' | 'escape') =>
    h.db.transaction((tx) =>
      enqueueStatusChange(
        tx,
        { eventId: alertEvent, recordId: 'rec-1', alertEvent, status: 'in-custody', occurredAt: fromStart(-HOUR) },
        h.clock.now(),
      ),
    );

  /** A second dispatcher on the harness's database that waits by moving the test clock; when it handed what over. */
  function pacedWorker(h: Harness) {
    const startMs = h.clock.now().getTime();
    const handedOver: { at: number; event: string }[] = [];
    const timed = {
      send: async (m: OutgoingMessage) =>
        void handedOver.push({ at: h.clock.now().getTime() - startMs, event: m.idempotencyKey.split('/')[0]! }),
    };
    const worker = createAlerts({
      db: h.db,
      config: h.config,
      logger: createLogger({ level: 'silent' }),
      now: h.clock.now,
      transports: { email: timed, phone: timed },
      sleep: async (ms) => h.clock.advance(ms),
    });
    return { worker, handedOverAt: () => handedOver.map((x) => x.at), handedOver };
  }

  const outcomes = (h: Harness) =>
    h.db
      .query<{ status: string; attempts: number }>(
        "SELECT status, attempts FROM alert_outbox WHERE kind = 'status' ORDER BY status",
      )
      .then((rows) => rows.map((r) => [r.status, Number(r.attempts)]));

  it("spaces hand-overs at the provider's rate: two per second go out 500 ms apart, in one pass", async () => {
    const h = await startHarness({ dispatch: { perSecond: { email: 2, phone: 0 } } });
    try {
      await subscribers(h, 3);
      await queue(h, 'release');
      const { worker, handedOverAt } = pacedWorker(h);
      assert.equal(await worker.dispatcher.runOnce(), 3);
      assert.deepEqual(handedOverAt(), [0, 500, 1000]);
      assert.deepEqual(await outcomes(h), [
        ['sent', 1],
        ['sent', 1],
        ['sent', 1],
      ]);
    } finally {
      await h.close();
    }
  });

  it('a paced pass takes about a second of slots, then claims again: an escape alert queued meanwhile goes next', async () => {
    const h = await startHarness({ dispatch: { perSecond: { email: 2, phone: 0 } } });
    try {
      await subscribers(h, 5, ['transfer', 'escape']);
      await queue(h, 'transfer');
      const { worker, handedOver } = pacedWorker(h);
      assert.equal(await worker.dispatcher.runOnce(), 3, 'the slots at 0, 500 and 1000 ms');
      assert.deepEqual(await outcomes(h), [
        ['pending', 0],
        ['pending', 0],
        ...Array.from({ length: 3 }, () => ['sent', 1]),
      ]);
      await queue(h, 'escape');
      // The slots at 1500 and 2000 ms, both to escape alerts, ahead of the two transfer alerts still waiting.
      assert.equal(await worker.dispatcher.runOnce(), 2);
      assert.deepEqual(handedOver.slice(3), [
        { at: 1500, event: 'escape' },
        { at: 2000, event: 'escape' },
      ]);
    } finally {
      await h.close();
    }
  });

  it('in the background, a pass cut short by the pace claims again at once, not after the poll interval', async () => {
    const h = await startHarness({ dispatch: { perSecond: { email: 2, phone: 0 }, intervalMs: 60_000 } });
    try {
      await subscribers(h, 5);
      await queue(h, 'release');
      const { worker, handedOverAt } = pacedWorker(h);
      worker.dispatcher.start();
      for (let i = 0; i < 200 && handedOverAt().length < 5; i++) await new Promise((r) => setTimeout(r, 10));
      await worker.dispatcher.stop();
      assert.deepEqual(handedOverAt(), [0, 500, 1000, 1500, 2000]);
    } finally {
      await h.close();
    }
  });

  it('hands back, with no attempt charged, what would have to wait for a slot past its lease', async () => {
    // A 9 s lease, 3.5 s sends and 5 s to mark: a send may start at most 0.5 s into the batch; the next slot is 1 s off.
    const h = await startHarness({
      dispatch: { perSecond: { email: 1, phone: 0 }, leaseSeconds: 9, sendTimeoutMs: 3500 },
    });
    try {
      await subscribers(h, 2);
      await queue(h, 'release');
      const { worker, handedOverAt } = pacedWorker(h);
      assert.equal(await worker.dispatcher.runOnce(), 1);
      assert.deepEqual(handedOverAt(), [0]);
      assert.deepEqual(await outcomes(h), [
        ['pending', 0],
        ['sent', 1],
      ]);
    } finally {
      await h.close();
    }
  });

  it('stop() wakes a send waiting for its slot and hands the rest back unsent', async () => {
    const h = await startHarness({ dispatch: { perSecond: { email: 1, phone: 0 } } });
    try {
      await subscribers(h, 3);
      await queue(h, 'release');
      let first!: () => void;
      const firstSent = new Promise<void>((resolve) => (first = resolve));
      const worker = createAlerts({
        db: h.db,
        config: h.config,
        logger: createLogger({ level: 'silent' }),
        now: h.clock.now,
        // The test clock stands still: the second send's slot is a real second away.
        transports: { email: { send: async () => first() }, phone: { send: async () => {} } },
      });
      worker.dispatcher.start();
      await firstSent;
      const stopping = performance.now();
      await worker.dispatcher.stop();
      assert.ok(performance.now() - stopping < 500, 'stop() did not wait for the slot');
      assert.deepEqual(await outcomes(h), [
        ['pending', 0],
        ['pending', 0],
        ['sent', 1],
      ]);
    } finally {
      await h.close();
    }
  });
});

describe('dispatch: concurrency per transport', () => {
  it('runs up to each transport’s number of sends at once, and a slow email relay does not hold up texts', async () => {
    const h = await startHarness({ dispatch: { concurrency: { email: 3, phone: 1 } } });
    const inFlight = { email: 0, phone: 0 };
    const most = { email: 0, phone: 0 };
    const finished: string[] = [];
    let textsDone!: () => void;
    const texts = new Promise<void>((resolve) => (textsDone = resolve));
    const lane = (provider: 'email' | 'phone', waitFor?: Promise<void>) => ({
      async send(message: OutgoingMessage) {
        most[provider] = Math.max(most[provider], ++inFlight[provider]);
        await (waitFor ?? new Promise((r) => setTimeout(r, 20)));
        inFlight[provider]--;
        finished.push(message.channel);
        if (finished.filter((c) => c === 'sms').length === 2) textsDone();
      },
    });
    try {
      for (let i = 0; i < 6; i++)
        await subscribeAndConfirm(h, subscription({ contact: `lane${i}@example.org` }), `203.0.113.${i + 1}`);
      for (let i = 0; i < 2; i++)
        await subscribeAndConfirm(
          h,
          subscription({ channel: 'sms', contact: `+1202555014${i}` }),
          `203.0.113.${i + 11}`,
        );
      await h.db.transaction((tx) =>
        enqueueStatusChange(
          tx,
          {
            eventId: 'ev-lanes',
            recordId: 'rec-1',
            alertEvent: 'release',
            status: 'released',
            occurredAt: fromStart(-HOUR),
          },
          h.clock.now(),
        ),
      );
      const worker = createAlerts({
        db: h.db,
        config: h.config,
        logger: createLogger({ level: 'silent' }),
        now: h.clock.now,
        // Every email waits until both texts are out: with one queue for both, the texts would wait behind them.
        transports: { email: lane('email', texts), phone: lane('phone') },
      });
      assert.equal(await worker.dispatcher.runOnce(), 8);
      assert.deepEqual(most, { email: 3, phone: 1 });
      assert.deepEqual(finished.slice(0, 2), ['sms', 'sms']);
      const rows = await h.db.query<{ status: string; attempts: number }>(
        "SELECT status, attempts FROM alert_outbox WHERE event_id = 'ev-lanes'",
      );
      assert.deepEqual(
        rows.map((r) => [r.status, Number(r.attempts)]),
        Array.from({ length: 8 }, () => ['sent', 1]),
      );
    } finally {
      await h.close();
    }
  });
});
