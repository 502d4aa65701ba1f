// The confirm link in email: GET shows a Confirm button, POST confirms (link scanners never confirm anything).
import type { ExtraRoute, RequestContext } from '../http/types.js';
import { catalog } from '../i18n/index.js';
import { confirmByToken } from './confirm.js';
import { field, type AlertsContext } from './context.js';
import { page, type PageResult } from './pages.js';
import { pageRateLimit } from './unsubscribe.js';

export const CONFIRM_LINK_PATH = '/v1/alerts/confirm-link';

export function confirmPageRoutes(c: AlertsContext): ExtraRoute[] {
  return [
    { method: 'GET', path: CONFIRM_LINK_PATH, handler: (ctx) => confirmPage(c, ctx, false) },
    { method: 'POST', path: CONFIRM_LINK_PATH, form: true, handler: (ctx) => confirmPage(c, ctx, true) },
  ];
}

async function confirmPage(c: AlertsContext, ctx: RequestContext, submit: boolean): Promise<PageResult> {
  const token = field(ctx.query, 'token') ?? field(ctx.body, 'token') ?? '';
  const limited = await pageRateLimit(
    c,
    ctx,
    'confirm',
    c.config.limits.confirmPerIp,
    catalog('en').alerts.pageConfirmTitle,
  );
  if (limited) return limited;
  const id = c.keys.verifyToken('confirm', token);
  const [row] =
    id === null
      ? []
      : await c.db.query<{ language: string }>('SELECT language FROM alert_confirmations WHERE id = $1', [id]);
  const t = catalog(row?.language ?? 'en').alerts;
  const language = row?.language ?? 'en';
  if (!row) return page({ status: 400, language, title: t.pageConfirmTitle, message: t.pageInvalid });
  if (!submit) {
    return page({
      status: 200,
      language,
      title: t.pageConfirmTitle,
      form: { action: `${CONFIRM_LINK_PATH}?token=${encodeURIComponent(token)}`, button: t.pageConfirmButton },
    });
  }
  const outcome = await confirmByToken(c, token);
  return outcome === 'confirmed'
    ? page({ status: 200, language, title: t.pageConfirmTitle, message: t.pageConfirmDone })
    : page({ status: 400, language, title: t.pageConfirmTitle, message: t.pageInvalid });
}
