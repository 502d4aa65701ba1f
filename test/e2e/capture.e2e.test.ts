// capture="isolated": the alert signup's contact field, and the callback request's contact, name and note, live in a
// frame from the API's origin. A partner page on another origin (a second local server, listed in CORS_ORIGINS) runs
// a hostile "session recorder"; it must catch nothing of them in isolated mode, and catch them in the default mode
// (so the test can fail).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContextOptions, Frame, Locator, Page } from 'playwright-core';
import { axeViolations } from './axe.js';
import { lookup, widgetReady } from './flows.js';
import { BUNDLE_PATH, startE2E, type E2E } from './harness.js';

const TIMEOUT = 15_000;
/** Channel ids of frames the tests place themselves (the widget draws its own from crypto.getRandomValues). */
const FRAMES_CHANNEL = '1234.5678.9012.3456';
const OTHER_CHANNEL = '7.7.7.7';

/**
 * What a session-replay tag, a compromised plug-in or a spying extension does: listens to every key and input
 * event and every mutation in the document and in every shadow root it can reach (it patches attachShadow, so closed
 * roots too), snapshots every field's value, reads same-origin frames, and hears every postMessage to the page.
 */
const RECORDER = `(() => {
  const log = (window.__recorded = []);
  const seen = new WeakSet();
  const record = (event) => {
    const target = event.composedPath()[0];
    log.push([event.type, event.key ?? '', event.data ?? '', target && typeof target.value === 'string' ? target.value : ''].join(' '));
  };
  const watch = (root) => {
    if (!root || seen.has(root)) return;
    seen.add(root);
    for (const type of ['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'change', 'paste']) root.addEventListener(type, record, true);
    new MutationObserver((mutations) => {
      for (const m of mutations) log.push(['mutation', m.type, m.attributeName ?? '', m.target.textContent ?? '', m.target.getAttribute?.(m.attributeName) ?? ''].join(' '));
    }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  };
  const reach = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (typeof el.value === 'string' && el.value) log.push('value ' + el.value);
      if (el.shadowRoot) { watch(el.shadowRoot); reach(el.shadowRoot); }
      if (el.tagName === 'IFRAME') {
        try { if (el.contentDocument) { watch(el.contentDocument); reach(el.contentDocument); } } catch {}
      }
    }
  };
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    watch(root);
    return root;
  };
  watch(document);
  addEventListener('message', (event) => log.push('message ' + event.origin + ' ' + JSON.stringify(event.data)));
  setInterval(() => reach(document), 25);
})();`;

const CSP_REPORT = readFileSync('examples/strict-csp/csp-report.js', 'utf8');

interface Partner {
  /** The configured partner origin (http://127.0.0.1:port). */
  origin: string;
  /** The same server under a name the API does not know (http://localhost:port). */
  stranger: string;
  server: Server;
}

