// Text messages in, whatever the provider: keywords in every language the phone line speaks.
//   STATUS/ESTADO <A-number or booking>  one short status message
//   ALERTS/ALERTAS <id>                  asks for SMS alerts to this number (double opt-in: a code follows)
//   a 6-digit code                       confirms the newest pending request of this number
//   HELP/AYUDA, STOP (and carrier words), START as before
import { ALERT_EVENTS, normalizePhone } from '@referral-kit/sdk';
import type { AlertsContext } from '../alerts/context.js';
import { confirmByCode } from '../alerts/confirm.js';
import { requestSubscription } from '../alerts/subscribe.js';
import { restartPhoneNumber, stopPhoneNumber } from '../alerts/unsubscribe.js';
import { HttpError } from '../http/types.js';
import { strings } from '../notify/i18n.js';
import { normalizeIdentifier } from '../db/normalize.js';
import { smsSize } from '../notify/sms-segments.js';
import { findByText } from './lookup.js';
import { freshness, phoneLanguage, spokenDate, textReplies, textStatus, type PhoneLanguage } from './prompts.js';

export type TextAction = 'stopped' | 'started' | 'help' | 'status' | 'alerts' | 'confirmed' | 'wrong-code' | 'ignored';

export interface TextAnswer {
  action: TextAction;
  reply: string | null;
}

type Keyword = { does: 'stop' | 'start' | 'help' | 'status' | 'alerts'; language?: PhoneLanguage };

// Carrier (CTIA) opt-out and opt-in words, plus each language's own. A word without a language answers in the
// language the number signed up in.
const KEYWORDS: Record<string, Keyword> = {
  STOP: { does: 'stop' },
  STOPALL: { does: 'stop' },
  CANCEL: { does: 'stop' },
  END: { does: 'stop' },
  QUIT: { does: 'stop' },
  UNSUBSCRIBE: { does: 'stop' },
  PARAR: { does: 'stop', language: 'es' },
  ALTO: { does: 'stop', language: 'es' },
  CANCELAR: { does: 'stop', language: 'es' },
  BAJA: { does: 'stop', language: 'es' },
  START: { does: 'start' },
  UNSTOP: { does: 'start' },
  HELP: { does: 'help' },
  INFO: { does: 'help' },
  AYUDA: { does: 'help', language: 'es' },
  STATUS: { does: 'status', language: 'en' },
  ESTADO: { does: 'status', language: 'es' },
  ALERTS: { does: 'alerts', language: 'en' },
  ALERTAS: { does: 'alerts', language: 'es' },
};

/** No reply is longer than this; carriers bill each segment and some phones show long texts badly. */
const MAX_SEGMENTS = 3;

/** Lookups per number per hour: plenty for a person, useless for copying the roster. */
const LOOKUPS = { max: 20, windowSeconds: 3600 };

/** The keyword an SMS carries: its first word, letters only, upper case ("Stop." → "STOP"). */
export function smsKeyword(text: string): string {
  return (text.trim().split(/\s+/)[0] ?? '').replace(/[^A-Za-z]/g, '').toUpperCase();
}

/** The answer to one text from `from` (E.164 after normalizing); null `from` is a 400 for the caller to raise. */
export async function answerText(c: AlertsContext, from: string, text: string): Promise<TextAnswer> {
  const phone = normalizePhone(from);
  if (phone === null)
    throw new HttpError(400, 'validation_failed', 'The request is not valid.', {
      fields: [{ path: 'from', message: 'Not a phone number.' }],
    });
  const hash = c.keys.contactHash('sms', phone);
  const keyword = KEYWORDS[smsKeyword(text)];
  const argument = text.trim().split(/\s+/).slice(1).join(' ');

  if (!keyword) {
    if (/^\d{6}$/.test(text.trim())) return confirmByText(c, hash, text.trim());
    return { action: 'ignored', reply: null };
  }
  const language = keyword.language ?? (await signedUpLanguage(c, hash));
  const t = textReplies(language);
  switch (keyword.does) {
    case 'stop':
      await stopPhoneNumber(c, hash, 'sms');
      return { action: 'stopped', reply: strings(language).smsStopped };
    case 'start':
      await restartPhoneNumber(c, hash);
      return { action: 'started', reply: strings(language).smsStarted };
    case 'help':
      return { action: 'help', reply: t.help };
    case 'status':
      return { action: 'status', reply: await statusReply(c, phone, language, argument) };
    case 'alerts':
      return { action: 'alerts', reply: await alertsReply(c, phone, language, argument) };
  }
}

