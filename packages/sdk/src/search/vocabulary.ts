// The shape of a language's search vocabulary. The words themselves live in ../vocabulary/<lang>.ts as data.

/** Ways to reach a service that a visitor may need by name ("deaf", "por texto"): the phone types that offer it. */
export type Channel = 'text' | 'tty';

/**
 * What visitors type in one language, mapped to what the directory knows. Lists are `|`-separated phrases
 * (accents, vowel marks and case do not matter: they are folded like every query). Keep entries to words real
 * visitors use.
 */
export interface Vocabulary {
  /** ISO 639-1 code of the language these words belong to (the code services list in `languages`). */
  lang: string;
  /** Space-separated filler words dropped from a query unless they sit inside a known phrase. */
  stopwords: string;
  /** Category slug → phrases that mean it ("abogado" → legal-aid). */
  categories: Record<string, string>;
  /**
   * Phrases that say danger, self-harm or urgency ("in danger", "quiero morir", "救命"): the query is a cry for help,
   * 24/7 hotlines go first and widgets show the crisis lines.
   */
  crisis: string;
  /** Phrases that say self-harm or suicide ("kill myself", "想死"): a crisis, with counseling lines (988) first. */
  selfHarm: string;
  /** ISO 639-1 code → phrases naming that language ("spanish", "en español"): services that speak it rank higher. */
  languages: Record<string, string>;
  /** Channel → phrases asking for it ("deaf", "por texto"): services with such a phone rank higher. */
  channels?: Partial<Record<Channel, string>>;
  /**
   * Space-separated prefixes and suffixes glued to words (Arabic "ال", "و"; Korean particles "를", "에서"): a word
   * the index does not know is also tried without them. Write prefixes as "ال-" and suffixes as "-를".
   */
  affixes?: string;
}

/** A phrase's meaning once the vocabulary is compiled. */
export type Meaning =
  | { kind: 'category'; slug: string }
  | { kind: 'crisis' }
  | { kind: 'language'; code: string }
  | { kind: 'channel'; channel: Channel };

export const splitPhrases = (list: string): string[] =>
  list
    .split('|')
    .map((p) => p.trim())
    .filter(Boolean);
