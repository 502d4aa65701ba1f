// Custody-status alerts: double opt-in subscriptions that cannot be used to enumerate or harass.
import * as z from 'zod/v4/mini';
import { get, post, type RouteDef } from './route.js';
import { channelLanguages, Id, LanguageTag, LinkToken } from './common.js';

export const AlertChannel = z.enum(['email', 'sms', 'voice', 'tty']);
export type AlertChannel = z.infer<typeof AlertChannel>;
/**
 * What a visitor can be alerted about. The server stores a subscription's events as bits by position here:
 * append new events, never reorder (a test pins the positions).
 */
export const AlertEvent = z.enum([
  'release',
  'transfer',
  'escape',
  'death',
  'return-to-custody',
  /** Removed from the United States, or left under voluntary departure. */
  'removal',
  /** Released from immigration detention on bond or on an order of recognizance or supervision. */
  'bond-or-order-release',
  /** An immigration detainer was lodged, or the person was moved into immigration detention. */
  'immigration-custody',
]);
export type AlertEvent = z.infer<typeof AlertEvent>;
export const ALERT_EVENTS = AlertEvent.options;

/** Channels that reach a telephone number (and so need a phone number as the contact). */
export const PHONE_CHANNELS: readonly AlertChannel[] = ['sms', 'voice', 'tty'];
/** Channels where the call is acknowledged with a PIN. */
export const PIN_CHANNELS: readonly AlertChannel[] = ['voice', 'tty'];

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[A-Za-z]{2,}$/;

/**
 * A telephone number in E.164 (`+15551234567`), or null when it is not one. Ten digits are read as a
 * North American number; punctuation people type ("(555) 123-4567") is ignored.
 */
export function normalizePhone(input: string): string | null {
  const trimmed = input.trim();
  if (!/^\+?[0-9 ().-]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+'))
    return digits.length >= 8 && digits.length <= 15 && digits[0] !== '0' ? `+${digits}` : null;
  if (digits.length === 10 && /^[2-9]\d{2}[2-9]/.test(digits)) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1') && /^1[2-9]\d{2}[2-9]/.test(digits)) return `+${digits}`;
  return null;
}

/** The canonical form of a contact for a channel (lower-cased email, E.164 phone), or null when invalid. */
export function normalizeContact(channel: AlertChannel, contact: string): string | null {
  if (channel === 'email') {
    const email = contact.trim().toLowerCase();
    return email.length <= 254 && EMAIL.test(email) ? email : null;
  }
  return normalizePhone(contact);
}

export const Pin = z.string().check(z.regex(/^\d{4,8}$/, 'Use a PIN of 4 to 8 digits.'));

export const SubscribeRequest = z
  .object({
    subjectId: Id,
    channel: AlertChannel,
    contact: z.string().check(z.minLength(1, 'Enter where alerts should go.'), z.maxLength(254)),
    language: LanguageTag,
    events: z
      .array(AlertEvent)
      .check(z.minLength(1, 'Choose at least one kind of alert.'), z.maxLength(ALERT_EVENTS.length)),
    pin: z.optional(Pin),
    /** Honeypot: people never see this field, so a value means a bot. Accepted, then silently ignored. */
    website: z.optional(z.string().check(z.maxLength(500))),
  })
  .check(
    z.refine((r) => normalizeContact(r.channel, r.contact) !== null, {
      error: 'Enter a valid email address or U.S. phone number for this channel.',
      path: ['contact'],
    }),
    z.refine((r) => !PIN_CHANNELS.includes(r.channel) || r.pin !== undefined, {
      error: 'Choose a PIN to confirm calls.',
      path: ['pin'],
    }),
    z.refine((r) => PIN_CHANNELS.includes(r.channel) || r.pin === undefined, {
      error: 'A PIN is only used for voice and TTY alerts.',
      path: ['pin'],
    }),
  );
export type SubscribeRequest = z.input<typeof SubscribeRequest>;

/** Always the same shape, whether or not the contact was already registered. */
export const SubscribeAccepted = z.object({
  status: z.literal('pending'),
  confirmationId: Id,
  expiresInSeconds: z.number().check(z.int(), z.gt(0)),
});
export type SubscribeAccepted = z.infer<typeof SubscribeAccepted>;

export const ConfirmCode = z.string().check(z.regex(/^\d{6}$/, 'Enter the 6-digit code.'));
export const ConfirmRequest = z.union([
  z.strictObject({ confirmationId: Id, code: ConfirmCode }),
  z.strictObject({ token: LinkToken }),
]);
export type ConfirmRequest = z.input<typeof ConfirmRequest>;
export const Confirmed = z.object({ status: z.literal('confirmed') });
export type Confirmed = z.infer<typeof Confirmed>;

/**
 * What this server can send: each channel it delivers to, with the languages its messages on that channel are
 * written in (the tags of `LANGUAGES`: `en`, `es`, `zh-Hans`, …; calls speak only languages a voice speaks, TTY only
 * those its alphabet carries). A subscription in any other language gets English on that channel.
 */
export const AlertOptions = channelLanguages(AlertChannel);
export type AlertOptions = z.infer<typeof AlertOptions>;

export const UnsubscribeRequest = z.object({ token: LinkToken });
export type UnsubscribeRequest = z.input<typeof UnsubscribeRequest>;
export const Unsubscribed = z.object({ status: z.literal('unsubscribed') });
export type Unsubscribed = z.infer<typeof Unsubscribed>;

/** The alerts routes (joined into the one table in routes.ts). */
export const alertRoutes = {
  getAlertOptions: get('/v1/alerts/options', AlertOptions),
  subscribe: post('/v1/alerts/subscriptions', SubscribeRequest, SubscribeAccepted, {
    status: 202,
    idempotencyKey: true,
  }),
  confirmSubscription: post('/v1/alerts/confirm', ConfirmRequest, Confirmed),
  unsubscribe: post('/v1/alerts/unsubscribe', UnsubscribeRequest, Unsubscribed),
} as const satisfies Record<string, RouteDef>;
