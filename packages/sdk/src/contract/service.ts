// The directory entry: a help service, aligned with Open Referral HSDS 3.0 (flattened for the web).
import * as z from 'zod/v4/mini';
import { get, IdParams, READ_ERRORS, type RouteDef } from './route.js';
import {
  HttpsUrl,
  Id,
  between,
  LanguageCode,
  Latitude,
  Longitude,
  Name,
  PageQuery,
  PhoneNumber,
  PostalCode,
  QueryFlag,
  Text,
  Timestamp,
  pageOf,
  queryList,
} from './common.js';

/** Category slugs the directory knows words for. Data may carry others (from HSDS taxonomies). */
export const SERVICE_CATEGORIES = [
  'hotline',
  'domestic-violence',
  'sexual-assault',
  'shelter',
  'counseling',
  'legal-aid',
  'protective-orders',
  'victim-compensation',
  'victim-advocacy',
  'court-accompaniment',
  'human-trafficking',
  'child-abuse',
  'elder-abuse',
  'stalking',
  'homicide-survivors',
  'immigration',
  'medical',
  'housing',
  'financial-assistance',
  'support-group',
  'custody-notification',
] as const;

export type KnownCategory = (typeof SERVICE_CATEGORIES)[number];

export const Category = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Use a category slug such as "legal-aid".'));

export const PhoneType = z.enum(['voice', 'text', 'tty', 'fax']);
export type PhoneType = z.infer<typeof PhoneType>;

export const Phone = z.object({
  number: PhoneNumber,
  type: PhoneType,
  description: z.optional(Text(300)),
  languages: z.array(LanguageCode),
});
export type Phone = z.infer<typeof Phone>;

/**
 * A place a service is offered. A confidential location (a shelter) keeps its city so that "shelter in Tucson"
 * still finds it, but never carries a street address or coordinates.
 */
export const Location = z
  .object({
    id: z.optional(Id),
    name: z.optional(Name),
    address: z.optional(Text(300)),
    city: z.optional(Text(120)),
    county: z.optional(Text(120)),
    state: z.optional(Text(60)),
    postalCode: z.optional(PostalCode),
    country: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
    lat: z.optional(Latitude),
    lon: z.optional(Longitude),
    confidential: z.boolean(),
  })
  .check(
    z.refine((l) => !l.confidential || (l.address === undefined && l.lat === undefined && l.lon === undefined), {
      error: 'A confidential location must not carry a street address or coordinates.',
    }),
  );
export type Location = z.infer<typeof Location>;

export const Weekday = z.enum(['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su']);
export type Weekday = z.infer<typeof Weekday>;
const ClockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use 24-hour time such as "09:30".'));

/** Weekly opening hours. `closes` earlier than `opens` means the period runs past midnight. */
export const Schedule = z.object({
  open24x7: z.boolean(),
  timezone: z.optional(z.string().check(z.maxLength(64))),
  hours: z.array(z.object({ day: Weekday, opens: ClockTime, closes: ClockTime })),
  note: z.optional(Text(300)),
});
export type Schedule = z.infer<typeof Schedule>;

export const Service = z.object({
  id: Id,
  name: Name,
  alternateName: z.optional(Name),
  organization: z.object({ id: Id, name: Name, url: z.optional(HttpsUrl) }),
  description: Text(4000),
  categories: z.array(Category),
  languages: z.array(LanguageCode),
  phones: z.array(Phone),
  email: z.optional(z.email()),
  url: z.optional(HttpsUrl),
  locations: z.array(Location),
  schedule: z.optional(Schedule),
  eligibility: z.optional(Text(1000)),
  fees: z.optional(Text(500)),
  accessibility: z.optional(Text(1000)),
  serviceArea: z.optional(Text(300)),
  lastVerifiedAt: z.optional(Timestamp),
});
export type Service = z.infer<typeof Service>;

export const ServiceSearchQuery = z
  .object({
    q: z.optional(Text(200)),
    lat: z.optional(z.coerce.number<number>().check(...between(-90, 90))),
    lon: z.optional(z.coerce.number<number>().check(...between(-180, 180))),
    postalCode: z.optional(PostalCode),
    radiusKm: z.optional(
      z.coerce
        .number<number>()
        .check(z.gt(0, 'Use a distance above 0.'), z.lte(1000, 'Use a distance of at most 1000 km.')),
    ),
    category: z.optional(queryList(Category)),
    language: z.optional(queryList(LanguageCode)),
    openNow: z.optional(QueryFlag),
    /** Only services that answer around the clock (24/7 lines and shelters). */
    open24x7: z.optional(QueryFlag),
    ...PageQuery,
  })
  .check(
    z.refine((q) => (q.lat === undefined) === (q.lon === undefined), {
      error: 'Give both lat and lon, or neither.',
      path: ['lon'],
    }),
  );
export type ServiceSearchQuery = z.input<typeof ServiceSearchQuery>;
/** A search query after validation: what the server, the mocks and the in-page search act on. */
export type ServiceSearchParams = z.output<typeof ServiceSearchQuery>;

/** One search result: the service, and how far away it is when a location was given. */
export const ServiceHit = z.object({
  service: Service,
  distanceKm: z.optional(z.number().check(z.gte(0))),
});
export type ServiceHit = z.infer<typeof ServiceHit>;

/**
 * A page of search results. `crisis`: the query says danger, self-harm or urgency (read by the SDK search engine):
 * show the crisis lines (911, 988, …) above the results.
 */
export const ServicePage = z.extend(pageOf(ServiceHit), { crisis: z.optional(z.boolean()) });
export type ServicePage = z.infer<typeof ServicePage>;

/** The whole directory for client-side search; served with an ETag. */
export const DirectorySnapshot = z.object({
  version: z.string(),
  generatedAt: Timestamp,
  services: z.array(Service),
});
export type DirectorySnapshot = z.infer<typeof DirectorySnapshot>;

/** A national or local line shown when nothing else works. */
export const Hotline = z.object({
  id: Id,
  name: Name,
  number: PhoneNumber,
  type: PhoneType,
  description: Text(500),
  languages: z.array(LanguageCode),
  available24x7: z.boolean(),
  url: z.optional(HttpsUrl),
});
export type Hotline = z.infer<typeof Hotline>;
export const HotlineList = z.object({ items: z.array(Hotline) });
export type HotlineList = z.infer<typeof HotlineList>;

/** The services routes (joined into the one table in routes.ts). */
export const serviceRoutes = {
  searchServices: get('/v1/services', ServicePage, { query: ServiceSearchQuery }),
  getService: get('/v1/services/{id}', Service, { params: IdParams, errors: [...READ_ERRORS, 404] }),
  getDirectorySnapshot: get('/v1/directory/snapshot', DirectorySnapshot, { etag: true }),
  listHotlines: get('/v1/hotlines', HotlineList),
} as const satisfies Record<string, RouteDef>;
