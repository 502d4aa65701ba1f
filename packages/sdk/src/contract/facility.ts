// A facility as a record of its own: where a person is held, who runs it, how to call it, its local time and how to
// visit. Custody records point to one by id; the API embeds it in every custody answer.
import * as z from 'zod/v4/mini';
import { HttpsUrl, Id, Name, PhoneNumber, PostalCode, StateCode, Text } from './common.js';

/**
 * An IANA time zone name ("America/Chicago", "UTC"). Only its shape is checked here: a browser whose Intl does not
 * know a zone shows no local time rather than refusing the whole record. Importers check the zone is real.
 */
export const TimeZone = z
  .string()
  .check(
    z.maxLength(64),
    z.regex(/^(UTC|[A-Za-z]+(\/[A-Za-z0-9_+-]+){1,2})$/, 'Use an IANA time zone such as "America/Chicago".'),
  );

const facilityFields = {
  name: Name,
  /** Who runs it: a sheriff's office, ICE, a contractor. */
  operator: z.optional(Text(200)),
  /** Street address. */
  address: z.optional(Text(300)),
  city: z.optional(Text(120)),
  state: z.optional(StateCode),
  postalCode: z.optional(PostalCode),
  phone: z.optional(PhoneNumber),
  /** Where the facility is, for its local time (visiting hours and calls are in that time). */
  timeZone: z.optional(TimeZone),
  /** The facility's own page on visiting (hours, rules, video visits). */
  visitingUrl: z.optional(HttpsUrl),
};

/** A facility record, as imported and stored. */
export const Facility = z.object({ id: Id, ...facilityFields, timeZone: TimeZone });

/**
 * A facility as a custody record carries it: the facility record with its id, or (from feeds that name no facility
 * id) the name and address the feed gave.
 */
export const CustodyFacility = z.object({ id: z.optional(Id), ...facilityFields });

export type Facility = z.infer<typeof Facility>;
export type CustodyFacility = z.infer<typeof CustodyFacility>;
