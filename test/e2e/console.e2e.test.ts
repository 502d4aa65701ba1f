// The staff console in real Chromium against the real server, on a clock the test moves: a visitor asks in Spanish
// for a callback from a custody result, it reaches the team for that state, a specialist sets up their account
// and signs in with password + TOTP in the console, takes the request, records an attempt, closes it as reached,
// and the visitor's personal data is gone after the retention period. Plus axe on every console page in en and es,
// and a keyboard-only walk from sign-in to a request.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { generateFixtures } from '@referral-kit/mocks';
import { saveTeam } from '../../packages/server/src/callbacks/index.js';
import { eraseClosedRequests } from '../../packages/server/src/callbacks/retention.js';
import { loadConfig } from '../../packages/server/src/config.js';
import { createLogger } from '../../packages/server/src/logger.js';
import { startServer, type RunningServer } from '../../packages/server/src/main.js';
import { createStaffAccount, issueSetupLink, type Role } from '../../packages/server/src/staff/index.js';
import { totp, TOTP_STEP_SECONDS } from '../../packages/server/src/staff/totp.js';
import { testClock, type TestClock } from '../../packages/server/test/clock.js';
import { chromeArgs, chromePath } from '../../scripts/chrome.mjs';
import { axeViolations } from './axe.js';
import { requireBuild } from './harness.js';

const TIMEOUT = 15_000;
const DAY = 24 * 60 * 60 * 1000;
const CALLBACKS_BUNDLE = '/packages/widgets/dist/referral-kit.callbacks.js';
const CONSOLE_SCRIPT = 'packages/server/dist/console.js';

interface SignInLabels {
  email: string;
  password: string;
  code: string;
  submit: string;
}

/** The console's words a test needs, per language. */
interface ConsoleLabels extends SignInLabels {
  audit: string;
  admin: string;
  setup: string;
}

interface Member {
  email: string;
  password: string;
  secret: string;
}

let counter = 0;

/** Page errors, less the browser's note about the 401 that answers "is anyone signed in?" on a fresh page. */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of 401/.test(e));

