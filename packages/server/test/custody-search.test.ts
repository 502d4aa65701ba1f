// Custody search at scale (issue 14): keyset pages after a cursor, counting only when needed and at most
// CUSTODY_TOTAL_CAP, on SQLite and (with TEST_DATABASE_URL) on PostgreSQL, where an index per word position finds
// names in order. An older client still reads every answer.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { countryKey, CustodyPage, CustodyRecord, type ErrorBody, pageOf } from '@referral-kit/sdk';
import {
  CUSTODY_TOTAL_CAP,
  bornAround,
  compareCustodyOrder,
  custodySortName,
  decodeCustodyCursor,
  matchesNameWords,
  nameQueryWords,
} from '@referral-kit/sdk/custody-search';
import * as z from 'zod/v4/mini';
import { migrate, openDb } from '../src/db/index.js';
import type { Db, SqlParam } from '../src/db/types.js';
import {
  analyzeCustody,
  searchCustodyRecords,
  insertCustodyRecords,
  type CustodySearch,
} from '../src/db/custody-store.js';
import { createPgSchema, json, startTestServer, type TestServer } from './server-harness.js';
import { fromStart } from './clock.js';

const PG_URL = process.env.TEST_DATABASE_URL;

/** People called Quinn: accents, apostrophes and one name twice, so the order needs its id tie-break. */
const QUINNS = [
  'Quinn Ávila',
  'quinn avila',
  "Quinn O'Neil",
  'Quinn Zapata',
  'Ana Quinn',
  'Quinnell Baker',
  'Quinn Ávila',
];
/** More people called Maria than the count goes to. */
const MARIAS = CUSTODY_TOTAL_CAP + 5;
/**
 * Every three-word name over a few words that are first names and later words both, some a prefix of another, each
 * twice (ids apart): the kinds of match PostgreSQL's name search reads apart (first word, later words).
 */
const MIXED_WORDS = ['ana', 'maria', 'jo', 'jose', 'garcia'];
const MIXED = MIXED_WORDS.flatMap((a) => MIXED_WORDS.flatMap((b) => MIXED_WORDS.map((c) => `${a} ${b} ${c}`))).flatMap(
  (name) => [name, name],
);
/** Four-word names: where a search needing several later words finds its matches (PostgreSQL: the long-name index). */
const LONG_WORDS = ['maria', 'ana', 'jose', 'garcia'];
const LONG = LONG_WORDS.flatMap((a) =>
  LONG_WORDS.flatMap((b) => LONG_WORDS.flatMap((c) => LONG_WORDS.map((d) => `${a} ${b} ${c} ${d}`))),
);
/** Five words and more: PostgreSQL reads a fifth or later word through the index of longer names. */
const LONGER = [
  'maria de los angeles garcia',
  'jose de la cruz maria',
  'garcia ana maria jose garcia',
  'ana maria de los garcia lopez',
];
/** Once each: words rare enough that PostgreSQL's statistics do not list them (read together, not a part each). */
const ONCE = ['garcia jose anabel', 'garcia maria anahi'];
/** Countries and birth years the mixed and long names cycle through. */
const COUNTRIES = ['México', 'Cuba', 'Haïti'];
const mixedBirth = (i: number) => ({ countryOfBirth: COUNTRIES[i % COUNTRIES.length]!, birthYear: 1980 + (i % 5) });

function record(id: string, displayName: string): CustodyRecord {
  return {
    id,
    displayName,
    identifiers: [{ type: 'booking', value: id.toUpperCase() }],
    status: 'in-custody',
    sourceUpdatedAt: fromStart(0),
  };
}

