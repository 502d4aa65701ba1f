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
  laterWordShares.delete(db);
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

/** The words of a name after its first, as PostgreSQL's GIN index holds them (migration 015). */
const LATER_NAME_WORDS_PG = "array_to_tsvector((string_to_array(r.sort_name, ' '))[2:])";
/** Every word of the name: the matching rule itself, checked on rows found otherwise (no index). */
const NAME_WORDS_PG = "array_to_tsvector(string_to_array(r.sort_name, ' '))";

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
const laterWordShares = new WeakMap<Db, { shares: Map<string, number>; searchesLeft: number }>();

/**
 * The share of names holding each common word after their first, from PostgreSQL's statistics on the later-words
 * index (a sample: words missing are rare). Kept per database, reloaded now and then and after analyzeCustody.
 */
async function laterWordSharesOf(db: Db): Promise<Map<string, number>> {
  const cached = laterWordShares.get(db);
  if (cached && cached.searchesLeft-- > 0) return cached.shares;
  const [stats] = await db.query<{ words: string[] | null; shares: number[] | null }>(
    `SELECT most_common_elems::text::text[] AS words, most_common_elem_freqs AS shares FROM pg_stats
     WHERE schemaname = current_schema() AND tablename = 'custody_records_later_name_words'`,
  );
  const words = stats?.words ?? [];
  const shares = new Map(words.map((word, i) => [word, Number(stats?.shares?.[i] ?? 0)]));
  laterWordShares.set(db, { shares, searchesLeft: WORD_SHARES_SEARCHES });
  return shares;
}

/** A query word that starts no other query word: the ranges of the others lie inside its range. */
function shortestWords(words: string[]): string[] {
  return words.filter((word) => !words.some((other) => other !== word && word.startsWith(other)));
}

/** Names of this many words or more have an index of their own (migration 018), found by its very predicate. */
const LONG_NAME_WORDS = 4;
const LONG_NAME_PG = `array_length(string_to_array(r.sort_name, ' '), 1) >= ${LONG_NAME_WORDS}`;

/**
 * A PostgreSQL name search as disjoint parts whose plans the planner estimates well (one plan for every match walks
 * the sorted index past a whole first name, or gathers huge posting lists):
 *  - for each query word, the people whose first word starts with it: a range of the keyset index ("jose" →
 *    [jose, josf)). The range of a word that starts with another query word is inside that word's, so it is left
 *    out. When other query words must start later words (and `deeper`), the range is split one word deeper: those
 *    whose first word is that word and whose second word starts with another query word ([jose kowalski,
 *    jose kowalskj)), short stretches where nearly every row matches; the rest of that first word; and longer first
 *    words ([jose!, josf));
 *  - the others: no query word starts their first word, so every one starts a later word ("garcia" as a last name).
 * Query words none of which starts another start different words of a name, so a part needing more of them than
 * its names have words left is read from the index of long names only (a first and two last names typed in full
 * need four words in every part but the ones of the second word).
 * Each part also says, of the words that must start a later word, the rarest (by `shares`) through the later-words
 * GIN index: the planner then reads few matches from it and sorts them, or many in order from the sorted index.
 * Only that one word goes to the index: a common word's posting list would be read whole. Each part is one
 * condition on `r`, the keyset included.
 */
