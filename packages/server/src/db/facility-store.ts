// Facility records in the database: written by the facility importer and the demo seed, embedded by custody reads.
import type { Facility } from '@referral-kit/sdk';
import type { Db } from './types.js';
import { insertMany } from './batch.js';
import { canonicalJson, sha256 } from './normalize.js';

export function facilityHash(facility: Facility): string {
  return sha256(canonicalJson(facility));
}

/** Stored facilities by id, with their content hash. */
export async function loadFacilityHashes(db: Db): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; content_hash: string }>('SELECT id, content_hash FROM facilities');
  return new Map(rows.map((r) => [r.id, r.content_hash]));
}

/** The state of every facility that has one, by id: custody search filters on it. */
export async function loadFacilityStates(db: Db): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; data: string }>('SELECT id, data FROM facilities');
  return new Map(
    rows.flatMap((r) => {
      const { state } = JSON.parse(r.data) as Facility;
      return state ? [[r.id, state] as const] : [];
    }),
  );
}

/** Inserts new facilities and replaces changed ones, and moves the records held there to the facility's state. Call inside a transaction. */
export async function writeFacilities(
  tx: Db,
  items: readonly { facility: Facility; exists: boolean }[],
  now: string,
): Promise<void> {
  const row = (facility: Facility) => [facility.id, JSON.stringify(facility), facilityHash(facility), now];
  for (const { facility } of items.filter((i) => i.exists)) {
    await tx.run('UPDATE facilities SET data = $2, content_hash = $3, updated_at = $4 WHERE id = $1', row(facility));
  }
  await insertMany(
    tx,
    'facilities',
    ['id', 'data', 'content_hash', 'updated_at'],
    items.filter((i) => !i.exists).map((i) => row(i.facility)),
  );
  for (const { facility } of items) {
    if (facility.state)
      await tx.run('UPDATE custody_records SET state = $2 WHERE facility_id = $1', [facility.id, facility.state]);
  }
}
