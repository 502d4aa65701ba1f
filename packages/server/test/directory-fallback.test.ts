// Before a worker has stored the version it needs (on SQLite, or PostgreSQL with TEST_DATABASE_URL): an instance with
// nothing builds its own at once; one that answers waits for the worker, and builds it itself once it waited long enough.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Service } from '@referral-kit/sdk';
import type { Db } from '../src/db/types.js';
import { testClock } from './clock.js';
import { ids as idsAt, useSavedIndexes, write as writeAt, zephyr } from './directory-harness.js';

const clock = testClock();
const write = (db: Db, items: Service[]) => writeAt(db, items, clock);
const ids = (state: Parameters<typeof idsAt>[0]) => idsAt(state, clock);
const saved = useSavedIndexes(clock);

describe(`directory versions no worker has stored on ${saved.dialect}`, () => {
  it('an instance with nothing stored builds its own, then waits for the worker to store newer versions', async () => {
    const first = await saved.instance({ ownBuildAfterMs: Infinity }).current();
    assert.deepEqual(saved.loadedFrom(), ['built here']);
    assert.equal(await saved.publisher.publish(), first.version);
    assert.equal(await saved.api!.refresh(), first, 'the same version is not loaded again');

    await write(saved.workerDb, [zephyr]);
    assert.equal(await saved.api!.refresh(), first, 'the newer version is left to the worker');
    await saved.publisher.publish();
    const next = await saved.api!.refresh();
    assert.deepEqual(await ids(next), ['svc-zephyr']);
    assert.deepEqual(saved.loadedFrom(), ['built here', 'stored index']);
  });
  it('builds a version itself when no worker stored it in time', async () => {
    const first = await saved.instance({ ownBuildAfterMs: 0 }).current();
    await write(saved.workerDb, [zephyr]);
    const next = await saved.api!.refresh();
    assert.notEqual(next, first);
    assert.deepEqual(await ids(next), ['svc-zephyr']);
    assert.deepEqual(saved.loadedFrom(), ['built here', 'built here']);
  });
});