function postgresNameParts(
  words: string[],
  shares: Map<string, number>,
  param: (value: string) => string,
  keyset: { after: string; condition: string } | undefined,
  deeper: boolean,
): string[] {
  const match = `${NAME_WORDS_PG} @@ ${param(words.map((w) => `'${w}':*`).join(' & '))}::tsquery`;
  const shareOf = (word: string) =>
    [...shares].reduce((sum, [common, share]) => (common.startsWith(word) ? sum + share : sum), 0);
  const rarestLater = (some: string[]) => {
    if (some.length === 0) return [];
    const rarest = some.reduce((a, b) => (shareOf(b) < shareOf(a) ? b : a));
    return [`${LATER_NAME_WORDS_PG} @@ ${param(`'${rarest}':*`)}::tsquery`];
  };
  const from = (text: string) => `r.sort_name COLLATE "C" >= ${param(text)}`;
  const to = (text: string) => `r.sort_name COLLATE "C" < ${param(text)}`;
  const prefixRange = (prefix: string) => `${from(prefix)} AND ${to(afterPrefix(prefix))}`;
  const earlier = (a: string, b: string) => compareCustodyOrder({ sortName: a, id: '' }, { sortName: b, id: '' }) < 0;
  /**
   * What a part reads of [start, end) after the cursor: all of it when the cursor is before it, nothing when past
   * it, else from the cursor. One lower bound only: given both the range's and the keyset's, PostgreSQL starts the
   * index scan at the keyset's however far before the range it is.
   */
  const read = (start: string, end: string): string | undefined => {
    if (keyset === undefined || earlier(keyset.after, start)) return `${from(start)} AND ${to(end)}`;
    return earlier(keyset.after, end) ? `${to(end)} AND ${keyset.condition}` : undefined;
  };
  const anyOf = (conditions: string[]) => `(${conditions.map((condition) => `(${condition})`).join(' OR ')})`;
  /** `needed` query words must each start a word of the name after its first `taken` words. */
  const longIf = (needed: number, taken: number) => (taken + needed >= LONG_NAME_WORDS ? [LONG_NAME_PG] : []);
  const firstWords = shortestWords(words);
  const byFirstWord = firstWords.flatMap((word) => {
    // In a word's range, a query word that does not start with it cannot start the first word.
    const later = words.filter((other) => !other.startsWith(word));
    const needed = deeper ? shortestWords(later) : [];
    const seconds = needed.map((other) => `${word} ${other}`);
    // Letters and digits sort after the space: [jose!, josf) holds the first words that only start with "jose". The
    // one-word name "jose" is left out: it has no later word.
    const pieces: [string | undefined, () => string[]][] =
      needed.length === 0
        ? [[read(word, afterPrefix(word)), () => []]]
        : [
            ...seconds.map((second): [string | undefined, () => string[]] => [
              read(second, afterPrefix(second)),
              () => [],
            ]),
            [
              read(`${word} `, `${word}!`),
              () => [`NOT ${anyOf(seconds.map(prefixRange))}`, ...longIf(needed.length, 2)],
            ],
            [read(`${word}!`, afterPrefix(word)), () => []],
          ];
    const kept = pieces.filter((piece): piece is [string, () => string[]] => piece[0] !== undefined);
    if (kept.length === 0) return [];
    const rest = [match, ...rarestLater(later)];
    return kept.map(([range, conditions]) => [range, ...conditions(), ...rest].join(' AND '));
  });
  const others = [
    `NOT ${anyOf(firstWords.map(prefixRange))}`,
    ...longIf(firstWords.length, 1),
    match,
    ...rarestLater(words),
    ...(keyset ? [keyset.condition] : []),
  ];
  return [...byFirstWord, others.join(' AND ')];
}

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
    if (!postgres) {
      // Names with a word in [word, the text after every word starting with it).
      for (const word of words)
        where.push(
          `r.id IN (SELECT record_id FROM custody_name_words WHERE word >= ${param(word)} AND word < ${param(afterPrefix(word))})`,
        );
    }
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
  // PostgreSQL: the name's parts, each with every other condition (and the keyset where it bounds the part). With a
  // country or a birth year, a first word's range is read through the country-and-year index in a few short
  // stretches already; split deeper, the planner misjudges the second words' stretches and reads them from the table.
  const bornWhereAndWhen = search.countryOfBirth !== undefined || search.birthYear !== undefined;
  const parts =
    postgres && words
      ? postgresNameParts(words, await laterWordSharesOf(db), param, keyset, !bornWhereAndWhen).map(
          (part) => `${filters} AND ${part}`,
        )
      : undefined;
  // Counting happens without a cursor: these are the filters' and the parts' parameters.
  const filterParams = [...params];
  const skipped = !cursor && page > 1 ? (page - 1) * pageSize : 0;
  const window = `LIMIT ${param(pageSize + 1)}${skipped ? ` OFFSET ${param(skipped)}` : ''}`;
  let rows: StoredRow[];
  if (!parts) {
    rows = await db.query<StoredRow>(
      `${WITH_FACILITY} WHERE ${filters}${keyset ? ` AND ${keyset.condition}` : ''} ORDER BY ${order('r')} ${window}`,
      params,
    );
  } else {
    // Each part's first rows in order, merged.
    const partLimit = param(skipped + pageSize + 1);
    const firstRows = parts.map(
      (part) =>
        `(SELECT r.id, r.sort_name FROM custody_records r WHERE ${part} ORDER BY ${order('r')} LIMIT ${partLimit})`,
    );
    rows = await db.query<StoredRow>(
      `SELECT r.id, r.sort_name, r.data, f.data AS facility
       FROM (SELECT * FROM (${firstRows.join(' UNION ALL ')}) found ORDER BY ${order('found')} ${window}) p
       JOIN custody_records r ON r.id = p.id LEFT JOIN facilities f ON f.id = r.facility_id
       ORDER BY ${order('p')}`,
      params,
    );
  }
  const shown = rows.slice(0, pageSize);
  let total: number;
  let totalCapped = false;
  if (cursor) ({ total, totalCapped } = cursor);
  else if (page === 1 && rows.length <= pageSize) total = rows.length;
  else {
    const capped = (parts ?? [filters]).map(
      (part, i) =>
        `SELECT * FROM (SELECT 1 AS one FROM custody_records r WHERE ${part} LIMIT ${CUSTODY_TOTAL_CAP + 1}) part${i}`,
    );
    const [count] = await db.query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM (${capped.join(' UNION ALL ')} LIMIT ${CUSTODY_TOTAL_CAP + 1}) m`,
      filterParams,
    );
    totalCapped = Number(count?.n ?? 0) > CUSTODY_TOTAL_CAP;
    total = Math.min(Number(count?.n ?? 0), CUSTODY_TOTAL_CAP);
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
