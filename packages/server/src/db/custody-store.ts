// Custody records in the database: written by the importer and the demo seed, read by the API.
// Confidential records (protected persons) are filtered in every read query here, so no route can leak them.
import {
  IdentifierType,
  countryKey,
  identifierKey,
  type CustodyPage,
  type CustodyRecord,
  type CustodySearchFilters,
  type Facility,
} from '@referral-kit/sdk';
import {
  BIRTH_YEAR_TOLERANCE,
  CUSTODY_TOTAL_CAP,
  compareCustodyOrder,
  custodySortName,
  encodeCustodyCursor,
  estimatedBirthYear,
  nameQueryWords,
  nameWordKeys,
  type CustodyCursor,
} from '@referral-kit/sdk/custody-search';
import type { Db } from './types.js';
import { insertMany } from './batch.js';
import { loadFacilityStates } from './facility-store.js';
import { canonicalJson, normalizeIdentifier, sha256 } from './normalize.js';
import { onlyNamedParams } from './placeholders.js';

export interface CustodyWrite {
  record: CustodyRecord;
  sourceKey: string;
  confidential: boolean;
  /** The facility record the person is held in; reads embed it in place of `record.facility`. */
  facilityId?: string | undefined;
}

export interface CustodySearch extends CustodySearchFilters {
  pageSize: number;
  /** Where the page starts: after the cursor's record, else (as older clients ask) at this page number. */
  page: number;
  cursor?: CustodyCursor | undefined;
}

const IDENTIFIER_TYPES = IdentifierType.options;

/** A record as the feed gives it: everything but the public id, which the database keeps or assigns. */
export type CustodyContent = Omit<CustodyWrite, 'record'> & { record: Omit<CustodyRecord, 'id'> };

/**
 * What the feed says about a person, hashed without the public id, so an import can tell an unchanged record in SQL,
 * before it knows which id the record has. (Hashes written before the id was left out differ: the first import after
 * that change rewrites each record once, with no status event.)
 */
export function contentHashOf(content: CustodyContent): string {
  const { record, confidential, sourceKey, facilityId } = content;
  const { id: _id, ...withoutId } = record as Partial<CustodyRecord>;
  return sha256(canonicalJson({ record: withoutId, confidential, sourceKey, facilityId }));
}

/** The columns of custody_records other than id and data, in CUSTODY_COLUMNS order after those two. */
export function custodyColumns(
  content: CustodyContent,
  facilityStates: ReadonlyMap<string, string>,
  now: string,
): (string | number | null)[] {
  const { record, confidential, facilityId } = content;
  // The state searches filter on is the facility record's, when the person is in one.
  const state =
    (facilityId === undefined ? undefined : facilityStates.get(facilityId)) ?? record.facility?.state ?? null;
  return [
    content.sourceKey,
    contentHashOf(content),
    record.status,
    confidential ? 1 : 0,
    custodySortName(record.displayName),
    estimatedBirthYear(record),
    state,
    record.sourceUpdatedAt,
    now,
    record.countryOfBirth === undefined ? null : countryKey(record.countryOfBirth),
    facilityId ?? null,
  ];
}

export const CUSTODY_COLUMNS = [
  'id',
  'data',
  'source_key',
  'content_hash',
  'status',
  'confidential',
  'sort_name',
  'birth_year',
  'state',
  'source_updated_at',
  'updated_at',
  'country_key',
  'facility_id',
] as const;

/** One record's custody_identifiers rows ([value, type]), each type and key once. */
export function identifierRows(record: Pick<CustodyRecord, 'identifiers'>): [string, string][] {
  const unique = new Map(
    record.identifiers.map((i) => [
      `${i.type}:${identifierKey(i.type, i.value)}`,
      [identifierKey(i.type, i.value), i.type] as [string, string],
    ]),
  );
  return [...unique.values()];
}

/** The source key of a record: its first identifier, normalized, with its type. */
export function sourceKeyOf(type: IdentifierType, value: string): string {
  return `${type}:${normalizeIdentifier(value)}`;
}

