// Saved directory indexes (on SQLite, or PostgreSQL with TEST_DATABASE_URL): a worker builds a version and stores it,
// an API instance (its own connection to the same database) loads it instead of indexing the services; only the
// latest two are kept. (Worker threads start slowly on a loaded machine: two tests per file.)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SERVICES_VERSION_KEY, setMeta } from '../src/db/services-store.js';
import { servicesVersion } from '../src/routes/directory.js';
import { randomBytes } from 'node:crypto';
import { INDEX_PIECE_BYTES, findStoredIndex, readStoredIndex, storeIndex } from '../src/db/directory-index-store.js';
import { testClock } from './clock.js';
import { ids as idsAt, services, useSavedIndexes } from './directory-harness.js';
import type { DirectorySnapshot } from '@referral-kit/sdk';

const clock = testClock();
const ids = (state: Parameters<typeof idsAt>[0]) => idsAt(state, clock);
const saved = useSavedIndexes(clock);

describe(`saved directory indexes on ${saved.dialect}`, () => {
  it('a worker stores a version, and another instance answers from it without indexing the services', async () => {
    const version = await saved.publisher.publish();
    assert.equal(version, await servicesVersion(saved.workerDb));
    const rows = await saved.stored();
    assert.deepEqual(
      rows.map((r) => [r.version, r.services]),
      [[version, services.length]],
    );
    assert.ok(rows[0]!.bytes > 0);
    assert.ok(saved.logs.some((l) => l.includes('directory index stored')));
    assert.equal(await saved.publisher.publish(), version, 'a stored version is not built again');
    assert.equal((await saved.stored()).length, 1);

    // Behind the stamp's back, the first service is renamed: an instance that indexed the rows would find it.
    await saved.workerDb.run('UPDATE services SET data = $1 WHERE id = $2', [
      JSON.stringify({ ...services[0]!, name: 'Zephyr Renamed' }),
      services[0]!.id,
    ]);
    const state = await saved.instance().current();
    assert.equal(state.version, version);
    assert.deepEqual(await ids(state), []);
    assert.equal((await state.service(services[0]!.id))?.name, services[0]!.name);
    assert.equal(
      (JSON.parse(state.snapshot.bytes.toString('utf8')) as DirectorySnapshot).services.length,
      services.length,
    );
    assert.deepEqual(saved.loadedFrom(), ['stored index']);
  });
  it('a worker whose build fails logs it, stores nothing and waits before trying that version again', async () => {
    await saved.workerDb.run("UPDATE services SET data = '{not json' WHERE id = $1", [services[1]!.id]);
    await setMeta(saved.workerDb, SERVICES_VERSION_KEY, 'broken');
    await assert.rejects(saved.publisher.publish());
    assert.ok(saved.logs.some((l) => l.includes('directory index build failed')));
    assert.equal(await saved.publisher.publish(), undefined, 'not built again at once');
    assert.deepEqual(await saved.stored(), []);
  });

  it('keeps only the latest two versions', async () => {
    const builtAt = clock.now().toISOString();
    for (const version of ['v1', 'v2', 'v3'])
      await storeIndex(saved.workerDb, { version, services: 1, builtAt, data: Buffer.from(version) });
    assert.deepEqual(
      (await saved.stored()).map((r) => r.version),
      ['v2', 'v3'],
    );
    const pieces = await saved.workerDb.query<{ n: number }>(
      'SELECT COUNT(*) AS n FROM directory_index_pieces p JOIN directory_indexes i ON i.id = p.index_id',
    );
    const all = await saved.workerDb.query<{ n: number }>('SELECT COUNT(*) AS n FROM directory_index_pieces');
    assert.deepEqual([Number(pieces[0]!.n), Number(all[0]!.n)], [2, 2], "the pruned versions' pieces are gone");
  });

  it('stores a large saved index in pieces and reads back the same bytes', async () => {
    const data = randomBytes(2.5 * INDEX_PIECE_BYTES);
    await storeIndex(saved.workerDb, { version: 'big', services: 1, builtAt: clock.now().toISOString(), data });
    const stored = await findStoredIndex(saved.apiDb, 'big');
    assert.deepEqual([stored?.pieces, stored?.bytes], [3, data.byteLength]);
    const read: Uint8Array[] = [];
    await readStoredIndex(saved.apiDb, stored!, (piece) => read.push(piece));
    assert.ok(Buffer.concat(read).equals(data));
    assert.equal(await findStoredIndex(saved.apiDb, 'other'), undefined);
  });
});
