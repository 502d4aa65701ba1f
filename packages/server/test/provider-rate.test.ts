// A provider's rate holds across workers: slots 1/rate apart, reserved in memory (one worker on SQLite) or in one
// shared PostgreSQL row, so three dispatchers together never hand over more than the rate in any second.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { migrate, openDb } from '../src/db/index.js';
import type { Db } from '../src/db/types.js';
import { alertsConfig, createAlerts } from '../src/alerts/index.js';
import { createLogger } from '../src/logger.js';
import { systemClock } from '../src/clock.js';
import { MemoryPacer, PostgresPacer, type Pacer } from '../src/notify/pace.js';
import type { OutgoingMessage } from '../src/notify/transports/types.js';
import { createPgSchema } from './server-harness.js';
import { queueReleaseAlerts } from './dispatch-cluster-config.js';
import { START } from './clock.js';

const PG_URL = process.env.TEST_DATABASE_URL;
const SKIP = PG_URL
  ? false
  : 'PostgreSQL tests skipped: set TEST_DATABASE_URL=postgres://user:pass@host/db to run them';

/** What every pacer must do: hand out slots `interval` apart, and reserve nothing past the longest wait. */
async function assertSlots(pacer: Pacer): Promise<void> {
  const reserve = (nowMs: number, maxWaitMs = 1000) => pacer.reserve('email:smtp', 250, START + nowMs, maxWaitMs);
  assert.deepEqual([await reserve(0), await reserve(0), await reserve(100)], [0, 250, 400]);
  assert.equal(await reserve(100, 600), null, 'the next slot starts 650 ms away');
  assert.equal(await reserve(100), 650, 'the refused reservation took no slot');
  assert.equal(await pacer.reserve('phone:twilio', 250, START, 0), 0, 'each provider has its own slots');
  assert.equal(await reserve(5000), 0, 'an idle provider takes the next send at once, with no burst saved up');
  assert.equal(await reserve(5000), 250);
}

describe('provider pacing', () => {
  it('in memory: slots a fixed interval apart, none taken past the longest wait', () => assertSlots(new MemoryPacer()));
});

describe('provider pacing shared through PostgreSQL', { skip: SKIP }, () => {
  let schema: Awaited<ReturnType<typeof createPgSchema>>;
  let db: Db;
  before(async () => {
    schema = await createPgSchema(PG_URL!);
    db = await openDb({ url: schema.url });
    await migrate(db);
  });
  after(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
    await db?.close();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
    await schema?.drop();
  });

  it('hands out the same slots from one shared row', async () => {
    await assertSlots(new PostgresPacer(db));
    await db.run('DELETE FROM provider_slots');
  });

  it('three dispatchers with two sends each at a time keep to 10 per second in total', async () => {
    const RATE = 10;
    const MESSAGES = 30;
    const secret = randomBytes(32);
    assert.equal(await queueReleaseAlerts(db, secret, MESSAGES, systemClock()), MESSAGES);
    const config = alertsConfig({
      secretKey: secret,
      publicUrl: 'https://alerts.example.test',
      outboxFile: '/dev/null',
      dispatch: { batchSize: 5, perSecond: { email: RATE, phone: 0 }, concurrency: { email: 2, phone: 1 } },
    });
    const handedOver: { key: string; atMs: number }[] = [];
    const provider = {
      name: 'smtp',
      async send(message: OutgoingMessage) {
        handedOver.push({ key: message.idempotencyKey, atMs: systemClock().getTime() });
      },
    };
    const pending = async () =>
      Number((await db.query<{ n: number }>("SELECT COUNT(*) AS n FROM alert_outbox WHERE status = 'pending'"))[0]!.n);
    const workers = [0, 1, 2].map(() =>
      createAlerts({
        db,
        config,
        logger: createLogger({ level: 'silent' }),
        now: systemClock,
        transports: { email: provider, phone: provider },
      }),
    );
    await Promise.all(
      workers.map(async (worker) => {
        while ((await pending()) > 0)
          if ((await worker.dispatcher.runOnce()) === 0) await new Promise((r) => setTimeout(r, 20));
      }),
    );

    assert.equal(new Set(handedOver.map((h) => h.key)).size, MESSAGES, 'every message');
    assert.equal(handedOver.length, MESSAGES, 'each once');
    const times = handedOver.map((h) => h.atMs).sort((a, b) => a - b);
    // Slots are 100 ms apart; a busy machine may start a send a little after its slot, never before it.
    const JITTER_MS = 150;
    for (let i = 0; i + RATE < times.length; i++)
      assert.ok(
        times[i + RATE]! - times[i]! >= 1000 - JITTER_MS,
        `${RATE + 1} hand-overs within ${times[i + RATE]! - times[i]!} ms`,
      );
    assert.ok(times.at(-1)! - times[0]! >= (MESSAGES - 1) * (1000 / RATE) - JITTER_MS);
  });
});
