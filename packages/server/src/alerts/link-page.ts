// The pages behind the links in messages (confirm alerts, stop alerts, cancel a callback): GET shows one button,
// POST does the change, so link scanners that open every link never change anything. Each page is one spec.
import { HttpError, type ExtraRoute, type RequestContext, type RouteHandler } from '../http/types.js';
import { field, limitIp, RATE_LIMIT_MESSAGE, type AlertsContext, type LimitDeps } from './context.js';
import type { TokenPurpose } from './crypto.js';
import { page, type PageResult } from './pages.js';
import type { Limit } from './rate-limiter.js';

export interface LinkPageStrings {
  title: string;
  button: string;
  done: string;
  invalid: string;
}

/** What a link's token does, shared by the page behind the link and the API route that takes the same token. */
export interface TokenAction {
  /** The token's purpose, also the rate limit's scope. */
  purpose: TokenPurpose;
  limit: Limit;
  /** Does the change; `false` answers "not valid" (on the page). */
  act(id: string, token: string): Promise<unknown>;
}

export interface LinkPage extends TokenAction {
  path: string;
  strings(language: string): LinkPageStrings;
  /** The table of the rows the tokens name (its `language` is the page's). */
  table: 'alert_confirmations' | 'alert_subscriptions' | 'callback_requests';
  /**
   * Whether a well-signed token naming no row answers "not valid". Otherwise it gets the button like any other, so
   * a token reveals nothing (the row may be gone already).
   */
  missingIsInvalid?: boolean;
  /** Hidden fields the form posts with the token (RFC 8058 one-click needs `List-Unsubscribe`). */
  hidden?: Record<string, string>;
}

type LinkPageDeps = LimitDeps & Pick<AlertsContext, 'db'>;

export function linkPageRoutes(c: LinkPageDeps, spec: LinkPage): ExtraRoute[] {
  return [
    { method: 'GET', path: spec.path, handler: (ctx) => linkPage(c, spec, ctx, false) },
    { method: 'POST', path: spec.path, form: true, handler: (ctx) => linkPage(c, spec, ctx, true) },
  ];
}

/**
 * The API route that takes a link's token in its body (`{ token }`): the page's rate limit and change, a field error
 * for a token that is not well signed, and `answer` for every other, so a token reveals nothing.
 */
export function tokenActionHandler(
  c: LimitDeps,
  action: TokenAction,
  invalidMessage: string,
  answer: object,
): RouteHandler<'unsubscribe' | 'cancelCallback'> {
  return async (ctx) => {
    await limitIp(c, action.purpose, ctx.ip, action.limit);
    const id = c.keys.verifyToken(action.purpose, ctx.body.token);
    if (id === null) {
      throw new HttpError(400, 'invalid_token', invalidMessage, {
        fields: [{ path: 'token', message: invalidMessage }],
      });
    }
    await action.act(id, ctx.body.token);
    return { status: 200, body: answer };
  };
}

async function linkPage(c: LinkPageDeps, spec: LinkPage, ctx: RequestContext, submit: boolean): Promise<PageResult> {
  const token = field(ctx.query, 'token') ?? field(ctx.body, 'token') ?? '';
  const limited = await pageRateLimit(c, ctx, spec.purpose, spec.limit, spec.strings('en').title);
  if (limited) return limited;
  const id = c.keys.verifyToken(spec.purpose, token);
  const [row] =
    id === null ? [] : await c.db.query<{ language: string }>(`SELECT language FROM ${spec.table} WHERE id = $1`, [id]);
  const language = row ? row.language : spec.missingIsInvalid ? null : 'en';
  const t = spec.strings(language ?? 'en');
  const invalid = () => page({ status: 400, language: language ?? 'en', title: t.title, message: t.invalid });
  if (id === null || language === null) return invalid();
  if (!submit) {
    const action = `${spec.path}?token=${encodeURIComponent(token)}`;
    return page({ status: 200, language, title: t.title, form: { action, button: t.button, hidden: spec.hidden } });
  }
  if ((await spec.act(id, token)) === false) return invalid();
  return page({ status: 200, language, title: t.title, message: t.done });
}

/** Pages answer a rate limit with a page, not JSON; same status and Retry-After as the API. */
async function pageRateLimit(
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