/**
 * Inserts records with their search rows, in batched statements (the demo seed and tests; imports merge in SQL from
 * their staged feed). Call inside a transaction.
 */
export async function insertCustodyRecords(tx: Db, writes: readonly CustodyWrite[], now: string): Promise<void> {
  const facilityStates = writes.some((w) => w.facilityId !== undefined)
    ? await loadFacilityStates(tx)
    : new Map<string, string>();
  await insertMany(
    tx,
    'custody_records',
    CUSTODY_COLUMNS,
    writes.map((w) => [w.record.id, JSON.stringify(w.record), ...custodyColumns(w, facilityStates, now)]),
  );
  // PostgreSQL finds names through its indexes on sort_name (migrations 012, 015); SQLite keeps one row per name word.
  if (tx.dialect === 'sqlite') {
    await insertMany(
      tx,
      'custody_name_words',
      ['word', 'record_id'],
      writes.flatMap(({ record }) => nameWordKeys(record.displayName).map((word) => [word, record.id])),
    );
  }
  await insertMany(
    tx,
    'custody_identifiers',
    ['value', 'type', 'record_id'],
    writes.flatMap(({ record }) => identifierRows(record).map(([value, type]) => [value, type, record.id])),
  );
}

/** Refreshes planner statistics after bulk writes, so name and ID searches start from the selective index. */
export async function analyzeCustody(db: Db): Promise<void> {
  const tables = ['custody_records', 'custody_identifiers'];
  if (db.dialect === 'sqlite') {
    tables.push('custody_name_words');
    // ANALYZE holds SQLite's write lock while it reads: bounded to a sample (as PostgreSQL samples anyway), it takes
    // milliseconds instead of seconds on millions of rows.
    await db.run('PRAGMA analysis_limit = 1000');
  }
  for (const table of tables) await db.run(`ANALYZE ${table}`);
  wordShares.delete(db);
}

/** A stored record joined with its facility (`SELECT r.id, r.sort_name, r.data, f.data AS facility … LEFT JOIN facilities f`). */
interface StoredRow {
  id: string;
  sort_name: string;
  data: string;
  facility: string | null;
}
const WITH_FACILITY =
  'SELECT r.id, r.sort_name, r.data, f.data AS facility FROM custody_records r LEFT JOIN facilities f ON f.id = r.facility_id';

/** The record as the API answers it: the stored facility record, when there is one, replaces what the feed gave. */
function answerOf(row: StoredRow): CustodyRecord {
  const record = JSON.parse(row.data) as CustodyRecord;
  return row.facility === null ? record : { ...record, facility: JSON.parse(row.facility) as Facility };
}

export async function getCustodyRecord(db: Db, id: string): Promise<CustodyRecord | null> {
  const rows = await db.query<StoredRow>(`${WITH_FACILITY} WHERE r.id = $1 AND r.confidential = 0`, [id]);
  return rows[0] ? answerOf(rows[0]) : null;
}

/** The newest source update among the records anyone can look up: how fresh the lookup's data is. */
export async function newestCustodyUpdate(db: Db): Promise<string | null> {
  const [row] = await db.query<{ newest: string | null }>(
    'SELECT MAX(source_updated_at) AS newest FROM custody_records WHERE confidential = 0',
  );
  return row?.newest ?? null;
}

/** A page of a custody search, as the API answers it (`pageSize` aside). */
export type CustodySearchResult = Omit<CustodyPage, 'pageSize'>;

/** The first text after every text that starts with `prefix`, in code point order. */
function afterPrefix(prefix: string): string {
  const chars = Array.from(prefix);
  // A query word is letters and digits, so its last code point is never U+10FFFF.
  return chars.slice(0, -1).join('') + String.fromCodePoint(chars.at(-1)!.codePointAt(0)! + 1);
}

/** Searches between two reloads of the word statistics (ANALYZE, also run by autovacuum, changes them). */
const WORD_SHARES_SEARCHES = 10_000;

