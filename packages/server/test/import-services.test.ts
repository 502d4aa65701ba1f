// Services imports: HSDS 3.0 JSON and the HSDS CSV data package, converted by the SDK's fromHsds, row-level
// reports against the file and row at fault, all or nothing, idempotent re-import, --replace, and the running
// server picking up the new directory.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDb } from '../src/db/index.js';
import type { Db } from '../src/db/types.js';
import { SERVICES_VERSION_KEY, getMeta, loadServices } from '../src/db/services-store.js';
import { importServices } from '../src/import/services-import.js';
import { json, startTestServer, type TestServer } from './server-harness.js';
import { HSDS_EXAMPLES as HSDS, SKIP_WITHOUT_HSDS } from './shared-hsds.js';
import { testClock } from './clock.js';
import type { DirectorySnapshot, Service, ServicePage } from '@referral-kit/sdk';

const clock = testClock();

const EXAMPLE_ID = 'ac148810-d857-441c-9679-408f346de14b';

function hsdsService(id: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    name,
    description: `${name} helps survivors.`,
    status: 'active',
    url: 'https://example.org/help',
    ...extra,
  };
}

describe('services import', () => {
  let db: Db;
  let dir: string;
  beforeEach(async () => {
    db = await openDb({ file: ':memory:' });
    await migrate(db);
    dir = mkdtempSync(join(tmpdir(), 'rk-hsds-'));
  });

  it(
    'imports the HSDS CSV data package, reporting dropped values against their own file and row',
    { skip: SKIP_WITHOUT_HSDS },
    async () => {
      const report = await importServices(db, join(HSDS, 'csv'), { now: clock.now });
      assert.equal(report.outcome, 'applied');
      assert.equal(report.inserted, 1);
      assert.deepEqual(report.issues, []);
      const where = report.warnings.map((w) => `${w.file}#${w.row}:${w.field}`).sort();
      assert.ok(where.includes('locations.csv#1:latitude'), where.join(' '));
      assert.ok(where.includes('addresses.csv#1:postal_code'), where.join(' '));
      assert.ok(where.includes('services.csv#1:url'), where.join(' '));
      const [service] = await loadServices(db);
      assert.equal(service?.id, EXAMPLE_ID);
      assert.equal(service.name, 'Community Counselling');
      assert.ok(service.phones.length > 0, 'phones assembled from phones.csv');
      assert.ok(
        service.locations.some((l) => l.city === 'MyCity'),
        'location assembled from locations.csv and addresses.csv',
      );
    },
  );

  it(
    'accepts the package folder, its datapackage.json or any of its CSV files',
    { skip: SKIP_WITHOUT_HSDS },
    async () => {
      for (const path of [join(HSDS, 'csv/datapackage.json'), join(HSDS, 'csv/phones.csv')]) {
        const fresh = await openDb({ file: ':memory:' });
        await migrate(fresh);
        assert.equal((await importServices(fresh, path, { now: clock.now })).inserted, 1, path);
        await fresh.close();
      }
    },
  );

  it('imports HSDS JSON: one service, a page with contents, or an array', { skip: SKIP_WITHOUT_HSDS }, async () => {
    assert.equal((await importServices(db, join(HSDS, 'service_full.json'), { now: clock.now })).inserted, 1);
    const file = join(dir, 'list.json');
    writeFileSync(file, JSON.stringify([hsdsService('svc-a', 'Alpha Advocacy'), hsdsService('svc-b', 'Beta Shelter')]));
    const report = await importServices(db, file, { now: clock.now });
    assert.equal(report.inserted, 2);
    assert.equal(report.rows, 2);
  });

  it('re-importing the same file changes nothing, not even the directory version', async () => {
    const file = join(dir, 'list.json');
    writeFileSync(file, JSON.stringify([hsdsService('svc-a', 'Alpha Advocacy'), hsdsService('svc-b', 'Beta Shelter')]));
    await importServices(db, file, { now: clock.now });
    const version = await getMeta(db, SERVICES_VERSION_KEY);
    const rows = await db.query('SELECT id, data, updated_at FROM services ORDER BY id');
    const again = await importServices(db, file, { now: clock.now });
    assert.equal(again.outcome, 'unchanged');
    assert.equal(again.unchanged, 2);
    assert.equal(await getMeta(db, SERVICES_VERSION_KEY), version);
    assert.deepEqual(await db.query('SELECT id, data, updated_at FROM services ORDER BY id'), rows);
  });

  it('rejects the whole file when a record cannot be a service, unless --skip-invalid', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify([
        hsdsService('svc-a', 'Alpha Advocacy'),
        hsdsService('svc-b', ''),
        hsdsService('svc-a', 'Alpha Again'),
      ]),
    );
    const rejected = await importServices(db, file, { now: clock.now });
    assert.equal(rejected.outcome, 'rejected');
    assert.deepEqual(
      rejected.issues.map((i) => [i.row, i.field]),
      [
        [2, 'name'],
        [3, 'id'],
      ],
    );
    assert.match(rejected.issues[1]!.reason, /row 1/);
    assert.equal((await loadServices(db)).length, 0);

    const skipped = await importServices(db, file, { skipInvalid: true, now: clock.now });
    assert.equal(skipped.outcome, 'applied');
    assert.deepEqual(
      (await loadServices(db)).map((s) => s.name),
      ['Alpha Advocacy'],
    );
  });

  it('reports a bad row of the CSV package by file and line', { skip: SKIP_WITHOUT_HSDS }, async () => {
    const pkg = join(dir, 'csv');
    cpSync(join(HSDS, 'csv'), pkg, { recursive: true });
    appendFileSync(join(pkg, 'services.csv'), 'svc-unnamed,,,,,,,,active,,,,,,,,,,,,,,\n');
    const report = await importServices(db, pkg, { now: clock.now });
    assert.equal(report.outcome, 'rejected');
    assert.deepEqual(
      report.issues.map((i) => [i.file, i.row, i.field]),
      [['services.csv', 2, 'name']],
    );
    assert.ok(report.issues[0]!.line! >= 3, 'the CSV line is given');
    assert.equal((await loadServices(db)).length, 0, 'all or nothing');
  });

  it('--replace removes services the file no longer has', async () => {
    const file = join(dir, 'list.json');
    writeFileSync(file, JSON.stringify([hsdsService('svc-a', 'Alpha Advocacy'), hsdsService('svc-b', 'Beta Shelter')]));
    await importServices(db, file, { now: clock.now });
    writeFileSync(file, JSON.stringify([hsdsService('svc-a', 'Alpha Advocacy')]));
    assert.equal(
      (await importServices(db, file, { now: clock.now })).deleted,
      0,
      'without --replace, absent services stay',
    );
    assert.equal((await loadServices(db)).length, 2);
    const replaced = await importServices(db, file, { replace: true, now: clock.now });
    assert.equal(replaced.deleted, 1);
    assert.deepEqual(
      (await loadServices(db)).map((s) => s.id),
      ['svc-a'],
    );
  });

  it('refuses a file that is not HSDS', async () => {
    const file = join(dir, 'odd.json');
    writeFileSync(file, '"just text"');
    await assert.rejects(importServices(db, file, { now: clock.now }), /no HSDS services/);
    writeFileSync(join(dir, 'broken.json'), '{ nope');
    await assert.rejects(importServices(db, join(dir, 'broken.json'), { now: clock.now }), /not valid JSON/);
    await assert.rejects(importServices(db, dir, { now: clock.now }), /no services\.csv/);
  });
});

