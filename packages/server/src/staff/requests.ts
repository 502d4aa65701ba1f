// One callback request: view it (its personal data decrypted, every view audited), assign it, record contact
// attempts, close it with an outcome. new → assigned → contacted → closed; only staff of the request's team (and
// admins) reach it, and a specialist works only what is assigned to them.
import * as z from 'zod/v4/mini';
import { CALLBACK_CHANNELS } from '@referral-kit/sdk';
import { randomId } from '../alerts/crypto.js';
import { sealContext } from '../callbacks/context.js';
import { durationBucket, type Dimensions, type InsightEvent } from '../insights/counter.js';
import type { Db } from '../db/types.js';
import { HttpError, type HandlerResult, type RequestContext } from '../http/types.js';
import { audit, type AuditEntry } from './audit.js';
import { parseInput, TEAM_ROLES, type StaffContext, type StaffMember } from './context.js';
import type { StaffRoute } from './guard.js';
import { OPEN_STATUSES, REQUEST_COLUMNS, requestSummary, type RequestRow } from './queue.js';
import { OUTCOMES } from './vocabulary.js';

const AssignBody = z.object({ staffId: z.optional(z.string().check(z.maxLength(64))) });
const AttemptBody = z.object({
  channel: z.enum(CALLBACK_CHANNELS),
  reached: z._default(z.boolean(), false),
  note: z.optional(z.string().check(z.maxLength(1000, 'Use at most 1000 characters.'))),
});
const CloseBody = z.object({ outcome: z.enum(OUTCOMES) });

interface FullRow extends RequestRow {
  contact_enc: string | null;
  name_enc: string | null;
  note_enc: string | null;
  interpreter_language_enc: string | null;
  record_id: string | null;
  service_id: string | null;
}

const attemptSealContext = (requestId: string, attemptId: string) => `callback:${requestId}:attempt:${attemptId}`;

/** The request if the member's team holds it (admins: any), else 404 / 403. */
export async function requestInScope(db: Db, member: StaffMember, id: string): Promise<FullRow> {
  const [row] = await db.query<FullRow>(
    `SELECT ${REQUEST_COLUMNS}, contact_enc, name_enc, note_enc, interpreter_language_enc, record_id, service_id FROM callback_requests WHERE id = $1`,
    [id],
  );
  if (!row) throw new HttpError(404, 'not_found', 'There is no such request.');
  if (member.role !== 'admin' && row.team_id !== member.teamId)
    throw new HttpError(403, 'forbidden', 'This request belongs to another team.');
  return row;
}

/** Attempts and closing: the assignee, or a supervisor or admin over the request. */
function mayWork(member: StaffMember, row: RequestRow): void {
  if (member.role === 'specialist' && row.assigned_to !== member.id) {
    throw new HttpError(403, 'forbidden', 'Only the person this request is assigned to (or a supervisor) can do this.');
  }
}

function mustBe(row: RequestRow, statuses: readonly string[], message: string): void {
  if (!statuses.includes(row.status)) throw new HttpError(409, 'conflict', message);
}

