// Text messages in, whatever the provider: keywords in every language the server writes (src/i18n catalogs).
//   STATUS/ESTADO/状态… <A-number or booking>  one short status message
//   ALERTS/ALERTAS/提醒… <id>                  asks for SMS alerts to this number (double opt-in: a code follows)
//   a 6-digit code                            confirms the newest pending request of this number
//   HELP/AYUDA/AIDE…, STOP/ARRÊT/停止… (and the English carrier words in every language), START/REANUDAR…
import { ALERT_EVENTS, normalizePhone } from '@referral-kit/sdk';
import type { AlertsContext } from '../alerts/context.js';
import { confirmByCode } from '../alerts/confirm.js';
import { requestSubscription } from '../alerts/subscribe.js';
import { restartPhoneNumber, stopPhoneNumber } from '../alerts/unsubscribe.js';
import { HttpError } from '../http/types.js';
import { catalog, MESSAGE_LANGUAGES, messageLanguage, type Keywords, type MessageLanguage } from '../i18n/index.js';
import { normalizeIdentifier } from '../db/normalize.js';
import { fitSms, smsSize } from '../notify/sms-segments.js';
import { findByText } from './lookup.js';
import { freshness, spokenDate, textReplies, textStatus } from './prompts.js';

export type TextAction = 'stopped' | 'started' | 'help' | 'status' | 'alerts' | 'confirmed' | 'wrong-code' | 'ignored';

export interface TextAnswer {
  action: TextAction;
  reply: string | null;
}

type Keyword = { does: keyof Keywords; language?: MessageLanguage };

/**
 * A word as keywords are compared: letters and digits only, accents and marks dropped, upper case, and the
 * spellings people type interchangeably made one ("Arrêt" → ARRET, "DỪNG" → DUNG, "إلغاء" → الغاء, "حاله" → حالة).
 */
export function keywordForm(word: string): string {
  return word
    .replace(/[đĐ]/g, 'D')
    .normalize('NFD')
    .replace(/[^\p{L}\p{N}]|\u0640/gu, '')
    .normalize('NFC')
    .replace(/ه$/u, 'ة')
    .replace(/ى/gu, 'ي')
    .toUpperCase();
}

/**
 * Every keyword by its compared form (several words joined by one space). The English carrier (CTIA) words stop,
 * restart and help in whatever language the number signed up in, and so answer in it; every other word answers in
 * its own language. Two languages may not give one form two meanings (checked when the table is built).
 */
export const KEYWORDS: ReadonlyMap<string, Keyword> = (() => {
  const table = new Map<string, Keyword>();
  for (const language of MESSAGE_LANGUAGES) {
    const { keywords } = catalog(language);
    for (const does of Object.keys(keywords) as (keyof Keywords)[]) {
      const carrierWord = language === 'en' && does !== 'status' && does !== 'alerts';
      for (const word of keywords[does]) {
        const form = word.split(/\s+/).map(keywordForm).join(' ');
        const existing = table.get(form);
        if (existing && (existing.does !== does || existing.language !== (carrierWord ? undefined : language)))
          throw new Error(`SMS keyword ${word} (${language}) already means ${existing.does} (${existing.language}).`);
        table.set(form, carrierWord ? { does } : { does, language });
      }
    }
  }
  return table;
})();

/** The longest keyword a text has, in words. */
const MAX_KEYWORD_WORDS = Math.max(...[...KEYWORDS.keys()].map((form) => form.split(' ').length));
/** Scripts written without spaces: "状态A123456789" is the keyword and its argument. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hangul}]$/u;

/** The keyword a text starts with, and the rest of the text (the argument), or undefined when none does. */
export function findKeyword(text: string): { keyword: Keyword; argument: string } | undefined {
  const words = text.trim().split(/\s+/);
  const forms = words.map(keywordForm);
  for (let n = Math.min(MAX_KEYWORD_WORDS, words.length); n >= 1; n--) {
    const keyword = KEYWORDS.get(forms.slice(0, n).join(' '));
    if (keyword) return { keyword, argument: words.slice(n).join(' ') };
  }
  for (const [form, keyword] of KEYWORDS) {
    if (UNSPACED.test(form) && words[0]!.startsWith(form))
      return { keyword, argument: [words[0]!.slice(form.length), ...words.slice(1)].join(' ').trim() };
  }
  return undefined;
}

