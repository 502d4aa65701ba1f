// Every protected staff route and console page, read from the module's own route and page tables: 401 without a
// session, 403 for a role the route or page does not allow, and 403 for a request of another team. A route or page
// added later is covered without editing this.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { callbackBody, startCallbacksHarness, type CallbacksHarness } from './callbacks-harness.js';
import { addMember, consoleFetch, signIn, type StaffSession } from './staff-harness.js';
import {
  CONSOLE_PAGES,
  matchPage,
  returnPage,
  ROLES,
  SESSION_COOKIE,
  STAFF_API,
  type Role,
  type StaffRoute,
} from '../src/staff/index.js';
import { CONSOLE_CSP } from '../src/console-page.js';
import type { ConsolePageRule } from '../src/staff/pages.js';

/** The team the test's request is routed to; every member but the other team's is in it. */
const REQUEST_TEAM = 'team-texas-es';

/** Routes every signed-in member may call that concern only their own session or their own team's list. */
const OPEN_TO_EVERY_ROLE = ['GET /session', 'POST /sign-out', 'GET /requests'];

describe('staff route table', () => {
  let h: CallbacksHarness;
  const sessions = new Map<Role, StaffSession>();
  /** Members of another team, by role: every route and page about a request refuses them. */
  const otherTeam = new Map<Role, StaffSession>();
  let requestId: string;
  let staffId: string;

  before(async () => {
    h = await startCallbacksHarness();
    for (const role of ROLES) {
      const member =
        role === 'partner'
          ? await addMember(h, role, null, 'partner-a')
          : await addMember(h, role, role === 'admin' ? null : REQUEST_TEAM);
      sessions.set(role, await signIn(h, member));
      staffId = member.id;
    }
    for (const role of ['specialist', 'supervisor'] as const)
      otherTeam.set(role, await signIn(h, await addMember(h, role, 'team-west')));
    const accepted = await h.post('/v1/callbacks', callbackBody(), { 'x-forwarded-for': '198.51.100.77' });
    const { reference } = (await accepted.json()) as { reference: string };
    const [row] = await h.db.query<{ id: string; team_id: string }>(
      'SELECT id, team_id FROM callback_requests WHERE reference = $1',
      [reference],
    );
    assert.equal(row?.team_id, REQUEST_TEAM);
    requestId = row.id;
  });
  after(() => h.close());

  const label = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
  /** A route's address: `{id}` filled in; a request's id in the query of a route that takes it there. */
  const pathOf = (r: StaffRoute, id = requestId) => {
    if (r.scope === 'request' && !r.path.includes('{id}')) return `${r.path}?requestId=${id}`;
    return r.path.replace('{id}', r.scope === 'request' ? id : r.scope === 'team' ? REQUEST_TEAM : staffId);
  };
  const call = (r: StaffRoute, session?: StaffSession, query = '') =>
    consoleFetch(h, r.method, `${pathOf(r)}${query}`, { session, body: {} });

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

  it("answers 403 on another team's request or team on every route about one", async () => {
    const teamRoutes = h.staff.routes.filter((r) => r.scope === 'request' || r.scope === 'team');
    assert.ok(teamRoutes.some((r) => r.scope === 'team'));
    for (const route of teamRoutes) {
      for (const [role, session] of otherTeam) {
        if (!route.roles.includes(role)) continue;
        const res = await call(route, session);
        assert.equal(res.status, 403, `${label(route)} as ${role} of another team`);
        assert.match(((await res.json()) as { error: { message: string } }).error.message, /another team/);
      }
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

  it('answers 404 on every route about one request when there is no such request', async () => {
    for (const route of h.staff.routes.filter((r) => r.scope === 'request')) {
      const res = await consoleFetch(h, route.method, pathOf(route, 'no-such-request'), {
        session: sessions.get('admin'),
        body: {},
      });
      assert.equal(res.status, 404, label(route));
    }
  });

  it('leaves no route unchecked: each one refuses some role or another team, or is on the short open list', () => {
    for (const route of h.staff.routes) {
      if (route.path.includes('/requests/{id}') || route.path === '/audit')
        assert.equal(route.scope, 'request', `${label(route)} takes a request id: its team is checked`);
      if (route.path.includes('/teams/{id}')) assert.equal(route.scope, 'team', `${label(route)} is about a team`);
      const refusesSomeone = route.roles.length < ROLES.length || route.scope !== undefined;
      assert.ok(
        refusesSomeone || OPEN_TO_EVERY_ROLE.includes(label(route)),
        `${label(route)} is open to every role and every team`,
      );
    }
  });

  describe('console pages', () => {
    /** A page's address as a browser asks for it (the session cookie when given, nothing else). */
    const openPage = (path: string, session?: StaffSession) =>
      fetch(h.url + path, { headers: session ? { cookie: `${SESSION_COOKIE}=${session.token}` } : {} });
    const protectedPages = CONSOLE_PAGES.filter((page) => page.roles !== null);
    const addressOf = (page: { path: string }, id = requestId) => page.path.replace('{id}', id);

    /** Every answer is the console's shell under its strict CSP, whatever the status: the browser shows a page. */
    async function assertShell(res: Response, what: string): Promise<void> {
      assert.match(await res.text(), /<staff-console><\/staff-console>/, what);
      assert.equal(res.headers.get('content-security-policy'), CONSOLE_CSP, what);
      assert.equal(res.headers.get('cache-control'), 'no-store', what);
    }

    it('the table has the pages the console shows, each at its own address', () => {
      assert.ok(protectedPages.length >= 4);
      for (const page of CONSOLE_PAGES) assert.equal(matchPage(addressOf(page))?.page.name, page.name);
      assert.equal(matchPage('/console/')?.page.name, 'queue', 'a trailing slash is the same page');
      assert.equal(matchPage('/console/requests/abc/')?.id, 'abc');
      assert.equal(matchPage('/console/nothing-here'), null);
    });

    it('a page to return to after signing in is a console page behind the sign-in, given as its path', () => {
      assert.equal(returnPage('/console/requests/abc'), '/console/requests/abc');
      assert.equal(returnPage('/console'), '/console');
      for (const other of [
        '/console/sign-in',
        '/console/setup',
        '/console/nothing-here',
        '//evil.example/console',
        'https://evil.example/console',
        '/consolex',
        null,
        undefined,
      ])
        assert.equal(returnPage(other), null, String(other));
    });

    it('answers 401 without a session on every page that needs one: the shell, which shows the sign-in form', async () => {
      for (const page of protectedPages) {
        const res = await openPage(addressOf(page));
        assert.equal(res.status, 401, page.path);
        await assertShell(res, page.path);
      }
      const dead = await openPage(addressOf(protectedPages[0]!), { token: 'x'.repeat(43), csrfToken: '' });
      assert.equal(dead.status, 401);
      assert.match(dead.headers.get('set-cookie') ?? '', /Max-Age=0/, 'a dead session cookie is cleared');
      await dead.arrayBuffer();
    });

    it('answers 200 on the sign-in and setup pages without a session', async () => {
      for (const page of CONSOLE_PAGES.filter((p) => p.roles === null)) {
        const res = await openPage(page.path);
        assert.equal(res.status, 200, page.path);
        await assertShell(res, page.path);
      }
    });

    it('answers 403 to every role a page does not allow, and 200 to every role it does', async () => {
      for (const page of protectedPages) {
        for (const role of ROLES) {
          const res = await openPage(addressOf(page), sessions.get(role));
          const allowed = (page.roles as readonly Role[]).includes(role);
          assert.equal(res.status, allowed ? 200 : 403, `${page.path} as ${role}`);
          await assertShell(res, `${page.path} as ${role}`);
        }
      }
    });

    it("answers 403 on another team's request and 404 on no request, on every page about one request", async () => {
      const pages: readonly ConsolePageRule[] = CONSOLE_PAGES;
      const requestPages = pages.filter((page) => page.scope === 'request');
      assert.ok(requestPages.length >= 1);
      for (const page of requestPages) {
        for (const [role, session] of otherTeam) {
          const other = await openPage(addressOf(page), session);
          assert.equal(other.status, 403, `${page.path} as ${role} of another team`);
          await assertShell(other, page.path);
        }
        const missing = await openPage(addressOf(page, 'no-such-request'), sessions.get('admin'));
        assert.equal(missing.status, 404, page.path);
        await missing.arrayBuffer();
      }
    });

    it('answers an address that names no page with the shell and 404', async () => {
      const res = await openPage('/console/no-such-page', sessions.get('admin'));
      assert.equal(res.status, 404);
      await assertShell(res, '/console/no-such-page');
    });
  });
});
