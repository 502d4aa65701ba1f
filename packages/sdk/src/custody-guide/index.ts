// The plain-words custody guide, one source for every surface that explains a status: the API serves it to the
// lookup (GET /v1/custody-guide), alert messages carry its short form, phone calls read it. Plain data, no UI.
// It is its own entry point (`@referral-kit/sdk/custody-guide`) so the embed never carries three languages of prose.
import type { CustodyGuide, CustodyStatus, GuideTopic, StatusExplanation } from '../contract/custody.js';
import en from './en.js';
import es from './es.js';
import ar from './ar.js';

export interface GuideText {
  language: string;
  statuses: Readonly<Record<CustodyStatus, StatusExplanation>>;
  topics: readonly GuideTopic[];
}

/** The VOICE line (Victims Of Immigration Crime Engagement), as people dial it. */
export const VOICE_LINE = '1-855-488-6423';

const GUIDES: Readonly<Record<string, GuideText>> = { en, es, ar };
export const GUIDE_LANGUAGES = Object.keys(GUIDES);

/** The guide for a BCP 47 tag: its primary subtag when written (`es-MX` → `es`), else English. */
export function custodyGuideText(tag: string | undefined): GuideText {
  const primary = (tag ?? '').split('-')[0]!.toLowerCase();
  return GUIDES[primary] ?? en;
}

/** The API's answer to GET /v1/custody-guide: the guide for a tag, and how fresh the custody data is. */
export function custodyGuide(tag: string | undefined, dataUpdatedAt?: string | null): CustodyGuide {
  const { language, statuses, topics } = custodyGuideText(tag);
  return {
    language,
    statuses: Object.entries(statuses).map(([status, explained]) => ({ status, ...explained })),
    topics: [...topics],
    ...(dataUpdatedAt ? { dataUpdatedAt } : {}),
  };
}
