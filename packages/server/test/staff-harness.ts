// Staff console helpers over the callbacks harness: accounts finished through their real setup link, sign-in with
// a real TOTP code, and requests that carry the session cookie, the CSRF header and the console's Origin.
import { createStaffAccount, CSRF_HEADER, issueSetupLink, SESSION_COOKIE, type Role } from '../src/staff/index.js';
import { totp, TOTP_STEP_SECONDS } from '../src/staff/totp.js';
import type { CallbacksHarness } from './callbacks-harness.js';

export interface Member {
  id: string;
  email: string;
  password: string;
  secret: string;
  role: Role;
  teamId: string | null;
}

export interface StaffSession {
  token: string;
  csrfToken: string;
}

let counter = 0;

/** Sends JSON to the console API the way the console page would (same Origin; cookie and CSRF header when given). */
export function consoleFetch(
  h: CallbacksHarness,
  method: 'GET' | 'POST',
  path: string,
  options: { session?: StaffSession; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { origin: h.url };
  if (method === 'POST') headers['content-type'] = 'application/json';
  if (options.session) {
    headers.cookie = `${SESSION_COOKIE}=${options.session.token}`;
    headers[CSRF_HEADER] = options.session.csrfToken;
  }
  return fetch(`${h.url}/console/api${path}`, {
    method,
    headers: { ...headers, ...options.headers },
    body: method === 'POST' ? JSON.stringify(options.body ?? {}) : undefined,
  });
}

/** The token of a setup link (it travels in the URL fragment). */
export const setupToken = (url: string) => url.slice(url.indexOf('#') + 1);

/** Creates an account with the CLI's functions and finishes it through the setup API. */
export async function addMember(
  h: CallbacksHarness,
  role: Role,
  teamId: string | null,
  partnerId?: string,
): Promise<Member> {
  const email = `${role}${++counter}@staff.example.org`;
  const password = `correct horse battery ${counter}`;
  const id = await createStaffAccount(
    h.db,
    { email, name: `${role} ${counter}`, role, teamId: teamId ?? undefined, partnerId },
    h.clock.now(),
  );
  const link = await issueSetupLink(h.db, { setupLinkHours: 72 }, id, 'https://help.example.test', h.clock.now());
  const token = setupToken(link.url);
  const start = await consoleFetch(h, 'POST', '/setup/start', { body: { token } });
  if (start.status !== 200) throw new Error(`setup/start answered ${start.status}`);
  const { totpSecret } = (await start.json()) as { totpSecret: string };
  const finish = await consoleFetch(h, 'POST', '/setup/finish', {
    body: { token, password, code: totp(totpSecret, h.clock.now()) },
  });
  if (finish.status !== 200) throw new Error(`setup/finish answered ${finish.status}: ${await finish.text()}`);
  return { id, email, password, secret: totpSecret, role, teamId };
}

/** Moves the clock to the next TOTP step, so the member's authenticator shows a code not used yet. */
export const nextCode = (h: CallbacksHarness, m: Member) => {
  h.clock.advance(TOTP_STEP_SECONDS * 1000);
  return totp(m.secret, h.clock.now());
};

export async function signInResponse(
  h: CallbacksHarness,
  m: Member,
  overrides: Record<string, string> = {},
  headers: Record<string, string> = {},
): Promise<Response> {
  return consoleFetch(h, 'POST', '/sign-in', {
    body: { email: m.email, password: m.password, code: nextCode(h, m), ...overrides },
    headers,
  });
}

/** The session token a Set-Cookie header sets. */
export function cookieToken(res: Response): string | undefined {
  const match = new RegExp(`${SESSION_COOKIE}=([^;]*)`).exec(res.headers.get('set-cookie') ?? '');
  return match?.[1] || undefined;
}

export async function signIn(h: CallbacksHarness, m: Member): Promise<StaffSession> {
  const res = await signInResponse(h, m);
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { token: cookieToken(res)!, csrfToken };
}
