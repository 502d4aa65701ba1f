// Staff sign-in end to end: setup links (single use, expiry), password + TOTP, the session cookie's attributes,
// one generic answer for every failure, lockout, session fixation, CSRF and Origin checks, idle and absolute
// timeouts on the injected clock, and sign-out.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HOUR, MINUTE } from './clock.js';
import { startCallbacksHarness, type CallbacksHarness } from './callbacks-harness.js';
import {
  addMember,
  consoleFetch,
  cookieToken,
  nextCode,
  setupToken,
  signIn,
  signInResponse,
  type Member,
} from './staff-harness.js';
import { createStaffAccount, issueSetupLink } from '../src/staff/index.js';
import { SIGN_IN_FAILED } from '../src/staff/sign-in.js';
import { totp } from '../src/staff/totp.js';

describe('staff sign-in', () => {
  let h: CallbacksHarness;
  let specialist: Member;
  before(async () => {
    h = await startCallbacksHarness(
      {},
      { idleTimeoutMinutes: 30, absoluteTimeoutHours: 8, lockoutAttempts: 3, lockoutMinutes: 15 },
    );
    specialist = await addMember(h, 'specialist', 'team-texas');
  });
  after(() => h.close());

  const whoAmI = (token: string, csrfToken = '') =>
    consoleFetch(h, 'GET', '/session', { session: { token, csrfToken } });

  it('a setup link works once, and not after it expires', async () => {
    const id = await createStaffAccount(
      h.db,
      { email: 'once@staff.example.org', name: 'Once', role: 'specialist', teamId: 'team-texas' },
      h.clock.now(),
    );
    const token = setupToken(
      (await issueSetupLink(h.db, { setupLinkHours: 72 }, id, 'https://help.example.test', h.clock.now())).url,
    );
    const start = await consoleFetch(h, 'POST', '/setup/start', { body: { token } });
    assert.equal(start.status, 200);
    const { totpSecret, otpauthUri, email } = (await start.json()) as {
      totpSecret: string;
      otpauthUri: string;
      email: string;
    };
    assert.equal(email, 'once@staff.example.org');
    assert.match(otpauthUri, /^otpauth:\/\/totp\//);
    const again = (await (await consoleFetch(h, 'POST', '/setup/start', { body: { token } })).json()) as {
      totpSecret: string;
    };
    assert.equal(again.totpSecret, totpSecret, 'the same secret until the link is used');

    const short = await consoleFetch(h, 'POST', '/setup/finish', {
      body: { token, password: 'short', code: totp(totpSecret, h.clock.now()) },
    });
    assert.equal(short.status, 400);
    assert.equal(((await short.json()) as { error: { fields: { path: string }[] } }).error.fields[0]?.path, 'password');
    const wrongCode = await consoleFetch(h, 'POST', '/setup/finish', {
      body: { token, password: 'a long enough password', code: '000000' },
    });
    assert.equal(wrongCode.status, 400);
    const ok = await consoleFetch(h, 'POST', '/setup/finish', {
      body: { token, password: 'a long enough password', code: totp(totpSecret, h.clock.now()) },
    });
    assert.equal(ok.status, 200);
    const reused = await consoleFetch(h, 'POST', '/setup/start', { body: { token } });
    assert.equal(reused.status, 400);
    assert.equal(((await reused.json()) as { error: { code: string } }).error.code, 'invalid_token');

    const id2 = await createStaffAccount(
      h.db,
      { email: 'late@staff.example.org', name: 'Late', role: 'admin' },
      h.clock.now(),
    );
    const late = setupToken(
      (await issueSetupLink(h.db, { setupLinkHours: 1 }, id2, 'https://help.example.test', h.clock.now())).url,
    );
    h.clock.advance(HOUR + MINUTE);
    assert.equal((await consoleFetch(h, 'POST', '/setup/start', { body: { token: late } })).status, 400);
    const [row] = await h.db.query<{ status: string }>('SELECT status FROM staff_accounts WHERE id = $1', [id2]);
    assert.equal(row?.status, 'pending');
  });

  it('signs in with password and TOTP and sets a __Host- cookie that is Secure, HttpOnly and SameSite=Strict', async () => {
    const res = await signInResponse(h, specialist);
    assert.equal(res.status, 200);
    const cookie = res.headers.get('set-cookie')!;
    assert.match(cookie, /^__Host-rk_staff=[A-Za-z0-9_-]{40,}; Path=\/; Secure; HttpOnly; SameSite=Strict$/);
    const body = (await res.json()) as { staff: { email: string; role: string; teamId: string }; csrfToken: string };
    assert.deepEqual(
      { email: body.staff.email, role: body.staff.role, teamId: body.staff.teamId },
      { email: specialist.email, role: 'specialist', teamId: 'team-texas' },
    );
    assert.equal(res.headers.get('cache-control'), 'no-store');
    // Only a hash of the token is stored.
    const token = cookieToken(res)!;
    const stored = await h.db.query<{ token_hash: string }>('SELECT token_hash FROM staff_sessions');
    assert.ok(stored.length > 0 && stored.every((s) => s.token_hash !== token));
    const me = await whoAmI(token);
    assert.equal(me.status, 200);
    assert.equal(((await me.json()) as { csrfToken: string }).csrfToken, body.csrfToken);
  });

  it('answers every failure the same way: unknown email, wrong password, wrong code, reused code', async () => {
    const answers: string[] = [];
    const record = async (res: Response) => {
      const body = (await res.json()) as { error: { code: string; message: string } };
      answers.push(`${res.status} ${body.error.code} ${body.error.message}`);
    };
    const other = await addMember(h, 'specialist', 'team-texas');
    await record(await signInResponse(h, { ...other, email: 'nobody@staff.example.org' }));
    await record(await signInResponse(h, { ...other, password: 'not the password at all' }));
    await record(await signInResponse(h, other, { code: '000000' }));
    const code = nextCode(h, other);
    assert.equal(
      (await consoleFetch(h, 'POST', '/sign-in', { body: { email: other.email, password: other.password, code } }))
        .status,
      200,
    );
    await record(
      await consoleFetch(h, 'POST', '/sign-in', { body: { email: other.email, password: other.password, code } }),
    );
    assert.equal(new Set(answers).size, 1, answers.join('\n'));
    assert.equal(answers[0], `401 unauthorized ${SIGN_IN_FAILED}`);
  });

  it('locks an account after failures in a row, with the same answer, until the lockout ends', async () => {
    const m = await addMember(h, 'supervisor', 'team-texas');
    for (let i = 0; i < 3; i++)
      assert.equal((await signInResponse(h, m, { password: `wrong password ${i}` })).status, 401);
    const locked = await signInResponse(h, m);
    assert.equal(locked.status, 401, 'the right password and code do not open a locked account');
    assert.equal(((await locked.json()) as { error: { message: string } }).error.message, SIGN_IN_FAILED);
    h.clock.advance(15 * MINUTE);
    assert.equal((await signInResponse(h, m)).status, 200, 'open again after the lockout');
    const [entry] = await h.db.query<{ actor_id: string }>(
      "SELECT actor_id FROM staff_audit WHERE action = 'account-locked'",
    );
    assert.equal(entry?.actor_id, m.id);

    // Guesses sent in parallel all count.
    const n = await addMember(h, 'specialist', 'team-texas');
    const guesses = await Promise.all([0, 1, 2].map((i) => signInResponse(h, n, { password: `parallel guess ${i}` })));
    assert.deepEqual(
      guesses.map((r) => r.status),
      [401, 401, 401],
    );
    assert.equal((await signInResponse(h, n)).status, 401, 'locked');
  });

  it('throttles sign-in attempts per client address', async () => {
    const h2 = await startCallbacksHarness({}, { signInPerIp: { max: 2, windowSeconds: 60 } });
    try {
      const body = { email: 'x@staff.example.org', password: 'whatever it is', code: '123456' };
      const ip = { 'x-forwarded-for': '203.0.113.9' };
      for (let i = 0; i < 2; i++)
        assert.equal((await consoleFetch(h2, 'POST', '/sign-in', { body, headers: ip })).status, 401);
      const limited = await consoleFetch(h2, 'POST', '/sign-in', { body, headers: ip });
      assert.equal(limited.status, 429);
      assert.ok(limited.headers.get('retry-after'));
    } finally {
      await h2.close();
    }
  });

  it('gives a new session id at sign-in and ends the one the browser came with (fixation)', async () => {
    const first = await signIn(h, specialist);
    const res = await signInResponse(h, specialist, {}, { cookie: `__Host-rk_staff=${first.token}` });
    assert.equal(res.status, 200);
    const second = cookieToken(res)!;
    assert.notEqual(second, first.token);
    assert.equal((await whoAmI(first.token)).status, 401, 'the old id no longer works');
    assert.equal((await whoAmI(second)).status, 200);
    // An id the attacker made up is never adopted either.
    const planted = 'A'.repeat(43);
    const fresh = await signInResponse(h, specialist, {}, { cookie: `__Host-rk_staff=${planted}` });
    assert.notEqual(cookieToken(fresh), planted);
    assert.equal((await whoAmI(planted)).status, 401);
  });

  it('refuses state changes without the CSRF token, with a wrong one, or from another Origin', async () => {
    const session = await signIn(h, specialist);
    const signOut = (headers: Record<string, string>, csrfToken = session.csrfToken) =>
      consoleFetch(h, 'POST', '/sign-out', { session: { token: session.token, csrfToken }, headers });
    const missing = await fetch(`${h.url}/console/api/sign-out`, {
      method: 'POST',
      headers: { origin: h.url, 'content-type': 'application/json', cookie: `__Host-rk_staff=${session.token}` },
      body: '{}',
    });
    assert.equal(missing.status, 403);
    assert.equal((await signOut({}, 'x'.repeat(43))).status, 403);
    assert.equal((await signOut({ origin: 'https://evil.example' })).status, 403);
    assert.equal((await signOut({ origin: 'null' })).status, 403);
    const noOrigin = await fetch(`${h.url}/console/api/sign-out`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `__Host-rk_staff=${session.token}`,
        'x-csrf-token': session.csrfToken,
      },
      body: '{}',
    });
    assert.equal(noOrigin.status, 403);
    const body = (await noOrigin.json()) as { error: { code: string; requestId: string } };
    assert.equal(body.error.code, 'forbidden');
    assert.ok(body.error.requestId);
    assert.equal((await whoAmI(session.token)).status, 200, 'none of those signed out');
    // Sign-in from another Origin is refused too (login CSRF).
    assert.equal((await signInResponse(h, specialist, {}, { origin: 'https://evil.example' })).status, 403);
  });

  it('ends a session after the idle timeout, and after the absolute timeout however busy', async () => {
    const idle = await signIn(h, specialist);
    h.clock.advance(29 * MINUTE);
    assert.equal((await whoAmI(idle.token)).status, 200, 'still alive: used within 30 minutes');
    h.clock.advance(29 * MINUTE);
    assert.equal((await whoAmI(idle.token)).status, 200, 'each use restarts the idle clock');
    h.clock.advance(30 * MINUTE);
    const expired = await whoAmI(idle.token);
    assert.equal(expired.status, 401);
    assert.match(expired.headers.get('set-cookie') ?? '', /Max-Age=0/);

    const busy = await signIn(h, specialist);
    for (let t = 0; t < 8 * 60 - 20; t += 20) {
      h.clock.advance(20 * MINUTE);
      assert.equal((await whoAmI(busy.token)).status, 200);
    }
    h.clock.advance(20 * MINUTE);
    assert.equal((await whoAmI(busy.token)).status, 401, '8 hours after sign-in');
  });

  it('signs out: the cookie is cleared and the session is gone on the server', async () => {
    const session = await signIn(h, specialist);
    const res = await consoleFetch(h, 'POST', '/sign-out', { session });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('set-cookie') ?? '', /^__Host-rk_staff=; .*Max-Age=0/);
    assert.equal((await whoAmI(session.token)).status, 401);
  });

  it('a disabled account cannot sign in and its sessions end', async () => {
    const admin = await addMember(h, 'admin', null);
    const adminSession = await signIn(h, admin);
    const victim = await addMember(h, 'specialist', 'team-west');
    const victimSession = await signIn(h, victim);
    assert.equal(
      (await consoleFetch(h, 'POST', `/admin/staff/${victim.id}/disable`, { session: adminSession })).status,
      200,
    );
    assert.equal((await whoAmI(victimSession.token)).status, 401);
    assert.equal((await signInResponse(h, victim)).status, 401);
  });
});
