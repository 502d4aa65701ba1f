// Staff hear about a new urgent request (a safety concern) by email through the outbox, in the same transaction
// that stores it. The message is discreet: no contact details, no topic, nothing a shoulder-surfer learns from;
// only that the console has something urgent, and the reference to find it.
import type { Db } from '../db/types.js';
import type { AlertKeys } from '../alerts/crypto.js';
import { enqueueMessage } from '../notify/outbox.js';
import { STAFF_CONSOLE_PAGE } from './context.js';

export const URGENT_SUBJECT = 'New request waiting in the console';

export function renderUrgentNotice(reference: string, consoleUrl: string): { subject: string; text: string } {
  return {
    subject: URGENT_SUBJECT,
    text: `A new request marked urgent is waiting for your team (reference ${reference}).\n\nSign in to the console to see it: ${consoleUrl}\n`,
  };
}

/** A team's shared notice address, sealed for that team. */
export const teamNoticeSealContext = (teamId: string) => `team:${teamId}:notify-email`;

/**
 * One email per active member of the request's team, plus the team's shared address when an admin set one; a
 * request no team covers goes to the admins.
 */
export async function enqueueUrgentNotices(
  tx: Db,
  keys: AlertKeys,
  input: { requestId: string; reference: string; teamId: string | null; publicUrl: string },
  now: Date,
): Promise<void> {
  const recipients =
    input.teamId === null
      ? await tx.query<{ id: string; email: string }>(
          "SELECT id, email FROM staff_accounts WHERE status = 'active' AND role = 'admin' ORDER BY id",
        )
      : await tx.query<{ id: string; email: string }>(
          "SELECT id, email FROM staff_accounts WHERE status = 'active' AND team_id = $1 ORDER BY id",
          [input.teamId],
        );
  if (input.teamId !== null) {
    const [team] = await tx.query<{ notify_email_enc: string | null }>(
      'SELECT notify_email_enc FROM callback_teams WHERE id = $1',
      [input.teamId],
    );
    if (team?.notify_email_enc)
      recipients.push({ id: 'team', email: keys.open(team.notify_email_enc, teamNoticeSealContext(input.teamId)) });
  }
  const message = renderUrgentNotice(input.reference, `${input.publicUrl.replace(/\/+$/, '')}${STAFF_CONSOLE_PAGE}`);
  for (const staff of recipients) {
    await enqueueMessage(
      tx,
      keys,
      {
        id: `staff-urgent:${input.requestId}:${staff.id}`,
        message: { kind: 'staff-urgent', channel: 'email', to: staff.email, language: 'en', ...message },
      },
      now,
    );
  }
}
