// Staff accounts for console e2e tests: an account made the way `referral-kit staff add` makes one, finished through
// the setup API, and a sign-in in the console with password + TOTP on the server's clock.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../packages/server/src/main.js';
import { createStaffAccount, issueSetupLink, type Role } from '../../packages/server/src/staff/index.js';
import { totp, TOTP_STEP_SECONDS } from '../../packages/server/src/staff/totp.js';
import type { TestClock } from '../../packages/server/test/clock.js';

export interface Member {
  email: string;
  password: string;
  secret: string;
}

let counter = 0;

/** A ready account: `teamId` for team roles, `partnerId` for a partner account. */
export async function staffMember(
  server: RunningServer,
  origin: string,
  clock: TestClock,
  role: Role,
  ids: { teamId?: string; partnerId?: string } = {},
): Promise<Member> {
  const n = ++counter;
  const email = `${role}${n}@staff.example.org`;
  const password = `correct horse battery ${n}`;
  const id = await createStaffAccount(server.db, { email, name: `${role} ${n}`, role, ...ids }, clock.now());
  const link = await issueSetupLink(server.db, { setupLinkHours: 72 }, id, origin, clock.now());
  const token = link.url.slice(link.url.indexOf('#') + 1);
  const post = (path: string, body: unknown) =>
    fetch(`${origin}/console/api${path}`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const { totpSecret } = (await (await post('/setup/start', { token })).json()) as { totpSecret: string };
  clock.advance(TOTP_STEP_SECONDS * 1000);
  const finish = await post('/setup/finish', { token, password, code: totp(totpSecret, clock.now()) });
  assert.equal(finish.status, 200, await finish.text());
  return { email, password, secret: totpSecret };
}

/** Signs in on the console's sign-in page (English labels); the clock first moves on a step, so no code repeats. */
export async function signInConsole(page: Page, clock: TestClock, m: Member): Promise<void> {
  clock.advance(TOTP_STEP_SECONDS * 1000);
  await page.getByLabel('Email address').fill(m.email);
  await page.getByLabel('Password').fill(m.password);
  await page.getByLabel('6-digit code').fill(totp(m.secret, clock.now()));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}
