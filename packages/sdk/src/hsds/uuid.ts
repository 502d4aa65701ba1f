// HSDS wants UUIDs for every id; referral-kit ids are free-form. Non-UUID ids map to a stable, name-based UUID.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

/** Four independent 32-bit FNV-1a style hashes of `text`: 128 bits that only depend on the text. */
function hash128(text: string): number[] {
  const seeds = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b];
  return seeds.map((seed) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
      h ^= h >>> 13;
    }
    return Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  });
}

/**
 * The id itself when it already is a UUID, else a deterministic RFC 9562 version-8 (custom) UUID derived from it:
 * the same referral-kit id always exports to the same HSDS id.
 */
export function stableUuid(id: string): string {
  if (isUuid(id)) return id.toLowerCase();
  const hex = hash128(id)
    .map((n) => n.toString(16).padStart(8, '0'))
    .join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
