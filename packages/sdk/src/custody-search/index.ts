// `@referral-kit/sdk/custody-search`: how a custody search matches names, orders results and pages through them.
// One rule for the reference server (SQLite and PostgreSQL) and the mocks, so both answer a query with the same
// records in the same order. Its own entry point: a page that only calls the API never downloads it.
import { foldName, type CustodyRecord, type FieldError } from '../contract/index.js';

/** Counting matches stops here: a bigger answer says `totalCapped` instead of scanning every match. */
export const CUSTODY_TOTAL_CAP = 1000;
/** A query word is compared by this many characters at most. */
export const NAME_WORD_MAX = 24;
/** More name words than this add nothing but cost. */
const NAME_QUERY_WORDS_MAX = 6;

/** A name's words as search compares them: folded (case, accents, apostrophes), split at anything else. */
export function nameWords(text: string): string[] {
  return foldName(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** What a record is found and sorted by: its name's words, joined by one space ("jose angel martinez ruiz"). */
export function custodySortName(displayName: string): string {
  return nameWords(displayName).join(' ');
}

/** The words of a name, each cut to NAME_WORD_MAX characters, deduplicated: what a query word is compared with. */
export function nameWordKeys(name: string): string[] {
  return [...new Set(nameWords(name).map((word) => Array.from(word).slice(0, NAME_WORD_MAX).join('')))];
}

/** The words of a name query (nameWordKeys), at most six. */
export function nameQueryWords(name: string): string[] {
  return nameWordKeys(name).slice(0, NAME_QUERY_WORDS_MAX);
}

/**
 * Every query word starts some word of the name ("jose mart" finds "jose angel martinez ruiz"); no typos. A query
 * without words ("!!") finds no one.
 */
export function matchesNameWords(sortName: string, queryWords: readonly string[]): boolean {
  const words = sortName.split(' ');
  return queryWords.length > 0 && queryWords.every((query) => words.some((word) => word.startsWith(query)));
}

/** Birth years within this distance of the one asked for still match (ages and data entry are often a year off). */
export const BIRTH_YEAR_TOLERANCE = 1;

/** A record's birth year: the one given, else its age counted back from when the source last updated it. */
export function estimatedBirthYear(
  record: Pick<CustodyRecord, 'birthYear' | 'age' | 'sourceUpdatedAt'>,
): number | null {
  if (record.birthYear !== undefined) return record.birthYear;
  if (record.age !== undefined) return new Date(record.sourceUpdatedAt).getUTCFullYear() - record.age;
  return null;
}

/** Whether a record born (by estimate) in `recordYear` answers a search for people born in `askedYear`. */
export function bornAround(recordYear: number | null, askedYear: number): boolean {
  return recordYear !== null && Math.abs(recordYear - askedYear) <= BIRTH_YEAR_TOLERANCE;
}

/** Where a record sits in the results: by sort name, then id. */
export interface CustodyOrderKey {
  sortName: string;
  id: string;
}

/** Code point order, as SQLite's BINARY and PostgreSQL's "C" collation compare text. */
function compareCodePoints(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const diff = left[i]!.codePointAt(0)! - right[i]!.codePointAt(0)!;
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

export function compareCustodyOrder(a: CustodyOrderKey, b: CustodyOrderKey): number {
  return compareCodePoints(a.sortName, b.sortName) || compareCodePoints(a.id, b.id);
}

/**
 * Where the next page starts: after the last record shown. It also carries the page number and the count the first
 * page made, so later pages neither count nor skip rows again.
 */
export interface CustodyCursor extends CustodyOrderKey {
  page: number;
  total: number;
  totalCapped: boolean;
}

const toBase64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** The opaque `next` of a custody page. */
export function encodeCustodyCursor(cursor: CustodyCursor): string {
  const { sortName, id, page, total, totalCapped } = cursor;
  return toBase64Url(JSON.stringify([sortName, id, page, total, totalCapped ? 1 : 0]));
}

/** What a `cursor` that is not one this API made is answered with (400 validation_failed). */
export const CUSTODY_CURSOR_ERROR: FieldError = {
  path: 'cursor',
  message: 'Search again: this is not a page this API gave.',
};

/** A `cursor` as sent back; undefined when it is not one this API made. */
export function decodeCustodyCursor(text: string): CustodyCursor | undefined {
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const value: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    if (!Array.isArray(value) || value.length !== 5) return undefined;
    const [sortName, id, page, total, capped] = value as unknown[];
    const count = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
    if (typeof sortName !== 'string' || typeof id !== 'string' || !count(page) || page < 1 || !count(total))
      return undefined;
    if (capped !== 0 && capped !== 1) return undefined;
    return { sortName, id, page, total, totalCapped: capped === 1 };
  } catch {
    return undefined;
  }
}