async function signedUpLanguage(c: AlertsContext, hash: string): Promise<PhoneLanguage> {
  const [latest] = await c.db.query<{ language: string }>(
    `SELECT language FROM alert_subscriptions WHERE contact_hash = $1 AND channel <> 'email' ORDER BY created_at DESC LIMIT 1`,
    [hash],
  );
  return phoneLanguage(latest?.language ?? 'en');
}

async function statusReply(
  c: AlertsContext,
  phone: string,
  language: PhoneLanguage,
  argument: string,
): Promise<string> {
  const t = textReplies(language);
  if (!argument) return t.statusUsage;
  if (!(await c.limiter.hit(c.keys.rateLimitKey('phone-lookup', phone), LOOKUPS, c.now().getTime())).ok)
    return t.tooMany;
  const record = await findByText(c.db, argument);
  if (!record) return t.notFound;
  const changed = record.statusChangedAt ? spokenDate(language, record.statusChangedAt) : undefined;
  const reply = (facilityName: string | undefined) =>
    t.status(
      textStatus(language, record.status),
      record.facility ? [facilityName, record.facility.phone].filter(Boolean).join(' ') + '.' : undefined,
      changed,
      freshness(language, record.sourceUpdatedAt, c.now()),
    );
  // A long facility name is shortened rather than sending a fourth segment ("..." keeps the text GSM-7).
  let name = record.facility?.name;
  let text = reply(name);
  while (name && smsSize(text).segments > MAX_SEGMENTS) {
    name = name.length > 12 ? name.slice(0, -8).trimEnd() : undefined;
    text = reply(name && `${name}...`);
  }
  return text;
}

/**
 * The same request the web form makes, for this number by SMS. An ID we cannot share (unknown or confidential)
 * gets a subscription to a stand-in subject, so a code arrives either way and the answer tells nothing.
 */
async function alertsReply(
  c: AlertsContext,
  phone: string,
  language: PhoneLanguage,
  argument: string,
): Promise<string> {
  const t = textReplies(language);
  if (!argument) return t.alertsUsage;
  try {
    const outcome = await c.limiter.hit(
      c.keys.rateLimitKey('subscribe', `phone:${phone}`),
      c.config.limits.subscribePerIp,
      c.now().getTime(),
    );
    if (!outcome.ok) return t.tooMany;
    const record = await findByText(c.db, argument);
    const subjectId =
      record?.id ?? `unmatched-${c.keys.idempotencyHash('unmatched-id', normalizeIdentifier(argument)).slice(0, 22)}`;
    await requestSubscription(c, { subjectId, channel: 'sms', contact: phone, language, events: [...ALERT_EVENTS] });
    return t.alertsRequested;
  } catch (error) {
    if (error instanceof HttpError && error.status === 429) return t.tooMany;
    if (error instanceof HttpError && error.status === 400) return t.alertsRefused;
    throw error;
  }
}

/** A 6-digit reply confirms this number's newest pending SMS request (5 tries per code, as on the web). */
async function confirmByText(c: AlertsContext, hash: string, code: string): Promise<TextAnswer> {
  const [pending] = await c.db.query<{ id: string; language: string }>(
    `SELECT c.id, c.language FROM alert_confirmations c JOIN alert_subscriptions s ON s.id = c.subscription_id
     WHERE c.contact_hash = $1 AND s.channel = 'sms' AND c.used_at IS NULL AND c.expires_at > $2
     ORDER BY c.created_at DESC LIMIT 1`,
    [hash, c.now().toISOString()],
  );
  if (!pending) return { action: 'ignored', reply: null };
  const t = textReplies(phoneLanguage(pending.language));
  const outcome = await confirmByCode(c, pending.id, code);
  return outcome === 'confirmed'
    ? { action: 'confirmed', reply: t.confirmed }
    : { action: 'wrong-code', reply: t.wrongCode };
}
