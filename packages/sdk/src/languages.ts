// The languages referral-kit speaks, and how a visitor's BCP 47 tag settles on one of them. The widgets (which
// catalog to show) and the server (which messages to send) read "es-MX", "zh-CN" or "fil" the same way through this.

/** The ten languages, as the widgets' catalogs and the server's messages tag them. */
export const LANGUAGES = ['en', 'es', 'zh-Hans', 'vi', 'ko', 'tl', 'ar', 'ru', 'ht', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The lower-case keys to look a tag up by, most specific first (BCP 47 lookup: drop subtags from the end):
 * "es-MX" → es-mx, es. Every Chinese tag also tries "zh-hans" (the one Chinese catalog is Simplified, which readers
 * of Traditional read better than English), and Filipino ("fil") tries Tagalog, the language it is standardised on.
 */
export function languageCandidates(tag: string | null | undefined): string[] {
  const subtags = (tag ?? '').trim().toLowerCase().split('-');
  const candidates = subtags.map((_, i) => subtags.slice(0, subtags.length - i).join('-')).filter(Boolean);
  if (subtags[0] === 'zh') candidates.push('zh-hans');
  if (subtags[0] === 'fil') candidates.push('tl');
  return candidates;
}

/** The primary language subtag, lower-case (`es-MX` → `es`, `zh-Hans` → `zh`); '' for no tag. */
export function primarySubtag(tag: string | null | undefined): string {
  return (tag ?? '').trim().split('-')[0]!.toLowerCase();
}

/** The one of `available` (compared case-insensitively) that `tag` settles on, or undefined when none fits. */
export function matchLanguage<L extends string>(
  tag: string | null | undefined,
  available: readonly L[],
): L | undefined {
  const byKey = new Map(available.map((language) => [language.toLowerCase(), language]));
  for (const key of languageCandidates(tag)) {
    const found = byKey.get(key);
    if (found) return found;
  }
  return undefined;
}
