// The shape of a language's search vocabulary. The words themselves live in ../vocabulary/<lang>.ts as data.

/**
 * What visitors type in one language, mapped to what the directory knows. Lists are `|`-separated phrases
 * (accents and case do not matter: they are folded like every query). Keep entries to words real visitors use.
 */
export interface Vocabulary {
  /** ISO 639-1 code of the language these words belong to. */
  lang: string;
  /** Space-separated filler words dropped from a query unless they sit inside a known phrase. */
  stopwords: string;
  /** Category slug → phrases that mean it ("abogado" → legal-aid). */
  categories: Record<string, string>;
  /** Phrases that mean "I need help right now": 24/7 hotlines go first. */
  crisis: string;
  /** ISO 639-1 code → phrases naming that language ("spanish", "en español"): services that speak it rank higher. */
  languages: Record<string, string>;
}

/** A phrase's meaning once the vocabulary is compiled. */
export type Meaning =
  | { kind: 'category'; slug: string }
  | { kind: 'crisis' }
  | { kind: 'language'; code: string };

export const splitPhrases = (list: string): string[] => list.split('|').map((p) => p.trim()).filter(Boolean);
