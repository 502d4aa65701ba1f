// Every protected staff route and console page goes through here: a live session (else 401), then for state changes
// the same Origin and the session's CSRF token in a header (else 403), then the route's roles (else 403), then for a
// route or page about one callback request, its team (else 403), so nothing reaches a handler that the caller may
// not do.
import { timingSafeEqual } from 'node:crypto';
import { HttpError, type ExtraRoute, type HandlerResult, type RequestContext } from '../http/types.js';
import { CSRF_HEADER, STAFF_API, type Role, type StaffContext } from './context.js';
import type { PageMatch } from './pages.js';
import { requestInScope } from './requests.js';
import { clearedSessionCookie, resumeSession, sessionTokenFrom, type Session } from './sessions.js';

export interface StaffRoute {
  method: 'GET' | 'POST';
  /** Path under /console/api, `{id}` for a parameter. */
  path: string;
  roles: readonly Role[];
  /**
   * `request`: the route acts on one callback request (`{id}`, or `?requestId=` when given): only staff of its team
   * (and admins) may.
   * `team`: the route is about one team (`{id}`): only its own members (and admins) may.
   * `partner`: the route reports on a partner (`?partner=`): a partner account only on its own.
   */
  scope?: 'request' | 'partner' | 'team';
  handler(ctx: RequestContext, session: Session): Promise<HandlerResult>;
}

/** A GET route that answers 200 with what `read` returns. */
export function staffRead(
  route: Omit<StaffRoute, 'method' | 'handler'>,
  read: (ctx: RequestContext, session: Session) => Promise<unknown>,
): StaffRoute {
  return {
    ...route,
    method: 'GET',
    handler: async (ctx, session) => ({ status: 200, body: await read(ctx, session) }),
  };
}

export const SIGN_IN_REQUIRED = 'Sign in to continue.';

/** State changes only from the console's own origin (a browser always sends Origin on a POST). */
export function checkOrigin(c: StaffContext, ctx: RequestContext): void {
  const origin = ctx.headers.origin;
  let ok = false;
  if (origin !== undefined && origin !== 'null') {
    if (c.config.origin !== undefined) ok = origin === c.config.origin;
    else {
      try {
        ok = new URL(origin).host === ctx.headers.host;
      } catch {
        ok = false;
      }
    }
  }
  if (!ok) throw new HttpError(403, 'forbidden', 'This request did not come from the console.');
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The live session the request's cookie names, or 401 (clearing the cookie of a session that ended). */
async function requireSession(c: StaffContext, headers: { cookie?: string }): Promise<Session> {
  const token = sessionTokenFrom(headers.cookie);
  const session = token === undefined ? null : await resumeSession(c.db, c.config, token, c.now());
  if (session) return session;
  throw new HttpError(
    401,
    'unauthorized',
    SIGN_IN_REQUIRED,
    token === undefined ? {} : { headers: { 'set-cookie': clearedSessionCookie() } },
  );
}

function requireRole(roles: readonly Role[], session: Session): void {
  if (!roles.includes(session.member.role)) throw new HttpError(403, 'forbidden', 'Your role does not allow this.');
}

export function protect(c: StaffContext, route: StaffRoute): ExtraRoute {
  return {
    method: route.method,
    path: `${STAFF_API}${route.path}`,
    handler: async (ctx) => {
      const session = await requireSession(c, ctx.headers);
      if (route.method === 'POST') {
        checkOrigin(c, ctx);
        if (!sameToken(ctx.headers[CSRF_HEADER], session.csrfToken)) {
          throw new HttpError(403, 'forbidden', 'The page is out of date. Reload it and try again.');
        }
      }
      requireRole(route.roles, session);
      if (route.scope === 'request') {
        const id = ctx.params.id ?? (ctx.query as Record<string, unknown>).requestId;
        if (typeof id === 'string') await requestInScope(c.db, session.member, id);
      }
      if (route.scope === 'team' && session.member.role !== 'admin' && ctx.params.id !== session.member.teamId)
        throw new HttpError(403, 'forbidden', 'This is another team.');
      return route.handler(ctx, session);
    },
  };
}

/**
 * Whether the request may open a console page: nothing for an open page or an allowed one, else the 401 or 403 (or
 * the 404 of an unknown request) the page is served with.
 */
export async function authorizePage(c: StaffContext, match: PageMatch, headers: { cookie?: string }) {
  if (match.page.roles === null) return;
  const session = await requireSession(c, headers);
  requireRole(match.page.roles, session);
  if (match.page.scope === 'request' && match.id !== undefined) await requestInScope(c.db, session.member, match.id);
}
