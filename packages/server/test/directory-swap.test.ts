// Saved directory indexes swapped in (on SQLite, or PostgreSQL with TEST_DATABASE_URL): whole, while requests keep
// being answered; a corrupt one leaves the previous version in use.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Service } from '@referral-kit/sdk';
import type { Db } from '../src/db/types.js';
import { servicesVersion } from '../src/routes/directory.js';
import { storeIndex } from '../src/db/directory-index-store.js';
import { testClock } from './clock.js';
import { ids as idsAt, services, useSavedIndexes, write as writeAt, zephyr } from './directory-harness.js';

const clock = testClock();
const write = (db: Db, items: Service[]) => writeAt(db, items, clock);
const ids = (state: Parameters<typeof idsAt>[0]) => idsAt(state, clock);
const saved = useSavedIndexes(clock);

describe(`saved directory indexes swapped in on ${saved.dialect}`, () => {
  it('swaps a newer stored version in whole: requests during the swap answer from the old or the new one', async () => {
    const before = await saved.instance().current();
    await write(saved.workerDb, [zephyr]);
    await saved.publisher.publish();

    let swapped = false;
    const swap = saved.api!.refresh().finally(() => (swapped = true));
    const answers: Array<Promise<string[]>> = [];
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by the refresh's callback, which TS does not follow
    while (!swapped) {
      answers.push(saved.api!.current().then(ids));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const after = await swap;
    answers.push(saved.api!.current().then(ids));
    const found = await Promise.all(answers);
    assert.ok(found.length > 2, 'requests were answered while the next version loaded');
    assert.deepEqual(found[0], [], 'the first answers come from the previous version');
    assert.deepEqual(found.at(-1), ['svc-zephyr']);
    for (const answer of found) assert.ok(answer.length === 0 || answer[0] === 'svc-zephyr', String(answer));
    // Once swapped, answers never come from the previous version again.
    const firstNew = found.findIndex((a) => a.length === 1);
    assert.ok(found.slice(firstNew).every((a) => a.length === 1));
    assert.notEqual(after.version, before.version);
  });
  it('keeps the previous version when a stored index is corrupt, logs it, then builds that version itself', async () => {
    const before = await saved.instance({ retryMs: 0 }).current();
    await write(saved.workerDb, [zephyr]);
    const version = await servicesVersion(saved.workerDb);
    await storeIndex(saved.workerDb, {
      version,
      services: services.length + 1,
      builtAt: clock.now().toISOString(),
      data: Buffer.from('not a saved index'),
    });

    assert.equal(await saved.api!.refresh(), before);
    assert.ok(
      saved.logs.some((l) => l.includes('directory index load failed; the previous version stays in use')),
      saved.logs.join(''),
    );
    assert.deepEqual(await ids(await saved.api!.current()), [], 'the previous version still answers');

    const next = await saved.api!.refresh();
    assert.equal(next.version, version);
    assert.deepEqual(await ids(next), ['svc-zephyr']);
    assert.deepEqual(saved.loadedFrom(), ['built here', 'built here']);
  });
});
