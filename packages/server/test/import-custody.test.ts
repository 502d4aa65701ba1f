// Custody feed imports: row-level reports, all-or-nothing, idempotent re-import, status events mapped to alert
// events inside the import's transaction, the mass-change guard, and confidential records kept out of the API.
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { migrate, openDb } from '../src/db/index.js';
import type { Db } from '../src/db/types.js';
import { alertEventFor, importCustody, type StatusChangeEvent } from '../src/import/custody-import.js';
import { searchCustodyRecords } from '../src/db/custody-store.js';
import { Readable } from 'node:stream';
import { readCustodyFeed, type FeedRecord } from '../src/import/custody-feed.js';
import type { RowIssue } from '../src/import/report.js';
import { createPgSchema, json, startTestServer, type TestServer } from './server-harness.js';
import { testClock } from './clock.js';
import type { CustodyPage, CustodyRecord } from '@referral-kit/sdk';

const clock = testClock();

const HEADER =
  'identifier,identifier_type,first_name,last_name,birth_year,status,facility_name,facility_state,status_changed_at,updated_at,confidential';

interface Person {
  id: string;
  first: string;
  last: string;
  status: string;
  confidential?: boolean;
  changedAt?: string;
}

function csv(people: Person[]): string {
  return [
    HEADER,
    ...people.map((p) =>
      [
        p.id,
        'booking',
        p.first,
        p.last,
        1980,
        p.status,
        'County Jail',
        'TX',
        p.changedAt ?? '2026-11-01T10:00:00Z',
        '2026-11-28T10:00:00Z',
        p.confidential ? 'yes' : 'no',
      ].join(','),
    ),
  ].join('\n');
}

function people(n: number, status = 'in-custody'): Person[] {
  return Array.from({ length: n }, (_, i) => ({ id: `BK-${1000 + i}`, first: `Person${i}`, last: 'Example', status }));
}

async function count(db: Db, table: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(row!.n);
}

async function statuses(db: Db): Promise<Record<string, string>> {
  const rows = await db.query<{ source_key: string; status: string }>(
    'SELECT source_key, status FROM custody_records ORDER BY source_key',
  );
  return Object.fromEntries(rows.map((r) => [r.source_key, r.status]));
}

/** Every row of a feed, read as a stream and checked on its own. */
async function parseCustodyFeed(text: string, fileName: string) {
  const feed = readCustodyFeed(Readable.from([text]), fileName, { now: clock.now() });
  const records: FeedRecord[] = [];
  const issues: RowIssue[] = [];
  let rows = 0;
  for await (const checked of feed.rows) {
    rows = checked.row;
    if ('issues' in checked) issues.push(...checked.issues);
    else records.push(checked);
  }
  return { rows, records, issues };
}

