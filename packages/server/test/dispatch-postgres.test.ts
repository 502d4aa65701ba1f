// Claims on PostgreSQL: the most urgent rows first (then the longest due), and a row another dispatcher holds locked
// is skipped, not waited for (FOR UPDATE SKIP LOCKED).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { migrate, openDb } from '../src/db/index.js';
import type { Db } from '../src/db/types.js';
import { alertsConfig, createAlerts } from '../src/alerts/index.js';
import { createLogger } from '../src/logger.js';
import { PRIORITY } from '../src/notify/priority.js';
import type { OutgoingMessage } from '../src/notify/transports/types.js';
import { createPgSchema } from './server-harness.js';
import { queueReleaseAlerts } from './dispatch-cluster-config.js';
import { MINUTE, START } from './clock.js';

const PG_URL = process.env.TEST_DATABASE_URL;
const SKIP = PG_URL
  ? false
  : 'PostgreSQL tests skipped: set TEST_DATABASE_URL=postgres://user:pass@host/db to run them';

describe('dispatch claims on PostgreSQL', { skip: SKIP }, () => {
  let schema: Awaited<ReturnType<typeof createPgSchema>>;
  let db: Db;
  const secret = randomBytes(32);
  const handedOver: string[] = [];
  const worker = (batchSize: number) =>
    createAlerts({
      db,
      config: alertsConfig({
        secretKey: secret,
        publicUrl: 'https://alerts.example.test',
        outboxFile: '/dev/null',
        dispatch: { batchSize },
      }),
      logger: createLogger({ level: 'silent' }),
      now: () => new Date(START),
      transports: {
        email: { send: async (m: OutgoingMessage) => void handedOver.push(m.to) },
        phone: { send: async () => {} },
      },
    });

  before(async () => {
    schema = await createPgSchema(PG_URL!);
    db = await openDb({ url: schema.url });
    await migrate(db);
    // person0 bulk and due longest, person1 waiting for a code's turn, person2 urgent and due last.
    assert.equal(await queueReleaseAlerts(db, secret, 3, new Date(START - 10 * MINUTE)), 3);
    for (const [i, priority] of [PRIORITY.bulk, PRIORITY.transactional, PRIORITY.urgent].entries())
      await db.run('UPDATE alert_outbox SET priority = $1, next_attempt_at = $2 WHERE subscription_id = $3', [
        priority,
        new Date(START - (3 - i) * MINUTE).toISOString(),
        `sub-${i}`,
      ]);
  });
  after(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
    await db?.close();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
    await schema?.drop();
  });

  it('skips the row another transaction holds, and takes the rest most urgent first', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    // Another dispatcher in the middle of claiming the urgent row.
    const rival = db.transaction(async (tx) => {
      await tx.query("SELECT id FROM alert_outbox WHERE subscription_id = 'sub-2' FOR UPDATE");
      locked();
      await held;
    });
    await isLocked;
    try {
      assert.equal(await worker(1).dispatcher.runOnce(), 1, 'answered while the urgent row is locked');
      assert.equal(await worker(1).dispatcher.runOnce(), 1);
      assert.deepEqual(handedOver, ['person1@example.org', 'person0@example.org']);
    } finally {
      release();
      await rival;
    }
    assert.equal(await worker(3).dispatcher.runOnce(), 1);
    assert.deepEqual(handedOver, ['person1@example.org', 'person0@example.org', 'person2@example.org']);
  });

  it('a batch hands over its rows most urgent first', async () => {
    handedOver.length = 0;
    await db.run("UPDATE alert_outbox SET status = 'pending', attempts = 0, sent_at = NULL");
    assert.equal(await worker(3).dispatcher.runOnce(), 3);
    assert.deepEqual(handedOver, ['person2@example.org', 'person1@example.org', 'person0@example.org']);
  });
});
