// Demo data on first run: the deterministic fixtures from @referral-kit/mocks/fixtures (no msw): services, facilities,
// custody records, hotlines; and demo callback teams, written once into an empty database.
import { DEMO_TEAMS, generateFixtures, type Fixtures } from '@referral-kit/mocks/fixtures';
import { saveTeam } from '../callbacks/routing.js';
import type { Db } from './types.js';
import { analyzeCustody, insertCustodyRecords, sourceKeyOf } from './custody-store.js';
import { writeFacilities } from './facility-store.js';
import { writeDocuments } from './documents.js';
import { bumpServicesVersion, getMeta, replaceHotlines, setMeta } from './services-store.js';

const SEEDED_KEY = 'demo_seeded_at';

/**
 * Seeds the demo directory, custody records and hotlines when the database has never been seeded and holds no
 * data of its own. Returns whether it wrote anything. Safe to call on every start.
 */
export async function seedDemo(db: Db, now: Date, fixtures: Fixtures = generateFixtures()): Promise<boolean> {
  const seeded = await db.transaction(async (tx) => {
    if (await getMeta(tx, SEEDED_KEY)) return false;
    const [counts] = await tx.query<{ services: number; custody: number }>(
      'SELECT (SELECT COUNT(*) FROM services) AS services, (SELECT COUNT(*) FROM custody_records) AS custody',
    );
    if (Number(counts?.services) > 0 || Number(counts?.custody) > 0) return false;
    const stamp = now.toISOString();
    await writeDocuments(
      tx,
      'services',
      fixtures.services.map((document) => ({ document, exists: false })),
      stamp,
    );
    await bumpServicesVersion(tx);
    await writeFacilities(
      tx,
      fixtures.facilities.map((document) => ({ document, exists: false })),
      stamp,
    );
    const writes = fixtures.custody.map((record) => {
      const first = record.identifiers[0];
      const sourceKey = first ? sourceKeyOf(first.type, first.value) : `id:${record.id}`;
      return { record, sourceKey, confidential: false, facilityId: record.facility?.id };
    });
    await insertCustodyRecords(tx, writes, stamp);
    await replaceHotlines(tx, fixtures.hotlines);
    for (const team of DEMO_TEAMS) await saveTeam(tx, team, now);
    await setMeta(tx, SEEDED_KEY, stamp);
    return true;
  });
  if (seeded) await analyzeCustody(db);
  return seeded;
}