describe('custody feed parsing', () => {
  it('reads CSV and JSON with loosely named columns and nested facility', async () => {
    const fromCsv = await parseCustodyFeed(
      'Identifier,Identifier Type,Display Name,Birth Year,Status,Facility,Facility State,Updated At\nA-12 34,a-number,Ana Prueba,1990,IN_CUSTODY,Test Jail,tx,2026-11-28T10:00:00+02:00\n',
      'feed.csv',
    );
    assert.deepEqual(fromCsv.issues, []);
    const record = fromCsv.records[0]!;
    assert.equal(record.sourceKey, 'a-number:A1234');
    assert.equal(record.record.status, 'in-custody');
    assert.equal(record.record.facility?.state, 'TX');
    assert.equal(record.record.sourceUpdatedAt, '2026-11-28T08:00:00.000Z');

    const fromJson = await parseCustodyFeed(
      JSON.stringify({
        records: [
          {
            identifier: 'B1',
            firstName: 'Bo',
            lastName: 'Ng',
            status: 'released',
            facility: { name: 'Jail', phone: '(713) 555-0100' },
            statusChangedAt: '2026-11-28T10:00:00Z',
            confidential: true,
            identifiers: [{ type: 'case', value: '2026-CR-1' }],
          },
        ],
      }),
      'feed.json',
    );
    assert.deepEqual(fromJson.issues, []);
    assert.equal(fromJson.records[0]!.record.displayName, 'Bo Ng');
    assert.equal(
      fromJson.records[0]!.record.sourceUpdatedAt,
      '2026-11-28T10:00:00.000Z',
      'falls back to status_changed_at',
    );
    assert.equal(fromJson.records[0]!.confidential, true);
    assert.deepEqual(
      fromJson.records[0]!.record.identifiers.map((i) => i.type),
      ['booking', 'case'],
    );
  });

  it('reports every problem with row, line, field as named in the file, and reason', async () => {
    const feed = await parseCustodyFeed(
      `${HEADER}\nBK-1,booking,Ana,Prueba,1980,in-custody,Jail,TX,2026-11-01T10:00:00Z,2026-11-28T10:00:00Z,no\n,booking,,,19x,free,Jail,Texas,yesterday,,maybe\nBK-1,booking,Ana,Again,1980,released,Jail,TX,2026-11-01T10:00:00Z,2026-11-28T10:00:00Z,no\n`,
      'feed.csv',
    );
    assert.equal(feed.rows, 3);
    assert.equal(feed.records.length, 2, 'a person twice in the feed is found over the staged feed, not per row');
    const byField = Object.fromEntries(feed.issues.filter((i) => i.row === 2).map((i) => [i.field, i]));
    for (const field of [
      'identifier',
      'last_name',
      'birth_year',
      'status',
      'facility_state',
      'status_changed_at',
      'confidential',
    ]) {
      assert.ok(byField[field], `problem reported for ${field}`);
      assert.equal(byField[field].line, 3);
      assert.ok(byField[field].reason.length > 5, 'a reason is given');
    }
    assert.match(byField.status!.reason, /"free" is not a status/);
  });

  it('reads NDJSON one record per line, with its line', async () => {
    const feed = await parseCustodyFeed(
      '{"identifier":"B1","name":"Bo Ng","status":"released","updatedAt":"2026-11-28T10:00:00Z"}\n\n{"identifier":"B2","status":"lost"}\n',
      'feed.ndjson',
    );
    assert.equal(feed.rows, 2);
    assert.equal(feed.records[0]!.record.displayName, 'Bo Ng');
    assert.deepEqual([...new Set(feed.issues.map((i) => [i.row, i.line].join(':')))], ['2:3']);
  });

  it('maps status transitions to alert events', () => {
    assert.equal(alertEventFor('in-custody', 'released'), 'release');
    assert.equal(alertEventFor('in-custody', 'transferred'), 'transfer');
    assert.equal(alertEventFor('in-custody', 'escaped'), 'escape');
    assert.equal(alertEventFor('supervised', 'deceased'), 'death');
    for (const from of ['released', 'escaped', 'supervised'] as const)
      assert.equal(alertEventFor(from, 'in-custody'), 'return-to-custody');
    assert.equal(alertEventFor('transferred', 'in-custody'), null);
    assert.equal(alertEventFor('in-custody', 'supervised'), null);
    assert.equal(alertEventFor('released', 'released'), null);
  });

  it('maps immigration transitions to their alert events', () => {
    assert.equal(alertEventFor('in-custody', 'immigration-detainer'), 'immigration-custody');
    assert.equal(alertEventFor('immigration-detainer', 'immigration-detention'), 'immigration-custody');
    assert.equal(alertEventFor('immigration-detention', 'released-on-bond'), 'bond-or-order-release');
    assert.equal(alertEventFor('immigration-detention', 'released-on-order'), 'bond-or-order-release');
    assert.equal(alertEventFor('immigration-detention', 'removed'), 'removal');
    assert.equal(alertEventFor('immigration-detention', 'voluntary-departure'), 'removal');
    assert.equal(alertEventFor('released-on-bond', 'returned-to-custody'), 'return-to-custody');
    for (const from of ['released-on-bond', 'released-on-order', 'removed', 'voluntary-departure'] as const) {
      assert.equal(alertEventFor(from, 'in-custody'), 'return-to-custody');
    }
    assert.equal(alertEventFor('immigration-detention', 'unknown'), null);
  });

  it('reads the wordings feeds use for immigration statuses, and still refuses a status it cannot place', async () => {
    const wordings = {
      'ICE Detainer': 'immigration-detainer',
      'immigration hold': 'immigration-detainer',
      'ICE custody': 'immigration-detention',
      'Released on bond': 'released-on-bond',
      'Order of Recognizance': 'released-on-order',
      'Released on order of supervision': 'released-on-order',
      Deported: 'removed',
      VOLUNTARY_DEPARTURE: 'voluntary-departure',
      'Returned to custody': 'returned-to-custody',
    };
    const rows = Object.keys(wordings).map(
      (w, i) => `BK-${i},booking,Ana,Prueba,1980,${w},Jail,TX,2026-11-01T10:00:00Z,2026-11-28T10:00:00Z,no`,
    );
    const feed = await parseCustodyFeed([HEADER, ...rows].join('\n'), 'feed.csv');
    assert.deepEqual(feed.issues, []);
    assert.deepEqual(
      feed.records.map((r) => r.record.status),
      Object.values(wordings),
    );
    const unknown = await parseCustodyFeed(
      `${HEADER}\nBK-1,booking,Ana,Prueba,1980,paroled,Jail,TX,2026-11-01T10:00:00Z,2026-11-28T10:00:00Z,no`,
      'feed.csv',
    );
    assert.match(unknown.issues[0]!.reason, /"paroled" is not a status; use one of in-custody, immigration-detainer/);
  });
});