async function seed(db: Db) {
  const people = [
    ...QUINNS.map((name, i) => record(`cus-q${String(7 - i).padStart(2, '0')}`, name)),
    ...Array.from({ length: MARIAS }, (_, i) => record(`cus-m${String(i).padStart(5, '0')}`, `Maria Test ${i}`)),
    // Ids in reverse so the id order within one name is not the insertion order.
    ...MIXED.map((name, i) => ({
      ...record(`cus-x${String(MIXED.length - i).padStart(4, '0')}`, name),
      ...mixedBirth(i),
    })),
    ...LONG.map((name, i) => ({ ...record(`cus-l${String(i).padStart(4, '0')}`, name), ...mixedBirth(i) })),
    ...LONGER.flatMap((name, i) => [record(`cus-v${i}a`, name), record(`cus-v${i}b`, name)]),
    ...ONCE.map((name, i) => record(`cus-o${i}`, name)),
  ];
  await db.transaction((tx) =>
    insertCustodyRecords(
      tx,
      people.map((r) => ({ record: r, sourceKey: `booking:${r.id}`, confidential: false })),
      fromStart(0),
    ),
  );
  return people;
}

/** The database, with every SELECT it is sent written down (but PostgreSQL's word statistics, read now and then). */
function recording(db: Db): { db: Db; statements: string[]; params: (readonly SqlParam[] | undefined)[] } {
  const statements: string[] = [];
  const params: (readonly SqlParam[] | undefined)[] = [];
  return {
    statements,
    params,
    db: {
      dialect: db.dialect,
      query: (sql, values) => {
        // PostgreSQL's planning reads aside (word statistics; the words found at each position of a name).
        if (!sql.includes('pg_stats') && !sql.includes('custody_words_starting')) {
          statements.push(sql);
          params.push(values);
        }
        return db.query(sql, values);
      },
      run: (sql, params) => db.run(sql, params),
      transaction: (fn) => db.transaction(fn),
      close: () => db.close(),
    },
  };
}

