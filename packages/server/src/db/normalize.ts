// Folding rules shared by writers (importers, seeding) and readers (search), so both sides agree.
import { createHash } from 'node:crypto';
import { NAME_WORD_MAX, nameWords } from '@referral-kit/sdk/custody-search';

/**
 * Every prefix of every name word (up to NAME_WORD_MAX characters, as query words are cut), deduplicated: what
 * "starts with" name search looks up on SQLite.
 */
export function namePrefixes(text: string): string[] {
  const out = new Set<string>();
  for (const token of nameWords(text)) {
    const chars = Array.from(token).slice(0, NAME_WORD_MAX);
    for (let i = 1; i <= chars.length; i++) out.add(chars.slice(0, i).join(''));
  }
  return [...out];
}

/** Identifiers compare without spaces or dashes, upper case: "a-123 456" = "A123456". */
export function normalizeIdentifier(value: string): string {
  return value.replace(/[\s-]+/g, '').toUpperCase();
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** JSON with object keys sorted, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
