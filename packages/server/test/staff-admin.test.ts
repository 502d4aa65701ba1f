// Administration through the staff API: the staff list, disabling an account, a new setup link (the old one stops
// working), saving a team's routing (new requests follow it), and an audit entry by the admin for every change.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { callbackBody, startCallbacksHarness, type CallbacksHarness } from './callbacks-harness.js';
import { addMember, consoleFetch, setupToken, signIn, type Member, type StaffSession } from './staff-harness.js';
import { issueSetupLink } from '../src/staff/index.js';

describe('staff administration', () => {
  let h: CallbacksHarness;
  let admin: Member;
  let session: StaffSession;

  before(async () => {
    h = await startCallbacksHarness();
    admin = await addMember(h, 'admin', null);
    session = await signIn(h, admin);
  });
  after(() => h.close());

  const post = (path: string, body: unknown = {}) => consoleFetch(h, 'POST', path, { session, body });
  /** The audit entries after `seq`, oldest first. */
  const auditAfter = async (seq: number) =>
    (
      await h.db.query<{ seq: number; actor_id: string; team_id: string | null; action: string; detail: string }>(
        'SELECT seq, actor_id, team_id, action, detail FROM staff_audit WHERE seq > $1 ORDER BY seq',
        [seq],
      )
    ).map((e) => ({ ...e, detail: JSON.parse(e.detail) as Record<string, unknown> }));
  const lastSeq = async () =>
    Number((await h.db.query<{ n: number | null }>('SELECT MAX(seq) AS n FROM staff_audit'))[0]?.n ?? 0);

  it('lists every account with its status, and disables one: audited, its sessions end', async () => {
    const member = await addMember(h, 'specialist', 'team-west');
    const memberSession = await signIn(h, member);
    const before = await lastSeq();
    const list = (await (await consoleFetch(h, 'GET', '/admin/staff', { session })).json()) as {
      staff: { id: string; status: string; teamId: string | null }[];
    };
    const listed = list.staff.find((s) => s.id === member.id);
    assert.deepEqual({ status: listed?.status, teamId: listed?.teamId }, { status: 'active', teamId: 'team-west' });
    assert.equal((await post(`/admin/staff/${member.id}/disable`)).status, 200);
    const [entry] = await auditAfter(before);
    assert.deepEqual(
      { action: entry?.action, actor: entry?.actor_id, team: entry?.team_id, detail: entry?.detail },
      { action: 'staff-disabled', actor: admin.id, team: 'team-west', detail: { staffId: member.id } },
    );
    assert.equal((await consoleFetch(h, 'GET', '/session', { session: memberSession })).status, 401);
    assert.equal((await post(`/admin/staff/${admin.id}/disable`)).status, 409, 'not your own account');
    assert.equal((await post('/admin/staff/no-such-account/disable')).status, 404);
  });

  it('issues a new setup link: audited, and the earlier link stops working', async () => {
    const member = await addMember(h, 'supervisor', 'team-texas-es');
    const earlier = await issueSetupLink(h.db, { setupLinkHours: 72 }, member.id, h.url, h.clock.now());
    const before = await lastSeq();
    const res = await post(`/admin/staff/${member.id}/setup-link`);
    assert.equal(res.status, 200);
    const { setupUrl } = (await res.json()) as { setupUrl: string };
    const start = (token: string) => consoleFetch(h, 'POST', '/setup/start', { body: { token } });
    assert.equal((await start(setupToken(earlier.url))).status, 400, 'the earlier link is dead');
    assert.equal((await start(setupToken(setupUrl))).status, 200);
    const [entry] = await auditAfter(before);
    assert.deepEqual(
      { action: entry?.action, actor: entry?.actor_id, detail: entry?.detail },
      { action: 'setup-link-issued', actor: admin.id, detail: { staffId: member.id } },
    );
  });

  it("saves a team's routing: audited, and the next request from its state goes to it", async () => {
    const before = await lastSeq();
    const saved = await post('/admin/teams', {
      id: 'team-alaska',
      name: 'Alaska',
      states: ['AK'],
      languages: ['en', 'es'],
    });
    assert.equal(saved.status, 200);
    const [entry] = await auditAfter(before);
    assert.deepEqual(
      { action: entry?.action, actor: entry?.actor_id, team: entry?.team_id },
      { action: 'team-saved', actor: admin.id, team: 'team-alaska' },
    );
    assert.equal(entry?.detail.states, 'AK');
    const accepted = await h.post('/v1/callbacks', callbackBody({ region: { state: 'AK' } }), {
      'x-forwarded-for': '198.51.100.200',
    });
    const { reference } = (await accepted.json()) as { reference: string };
    const [row] = await h.db.query<{ team_id: string }>('SELECT team_id FROM callback_requests WHERE reference = $1', [
      reference,
    ]);
    assert.equal(row?.team_id, 'team-alaska');
    const invalid = await post('/admin/teams', { id: 'Bad Id', name: '', states: ['Alaska'] });
    assert.equal(invalid.status, 400);
  });

  it('writes an audit entry by the admin for every change an admin route makes', async () => {
    const member = await addMember(h, 'specialist', 'team-west');
    const bodies: Record<string, unknown> = { '/admin/teams': { id: 'team-audit', name: 'Audit' } };
    const changes = h.staff.routes.filter((r) => r.method === 'POST' && r.path.startsWith('/admin/'));
    assert.ok(changes.length >= 3);
    // Setup link before disabling: a disabled account gets no new link.
    const disables = (r: { path: string }) => r.path.endsWith('/disable');
    for (const route of [...changes.filter((r) => !disables(r)), ...changes.filter(disables)]) {
      const before = await lastSeq();
      const res = await post(route.path.replace('{id}', member.id), bodies[route.path] ?? {});
      assert.equal(res.status, 200, route.path);
      const entries = await auditAfter(before);
      assert.equal(entries.length, 1, route.path);
      assert.equal(entries[0]!.actor_id, admin.id, route.path);
    }
  });
});