describe('custody import', () => {
  let db: Db;
  let enqueued: StatusChangeEvent[];
  const enqueueStatusChanges = async (tx: Db, events: readonly StatusChangeEvent[]) => {
    // Written through the transaction handle: proves the hook runs inside the import's transaction.
    for (const event of events)
      await tx.run('INSERT INTO meta (key, value) VALUES ($1, $2)', [`enqueued:${event.eventId}`, event.alertEvent]);
    enqueued.push(...events);
    return events.length;
  };
  const run = (text: string, options: Partial<Parameters<typeof importCustody>[3]> = {}) =>
    importCustody(db, text, 'feed.csv', { massChangeShare: 0.05, enqueueStatusChanges, now: clock.now, ...options });

  // With TEST_DATABASE_URL the same tests run on a PostgreSQL schema of their own.
  let dropSchema: (() => Promise<void>) | undefined;
  beforeEach(async () => {
    const pg = process.env.TEST_DATABASE_URL ? await createPgSchema(process.env.TEST_DATABASE_URL) : undefined;
    db = await openDb(pg ? { url: pg.url } : { file: ':memory:' });
    dropSchema = pg?.drop;
    await migrate(db);
    enqueued = [];
  });
  afterEach(async () => {
    await db.close();
    await dropSchema?.();
  });

  it('imports all rows or none: one invalid row rejects the file unless --skip-invalid', async () => {
    const text = `${csv(people(3))}\nBK-9,booking,Bad,Row,1980,lost,Jail,TX,2026-11-01T10:00:00Z,2026-11-28T10:00:00Z,no`;
    const rejected = await run(text);
    assert.equal(rejected.outcome, 'rejected');
    assert.deepEqual(
      rejected.issues.map((i) => [i.row, i.field]),
      [[4, 'status']],
    );
    assert.equal(await count(db, 'custody_records'), 0);
    const [logged] = await db.query<{ outcome: string }>('SELECT outcome FROM imports');
    assert.equal(logged?.outcome, 'rejected');

    const skipped = await run(text, { skipInvalid: true });
    assert.equal(skipped.outcome, 'applied');
    assert.equal(skipped.inserted, 3);
    assert.equal(await count(db, 'custody_records'), 3);
  });

  it('finds a person twice in the feed over the whole staged feed, at the later row and its line', async () => {
    const twice = `${csv(people(3))}\n${csv([{ id: 'BK-1001', first: 'Again', last: 'Example', status: 'released' }]).split('\n')[1]}`;
    const rejected = await run(twice);
    assert.equal(rejected.outcome, 'rejected');
    assert.deepEqual(rejected.issues, [
      { row: 4, line: 5, field: 'identifier', reason: 'The same person is already in row 2.' },
    ]);
    assert.equal(rejected.valid, 3);
    assert.equal(await count(db, 'custody_records'), 0);
    const skipped = await run(twice, { skipInvalid: true });
    assert.deepEqual([skipped.outcome, skipped.inserted], ['applied', 3]);
    assert.equal((await statuses(db))['booking:BK1001'], 'in-custody', 'the first row wins');
  });

  it('refuses a new record asking for an id another person has', async () => {
    await run(csv(people(2)));
    const [taken] = await db.query<{ id: string }>(
      "SELECT id FROM custody_records WHERE source_key = 'booking:BK1000'",
    );
    const text = `${HEADER},id\nBK-77,booking,New,Person,1980,in-custody,County Jail,TX,2026-11-01T10:00:00Z,2026-11-28T10:00:00Z,no,${taken!.id}`;
    const rejected = await run(text);
    assert.equal(rejected.outcome, 'rejected');
    assert.deepEqual(rejected.issues, [{ row: 1, field: 'id', reason: 'Another person already has this id.' }]);
    assert.equal(await count(db, 'custody_records'), 2);
  });

  it('merges a feed larger than one chunk, and leaves no staging table behind after success or failure', async () => {
    const many = people(1200);
    const first = await run(csv(many));
    assert.deepEqual([first.outcome, first.rows, first.valid, first.inserted], ['applied', 1200, 1200, 1200]);
    assert.equal(await count(db, 'custody_records'), 1200);
    const byName = (name: string) => searchCustodyRecords(db, { name, page: 1, pageSize: 5 });
    assert.equal((await byName('person1199 exam')).total, 1, 'the last chunk is found by name');
    // On PostgreSQL the staging table is dropped with the import's transaction (ON COMMIT DROP), whatever the outcome.
    const staged = () =>
      db.dialect === 'sqlite' ? db.query("SELECT name FROM sqlite_temp_master WHERE name = 'custody_staging'") : [];
    assert.deepEqual(await staged(), []);
    const again = await run(csv(many.map((p, i) => (i === 1100 ? { ...p, status: 'released' } : p))));
    assert.deepEqual([again.outcome, again.updated, again.unchanged, again.alertEvents], ['applied', 1, 1199, 1]);
    await assert.rejects(
      run(csv(many.map((p, i) => (i === 5 ? { ...p, status: 'escaped' } : p))), {
        enqueueStatusChanges: async () => {
          throw new Error('outbox down');
        },
      }),
      /outbox down/,
    );
    assert.deepEqual(await staged(), []);
  });

  it('re-importing the same file changes nothing', async () => {
    const text = csv(people(5));
    assert.equal((await run(text)).inserted, 5);
    const snapshot = await db.query('SELECT id, data, updated_at FROM custody_records ORDER BY id');
    const events = await count(db, 'custody_events');
    const again = await run(text);
    assert.equal(again.outcome, 'unchanged');
    assert.equal(again.unchanged, 5);
    assert.equal(again.inserted + again.updated, 0);
    assert.deepEqual(await db.query('SELECT id, data, updated_at FROM custody_records ORDER BY id'), snapshot);
    assert.equal(await count(db, 'custody_events'), events);
    assert.equal(enqueued.length, 0);
  });

  it('records status changes as events and enqueues alerts in the same transaction', async () => {
    const start = people(40);
    await run(csv(start));
    assert.equal(await count(db, 'custody_events'), 40, 'first sighting is an event without an alert');
    assert.equal(enqueued.length, 0);

    const next = start.map((p, i) =>
      i === 0
        ? { ...p, status: 'released', changedAt: '2026-11-28T09:00:00Z' }
        : i === 1
          ? { ...p, status: 'escaped' }
          : p,
    );
    const report = await run(csv(next));
    assert.equal(report.outcome, 'applied');
    assert.equal(report.statusChanges, 2);
    assert.equal(report.alertEvents, 2);
    assert.equal(report.notifications, 2);
    assert.deepEqual(enqueued.map((e) => e.alertEvent).sort(), ['escape', 'release']);
    const release = enqueued.find((e) => e.alertEvent === 'release')!;
    assert.equal(release.occurredAt, '2026-11-28T09:00:00.000Z');
    const [event] = await db.query<{ from_status: string; to_status: string; alert_event: string; import_id: string }>(
      'SELECT from_status, to_status, alert_event, import_id FROM custody_events WHERE id = $1',
      [release.eventId],
    );
    assert.deepEqual(
      { ...event, import_id: typeof event!.import_id },
      { from_status: 'in-custody', to_status: 'released', alert_event: 'release', import_id: 'string' },
    );
    assert.equal(await count(db, "meta WHERE key LIKE 'enqueued:%'"), 2);
  });

  it('rolls everything back when the alerts hook fails', async () => {
    const start = people(40);
    await run(csv(start));
    const before = await statuses(db);
    const changed = start.map((p, i) => (i < 2 ? { ...p, status: 'released' } : p));
    await assert.rejects(
      run(csv(changed), {
        enqueueStatusChanges: async () => {
          throw new Error('outbox down');
        },
      }),
      /outbox down/,
    );
    assert.deepEqual(await statuses(db), before);
    assert.equal(await count(db, 'custody_events'), 40);
  });

  it('holds a mass status change until confirmed', async () => {
    const start = people(40);
    await run(csv(start));
    const before = await statuses(db);
    const eventsBefore = await count(db, 'custody_events');
    const massRelease = start.map((p, i) => (i < 3 ? { ...p, status: 'released' } : p)); // 7.5 % > 5 %

    const held = await run(csv(massRelease));
    assert.equal(held.outcome, 'held');
    assert.equal(held.statusChanges, 3);
    assert.match(held.message, /3 of 40 existing records \(7\.5 %\)/);
    assert.match(held.message, /--confirm-mass-change/);
    assert.deepEqual(await statuses(db), before, 'nothing applied');
    assert.equal(await count(db, 'custody_events'), eventsBefore);
    assert.equal(enqueued.length, 0, 'no notifications');
    const outcomes = (
      await db.query<{ outcome: string }>('SELECT outcome FROM imports ORDER BY started_at, finished_at')
    ).map((r) => r.outcome);
    assert.ok(outcomes.includes('held'), 'the held import is logged');

    assert.equal(
      (await run(csv(massRelease), { massChangeShare: 0.1 })).outcome,
      'applied',
      'a larger configured share lets it through',
    );
  });

  it('applies a held change when re-run with confirmation', async () => {
    const start = people(40);
    await run(csv(start));
    const massRelease = start.map((p, i) => (i < 10 ? { ...p, status: 'released' } : p));
    assert.equal((await run(csv(massRelease))).outcome, 'held');
    const confirmed = await run(csv(massRelease), { confirmMassChange: true });
    assert.equal(confirmed.outcome, 'applied');
    assert.equal(confirmed.alertEvents, 10);
    assert.equal(enqueued.length, 10);
    assert.equal(Object.values(await statuses(db)).filter((s) => s === 'released').length, 10);
  });
});

