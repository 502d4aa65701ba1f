// Facilities as records of their own: imported from CSV and JSON with row-level reports, pointed to by custody
// records (facility_id), embedded in every custody answer, searched by their state, seeded as demo data, and the CLI.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Facility } from '@referral-kit/sdk';
import { FIXTURE_IDS } from '@referral-kit/mocks';
import { migrate, openDb } from '../src/db/index.js';
import type { Db } from '../src/db/types.js';
import { importFacilities } from '../src/import/facility-import.js';
import { importCustody } from '../src/import/custody-import.js';
import { EXIT, runCli } from '../src/cli.js';
import { startTestServer, type TestServer } from './server-harness.js';
import { testClock } from './clock.js';

const clock = testClock();
const HEADER = 'Facility ID,Name,Operator,Address,City,State,ZIP,Phone,Time Zone,Visiting URL';
const EL_PASO =
  'fac-ep,El Paso Processing Center,U.S. Immigration and Customs Enforcement,8915 Montana Ave,El Paso,tx,79925,(915) 555-0151,america/denver,https://visiting.example.org/ep';

const custodyFeed = (facility: Record<string, string>) =>
  JSON.stringify([
    {
      identifier: 'A123-456-789',
      identifierType: 'a-number',
      displayName: 'Persona Uno',
      status: 'immigration-detention',
      facility,
      updatedAt: '2026-11-28T10:00:00Z',
    },
  ]);

async function freshDb(): Promise<Db> {
  const db = await openDb({ file: ':memory:' });
  await migrate(db);
  return db;
}

describe('facility import', () => {
  it('reads CSV with loosely named columns; stores canonical time zones and upper-case states', async () => {
    const db = await freshDb();
    const report = await importFacilities(db, `${HEADER}\n${EL_PASO}\n`, 'facilities.csv', { now: clock.now });
    assert.deepEqual(
      [report.kind, report.outcome, report.rows, report.valid, report.inserted, report.issues, report.warnings],
      ['facilities', 'applied', 1, 1, 1, [], []],
    );
    const [row] = await db.query<{ data: string }>('SELECT data FROM facilities');
    assert.deepEqual(JSON.parse(row!.data) as Facility, {
      id: 'fac-ep',
      name: 'El Paso Processing Center',
      operator: 'U.S. Immigration and Customs Enforcement',
      address: '8915 Montana Ave',
      city: 'El Paso',
      state: 'TX',
      postalCode: '79925',
      phone: '(915) 555-0151',
      timeZone: 'America/Denver',
      visitingUrl: 'https://visiting.example.org/ep',
    });
    const again = await importFacilities(db, `${HEADER}\n${EL_PASO}\n`, 'facilities.csv', { now: clock.now });
    assert.deepEqual([again.outcome, again.unchanged, again.inserted], ['unchanged', 1, 0]);
    await db.close();
  });

  it('reports each bad row with its line, the column as named in the file and the reason, and applies nothing', async () => {
    const db = await freshDb();
    const csv = [
      HEADER,
      EL_PASO,
      'fac-2,,ICE,1 Main St,Houston,TX,77002,(713) 555-0100,America/Chicago,',
      'fac-3,Jail,Sheriff,1 Main St,Houston,TX,77002,call us,Mars/Olympus_Mons,http://visiting.example.org/3',
      EL_PASO,
    ].join('\n');
    const report = await importFacilities(db, csv, 'facilities.csv', { now: clock.now });
    assert.equal(report.outcome, 'rejected');
    assert.deepEqual(
      report.issues.map((i) => [i.row, i.line, i.field]),
      [
        [2, 3, 'Name'],
        [3, 4, 'Time Zone'],
        [3, 4, 'Phone'],
        [4, 5, 'id'],
      ],
    );
    assert.match(report.issues[1]!.reason, /not a time zone/);
    assert.match(report.issues[3]!.reason, /already in row 1/);
    assert.deepEqual(
      report.warnings.map((w) => [w.row, w.field]),
      [[3, 'Visiting URL']],
      'an http: visiting link is left out, not linked',
    );
    assert.equal((await db.query('SELECT id FROM facilities')).length, 0);

    const skipped = await importFacilities(db, csv, 'facilities.csv', { now: clock.now, skipInvalid: true });
    assert.deepEqual([skipped.outcome, skipped.inserted], ['applied', 1]);
    await db.close();
  });

  it('reads JSON (an array, or an object with "facilities") and updates a changed facility', async () => {
    const db = await freshDb();
    const facility = { id: 'fac-j', name: 'Jail', timeZone: 'America/Chicago', state: 'TX' };
    assert.equal((await importFacilities(db, JSON.stringify([facility]), 'f.json', { now: clock.now })).inserted, 1);
    const changed = await importFacilities(
      db,
      JSON.stringify({ facilities: [{ ...facility, phone: '(713) 555-0101' }] }),
      'f.json',
      { now: clock.now },
    );
    assert.deepEqual([changed.outcome, changed.updated], ['applied', 1]);
    const missing = await importFacilities(db, JSON.stringify([{ id: 'fac-k', name: 'No zone' }]), 'f.json', {
      now: clock.now,
    });
    assert.deepEqual(
      missing.issues.map((i) => [i.field, i.reason]),
      [['timeZone', 'Required.']],
    );
    await db.close();
  });
});

