// POST /v1/alerts/confirm: the 6-digit code (15 minutes, 5 tries) or the link token from the message turns the
// settings a subscribe request asked for into a confirmed subscription. Confirming twice is harmless.
import { primarySubtag } from '@referral-kit/sdk';
import type { Db } from '../db/types.js';
import { HttpError, type RouteHandler } from '../http/types.js';
import { limitIp, type AlertsContext } from './context.js';
import { sameHash } from './crypto.js';

interface ConfirmationRow {
  id: string;
  subscription_id: string;
  code_hash: string;
  language: string;
  events_mask: number;
  pin_hash: string | null;
  attempts: number;
  expires_at: string;
  used_at: string | null;
}

export type ConfirmOutcome = 'confirmed' | 'invalid_code' | 'invalid_token' | 'code_expired' | 'too_many_attempts';

const MESSAGES: Record<Exclude<ConfirmOutcome, 'confirmed'>, string> = {
  invalid_code: 'That code is not right. Check the message and try again.',
  invalid_token: 'This link is not valid. Ask for alerts again to get a new one.',
  code_expired: 'This code has expired. Ask for alerts again to get a new one.',
  too_many_attempts: 'Too many wrong codes. Ask for alerts again to get a new one.',
};

export function confirmHandler(c: AlertsContext): RouteHandler<'confirmSubscription'> {
  return async (ctx) => {
    await limitIp(c, 'confirm', ctx.ip, c.config.limits.confirmPerIp);
    const { body } = ctx;
    const outcome =
      'token' in body ? await confirmByToken(c, body.token) : await confirmByCode(c, body.confirmationId, body.code);
    if (outcome !== 'confirmed') {
      throw new HttpError(400, outcome, MESSAGES[outcome], {
        fields: [{ path: 'token' in body ? 'token' : 'code', message: MESSAGES[outcome] }],
      });
    }
    return { status: 200, body: { status: 'confirmed' } };
  };
}

export async function confirmByCode(c: AlertsContext, confirmationId: string, code: string): Promise<ConfirmOutcome> {
  return c.db.transaction(async (tx) => {
    const row = await load(tx, confirmationId);
    if (!row) return 'invalid_code';
    const matches = sameHash(row.code_hash, c.keys.codeHash(row.id, code));
    if (row.used_at !== null) return matches ? 'confirmed' : 'invalid_code';
    if (row.attempts >= c.config.confirmation.maxAttempts) return 'too_many_attempts';
    if (Date.parse(row.expires_at) <= c.now().getTime()) return 'code_expired';
    if (!matches) {
      await tx.run('UPDATE alert_confirmations SET attempts = attempts + 1 WHERE id = $1', [row.id]);
      return 'invalid_code';
    }
    await activate(c, tx, row);
    return 'confirmed';
  });
}

/** The link's token is unguessable, so it is not bound by the code's attempt limit, only by its expiry. */
export async function confirmByToken(c: AlertsContext, token: string): Promise<ConfirmOutcome> {
  const id = c.keys.verifyToken('confirm', token);
  if (id === null) return 'invalid_token';
  return c.db.transaction(async (tx) => {
    const row = await load(tx, id);
    if (!row) return 'invalid_token';
    if (row.used_at !== null) return 'confirmed';
    if (Date.parse(row.expires_at) <= c.now().getTime()) return 'code_expired';
    await activate(c, tx, row);
    return 'confirmed';
  });
}

async function load(tx: Db, id: string): Promise<ConfirmationRow | undefined> {
  const [row] = await tx.query<ConfirmationRow>(
    `SELECT id, subscription_id, code_hash, language, events_mask, pin_hash, attempts, expires_at, used_at
     FROM alert_confirmations WHERE id = $1`,
    [id],
  );
  return row;
}

async function activate(c: AlertsContext, tx: Db, row: ConfirmationRow): Promise<void> {
  const now = c.now().toISOString();
  await tx.run('UPDATE alert_confirmations SET used_at = $1 WHERE id = $2', [now, row.id]);
  const [subscription] = await tx.query<{ channel: string }>(
    `UPDATE alert_subscriptions
     SET status = 'confirmed', language = $1, events_mask = $2, pin_hash = $3, confirmed_at = $4,
         unsubscribed_at = NULL, unsubscribed_via = NULL
     WHERE id = $5 RETURNING channel`,
    [row.language, row.events_mask, row.pin_hash, now, row.subscription_id],
  );
  c.insights?.count('alert-confirmed', { channel: subscription?.channel, language: primarySubtag(row.language) });
}