/** How common words are, from PostgreSQL's statistics (a sample: words missing are rare). */
interface WordShares {
  /** The share of names whose first word is each common word. */
  first: Map<string, number>;
  /** The share of names holding each common word as their second, third or fourth, summed. */
  later: Map<string, number>;
  /** The share of names of four words or more. */
  long: number;
  records: number;
}
const wordShares = new WeakMap<Db, { shares: WordShares; searchesLeft: number }>();

/** Kept per database, reloaded now and then and after analyzeCustody. */
async function wordSharesOf(db: Db): Promise<WordShares> {
  const cached = wordShares.get(db);
  if (cached && cached.searchesLeft-- > 0) return cached.shares;
  // An index's shares are of its own rows: the fourth word's index holds only the names that have one.
  const stats = await db.query<{
    source: string;
    words: string[] | null;
    shares: number[] | null;
    indexed: number | null;
    records: number | null;
  }>(
    `SELECT 'first' AS source, most_common_vals::text::text[] AS words, most_common_freqs AS shares, 1 AS indexed,
       (SELECT reltuples FROM pg_class WHERE oid = to_regclass('custody_records')) AS records
     FROM pg_stats_ext_exprs
     WHERE statistics_schemaname = current_schema() AND statistics_name = 'custody_records_first_word'
     UNION ALL
     SELECT s.tablename, s.most_common_vals::text::text[], s.most_common_freqs,
       (SELECT i.reltuples / NULLIF(GREATEST(t.reltuples, 0), 0) FROM pg_class i, pg_class t
        WHERE i.oid = to_regclass(s.tablename) AND t.oid = to_regclass('custody_records')), NULL
     FROM pg_stats s WHERE s.schemaname = current_schema()
       AND s.tablename IN ('custody_records_second_word', 'custody_records_third_word', 'custody_records_fourth_word')`,
  );
  const shares: WordShares = { first: new Map(), later: new Map(), long: 0, records: 0 };
  for (const { source, words, shares: freqs, indexed, records } of stats) {
    const scale = indexed === null ? 1 : Number(indexed);
    const into = source === 'first' ? shares.first : shares.later;
    (words ?? []).forEach((word, i) => into.set(word, (into.get(word) ?? 0) + Number(freqs?.[i] ?? 0) * scale));
    if (source === 'custody_records_fourth_word') shares.long = scale;
    if (records !== null) shares.records = Math.max(0, Number(records));
  }
  wordShares.set(db, { shares, searchesLeft: WORD_SHARES_SEARCHES });
  return shares;
}

/** Rows a first page and a capped count read at most in one stretch holding matches this dense. */
const ROWS_FOR_CAP = CUSTODY_TOTAL_CAP + 1;
/** What one more part of a search costs PostgreSQL to parse and plan, in rows read (about a millisecond). */
const PART_ROWS = 1500;
/** The share a word missing from the statistics is taken to have: rare, but not so rare a stretch looks free. */
const RARE_SHARE = 1e-4;

/**
 * The query word to start from (the one whose parts, postgresNameParts, read the fewest rows as the statistics tell)
 * and the other word its first-word range is split by (the one that starts the fewest later words), when it has
 * one. A first-word range, split, holds matches densely but for the words other than the split's; else it is read
 * until the count's cap at the density the other words give (or whole). Later-word stretches are read whole, but for
 * their names of four words or more only once two other words must start later words of them.
 */
