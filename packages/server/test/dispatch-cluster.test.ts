// Three dispatchers on one PostgreSQL (child processes), one SIGKILLed mid-batch: every message is delivered, no
// row is handed over by two live dispatchers (FOR UPDATE SKIP LOCKED), and the one message handed over twice (the
// killed dispatcher's, between send and mark) carries the same dedupe key both times, so the recipient's side drops it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate, openDb } from '../src/db/index.js';
import type { Db } from '../src/db/types.js';
import { createAlerts } from '../src/alerts/index.js';
import { createLogger } from '../src/logger.js';
import type { OutgoingMessage } from '../src/notify/transports/types.js';
import { createPgSchema } from './server-harness.js';
import { clusterConfig, queueReleaseAlerts } from './dispatch-cluster-config.js';
import { START } from './clock.js';

const PG_URL = process.env.TEST_DATABASE_URL;
const SKIP = PG_URL
  ? false
  : 'PostgreSQL tests skipped: set TEST_DATABASE_URL=postgres://user:pass@host/db to run them';
const CHILD = fileURLToPath(new URL('./dispatch-cluster-child.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const SUBSCRIBERS = 30;
const CRASH_AFTER = 3;

interface Handover {
  key: string;
  to: string;
  pid: number;
}

describe('dispatch: three dispatchers on PostgreSQL, one killed mid-batch', { skip: SKIP }, () => {
  let dir: string;
  let schema: Awaited<ReturnType<typeof createPgSchema>>;
  let db: Db;
  const secret = randomBytes(32);
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rk-cluster-'));
    schema = await createPgSchema(PG_URL!);
    db = await openDb({ url: schema.url });
    await migrate(db);
  });
  after(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
    await db?.close();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
    await schema?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("delivers every message; the only repeat is the killed one's, under the same dedupe key", async () => {
    const at = new Date(START).toISOString();
    const created = await queueReleaseAlerts(db, secret, SUBSCRIBERS, new Date(START));
    assert.equal(created, SUBSCRIBERS);

    const log = join(dir, 'handovers.jsonl');
    const children: ChildProcess[] = [CRASH_AFTER, 0, 0].map((crashAfter) =>
      spawn(
        process.execPath,
        ['--conditions=source', '--import', 'tsx', CHILD, schema.url, log, String(crashAfter), at],
        {
          cwd: REPO,
          env: { ...process.env, RK_TEST_ALERTS_KEY: secret.toString('base64') },
          stdio: ['pipe', 'pipe', 'inherit'],
        },
      ),
    );
    const exits = children.map((child) => once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>);
    await Promise.all(children.map((child) => once(child.stdout!, 'data')));
    for (const child of children) child.stdin!.end('go\n');
    const results = await Promise.all(exits);
    assert.deepEqual(
      results.map(([code, signal]) => signal ?? code),
      ['SIGKILL', 0, 0],
    );

    // The killed dispatcher's lease runs out; whoever comes next sends what it held.
    const read = () =>
      readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Handover);
    const later = new Date(START + clusterConfig(secret).dispatch.leaseSeconds * 1000 + 1000);
    const handedOverLater: Handover[] = [];
    const logging = {
      async send(m: OutgoingMessage) {
        handedOverLater.push({ key: m.idempotencyKey, to: m.to, pid: 0 });
      },
    };
    const restarted = createAlerts({
      db,
      config: clusterConfig(secret),
      logger: createLogger({ level: 'silent' }),
      now: () => later,
      transports: { email: logging, phone: logging },
    });
    while ((await restarted.dispatcher.runOnce()) > 0);

    const handovers = [...read(), ...handedOverLater];
    const rows = await db.query<{ id: string; status: string }>(
      "SELECT id, status FROM alert_outbox WHERE kind = 'status' ORDER BY id",
    );
    assert.equal(rows.length, SUBSCRIBERS);
    assert.ok(
      rows.every((r) => r.status === 'sent'),
      'every row marked sent',
    );
    assert.deepEqual(
      [...new Set(handovers.map((h) => h.key))].sort(),
      rows.map((r) => r.id),
      'every message handed over',
    );
    const byPid = new Map<number, number>();
    for (const h of handovers) byPid.set(h.pid, (byPid.get(h.pid) ?? 0) + 1);
    assert.equal(byPid.get(children[0]!.pid!), CRASH_AFTER, 'the killed dispatcher got as far as its crash');
    assert.ok(
      (byPid.get(children[1]!.pid!) ?? 0) + (byPid.get(children[2]!.pid!) ?? 0) > 0,
      'the others dispatched alongside',
    );

    // Exactly one repeat: the message in hand when the dispatcher died, under its one key, to its one recipient.
    assert.equal(handovers.length, SUBSCRIBERS + 1);
    const perRecipient = new Map<string, Set<string>>();
    for (const h of handovers) perRecipient.set(h.to, (perRecipient.get(h.to) ?? new Set()).add(h.key));
    assert.equal(perRecipient.size, SUBSCRIBERS);
    assert.ok(
      [...perRecipient.values()].every((keysOfOne) => keysOfOne.size === 1),
      "each recipient's messages share one dedupe key",
    );
  });
});