describe('custody import seen through the API', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ SEED_DEMO: 'false' });
  });
  after(() => s.stop());

  it('serves imported records, hides confidential ones, and shows a status change', async () => {
    const start: Person[] = [
      { id: 'BK-1', first: 'Visible', last: 'Person', status: 'in-custody' },
      { id: 'BK-2', first: 'Protected', last: 'Person', status: 'in-custody', confidential: true },
      ...people(30),
    ];
    await importCustody(s.db, csv(start), 'feed.csv', { massChangeShare: 0.05, now: clock.now });
    const found = await json<CustodyPage>(await s.get('/v1/custody?name=visible%20person'));
    assert.deepEqual(
      found.items.map((r) => r.displayName),
      ['Visible Person'],
    );
    assert.equal((await json<CustodyPage>(await s.get('/v1/custody?name=protected%20person'))).total, 0);
    assert.equal((await json<CustodyPage>(await s.get('/v1/custody?identifier=BK-2'))).total, 0);
    const [hidden] = await s.db.query<{ id: string }>(
      "SELECT id FROM custody_records WHERE source_key = 'booking:BK2'",
    );
    assert.equal((await s.get(`/v1/custody/${hidden!.id}`)).status, 404);

    const released = start.map((p) => (p.id === 'BK-1' ? { ...p, status: 'released' } : p));
    assert.equal(
      (await importCustody(s.db, csv(released), 'feed.csv', { massChangeShare: 0.05, now: clock.now })).outcome,
      'applied',
    );
    const id = found.items[0]!.id;
    assert.equal((await json<CustodyRecord>(await s.get(`/v1/custody/${id}`))).status, 'released');
  });
});