function startingWord(words: string[], shares: WordShares): { driver: string; splitBy?: string } {
  const shareIn = (map: Map<string, number>, word: string) =>
    [...map].reduce((sum, [common, share]) => (common.startsWith(word) ? sum + share : sum), 0);
  const total = (word: string) => Math.max(RARE_SHARE, shareIn(shares.first, word) + shareIn(shares.later, word));
  const records = Math.max(1, shares.records);
  const plan = (driver: string) => {
    const others = words.filter((word) => word !== driver);
    const shortest = shortestWords(others);
    const splitBy =
      shareIn(shares.first, driver) >= SPLIT_SHARE_MIN && shortest.length > 0
        ? shortest.reduce((a, b) => (shareIn(shares.later, b) < shareIn(shares.later, a) ? b : a))
        : undefined;
    const dense = others.filter((word) => word !== splitBy);
    const density = dense.reduce((product, word) => product * Math.min(1, total(word)), 1);
    const first = Math.min(shareIn(shares.first, driver) * records, ROWS_FOR_CAP / density);
    const later = shareIn(shares.later, driver) * records * (shortest.length >= 2 ? shares.long : 1);
    // Parts, roughly: each common later word of the driver, at two positions, split by the others' first words; the
    // split's stretches of the other word's common third words; the few parts every search has.
    const common = (word: string) =>
      [...shares.later].filter(([w, share]) => w.startsWith(word) && share >= SPLIT_SHARE_MIN);
    const parts =
      common(driver).length * 2 * (shortest.length + 1) + (splitBy === undefined ? 0 : common(splitBy).length) + 4;
    return { driver, splitBy, cost: first + later + parts * PART_ROWS };
  };
  const { cost: _cost, ...best } = words.map(plan).reduce((a, b) => (b.cost < a.cost ? b : a));
  return best;
}

/** A query word that starts no other query word: the ranges of the others lie inside its range. */
function shortestWords(words: string[]): string[] {
  return words.filter((word) => !words.some((other) => other !== word && word.startsWith(other)));
}

/** A name's word at a position (1-based; '' past its last word), as the indexes of migration 020 hold it. */
const wordAt = (position: number) => `split_part(r.sort_name, ' ', ${position}) COLLATE "C"`;
/** The later positions read through indexes of their own; the first is a range of the keyset index. */
const WORD_INDEX_POSITIONS = [2, 3, 4];
const ENUMERATED_POSITIONS = [1, ...WORD_INDEX_POSITIONS];
/** The partial indexes' conditions, word for word: the fourth word's index and the index of longer names. */
const hasWord = (position: number) => `split_part(r.sort_name, ' ', ${position}) <> ''`;
const LONGER_NAME_POSITION = 5;
/** After every name: names are letters, digits and spaces. */
const LAST_NAME = String.fromCodePoint(0x10ffff);
/** Stretches of a smaller share of names than this (5,000 of 5M) are read whole, not split by first words. */
const SPLIT_SHARE_MIN = 0.001;
/** Distinct words read one stretch each; past this many, a position is read as one range and sorted. */
const STRETCHES_MAX = 32;

/**
 * The distinct words starting with `word` at the first, second, third and fourth positions of names, at most
 * STRETCHES_MAX + 1 each (custody_words_starting, migration 020: a skip scan of one index descent per word).
 */
async function wordsAtPositions(db: Db, word: string): Promise<Map<number, string[]>> {
  const rows = await db.query<{ at_position: number; starting: string }>(
    'SELECT at_position, starting FROM custody_words_starting($1, $2, $3)',
    [word, afterPrefix(word), STRETCHES_MAX + 1],
  );
  const byPosition = new Map<number, string[]>(ENUMERATED_POSITIONS.map((position) => [position, []]));
  for (const row of rows) byPosition.get(Number(row.at_position))!.push(row.starting);
  return byPosition;
}

/**
 * A PostgreSQL name search as disjoint parts, each read in name order from an index that holds the name (so the
 * other query words are checked there, and a first page or a capped count stops early): the people whose first word
 * starts with the rarest query word (a range of the keyset index), those whose second word does and first does not
 * (one stretch of the second word's index per distinct word, each already in name order), the third and fourth
 * alike, and the longer names whose fifth or later word does (their own index, walked in order). Each part is one
 * condition on `r`, the keyset included.
 */
