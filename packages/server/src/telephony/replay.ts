// Replay protection for provider webhooks. A signature proves who sent a request, not that it is the first time:
// each request's key (the provider's call or message id with the flow's turn, or the gateway's signature) is
// written once, and a second request with the same key is refused before anything changes.
import type { AlertsContext } from '../alerts/context.js';

/** Longer than any call, and longer than the generic gateway's 5-minute signature window. */
const KEEP_SECONDS = 24 * 3600;

/** True the first time `key` is seen; false for a replay. */
export async function firstUse(c: AlertsContext, key: string): Promise<boolean> {
  const now = c.now();
  const { changes } = await c.db.run(
    'INSERT INTO telephony_replays (key_hash, expires_at) VALUES ($1, $2) ON CONFLICT (key_hash) DO NOTHING',
    [c.keys.idempotencyHash('webhook-replay', key), new Date(now.getTime() + KEEP_SECONDS * 1000).toISOString()],
  );
  return changes === 1;
}
