// The served directory: each version is built in a worker thread while the previous one keeps answering, swapped in
// whole, and a build that fails leaves the previous version in use. (How long requests wait during a re-index of
// 100k services is measured by bench/directory.bench.ts, not here.)
import { after, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import type { DirectorySnapshot, Service } from '@referral-kit/sdk';
import { migrate, openDb } from '../src/db/index.js';
import type { Db } from '../src/db/types.js';
import { SERVICES_VERSION_KEY, setMeta } from '../src/db/services-store.js';
import { createLogger } from '../src/logger.js';
import { Directory } from '../src/routes/directory.js';
import { testClock } from './clock.js';
import { QUERY, ids as idsAt, services, write as writeAt, zephyr } from './directory-harness.js';

const clock = testClock();
const write = (db: Db, items: Service[]) => writeAt(db, items, clock);
const ids = (state: Parameters<typeof idsAt>[0]) => idsAt(state, clock);

/** A database whose reads of the services wait while `hold` is set, to look at the directory mid-build. */
function gated(db: Db) {
  let open: () => void = () => {};
  let gate: Promise<void> | undefined;
  const signal = () => {
    let resolve: () => void = () => {};
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  };
  const reads = { count: 0, started: signal() };
  const wrapped: Db = {
    ...db,
    dialect: db.dialect,
    async query(sql, params) {
      if (sql.startsWith('SELECT id, data FROM services')) {
        reads.count++;
        reads.started.resolve();
        await gate;
      }
      return db.query(sql, params);
    },
  };
  return {
    db: wrapped,
    reads,
    hold() {
      reads.started = signal();
      gate = new Promise((resolve) => (open = resolve));
    },
    release: () => open(),
  };
}

describe('directory versions', () => {
  let db: Db;
  let gate: ReturnType<typeof gated>;
  let directory: Directory;
  let logs: string[];

  beforeEach(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset before the first test
    await directory?.close();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset before the first test
    await db?.close();
    db = await openDb({ file: ':memory:' });
    await migrate(db);
    await write(db, services);
    gate = gated(db);
    logs = [];
    const destination = new Writable({ write: (chunk, _enc, done) => done(void logs.push(String(chunk))) });
    directory = new Directory(gate.db, {
      now: clock.now,
      checkIntervalMs: 0,
      ownBuildAfterMs: 0,
      logger: createLogger({ level: 'info', destination }),
    });
  });
  after(async () => {
    await directory.close();
    await db.close();
  });

  it('is not loaded (not ready) until the first version is built', async () => {
    gate.hold();
    const first = directory.current();
    await gate.reads.started.promise;
    assert.equal(directory.loaded, false);
    gate.release();
    const state = await first;
    assert.equal(directory.loaded, true);
    assert.equal(
      (JSON.parse(state.snapshot.bytes.toString('utf8')) as DirectorySnapshot).services.length,
      services.length,
    );
    assert.equal((await state.service(services[1]!.id))?.name, services[1]!.name);
  });

  it('answers from the previous version while the next is built, then swaps it in whole', async () => {
    const before = await directory.current();
    assert.deepEqual(await ids(before), []);
    await write(db, [zephyr]);
    gate.hold();
    const building = directory.refresh();
    await gate.reads.started.promise;

    // Mid-build: every answer comes from the version in use, and requests do not wait for the build.
    const during = await directory.current();
    assert.equal(during, before);
    assert.deepEqual(await ids(during), []);
    assert.equal(await during.service('svc-zephyr'), undefined);
    const inFlight = before.search(QUERY, clock.now());

    gate.release();
    const next = await building;
    assert.notEqual(next.version, before.version);
    assert.equal(await directory.current(), next);
    assert.deepEqual(await ids(next), ['svc-zephyr']);
    assert.equal((await next.service('svc-zephyr'))?.name, 'Zephyr Legal Clinic');
    const snapshot = JSON.parse(next.snapshot.bytes.toString('utf8')) as DirectorySnapshot;
    assert.equal(snapshot.version, next.version);
    assert.equal(next.etag, `"${next.version}"`);
    assert.ok(snapshot.services.some((s) => s.id === 'svc-zephyr'));
    // A search asked of the previous version before the swap is still answered by it.
    assert.deepEqual(
      (await inFlight).items.map((h) => h.service.id),
      [],
    );
  });

  it('keeps the previous version when a build fails, logs it, and builds the next version', async () => {
    const before = await directory.current();
    await db.run("UPDATE services SET data = '{not json' WHERE id = $1", [services[2]!.id]);
    await setMeta(db, SERVICES_VERSION_KEY, 'broken');
    const reads = gate.reads.count;
    assert.equal(await directory.refresh(), before);
    assert.ok(gate.reads.count > reads, 'the broken version was read');
    assert.ok(
      logs.some((l) => l.includes('directory index load failed; the previous version stays in use')),
      logs.join(''),
    );
    assert.equal((await directory.current()).version, before.version);
    assert.equal((await before.service(services[2]!.id))?.name, services[2]!.name, 'the old version still answers');

    // The same broken version is not rebuilt on every check.
    const failedReads = gate.reads.count;
    await directory.refresh();
    assert.equal(gate.reads.count, failedReads);

    await write(db, [services[2]!, zephyr]);
    const next = await directory.refresh();
    assert.notEqual(next.version, before.version);
    assert.deepEqual(await ids(next), ['svc-zephyr']);
  });
});
