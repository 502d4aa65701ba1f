// The Db adapters behave the same on SQLite and PostgreSQL: placeholders, transactions, migrations, the core
// stores. PostgreSQL runs only when TEST_DATABASE_URL points at a server (each run gets its own schema).
import { after, before, describe, it } from 'node:test';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import assert from 'node:assert/strict';
import { migrate, migrationFiles, openDb } from '../src/db/index.js';
import type { Db } from '../src/db/types.js';
import { onlyNamedParams, toPositional } from '../src/db/placeholders.js';
import { seedDemo } from '../src/db/seed.js';
import { getCustodyRecord, searchCustodyRecords } from '../src/db/custody-store.js';
import { loadHotlines, loadServices } from '../src/db/services-store.js';
import { importCustody } from '../src/import/custody-import.js';
import { SMALL_FIXTURES, createPgSchema } from './server-harness.js';
import { testClock } from './clock.js';

const clock = testClock();

describe('placeholders for SQLite', () => {
  it('rewrites $n to ? in order of use, outside quotes', () => {
    assert.deepEqual(toPositional('SELECT $2, \'$1\', "$3", $1, $2'), {
      sql: 'SELECT ?, \'$1\', "$3", ?, ?',
      order: [1, 0, 1],
    });
  });

  it('sends only the parameters a statement names, renumbered in order of first use', () => {
    assert.deepEqual(onlyNamedParams("SELECT $3, '$2', $1, $3", ['a', 'b', 'c']), {
      sql: "SELECT $1, '$2', $2, $1",
      params: ['c', 'a'],
    });
  });
});

const PG_URL = process.env.TEST_DATABASE_URL;
const PG_SKIP = PG_URL
  ? false
  : 'PostgreSQL tests skipped: set TEST_DATABASE_URL=postgres://user:pass@host/db to run them';

