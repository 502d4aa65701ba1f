// The console's pages and who may open each: the server answers a page's address with 200, 401 or 403 from this
// table, and the console in the browser routes by it. Browser code imports this file too: no Node imports here.
import { INSIGHT_ROLES, TEAM_ROLES, type Role } from './vocabulary.js';

export const CONSOLE_ROOT = '/console';

export interface ConsolePageRule {
  name: string;
  /** The address, `{id}` for a request id. */
  path: string;
  /** Who may open it; `null`: anyone, signed in or not. */
  roles: readonly Role[] | null;
  /** `request`: the page shows one callback request (`{id}`): only staff of its team (and admins) may open it. */
  scope?: 'request';
}

export const CONSOLE_PAGES = [
  { name: 'sign-in', path: `${CONSOLE_ROOT}/sign-in`, roles: null },
  { name: 'setup', path: `${CONSOLE_ROOT}/setup`, roles: null },
  { name: 'queue', path: CONSOLE_ROOT, roles: TEAM_ROLES },
  { name: 'request', path: `${CONSOLE_ROOT}/requests/{id}`, roles: TEAM_ROLES, scope: 'request' },
  { name: 'audit', path: `${CONSOLE_ROOT}/audit`, roles: ['supervisor', 'admin'] },
  { name: 'insights', path: `${CONSOLE_ROOT}/insights`, roles: INSIGHT_ROLES },
  { name: 'admin', path: `${CONSOLE_ROOT}/admin`, roles: ['admin'] },
] as const satisfies readonly ConsolePageRule[];

export type ConsolePageName = (typeof CONSOLE_PAGES)[number]['name'];

export interface PageMatch {
  page: ConsolePageRule & { name: ConsolePageName };
  /** The request id on a request's page. */
  id?: string;
}

const ID = '[A-Za-z0-9_-]+';
const patterns = (CONSOLE_PAGES as readonly PageMatch['page'][]).map(
  (page) => [page, new RegExp(`^${page.path.replace('{id}', `(${ID})`)}$`)] as const,
);

/** The page at an address (a trailing slash is the same address), or null when there is none. */
export function matchPage(pathname: string): PageMatch | null {
  const path = pathname.replace(/\/+$/, '') || CONSOLE_ROOT;
  for (const [page, pattern] of patterns) {
    const match = pattern.exec(path);
    if (match) return match[1] === undefined ? { page } : { page, id: match[1] };
  }
  return null;
}

/**
 * The page to open after signing in, from an untrusted value (a query parameter that crossed the SSO round trip): a
 * console page behind the sign-in, as its own path, or null. It can only ever name a page of this console.
 */
export function returnPage(value: string | null | undefined): string | null {
  if (!value?.startsWith(CONSOLE_ROOT)) return null;
  const match = matchPage(value);
  return match && match.page.roles !== null ? value : null;
}

/** Whether a role may open a page (a request's team is the server's to check). */
export const mayOpen = (page: ConsolePageRule, role: Role | undefined): boolean =>
  page.roles === null || (role !== undefined && page.roles.includes(role));