export function requestRoutes(c: StaffContext): StaffRoute[] {
  const open = (row: FullRow, value: string | null, field: Parameters<typeof sealContext>[1]) =>
    value === null ? null : c.keys.open(value, sealContext(row.id, field));

  async function detail(row: FullRow) {
    const attempts = await c.db.query<{
      id: string;
      at: string;
      staff_id: string;
      channel: string;
      reached: number;
      note_enc: string | null;
    }>(
      'SELECT id, at, staff_id, channel, reached, note_enc FROM callback_attempts WHERE request_id = $1 ORDER BY at, id',
      [row.id],
    );
    return {
      request: {
        ...requestSummary(row),
        contact: open(row, row.contact_enc, 'contact'),
        name: open(row, row.name_enc, 'name'),
        note: open(row, row.note_enc, 'note'),
        interpreterLanguage: open(row, row.interpreter_language_enc, 'interpreter'),
        recordId: row.record_id,
        serviceId: row.service_id,
      },
      attempts: attempts.map((a) => ({
        id: a.id,
        at: a.at,
        staffId: a.staff_id,
        channel: a.channel,
        reached: Number(a.reached) === 1,
        note: a.note_enc === null ? null : c.keys.open(a.note_enc, attemptSealContext(row.id, a.id)),
      })),
    };
  }

  /** Re-reads the row after a change made under a condition (outside its transaction); a lost race is a conflict. */
  async function changed(changes: number, member: StaffMember, id: string) {
    if (changes !== 1) throw new HttpError(409, 'conflict', 'Someone else changed this request just now. Reload it.');
    return { status: 200, body: await detail(await requestInScope(c.db, member, id)) };
  }

  /** A route on one request (`/requests/{id}…`) that the member's team holds (admins: any). */
  const onRequest = (
    method: StaffRoute['method'],
    path: string,
    handle: (row: FullRow, member: StaffMember, ctx: RequestContext) => Promise<HandlerResult>,
  ): StaffRoute => ({
    method,
    path: `/requests/{id}${path}`,
    roles: TEAM_ROLES,
    scope: 'request',
    handler: async (ctx, { member }) => handle(await requestInScope(c.db, member, ctx.params.id!), member, ctx),
  });

  /**
   * A change made under a condition on the row's state (`update` answers how many rows it changed), audited in the
   * same transaction when it took; answers the request as it is now, or a conflict when someone else got there first.
   */
  async function change(
    member: StaffMember,
    row: FullRow,
    now: Date,
    entry: Pick<AuditEntry, 'action' | 'detail'>,
    update: (tx: Db) => Promise<number>,
  ): Promise<number> {
    return c.db.transaction(async (tx) => {
      const changes = await update(tx);
      if (changes === 1) await audit(tx, { ...entry, actorId: member.id, teamId: row.team_id, requestId: row.id }, now);
      return changes;
    });
  }

  /** Counts a step of a request for insights, with how long after its arrival it came. */
  const countStep = (event: InsightEvent, row: FullRow, now: Date, dims: Dimensions = {}) =>
    c.insights?.counter?.count(event, {
      topic: row.topic,
      priority: row.priority,
      ...dims,
      duration: durationBucket(new Date(row.created_at), now),
    });

  return [
    onRequest('GET', '', async (row, member) => {
      await audit(
        c.db,
        { actorId: member.id, teamId: row.team_id, action: 'request-viewed', requestId: row.id },
        c.now(),
      );
      return { status: 200, body: await detail(row) };
    }),
    onRequest('POST', '/assign', async (row, member, ctx) => {
      const staffId = parseInput(AssignBody, ctx.body).staffId ?? member.id;
      mustBe(row, OPEN_STATUSES, 'This request is closed.');
      if (member.role === 'specialist' && (staffId !== member.id || row.assigned_to !== null)) {
        throw new HttpError(
          403,
          'forbidden',
          'Specialists can take unassigned requests; a supervisor assigns the rest.',
        );
      }
      const [target] = await c.db.query<{ team_id: string | null; role: string }>(
        "SELECT team_id, role FROM staff_accounts WHERE id = $1 AND status = 'active'",
        [staffId],
      );
      if (!target || (target.team_id !== row.team_id && target.role !== 'admin')) {
        const message = 'Choose an active member of the team this request belongs to.';
        throw new HttpError(400, 'validation_failed', message, { fields: [{ path: 'staffId', message }] });
      }
      const now = c.now();
      const entry = { action: 'request-assigned', detail: { staffId, previous: row.assigned_to } };
      const changes = await change(member, row, now, entry, async (tx) => {
        const { changes } = await tx.run(
          `UPDATE callback_requests SET assigned_to = $2, status = CASE WHEN status = 'new' THEN 'assigned' ELSE status END, updated_at = $3
           WHERE id = $1 AND status = $4 AND assigned_to IS NOT DISTINCT FROM $5`,
          [row.id, staffId, now.toISOString(), row.status, row.assigned_to],
        );
        return changes;
      });
      return changed(changes, member, row.id);
    }),
    onRequest('POST', '/attempts', async (row, member, ctx) => {
      mayWork(member, row);
      const body = parseInput(AttemptBody, ctx.body);
      mustBe(
        row,
        ['assigned', 'contacted'],
        row.status === 'new' ? 'Assign this request before recording attempts.' : 'This request is closed.',
      );
      const now = c.now();
      const id = randomId();
      const entry = { action: 'attempt-recorded', detail: { channel: body.channel, reached: body.reached } };
      const changes = await change(member, row, now, entry, async (tx) => {
        const { changes } = await tx.run(
          "UPDATE callback_requests SET status = 'contacted', updated_at = $2 WHERE id = $1 AND status IN ('assigned', 'contacted')",
          [row.id, now.toISOString()],
        );
        if (changes === 1) {
          const note = body.note?.trim() ? c.keys.seal(body.note.trim(), attemptSealContext(row.id, id)) : null;
          await tx.run(
            'INSERT INTO callback_attempts (id, request_id, staff_id, at, channel, reached, note_enc) VALUES ($1, $2, $3, $4, $5, $6, $7)',
            [id, row.id, member.id, now.toISOString(), body.channel, body.reached ? 1 : 0, note],
          );
        }
        return changes;
      });
      if (changes === 1 && row.status === 'assigned') countStep('callback-first-attempt', row, now);
      return changed(changes, member, row.id);
    }),
    onRequest('POST', '/close', async (row, member, ctx) => {
      mayWork(member, row);
      const { outcome } = parseInput(CloseBody, ctx.body);
      mustBe(
        row,
        ['assigned', 'contacted'],
        row.status === 'new' ? 'Assign this request before closing it.' : 'This request is already closed.',
      );
      if (outcome === 'no_answer_after_attempts') {
        const [count] = await c.db.query<{ n: number }>(
          'SELECT COUNT(*) AS n FROM callback_attempts WHERE request_id = $1',
          [row.id],
        );
        if (Number(count?.n ?? 0) === 0) {
          const message = 'Record the attempts before closing as "no answer".';
          throw new HttpError(400, 'validation_failed', message, { fields: [{ path: 'outcome', message }] });
        }
      }
      const now = c.now();
      const changes = await change(member, row, now, { action: 'request-closed', detail: { outcome } }, async (tx) => {
        const { changes } = await tx.run(
          "UPDATE callback_requests SET status = 'closed', outcome = $2, closed_at = $3, updated_at = $3 WHERE id = $1 AND status IN ('assigned', 'contacted')",
          [row.id, outcome, now.toISOString()],
        );
        return changes;
      });
      if (changes === 1) countStep('callback-closed', row, now, { outcome });
      return changed(changes, member, row.id);
    }),
  ];
}