function contract(
  name: string,
  open: () => Promise<Db>,
  options: { skip?: string | false; cleanup?: () => Promise<void> } = {},
) {
  describe(`Db contract: ${name}`, { skip: options.skip }, () => {
    let db: Db;
    before(async () => {
      db = await open();
      await migrate(db);
    });
    after(async () => {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
      await db?.close();
      await options.cleanup?.();
    });

    it('applies each migration once and records it', async () => {
      assert.deepEqual(await migrate(db), [], 'nothing left to apply');
      const rows = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
      assert.deepEqual(
        rows.map((r) => r.name),
        migrationFiles(db.dialect).map((f) => f.name),
      );
    });

    it('runs statements with $n parameters, booleans as 0/1, and counts changes', async () => {
      await db.run('INSERT INTO meta (key, value) VALUES ($1, $2)', ['k1', 'v1']);
      const { changes } = await db.run('UPDATE meta SET value = $2 WHERE key = $1 OR key = $1', ['k1', 'v2']);
      assert.equal(changes, 1);
      assert.deepEqual(await db.query('SELECT key, value FROM meta WHERE key = $1', ['k1']), [
        { key: 'k1', value: 'v2' },
      ]);
      const [row] = await db.query<{ yes: number; no: number }>(
        'SELECT CAST($1 AS INTEGER) AS yes, CAST($2 AS INTEGER) AS no',
        [true, false],
      );
      assert.deepEqual({ yes: Number(row!.yes), no: Number(row!.no) }, { yes: 1, no: 0 });
      const [count] = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM meta WHERE key = $1', ['k1']);
      assert.equal(count!.n, 1, 'counts come back as numbers');
    });

    it('commits on resolve, rolls back on throw, and nested calls join the outer transaction', async () => {
      await db.transaction(async (tx) => {
        await tx.run('INSERT INTO meta (key, value) VALUES ($1, $2)', ['t1', 'a']);
        await tx.transaction((inner) => inner.run('INSERT INTO meta (key, value) VALUES ($1, $2)', ['t2', 'b']));
      });
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.run('INSERT INTO meta (key, value) VALUES ($1, $2)', ['t3', 'c']);
          await tx.transaction((inner) => inner.run('INSERT INTO meta (key, value) VALUES ($1, $2)', ['t4', 'd']));
          throw new Error('abort');
        }),
        /abort/,
      );
      const keys = (await db.query<{ key: string }>("SELECT key FROM meta WHERE key LIKE 't%' ORDER BY key")).map(
        (r) => r.key,
      );
      assert.deepEqual(keys, ['t1', 't2']);
    });

    it('keeps concurrent transactions apart: both commit, neither fails', async () => {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const slow = db.transaction(async (tx) => {
        await tx.run('INSERT INTO meta (key, value) VALUES ($1, $2)', ['c1', 'x']);
        await gate;
      });
      const fast = db.transaction((tx) => tx.run('INSERT INTO meta (key, value) VALUES ($1, $2)', ['c2', 'y']));
      await new Promise((r) => setImmediate(r));
      release();
      await Promise.all([slow, fast]);
      const keys = (await db.query<{ key: string }>("SELECT key FROM meta WHERE key LIKE 'c%' ORDER BY key")).map(
        (r) => r.key,
      );
      assert.deepEqual(keys, ['c1', 'c2']);
    });

    it('seeds demo data once and searches it the same way', async () => {
      const fixtures = SMALL_FIXTURES();
      assert.equal(await seedDemo(db, clock.now(), fixtures), true);
      assert.equal(await seedDemo(db, clock.now(), fixtures), false, 'idempotent');
      assert.equal((await loadServices(db)).length, fixtures.services.length);
      assert.deepEqual(
        (await loadHotlines(db)).map((h) => h.id),
        fixtures.hotlines.map((h) => h.id),
      );
      const found = await searchCustodyRecords(db, { name: 'jose angel', birthYear: 1987, page: 1, pageSize: 10 });
      assert.deepEqual(
        found.items.map((r) => r.displayName),
        ['José Ángel Martínez Ruiz'],
      );
      assert.equal((await searchCustodyRecords(db, { identifier: 'a 123-456-789', page: 1, pageSize: 10 })).total, 1);
      assert.equal((await getCustodyRecord(db, fixtures.custody[1]!.id))?.id, fixtures.custody[1]!.id);
    });

    it('imports a custody feed with the guard and events', async () => {
      const header = 'identifier,display_name,status,updated_at';
      const rows = (status: (i: number) => string) =>
        [
          header,
          ...Array.from({ length: 30 }, (_, i) => `PG-${i},Pg Person ${i},${status(i)},2026-11-28T10:00:00Z`),
        ].join('\n');
      assert.equal(
        (
          await importCustody(
            db,
            rows(() => 'in-custody'),
            'f.csv',
            { massChangeShare: 0.05, now: clock.now },
          )
        ).inserted,
        30,
      );
      assert.equal(
        (
          await importCustody(
            db,
            rows((i) => (i < 5 ? 'released' : 'in-custody')),
            'f.csv',
            { massChangeShare: 0.05, now: clock.now },
          )
        ).outcome,
        'held',
      );
      const applied = await importCustody(
        db,
        rows((i) => (i < 1 ? 'released' : 'in-custody')),
        'f.csv',
        { massChangeShare: 0.05, now: clock.now },
      );
      assert.equal(applied.alertEvents, 1);
      const [event] = await db.query<{ alert_event: string }>(
        'SELECT alert_event FROM custody_events WHERE alert_event IS NOT NULL',
      );
      assert.equal(event?.alert_event, 'release');
    });
  });
}

contract('SQLite', () => openDb({ file: ':memory:' }));

