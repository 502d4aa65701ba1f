// A person in custody, as a victim needs to see it: who, where, what changed and how fresh the data is.
import * as z from 'zod/v4/mini';
import { get, IdParams, READ_ERRORS, type RouteDef } from './route.js';
import {
  Id,
  LanguageCode,
  LanguageTag,
  Name,
  wholeNumber,
  PageQuery,
  StateCode,
  Text,
  Timestamp,
  pageOf,
} from './common.js';
import { CustodyFacility } from './facility.js';

/**
 * Where a person stands, as a victim meets it: county jails and prisons, and immigration custody (DHS-VINE's
 * outcomes). The order is the order a visitor reads them in the guide.
 */
export const CustodyStatus = z.enum([
  'in-custody',
  /** Held by a local jail that an immigration detainer (hold) was lodged with. */
  'immigration-detainer',
  'immigration-detention',
  'transferred',
  'released',
  'released-on-bond',
  /** Released on an order of recognizance or of supervision. */
  'released-on-order',
  'supervised',
  'removed',
  'voluntary-departure',
  'escaped',
  'returned-to-custody',
  'deceased',
  'unknown',
]);
export type CustodyStatus = z.infer<typeof CustodyStatus>;

/**
 * A status as read from the API. A status this SDK has never heard of reads as `unknown` (the record's
 * `statusReason` still carries the source's own words): a server that learns a new status must never break the
 * embeds already deployed.
 */
export const ReadCustodyStatus = z.catch(CustodyStatus, 'unknown');

export const IdentifierType = z.enum(['a-number', 'booking', 'case', 'other']);
export type IdentifierType = z.infer<typeof IdentifierType>;

/**
 * How identifiers compare: without spaces or dashes, upper case; an A-number by its digits alone, so "A-012-345-678",
 * "a012345678" and "12345678" are the same person (ICE writes A-numbers with or without the A, padded to 9 digits).
 */
export function identifierKey(type: IdentifierType, value: string): string {
  const compact = value.replace(/[\s-]+/g, '').toUpperCase();
  return type === 'a-number' ? compact.replace(/^A/, '').replace(/^0+(?=\d)/, '') : compact;
}