describe('custody records point to facilities', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ SEED_DEMO: 'false' });
  });
  after(() => server.stop());

  it('embeds the facility record in every custody answer, whichever was imported first, and searches by its state', async () => {
    const feed = await importCustody(
      server.db,
      custodyFeed({ id: 'fac-ep', name: 'EPC (as the feed words it)' }),
      'feed.json',
      { massChangeShare: 0.05, now: clock.now },
    );
    assert.equal(feed.outcome, 'applied');
    assert.deepEqual(
      feed.warnings.map((w) => w.field),
      ['facility_id'],
      'a facility not imported yet is a warning, not a rejected row',
    );
    const client = createClient({ baseUrl: server.url });
    const [before] = (await client.custody.search({ identifier: '123456789' })).items;
    assert.deepEqual(
      before!.facility,
      { name: 'EPC (as the feed words it)' },
      'until then, the facility as the feed words it',
    );

    await importFacilities(server.db, `${HEADER}\n${EL_PASO}\n`, 'facilities.csv', { now: clock.now });
    const record = await client.custody.get(before!.id);
    assert.equal(record.facility?.id, 'fac-ep');
    assert.equal(record.facility.timeZone, 'America/Denver');
    assert.equal(record.facility.visitingUrl, 'https://visiting.example.org/ep');
    assert.equal(record.facility.operator, 'U.S. Immigration and Customs Enforcement');
    const inTexas = await client.custody.search({ identifier: 'A123456789', state: 'TX' });
    assert.deepEqual(
      inTexas.items.map((r) => r.facility?.name),
      ['El Paso Processing Center'],
    );

    // The same record, re-imported pointing to no facility, no longer shows it.
    await importCustody(server.db, custodyFeed({ name: 'Another jail' }), 'feed.json', {
      massChangeShare: 0.05,
      now: clock.now,
    });
    assert.deepEqual((await client.custody.get(before!.id)).facility, { name: 'Another jail' });
  });
});

describe('demo seed', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());

  it('seeds the fixture facilities, and the fixed records embed them', async () => {
    const record = await createClient({ baseUrl: server.url }).custody.get(
      FIXTURE_IDS.custody['immigration-detention'],
    );
    assert.deepEqual(
      record.facility,
      server.fixtures.facilities.find((f) => f.id === record.facility?.id),
    );
    assert.equal(record.facility?.timeZone, 'America/Denver');
  });
});

describe('referral-kit import facilities', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rk-facilities-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a file and prints the report; invalid rows exit 2', async () => {
    let stdout = '';
    const io = {
      env: { DATA_DIR: dir, SEED_DEMO: 'false' },
      stdout: (t: string) => void (stdout += t),
      stderr: { write: () => true },
      progress: false,
      now: clock.now,
    };
    writeFileSync(join(dir, 'ok.csv'), `${HEADER}\n${EL_PASO}\n`);
    assert.equal(await runCli(['import', 'facilities', join(dir, 'ok.csv')], io), EXIT.ok);
    assert.match(stdout, /facilities import of ok\.csv: APPLIED/);
    writeFileSync(join(dir, 'bad.csv'), `${HEADER}\nfac-x,,,,,,,,UTC,\n`);
    assert.equal(await runCli(['import', 'facilities', join(dir, 'bad.csv')], io), EXIT.invalidRows);
    assert.match(stdout, /row 1 \(line 2\), Name: Required\./);
  });
});
