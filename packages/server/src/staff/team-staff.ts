// The people a request of a team can be assigned to: the team's active members, with how many open requests each
// already holds, for a supervisor choosing who calls back. A supervisor sees their own team only (the guard's
// `team` scope); admins any team.
import { HttpError } from '../http/types.js';
import type { StaffContext } from './context.js';
import { staffRead, type StaffRoute } from './guard.js';
import { isOpenSql } from './queue.js';

export function teamStaffRoute(c: StaffContext): StaffRoute {
  return staffRead({ path: '/teams/{id}/staff', roles: ['supervisor', 'admin'], scope: 'team' }, async (ctx) => {
    const teamId = ctx.params.id!;
    const [team] = await c.db.query<{ id: string }>('SELECT id FROM callback_teams WHERE id = $1', [teamId]);
    if (!team) throw new HttpError(404, 'not_found', 'There is no such team.');
    const rows = await c.db.query<{ id: string; name: string; role: string; open_requests: number }>(
      `SELECT a.id, a.name, a.role,
           (SELECT COUNT(*) FROM callback_requests r WHERE r.assigned_to = a.id AND ${isOpenSql('r.status')}) AS open_requests
         FROM staff_accounts a WHERE a.team_id = $1 AND a.status = 'active' ORDER BY a.name, a.id`,
      [teamId],
    );
    return {
      staff: rows.map((r) => ({ id: r.id, name: r.name, role: r.role, openRequests: Number(r.open_requests) })),
    };
  });
}
