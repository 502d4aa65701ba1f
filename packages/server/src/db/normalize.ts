// Folding rules shared by writers (importers, seeding) and readers (search), so both sides agree.
import { createHash } from 'node:crypto';

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
