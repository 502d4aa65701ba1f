// Codes shared by HSDS import and export: languages, weekdays, referral-kit's own taxonomy terms.
import type { Weekday } from '../contract/service.js';

/** The taxonomy under which referral-kit writes its categories and the facts HSDS has no field for. */
export const TAXONOMY = 'referral-kit';
/** Attribute codes that carry referral-kit facts through HSDS: the original id, the IANA time zone, confidentiality. */
export const TAG = {
  id: 'referral-kit:id',
  timezone: 'referral-kit:timezone',
  confidential: 'referral-kit:confidential',
} as const;

/** ISO 639-2/3 codes seen in HSDS data → ISO 639-1. */
const THREE_TO_TWO: Record<string, string> = {
  eng: 'en',
  spa: 'es',
  fra: 'fr',
  fre: 'fr',
  deu: 'de',
  ger: 'de',
  por: 'pt',
  ita: 'it',
  zho: 'zh',
  chi: 'zh',
  cmn: 'zh',
  yue: 'zh',
  vie: 'vi',
  kor: 'ko',
  ara: 'ar',
  rus: 'ru',
  tgl: 'tl',
  fil: 'tl',
  hin: 'hi',
  urd: 'ur',
  pol: 'pl',
  slk: 'sk',
  slo: 'sk',
  som: 'so',
  hat: 'ht',
  jpn: 'ja',
  fas: 'fa',
  per: 'fa',
  ukr: 'uk',
  ben: 'bn',
  pan: 'pa',
  amh: 'am',
  hmn: 'hm',
  nav: 'nv',
};

/** A two-letter language code from "en", "EN-us", "eng" or "spa"; undefined when it cannot be read. */
export function languageCode(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const base = raw.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (/^[a-z]{2}$/.test(base)) return base;
  return THREE_TO_TWO[base];
}

export const WEEKDAYS: readonly Weekday[] = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];

/** A category slug as a readable taxonomy term name: "legal-aid" → "Legal aid". */
export const categoryLabel = (slug: string): string =>
  (slug.charAt(0).toUpperCase() + slug.slice(1)).replace(/-/g, ' ');
