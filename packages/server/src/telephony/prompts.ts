// What the phone line says and what text replies say: the catalogs' wording (src/i18n) with the pieces every
// language shares. Like every message, discreet: no word about offenders, inmates or custody unless the caller asked
// about a record, and never a name the caller did not key in.
// What a status means comes from the custody guide (@referral-kit/sdk/custody-guide), shared with the lookup.
import type { CustodyStatus } from '@referral-kit/sdk';
import { custodyGuideText } from '@referral-kit/sdk/custody-guide';
import {
  catalog,
  formatDate,
  voiceOf,
  type MessageLanguage,
  type PhoneLanguage,
  type PhonePrompts,
  type TextReplies,
} from '../i18n/index.js';

export function prompts(language: PhoneLanguage): PhonePrompts {
  return voiceOf(language).prompts;
}

export function textReplies(language: MessageLanguage): TextReplies {
  return catalog(language).text;
}

/**
 * A status as the phone line says it: the custody guide's plain-words meaning and what to do now, the same
 * explanations the lookup shows.
 */
export function spokenStatus(language: MessageLanguage, status: CustodyStatus): string[] {
  const explained = custodyGuideText(language).statuses[status];
  return [explained.meaning, explained.now];
}

/** A status in a text message: the guide's one-sentence form, as alert messages word it. */
export function textStatus(language: MessageLanguage, status: CustodyStatus): string {
  return custodyGuideText(language).statuses[status].alert;
}

/** "2 hours ago", "hace 3 días": how old the data is, from the source's last update. */
export function freshness(language: MessageLanguage, updatedAt: string, now: Date): string {
  const { ago } = catalog(language);
  const hours = Math.floor((now.getTime() - Date.parse(updatedAt)) / 3600_000);
  if (!(hours >= 1)) return ago.lessThanAnHour;
  return hours < 48 ? ago.hours(hours) : ago.days(Math.floor(hours / 24));
}

/** A calendar date in words ("November 29, 2026", "29 de noviembre de 2026"), UTC. */
export function spokenDate(language: MessageLanguage, iso: string): string {
  return formatDate(language, iso, 'day');
}

/** A phone number read digit by digit in groups: "7 1 3, 5 5 5, 0 1 5 2". */
export function spokenPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
  if (digits.length !== 10) return digits.split('').join(' ');
  return [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)].map((g) => g.split('').join(' ')).join(', ');
}
