// Single sign-on in real Chromium: the console's "Sign in with your organization" link, the round trip through a
// fake OpenID provider on another site (127.0.0.1 against the console's localhost, so the flow cookie must survive
// a cross-site redirect) and back into the queue; a refused identity lands on sign-in with the one SSO message.
// axe on the sign-in page with the link, in English and Spanish.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig } from '../../packages/server/src/config.js';
import { createLogger } from '../../packages/server/src/logger.js';
import { startServer, type RunningServer } from '../../packages/server/src/main.js';
import { createStaffAccount, SESSION_COOKIE } from '../../packages/server/src/staff/index.js';
import { SSO_FLOW_COOKIE } from '../../packages/server/src/staff/sso.js';
import { testClock, type TestClock } from '../../packages/server/test/clock.js';
import { startFakeProvider, type FakeProvider } from '../../packages/server/test/fake-oidc-provider.js';
import { chromeArgs, chromePath } from '../../scripts/chrome.mjs';
import { axeViolations } from './axe.js';

const TIMEOUT = 15_000;
const CONSOLE_SCRIPT = 'packages/server/dist/console.js';

/** A port free now: the redirect URL registered at the provider names it before the server starts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Page errors, less the browser's note about the 401 that answers "is anyone signed in?" on a fresh page. */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of 401/.test(e));

describe('staff console single sign-on', () => {
  let clock: TestClock;
  let idp: FakeProvider;
  let server: RunningServer;
  let dataDir: string;
  let browser: Browser;
  let origin: string;

  before(async () => {
    readFileSync(CONSOLE_SCRIPT); // built by `npm run build` (the console entry of rollup.config.mjs)
    clock = testClock();
    idp = await startFakeProvider(clock.now);
    dataDir = mkdtempSync(join(tmpdir(), 'rk-console-sso-'));
    const port = await freePort();
    // localhost: the browser keeps the console's Secure `__Host-` cookies on http://localhost only.
    origin = `http://localhost:${port}`;
    const config = loadConfig({
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DEMO: 'true',
      SEED_DEMO: 'false',
      STAFF_OIDC_ISSUER: idp.issuer,
      STAFF_OIDC_CLIENT_ID: idp.clientId,
      STAFF_OIDC_CLIENT_SECRET: idp.clientSecret,
      STAFF_OIDC_REDIRECT_URL: `${origin}/console/api/sso/callback`,
    });
    server = await startServer(config, {
      logger: createLogger({ level: 'silent' }),
      directoryCheckMs: 0,
      now: clock.now,
    });
    browser = await chromium.launch({ executablePath: chromePath(), headless: true, args: chromeArgs });
  });

  after(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
    await browser?.close();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
    await server?.close();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
    await idp?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** An active account (its setup is the password tests' business; SSO needs only the account). */
  async function activeAccount(email: string, name: string): Promise<void> {
    const id = await createStaffAccount(server.db, { email, name, role: 'admin' }, clock.now());
    await server.db.run("UPDATE staff_accounts SET status = 'active' WHERE id = $1", [id]);
  }

  async function open(locale: string, path = '/console/sign-in'): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, locale, bypassCSP: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${origin}${path}`);
    return { page, errors };
  }

  it('signs in through the organization and lands in the console with a session', async () => {
    await activeAccount('sso-admin@staff.example.org', 'Ada SSO');
    idp.identity = { sub: 'idp-ada', email: 'sso-admin@staff.example.org', email_verified: true, amr: ['mfa'] };
    const { page, errors } = await open('en-US');
    const link = page.getByRole('link', { name: 'Sign in with your organization' });
    await link.waitFor({ timeout: TIMEOUT });
    assert.deepEqual(await axeViolations(page), [], 'sign-in with the SSO link');
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor({ timeout: TIMEOUT });
    assert.equal(new URL(page.url()).pathname, '/console');
    await page.getByText('Ada SSO').first().waitFor({ timeout: TIMEOUT });
    const cookies = await page.context().cookies(origin);
    assert.deepEqual(
      cookies.map((c) => c.name),
      [SESSION_COOKIE],
      'the session cookie is kept, the flow cookie is gone',
    );
    assert.equal(idp.lastAuthorization?.get('code_challenge_method'), 'S256');
    assert.deepEqual(unexpected(errors), []);
    await page.context().close();
  });

  it('a page opened without a session is where single sign-on comes back to', async () => {
    await activeAccount('sso-return@staff.example.org', 'Bea SSO');
    idp.identity = { sub: 'idp-bea', email: 'sso-return@staff.example.org', email_verified: true, amr: ['mfa'] };
    const { page, errors } = await open('en-US', '/console/audit');
    const link = page.getByRole('link', { name: 'Sign in with your organization' });
    await link.waitFor({ timeout: TIMEOUT });
    assert.equal(new URL(page.url()).pathname, '/console/sign-in');
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor({ timeout: TIMEOUT });
    const url = new URL(page.url());
    assert.equal(
      `${url.pathname}${url.search}`,
      '/console/audit',
      'the page asked for, with nothing left in the address',
    );
    assert.deepEqual(unexpected(errors), []);
    await page.context().close();
  });

  it('a refused identity comes back to sign-in with the one SSO message (Spanish), and no session', async () => {
    idp.identity = { sub: 'idp-stranger', email: 'stranger@elsewhere.example', email_verified: true, amr: ['mfa'] };
    const { page, errors } = await open('es-ES');
    const link = page.getByRole('link', { name: 'Iniciar sesión con su organización' });
    await link.waitFor({ timeout: TIMEOUT });
    await link.click();
    await page
      .locator('staff-sign-in')
      .getByText('No se pudo iniciar sesión con su organización')
      .waitFor({ timeout: TIMEOUT });
    const url = new URL(page.url());
    assert.equal(`${url.pathname}${url.search}`, '/console/sign-in', 'the outcome is taken out of the address');
    assert.deepEqual(await axeViolations(page), [], 'sign-in with the SSO message');
    const names = (await page.context().cookies(origin)).map((c) => c.name);
    assert.ok(!names.includes(SESSION_COOKIE) && !names.includes(SSO_FLOW_COOKIE), names.join(', '));
    assert.deepEqual(unexpected(errors), []);
    await page.context().close();
  });
});
