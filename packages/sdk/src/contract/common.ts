// Building blocks shared by every resource schema. zod/mini keeps the browser bundle small.
import * as z from 'zod/v4/mini';
import { DEFAULT_PAGE_SIZE, PAGE_SIZE_MAX } from './paging.js';

/** Opaque identifier: letters, digits and `._:-`, so it is safe in a URL path segment. */
export const Id = z
  .string()
  .check(
    z.minLength(1, 'Must not be empty.'),
    z.maxLength(128, 'Use at most 128 characters.'),
    z.regex(/^[A-Za-z0-9._:-]+$/, 'Use letters, digits, ".", "_", ":" or "-".'),
  );

/** ISO 8601 timestamp with an offset (`2026-11-29T10:00:00Z`). */
export const Timestamp = z.iso.datetime({ offset: true });

/** ISO 639-1 language code, lower case (`en`, `es`). */
export const LanguageCode = z.string().check(z.regex(/^[a-z]{2}$/, 'Use a two-letter ISO 639-1 code such as "en".'));

/** BCP 47 language tag (`en`, `es-MX`, `zh-Hant`). */
export const LanguageTag = z
  .string()
  .check(
    z.maxLength(35),
    z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a BCP 47 language tag such as "en" or "es-MX".'),
  );

/** Two-letter U.S. state or territory code. */
export const StateCode = z.string().check(z.regex(/^[A-Z]{2}$/, 'Use a two-letter state code such as "TX".'));

/** U.S. ZIP code, 5 digits or ZIP+4. */
export const PostalCode = z.string().check(z.regex(/^\d{5}(-\d{4})?$/, 'Use a 5-digit ZIP code.'));

/**
 * A telephone number as displayed or dialled: digits with optional +, spaces, dots, dashes, parentheses (including a
 * leading area code such as `(713) 555-0100`), extension.
 */
export const PhoneNumber = z
  .string()
  .check(
    z.minLength(3),
    z.maxLength(40),
    z.regex(
      /^\+?(\([0-9]{1,4}\) ?|[0-9])[0-9 ().-]*[0-9)]( ?(x|ext\.?) ?[0-9]{1,6})?$/i,
      'Use a telephone number with digits only.',
    ),
  );

/** Only https: web addresses are ever turned into links. */
export const HttpsUrl = z.url({ protocol: /^https$/, hostname: z.regexes.domain, error: 'Use an https:// address.' });

/** Plain text from a data source: bounded so one bad record cannot flood a page. */
export const Text = (max = 2000) => z.string().check(z.maxLength(max, `Use at most ${max} characters.`));
export const Name = z
  .string()
  .check(z.minLength(1, 'Must not be empty.'), z.maxLength(300, 'Use at most 300 characters.'));

/** Inclusive numeric bounds with a message people can act on (zod/mini ships no message catalog). */
export const between = (min: number, max: number) => [
  z.gte(min, `Use a number from ${min} to ${max}.`),
  z.lte(max, `Use a number from ${min} to ${max}.`),
];
export const wholeNumber = () => z.int('Use a whole number.');

/** A signed token from a message or an answer (confirm, stop, cancel): opaque to the client. */
export const LinkToken = z.string().check(z.minLength(16), z.maxLength(512));

/** What a server can send on each of its channels: the languages its messages on that channel are written in. */
export const channelLanguages = <C extends z.ZodMiniType>(channel: C) =>
  z.object({
    channels: z
      .array(z.object({ channel, languages: z.array(LanguageTag).check(z.minLength(1)) }))
      .check(z.minLength(1)),
  });

export const Latitude = z.number().check(...between(-90, 90));
export const Longitude = z.number().check(...between(-180, 180));

export { DEFAULT_PAGE_SIZE, PAGE_SIZE_MAX };

/** Paging parameters in a query string (numbers arrive as text; callers pass numbers). */
export const PageQuery = {
  page: z.optional(z.coerce.number<number>().check(wholeNumber(), ...between(1, 10_000))),
  pageSize: z.optional(z.coerce.number<number>().check(wholeNumber(), ...between(1, PAGE_SIZE_MAX))),
};

/** A page of results. `total` counts every match, not just this page. */
export const pageOf = <T extends z.ZodMiniType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().check(z.int(), z.gte(0)),
    page: z.number().check(z.int(), z.gte(1)),
    pageSize: z.number().check(z.int(), z.gte(1)),
  });

/** A query-string flag: `true`/`false`/`1`/`0` from a URL, or a boolean from code. */
export const QueryFlag = z.pipe(
  z.union([z.boolean(), z.enum(['true', 'false', '1', '0'])]),
  z.transform((v: boolean | 'true' | 'false' | '1' | '0') => v === true || v === 'true' || v === '1'),
);

/** A repeatable query-string value: `a,b`, repeated keys, or an array from code. */
export const queryList = <T extends z.ZodMiniType<string, string>>(item: T) =>
  z.pipe(
    z.union([z.string(), z.array(z.string())]),
    z.pipe(
      z.transform((v: string | string[]) =>
        (Array.isArray(v) ? v : [v])
          .flatMap((s) => s.split(','))
          .map((s) => s.trim())
          .filter(Boolean),
      ),
      z.array(item),
    ),
  );

/** Everything that can go wrong, as a stable machine-readable code. */
export const ErrorCode = z.enum([
  'bad_request',
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'payload_too_large',
  'uri_too_long',
  'unsupported_media_type',
  'headers_too_large',
  'request_timeout',
  'rate_limited',
  'invalid_code',
  'code_expired',
  'too_many_attempts',
  'invalid_token',
  'conflict',
  'internal',
  'unavailable',
]);

export const FieldError = z.object({ path: z.string(), message: z.string() });

/** The one shape of every failure response. */
export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    /** Field-level problems; empty when the error is about the request as a whole. */
    fields: z.array(FieldError),
    requestId: z.string(),
  }),
});

export type ErrorCode = z.infer<typeof ErrorCode>;
export type FieldError = z.infer<typeof FieldError>;
export type ErrorBody = z.infer<typeof ErrorBody>;
