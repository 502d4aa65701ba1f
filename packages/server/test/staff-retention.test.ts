// What happens around the work itself: staff are emailed (discreetly) about new urgent requests, and personal data
// is erased the configured number of days after a request is closed or cancelled, driven by the test clock.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { callbackBody, databaseBytes, startCallbacksHarness, type CallbacksHarness } from './callbacks-harness.js';
import { addMember, consoleFetch, signIn, type Member, type StaffSession } from './staff-harness.js';
import { HOUR } from './clock.js';
import { URGENT_SUBJECT } from '../src/staff/urgent.js';

const DAY = 24 * HOUR;
let counter = 0;

describe('urgent notices and retention', () => {
  let h: CallbacksHarness;
  let specialist: Member;
  let supervisor: Member;
  let session: StaffSession;
  before(async () => {
    h = await startCallbacksHarness({ retentionDays: 30 });
    specialist = await addMember(h, 'specialist', 'team-texas-es');
    supervisor = await addMember(h, 'supervisor', 'team-texas-es');
    await addMember(h, 'specialist', 'team-west');
    session = await signIn(h, specialist);
  });
  after(() => h.close());

  async function newRequest(overrides: Record<string, unknown> = {}): Promise<{ id: string; reference: string }> {
    counter++;
    const res = await h.post(
      '/v1/callbacks',
      callbackBody({ contact: `(713) 555-${String(300 + counter).padStart(4, '0')}`, ...overrides }),
      { 'x-forwarded-for': `198.51.100.${counter}` },
    );
    const { reference } = (await res.json()) as { reference: string };
    const [row] = await h.db.query<{ id: string }>('SELECT id FROM callback_requests WHERE reference = $1', [
      reference,
    ]);
    return { id: row!.id, reference };
  }
  const drain = async () => {
    while ((await h.alerts.dispatcher.runOnce()) > 0);
  };
  const view = async (id: string) => {
    const res = await consoleFetch(h, 'GET', `/requests/${id}`, { session });
    assert.equal(res.status, 200);
    return (await res.json()) as { request: Record<string, unknown>; attempts: { note: string | null }[] };
  };

  it("emails each active member of the request's team (and its shared inbox) about an urgent request, with no contact details", async () => {
    const admin = await signIn(h, await addMember(h, 'admin', null));
    const team = {
      id: 'team-texas-es',
      name: 'Texas — Spanish',
      states: ['TX'],
      languages: ['es', 'en'],
      notifyEmail: 'Desk@Team.example.org',
    };
    const saved = await consoleFetch(h, 'POST', '/admin/teams', { session: admin, body: team });
    assert.equal(saved.status, 200);
    assert.equal(((await saved.json()) as { team: { notifyEmail: string } }).team.notifyEmail, 'desk@team.example.org');
    assert.equal(
      (
        await consoleFetch(h, 'POST', '/admin/teams', {
          session: admin,
          body: { ...team, notifyEmail: 'not an address' },
        })
      ).status,
      400,
    );
    const teams = (await (await consoleFetch(h, 'GET', '/admin/teams', { session: admin })).json()) as {
      teams: { id: string; notifyEmail: string | null }[];
    };
    assert.equal(teams.teams.find((t) => t.id === 'team-texas-es')?.notifyEmail, 'desk@team.example.org');
    assert.equal(teams.teams.find((t) => t.id === 'team-west')?.notifyEmail, null);
    assert.ok(!databaseBytes(h.dbFile).includes('desk@team'), 'stored sealed');
    await drain();
    h.email.messages.length = 0;
    const { reference } = await newRequest({
      topic: 'safety-concern',
      name: 'Zelda',
      note: 'secret-note-9',
      channel: 'text',
    });
    await newRequest({ topic: 'other' });
    await drain();
    const notices = h.email.messages.filter((m) => m.kind === 'staff-urgent');
    assert.deepEqual(
      notices.map((m) => m.to).sort(),
      [specialist.email, supervisor.email, 'desk@team.example.org'].sort(),
      'the team, not team-west, and only for the urgent one',
    );
    for (const notice of notices) {
      assert.equal(notice.subject, URGENT_SUBJECT);
      assert.ok(notice.text.includes(reference));
      assert.match(notice.text, /https:\/\/help\.example\.test\/console/);
      assert.doesNotMatch(`${notice.subject} ${notice.text}`, /Zelda|secret-note|555|\+1713|safety|custod|victim/i);
    }
  });

  it('erases contact, name, notes and attempt notes 30 days after close; choices, status and outcome stay', async () => {
    const closed = await newRequest({ name: 'Ana', note: 'call after six' });
    const open = await newRequest({ name: 'Bea' });
    const cancelled = await newRequest({ name: 'Cy' });
    assert.equal((await consoleFetch(h, 'POST', `/requests/${closed.id}/assign`, { session })).status, 200);
    await consoleFetch(h, 'POST', `/requests/${closed.id}/attempts`, {
      session,
      body: { channel: 'text', reached: true, note: 'spoke briefly' },
    });
    assert.equal(
      (await consoleFetch(h, 'POST', `/requests/${closed.id}/close`, { session, body: { outcome: 'reached' } })).status,
      200,
    );
    await h.db.run("UPDATE callback_requests SET status = 'cancelled', closed_at = $2 WHERE id = $1", [
      cancelled.id,
      h.clock.now().toISOString(),
    ]);

    h.clock.advance(30 * DAY - HOUR);
    await h.alerts.dispatcher.maintain(h.clock.now());
    session = await signIn(h, specialist); // the old session timed out long ago
    const before = await view(closed.id);
    assert.equal(before.request.name, 'Ana', 'kept until the retention period is over');
    assert.equal(before.attempts[0]?.note, 'spoke briefly');

    h.clock.advance(2 * HOUR);
    await h.alerts.dispatcher.maintain(h.clock.now());
    session = await signIn(h, specialist);
    const after = await view(closed.id);
    assert.deepEqual(
      {
        contact: after.request.contact,
        name: after.request.name,
        note: after.request.note,
        erased: after.request.erased,
        attemptNote: after.attempts[0]?.note,
      },
      { contact: null, name: null, note: null, erased: true, attemptNote: null },
    );
    assert.deepEqual(
      {
        status: after.request.status,
        outcome: after.request.outcome,
        topic: after.request.topic,
        channel: after.request.channel,
        attempts: after.attempts.length,
      },
      { status: 'closed', outcome: 'reached', topic: 'custody-status', channel: 'text', attempts: 1 },
    );
    const [raw] = await h.db.query(
      'SELECT contact_enc, contact_hash, name_enc, note_enc, record_id FROM callback_requests WHERE id = $1',
      [cancelled.id],
    );
    assert.deepEqual(
      raw,
      { contact_enc: null, contact_hash: null, name_enc: null, note_enc: null, record_id: null },
      'cancelled requests too',
    );
    assert.equal((await view(open.id)).request.name, 'Bea', 'open requests are never erased');
    const erasures = await h.db.query<{ actor_id: string | null; request_id: string }>(
      "SELECT actor_id, request_id FROM staff_audit WHERE action = 'request-erased' ORDER BY request_id",
    );
    assert.deepEqual(
      erasures,
      [closed.id, cancelled.id].sort().map((id) => ({ actor_id: null, request_id: id })),
    );
  });
});
