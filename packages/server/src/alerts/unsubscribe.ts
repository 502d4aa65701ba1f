// Stopping alerts by link: the API route (POST /v1/alerts/unsubscribe with the token), and the one-click
// address in every email (GET shows a button; POST stops, as RFC 8058 mail clients do with List-Unsubscribe-Post).
import { primarySubtag } from '@referral-kit/sdk';
import type { ExtraRoute, RouteHandler } from '../http/types.js';
import { catalog } from '../i18n/index.js';
import type { AlertsContext } from './context.js';
import { linkPageRoutes, tokenActionHandler, type TokenAction } from './link-page.js';

export const STOP_PATH = '/v1/alerts/stop';

export type UnsubscribeVia = 'link' | 'sms' | 'call';

interface StoppedRow {
  channel: string;
  language: string;
}

const countStopped = (c: AlertsContext, rows: readonly StoppedRow[]) => {
  for (const row of rows)
    c.insights?.count('alert-unsubscribed', { channel: row.channel, language: primarySubtag(row.language) });
};

/** Marks one subscription unsubscribed. Pending outbox rows for it are skipped by the dispatcher. */
export async function unsubscribeById(c: AlertsContext, subscriptionId: string, via: UnsubscribeVia): Promise<void> {
  const stopped = await c.db.query<StoppedRow>(
    `UPDATE alert_subscriptions SET status = 'unsubscribed', unsubscribed_at = $1, unsubscribed_via = $2
     WHERE id = $3 AND status <> 'unsubscribed' RETURNING channel, language`,
    [c.now().toISOString(), via, subscriptionId],
  );
  countStopped(c, stopped);
}

/**
 * Stops every phone subscription (SMS, voice, TTY) of one number: a texted STOP, or 9 on the phone line. The
 * channels share one contact hash, so this reaches the number whatever channel it signed up with.
 */
export async function stopPhoneNumber(
  c: AlertsContext,
  contactHash: string,
  via: Exclude<UnsubscribeVia, 'link'>,
): Promise<void> {
  const stopped = await c.db.query<StoppedRow>(
    `UPDATE alert_subscriptions SET status = 'unsubscribed', unsubscribed_at = $1, unsubscribed_via = $2
     WHERE contact_hash = $3 AND channel <> 'email' AND status <> 'unsubscribed' RETURNING channel, language`,
    [c.now().toISOString(), via, contactHash],
  );
  countStopped(c, stopped);
}

/** A texted START: restores only what a texted STOP stopped (stops from a link or a call stay stopped). */
export async function restartPhoneNumber(c: AlertsContext, contactHash: string): Promise<void> {
  await c.db.run(
    `UPDATE alert_subscriptions
     SET status = CASE WHEN confirmed_at IS NULL THEN 'pending' ELSE 'confirmed' END, unsubscribed_at = NULL, unsubscribed_via = NULL
     WHERE contact_hash = $1 AND channel <> 'email' AND status = 'unsubscribed' AND unsubscribed_via = 'sms'`,
    [contactHash],
  );
}

/** The token in every message's stop link (the page and the API route alike). */
const stopByLink = (c: AlertsContext): TokenAction => ({
  purpose: 'unsubscribe',
  limit: c.config.limits.unsubscribePerIp,
  act: (id) => unsubscribeById(c, id, 'link'),
});

export function unsubscribeHandler(c: AlertsContext): RouteHandler<'unsubscribe'> {
  const message = 'This link is not valid. Use the link from your most recent message.';
  return tokenActionHandler(c, stopByLink(c), message, { status: 'unsubscribed' });
}

export function stopPageRoutes(c: AlertsContext): ExtraRoute[] {
  return linkPageRoutes(c, {
    ...stopByLink(c),
    path: STOP_PATH,
    strings: (language) => {
      const t = catalog(language).alerts;
      return { title: t.pageStopTitle, button: t.pageStopButton, done: t.pageStopDone, invalid: t.pageInvalid };
    },
    table: 'alert_subscriptions',
    hidden: { 'List-Unsubscribe': 'One-Click' },
  });
}
