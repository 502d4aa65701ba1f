// The signed-in staff member's own session: who am I (and the CSRF token a reloaded page needs), and sign-out.
import { staffRead, type StaffRoute } from './guard.js';
import { ROLES, type StaffContext } from './context.js';
import { clearedSessionCookie, endSession } from './sessions.js';
import { audit } from './audit.js';

export function sessionRoutes(c: StaffContext): StaffRoute[] {
  return [
    staffRead({ path: '/session', roles: ROLES }, async (_ctx, session) => ({
      staff: session.member,
      csrfToken: session.csrfToken,
    })),
    {
      method: 'POST',
      path: '/sign-out',
      roles: ROLES,
      handler: async (_ctx, session) => {
        await endSession(c.db, session.tokenHash);
        await audit(c.db, { actorId: session.member.id, teamId: session.member.teamId, action: 'sign-out' }, c.now());
        return { status: 200, body: { status: 'signed-out' }, headers: { 'set-cookie': clearedSessionCookie() } };
      },
    },
  ];
}