function storeTests(name: string, open: () => Promise<{ db: Db; drop: () => Promise<void> }>, skip: string | false) {
  describe(`custody search: ${name}`, { skip }, () => {
    let db: Db;
    let drop: () => Promise<void>;
    let people: CustodyRecord[];
    const search = (s: Partial<CustodySearch>, on = db) => searchCustodyRecords(on, { page: 1, pageSize: 20, ...s });

    before(async () => {
      ({ db, drop } = await open());
      await migrate(db);
      people = await seed(db);
    });
    after(async () => {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
      await db?.close();
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
      await drop?.();
    });

    it('walks every match once by cursor, by sort name then id, with the first count carried along', async () => {
      const expected = people
        .filter((p) => p.displayName.toLowerCase().includes('quinn'))
        .map((p) => ({ sortName: custodySortName(p.displayName), id: p.id }))
        .sort(compareCustodyOrder)
        .map((p) => p.id);
      const seen: string[] = [];
      let page = await search({ name: 'QUINN', pageSize: 2 });
      assert.equal(page.total, QUINNS.length);
      for (let n = 1; ; n++) {
        assert.equal(page.page, n);
        assert.equal(page.total, QUINNS.length);
        assert.deepEqual(
          page.items.map((r) => r.id),
          (await search({ name: 'quinn', pageSize: 2, page: n })).items.map((r) => r.id),
          'the same page by number',
        );
        seen.push(...page.items.map((r) => r.id));
        if (!page.next) break;
        page = await search({ name: 'quinn', pageSize: 2, cursor: decodeCustodyCursor(page.next) });
      }
      assert.deepEqual(seen, expected);
      assert.deepEqual(
        (await search({ name: 'quinn avila' })).items.map((r) => r.id),
        ['cus-q01', 'cus-q06', 'cus-q07'],
        'equal sort names in id order',
      );
    });

    it('counts only when the first page does not hold every match, up to the cap, and never counts again', async () => {
      const few = recording(db);
      const quinns = await search({ name: 'quinn' }, few.db);
      assert.deepEqual([quinns.total, quinns.next, few.statements.length], [QUINNS.length, undefined, 1]);

      const many = recording(db);
      const first = await search({ name: 'maria te', pageSize: 10 }, many.db);
      assert.deepEqual([first.total, first.totalCapped, first.items.length], [CUSTODY_TOTAL_CAP, true, 10]);
      assert.ok(
        many.statements.some((sql) => /COUNT/.test(sql) && sql.includes(`LIMIT ${CUSTODY_TOTAL_CAP + 1}`)),
        'the count stops at the cap',
      );

      const later = recording(db);
      const second = await search(
        { name: 'maria te', pageSize: 10, cursor: decodeCustodyCursor(first.next!) },
        later.db,
      );
      assert.deepEqual([second.page, second.total, second.totalCapped], [2, CUSTODY_TOTAL_CAP, true]);
      assert.equal(later.statements.length, 1);
      assert.doesNotMatch(later.statements[0]!, /COUNT|OFFSET/);
    });

    it('answers the same records in the same order whichever way the database reads them', async () => {
      // "1" starts more distinct third words ("Maria Test 1", "… 10", "… 100") than PostgreSQL reads one by one.
      const names = ['ana', 'jo', 'jo jose', 'jose jo', 'maria ana', 'garcia', 'garcia ana jose', 'g', 'an', 'mar jos'];
      names.push(
        '1',
        'maria 10',
        'de',
        'cruz',
        'los garcia',
        'lopez ana',
        'angeles jose',
        'ana gar',
        'maria tes',
        'quinn zap',
      );
      const queries: Partial<CustodySearch>[] = [
        ...names.map((name) => ({ name })),
        { name: 'jose ana garcia maria' },
        { name: 'ana jo garcia' },
        { name: 'maria garcia', countryOfBirth: 'MEXICO', birthYear: 1982 },
        { name: 'ana jose', countryOfBirth: 'haiti', birthYear: 1980 },
        { name: 'jo', countryOfBirth: 'Cuba' },
        { name: 'garcia', birthYear: 1984 },
      ];
      // PostgreSQL reads each part of a name search in order from an index, or gathers its matches and sorts them, as
      // it estimates: forced each way here, the answers stay the same.
      const plans: Record<string, string[]> =
        name === 'PostgreSQL'
          ? {
              planned: [],
              'read in order': ['enable_bitmapscan', 'enable_seqscan'],
              'gathered and sorted': ['enable_indexscan', 'enable_indexonlyscan'],
            }
          : { planned: [] };
      // With statistics, PostgreSQL starts from the word whose parts read least and splits common words' stretches.
      await analyzeCustody(db);
      for (const [plan, off] of Object.entries(plans)) {
        await db.transaction(async (tx) => {
          for (const setting of off) await tx.run(`SET LOCAL ${setting} = off`);
          for (const query of queries) {
            const words = nameQueryWords(query.name!);
            const { countryOfBirth: country, birthYear: year } = query;
            const expected = people
              .filter((p) => matchesNameWords(custodySortName(p.displayName), words))
              .filter((p) => country === undefined || countryKey(p.countryOfBirth ?? '') === countryKey(country))
              .filter((p) => year === undefined || bornAround(p.birthYear ?? null, year))
              .map((p) => ({ sortName: custodySortName(p.displayName), id: p.id }))
              .sort(compareCustodyOrder)
              .map((p) => p.id);
            const find = (s: Partial<CustodySearch>) => search({ pageSize: 7, ...query, ...s }, tx);
            const seen: string[] = [];
            let page = await find({});
            assert.equal(
              page.total,
              Math.min(expected.length, CUSTODY_TOTAL_CAP),
              `${JSON.stringify(query)} (${plan}): total`,
            );
            for (;;) {
              seen.push(...page.items.map((r) => r.id));
              if (!page.next) break;
              page = await find({ cursor: decodeCustodyCursor(page.next) });
            }
            assert.deepEqual(seen, expected, `${JSON.stringify(query)} (${plan}) by cursor`);
            const third = await find({ page: 3 });
            assert.deepEqual(
              third.items.map((r) => r.id),
              expected.slice(14, 21),
              `${JSON.stringify(query)} (${plan}) page 3 by number`,
            );
            const past = await find({ page: Math.ceil(expected.length / 7) + 1 });
            assert.deepEqual(
              [past.items, past.total],
              [[], Math.min(expected.length, CUSTODY_TOTAL_CAP)],
              `${JSON.stringify(query)} (${plan}) a page past the last still counts`,
            );
          }
        });
      }
    });

    it('finds nothing for a name without letters or digits', async () => {
      assert.deepEqual(await search({ name: '!!' }), { items: [], total: 0, page: 1 });
    });

    if (name === 'PostgreSQL') {
      it('keeps no statement prepared on its connection, so PgBouncer in transaction mode can pool it', async () => {
        const left = await db.transaction(async (tx) => {
          await search({ name: 'maria ana' }, tx);
          await search({ name: 'garcia jo' }, tx);
          return tx.query<{ n: number }>('SELECT COUNT(*) AS n FROM pg_prepared_statements');
        });
        assert.deepEqual(left, [{ n: 0 }]);
      });

      it('reads a later word through its own index in name order, checking the other words there; no prefix rows', async () => {
        const [table] = await db.query<{ t: string | null }>("SELECT to_regclass('custody_name_prefixes')::text AS t");
        assert.equal(table!.t, null);
        await analyzeCustody(db);
        const spied = recording(db);
        await search({ name: 'avila' }, spied.db);
        const plan = await db.transaction(async (tx) => {
          await tx.run('SET LOCAL enable_seqscan = off');
          await tx.run('SET LOCAL enable_bitmapscan = off');
          const rows = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${spied.statements[0]}`, spied.params[0]);
          return rows.map((r) => r['QUERY PLAN']).join('\n');
        });
        // "avila" is a second word: one stretch of the second word's index, the name read from the index alone.
        assert.match(plan, /Index Only Scan using custody_records_second_word/);
        assert.match(plan, /Index Cond: .*split_part\(sort_name, ' '::text, 2\)\) = 'avila'/);
        assert.doesNotMatch(plan, /Sort Method|Sort Key: r\.sort_name/);
      });
    }
  });
}

storeTests('SQLite', async () => ({ db: await openDb({ file: ':memory:' }), drop: async () => {} }), false);
storeTests(
  'PostgreSQL',
  async () => {
    const schema = await createPgSchema(PG_URL!);
    return { db: await openDb({ url: schema.url }), drop: schema.drop };
  },
  PG_URL ? false : 'PostgreSQL tests skipped: set TEST_DATABASE_URL=postgres://user:pass@host/db to run them',
);

describe('custody search over HTTP', () => {
  let s: TestServer;
  before(async () => (s = await startTestServer()));
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
  after(() => s?.stop());

  it('an older client (items, total, page, pageSize) still reads every answer, paged by number or cursor', async () => {
    const olderPage = pageOf(CustodyRecord);
    const first = await json<CustodyPage>(await s.get('/v1/custody?name=ma&pageSize=2'));
    assert.ok(z.safeParse(olderPage, first).success);
    assert.ok(z.safeParse(CustodyPage, first).success);
    assert.equal(typeof first.next, 'string');
    const byNumber = await json<CustodyPage>(await s.get('/v1/custody?name=ma&pageSize=2&page=2'));
    const byCursor = await json<CustodyPage>(await s.get(`/v1/custody?name=ma&pageSize=2&cursor=${first.next ?? ''}`));
    assert.ok(z.safeParse(olderPage, byNumber).success && z.safeParse(olderPage, byCursor).success);
    assert.deepEqual(byCursor, byNumber);
  });

  it('rejects a cursor it did not make, with the field named', async () => {
    const response = await s.get('/v1/custody?name=ma&cursor=page-2');
    assert.equal(response.status, 400);
    const body = await json<ErrorBody>(response);
    assert.equal(body.error.code, 'validation_failed');
    assert.deepEqual(
      body.error.fields.map((f) => f.path),
      ['cursor'],
    );
  });
});
