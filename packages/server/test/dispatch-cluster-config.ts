// The alerts configuration dispatch-cluster.test.ts and its child processes share, and the outbox the PostgreSQL
// dispatch tests start from.
import { alertsConfig, enqueueStatusChange, type AlertsConfig } from '../src/alerts/index.js';
import { deriveKeys } from '../src/alerts/crypto.js';
import { eventBit } from '../src/alerts/events.js';
import type { Db } from '../src/db/types.js';
import { HOUR } from './clock.js';

export function clusterConfig(secretKey: Buffer): AlertsConfig {
  return alertsConfig({
    secretKey,
    publicUrl: 'https://alerts.example.test',
    outboxFile: '/dev/null',
    dispatch: { batchSize: 4 },
  });
}

/** `count` confirmed email subscribers to record rec-1 and one release alert each in the outbox; returns the rows queued. */
export async function queueReleaseAlerts(db: Db, secretKey: Buffer, count: number, at: Date): Promise<number> {
  const keys = deriveKeys(secretKey);
  for (let i = 0; i < count; i++) {
    const contact = `person${i}@example.org`;
    await db.run(
      `INSERT INTO alert_subscriptions (id, subject_id, channel, contact_hash, contact_enc, language, events_mask, status, created_at, confirmed_at)
       VALUES ($1, 'rec-1', 'email', $2, $3, 'en', $4, 'confirmed', $5, $5)`,
      [
        `sub-${i}`,
        keys.contactHash('email', contact),
        keys.seal(contact, 'contact'),
        eventBit('release'),
        at.toISOString(),
      ],
    );
  }
  return db.transaction((tx) =>
    enqueueStatusChange(
      tx,
      {
        eventId: 'ev-1',
        recordId: 'rec-1',
        alertEvent: 'release',
        status: 'released',
        occurredAt: new Date(at.getTime() - 2 * HOUR).toISOString(),
      },
      at,
    ),
  );
}