function postgresNameParts(
  words: string[],
  driver: string,
  shares: WordShares,
  positions: Map<number, string[]>,
  param: (value: string) => string,
  keyset: { after: string; condition: string } | undefined,
  split: PartsSplit | undefined,
): string[] {
  const from = (text: string) => `r.sort_name COLLATE "C" >= ${param(text)}`;
  const to = (text: string) => `r.sort_name COLLATE "C" < ${param(text)}`;
  const end = afterPrefix(driver);
  const [start, stop] = [param(driver), param(end)];
  const startsAt = (position: number) =>
    position === 1
      ? `r.sort_name COLLATE "C" >= ${start} AND r.sort_name COLLATE "C" < ${stop}`
      : `${wordAt(position)} >= ${start} AND ${wordAt(position)} < ${stop}`;
  const notBefore = (position: number) => Array.from({ length: position - 1 }, (_, k) => `NOT (${startsAt(k + 1)})`);
  const earlier = (a: string, b: string) => compareCustodyOrder({ sortName: a, id: '' }, { sortName: b, id: '' }) < 0;
  /**
   * The names in [first, past) (first words starting with a query word) after the cursor: all of them when the
   * cursor is before, none when past, else from the cursor. One lower bound only: given both the range's and the
   * keyset's, PostgreSQL starts the index scan at the keyset's however far before the range it is.
   */
  const read = (first: string, past: string): string[] => {
    if (keyset === undefined || earlier(keyset.after, first)) return [`${from(first)} AND ${to(past)}`];
    return earlier(keyset.after, past) ? [`${to(past)} AND ${keyset.condition}`] : [];
  };
  const after = keyset ? [keyset.condition] : [];
  const others = words.filter((word) => word !== driver);
  const startsWith = (position: number, word: string) =>
    `${wordAt(position)} >= ${param(word)} AND ${wordAt(position)} < ${param(afterPrefix(word))}`;
  /**
   * The driver's first-word range, one distinct first word at a time, each split by where another query word starts
   * a later word of the name: the second (a range of the keyset index: [jose garcia, jose garcib)), the third (a range
   * of each third word's stretch: third word garcia, names in [jose , jose!)), or the fourth or later (a range of the
   * index of names of four words or more). Each part then holds matches densely, so the page and the count stop
   * after a few rows, where reading the first name's range would pass every José to find the few Garcías.
   */
  function splitFirstWords({ word: other, positions: at }: PartsSplit): string[] {
    return (positions.get(1) ?? []).flatMap((first) => {
      // A first word that starts with the other word: the first word's names whole (with the one-word name).
      if (first.startsWith(other)) return read(first, `${first}!`);
      const names = read(`${first} `, `${first}!`);
      if (names.length === 0) return [];
      const third = at.get(3) ?? [];
      const rare = third.filter((word) => (shares.later.get(word) ?? 0) < SPLIT_SHARE_MIN);
      const thirds =
        third.length > STRETCHES_MAX
          ? [startsWith(3, other)]
          : [
              ...third.filter((word) => !rare.includes(word)).map((word) => `${wordAt(3)} = ${param(word)}`),
              ...(rare.length > 0 ? [`${wordAt(3)} IN (${rare.map(param).join(', ')})`] : []),
            ];
      return [
        ...read(`${first} ${other}`, `${first} ${afterPrefix(other)}`),
        ...thirds.map((stretch) => [stretch, `NOT (${startsWith(2, other)})`, ...names].join(' AND ')),
        // Around the second word's stretch, not through it: with a two-word first name ("ji ho"), that is most of them.
        ...[...read(`${first} `, `${first} ${other}`), ...read(`${first} ${afterPrefix(other)}`, `${first}!`)].map(
          (range) => [hasWord(4), `NOT (${startsWith(3, other)})`, range].join(' AND '),
        ),
      ];
    });
  }
  const later = WORD_INDEX_POSITIONS.flatMap((position) => {
    const found = positions.get(position) ?? [];
    if (found.length === 0) return [];
    const partial = position === 4 ? [hasWord(4)] : [];
    const rest = [...partial, ...notBefore(position)];
    // Too many distinct words to read each apart: the position's range, which the planner reads and sorts.
    if (found.length > STRETCHES_MAX) return [[startsAt(position), ...rest, ...after].join(' AND ')];
    // Rare words (ones the statistics do not list as common) are read together, their few names sorted: a part
    // each would cost more to plan than to read. Not the fourth: PostgreSQL misjudges its partial index's words as
    // common and would walk every name in order instead.
    const rare = found.filter((word) => (shares.later.get(word) ?? 0) < SPLIT_SHARE_MIN);
    const together =
      rare.length > 1 && position < 4
        ? [[`${wordAt(position)} IN (${rare.map(param).join(', ')})`, ...rest, ...after].join(' AND ')]
        : [];
    return [
      ...together,
      ...found.flatMap((word) => {
        if (together.length > 0 && rare.includes(word)) return [];
        const stretch = [`${wordAt(position)} = ${param(word)}`, ...rest];
        if (rare.includes(word)) return [[...stretch, ...after].join(' AND ')];
        // The stretch is in name order, so the names whose first word starts with another query word are short
        // stretches of it. In the rest, each of those words (none starting another) must start a word of its own
        // after the first, and not this one: with two of them, only names of four words or more can hold them all,
        // which a partial index of this position holds apart (a full name's rest is then read in a few rows).
        const firstWords = shortestWords(others.filter((other) => !word.startsWith(other)));
        const byFirstWord = firstWords.flatMap((other) =>
          read(other, afterPrefix(other)).map((range) => [...stretch, range].join(' AND ')),
        );
        if (position < 4 && 2 + firstWords.length >= 4) {
          const notFirst = firstWords.map((other) => `NOT (${from(other)} AND ${to(afterPrefix(other))})`);
          return [...byFirstWord, [...stretch, ...notFirst, hasWord(4), ...after].join(' AND ')];
        }
        // Else the rest is most of the stretch: read around the short stretches (ranges in the index), not through
        // them with a filter.
        const bounds = [...firstWords].sort((a, b) => (earlier(a, b) ? -1 : 1));
        const gaps = [
          ...read('', bounds[0] ?? LAST_NAME),
          ...bounds.flatMap((other, i) => read(afterPrefix(other), bounds[i + 1] ?? LAST_NAME)),
        ];
        return [...byFirstWord, ...gaps.map((gap) => [...stretch, gap].join(' AND '))];
      }),
    ];
  });
  // Split only when every first word was found.
  const firstWord =
    split && (positions.get(1) ?? []).length <= STRETCHES_MAX ? splitFirstWords(split) : read(driver, end);
  const longer = [hasWord(LONGER_NAME_POSITION), ...notBefore(LONGER_NAME_POSITION), ...after].join(' AND ');
  return [...firstWord, ...later, longer];
}