/** No reply is longer than this; carriers bill each segment and some phones show long texts badly. */
const MAX_SEGMENTS = 3;

/** Lookups per number per hour: plenty for a person, useless for copying the roster. */
const LOOKUPS = { max: 20, windowSeconds: 3600 };

/** The answer to one text from `from` (E.164 after normalizing); null `from` is a 400 for the caller to raise. */
export async function answerText(c: AlertsContext, from: string, text: string): Promise<TextAnswer> {
  const phone = normalizePhone(from);
  if (phone === null)
    throw new HttpError(400, 'validation_failed', 'The request is not valid.', {
      fields: [{ path: 'from', message: 'Not a phone number.' }],
    });
  const hash = c.keys.contactHash('sms', phone);
  const found = findKeyword(text);
  if (!found) {
    if (/^\d{6}$/.test(text.trim())) return confirmByText(c, hash, text.trim());
    return { action: 'ignored', reply: null };
  }
  const { keyword, argument } = found;
  const language = keyword.language ?? (await signedUpLanguage(c, hash));
  const t = textReplies(language);
  switch (keyword.does) {
    case 'stop':
      await stopPhoneNumber(c, hash, 'sms');
      return { action: 'stopped', reply: catalog(language).alerts.smsStopped };
    case 'start':
      await restartPhoneNumber(c, hash);
      return { action: 'started', reply: catalog(language).alerts.smsStarted };
    case 'help':
      return { action: 'help', reply: t.help };
    case 'status':
      return {
        action: 'status',
        reply: argument ? await statusReply(c, { phone, language, argument }) : t.statusUsage,
      };
    case 'alerts':
      return {
        action: 'alerts',
        reply: argument ? await alertsReply(c, { phone, language, argument }) : t.alertsUsage,
      };
  }
}

async function signedUpLanguage(c: AlertsContext, hash: string): Promise<MessageLanguage> {
  const [latest] = await c.db.query<{ language: string }>(
    `SELECT language FROM alert_subscriptions WHERE contact_hash = $1 AND channel <> 'email' ORDER BY created_at DESC LIMIT 1`,
    [hash],
  );
  return messageLanguage(latest?.language ?? 'en');
}

/** A keyword's text from `phone`: what follows the keyword, and the language to answer in. */
interface TextCommand {
  phone: string;
  language: MessageLanguage;
  argument: string;
}

async function statusReply(c: AlertsContext, { phone, language, argument }: TextCommand): Promise<string> {
  const t = textReplies(language);
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
  let text = fitSms(reply(name), MAX_SEGMENTS);
  while (name && smsSize(text).segments > MAX_SEGMENTS) {
    name = name.length > 12 ? name.slice(0, -8).trimEnd() : undefined;
    text = fitSms(reply(name && `${name}...`), MAX_SEGMENTS);
  }
  return text;
}

/**
 * The same request the web form makes, for this number by SMS. An ID we cannot share (unknown or confidential)
 * gets a subscription to a stand-in subject, so a code arrives either way and the answer tells nothing.
 */
async function alertsReply(c: AlertsContext, { phone, language, argument }: TextCommand): Promise<string> {
  const t = textReplies(language);
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
  const t = textReplies(messageLanguage(pending.language));
  const outcome = await confirmByCode(c, pending.id, code);
  return outcome === 'confirmed'
    ? { action: 'confirmed', reply: t.confirmed }
    : { action: 'wrong-code', reply: t.wrongCode };
}
