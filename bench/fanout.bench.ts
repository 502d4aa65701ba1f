// Fan-out bench: one custody status change → one outbox row per confirmed subscription, on an embedded SQLite
// file. enqueueStatusChange is a single set-based INSERT … SELECT in the importer's transaction; a per-row loop is
// timed once for comparison. Also: how fast the dispatcher drains rows through a no-op transport.
// Writes bench/results/fanout.md.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate, openDb } from '../packages/server/src/db/index.js';
import type { Db } from '../packages/server/src/db/types.js';
import { createLogger } from '../packages/server/src/logger.js';
import { alertsConfig, createAlerts, enqueueStatusChange } from '../packages/server/src/alerts/index.js';
import { deriveKeys } from '../packages/server/src/alerts/crypto.js';

const MATCHING = 100_000;
const OTHERS = 50_000; // other subjects, other event kinds, pending and unsubscribed rows that must be left out
const RUNS = 5;
const DISPATCHED = 5_000;

const dir = mkdtempSync(join(tmpdir(), 'rk-fanout-'));
const dbFile = join(dir, 'fanout.sqlite');
const db = await openDb({ file: dbFile });
await migrate(db);
const secretKey = randomBytes(32);
const keys = deriveKeys(secretKey);

async function seed(): Promise<void> {
  const contact = keys.seal('bench@example.org', 'contact');
  const insert = (tx: Db, where: string, count: number, subject: string, status: string, mask: number) =>
    tx.run(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1)
       INSERT INTO alert_subscriptions (id, subject_id, channel, contact_hash, contact_enc, language, events_mask, status, created_at, confirmed_at)
       SELECT $2 || '-' || i, $3, 'email', $2 || '-h-' || i, $4, 'en', $5, $6, '2026-11-29T00:00:00.000Z', '2026-11-29T00:00:00.000Z' FROM n`,
      [count, where, subject, contact, mask, status],
    );
  await db.transaction(async (tx) => {
    await insert(tx, 'match', MATCHING, 'rec-hot', 'confirmed', 0b11111);
    await insert(tx, 'other-subject', OTHERS / 2, 'rec-cold', 'confirmed', 0b11111);
    await insert(tx, 'escape-only', OTHERS / 4, 'rec-hot', 'confirmed', 0b00100);
    await insert(tx, 'pending', OTHERS / 8, 'rec-hot', 'pending', 0b11111);
    await insert(tx, 'stopped', OTHERS / 8, 'rec-hot', 'unsubscribed', 0b11111);
  });
}

const event = (eventId: string) => ({
  eventId,
  recordId: 'rec-hot',
  alertEvent: 'release' as const,
  status: 'released' as const,
  occurredAt: '2026-11-29T08:00:00.000Z',
});

async function timeSetBased(run: number): Promise<number> {
  await db.run('DELETE FROM alert_outbox');
  const started = process.hrtime.bigint();
  const created = await db.transaction((tx) => enqueueStatusChange(tx, event(`ev-${run}`), new Date()));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (created !== MATCHING) throw new Error(`expected ${MATCHING} rows, got ${created}`);
  return ms;
}

/** The approach the set-based insert replaces: read the matching ids, insert one row per id. */
async function timeLoop(): Promise<number> {
  await db.run('DELETE FROM alert_outbox');
  const started = process.hrtime.bigint();
  await db.transaction(async (tx: Db) => {
    const ids = await tx.query<{ id: string }>(
      "SELECT id FROM alert_subscriptions WHERE subject_id = $1 AND status = 'confirmed' AND (events_mask & $2) <> 0",
      ['rec-hot', 1],
    );
    const at = new Date().toISOString();
    for (const { id } of ids) {
      await tx.run(
        `INSERT INTO alert_outbox (id, subscription_id, event_id, kind, alert_event, occurred_at, status, attempts, next_attempt_at, created_at)
         VALUES ($1, $2, $3, 'status', 'release', $4, 'pending', 0, $5, $5) ON CONFLICT (subscription_id, event_id) DO NOTHING`,
        [`ev-loop/${id}`, id, 'ev-loop', '2026-11-29T08:00:00.000Z', at],
      );
    }
  });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Dispatcher throughput: claim, decrypt, render, hand to a no-op transport, mark sent. */
async function timeDispatch(): Promise<number> {
  await db.run('DELETE FROM alert_outbox');
  await db.run(
    `INSERT INTO alert_outbox (id, subscription_id, event_id, kind, alert_event, occurred_at, status, attempts, next_attempt_at, created_at)
     SELECT 'ev-d/' || id, id, 'ev-d', 'status', 'release', '2026-11-29T08:00:00.000Z', 'pending', 0, '2026-11-29T00:00:00.000Z', '2026-11-29T00:00:00.000Z'
     FROM alert_subscriptions WHERE subject_id = 'rec-hot' AND status = 'confirmed' AND (events_mask & 1) <> 0 LIMIT $1`,
    [DISPATCHED],
  );
  const noop = { async send() {} };
  const config = alertsConfig({
    secretKey,
    publicUrl: 'https://alerts.example.test',
    outboxFile: join(dir, 'unused.jsonl'),
    dispatch: { batchSize: 100 },
  });
  const alerts = createAlerts({
    db,
    config,
    logger: createLogger({ level: 'silent' }),
    now: () => new Date(),
    transports: { email: noop, phone: noop },
  });
  const started = process.hrtime.bigint();
  let sent = 0;
  for (let n; (n = await alerts.dispatcher.runOnce()) > 0;) sent += n;
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (sent !== DISPATCHED) throw new Error(`dispatched ${sent}, expected ${DISPATCHED}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

try {
  const seedStarted = Date.now();
  await seed();
  console.log(`seeded ${MATCHING + OTHERS} subscriptions in ${Date.now() - seedStarted} ms`);
  await timeSetBased(0); // warm-up: page cache, statement cache
  const runs: number[] = [];
  for (let i = 1; i <= RUNS; i++) runs.push(await timeSetBased(i));
  console.log('set-based runs (ms):', runs.map((r) => r.toFixed(0)).join(', '));
  const loop = await timeLoop();
  console.log(`per-row loop: ${loop.toFixed(0)} ms`);
  const dispatch = await timeDispatch();
  console.log(`dispatch ${DISPATCHED}: ${dispatch.toFixed(0)} ms`);

  const section = `## Alerts fan-out (\`bench/fanout.bench.ts\`)

One status change fanned out to **${MATCHING.toLocaleString('en-US')} confirmed subscriptions** into the notification outbox, on an
embedded SQLite file (WAL, synchronous=NORMAL). The table also holds ${OTHERS.toLocaleString('en-US')} subscriptions that must be left out (other
subject, other event kind, pending, unsubscribed). Timed: \`enqueueStatusChange\` (one set-based \`INSERT … SELECT\`) plus the
commit of its transaction; the outbox is emptied between runs; ${RUNS} runs after one warm-up.

| measure | result |
| --- | --- |
| set-based fan-out, median of ${RUNS} | **${fmt(median(runs))}** (${Math.round(MATCHING / (median(runs) / 1000)).toLocaleString('en-US')} rows/s) |
| set-based fan-out, min / max | ${fmt(Math.min(...runs))} / ${fmt(Math.max(...runs))} |
| per-row loop (SELECT ids, then one INSERT per id, one transaction), once | ${fmt(loop)} (${(loop / median(runs)).toFixed(1)}× the set-based time) |
| dispatcher drain, ${DISPATCHED.toLocaleString('en-US')} rows, no-op transport (claim, decrypt, render, mark) | ${fmt(dispatch)} (${Math.round(DISPATCHED / (dispatch / 1000)).toLocaleString('en-US')} messages/s) |

The fan-out holds SQLite's write lock for its whole duration, so other writers wait about that long once per status change;
readers are not blocked (WAL). Real delivery speed is bounded by the SMTP server or SMS gateway, not by the dispatcher.
`;
  const out = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'fanout.md'), section);
  console.log('wrote bench/results/fanout.md');
} finally {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
