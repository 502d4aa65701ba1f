// Facility records in the database: written by the facility importer and the demo seed, embedded by custody reads.
import type { Facility } from '@referral-kit/sdk';
import type { Db } from './types.js';
import { writeDocuments } from './documents.js';

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
  items: readonly { document: Facility; exists: boolean }[],
  now: string,
): Promise<void> {
  await writeDocuments(tx, 'facilities', items, now);
  for (const { document: facility } of items) {
    if (facility.state)
      await tx.run('UPDATE custody_records SET state = $2 WHERE facility_id = $1', [facility.id, facility.state]);
  }
}
