// Finding a record from what a caller keys in or a text names: an A-number, a booking number, or the reference
// number of an alert registration. Confidential records are filtered by the store, so they answer exactly like
// unknown numbers.
import type { CustodyRecord } from '@referral-kit/sdk';
import type { Db } from '../db/types.js';
import { getCustodyRecord, searchCustodyRecords } from '../db/custody-store.js';
import { normalizeIdentifier } from '../db/normalize.js';

export type KeypadIdKind = 'a-number' | 'booking';

/** A-numbers are "A" and 9 digits; older ones have 8, keyed without the leading zero. */
function aNumber(digits: string): string {
  return `A${digits.padStart(9, '0')}`;
}

async function findOne(db: Db, identifier: string, identifierType?: KeypadIdKind): Promise<CustodyRecord | null> {
  const { items } = await searchCustodyRecords(db, { identifier, identifierType, page: 1, pageSize: 2 });
  // An identifier shared by two records is ambiguous: saying either status could be wrong.
  return items.length === 1 ? items[0]! : null;
}

/** The record for keypad digits of the given kind, or null. */
export async function findByKeypad(db: Db, kind: KeypadIdKind, digits: string): Promise<CustodyRecord | null> {
  if (!/^\d{1,20}$/.test(digits)) return null;
  return findOne(db, kind === 'a-number' ? aNumber(digits) : digits, kind);
}

/** The record a text names ("A123456789", "a-123 456 789", "260004512"), or null. */
export async function findByText(db: Db, text: string): Promise<CustodyRecord | null> {
  const id = normalizeIdentifier(text);
  if (!/^[A-Z0-9]{1,32}$/.test(id)) return null;
  if (/^A\d{8,9}$/.test(id)) return findOne(db, aNumber(id.slice(1)), 'a-number');
  return findOne(db, id, 'booking');
}

/** The record a confirmed registration with this reference number follows, or null. */
export async function findByReference(db: Db, digits: string): Promise<CustodyRecord | null> {
  if (!/^\d{10}$/.test(digits)) return null;
  const [row] = await db.query<{ subject_id: string }>(
    "SELECT subject_id FROM alert_subscriptions WHERE reference_code = $1 AND status = 'confirmed'",
    [digits],
  );
  return row ? getCustodyRecord(db, row.subject_id) : null;
}