/** The other query word a driver's first-word range is split by, and where that word starts names' words. */
interface PartsSplit {
  word: string;
  positions: Map<number, string[]>;
}

/** Parts few enough that one reading in order finds both the page and the capped count. */
const COUNT_ALONG_PARTS_MAX = 3;

/**
 * Name: every word typed must start a word of the name (nameQueryWords, matchesNameWords in the SDK), so "jose mart"
 * finds "José Ángel Martínez Ruiz". Identifier: exact after normalization (an A-number with or without its A). Birth
 * year: ±1. State: the facility's. Country of birth: exact, case and accents ignored. Ordered by sort name then id
 * (code point order on both databases), paged by keyset from a cursor; matches are counted (up to
 * CUSTODY_TOTAL_CAP) only when the first page does not hold them all.
 */
export async function searchCustodyRecords(db: Db, search: CustodySearch): Promise<CustodySearchResult> {
  const where = ['r.confidential = 0'];
  const params: (string | number)[] = [];
  const param = (value: string | number) => {
    params.push(value);
    return `$${params.length}`;
  };
  const postgres = db.dialect === 'postgres';
  let words: string[] | undefined;
  if (search.name !== undefined) {
    words = nameQueryWords(search.name);
    if (words.length === 0) return { items: [], total: 0, page: search.page };
    for (const word of words)
      where.push(
        postgres
          ? // Checked on the name each index holds: " garcia" in " jose garcia lopez" is a word starting "garcia".
            `(' ' || r.sort_name) LIKE ${param(`% ${word}%`)}`
          : // Names with a word in [word, the text after every word starting with it).
            `r.id IN (SELECT record_id FROM custody_name_words WHERE word >= ${param(word)} AND word < ${param(afterPrefix(word))})`,
      );
  }
  if (search.identifier !== undefined) {
    const types = search.identifierType ? [search.identifierType] : IDENTIFIER_TYPES;
    // Each type's key (an A-number compares by its digits), grouped so every distinct key is one indexed look-up.
    const byKey = new Map<string, string[]>();
    for (const type of types) {
      const key = identifierKey(type, search.identifier);
      byKey.set(key, [...(byKey.get(key) ?? []), type]);
    }
    const lookups = [...byKey].map(
      ([key, keyTypes]) => `(value = ${param(key)} AND type IN (${keyTypes.map(param).join(', ')}))`,
    );
    where.push(`r.id IN (SELECT record_id FROM custody_identifiers WHERE ${lookups.join(' OR ')})`);
  }
  if (search.countryOfBirth !== undefined) where.push(`r.country_key = ${param(countryKey(search.countryOfBirth))}`);
  if (search.birthYear !== undefined) {
    const from = search.birthYear - BIRTH_YEAR_TOLERANCE;
    const to = search.birthYear + BIRTH_YEAR_TOLERANCE;
    // PostgreSQL: each year apart, so the country-and-year index (migration 017) is read as one stretch per year.
    where.push(
      postgres
        ? `r.birth_year IN (${Array.from({ length: to - from + 1 }, (_, k) => param(from + k)).join(', ')})`
        : `r.birth_year BETWEEN ${param(from)} AND ${param(to)}`,
    );
  }
  if (search.state !== undefined) where.push(`r.state = ${param(search.state)}`);
  const filters = where.join(' AND ');
  // PostgreSQL compares in the "C" collation (code points, as SQLite's BINARY), whatever the database's locale.
  const order = (alias: string) =>
    postgres ? `${alias}.sort_name COLLATE "C", ${alias}.id COLLATE "C"` : `${alias}.sort_name, ${alias}.id`;
  const { cursor, pageSize } = search;
  const page = cursor ? cursor.page + 1 : search.page;
  const keyset = cursor
    ? { after: cursor.sortName, condition: `(${order('r')}) > (${param(cursor.sortName)}, ${param(cursor.id)})` }
    : undefined;
  // PostgreSQL: the name's parts from its rarest word, each with every other condition (and the keyset where it
  // bounds the part). With a country of birth and a birth year, the country-and-year index (migration 017) holds the
  // matches in three short stretches, one per year, read whole (names checked in the index) and sorted instead.
  let parts: string[] | undefined;
  if (postgres && words) {
    if (search.countryOfBirth !== undefined && search.birthYear !== undefined)
      parts = [keyset ? `${filters} AND ${keyset.condition}` : filters];
    else {
      const shares = await wordSharesOf(db);
      const { driver, splitBy } = startingWord(words, shares);
      const [positions, split] = await Promise.all([
        wordsAtPositions(db, driver),
        splitBy === undefined
          ? undefined
          : wordsAtPositions(db, splitBy).then((at) => ({ word: splitBy, positions: at })),
      ]);
      parts = postgresNameParts(words, driver, shares, positions, param, keyset, split).map(
        (part) => `${filters} AND ${part}`,
      );
    }
  }
  // Parts are built from optional pieces: each statement sends only the parameters it names.
  const ask = <T>(sql: string) => {
    const statement = onlyNamedParams(sql, params);
    return db.query<T>(statement.sql, statement.params);
  };
  const skipped = !cursor && page > 1 ? (page - 1) * pageSize : 0;
  const window = `LIMIT ${param(pageSize + 1)}${skipped ? ` OFFSET ${param(skipped)}` : ''}`;
  let rows: StoredRow[];
  /** Matches counted up to the cap (and one more), when the answer was read with its count. */
  let counted: number | undefined;
  if (!parts) {
    rows = await ask<StoredRow>(
      `${WITH_FACILITY} WHERE ${filters}${keyset ? ` AND ${keyset.condition}` : ''} ORDER BY ${order('r')} ${window}`,
    );
  } else {
    // Each part's first rows in order, merged. Without a cursor, over a few parts, the same reading counts: the first
    // matches up to the cap, of which the page is the first few (one pass instead of one for the page, one to count).
    // Over many parts, counting them one after another stops sooner than merging them in order that far.
    const countAlong = !cursor && parts.length <= COUNT_ALONG_PARTS_MAX;
    const reads = countAlong ? Math.max(CUSTODY_TOTAL_CAP + 1, skipped + pageSize + 1) : skipped + pageSize + 1;
    const firstRows = parts.map(
      (part) => `(SELECT r.id, r.sort_name FROM custody_records r WHERE ${part} ORDER BY ${order('r')} LIMIT ${reads})`,
    );
    // The count's own row (a page past the last match) has no record: its columns are null.
    const answered = await ask<(StoredRow | { [K in keyof StoredRow]: null }) & { matches: number | null }>(
      `WITH found AS (SELECT * FROM (${firstRows.join(' UNION ALL ')}) parts ORDER BY ${order('parts')} LIMIT ${reads}),
       shown AS (SELECT r.id, r.sort_name, r.data, f.data AS facility
         FROM (SELECT * FROM found ORDER BY ${order('found')} ${window}) p
         JOIN custody_records r ON r.id = p.id LEFT JOIN facilities f ON f.id = r.facility_id)
       SELECT ${countAlong ? '(SELECT COUNT(*) FROM found)' : 'NULL'} AS matches, shown.* FROM shown
       ${countAlong ? 'UNION ALL SELECT (SELECT COUNT(*) FROM found), NULL, NULL, NULL, NULL WHERE NOT EXISTS (SELECT 1 FROM shown)' : ''}`,
    );
    rows = answered
      .filter((row): row is StoredRow & { matches: number | null } => row.id !== null)
      .sort((a, b) => compareCustodyOrder({ sortName: a.sort_name, id: a.id }, { sortName: b.sort_name, id: b.id }));
    if (countAlong) counted = Number(answered[0]?.matches ?? 0);
  }
  const shown = rows.slice(0, pageSize);
  let total: number;
  let totalCapped = false;
  if (cursor) ({ total, totalCapped } = cursor);
  else if (page === 1 && rows.length <= pageSize) total = rows.length;
  else {
    if (counted === undefined) {
      const capped = (parts ?? [filters]).map(
        (part, i) =>
          `SELECT * FROM (SELECT 1 AS one FROM custody_records r WHERE ${part} LIMIT ${CUSTODY_TOTAL_CAP + 1}) part${i}`,
      );
      const [count] = await ask<{ n: number }>(
        `SELECT COUNT(*) AS n FROM (${capped.join(' UNION ALL ')} LIMIT ${CUSTODY_TOTAL_CAP + 1}) m`,
      );
      counted = Number(count?.n ?? 0);
    }
    totalCapped = counted > CUSTODY_TOTAL_CAP;
    total = Math.min(counted, CUSTODY_TOTAL_CAP);
  }
  const last = shown.at(-1);
  const more = rows.length > pageSize && last !== undefined;
  return {
    items: shown.map(answerOf),
    total,
    page,
    ...(totalCapped ? { totalCapped } : {}),
    ...(more ? { next: encodeCustodyCursor({ sortName: last.sort_name, id: last.id, page, total, totalCapped }) } : {}),
  };
}
