// The staff console's server side: accounts, sign-in, sessions and the JSON API under /console/api. The module
// shares the alerts module's keys (one master key) and rate limiter.
import type { ExtraRoute } from '../http/types.js';
import { adminRoutes } from './admin.js';
import { auditRoute } from './audit-route.js';
import type { StaffContext } from './context.js';
import { authorizePage, protect, type StaffRoute } from './guard.js';
import { insightsRoutes } from './insights-routes.js';
import type { PageMatch } from './pages.js';
import { queueRoute } from './queue.js';
import { requestRoutes } from './requests.js';
import { sessionRoutes } from './session-routes.js';
import { purgeExpiredSessions } from './sessions.js';
import { setupRoutes } from './setup.js';
import { teamStaffRoute } from './team-staff.js';
import { signInRoute } from './sign-in.js';
import { ssoRoutes } from './sso.js';

export { staffConfig, staffConfigFromEnv, type StaffConfig } from './config.js';
export { ssoConfig, SSO_CALLBACK_PATH, type SsoConfig } from './sso-config.js';
export { createStaffAccount, issueSetupLink, resetSsoIdentity, staffIdByEmail, StaffInputError } from './accounts.js';
export { CSRF_HEADER, SESSION_COOKIE, STAFF_API, ROLES, TEAM_ROLES, type Role, type StaffContext } from './context.js';
export type { StaffRoute } from './guard.js';
export { CONSOLE_PAGES, matchPage, returnPage, type PageMatch } from './pages.js';

export interface StaffModule {
  /** Every protected route, as the guard sees it (tests enumerate these). */
  routes: readonly StaffRoute[];
  /** Routes open without a session: sign-in, the setup link and SSO (when configured). */
  publicRoutes: readonly ExtraRoute[];
  extraRoutes: ExtraRoute[];
  /** Throws the 401, 403 or 404 a console page is served with for this request, or returns when it may open. */
  authorizePage(match: PageMatch, headers: { cookie?: string }): Promise<void>;
  /** Periodic clean-up (expired sessions); the alerts dispatcher runs it between batches. */
  maintenance: (now: Date) => Promise<void>;
}

export function createStaff(c: StaffContext): StaffModule {
  const routes: StaffRoute[] = [
    ...sessionRoutes(c),
    queueRoute(c),
    ...requestRoutes(c),
    teamStaffRoute(c),
    auditRoute(c),
    ...adminRoutes(c),
    ...insightsRoutes(c),
  ];
  const publicRoutes = [signInRoute(c), ...setupRoutes(c), ...ssoRoutes(c)];
  return {
    routes,
    publicRoutes,
    extraRoutes: [...publicRoutes, ...routes.map((route) => protect(c, route))],
    authorizePage: (match, headers) => authorizePage(c, match, headers),
    maintenance: (now) => purgeExpiredSessions(c.db, c.config, now),
  };
}
