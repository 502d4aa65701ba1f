// Stopping alerts by link: the API route (POST /v1/alerts/unsubscribe with the token), and the one-click
// address in every email (GET shows a button; POST stops, as RFC 8058 mail clients do with List-Unsubscribe-Post).
import { primarySubtag } from '@referral-kit/sdk';
import { HttpError, type ExtraRoute, type RequestContext, type RouteHandler } from '../http/types.js';
import { catalog } from '../i18n/index.js';
import { field, limitIp, RATE_LIMIT_MESSAGE, type AlertsContext, type LimitDeps } from './context.js';
import type { Limit } from './rate-limiter.js';
import { page, type PageResult } from './pages.js';

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

export function unsubscribeHandler(c: AlertsContext): RouteHandler<'unsubscribe'> {
  return async (ctx) => {
    await limitIp(c, 'unsubscribe', ctx.ip, c.config.limits.unsubscribePerIp);
    const id = c.keys.verifyToken('unsubscribe', ctx.body.token);
    if (id === null) {
      const message = 'This link is not valid. Use the link from your most recent message.';
      throw new HttpError(400, 'invalid_token', message, { fields: [{ path: 'token', message }] });
    }
    await unsubscribeById(c, id, 'link');
    return { status: 200, body: { status: 'unsubscribed' } };
  };
}

export function stopPageRoutes(c: AlertsContext): ExtraRoute[] {
  return [
    { method: 'GET', path: STOP_PATH, handler: (ctx) => stopPage(c, ctx, false) },
    { method: 'POST', path: STOP_PATH, form: true, handler: (ctx) => stopPage(c, ctx, true) },
  ];
}

async function stopPage(c: AlertsContext, ctx: RequestContext, submit: boolean): Promise<PageResult> {
  const token = field(ctx.query, 'token') ?? field(ctx.body, 'token') ?? '';
  const limited = await pageRateLimit(
    c,
    ctx,
    'unsubscribe',
    c.config.limits.unsubscribePerIp,
    catalog('en').alerts.pageStopTitle,
  );
  if (limited) return limited;
  const id = c.keys.verifyToken('unsubscribe', token);
  if (id === null)
    return page({
      status: 400,
      language: 'en',
      title: catalog('en').alerts.pageStopTitle,
      message: catalog('en').alerts.pageInvalid,
    });
  const [row] = await c.db.query<{ language: string }>('SELECT language FROM alert_subscriptions WHERE id = $1', [id]);
  const language = row?.language ?? 'en';
  const t = catalog(language).alerts;
  if (!submit) {
    return page({
      status: 200,
      language,
      title: t.pageStopTitle,
      form: {
        action: `${STOP_PATH}?token=${encodeURIComponent(token)}`,
        button: t.pageStopButton,
        hidden: { 'List-Unsubscribe': 'One-Click' },
      },
    });
  }
  await unsubscribeById(c, id, 'link');
  return page({ status: 200, language, title: t.pageStopTitle, message: t.pageStopDone });
}

/** Pages answer a rate limit with a page, not JSON; same status and Retry-After as the API. */
export async function pageRateLimit(
  c: LimitDeps,
  ctx: RequestContext,
  scope: string,
  limit: Limit,
  title: string,
): Promise<PageResult | null> {
  const outcome = await c.limiter.hit(c.keys.rateLimitKey(scope, ctx.ip), limit, c.now().getTime());
  if (outcome.ok) return null;
  return page({
    status: 429,
    language: 'en',
    title,
    message: RATE_LIMIT_MESSAGE,
    headers: { 'retry-after': String(outcome.retryAfterSeconds) },
  });
}
