// Which telephone numbers alerts may go to: allowed country codes only, never premium-rate or foreign
// numbers hiding inside an allowed code (NANP "+1" also covers Caribbean countries used in one-ring scams).

/** NANP area codes that belong to countries other than the U.S. and Canada (billed as international). */
const NANP_FOREIGN_AREA_CODES = new Set([
  '242', '246', '264', '268', '284', '345', '441', '473', '649', '658', '664', '721', '758', '767', '784',
  '809', '829', '849', '868', '869', '876',
]);

/** Premium-rate and pay-per-call ranges, by country code: prefixes of the national number. */
const PREMIUM_PREFIXES: Record<string, (national: string) => boolean> = {
  // 900 area code; 976 exchanges (historic pay-per-call).
  '1': (n) => n.startsWith('900') || n.slice(3, 6) === '976',
  '44': (n) => n.startsWith('9') || n.startsWith('871') || n.startsWith('872') || n.startsWith('873'),
  '52': (n) => n.startsWith('900'),
  '33': (n) => n.startsWith('89') || n.startsWith('81') || n.startsWith('82'),
  '49': (n) => n.startsWith('900') || n.startsWith('137'),
  '34': (n) => n.startsWith('80') || n.startsWith('90'),
};

/**
 * True when an E.164 number (`+15551234567`) may receive alerts: its country code is one of `allowed`
 * (digits, e.g. `['1']`), it is not premium-rate, and for `+1` it is a U.S./Canadian area code.
 */
export function isAllowedPhone(e164: string, allowed: readonly string[]): boolean {
  if (!/^\+[1-9]\d{7,14}$/.test(e164)) return false;
  const digits = e164.slice(1);
  // Country codes are prefix-free, so at most one allowed code matches.
  const code = allowed.find((c) => digits.startsWith(c));
  if (code === undefined) return false;
  const national = digits.slice(code.length);
  if (code === '1') {
    if (national.length !== 10 || !/^[2-9]\d{2}[2-9]/.test(national)) return false;
    if (NANP_FOREIGN_AREA_CODES.has(national.slice(0, 3))) return false;
  }
  return !(PREMIUM_PREFIXES[code]?.(national) ?? false);
}
