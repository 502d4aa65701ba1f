// The queue: callback requests a staff member may see, most urgent first. Specialists and supervisors see their
// team's; admins see every team's and the requests no team covers. Summaries carry no personal data.
import * as z from 'zod/v4/mini';
import type { SqlParam } from '../db/types.js';
import { staffRead, type StaffRoute } from './guard.js';
import { parseInput, TEAM_ROLES, type StaffContext, type StaffMember } from './context.js';
import { REQUEST_STATUSES } from './vocabulary.js';

/** Statuses still being worked (the queue's default, and what assigning needs). */
export const OPEN_STATUSES: readonly string[] = ['new', 'assigned', 'contacted'];
/** SQL: the column holds an open status (constants only, no input). */
export const isOpenSql = (column: string) => `${column} IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;
const QueueQuery = z.object({
  status: z.optional(z.enum(['open', 'all', ...REQUEST_STATUSES])),
  assigned: z.optional(z.enum(['me', 'nobody'])),
});

export interface RequestRow {
  id: string;
  reference: string;
  team_id: string | null;
  topic: string;
  priority: number;
  channel: string;
  language: string;
  interpreter: number;
  windows: string;
  time_zone: string;
  leave_message: number;
  region_state: string | null;
  status: string;
  outcome: string | null;
  assigned_to: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  erased_at: string | null;
}

export const REQUEST_COLUMNS = `id, reference, team_id, topic, priority, channel, language, interpreter, windows, time_zone, leave_message,
  region_state, status, outcome, assigned_to, created_at, updated_at, closed_at, erased_at`;

/** A request as the console shows it in lists: choices and dates only. */
export function requestSummary(row: RequestRow) {
  return {
    id: row.id,
    reference: row.reference,
    teamId: row.team_id,
    topic: row.topic,
    priority: Number(row.priority),
    channel: row.channel,
    language: row.language,
    interpreterNeeded: Number(row.interpreter) === 1,
    windows: row.windows.split(',').filter(Boolean),
    timeZone: row.time_zone,
    leaveMessage: Number(row.leave_message) === 1,
    regionState: row.region_state,
    status: row.status,
    outcome: row.outcome,
    assignedTo: row.assigned_to,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
    erased: row.erased_at !== null,
  };
}

/** `WHERE` for what a member may see: their team's rows, or everything for an admin. */
export function teamScope(member: StaffMember, column: string, params: SqlParam[]): string {
  if (member.role === 'admin') return 'TRUE';
  params.push(member.teamId);
  return `${column} = $${params.length}`;
}

export function queueRoute(c: StaffContext): StaffRoute {
  return staffRead({ path: '/requests', roles: TEAM_ROLES }, async (ctx, { member }) => {
    const { status = 'open', assigned } = parseInput(QueueQuery, ctx.query, 'query');
    const params: SqlParam[] = [];
    const where = [teamScope(member, 'team_id', params)];
    if (status === 'open') where.push(isOpenSql('status'));
    else if (status !== 'all') where.push(`status = $${params.push(status)}`);
    if (assigned === 'me') where.push(`assigned_to = $${params.push(member.id)}`);
    if (assigned === 'nobody') where.push('assigned_to IS NULL');
    const rows = await c.db.query<RequestRow>(
      `SELECT ${REQUEST_COLUMNS} FROM callback_requests WHERE ${where.join(' AND ')} ORDER BY priority, created_at LIMIT 500`,
      params,
    );
    return { requests: rows.map(requestSummary) };
  });
}
