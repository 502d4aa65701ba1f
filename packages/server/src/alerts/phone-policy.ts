// Which telephone numbers alerts may go to: valid, assigned numbers of an ordinary kind (libphonenumber's full
// metadata) in an allowed country code, never premium-rate or foreign numbers hiding inside an allowed code
// (NANP "+1" also covers Caribbean countries used in one-ring scams). Server only: the metadata is far too big for
// the browser, where the SDK's light check stands in.
import { parsePhoneNumberFromString, type PhoneNumberType } from 'libphonenumber-js/max';

/** Kinds of number a person answers themselves; premium-rate, shared-cost, personal (forwarding), pager, UAN refused. */
const PERSONAL_TYPES: ReadonlySet<PhoneNumberType> = new Set<PhoneNumberType>([
  'MOBILE',
  'FIXED_LINE',
  'FIXED_LINE_OR_MOBILE',
  'VOIP',
]);

/** Under "+1", only these are domestic; the other NANP countries are billed as international. */
const NANP_DOMESTIC = new Set(['US', 'CA']);

/**
 * True when an E.164 number (`+15551234567`) may receive alerts: it is a valid, assigned number of a personal kind,
 * its country code is one of `allowed` (digits, e.g. `['1']`), and for `+1` it is a U.S. or Canadian number.
 */
export function isAllowedPhone(e164: string, allowed: readonly string[]): boolean {
  const phone = parsePhoneNumberFromString(e164);
  if (!phone?.isValid() || !allowed.includes(phone.countryCallingCode)) return false;
  if (phone.countryCallingCode === '1') {
    if (!NANP_DOMESTIC.has(phone.country ?? '')) return false;
    // 976 exchanges were pay-per-call lines; the metadata still counts them as ordinary numbers.
    if (phone.nationalNumber.slice(3, 6) === '976') return false;
  }
  const type = phone.getType();
  return type !== undefined && PERSONAL_TYPES.has(type);
}
