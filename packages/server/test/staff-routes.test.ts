// Every protected staff route, read from the module's own route table: 401 without a session, 403 for a role the
// route does not allow, and 403 for a request of another team. A route added later is covered without editing this.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { callbackBody, startCallbacksHarness, type CallbacksHarness } from './callbacks-harness.js';
import { addMember, consoleFetch, signIn, type StaffSession } from './staff-harness.js';
import { ROLES, STAFF_API, type Role } from '../src/staff/index.js';

/** Routes every signed-in member may call that concern only their own session or their own team's list. */
const OPEN_TO_EVERY_ROLE = ['GET /session', 'POST /sign-out', 'GET /requests'];

describe('staff route table', () => {
  let h: CallbacksHarness;
  const sessions = new Map<Role, StaffSession>();
  let otherTeamSpecialist: StaffSession;
  let requestId: string;
  let staffId: string;

  before(async () => {
    h = await startCallbacksHarness();
    for (const role of ROLES) {
      const member =
        role === 'partner'
          ? await addMember(h, role, null, 'partner-a')
          : await addMember(h, role, role === 'admin' ? null : 'team-texas-es');
      sessions.set(role, await signIn(h, member));
      staffId = member.id;
    }
    otherTeamSpecialist = await signIn(h, await addMember(h, 'specialist', 'team-west'));
    const accepted = await h.post('/v1/callbacks', callbackBody(), { 'x-forwarded-for': '198.51.100.77' });
    const { reference } = (await accepted.json()) as { reference: string };
    const [row] = await h.db.query<{ id: string; team_id: string }>(
      'SELECT id, team_id FROM callback_requests WHERE reference = $1',
      [reference],
    );
    assert.equal(row?.team_id, 'team-texas-es');
    requestId = row!.id;
  });
  after(() => h.close());

  const label = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
  const pathOf = (r: { path: string; scope?: 'request' | 'partner' }) =>
    r.path.replace('{id}', r.scope === 'request' ? requestId : staffId);
  const call = (
    r: { method: 'GET' | 'POST'; path: string; scope?: 'request' | 'partner' },
    session?: StaffSession,
    query = '',
  ) => consoleFetch(h, r.method, `${pathOf(r)}${query}`, { session, body: {} });

  it('serves exactly the routes in the table (plus sign-in and setup) under /console/api', () => {
    const served = h.staff.extraRoutes.map((r) => `${r.method} ${r.path}`).sort();
    const listed = [
      ...h.staff.routes.map((r) => `${r.method} ${STAFF_API}${r.path}`),
      ...h.staff.publicRoutes.map((r) => `${r.method} ${r.path}`),
    ].sort();
    assert.deepEqual(served, listed);
    assert.ok(h.staff.routes.length >= 5);
  });

  it('answers 401 without a session on every protected route', async () => {
    for (const route of h.staff.routes) {
      const res = await call(route);
      assert.equal(res.status, 401, label(route));
      const body = (await res.json()) as { error: { code: string; requestId: string } };
      assert.equal(body.error.code, 'unauthorized', label(route));
    }
  });

  it('answers 403 to every role a route does not allow', async () => {
    for (const route of h.staff.routes) {
      for (const role of ROLES.filter((r) => !route.roles.includes(r))) {
        const res = await call(route, sessions.get(role));
        assert.equal(res.status, 403, `${label(route)} as ${role}`);
        assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'forbidden');
      }
    }
  });

  it("answers 403 on another team's request on every route about one request", async () => {
    for (const route of h.staff.routes.filter((r) => r.scope === 'request')) {
      const res = await call(route, otherTeamSpecialist);
      assert.equal(res.status, 403, label(route));
    }
  });

  it('answers 403 to a partner account on every report about another partner', async () => {
    const partnerRoutes = h.staff.routes.filter((r) => r.scope === 'partner');
    assert.ok(partnerRoutes.length >= 2);
    for (const route of partnerRoutes) {
      const res = await call(route, sessions.get('partner'), '?period=2025-11&partner=partner-b');
      assert.equal(res.status, 403, label(route));
    }
  });

  it('leaves no route unchecked: each one refuses some role or another team, or is on the short open list', () => {
    for (const route of h.staff.routes) {
      const refusesSomeone = route.roles.length < ROLES.length || route.scope !== undefined;
      assert.ok(
        refusesSomeone || OPEN_TO_EVERY_ROLE.includes(label(route)),
        `${label(route)} is open to every role and every team`,
      );
    }
  });
});
