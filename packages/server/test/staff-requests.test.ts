// Working callback requests through the staff API: the queue per team, viewing (contact decrypted, audited),
// taking and assigning, attempts, closing with an outcome, and the audit log each step leaves.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { callbackBody, databaseBytes, startCallbacksHarness, type CallbacksHarness } from './callbacks-harness.js';
import { addMember, consoleFetch, signIn, type Member, type StaffSession } from './staff-harness.js';
import { createStaffAccount } from '../src/staff/index.js';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
let ipCounter = 0;

describe('staff work on callback requests', () => {
  let h: CallbacksHarness;
  let specialist: Member;
  let colleague: Member;
  let mine: StaffSession;
  let theirs: StaffSession;
  let supervisor: StaffSession;
  let westSupervisor: StaffSession;
  let admin: StaffSession;
  let westSpecialist: Member;

  before(async () => {
    h = await startCallbacksHarness();
    specialist = await addMember(h, 'specialist', 'team-texas-es');
    colleague = await addMember(h, 'specialist', 'team-texas-es');
    westSpecialist = await addMember(h, 'specialist', 'team-west');
    mine = await signIn(h, specialist);
    theirs = await signIn(h, colleague);
    supervisor = await signIn(h, await addMember(h, 'supervisor', 'team-texas-es'));
    westSupervisor = await signIn(h, await addMember(h, 'supervisor', 'team-west'));
    admin = await signIn(h, await addMember(h, 'admin', null));
  });
  after(() => h.close());

  async function newRequest(overrides: Record<string, unknown> = {}): Promise<string> {
    ++ipCounter;
    // A contact of its own each: the per-contact limit allows a few requests a day.
    const contact = `(713) 555-${String(200 + ipCounter).padStart(4, '0')}`;
    const res = await h.post('/v1/callbacks', callbackBody({ contact, ...overrides }), {
      'x-forwarded-for': `198.51.100.${ipCounter}`,
    });
    const { reference } = (await res.json()) as { reference: string };
    const [row] = await h.db.query<{ id: string }>('SELECT id FROM callback_requests WHERE reference = $1', [
      reference,
    ]);
    return row!.id;
  }
  const get = (session: StaffSession, path: string) => consoleFetch(h, 'GET', path, { session });
  const post = (session: StaffSession, path: string, body: unknown = {}) =>
    consoleFetch(h, 'POST', path, { session, body });
  const errorOf = async (res: Response) =>
    ((await res.json()) as { error: { code: string; fields: { path: string }[] } }).error;
  type Detail = { request: Record<string, unknown>; attempts: Record<string, unknown>[] };

  it("shows each team its own queue, most urgent first, without personal data; admins see every team's", async () => {
    const later = await newRequest({ topic: 'other', contact: '(713) 555-0101' });
    const urgent = await newRequest({ topic: 'safety-concern', contact: '(713) 555-0102' });
    const west = await newRequest({ region: { state: 'CA' }, contact: '(713) 555-0103' });
    const queue = (await (await get(mine, '/requests')).json()) as { requests: { id: string; priority: number }[] };
    const ids = queue.requests.map((r) => r.id);
    assert.ok(ids.indexOf(urgent) < ids.indexOf(later), 'priority 1 first');
    assert.ok(!ids.includes(west), "another team's request is not listed");
    assert.doesNotMatch(JSON.stringify(queue), /555|contact/i);
    const westQueue = (await (await get(westSupervisor, '/requests')).json()) as { requests: { id: string }[] };
    assert.deepEqual(
      westQueue.requests.map((r) => r.id),
      [west],
    );
    const all = (await (await get(admin, '/requests?status=all')).json()) as { requests: { id: string }[] };
    for (const id of [later, urgent, west]) assert.ok(all.requests.some((r) => r.id === id));
    assert.equal((await get(mine, '/requests?status=bogus')).status, 400);
  });

  it('decrypts the contact for staff of the team, and audits every view', async () => {
    const id = await newRequest({ name: 'Ana', note: 'after six', contact: '(713) 555-0142' });
    const res = await get(mine, `/requests/${id}`);
    assert.equal(res.status, 200);
    const { request } = (await res.json()) as Detail;
    assert.equal(request.contact, '+17135550142');
    assert.equal(request.name, 'Ana');
    assert.equal(request.note, 'after six');
    assert.equal(request.status, 'new');
    await get(mine, `/requests/${id}`);
    const views = await h.db.query<{ actor_id: string; team_id: string }>(
      "SELECT actor_id, team_id FROM staff_audit WHERE action = 'request-viewed' AND request_id = $1",
      [id],
    );
    assert.equal(views.length, 2);
    assert.deepEqual(views[0], { actor_id: specialist.id, team_id: 'team-texas-es' });
    assert.equal((await get(westSupervisor, `/requests/${id}`)).status, 403);
    assert.equal((await get(mine, '/requests/nope')).status, 404);
  });

  it('walks new → assigned → contacted → closed, with attempts logged and every step audited', async () => {
    const id = await newRequest();
    const early = await post(supervisor, `/requests/${id}/attempts`, { channel: 'call' });
    assert.equal(early.status, 409, 'assign first');
    assert.equal(
      (await post(mine, `/requests/${id}/attempts`, { channel: 'call' })).status,
      403,
      'a specialist works only what is assigned to them',
    );

    const taken = await post(mine, `/requests/${id}/assign`);
    assert.equal(taken.status, 200);
    assert.deepEqual(pick(((await taken.json()) as Detail).request), { status: 'assigned', assignedTo: specialist.id });
    assert.equal(
      (await post(theirs, `/requests/${id}/assign`)).status,
      403,
      'a specialist cannot take an assigned request',
    );
    assert.equal(
      (await post(theirs, `/requests/${id}/attempts`, { channel: 'call' })).status,
      403,
      'nor work one assigned to someone else',
    );

    const attempt = await post(mine, `/requests/${id}/attempts`, {
      channel: 'call',
      reached: false,
      note: 'voicemail-note-7731',
    });
    assert.equal(attempt.status, 200);
    const afterAttempt = (await attempt.json()) as Detail;
    assert.equal(afterAttempt.request.status, 'contacted');
    assert.equal(afterAttempt.attempts.length, 1);
    const { id: attemptId, ...logged } = afterAttempt.attempts[0]!;
    assert.ok(attemptId);
    assert.deepEqual(logged, {
      at: h.clock.now().toISOString(),
      staffId: specialist.id,
      channel: 'call',
      reached: false,
      note: 'voicemail-note-7731',
    });
    assert.ok(!databaseBytes(h.dbFile).includes('voicemail-note-7731'), 'attempt notes are sealed');
    assert.equal((await post(mine, `/requests/${id}/attempts`, { channel: 'pigeon' })).status, 400);

    const closed = await post(mine, `/requests/${id}/close`, { outcome: 'reached' });
    assert.equal(closed.status, 200);
    assert.deepEqual(pick(((await closed.json()) as Detail).request, 'status', 'outcome'), {
      status: 'closed',
      outcome: 'reached',
    });
    assert.equal((await post(mine, `/requests/${id}/close`, { outcome: 'declined' })).status, 409);
    assert.equal((await post(mine, `/requests/${id}/attempts`, { channel: 'text' })).status, 409);
    assert.equal((await post(supervisor, `/requests/${id}/assign`, { staffId: colleague.id })).status, 409);

    const log = (await (await get(supervisor, `/audit?requestId=${id}`)).json()) as {
      entries: { action: string; actorId: string; detail: Record<string, unknown> }[];
    };
    assert.deepEqual(log.entries.map((e) => e.action).reverse(), [
      'request-assigned',
      'attempt-recorded',
      'request-closed',
    ]);
    assert.deepEqual(log.entries[0]!.detail, { outcome: 'reached' });
    assert.equal((await get(westSupervisor, `/audit?requestId=${id}`)).status, 403, "not another team's supervisor");
    const adminLog = (await (await get(admin, `/audit?requestId=${id}`)).json()) as { entries: unknown[] };
    assert.equal(adminLog.entries.length, 3);
  });

  it('lets a supervisor assign within the team only, and a specialist take only for themselves', async () => {
    const id = await newRequest();
    assert.equal((await post(mine, `/requests/${id}/assign`, { staffId: colleague.id })).status, 403);
    const wrongTeam = await post(supervisor, `/requests/${id}/assign`, { staffId: westSpecialist.id });
    assert.equal(wrongTeam.status, 400);
    assert.equal((await errorOf(wrongTeam)).fields[0]?.path, 'staffId');
    assert.equal((await post(supervisor, `/requests/${id}/assign`, { staffId: colleague.id })).status, 200);
    const reassigned = await post(supervisor, `/requests/${id}/assign`, { staffId: specialist.id });
    assert.deepEqual(pick(((await reassigned.json()) as Detail).request), {
      status: 'assigned',
      assignedTo: specialist.id,
    });
    const mineNow = (await (await get(mine, '/requests?assigned=me')).json()) as { requests: { id: string }[] };
    assert.ok(mineNow.requests.some((r) => r.id === id));
  });

  it("lists a team's active members for its supervisor to assign to, with the open requests each holds", async () => {
    type TeamStaff = { staff: { id: string; name: string; role: string; openRequests: number }[] };
    const team = async (session: StaffSession, teamId = 'team-texas-es') =>
      (await (await get(session, `/teams/${teamId}/staff`)).json()) as TeamStaff;
    const pending = await createStaffAccount(
      h.db,
      { email: 'pending@staff.example.org', name: 'Pending', role: 'specialist', teamId: 'team-texas-es' },
      h.clock.now(),
    );
    const before = await team(supervisor);
    const ids = before.staff.map((s) => s.id);
    assert.ok(ids.includes(specialist.id) && ids.includes(colleague.id), 'the team is listed');
    assert.ok(!ids.includes(westSpecialist.id), 'no one from another team');
    assert.ok(!ids.includes(pending), 'no account that has not finished setup');
    const held = (list: TeamStaff) => list.staff.find((s) => s.id === colleague.id)!.openRequests;

    const id = await newRequest();
    assert.equal((await post(supervisor, `/requests/${id}/assign`, { staffId: colleague.id })).status, 200);
    assert.equal(held(await team(supervisor)), held(before) + 1);
    assert.deepEqual(await team(admin), await team(supervisor), 'admins see any team');
    assert.equal((await get(admin, '/teams/no-such-team/staff')).status, 404);
    assert.equal((await get(westSupervisor, '/teams/team-texas-es/staff')).status, 403);
  });

  it('closes as "no answer" only after attempts were recorded', async () => {
    const id = await newRequest();
    await post(mine, `/requests/${id}/assign`);
    const refused = await post(mine, `/requests/${id}/close`, { outcome: 'no_answer_after_attempts' });
    assert.equal(refused.status, 400);
    assert.equal((await errorOf(refused)).fields[0]?.path, 'outcome');
    for (let i = 0; i < 3; i++)
      assert.equal((await post(mine, `/requests/${id}/attempts`, { channel: 'text' })).status, 200);
    const closed = await post(supervisor, `/requests/${id}/close`, { outcome: 'no_answer_after_attempts' });
    assert.equal(closed.status, 200);
    assert.equal(((await closed.json()) as Detail).attempts.length, 3);
    assert.equal((await post(mine, `/requests/${id}/close`, { outcome: 'maybe' })).status, 400);
  });
});

describe('the audit log', () => {
  it('is append-only: no server code updates or deletes an entry', () => {
    const sources = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    assert.ok(sources.length > 20);
    for (const file of sources) {
      assert.doesNotMatch(readFileSync(join(SRC, file), 'utf8'), /(UPDATE|DELETE\s+FROM)\s+staff_audit\b/i, file);
    }
  });
});

function pick(request: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  const names = keys.length ? keys : ['status', 'assignedTo'];
  return Object.fromEntries(names.map((k) => [k, request[k]]));
}
