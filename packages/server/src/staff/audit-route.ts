// Reading the audit log: supervisors their team's entries, admins everyone's. Newest first, a page at a time. With
// `requestId`, one request's entries: the guard answers 403 for another team's request (404 for no such request).
import * as z from 'zod/v4/mini';
import type { SqlParam } from '../db/types.js';
import { parseInput, type StaffContext } from './context.js';
import { staffRead, type StaffRoute } from './guard.js';
import { teamScope } from './queue.js';

const AuditQuery = z.object({
  before: z.optional(z.coerce.number().check(z.int(), z.gte(1))),
  requestId: z.optional(z.string().check(z.maxLength(64))),
});

export function auditRoute(c: StaffContext): StaffRoute {
  return staffRead({ path: '/audit', roles: ['supervisor', 'admin'], scope: 'request' }, async (ctx, { member }) => {
    const query = parseInput(AuditQuery, ctx.query, 'query');
    const params: SqlParam[] = [];
    const where = [teamScope(member, 'team_id', params)];
    if (query.before !== undefined) where.push(`seq < $${params.push(query.before)}`);
    if (query.requestId) where.push(`request_id = $${params.push(query.requestId)}`);
    const rows = await c.db.query<{
      id: string;
      seq: number;
      at: string;
      actor_id: string | null;
      team_id: string | null;
      action: string;
      request_id: string | null;
      detail: string;
    }>(
      `SELECT id, seq, at, actor_id, team_id, action, request_id, detail FROM staff_audit WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT 200`,
      params,
    );
    return {
      entries: rows.map((r) => ({
        id: r.id,
        seq: Number(r.seq),
        at: r.at,
        actorId: r.actor_id,
        teamId: r.team_id,
        action: r.action,
        requestId: r.request_id,
        detail: JSON.parse(r.detail) as unknown,
      })),
    };
  });
}
