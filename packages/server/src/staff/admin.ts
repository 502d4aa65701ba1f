// Administration: staff accounts (list, disable, a new setup link) and teams with the routing rules they carry
// (states, ZIP prefixes, languages, fallback). Admins only; every change is audited.
import * as z from 'zod/v4/mini';
import { saveTeam, loadTeams } from '../callbacks/routing.js';
import { HttpError } from '../http/types.js';
import { audit } from './audit.js';
import { issueSetupLink } from './accounts.js';
import { parseInput, type StaffContext } from './context.js';
import { staffRead, type StaffRoute } from './guard.js';
import { endSessionsOf } from './sessions.js';
import { teamNoticeSealContext } from './urgent.js';

const ADMIN = ['admin'] as const;

const Code = z.string().check(z.regex(/^[A-Za-z0-9-]{1,10}$/));
const TeamBody = z.object({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Use lower-case letters, digits and hyphens.')),
  name: z.string().check(z.minLength(1), z.maxLength(100)),
  states: z._default(z.array(z.string().check(z.regex(/^[A-Z]{2}$/, 'Use two-letter state codes.'))), []),
  zipPrefixes: z._default(z.array(z.string().check(z.regex(/^\d{1,5}$/, 'Use 1 to 5 digits.'))), []),
  languages: z._default(z.array(Code), ['en']),
  fallback: z._default(z.boolean(), false),
  /** A shared inbox told about urgent requests too; null removes it, absent leaves it as it is. */
  notifyEmail: z.optional(z.nullable(z.email('Enter an email address.'))),
});

export function adminRoutes(c: StaffContext): StaffRoute[] {
  /** Teams with their routing rules and shared notice address (opened: only admins read this). */
  async function teamsWithNotice() {
    const sealed = await c.db.query<{ id: string; notify_email_enc: string | null }>(
      'SELECT id, notify_email_enc FROM callback_teams',
    );
    const notice = new Map(
      sealed.map((r) => [
        r.id,
        r.notify_email_enc === null ? null : c.keys.open(r.notify_email_enc, teamNoticeSealContext(r.id)),
      ]),
    );
    return (await loadTeams(c.db)).map((team) => ({ ...team, notifyEmail: notice.get(team.id) ?? null }));
  }

  return [
    staffRead({ path: '/admin/staff', roles: ADMIN }, async () => {
      const rows = await c.db.query<{
        id: string;
        email: string;
        name: string;
        role: string;
        team_id: string | null;
        status: string;
        locked_until: string | null;
        created_at: string;
      }>('SELECT id, email, name, role, team_id, status, locked_until, created_at FROM staff_accounts ORDER BY email');
      const now = c.now().getTime();
      return {
        staff: rows.map((r) => ({
          id: r.id,
          email: r.email,
          name: r.name,
          role: r.role,
          teamId: r.team_id,
          status: r.status,
          locked: r.locked_until !== null && Date.parse(r.locked_until) > now,
          createdAt: r.created_at,
        })),
      };
    }),
    {
      method: 'POST',
      path: '/admin/staff/{id}/disable',
      roles: ADMIN,
      handler: async (ctx, { member }) => {
        const id = ctx.params.id!;
        if (id === member.id) throw new HttpError(409, 'conflict', 'You cannot disable your own account.');
        const now = c.now();
        const [row] = await c.db.query<{ team_id: string | null }>('SELECT team_id FROM staff_accounts WHERE id = $1', [
          id,
        ]);
        if (!row) throw new HttpError(404, 'not_found', 'There is no such staff account.');
        await c.db.transaction(async (tx) => {
          await tx.run("UPDATE staff_accounts SET status = 'disabled', updated_at = $2 WHERE id = $1", [
            id,
            now.toISOString(),
          ]);
          await tx.run('DELETE FROM staff_setup_links WHERE staff_id = $1', [id]);
          await endSessionsOf(tx, id);
          await audit(
            tx,
            { actorId: member.id, teamId: row.team_id, action: 'staff-disabled', detail: { staffId: id } },
            now,
          );
        });
        return { status: 200, body: { status: 'disabled' } };
      },
    },
    {
      method: 'POST',
      path: '/admin/staff/{id}/setup-link',
      roles: ADMIN,
      handler: async (ctx, { member }) => {
        const id = ctx.params.id!;
        const now = c.now();
        const [row] = await c.db.query<{ team_id: string | null; status: string }>(
          'SELECT team_id, status FROM staff_accounts WHERE id = $1',
          [id],
        );
        if (!row) throw new HttpError(404, 'not_found', 'There is no such staff account.');
        if (row.status === 'disabled') throw new HttpError(409, 'conflict', 'This account is disabled.');
        const link = await issueSetupLink(c.db, c.config, id, c.publicUrl, now);
        await audit(
          c.db,
          { actorId: member.id, teamId: row.team_id, action: 'setup-link-issued', detail: { staffId: id } },
          now,
        );
        return { status: 200, body: { setupUrl: link.url, expiresAt: link.expiresAt } };
      },
    },
    staffRead({ path: '/admin/teams', roles: ADMIN }, async () => ({ teams: await teamsWithNotice() })),
    {
      method: 'POST',
      path: '/admin/teams',
      roles: ADMIN,
      handler: async (ctx, { member }) => {
        const { notifyEmail, ...team } = parseInput(TeamBody, ctx.body);
        const now = c.now();
        await c.db.transaction(async (tx) => {
          await saveTeam(tx, team, now);
          if (notifyEmail !== undefined) {
            const sealed =
              notifyEmail === null ? null : c.keys.seal(notifyEmail.toLowerCase(), teamNoticeSealContext(team.id));
            await tx.run('UPDATE callback_teams SET notify_email_enc = $2 WHERE id = $1', [team.id, sealed]);
          }
          await audit(
            tx,
            {
              actorId: member.id,
              teamId: team.id,
              action: 'team-saved',
              detail: {
                states: team.states.join(','),
                zipPrefixes: team.zipPrefixes.join(','),
                languages: team.languages.join(','),
                fallback: team.fallback,
                notifyEmailChanged: notifyEmail !== undefined,
              },
            },
            now,
          );
        });
        return { status: 200, body: { team: (await teamsWithNotice()).find((t) => t.id === team.id) } };
      },
    },
  ];
}
