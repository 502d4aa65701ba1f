// Writing to the outbox. Always called with the caller's transaction, so a message exists exactly when the change
// that caused it was committed; the unique (subscription_id, event_id) key makes a second enqueue a no-op.
import type { AlertEvent, CustodyStatus } from '@referral-kit/sdk';
import type { Db } from '../db/types.js';
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
export async function enqueueStatusChange(tx: Db, event: StatusChange, now: Date): Promise<number> {
  const at = now.toISOString();
  const { changes } = await tx.run(
    `INSERT INTO alert_outbox (id, subscription_id, event_id, kind, alert_event, custody_status, occurred_at, status, attempts, next_attempt_at, created_at, priority)
     SELECT CAST($1 AS TEXT) || '/' || s.id, s.id, CAST($1 AS TEXT), 'status', CAST($2 AS TEXT), CAST($7 AS TEXT), CAST($3 AS TEXT), 'pending', 0, CAST($4 AS TEXT), CAST($4 AS TEXT), CAST($8 AS INTEGER)
     FROM alert_subscriptions s
     WHERE s.subject_id = $5 AND s.status = 'confirmed' AND (s.events_mask & $6) <> 0
     ON CONFLICT (subscription_id, event_id) DO NOTHING`,
    [
      event.eventId,
      event.alertEvent,
      event.occurredAt,
      at,
      event.recordId,
      eventBit(event.alertEvent),
      event.status,
      statusAlertPriority(event.alertEvent),
    ],
  );
  return changes;
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
