// Several workers on one database (SQLite, or PostgreSQL with TEST_DATABASE_URL): the one that claims a services
// version builds its index, the others find it stored; a claim whose worker died lapses.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BUILD_CLAIM_MS, claimBuild, releaseBuild } from '../src/db/directory-index-store.js';
import { DirectoryPublisher } from '../src/routes/directory-publisher.js';
import { servicesVersion } from '../src/routes/directory.js';
import { testClock } from './clock.js';
import { useSavedIndexes } from './directory-harness.js';

const clock = testClock();
const saved = useSavedIndexes(clock);
const builds = () => saved.logs.filter((l) => l.includes('directory index stored')).length;

describe(`directory builds claimed on ${saved.dialect}`, () => {
  it('of two workers checking at once, one builds the version; the other finds it stored', async () => {
    const other = new DirectoryPublisher(saved.apiDb, { now: clock.now });
    try {
      const version = await servicesVersion(saved.workerDb);
      const published = await Promise.all([saved.publisher.publish(), other.publish()]);
      assert.ok(published.includes(version), String(published));
      assert.equal(builds(), 1, 'built once');
      assert.equal(await other.publish(), version);
      assert.equal(builds(), 1, 'not built again');
      assert.deepEqual(
        (await saved.stored()).map((r) => r.version),
        [version],
        'one stored index, and no claim left behind',
      );
    } finally {
      await other.stop();
    }
  });

  it('waits while another worker’s claim holds, and builds once it is released or has lapsed', async () => {
    const version = await servicesVersion(saved.workerDb);
    const claim = await claimBuild(saved.apiDb, version, clock.now());
    assert.ok(claim !== undefined);
    assert.equal(await claimBuild(saved.workerDb, version, clock.now()), undefined, 'one claim at a time');
    assert.equal(await saved.publisher.publish(), undefined, 'another worker is building it');
    assert.equal(builds(), 0);
    await releaseBuild(saved.apiDb, claim);
    assert.equal(await saved.publisher.publish(), version);

    const lapsed = new Date(clock.now().getTime() - BUILD_CLAIM_MS - 60_000);
    assert.ok((await claimBuild(saved.apiDb, 'next', lapsed)) !== undefined);
    assert.ok((await claimBuild(saved.workerDb, 'next', clock.now())) !== undefined, 'a lapsed claim does not hold');
  });
});
