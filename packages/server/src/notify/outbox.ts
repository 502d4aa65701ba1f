// Writing to the outbox. Always called with the caller's transaction, so a message exists exactly when the change
// that caused it was committed; the unique (subscription_id, event_id) key makes a second enqueue a no-op.
import type { AlertEvent, CustodyStatus } from '@referral-kit/sdk';
import type { Db, SqlParam } from '../db/types.js';
import { MAX_PARAMS } from '../db/batch.js';
import { eventBit } from '../alerts/events.js';
import type { AlertKeys } from '../alerts/crypto.js';
import type { OutgoingMessage } from './transports/types.js';
import { PRIORITY, messagePriority, statusAlertPriority } from './priority.js';

export interface StatusChange {
  eventId: string;
  recordId: string;
  alertEvent: AlertEvent;
  status: CustodyStatus;
  occurredAt: string;
}

/**
 * One outbox row per confirmed subscription to `recordId` that asked for this kind of event, in one set-based
 * INSERT … SELECT inside the caller's transaction. Returns the number of rows created (0 when re-run).
 */
export function enqueueStatusChange(tx: Db, event: StatusChange, now: Date): Promise<number> {
  return enqueueStatusChanges(tx, [event], now);
}

/** Columns of one event in enqueueStatusChanges' VALUES list. */
const EVENT_VALUES = 7;

/** enqueueStatusChange for many events (an import's), in one INSERT … SELECT per few thousand events. */
export async function enqueueStatusChanges(tx: Db, events: readonly StatusChange[], now: Date): Promise<number> {
  const at = now.toISOString();
  const perStatement = Math.floor(MAX_PARAMS / EVENT_VALUES);
  let created = 0;
  for (let start = 0; start < events.length; start += perStatement) {
    const params: SqlParam[] = [at];
    const values = events.slice(start, start + perStatement).map((event) => {
      const first = params.length + 1;
      params.push(
        event.eventId,
        event.alertEvent,
        event.occurredAt,
        event.recordId,
        eventBit(event.alertEvent),
        event.status,
        statusAlertPriority(event.alertEvent),
      );
      return `(${Array.from({ length: EVENT_VALUES }, (_, i) => `$${first + i}`).join(', ')})`;
    });
    // VALUES columns are named column1… on both databases.
    const { changes } = await tx.run(
      `INSERT INTO alert_outbox (id, subscription_id, event_id, kind, alert_event, custody_status, occurred_at, status, attempts, next_attempt_at, created_at, priority)
       SELECT CAST(e.column1 AS TEXT) || '/' || s.id, s.id, CAST(e.column1 AS TEXT), 'status', CAST(e.column2 AS TEXT), CAST(e.column6 AS TEXT), CAST(e.column3 AS TEXT), 'pending', 0, CAST($1 AS TEXT), CAST($1 AS TEXT), CAST(e.column7 AS INTEGER)
       FROM (VALUES ${values.join(', ')}) AS e
       JOIN alert_subscriptions s ON s.subject_id = CAST(e.column4 AS TEXT)
       WHERE s.status = 'confirmed' AND (s.events_mask & CAST(e.column5 AS INTEGER)) <> 0
       ON CONFLICT (subscription_id, event_id) DO NOTHING`,
      params,
    );
    created += changes;
  }
  return created;
}

/** The confirmation message for one subscribe request; its code and link travel sealed in payload_enc. */
export async function enqueueConfirmation(
  tx: Db,
  input: { subscriptionId: string; confirmationId: string; payloadEnc: string },
  now: Date,
): Promise<void> {
  const eventId = `confirm:${input.confirmationId}`;
  const at = now.toISOString();
  await tx.run(
    `INSERT INTO alert_outbox (id, subscription_id, event_id, kind, payload_enc, status, attempts, next_attempt_at, created_at, priority)
     VALUES ($1, $2, $3, 'confirmation', $4, 'pending', 0, $5, $5, $6)`,
    [`${eventId}/${input.subscriptionId}`, input.subscriptionId, eventId, input.payloadEnc, at, PRIORITY.transactional],
  );
}

/** A message rendered now and sent by the dispatcher after the caller's transaction commits (notify_messages). */
export async function enqueueMessage(
  tx: Db,
  keys: AlertKeys,
  input: { id: string; message: Omit<OutgoingMessage, 'idempotencyKey'> },
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await tx.run(
    `INSERT INTO notify_messages (id, kind, payload_enc, status, attempts, next_attempt_at, created_at, priority)
     VALUES ($1, $2, $3, 'pending', 0, $4, $4, $5)`,
    [
      input.id,
      input.message.kind,
      keys.seal(JSON.stringify(input.message), `message:${input.id}`),
      at,
      messagePriority(input.message.kind),
    ],
  );
}
