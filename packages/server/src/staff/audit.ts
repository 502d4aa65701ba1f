// The append-only audit log: one row per view of a contact and per change. Nothing here updates or deletes a row.
// Details hold ids and choices from fixed lists, never a visitor's personal data.
import type { Db } from '../db/types.js';
import { randomId } from '../alerts/crypto.js';

export interface AuditEntry {
  /** The staff account acting; null for the server itself. */
  actorId: string | null;
  /** The team the entry concerns (a supervisor sees their team's entries). */
  teamId: string | null;
  action: string;
  requestId?: string;
  detail?: Record<string, string | number | boolean | null>;
}

export async function audit(db: Db, entry: AuditEntry, now: Date): Promise<void> {
  await db.run(
    `INSERT INTO staff_audit (id, seq, at, actor_id, team_id, action, request_id, detail)
     VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM staff_audit), $2, $3, $4, $5, $6, $7)`,
    [
      randomId(),
      now.toISOString(),
      entry.actorId,
      entry.teamId,
      entry.action,
      entry.requestId ?? null,
      JSON.stringify(entry.detail ?? {}),
    ],
  );
}
