// The plain-words custody guide, one source for every surface that explains a status: the API serves it to the
// lookup (GET /v1/custody-guide), alert messages carry its short form, phone calls read it. Plain data, no UI.
// It is its own entry point (`@referral-kit/sdk/custody-guide`) so the embed never carries ten languages of prose.
import type { CustodyGuide, CustodyStatus, GuideTopic, StatusExplanation } from '../contract/custody.js';
import { primarySubtag } from '../languages.js';
import en from './en.js';
import es from './es.js';
import ar from './ar.js';
import zh from './zh.js';
import vi from './vi.js';
import ko from './ko.js';
import tl from './tl.js';
import ru from './ru.js';
import ht from './ht.js';
import fr from './fr.js';

export interface GuideText {
  /** ISO 639-1 code; `zh` is Simplified Chinese, served for every `zh-*` tag. */
  language: string;
  /**
   * Whether a fluent speaker has checked this text for meaning and tone (no legal advice, no jargon, no blame).
   * Machine-drafted languages say false until someone has.
   */
  reviewed: boolean;
  statuses: Readonly<Record<CustodyStatus, StatusExplanation>>;
  topics: readonly GuideTopic[];
}

/** The VOICE line (Victims Of Immigration Crime Engagement), as people dial it. */
export const VOICE_LINE = '1-855-488-6423';

const GUIDES: Readonly<Record<string, GuideText>> = { en, es, zh, vi, ko, tl, ar, ru, ht, fr };
export const GUIDE_LANGUAGES = Object.keys(GUIDES);

/**
 * The guide for a BCP 47 tag: its primary subtag when written (`es-MX` → `es`, `zh-Hans` → `zh`), else English.
 * Traditional-script tags (`zh-Hant`, `zh-TW`) get Simplified Chinese too: closer to readable than English.
 */
export function custodyGuideText(tag: string | undefined): GuideText {
  return GUIDES[primarySubtag(tag)] ?? en;
}

/** The API's answer to GET /v1/custody-guide: the guide for a tag, and how fresh the custody data is. */
export function custodyGuide(tag: string | undefined, dataUpdatedAt?: string | null): CustodyGuide {
  const { language, statuses, topics } = custodyGuideText(tag); // `reviewed` stays here: editors' data, not visitors'
  return {
    language,
    statuses: Object.entries(statuses).map(([status, explained]) => ({ status, ...explained })),
    topics: [...topics],
    ...(dataUpdatedAt ? { dataUpdatedAt } : {}),
  };
}
