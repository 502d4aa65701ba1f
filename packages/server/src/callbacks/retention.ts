// Personal data of a callback request (contact, name, note, named interpreter language, the record or service it
// was about, attempt notes) is erased a configured number of days after the request was closed or cancelled. The
// choices (topic, channel, language, status, outcome, dates) stay for counts. Run by the alerts dispatcher between
// batches, like the alerts' own retention.
import type { Db } from '../db/types.js';
import { audit } from '../staff/audit.js';

const DAY_MS = 24 * 3600 * 1000;

/** Erases what is due; returns how many requests were erased. */
export async function eraseClosedRequests(db: Db, retentionDays: number, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  return db.transaction(async (tx) => {
    const due = await tx.query<{ id: string; team_id: string | null }>(
      `SELECT id, team_id FROM callback_requests
       WHERE status IN ('closed', 'cancelled') AND closed_at <= $1 AND erased_at IS NULL ORDER BY closed_at LIMIT 500`,
      [cutoff],
    );
    const at = now.toISOString();
    for (const { id, team_id } of due) {
      await tx.run('UPDATE callback_attempts SET note_enc = NULL WHERE request_id = $1', [id]);
      await tx.run(
        `UPDATE callback_requests SET contact_enc = NULL, contact_hash = NULL, name_enc = NULL, note_enc = NULL, interpreter_language_enc = NULL,
           record_id = NULL, service_id = NULL, erased_at = $2 WHERE id = $1`,
        [id, at],
      );
      await audit(
        tx,
        { actorId: null, teamId: team_id, action: 'request-erased', requestId: id, detail: { retentionDays } },
        now,
      );
    }
    return due.length;
  });
}