/** How names compare: lower case, accents removed, apostrophes dropped ("José O'Brien" → "jose obrien"). */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’`ʼ]/g, '')
    .toLowerCase();
}

/** How a country of birth compares: case, accents and spacing ignored ("  MÉXICO" = "Mexico"). */
export function countryKey(country: string): string {
  return country
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase();
}
export const Identifier = z.object({
  type: IdentifierType,
  value: z.string().check(z.minLength(1, 'Must not be empty.'), z.maxLength(64, 'Use at most 64 characters.')),
});
export type Identifier = z.infer<typeof Identifier>;

/**
 * No upper bound here: "not in the future" needs a clock, and the contract has none. The importer checks it with the
 * server's clock where records come in, the lookup form with the widget's; a client does not fail a visitor's
 * lookup over it.
 */
export const BirthYear = z.number().check(wholeNumber(), z.gte(1900, 'Use a birth year from 1900 on.'));

/**
 * A custody record. It carries an age or a birth year, never a full date of birth: unknown fields such as
 * `dateOfBirth` are stripped when a response is parsed.
 */
export const CustodyRecord = z.object({
  id: Id,
  displayName: Name,
  age: z.optional(z.number().check(z.int(), z.gte(0), z.lte(130))),
  birthYear: z.optional(BirthYear),
  /** As the source writes it ("México"); searches match it with case and accents ignored. */
  countryOfBirth: z.optional(Text(100)),
  identifiers: z.array(Identifier),
  status: ReadCustodyStatus,
  /** The source's own wording of the status ("Released on bond"), shown as it came. */
  statusReason: z.optional(Text(500)),
  /** Where the person is (or was last) held. */
  facility: z.optional(CustodyFacility),
  /** When the status happened (not when the source reported it). */
  statusChangedAt: z.optional(Timestamp),
  sourceUpdatedAt: Timestamp,
});
export type CustodyRecord = z.infer<typeof CustodyRecord>;

export const CustodySearchQuery = z
  .object({
    name: z.optional(
      z.string().check(z.trim(), z.minLength(2, 'Enter at least 2 letters of the name.'), z.maxLength(100)),
    ),
    identifier: z.optional(
      z.string().check(z.trim(), z.minLength(1, 'Enter an ID number.'), z.maxLength(64, 'Use at most 64 characters.')),
    ),
    identifierType: z.optional(IdentifierType),
    birthYear: z.optional(
      z.coerce
        .number<number>()
        .check(
          wholeNumber(),
          z.gte(1900, 'Use a birth year from 1900 on.'),
          z.lte(2100, 'Use a four-digit birth year.'),
        ),
    ),
    state: z.optional(StateCode),
    /** As ICE's locator asks: with an A-number, or with a name and birth year. Case and accents are ignored. */
    countryOfBirth: z.optional(
      z
        .string()
        .check(
          z.trim(),
          z.minLength(2, 'Enter the country of birth.'),
          z.maxLength(100, 'Use at most 100 characters.'),
        ),
    ),
    ...PageQuery,
    /** The `next` of the page before: the page after it (then `page` is ignored). */
    cursor: z.optional(z.string().check(z.maxLength(600, 'Use the next value of a page.'))),
  })
  .check(
    z.refine((q) => q.name !== undefined || q.identifier !== undefined, {
      error: 'Enter a name or an ID number.',
      path: ['name'],
    }),
  );
export type CustodySearchQuery = z.input<typeof CustodySearchQuery>;
/** What a custody search filters by, as the server and the mocks receive it (paging aside). */
export type CustodySearchFilters = Omit<z.output<typeof CustodySearchQuery>, 'page' | 'pageSize' | 'cursor'>;

/**
 * A page of custody records. `total` counts matches up to 1,000 (`totalCapped` is then true: there are more);
 * `next`, when present, is the cursor of the page after this one. Older clients read `items`, `total`, `page` and
 * `pageSize` only, and still find them.
 */
export const CustodyPage = z.extend(pageOf(CustodyRecord), {
  next: z.optional(z.string()),
  totalCapped: z.optional(z.boolean()),
});
export type CustodyPage = z.infer<typeof CustodyPage>;

const explanation = {
  /** What it means, for their safety first. */
  meaning: Text(600),
  /** What can happen next. */
  next: Text(600),
  /** What they can do now. */
  now: Text(600),
  /** The short form alert messages carry: no name, no crime, no agency. */
  alert: Text(200),
};

/** What one status means for a frightened visitor, in plain words: no legal advice, no jargon, no blame. */
export const StatusExplanation = z.object(explanation);
export type StatusExplanation = z.infer<typeof StatusExplanation>;

/**
 * One status explained, in the guide the API serves. `status` is plain text, not the enum: a guide that explains
 * statuses this SDK does not know yet still reads (a list rather than a record keeps zod's record code out of the embed).
 */
export const GuideStatus = z.object({ status: z.string().check(z.maxLength(64)), ...explanation });
export type GuideStatus = z.infer<typeof GuideStatus>;

export const GuideTopic = z.object({ id: Id, title: Text(120), body: Text(1500) });
export type GuideTopic = z.infer<typeof GuideTopic>;

/**
 * "How custody works", in one language: every status explained, and the topics (detainers, detention, bond,
 * removal, why a record changes or vanishes).
 */
export const CustodyGuide = z.object({
  language: LanguageCode,
  statuses: z.array(GuideStatus),
  topics: z.array(GuideTopic),
  /** The newest update any custody source sent: how fresh the lookup's data is. Absent before the first import. */
  dataUpdatedAt: z.optional(Timestamp),
});
export type CustodyGuide = z.infer<typeof CustodyGuide>;

export const CustodyGuideQuery = z.object({ lang: z.optional(LanguageTag) });
export type CustodyGuideQuery = z.input<typeof CustodyGuideQuery>;

/** The custody routes (joined into the one table in routes.ts). */
export const custodyRoutes = {
  searchCustody: get('/v1/custody', CustodyPage, { query: CustodySearchQuery, noStore: true }),
  getCustodyRecord: get('/v1/custody/{id}', CustodyRecord, {
    params: IdParams,
    errors: [...READ_ERRORS, 404],
    noStore: true,
  }),
  getCustodyGuide: get('/v1/custody-guide', CustodyGuide, { query: CustodyGuideQuery }),
} as const satisfies Record<string, RouteDef>;