describe('staff console', () => {
  let clock: TestClock;
  let server: RunningServer;
  let dataDir: string;
  let browser: Browser;
  /** localhost: the browser keeps the console's Secure `__Host-` cookie on http://localhost only. */
  let origin: string;

  before(async () => {
    requireBuild();
    readFileSync(CONSOLE_SCRIPT); // built by `npm run build` (the console entry of rollup.config.mjs)
    clock = testClock();
    dataDir = mkdtempSync(join(tmpdir(), 'rk-console-'));
    const config = loadConfig({
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DEMO: 'true',
      ALERTS_DISPATCH_INTERVAL_MS: '100',
    });
    server = await startServer(config, {
      logger: createLogger({ level: 'silent' }),
      fixtures: generateFixtures({ seed: 11, services: 60, custody: 40 }),
      directoryCheckMs: 0,
      now: clock.now,
    });
    origin = `http://localhost:${server.port}`;
    browser = await chromium.launch({ executablePath: chromePath(), headless: true, args: chromeArgs });
  });

  after(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
    await browser?.close();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** The authenticator's code now; the clock first moves to the next 30-second step, so no code is used twice. */
  const nextCode = (m: Member) => {
    clock.advance(TOTP_STEP_SECONDS * 1000);
    return totp(m.secret, clock.now());
  };

  /** An account the way `referral-kit staff add` makes one: its one-time setup link. */
  async function newAccount(
    role: Role,
    teamId: string | null,
  ): Promise<{ email: string; password: string; setupUrl: string }> {
    const n = ++counter;
    const email = `${role}${n}@staff.example.org`;
    const id = await createStaffAccount(
      server.db,
      { email, name: `${role} ${n}`, role, teamId: teamId ?? undefined },
      clock.now(),
    );
    const link = await issueSetupLink(server.db, { setupLinkHours: 72 }, id, origin, clock.now());
    return { email, password: `correct horse battery ${n}`, setupUrl: link.url };
  }

  /** An account finished through the setup API (for tests about other pages). */
  async function member(role: Role, teamId: string | null): Promise<Member> {
    const account = await newAccount(role, teamId);
    const token = account.setupUrl.slice(account.setupUrl.indexOf('#') + 1);
    const post = (path: string, body: unknown) =>
      fetch(`${origin}/console/api${path}`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const { totpSecret } = (await (await post('/setup/start', { token })).json()) as { totpSecret: string };
    clock.advance(TOTP_STEP_SECONDS * 1000);
    const finish = await post('/setup/finish', {
      token,
      password: account.password,
      code: totp(totpSecret, clock.now()),
    });
    assert.equal(finish.status, 200);
    return { email: account.email, password: account.password, secret: totpSecret };
  }

  async function open(path: string, options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, locale: 'en-US', ...options });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(origin + path);
    return { page, errors };
  }

  async function signIn(
    page: Page,
    m: Member,
    labels: SignInLabels = { email: 'Email address', password: 'Password', code: '6-digit code', submit: 'Sign in' },
  ): Promise<void> {
    await page.getByLabel(labels.email).fill(m.email);
    await page.getByLabel(labels.password).fill(m.password);
    await page.getByLabel(labels.code).fill(nextCode(m));
    await page.getByRole('button', { name: labels.submit, exact: true }).click();
  }

  /** A request straight through the API (the visitor's widget is the first test's business). */
  async function request(state: string, contact: string): Promise<void> {
    const res = await fetch(`${origin}/v1/callbacks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `e2e-${++counter}-${contact}` },
      body: JSON.stringify({
        topic: 'custody-status',
        channel: 'email',
        contact,
        windows: ['morning'],
        timeZone: 'America/Chicago',
        leaveMessage: false,
        language: 'en',
        region: { state },
      }),
    });
    assert.equal(res.status, 202, await res.text());
  }

  it('a Spanish callback request from a custody result goes to its team, is worked in the console, and its personal data is erased after retention', async () => {
    // The record the visitor will find, and the state its facility is in: that state's team must get the request.
    const found = (await (
      await fetch(`${origin}/v1/custody?name=${encodeURIComponent('Aaliyah Johnson')}`)
    ).json()) as { items: { id: string; facility?: { state?: string } }[] };
    const record = found.items[0]!;
    const state = record.facility?.state;
    assert.ok(state, 'the first result has a facility with a state');
    await saveTeam(
      server.db,
      {
        id: 'team-state',
        name: 'State team',
        states: [state],
        zipPrefixes: [],
        languages: ['en', 'es'],
        fallback: false,
      },
      clock.now(),
    );
    await saveTeam(
      server.db,
      { id: 'team-rest', name: 'Everyone else', states: [], zipPrefixes: [], languages: ['en', 'es'], fallback: true },
      clock.now(),
    );
    const account = await newAccount('specialist', 'team-state');

    // The visitor, in Spanish, on a page with the callbacks embed.
    const visitor = await browser.newContext({ locale: 'es-ES' });
    await visitor.route(`${origin}/visitor`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Ayuda</title><script src="${CALLBACKS_BUNDLE}" defer></script></head>
          <body><main><referral-widget api-base-url="${origin}" partner-id="e2e"></referral-widget></main></body></html>`,
      }),
    );
    const vpage = await visitor.newPage();
    await vpage.goto(`${origin}/visitor`);
    const widget = vpage.locator('referral-widget');
    await widget.getByRole('tab', { name: 'Buscar a una persona detenida' }).click({ timeout: TIMEOUT });
    await widget.getByLabel('Nombre de la persona').fill('Aaliyah Johnson');
    await widget.getByRole('button', { name: 'Buscar', exact: true }).click();
    await widget
      .getByText(/^Se encontr/)
      .first()
      .waitFor({ timeout: TIMEOUT });
    await widget.getByRole('button', { name: 'Preguntar a un especialista sobre esto' }).first().click();
    await widget.getByRole('radio', { name: 'Entender un estado de custodia o el proceso de deportación' }).check();
    await widget.getByRole('radio', { name: 'Correo electrónico' }).check();
    await widget.getByRole('textbox', { name: 'Correo electrónico' }).fill('rosa.visitante@example.org');
    await widget.getByRole('checkbox', { name: /^Noche/ }).check();
    await widget.getByLabel('¿Cómo quiere que le llamemos?').fill('Rosa');
    await widget.getByRole('button', { name: 'Pedir que me llamen' }).click();
    await widget.getByText('Recibimos su solicitud').waitFor({ timeout: TIMEOUT });
    const reference = (await widget
      .getByText(/CB-[A-Z0-9]{4}-[A-Z0-9]{4}/)
      .first()
      .textContent())!.match(/CB-[A-Z0-9]{4}-[A-Z0-9]{4}/)![0];
    await visitor.close();

    const [row] = await server.db.query<{ id: string; team_id: string; language: string; record_id: string }>(
      'SELECT id, team_id, language, record_id FROM callback_requests WHERE reference = $1',
      [reference],
    );
    assert.deepEqual(
      { team: row!.team_id, language: row!.language, record: row!.record_id },
      { team: 'team-state', language: 'es', record: record.id },
    );

    // The specialist finishes their account from the setup link, in the console.
    const { page, errors } = await open(new URL(account.setupUrl).pathname + new URL(account.setupUrl).hash);
    assert.equal(new URL(page.url()).hash, '', 'the token is cleared from the address bar');
    const secret = (await page.locator('#secret').textContent({ timeout: TIMEOUT }))!.trim();
    const m: Member = { email: account.email, password: account.password, secret };
    await page.getByLabel(/^Password/).fill(m.password);
    await page.getByLabel('6-digit code from the app').fill(nextCode(m));
    await page.getByRole('button', { name: 'Finish setup' }).click();
    await page.locator('staff-sign-in').getByText('Your account is ready. Sign in.').waitFor({ timeout: TIMEOUT });

    // A wrong code: one generic message.
    await page.getByLabel('Email address').fill(m.email);
    await page.getByLabel('Password').fill(m.password);
    await page.getByLabel('6-digit code').fill('000000');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page
      .locator('staff-sign-in')
      .getByText(/^Sign-in failed/)
      .waitFor({ timeout: TIMEOUT });

    await signIn(page, m);
    const link = page.getByRole('link', { name: reference });
    await link.waitFor({ timeout: TIMEOUT });
    assert.ok(
      !(await page.locator('staff-queue').textContent())!.includes('rosa.visitante'),
      'no contact in the queue',
    );
    await link.click();
    await page.getByRole('heading', { level: 1, name: `Request ${reference}` }).waitFor({ timeout: TIMEOUT });
    await page.getByText('rosa.visitante@example.org').waitFor();
    assert.ok(
      !page.url().includes('rosa') &&
        !(await page.title()).includes('rosa') &&
        !(await page.title()).includes(reference),
      'no personal data in the URL or title',
    );

    await page.getByRole('button', { name: 'Take this request' }).click();
    await page.getByLabel('Reached the person').check({ timeout: TIMEOUT });
    await page.getByLabel('Note (optional)').fill('Hablamos en español.');
    await page.getByRole('button', { name: 'Record attempt' }).click();
    await page.getByText('Hablamos en español.').waitFor({ timeout: TIMEOUT });
    await page.getByLabel('Outcome').selectOption('reached');
    await page.getByRole('button', { name: 'Close request' }).click();
    await page.locator('staff-request dd', { hasText: 'Closed' }).waitFor({ timeout: TIMEOUT });

    // Retention (30 days by default): kept a day before, erased after.
    clock.advance(29 * DAY);
    await eraseClosedRequests(server.db, 30, clock.now());
    const contactOf = async () =>
      (
        await server.db.query<{ contact_enc: unknown; erased_at: unknown }>(
          'SELECT contact_enc, erased_at FROM callback_requests WHERE id = $1',
          [row!.id],
        )
      )[0]!;
    assert.notEqual((await contactOf()).contact_enc, null, 'kept before the retention period ends');
    clock.advance(2 * DAY);
    await eraseClosedRequests(server.db, 30, clock.now());
    assert.equal((await contactOf()).contact_enc, null, 'erased after the retention period');

    // The session has long ended: the next action brings the sign-in page back, with a message.
    await page.getByRole('link', { name: 'Back to the queue' }).click();
    await page.locator('staff-sign-in').getByText('Your session ended. Sign in again.').waitFor({ timeout: TIMEOUT });
    await signIn(page, m);
    await page.getByLabel('Show').selectOption('all');
    await page.getByRole('link', { name: reference }).click({ timeout: TIMEOUT });
    await page.getByText('Personal data erased.').waitFor({ timeout: TIMEOUT });
    assert.ok(!(await page.locator('staff-request').textContent())!.includes('rosa'), 'nothing personal is left');
    assert.deepEqual(unexpected(errors), []);
    await page.context().close();
  });

  it('the console page: strict CSP, never framed, never cached; the script is not in any visitor embed', async () => {
    for (const [path, status] of [
      ['/console/sign-in', 200],
      ['/console', 401],
      ['/console/requests/aB3_-x', 401],
      ['/console/console.js', 200],
    ] as const) {
      const res = await fetch(origin + path);
      assert.equal(res.status, status, path);
      assert.equal(res.headers.get('cache-control'), 'no-store', path);
      assert.equal(res.headers.get('x-frame-options'), 'DENY', path);
      assert.match(res.headers.get('content-security-policy')!, /script-src 'self';.*frame-ancestors 'none'/, path);
      await res.arrayBuffer();
    }
    for (const embed of [
      'referral-kit.js',
      'referral-kit.callbacks.js',
      'referral-kit.local-search.js',
      'referral-kit.capture.js',
    ]) {
      assert.ok(
        !readFileSync(`packages/widgets/dist/${embed}`, 'utf8').includes('staff-console'),
        `${embed} carries no console code`,
      );
    }
  });

  for (const [lang, locale, labels] of [
    [
      'en',
      'en-US',
      {
        email: 'Email address',
        password: 'Password',
        code: '6-digit code',
        submit: 'Sign in',
        audit: 'Audit log',
        admin: 'Administration',
        setup: 'Set up your account',
      },
    ],
    [
      'es',
      'es-MX',
      {
        email: 'Correo electrónico',
        password: 'Contraseña',
        code: 'Código de 6 dígitos',
        submit: 'Iniciar sesión',
        audit: 'Registro de auditoría',
        admin: 'Administración',
        setup: 'Configure su cuenta',
      },
    ],
  ] as [string, string, ConsoleLabels][]) {
    it(`axe finds no WCAG 2.2 AA violations on any console page (${lang}, from the browser's language)`, async () => {
      await saveTeam(
        server.db,
        { id: 'team-axe', name: 'Axe team', states: ['WY'], zipPrefixes: [], languages: ['en'], fallback: false },
        clock.now(),
      );
      await request('WY', `axe-${lang}@example.org`);
      const pending = await newAccount('specialist', 'team-axe');
      const admin = await member('admin', null);
      const { page, errors } = await open(new URL(pending.setupUrl).pathname + new URL(pending.setupUrl).hash, {
        locale,
        bypassCSP: true,
      });
      const check = async (name: string) => {
        await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: TIMEOUT });
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        assert.deepEqual(await axeViolations(page), [], `${name} (${lang})`);
      };
      await page.getByRole('heading', { level: 1, name: labels.setup }).waitFor({ timeout: TIMEOUT });
      await page.locator('#secret').waitFor({ timeout: TIMEOUT });
      await check('setup');
      await page.goto(`${origin}/console/sign-in`);
      await page.getByLabel(labels.email).waitFor({ timeout: TIMEOUT });
      await page.getByRole('button', { name: labels.submit, exact: true }).click(); // empty: field errors shown
      await page.locator('[aria-invalid="true"]').first().waitFor();
      await check('sign-in with errors');
      await signIn(page, admin, labels);
      await page.getByRole('link', { name: /^CB-/ }).first().waitFor({ timeout: TIMEOUT });
      await check('queue');
      await page.getByRole('link', { name: /^CB-/ }).first().click();
      await page.locator('staff-request dl').waitFor({ timeout: TIMEOUT });
      await check('request');
      await page.getByRole('link', { name: labels.audit }).click();
      await page.locator('staff-audit table').waitFor({ timeout: TIMEOUT });
      await check('audit');
      await page.getByRole('link', { name: labels.admin }).click();
      await page.locator('staff-admin table').first().waitFor({ timeout: TIMEOUT });
      await check('admin');
      assert.deepEqual(unexpected(errors), []);
      await page.context().close();
    });
  }

  it('a page opened without a session (401) shows the sign-in form and opens after signing in; a page not for this role (403) says so', async () => {
    await saveTeam(
      server.db,
      { id: 'team-pages', name: 'Pages team', states: ['NH'], zipPrefixes: [], languages: ['en'], fallback: false },
      clock.now(),
    );
    const supervisor = await member('supervisor', 'team-pages');
    const { page, errors } = await open('/console/audit');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor({ timeout: TIMEOUT });
    await signIn(page, supervisor);
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor({ timeout: TIMEOUT });
    assert.equal(new URL(page.url()).pathname, '/console/audit');

    const response = await page.goto(`${origin}/console/admin`);
    assert.equal(response?.status(), 403);
    await page.getByRole('heading', { level: 1, name: 'Not available to your account' }).waitFor({ timeout: TIMEOUT });
    assert.match(await page.title(), /^Not available to your account/);
    assert.equal(await page.getByRole('link', { name: 'Administration' }).count(), 0, 'no link to it either');
    assert.deepEqual(
      unexpected(errors).filter((e) => !/status of 403/.test(e)),
      [],
    );
    await page.context().close();
  });

  it('a supervisor assigns a request to a specialist of the team from the request page, and the audit log has it', async () => {
    await saveTeam(
      server.db,
      { id: 'team-assign', name: 'Assign team', states: ['OR'], zipPrefixes: [], languages: ['en'], fallback: false },
      clock.now(),
    );
    await request('OR', 'assign@example.org');
    const supervisor = await member('supervisor', 'team-assign');
    const specialist = await member('specialist', 'team-assign');
    const specialistName = `specialist ${counter}`;
    const { page, errors } = await open('/console/sign-in');
    await signIn(page, supervisor);
    await page.getByRole('link', { name: /^CB-/ }).first().click({ timeout: TIMEOUT });
    const assignee = page.getByLabel('Assign to');
    await assignee.locator('option', { hasText: specialistName }).waitFor({ state: 'attached', timeout: TIMEOUT });
    assert.match((await assignee.locator('option', { hasText: specialistName }).textContent())!, /0 open/);
    await assignee.selectOption({
      label: (await assignee.locator('option', { hasText: specialistName }).textContent())!.trim(),
    });
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.locator('staff-request dd', { hasText: specialistName }).waitFor({ timeout: TIMEOUT });
    await assignee
      .locator('option', { hasText: `${specialistName} (` })
      .filter({ hasText: '1 open' })
      .waitFor({ state: 'attached', timeout: TIMEOUT });

    const [ids] = await server.db.query<{ supervisor: string; specialist: string }>(
      'SELECT (SELECT id FROM staff_accounts WHERE email = $1) AS supervisor, (SELECT id FROM staff_accounts WHERE email = $2) AS specialist',
      [supervisor.email, specialist.email],
    );
    const [assigned] = await server.db.query<{ id: string; assigned_to: string; status: string }>(
      "SELECT id, assigned_to, status FROM callback_requests WHERE team_id = 'team-assign'",
    );
    assert.deepEqual(
      { to: assigned?.assigned_to, status: assigned?.status },
      { to: ids!.specialist, status: 'assigned' },
    );
    const entries = await server.db.query<{ actor_id: string; detail: string }>(
      "SELECT actor_id, detail FROM staff_audit WHERE action = 'request-assigned' AND request_id = $1",
      [assigned!.id],
    );
    assert.equal(entries.length, 1);
    assert.equal(entries[0]!.actor_id, ids!.supervisor);
    assert.equal((JSON.parse(entries[0]!.detail) as { staffId: string }).staffId, ids!.specialist);
    assert.deepEqual(unexpected(errors), []);
    await page.context().close();
  });

  it('the language switch changes the whole console at once', async () => {
    const { page } = await open('/console/sign-in');
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor({ timeout: TIMEOUT });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
    assert.match(await page.title(), /Consola del personal/);
    await page.context().close();
  });

  it('an admin disables an account, hands out a new setup link, saves a team; sign-out ends the session', async () => {
    await saveTeam(
      server.db,
      {
        id: 'team-admin',
        name: 'Admin test team',
        states: ['ME'],
        zipPrefixes: [],
        languages: ['en'],
        fallback: false,
      },
      clock.now(),
    );
    const admin = await member('admin', null);
    const other = await member('specialist', 'team-admin');
    const { page, errors } = await open('/console/sign-in');
    await signIn(page, admin);
    await page.getByRole('link', { name: 'Administration' }).click({ timeout: TIMEOUT });
    const otherName = `specialist ${counter}`;
    const row = page.locator('staff-admin tr', { hasText: other.email });
    await row.getByRole('button', { name: `New setup link for ${otherName}` }).click({ timeout: TIMEOUT });
    await page.locator('staff-admin code', { hasText: '/console/setup#' }).waitFor({ timeout: TIMEOUT });
    assert.ok(
      !page.url().includes('#') && !(await page.title()).includes('setup#'),
      'the link stays out of the URL and the title',
    );
    await row.getByRole('button', { name: `Disable ${otherName}` }).click();
    await row.getByText('Disabled').waitFor({ timeout: TIMEOUT });
    const [account] = await server.db.query<{ status: string }>('SELECT status FROM staff_accounts WHERE email = $1', [
      other.email,
    ]);
    assert.equal(account?.status, 'disabled');

    await page.getByLabel(/^Team id/).fill('team-console');
    await page.getByLabel(/^Name/).fill('Console team');
    await page.getByLabel(/^States/).fill('nm, az');
    await page.getByLabel(/^Languages/).fill('en, es');
    await page.getByRole('button', { name: 'Save team' }).click();
    await page.locator('staff-admin tr', { hasText: 'team-console' }).getByText('NM, AZ').waitFor({ timeout: TIMEOUT });

    // Editing fills the form with the team's routing: only the change is typed.
    await page.getByRole('button', { name: 'Edit Console team' }).click();
    assert.equal(await page.getByLabel(/^States/).inputValue(), 'NM, AZ');
    assert.equal(await page.getByLabel(/^Team id/).inputValue(), 'team-console');
    await page.getByLabel(/^Languages/).fill('es');
    await page.getByRole('button', { name: 'Save team' }).click();
    const edited = page.locator('staff-admin tr', { hasText: 'team-console' });
    await edited.getByRole('cell', { name: 'es', exact: true }).waitFor({ timeout: TIMEOUT });
    assert.equal(await edited.getByRole('cell', { name: 'NM, AZ', exact: true }).count(), 1, 'the states kept');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('staff-sign-in').getByText('You are signed out.').waitFor({ timeout: TIMEOUT });
    assert.equal(await page.evaluate(async () => (await fetch('/console/api/session')).status), 401);
    assert.deepEqual(unexpected(errors), []);
    await page.context().close();
  });

  it('keyboard only: sign-in → queue → a request, focus on each new page’s heading', async () => {
    await saveTeam(
      server.db,
      { id: 'team-keys', name: 'Keyboard team', states: ['VT'], zipPrefixes: [], languages: ['en'], fallback: false },
      clock.now(),
    );
    await request('VT', 'keys@example.org');
    const m = await member('supervisor', 'team-keys');
    const { page } = await open('/console');
    const focused = () =>
      page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el
          ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${el.textContent.trim().slice(0, 40)}`.trim()
          : '';
      });
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor({ timeout: TIMEOUT });
    assert.match(await focused(), /^h1 Sign in/);
    await page.keyboard.press('Tab');
    assert.match(await focused(), /^input#email/);
    await page.keyboard.type(m.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(m.password);
    await page.keyboard.press('Tab');
    await page.keyboard.type(nextCode(m));
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: /^CB-/ }).first().waitFor({ timeout: TIMEOUT });
    assert.match(await focused(), /^h1 Queue/);
    // Status filter, assigned filter, then the first request's reference.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.match(await focused(), /^a CB-/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Request CB-/ }).waitFor({ timeout: TIMEOUT });
    assert.match(await focused(), /^h1 Request CB-/);
    await page.getByText('keys@example.org').waitFor();
    await page.context().close();
  });
});