/** Serves partner pages; `api` is filled in once the API runs (it needs this origin in CORS_ORIGINS first). */
async function startPartner(api: () => string): Promise<Partner> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://partner.invalid');
    const strict = url.searchParams.get('csp') === 'strict';
    const capture = url.searchParams.get('capture');
    // `bundle=callbacks`: the embed with callback requests (referral-kit.callbacks.js).
    const bundle =
      url.searchParams.get('bundle') === 'callbacks' ? BUNDLE_PATH.replace(/\.js$/, '.callbacks.js') : BUNDLE_PATH;
    const send = (type: string, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      res.end(body);
    };
    if (url.pathname === '/recorder.js') {
      send('text/javascript', RECORDER);
      return;
    }
    if (url.pathname === '/csp-report.js') {
      send('text/javascript', CSP_REPORT);
      return;
    }
    if (url.pathname === '/start') {
      send('text/html', '<!doctype html><html lang="en"><title>Start</title><main><h1>Start</h1></main></html>');
      return;
    }
    if (url.pathname === '/frames') {
      // The frame on its own in the light DOM (reachable as window.frames[0]), next to a frame from a stranger origin.
      const frame = `${api()}/embed/capture?${new URLSearchParams({
        parent: url.searchParams.get('parent') ?? '',
        lang: 'en',
        dir: 'ltr',
        type: 'email',
        label: 'Email address',
        hint: '',
        error: 'Enter an email address.',
        channel: FRAMES_CHANNEL,
      })}`;
      const stranger = url.searchParams.get('stranger');
      send(
        'text/html',
        `<!doctype html><html lang="en"><title>Frames</title><main><iframe title="capture" src="${frame}"></iframe>${stranger ? `<iframe title="stranger" src="${stranger}/start"></iframe>` : ''}</main></html>`,
      );
      return;
    }
    if (url.pathname === '/partner') {
      const headers: Record<string, string> = strict
        ? {
            'content-security-policy': [
              "default-src 'self'",
              `script-src 'self' ${api()}`,
              "style-src 'self'",
              `connect-src ${api()}`,
              `frame-src ${api()}`,
              "img-src 'self' data:",
              "object-src 'none'",
              "base-uri 'none'",
              "require-trusted-types-for 'script'",
              'trusted-types lit-html',
            ].join('; '),
          }
        : {};
      send(
        'text/html',
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title>
<script src="/csp-report.js"></script><script src="/recorder.js"></script>
<script src="${api()}${bundle}" defer></script></head>
<body><main><h1>Partner</h1>
<referral-widget api-base-url="${api()}" partner-id="capture-e2e"${capture ? ` capture="${capture}"` : ''}></referral-widget>
</main></body></html>`,
        headers,
      );
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, stranger: `http://localhost:${port}`, server };
}

const captureFrame = (page: Page): Frame => {
  const frame = page.frames().find((f) => f.url().includes('/embed/capture'));
  assert.ok(frame, 'the capture frame is in the page');
  return frame;
};

/** Opens the partner page and goes to the alert signup for a person in custody. */
async function openSignup(
  e2e: E2E,
  url: string,
): Promise<{ page: Page; widget: Locator; errors: string[]; requests: string[] }> {
  const context = await e2e.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url);
  const widget = await widgetReady(page);
  assert.ok((await lookup(widget, 'Aaliyah Johnson')) > 0);
  await widget.getByRole('button', { name: 'Get alerts about this person' }).first().click();
  return { page, widget, errors, requests };
}

/** Opens the partner page with the callbacks embed on the "Talk to a specialist" tab. */
async function openCallback(
  e2e: E2E,
  url: string,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; widget: Locator; errors: string[]; requests: string[] }> {
  const context = await e2e.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url);
  const widget = await widgetReady(page);
  await widget.getByRole('tab', { name: 'Talk to a specialist' }).click();
  await widget.getByRole('radio', { name: 'I am worried about my safety' }).check();
  await widget.getByRole('radio', { name: 'Email' }).check();
  await widget.getByRole('checkbox', { name: /^Evening/ }).check();
  return { page, widget, errors, requests };
}