describe('SQLite single connection', () => {
  it('makes a reader wait while a transaction is open, so it never sees uncommitted rows', async () => {
    const db = await openDb({ file: ':memory:' });
    await migrate(db);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const writing = db.transaction(async (tx) => {
      await tx.run('INSERT INTO meta (key, value) VALUES ($1, $2)', ['w', 'uncommitted']);
      await gate;
      await tx.run('UPDATE meta SET value = $1 WHERE key = $2', ['committed', 'w']);
    });
    let seen: unknown;
    const reading = db
      .query<{ value: string }>("SELECT value FROM meta WHERE key = 'w'")
      .then((rows) => (seen = rows[0]?.value));
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    assert.equal(seen, undefined, 'the read has not run yet');
    release();
    await Promise.all([writing, reading]);
    assert.equal(seen, 'committed');
    await db.close();
  });
});

describe('SQLite file shared by two connections (as by the API and a CLI import)', () => {
  let dir: string;
  const open = async () => {
    const db = await openDb({ file: join(dir, 'shared.sqlite') });
    await migrate(db);
    return db;
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rk-db-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lets a writer already waiting for the lock go before a background transaction', { timeout: 30_000 }, async () => {
    const [bulk, api] = [await open(), await open()];
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const holding = bulk.transaction(async (tx) => {
      await tx.run("INSERT INTO meta (key, value) VALUES ('chunk-1', 'x')");
      await gate;
    });
    const signup = api.transaction(async (tx) => {
      await tx.run("INSERT INTO meta (key, value) VALUES ('signup', 'x')");
      order.push('signup');
    });
    await sleep(50); // the signup is now retrying for the lock the first chunk holds
    release();
    await holding;
    await bulk.transaction(
      async (tx) => {
        await tx.run("INSERT INTO meta (key, value) VALUES ('chunk-2', 'x')");
        order.push('chunk-2');
      },
      { background: true },
    );
    await signup;
    assert.deepEqual(order, ['signup', 'chunk-2']);
    await Promise.all([bulk.close(), api.close()]);
  });

  it('checkpoints the write-ahead log off every commit, in a thread of its own', { timeout: 90_000 }, async () => {
    // A file of its own: pages a migration freed would take the new rows without growing the file.
    const file = join(dir, 'checkpointed.sqlite');
    const db = await openDb({ file });
    const [setting] = await db.query<{ wal_autocheckpoint: number }>('PRAGMA wal_autocheckpoint');
    assert.equal(setting?.wal_autocheckpoint, 0, 'no commit pays for a checkpoint');
    const grown = async (beyond: number) => {
      const deadline = Date.now() + 60_000;
      while (statSync(file).size <= beyond && Date.now() < deadline) await sleep(100);
      return statSync(file).size > beyond;
    };
    await db.run('CREATE TABLE blobs (value TEXT NOT NULL)');
    assert.ok(await grown(0), 'the checkpointer copied the new table into the database');
    const before = statSync(file).size;
    await db.run('INSERT INTO blobs (value) VALUES ($1)', ['x'.repeat(4 * 2 ** 20)]);
    assert.equal(statSync(file).size, before, 'the commit left the pages in the log');
    assert.ok(await grown(before + 4 * 2 ** 20), 'the checkpointer copied them into the database');
    await db.close();
  });
});

let schema: Awaited<ReturnType<typeof createPgSchema>> | undefined;
contract(
  'PostgreSQL',
  async () => {
    schema = await createPgSchema(PG_URL!);
    return openDb({ url: schema.url });
  },
  { skip: PG_SKIP, cleanup: async () => schema?.drop() },
);

describe('PostgreSQL pool size', { skip: PG_SKIP }, () => {
  it('holds at most DATABASE_POOL_SIZE connections at once', async () => {
    const pool = await createPgSchema(PG_URL!);
    const db = await openDb({ url: pool.url, poolSize: 2 });
    try {
      const rows = await Promise.all(
        Array.from({ length: 6 }, () => db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid, pg_sleep(0.05)')),
      );
      assert.equal(new Set(rows.map(([row]) => row!.pid)).size, 2);
    } finally {
      await db.close();
      await pool.drop();
    }
  });
});
