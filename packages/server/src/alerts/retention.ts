// Keep as little as possible for as short as possible: expired codes, answered idempotency keys, requests nobody
// ever confirmed and messages long done with are deleted (run by the dispatcher between batches).
import type { Db } from '../db/types.js';
import type { AlertsConfig } from './config.js';

const DAY_MS = 24 * 3600 * 1000;
/** Long enough for the per-contact limit (counted from confirmations) to see a full window. */
const CONFIRMATION_KEEP_MS = 2 * DAY_MS;
const UNCONFIRMED_KEEP_MS = 7 * DAY_MS;
/**
 * A message sent, given up or skipped stays this long after it was due: long enough for a late delivery report, a
 * voice alert's PIN and an operator's question about it; without this the outbox grows by every fan-out forever.
 */
export const DONE_MESSAGE_KEEP_MS = 30 * DAY_MS;
/** Done with: `pending` rows (including an unanswered call queued again) are never purged. */
const DONE = "status IN ('sent', 'failed', 'skipped')";

export async function purgeExpired(db: Db, config: AlertsConfig, now: Date): Promise<void> {
  const before = (ms: number) => new Date(now.getTime() - ms).toISOString();
  await db.run('DELETE FROM telephony_replays WHERE expires_at < $1', [now.toISOString()]);
  await db.run('DELETE FROM alert_idempotency WHERE created_at < $1', [before(config.idempotencyTtlSeconds * 1000)]);
  await db.run('DELETE FROM alert_confirmations WHERE expires_at < $1', [
    before(Math.max(CONFIRMATION_KEEP_MS, config.limits.subscribePerContact.windowSeconds * 1000)),
  ]);
  await db.run(
    `DELETE FROM alert_subscriptions WHERE status = 'pending' AND confirmed_at IS NULL AND created_at < $1
     AND NOT EXISTS (SELECT 1 FROM alert_confirmations c WHERE c.subscription_id = alert_subscriptions.id)`,
    [before(UNCONFIRMED_KEEP_MS)],
  );
  // `next_attempt_at` is never before `created_at`, and (status, next_attempt_at) is indexed for the dispatcher.
  await db.run(`DELETE FROM alert_outbox WHERE ${DONE} AND kind = 'confirmation' AND next_attempt_at < $1`, [
    before(CONFIRMATION_KEEP_MS),
  ]);
  await db.run(`DELETE FROM alert_outbox WHERE ${DONE} AND next_attempt_at < $1`, [before(DONE_MESSAGE_KEEP_MS)]);
  await db.run(`DELETE FROM notify_messages WHERE ${DONE} AND next_attempt_at < $1`, [before(DONE_MESSAGE_KEEP_MS)]);
}
