// Every message the server sends or says, one catalog per language (the SDK's ten). A tag settles on a catalog the
// way the widgets' does (`es-MX` → es, `zh-TW` → zh-Hans, `fil` → tl); anything else gets English.
import { LANGUAGES, matchLanguage, type AlertChannel, type Language } from '@referral-kit/sdk';
import ar from './ar.js';
import en from './en.js';
import es from './es.js';
import fr from './fr.js';
import ht from './ht.js';
import ko from './ko.js';
import ru from './ru.js';
import tl from './tl.js';
import vi from './vi.js';
import zhHans from './zh-Hans.js';
import type { ServerCatalog } from './types.js';

export type { AlertStrings, CallbackStrings, Keywords, PhonePrompts, ServerCatalog, TextReplies } from './types.js';

const CATALOGS = { en, es, 'zh-Hans': zhHans, vi, ko, tl, ar, ru, ht, fr } satisfies Record<Language, ServerCatalog>;

export type MessageLanguage = Language;
/** The languages email and text messages are written in. */
export const MESSAGE_LANGUAGES: readonly MessageLanguage[] = LANGUAGES;

/** The catalog language for a BCP 47 tag, else English. */
export function messageLanguage(tag: string): MessageLanguage {
  return matchLanguage(tag, LANGUAGES) ?? 'en';
}

export function catalog(tag: string): ServerCatalog {
  return CATALOGS[messageLanguage(tag)];
}

/** Languages a text-to-speech voice speaks: the phone line and alert calls. */
export type PhoneLanguage = {
  [L in Language]: (typeof CATALOGS)[L] extends { voice: object } ? L : never;
}[Language];
export const PHONE_LANGUAGES = LANGUAGES.filter((language): language is PhoneLanguage => 'voice' in CATALOGS[language]);
/** Languages a TTY can be sent in (spoken languages a TTY's alphabet can carry). */
export const TTY_LANGUAGES = PHONE_LANGUAGES.filter((language) => CATALOGS[language].voice.tty);

/** The phone line's language for a tag: the catalog's when a voice speaks it, else English. */
export function phoneLanguage(tag: string): PhoneLanguage {
  return matchLanguage(tag, PHONE_LANGUAGES) ?? 'en';
}

export function voiceOf(language: PhoneLanguage): NonNullable<ServerCatalog['voice']> {
  return CATALOGS[language].voice;
}

/** How a date is written: a day in words, a moment (day and time), or a moment in digits (texts, where room is short). */
const DATE_STYLES = {
  day: { dateStyle: 'long' },
  moment: { dateStyle: 'medium', timeStyle: 'short' },
  brief: { dateStyle: 'short', timeStyle: 'short' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DateStyle = keyof typeof DATE_STYLES;

/** Building an Intl formatter costs far more than using one: one per language and style. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date in the language's words, UTC: "November 29, 2026", "29 nov 2026, 18:45", "29/11/26, 18:45". Languages the
 * runtime's Intl does not know (it would write English) use their catalog's month names.
 */
export function formatDate(tag: string, iso: string, style: DateStyle): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const { language, months } = catalog(tag);
  if (months) {
    const time = style === 'day' ? '' : ` ${iso.slice(11, 16)}`;
    const day =
      style === 'brief'
        ? `${date.getUTCDate()}/${date.getUTCMonth() + 1}/${date.getUTCFullYear()}`
        : `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
    return day + time;
  }
  const key = `${language}:${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { ...DATE_STYLES[style], timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format.format(date);
}

/**
 * The languages messages on a channel can be in: email and texts in every catalog; calls only where a voice speaks
 * the language; TTY only where, moreover, a TTY's alphabet can carry it.
 */
export function channelLanguages(channel: AlertChannel): readonly MessageLanguage[] {
  if (channel === 'voice') return PHONE_LANGUAGES;
  return channel === 'tty' ? TTY_LANGUAGES : MESSAGE_LANGUAGES;
}

/** The language a message on a channel is written in: the subscriber's when that channel has it, else English. */
export function channelLanguage(channel: AlertChannel, tag: string): MessageLanguage {
  return matchLanguage(tag, channelLanguages(channel)) ?? 'en';
}