describe('services import seen by a running server', () => {
  let s: TestServer;
  let dir: string;
  before(async () => {
    s = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'rk-hsds-'));
  });
  after(async () => {
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the new directory and a new snapshot ETag after an import', async () => {
    const etag = (await s.get('/v1/directory/snapshot')).headers.get('etag')!;
    const file = join(dir, 'new.json');
    writeFileSync(
      file,
      JSON.stringify([hsdsService('svc-new', 'Zephyr Legal Clinic', { description: 'Free protective order help.' })]),
    );
    assert.equal((await importServices(s.db, file, { now: clock.now })).inserted, 1);
    // The new version is built in the background; the old one answers until it is complete.
    await s.app.directory!.refresh();
    assert.equal((await json<Service>(await s.get('/v1/services/svc-new'))).name, 'Zephyr Legal Clinic');
    const fresh = await s.get('/v1/directory/snapshot', { 'if-none-match': etag });
    assert.equal(fresh.status, 200);
    assert.ok(
      (await json<DirectorySnapshot>(fresh)).services.some((x) => x.id === 'svc-new'),
      'in the snapshot',
    );
    const found = await json<ServicePage>(await s.get('/v1/services?q=zephyr'));
    assert.equal(found.items[0]?.service.id, 'svc-new');
  });
});