/** The callback's message to `to` in the demo outbox (it carries the reference). */
async function callbackMessage(e2e: E2E, to: string): Promise<string> {
  for (let tries = 0; tries < 100; tries++) {
    const body = (await (await fetch(`${e2e.origin}/v1/alerts/demo/outbox`)).json()) as {
      messages: { to: string; kind: string; text: string }[];
    };
    const message = body.messages.find((m) => m.to === to && m.kind === 'callback-reference');
    if (message) return message.text;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No callback message to ${to} in the demo outbox`);
}

const callbackFrame = (page: Page) => page.frameLocator('referral-callback-request iframe');
const contactField = (page: Page) => page.frameLocator('referral-alert-signup iframe').getByLabel('Email address');
const recorded = (page: Page) => page.evaluate(() => (window as unknown as { __recorded: string[] }).__recorded);
const forgetRecorded = (page: Page) =>
  page.evaluate(() => void ((window as unknown as { __recorded: string[] }).__recorded.length = 0));
const keyEvents = (log: string[]) =>
  log.filter((line) => /^(keydown|keypress|keyup|beforeinput|input|paste) /.test(line));

describe('isolated capture (contact details in a frame from the API origin)', () => {
  let e2e: E2E;
  let partner: Partner;
  before(async () => {
    partner = await startPartner(() => e2e.origin);
    e2e = await startE2E({ CORS_ORIGINS: partner.origin });
  });
  after(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
    await e2e?.stop();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
    await new Promise((resolve) => partner?.server.close(resolve));
  });

  it('the session recorder catches the contact in the default mode (so this test can fail)', async () => {
    const { page, widget } = await openSignup(e2e, `${partner.origin}/partner`);
    await forgetRecorded(page);
    await widget.getByLabel('Email address').pressSequentially('qjx7v.default@example.org');
    await page.waitForTimeout(100);
    const log = await recorded(page);
    assert.ok(
      keyEvents(log).some((line) => line.startsWith('keydown q ')),
      'the recorder saw the keys',
    );
    assert.ok(
      log.some((line) => line.includes('qjx7v.default@example.org')),
      'the recorder read the value',
    );
    await page.context().close();
  });

  it('isolated: the whole signup works, and the recorder catches no character of the contact', async () => {
    const contact = 'qjx7v.isolated@example.org';
    const { page, widget, errors, requests } = await openSignup(e2e, `${partner.origin}/partner?capture=isolated`);
    await contactField(page).waitFor({ timeout: TIMEOUT });
    await forgetRecorded(page);
    await contactField(page).pressSequentially(contact);
    await page.waitForTimeout(100);
    assert.deepEqual(keyEvents(await recorded(page)), [], 'no key or input event reached the page');
    await widget.getByRole('button', { name: 'Send me a code' }).click();
    await widget.getByLabel('6-digit code').waitFor({ timeout: TIMEOUT });
    assert.equal(page.frames().length, 1, 'the frame is gone once its job is done');
    await widget.getByLabel('6-digit code').fill(await e2e.confirmationCode(contact));
    await widget.getByRole('button', { name: 'Confirm' }).click();
    await widget.getByText('You are signed up').waitFor({ timeout: TIMEOUT });

    const log = await recorded(page);
    assert.ok(log.length > 0, 'the recorder was running');
    for (const line of log) assert.ok(!line.includes('qjx7v'), `the recorder caught: ${line}`);
    assert.deepEqual(errors, []);
    // The subscription left from the frame: the page itself never posted one.
    const subscribeFromPage = requests.filter((r) => r.endsWith('/v1/alerts/subscriptions'));
    assert.equal(subscribeFromPage.length, 1, 'one subscription request');
    const frameRequest = requests.find((r) => r.includes('/embed/capture?'));
    assert.ok(frameRequest, 'the frame was loaded from the API');
    const frameUrl = new URL(frameRequest);
    assert.equal(frameUrl.origin, e2e.origin);
    assert.equal(frameUrl.searchParams.get('parent'), partner.origin);
    assert.match(frameUrl.searchParams.get('channel')!, /^\d+\.\d+\.\d+\.\d+$/);
    await page.context().close();
  });

  it('isolated: a wrong contact is flagged inside the frame, announced, focused, and never sent', async () => {
    const { page, widget, requests } = await openSignup(e2e, `${partner.origin}/partner?capture=isolated`);
    await contactField(page).fill('not-an-address');
    await widget.getByRole('button', { name: 'Send me a code' }).click();
    const field = contactField(page);
    await page
      .frameLocator('referral-alert-signup iframe')
      .getByText('Enter an email address, such as name@example.com.')
      .waitFor({ timeout: TIMEOUT });
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.equal(await field.getAttribute('aria-describedby'), 'contact-error');
    assert.ok(
      await field.evaluate((el) => document.activeElement === el && document.hasFocus()),
      'focus is on the field in the frame',
    );
    assert.ok(!requests.some((r) => r.endsWith('/v1/alerts/subscriptions')), 'nothing was sent');
    // Another channel: phone label, hint and no stale error.
    await widget.getByRole('radio', { name: 'Text message' }).check();
    const phone = page.frameLocator('referral-alert-signup iframe').getByLabel('U.S. phone number');
    await phone.waitFor({ timeout: TIMEOUT });
    assert.equal(await phone.getAttribute('type'), 'tel');
    assert.equal(await phone.getAttribute('aria-invalid'), 'false');
    assert.equal(await phone.getAttribute('aria-describedby'), 'contact-hint');
    await page.context().close();
  });

  it('isolated: one focus order runs through the page and the frame, both ways', async () => {
    const { page, widget } = await openSignup(e2e, `${partner.origin}/partner?capture=isolated`);
    await contactField(page).waitFor({ timeout: TIMEOUT });
    const inFrame = () => contactField(page).evaluate((el) => document.activeElement === el && document.hasFocus());
    const language = widget.getByLabel('Language of the alerts');
    const languageFocused = () => language.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el);
    await widget.getByRole('radio', { name: 'Email' }).focus();
    await page.keyboard.press('Tab');
    assert.ok(await inFrame(), 'Tab from the channel goes into the frame field');
    await page.keyboard.press('Tab');
    assert.ok(await languageFocused(), 'Tab from the frame field goes on to the language');
    await page.keyboard.press('Shift+Tab');
    assert.ok(await inFrame(), 'Shift+Tab comes back into the frame');
    await page.context().close();
  });

  it('isolated: the frame takes the partner theme (validated tokens), the language and the direction', async () => {
    const { page } = await openSignup(e2e, `${partner.origin}/partner?capture=isolated`);
    await contactField(page).waitFor({ timeout: TIMEOUT });
    await page.evaluate(() => {
      const widget = document.querySelector('referral-widget')!;
      widget.style.setProperty('--referral-color-border', 'rgb(15, 94, 90)');
      widget.style.setProperty('--referral-color-text', 'url(https://evil.example/x)');
      widget.setAttribute('lang', 'ar'); // a new frame: new language, new theme, new channel
    });
    await page.waitForFunction(() =>
      document
        .querySelector('referral-widget')!
        .shadowRoot!.querySelector('referral-alert-signup')!
        .shadowRoot!.querySelector('iframe')
        ?.src.includes('lang=ar'),
    );
    await page.frameLocator('referral-alert-signup iframe').locator('label:not(:empty)').waitFor({ timeout: TIMEOUT });
    const look = await captureFrame(page).evaluate(() => ({
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
      border: getComputedStyle(document.getElementById('contact')!).borderTopColor,
      text: document.documentElement.style.getPropertyValue('--referral-color-text'),
    }));
    assert.deepEqual(look, { lang: 'ar', dir: 'rtl', border: 'rgb(15, 94, 90)', text: '' });
    await page.context().close();
  });

  it('messages from another channel id or another window are ignored, on both sides', async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    await page.goto(
      `${partner.origin}/frames?parent=${encodeURIComponent(partner.origin)}&stranger=${encodeURIComponent(partner.stranger)}`,
    );
    const frame = page.frameLocator('iframe[title=capture]');
    await frame.locator('#contact').waitFor({ timeout: TIMEOUT });
    await page.evaluate(() => {
      const got: unknown[] = ((window as unknown as { __got: unknown[] }).__got = []);
      addEventListener('message', (event) => got.push(event.data));
    });
    const got = () =>
      page.evaluate(() => (window as unknown as { __got: { kind: string }[] }).__got.map((m) => m.kind));
    const subscribe = (channel: string) => ({
      kind: 'subscribe',
      channel,
      request: { subjectId: 'x', channel: 'email', language: 'en', events: ['release'] },
    });
    // The empty field makes a subscribe fail at once, visibly and with an answer: that is what must not happen.
    await page.evaluate((m) => window.frames[0]!.postMessage(m, '*'), subscribe('9.9.9.9'));
    const stranger = page.frames().find((f) => f.url().startsWith(partner.stranger))!;
    await stranger.evaluate((m) => window.parent.frames[0]!.postMessage(m, '*'), subscribe(FRAMES_CHANNEL));
    await page.waitForTimeout(300);
    assert.equal(await frame.locator('#contact-error').count(), 0, 'neither message reached the field');
    assert.deepEqual(
      (await got()).filter((kind) => kind !== 'size'),
      [],
    );
    // The control: the same message from the page, on the frame's channel, is answered.
    await page.evaluate((m) => window.frames[0]!.postMessage(m, '*'), subscribe(FRAMES_CHANNEL));
    await frame.locator('#contact-error').waitFor({ timeout: TIMEOUT });
    await page.waitForFunction(() =>
      (window as unknown as { __got: { kind: string }[] }).__got.some((m) => m.kind === 'failed'),
    );
    await context.close();

    // The page's side: an "accepted" on the widget's channel from any window but its frame changes nothing.
    const { page: partnerPage, widget } = await openSignup(e2e, `${partner.origin}/partner?capture=isolated`);
    await contactField(partnerPage).waitFor({ timeout: TIMEOUT });
    const channel = new URL(
      (await partnerPage.locator('referral-alert-signup iframe').getAttribute('src'))!,
    ).searchParams.get('channel');
    const forged = { kind: 'accepted', channel, confirmationId: 'forged', expiresInSeconds: 600 };
    await partnerPage.evaluate((m) => window.postMessage(m, '*'), forged);
    // A second frame from the API's own origin, not the widget's, posting on the widget's channel.
    await partnerPage.evaluate(
      (src) => document.body.append(Object.assign(document.createElement('iframe'), { src, title: 'other' })),
      `${e2e.origin}/embed/capture?parent=${encodeURIComponent(partner.origin)}&channel=${OTHER_CHANNEL}`,
    );
    await partnerPage.frameLocator('iframe[title=other]').locator('#contact').waitFor({ timeout: TIMEOUT });
    const other = partnerPage.frames().find((f) => f.url().includes(`channel=${OTHER_CHANNEL}`))!;
    await other.evaluate((m) => window.parent.postMessage(m, '*'), forged);
    await partnerPage.waitForTimeout(300);
    assert.equal(await widget.getByLabel('6-digit code').count(), 0, 'still on the form');
    await partnerPage.context().close();
  });

  it('the frame refuses to render inside an origin that is not configured, or for a parent it does not have', async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => blocked.push(message.text()));
    await page.goto(`${partner.stranger}/frames?parent=${encodeURIComponent(partner.stranger)}`);
    await page.waitForTimeout(500);
    const strangerFrame = page.frames()[1]!;
    assert.equal(
      await strangerFrame
        .locator('#contact')
        .count()
        .catch(() => 0),
      0,
      'no field inside a stranger origin',
    );
    assert.ok(
      blocked.some((text) => /frame-ancestors/.test(text)),
      `the browser refused it: ${blocked.join(' | ')}`,
    );

    // Framed by a configured origin, but the URL names another parent: the frame renders nothing.
    await page.goto(`${partner.origin}/frames?parent=${encodeURIComponent(partner.stranger)}`);
    const liar = page.frames()[1]!;
    await liar.waitForLoadState('load');
    await page.waitForTimeout(200);
    assert.equal(await liar.locator('body *').count(), 0);
    // The control: the right parent gets the field.
    await page.goto(`${partner.origin}/frames?parent=${encodeURIComponent(partner.origin)}`);
    await page.frameLocator('iframe').locator('#contact').waitFor({ timeout: TIMEOUT });
    await context.close();
  });

  it('isolated: quick exit removes the frame before leaving, and Back restores nothing', async () => {
    const context = await e2e.newContext();
    await context.route('https://www.google.com/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Neutral</title><p>Neutral</p>' }),
    );
    const page = await context.newPage();
    const said: string[] = [];
    page.on('console', (message) => said.push(message.text()));
    await page.goto(`${partner.origin}/start`);
    await page.goto(`${partner.origin}/partner?capture=isolated`);
    const widget = await widgetReady(page);
    assert.ok((await lookup(widget, 'Aaliyah Johnson')) > 0);
    await widget.getByRole('button', { name: 'Get alerts about this person' }).first().click();
    await contactField(page).fill('qjx7v.exit@example.org');
    // A listener added after the widget's runs after them, before quick exit navigates: what is left then.
    // (A string: functions with inner named helpers do not survive the test's TypeScript transform into the page.)
    await page.evaluate(`{
      const frames = () => {
        const roots = [document];
        for (const root of roots) for (const el of root.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
        return roots.reduce((n, root) => n + root.querySelectorAll('iframe').length, 0);
      };
      addEventListener('referral-exit', () => console.log('frames after exit: ' + frames()));
      console.log('frames before exit: ' + frames());
    }`);
    await widget.getByRole('button', { name: 'Exit this page' }).click();
    await page.waitForURL('https://www.google.com/**');
    assert.deepEqual(
      said.filter((text) => text.startsWith('frames ')),
      ['frames before exit: 1', 'frames after exit: 0'],
    );
    await page.goBack();
    assert.equal(page.url(), `${partner.origin}/start`, 'the partner page left no history entry');
    for (const frame of page.frames())
      assert.equal(await frame.evaluate(() => document.documentElement.outerHTML.includes('qjx7v')), false);
    await context.close();
  });

  it('isolated: no trace (storage, cookies, history, title) in the page or the frame', async () => {
    const { page, widget } = await openSignup(e2e, `${partner.origin}/partner?capture=isolated`);
    const before = await page.evaluate(() => ({ title: document.title, history: history.length, url: location.href }));
    await contactField(page).fill('qjx7v.trace@example.org');
    const traces = () => ({
      cookie: document.cookie,
      local: localStorage.length,
      session: sessionStorage.length,
    });
    assert.deepEqual(await captureFrame(page).evaluate(traces), { cookie: '', local: 0, session: 0 });
    await widget.getByRole('button', { name: 'Send me a code' }).click();
    await widget.getByLabel('6-digit code').waitFor({ timeout: TIMEOUT });
    assert.deepEqual(
      await page.evaluate(() => ({ title: document.title, history: history.length, url: location.href })),
      before,
    );
    assert.deepEqual(await page.evaluate(traces), { cookie: '', local: 0, session: 0 });
    assert.equal((await page.context().cookies()).length, 0);
    await page.context().close();
  });

  it('isolated under a strict CSP with Trusted Types: the signup works with zero violations, page and frame', async () => {
    const contact = 'strict.isolated@example.org';
    const { page, widget, errors } = await openSignup(e2e, `${partner.origin}/partner?capture=isolated&csp=strict`);
    await contactField(page).fill(contact);
    await widget.getByRole('button', { name: 'Send me a code' }).click();
    await widget.getByLabel('6-digit code').fill(await e2e.confirmationCode(contact));
    await widget.getByRole('button', { name: 'Confirm' }).click();
    await widget.getByText('You are signed up').waitFor({ timeout: TIMEOUT });
    assert.deepEqual(
      await page.evaluate(() => (window as unknown as { __cspViolations: unknown[] }).__cspViolations),
      [],
    );
    assert.deepEqual(errors, [], 'no violation or error in the frame either (its console reaches the page)');
  });

  it('isolated: axe finds no WCAG 2.2 AA violations in the page or inside the frame', async () => {
    const context = await e2e.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${partner.origin}/partner?capture=isolated`);
    const widget = await widgetReady(page);
    assert.ok((await lookup(widget, 'Aaliyah Johnson')) > 0);
    await widget.getByRole('button', { name: 'Get alerts about this person' }).first().click();
    await contactField(page).fill('wrong');
    await widget.getByRole('button', { name: 'Send me a code' }).click();
    await page.frameLocator('referral-alert-signup iframe').locator('#contact-error').waitFor({ timeout: TIMEOUT });
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(await axeViolations(captureFrame(page)), []);
    await context.close();
  });

  it('callback request, default mode: the recorder catches the contact, the name and the note (so this test can fail)', async () => {
    const { page, widget } = await openCallback(e2e, `${partner.origin}/partner?bundle=callbacks`);
    await forgetRecorded(page);
    await widget.getByLabel('Email address').pressSequentially('qjx7v.cb@example.org');
    await widget.getByLabel(/^What should we call you/).fill('qjx7vname');
    await widget.getByLabel(/^Anything we should know first/).fill('qjx7vnote');
    await page.waitForTimeout(100);
    const log = await recorded(page);
    for (const typed of ['qjx7v.cb@example.org', 'qjx7vname', 'qjx7vnote'])
      assert.ok(
        log.some((line) => line.includes(typed)),
        `the recorder read ${typed}`,
      );
    await page.context().close();
  });

  it('callback request, isolated: it is received and can be cancelled, and the recorder catches nothing typed', async () => {
    const contact = 'qjx7v.cbiso@example.org';
    const { page, widget, errors, requests } = await openCallback(
      e2e,
      `${partner.origin}/partner?capture=isolated&bundle=callbacks`,
    );
    const frame = callbackFrame(page);
    await frame.getByLabel('Email address').waitFor({ timeout: TIMEOUT });
    await forgetRecorded(page);
    await frame.getByLabel(/^What should we call you/).pressSequentially('qjx7vname');
    await frame.getByLabel(/^Anything we should know first/).pressSequentially('qjx7vnote');
    // A wrong contact first: flagged in the frame, focused there, never sent.
    await frame.getByLabel('Email address').pressSequentially('qjx7v-not-an-address');
    await widget.getByRole('button', { name: 'Ask for a callback' }).click();
    await frame.getByText('Enter an email address, such as name@example.com.').waitFor({ timeout: TIMEOUT });
    assert.ok(
      await frame.getByLabel('Email address').evaluate((el) => document.activeElement === el && document.hasFocus()),
      'focus is on the field in the frame',
    );
    assert.ok(!requests.some((r) => r.endsWith('/v1/callbacks')), 'nothing was sent');
    await frame.getByLabel('Email address').fill('');
    await frame.getByLabel('Email address').pressSequentially(contact);
    await page.waitForTimeout(100);
    assert.deepEqual(keyEvents(await recorded(page)), [], 'no key or input event reached the page');
    await widget.getByRole('button', { name: 'Ask for a callback' }).click();
    await widget.getByRole('heading', { name: 'Your request was received' }).waitFor({ timeout: TIMEOUT });
    assert.equal(page.frames().length, 1, 'the frame is gone once its job is done');
    const reference = (await widget.locator('.reference').textContent())!.trim();
    assert.match(reference, /^CB-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    assert.ok(
      (await callbackMessage(e2e, contact)).includes(reference),
      'the frame sent the contact: the reference went to it',
    );
    await widget.getByRole('button', { name: 'Cancel this request' }).click();
    await widget.getByRole('heading', { name: 'Your request is cancelled' }).waitFor({ timeout: TIMEOUT });

    const log = await recorded(page);
    assert.ok(log.length > 0, 'the recorder was running');
    for (const line of log) assert.ok(!line.includes('qjx7v'), `the recorder caught: ${line}`);
    assert.deepEqual(errors, []);
    assert.equal(requests.filter((r) => r.endsWith('/v1/callbacks')).length, 1, 'one request, from the frame');
    await page.context().close();
  });

  it('callback request, isolated: axe finds no WCAG 2.2 AA violations in the page or inside the frame', async () => {
    const { page, widget } = await openCallback(e2e, `${partner.origin}/partner?capture=isolated&bundle=callbacks`, {
      bypassCSP: true,
    });
    await callbackFrame(page).getByLabel('Email address').fill('wrong');
    await widget.getByRole('button', { name: 'Ask for a callback' }).click();
    await callbackFrame(page).locator('#contact-error').waitFor({ timeout: TIMEOUT });
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(await axeViolations(captureFrame(page)), []);
    await page.context().close();
  });
});
