// Reaching a person: a visitor asks a specialist to contact them, safely, about one topic. Every field is a choice
// from a short list except the contact, an optional name and an optional note; nothing else personal is asked.
import * as z from 'zod/v4/mini';
import { get, post, type RouteDef } from './route.js';
import { channelLanguages, Id, LanguageTag, LinkToken, PostalCode, StateCode, Text } from './common.js';
import { normalizeContact, type AlertChannel } from './alerts.js';

/** What the visitor wants to talk about. A safety concern is answered first. */
export const CallbackTopic = z.enum([
  'safety-concern',
  'custody-status',
  'service-referral',
  'releasable-information',
  'other',
]);
export type CallbackTopic = z.infer<typeof CallbackTopic>;
export const CALLBACK_TOPICS = CallbackTopic.options;

/** How to reach the visitor. */
export const CallbackChannel = z.enum(['call', 'text', 'email', 'tty']);
export type CallbackChannel = z.infer<typeof CallbackChannel>;
export const CALLBACK_CHANNELS = CallbackChannel.options;

/** Times of day that are safe to make contact, in the visitor's own time zone: [from, to) hours. */
export const CALLBACK_WINDOWS = { morning: [8, 12], afternoon: [12, 17], evening: [17, 21] } as const;
export const CallbackWindow = z.enum(['morning', 'afternoon', 'evening']);
export type CallbackWindow = z.infer<typeof CallbackWindow>;

/** The notification channel (and so the contact kind) behind each callback channel. */
export const CALLBACK_CONTACT_CHANNEL: Record<CallbackChannel, AlertChannel> = {
  call: 'voice',
  text: 'sms',
  email: 'email',
  tty: 'tty',
};

/** Lower is sooner. */
export const CALLBACK_PRIORITY: Record<CallbackTopic, 1 | 2 | 3> = {
  'safety-concern': 1,
  'releasable-information': 2,
  'custody-status': 2,
  'service-referral': 3,
  other: 3,
};

/** The reference a visitor quotes: `CB-` and 8 characters without look-alikes (0/O, 1/I/L). */
export const CallbackReference = z.string().check(z.regex(/^CB-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/));
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A new reference; `randomBelow(n)` is a uniform random integer in [0, n) (crypto.randomInt on a server). */
export function newCallbackReference(randomBelow: (n: number) => number): string {
  const pick = () => REFERENCE_ALPHABET[randomBelow(REFERENCE_ALPHABET.length)];
  return `CB-${pick()}${pick()}${pick()}${pick()}-${pick()}${pick()}${pick()}${pick()}`;
}

/** An IANA time zone name such as `America/Chicago` (the server checks it is one it knows). */
export const TimeZoneName = z
  .string()
  .check(
    z.maxLength(64),
    z.regex(/^(UTC|[A-Za-z_]+(\/[A-Za-z0-9_+-]+){1,2})$/, 'Use a time zone name such as "America/Chicago".'),
  );

export const CallbackRequest = z
  .object({
    topic: CallbackTopic,
    channel: CallbackChannel,
    contact: z.string().check(z.minLength(1, 'Enter how to reach you.'), z.maxLength(254)),
    windows: z.array(CallbackWindow).check(z.minLength(1, 'Choose at least one time that is safe.'), z.maxLength(3)),
    timeZone: TimeZoneName,
    /** May a message be left? If so it only ever says the neutral phrase. */
    leaveMessage: z.boolean(),
    /** The language to talk in and to send the reference in. */
    language: LanguageTag,
    /** Set when none of the offered languages fits: the language to bring an interpreter for, as the visitor names it. */
    interpreterLanguage: z.optional(Text(60).check(z.minLength(1, 'Name the language.'))),
    /** What to call them: any name they choose. */
    name: z.optional(Text(60)),
    /** Anything the specialist should know first. */
    note: z.optional(Text(1000)),
    /** The custody record a releasable-information request is about (from a lookup result). */
    recordId: z.optional(Id),
    /** The directory service a referral request is about (from a directory card). */
    serviceId: z.optional(Id),
    /** Where the visitor is, when the partner page knows it (never asked): routes the request to a team. */
    region: z.optional(z.object({ state: z.optional(StateCode), zip: z.optional(PostalCode) })),
    /** Honeypot: people never see this field, so a value means a bot. Accepted, then silently ignored. */
    website: z.optional(z.string().check(z.maxLength(500))),
  })
  .check(
    z.refine((r) => normalizeContact(CALLBACK_CONTACT_CHANNEL[r.channel], r.contact) !== null, {
      error: 'Enter a valid email address or U.S. phone number for this channel.',
      path: ['contact'],
    }),
    z.refine((r) => r.topic !== 'releasable-information' || r.recordId !== undefined, {
      error: 'Start from the person’s record in a lookup.',
      path: ['recordId'],
    }),
  );
export type CallbackRequest = z.input<typeof CallbackRequest>;

/** Always the same shape, whatever was submitted. `cancelToken` cancels it (also sent as a link in the message). */
export const CallbackAccepted = z.object({
  status: z.literal('received'),
  reference: CallbackReference,
  cancelToken: LinkToken,
});
export type CallbackAccepted = z.infer<typeof CallbackAccepted>;

/**
 * The languages the server can send a request's reference in, per channel (as `AlertOptions`: a call only in a
 * language a voice speaks). The request form offers only these; an interpreter covers any other.
 */
export const CallbackOptions = channelLanguages(CallbackChannel);
export type CallbackOptions = z.infer<typeof CallbackOptions>;

export const CallbackCancelRequest = z.object({ token: LinkToken });
export type CallbackCancelRequest = z.input<typeof CallbackCancelRequest>;
export const CallbackCancelled = z.object({ status: z.literal('cancelled') });
export type CallbackCancelled = z.infer<typeof CallbackCancelled>;

/** The callbacks routes (joined into the one table in routes.ts). */
export const callbackRoutes = {
  getCallbackOptions: get('/v1/callbacks/options', CallbackOptions),
  requestCallback: post('/v1/callbacks', CallbackRequest, CallbackAccepted, { status: 202, idempotencyKey: true }),
  cancelCallback: post('/v1/callbacks/cancel', CallbackCancelRequest, CallbackCancelled),
} as const satisfies Record<string, RouteDef>;
