// A voice or TTY alert is acknowledged with the subscriber's PIN, whichever way the keys arrive (the generic
// gateway's webhook or the phone line's own flow).
import type { AlertsContext } from './context.js';
import { verifyPin } from './crypto.js';

const PIN_TRIES = { max: 5, windowSeconds: 3600 };

/** True when `pin` is the PIN of the subscription this status message went to; the message is then acknowledged. */
export async function acknowledgeCall(
  c: AlertsContext,
  outboxId: string,
  pin: string,
): Promise<{ acknowledged: boolean; subscriptionId?: string }> {
  // Whoever holds the phone could keep guessing through the keypad: a few tries per message per hour.
  if (
    !/^\d{4,8}$/.test(pin) ||
    !(await c.limiter.hit(c.keys.rateLimitKey('voice-pin', outboxId), PIN_TRIES, c.now().getTime())).ok
  ) {
    return { acknowledged: false };
  }
  const [row] = await c.db.query<{ subscription_id: string; pin_hash: string | null }>(
    `SELECT o.subscription_id, s.pin_hash FROM alert_outbox o JOIN alert_subscriptions s ON s.id = o.subscription_id
     WHERE o.id = $1 AND o.kind = 'status'`,
    [outboxId],
  );
  if (!row?.pin_hash || !(await verifyPin(pin, row.pin_hash))) return { acknowledged: false };
  await c.db.run('UPDATE alert_outbox SET acknowledged_at = $1 WHERE id = $2 AND acknowledged_at IS NULL', [
    c.now().toISOString(),
    outboxId,
  ]);
  return { acknowledged: true, subscriptionId: row.subscription_id };
}
