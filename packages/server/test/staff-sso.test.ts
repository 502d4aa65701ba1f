// Single sign-on against a fake OpenID provider on a loopback port, through the real pipeline: the whole flow, the
// checks openid-client makes on the provider's answer (state, nonce, expiry on the server's injected clock), which
// identities may sign in (pinned or verified email, active accounts only, a second factor), one answer for every
// refusal, and 404 for every SSO route when no issuer is configured.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MINUTE } from './clock.js';
import { startCallbacksHarness, type CallbacksHarness } from './callbacks-harness.js';
import { startFakeProvider, type FakeIdentity, type FakeProvider } from './fake-oidc-provider.js';
import { addMember, consoleFetch, cookieToken, signIn, type Member } from './staff-harness.js';
import { resetSsoIdentity, SESSION_COOKIE, SSO_CALLBACK_PATH, ssoConfig } from '../src/staff/index.js';
import { ssoConfigFromEnv } from '../src/staff/sso-config.js';
import { SSO_FAILED_PAGE, SSO_FLOW_COOKIE, SSO_SIGNED_IN_PAGE } from '../src/staff/sso.js';

const REDIRECT_URL = `http://localhost${SSO_CALLBACK_PATH}`;

interface Started {
  flowCookie: string;
  authorizeUrl: URL;
}

