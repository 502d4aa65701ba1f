// Folding rules shared by writers (importers, seeding) and readers (search), so both sides agree.
import { createHash } from 'node:crypto';
import { foldName } from '@referral-kit/sdk';

/** Name tokens: letters and digits of the folded text. */
export function nameTokens(text: string): string[] {
  return foldName(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Longest prefix indexed per token; longer query tokens are cut to this length. */
export const MAX_PREFIX = 24;

/** Every prefix of every token, deduplicated: what "starts with" name search looks up. */
export function namePrefixes(text: string): string[] {
  const out = new Set<string>();
  for (const token of nameTokens(text)) {
    const chars = Array.from(token).slice(0, MAX_PREFIX);
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