describe('staff single sign-on (OpenID Connect)', () => {
  let h: CallbacksHarness;
  let idp: FakeProvider;
  let member: Member;
  before(async () => {
    // The provider signs tokens on the harness's clock, which starts days away from the machine's.
    idp = await startFakeProvider(() => h.clock.now());
    h = await startCallbacksHarness(
      {},
      {
        signInPerIp: { max: 1000, windowSeconds: 900 },
        sso: ssoConfig({
          issuer: idp.issuer,
          clientId: idp.clientId,
          clientSecret: idp.clientSecret,
          redirectUrl: REDIRECT_URL,
        }),
      },
    );
    member = await addMember(h, 'specialist', 'team-texas');
  });
  after(async () => {
    await h.close();
    await idp.close();
  });

  const get = (path: string, cookie?: string) =>
    fetch(`${h.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });

  /** The browser's first leg: the console's button, answered with a redirect to the provider and the flow cookie. */
  async function startFlow(query = ''): Promise<Started> {
    const res = await get(`/console/api/sso/start${query}`);
    assert.equal(res.status, 303);
    const flowCookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SSO_FLOW_COOKIE}=`));
    assert.ok(flowCookie, 'the flow cookie is set');
    return { flowCookie: flowCookie.split(';')[0]!, authorizeUrl: new URL(res.headers.get('location')!) };
  }

  /** The provider signs `identity` in and sends the browser back: the callback's query. */
  async function authorize(started: Started, identity: FakeIdentity): Promise<URLSearchParams> {
    idp.identity = identity;
    const res = await fetch(started.authorizeUrl, { redirect: 'manual' });
    assert.equal(res.status, 302);
    const back = new URL(res.headers.get('location')!);
    assert.equal(`${back.origin}${back.pathname}`, REDIRECT_URL);
    return back.searchParams;
  }

  /** The whole flow for one identity; `query` may be changed on the way back (a forged state). */
  async function signInWith(
    identity: FakeIdentity,
    options: {
      query?: (q: URLSearchParams) => void;
      cookie?: (flowCookie: string) => string;
      before?: () => void;
      /** The start's query (`?return=` the page asked for before signing in). */
      start?: string;
    } = {},
  ): Promise<Response> {
    const started = await startFlow(options.start);
    const query = await authorize(started, identity);
    options.query?.(query);
    options.before?.();
    return get(`${SSO_CALLBACK_PATH}?${query}`, options.cookie?.(started.flowCookie) ?? started.flowCookie);
  }

  const verified = (email: string, sub: string): FakeIdentity => ({
    sub,
    email,
    email_verified: true,
    amr: ['pwd', 'mfa'],
  });

  function assertRefused(res: Response): void {
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), SSO_FAILED_PAGE);
    assert.equal(cookieToken(res), undefined, 'no session cookie');
    assert.ok(
      res.headers.getSetCookie().some((c) => c.startsWith(`${SSO_FLOW_COOKIE}=;`) && c.includes('Max-Age=0')),
      'the flow cookie is cleared',
    );
  }

  const auditActions = async (staffId: string) =>
    (
      await h.db.query<{ action: string; detail: string }>(
        'SELECT action, detail FROM staff_audit WHERE actor_id = $1 ORDER BY seq',
        [staffId],
      )
    ).map((row) => `${row.action} ${row.detail}`);

  it('offers SSO to the console and sends the browser to the provider with PKCE, state and nonce', async () => {
    const offered = await consoleFetch(h, 'GET', '/sso');
    assert.equal(offered.status, 200);
    assert.deepEqual(await offered.json(), { start: '/console/api/sso/start' });

    const res = await get('/console/api/sso/start');
    assert.equal(res.status, 303);
    const to = new URL(res.headers.get('location')!);
    assert.equal(`${to.origin}${to.pathname}`, `${idp.issuer}/authorize`);
    const q = to.searchParams;
    assert.equal(q.get('response_type'), 'code');
    assert.equal(q.get('client_id'), idp.clientId);
    assert.equal(q.get('redirect_uri'), REDIRECT_URL);
    assert.equal(q.get('code_challenge_method'), 'S256');
    assert.match(q.get('code_challenge') ?? '', /^[A-Za-z0-9_-]{43}$/);
    assert.ok((q.get('state') ?? '').length >= 32 && (q.get('nonce') ?? '').length >= 32);
    assert.match(q.get('scope') ?? '', /\bopenid\b/);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SSO_FLOW_COOKIE}=`))!;
    for (const attribute of ['Path=/', 'Secure', 'HttpOnly', 'SameSite=Lax', 'Max-Age=600'])
      assert.ok(cookie.split('; ').includes(attribute), `${attribute} in ${cookie}`);
    assert.ok(!cookie.includes(q.get('state')!), 'the state travels sealed, not readable');
  });

  it('signs a verified identity in to its account: a new session like a password sign-in, audited, pinned', async () => {
    const old = await signIn(h, member);
    const res = await signInWith(verified(member.email, 'sub-specialist'), {
      cookie: (flow) => `${flow}; ${SESSION_COOKIE}=${old.token}`,
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), SSO_SIGNED_IN_PAGE);
    const sessionCookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    assert.deepEqual(sessionCookie.split('; ').slice(1), ['Path=/', 'Secure', 'HttpOnly', 'SameSite=Strict']);
    const token = cookieToken(res)!;
    assert.notEqual(token, old.token);
    const oldSession = await consoleFetch(h, 'GET', '/session', { session: old });
    assert.equal(oldSession.status, 401, 'the session the browser came with ended (fixation)');
    const me = await consoleFetch(h, 'GET', '/session', { session: { token, csrfToken: '' } });
    assert.equal(me.status, 200);
    const { staff, csrfToken } = (await me.json()) as { staff: { id: string }; csrfToken: string };
    assert.equal(staff.id, member.id);
    // The same kind of session: CSRF-protected state changes work with it.
    const out = await consoleFetch(h, 'POST', '/sign-out', { session: { token, csrfToken } });
    assert.equal(out.status, 200);
    assert.deepEqual((await auditActions(member.id)).slice(-4), [
      'sign-in {"method":"password"}',
      'sso-linked {}',
      'sign-in {"method":"sso"}',
      'sign-out {}',
    ]);

    // Pinned: the same subject signs in even after its email changed at the provider …
    const renamed = await signInWith({ ...verified('renamed@elsewhere.example', 'sub-specialist') });
    assert.equal(renamed.headers.get('location'), SSO_SIGNED_IN_PAGE);
    // … and another subject with the account's email does not take it over.
    assertRefused(await signInWith(verified(member.email, 'sub-impostor')));
  });

  it('goes on to the console page asked for before signing in, and never to anywhere else', async () => {
    const identity = verified(member.email, 'sub-specialist');
    const back = async (start: string) => (await signInWith(identity, { start })).headers.get('location');
    assert.equal(
      await back('?return=%2Fconsole%2Frequests%2Freq-123'),
      '/console/sign-in?next=%2Fconsole%2Frequests%2Freq-123',
    );
    assert.equal(await back('?return=%2Fconsole%2Faudit'), '/console/sign-in?next=%2Fconsole%2Faudit');
    for (const elsewhere of [
      'https://evil.example/console',
      '//evil.example/console',
      '/console/../evil',
      '/console/audit?x=1',
      '/console/sign-in',
      '/consolex',
      '',
    ])
      assert.equal(await back(`?return=${encodeURIComponent(elsewhere)}`), SSO_SIGNED_IN_PAGE, elsewhere);
  });

  it('a session from SSO ends after the same idle timeout', async () => {
    const res = await signInWith(verified(member.email, 'sub-specialist'));
    const token = cookieToken(res)!;
    h.clock.advance(31 * MINUTE);
    const me = await consoleFetch(h, 'GET', '/session', { session: { token, csrfToken: '' } });
    assert.equal(me.status, 401);
  });

  it('refuses a changed state, a missing or foreign flow cookie, and an expired flow', async () => {
    const identity = verified(member.email, 'sub-specialist');
    const before = idp.tokenRequests;
    assertRefused(await signInWith(identity, { query: (q) => q.set('state', 'forged-state-value-0123456789abcdef') }));
    assertRefused(await signInWith(identity, { cookie: () => '' }));
    assertRefused(await signInWith(identity, { cookie: () => `${SSO_FLOW_COOKIE}=v1.bm90IHNlYWxlZA%3D%3D` }));
    assertRefused(await signInWith(identity, { before: () => h.clock.advance(11 * MINUTE) }));
    // A login CSRF: another browser's flow cookie (here an older flow) does not match this answer's state.
    const first = await startFlow();
    const second = await startFlow();
    const query = await authorize(second, identity);
    assertRefused(await get(`${SSO_CALLBACK_PATH}?${query}`, first.flowCookie));
    assert.equal(idp.tokenRequests, before, 'none of them reached the token endpoint');
  });

  it('refuses an ID token with another nonce, or an expired one (checked on the server clock)', async () => {
    const identity = verified(member.email, 'sub-specialist');
    assertRefused(await signInWith({ ...identity, nonce: 'a-nonce-from-another-flow' }));
    assertRefused(await signInWith({ ...identity, expiresIn: -120 }));
    // Within the tolerance (30 s) of the server's clock it still passes.
    const late = await signInWith({ ...identity, expiresIn: -10 });
    assert.equal(late.headers.get('location'), SSO_SIGNED_IN_PAGE);
  });

  it('refuses unknown identities, unverified emails, inactive accounts and sign-ins without a second factor', async () => {
    assertRefused(await signInWith(verified('nobody@staff.example.org', 'sub-nobody')));
    const other = await addMember(h, 'supervisor', 'team-texas');
    assertRefused(await signInWith({ ...verified(other.email, 'sub-other'), email_verified: false }));
    assertRefused(await signInWith({ ...verified(other.email, 'sub-other'), email_verified: undefined }));
    assertRefused(await signInWith({ ...verified(other.email, 'sub-other'), amr: ['pwd'] }));
    assertRefused(await signInWith({ ...verified(other.email, 'sub-other'), amr: undefined }));
    // None of those pinned the account: the right sign-in still can.
    const ok = await signInWith(verified(other.email, 'sub-other'));
    assert.equal(ok.headers.get('location'), SSO_SIGNED_IN_PAGE);

    await h.db.run("UPDATE staff_accounts SET status = 'disabled' WHERE id = $1", [other.id]);
    assertRefused(await signInWith(verified(other.email, 'sub-other')));
    await h.db.run("UPDATE staff_accounts SET status = 'pending' WHERE id = $1", [other.id]);
    assertRefused(await signInWith(verified(other.email, 'sub-other')));
  });

  it("an operator's reset lets the account be pinned again, to the identity that now has its email", async () => {
    const moved = await addMember(h, 'specialist', 'team-texas');
    assert.equal((await signInWith(verified(moved.email, 'sub-old'))).headers.get('location'), SSO_SIGNED_IN_PAGE);
    assertRefused(await signInWith(verified(moved.email, 'sub-new')));
    assert.equal(await resetSsoIdentity(h.db, moved.id, h.clock.now()), true);
    assert.equal(await resetSsoIdentity(h.db, moved.id, h.clock.now()), false, 'nothing left to reset');
    assert.equal((await signInWith(verified(moved.email, 'sub-new'))).headers.get('location'), SSO_SIGNED_IN_PAGE);
    assertRefused(await signInWith(verified(moved.email, 'sub-old')));
    const [entry] = await h.db.query<{ actor_id: string | null; detail: string }>(
      "SELECT actor_id, detail FROM staff_audit WHERE action = 'sso-reset'",
    );
    assert.deepEqual(entry, { actor_id: null, detail: JSON.stringify({ staffId: moved.id }) });
  });

  it('the same answer for every refusal: nothing tells an unknown identity from a wrong state', async () => {
    const unknown = await signInWith(verified('nobody@staff.example.org', 'sub-nobody'));
    const forged = await signInWith(verified(member.email, 'sub-specialist'), {
      query: (q) => q.set('state', 'x'.repeat(43)),
    });
    for (const res of [unknown, forged]) assertRefused(res);
    assert.equal(await unknown.text(), await forged.text());
  });
});

describe('staff single sign-on, not configured', () => {
  let h: CallbacksHarness;
  before(async () => {
    h = await startCallbacksHarness();
  });
  after(() => h.close());

  it("offers no SSO link, and the flow's routes answer 404", async () => {
    const offered = await consoleFetch(h, 'GET', '/sso');
    assert.equal(offered.status, 200);
    assert.deepEqual(await offered.json(), { start: null });
    for (const path of ['/console/api/sso/start', `${SSO_CALLBACK_PATH}?code=a&state=b`]) {
      const res = await fetch(`${h.url}${path}`, { redirect: 'manual' });
      assert.equal(res.status, 404, path);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'not_found');
    }
  });
});

describe('SSO configuration from the environment', () => {
  const base = {
    STAFF_OIDC_ISSUER: 'https://login.example.org/tenant',
    STAFF_OIDC_CLIENT_ID: 'console',
    STAFF_OIDC_CLIENT_SECRET: 'secret',
  };

  it('is off without an issuer, and complete or refused with one', () => {
    assert.equal(ssoConfigFromEnv({}, 'https://help.example.org'), undefined);
    const sso = ssoConfigFromEnv(base, 'https://help.example.org/')!;
    assert.equal(sso.redirectUrl.href, `https://help.example.org${SSO_CALLBACK_PATH}`);
    assert.deepEqual(sso.requiredAmr, ['mfa']);
    assert.deepEqual(sso.requiredAcr, []);
    assert.throws(() => ssoConfigFromEnv({ STAFF_OIDC_CLIENT_ID: 'console' }, undefined), /STAFF_OIDC_ISSUER/);
    assert.throws(() => ssoConfigFromEnv({ ...base, STAFF_OIDC_CLIENT_SECRET: '' }, 'https://h.example'), /SECRET/);
    assert.throws(() => ssoConfigFromEnv(base, undefined), /STAFF_OIDC_REDIRECT_URL or PUBLIC_URL/);
    assert.throws(
      () => ssoConfigFromEnv({ ...base, STAFF_OIDC_ISSUER: 'http://login.example.org' }, 'https://h.example'),
      /https/,
    );
    assert.throws(
      () => ssoConfigFromEnv({ ...base, STAFF_OIDC_REDIRECT_URL: 'https://h.example/elsewhere' }, undefined),
      /must end in/,
    );
  });

  it('reads the second-factor requirements', () => {
    const env = { ...base, STAFF_OIDC_REQUIRED_AMR: 'mfa, hwk', STAFF_OIDC_REQUIRED_ACR: 'phr,phrh' };
    const sso = ssoConfigFromEnv(env, 'https://h.example')!;
    assert.deepEqual(sso.requiredAmr, ['mfa', 'hwk']);
    assert.deepEqual(sso.requiredAcr, ['phr', 'phrh']);
    assert.deepEqual(
      ssoConfigFromEnv({ ...base, STAFF_OIDC_REQUIRED_AMR: 'none' }, 'https://h.example')!.requiredAmr,
      [],
    );
  });
});
