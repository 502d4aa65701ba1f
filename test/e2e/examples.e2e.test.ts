// Every example page, served by the reference server with the built bundle, lets a visitor search services, look
// a person up and sign up for alerts; plus what each page exists to prove (strict CSP, hostile CSS, React events).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe.js';
import { completeAllFlows, search, widgetReady } from './flows.js';
import { BUNDLE_PATH, EXAMPLES_API, startE2E, type E2E } from './harness.js';

/** The deepest element at a point, looking through open shadow roots. */
function topmostAt(page: Page, x: number, y: number) {
  return page.evaluate(
    ([px, py]) => {
      let el = document.elementFromPoint(px!, py!);
      while (el?.shadowRoot) {
        const inner = el.shadowRoot.elementFromPoint(px!, py!);
        if (!inner || inner === el) break;
        el = inner;
      }
      return el ? { tag: el.tagName.toLowerCase(), part: el.getAttribute('part'), text: el.textContent.trim() } : null;
    },
    [x, y],
  );
}

describe('examples (reference server + built bundle)', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
    await e2e?.stop();
  });

  it('examples/index.html links every example', async () => {
    const { page, errors } = await e2e.open('/examples/');
    const links = await page.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const name of [
      'partner-basic/',
      'partner-themed/',
      'hostile-css/',
      'strict-csp/',
      'react/',
      'embed-builder/',
      'sdk-node/search.mjs',
    ]) {
      assert.ok(links.includes(name), `links to ${name}`);
    }
    assert.deepEqual(errors, []);
  });

  for (const path of ['', 'partner-basic/', 'partner-themed/', 'strict-csp/', 'react/', 'embed-builder/']) {
    it(`/examples/${path}: axe finds no WCAG 2.2 AA violations on the whole page`, async () => {
      const { page } = await e2e.open(`/examples/${path}`, { bypassCSP: true });
      if (path) await widgetReady(page);
      assert.deepEqual(await axeViolations(page), []);
    });
  }

  for (const example of ['partner-basic', 'partner-themed']) {
    it(`${example}: search, lookup and signup complete without errors`, async () => {
      const { page, errors } = await e2e.open(`/examples/${example}/`);
      await completeAllFlows(e2e, page, `${example}@example.org`);
      assert.deepEqual(errors, []);
    });
  }

  it("partner-basic: a whole visit leaves no trace and talks only to the page's files and the configured API", async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const url = `${e2e.origin}/examples/partner-basic/`;
    await page.goto(url);
    const before = await page.evaluate(() => ({ title: document.title, history: history.length }));
    await completeAllFlows(e2e, page, 'no-trace@example.org');

    const after = await page.evaluate(async () => ({
      url: location.href,
      title: document.title,
      history: history.length,
      cookie: document.cookie,
      local: localStorage.length,
      session: sessionStorage.length,
      databases: (await indexedDB.databases()).length,
      caches: (await caches.keys()).length,
      serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
    }));
    assert.deepEqual(after, {
      url,
      ...before,
      cookie: '',
      local: 0,
      session: 0,
      databases: 0,
      caches: 0,
      serviceWorkers: 0,
    });
    assert.deepEqual((await context.cookies()).length, 0, 'no cookies set by any response');
    const elsewhere = requests.filter(
      (r) => !r.startsWith(`${e2e.origin}/v1/`) && !r.startsWith(url) && r !== e2e.origin + BUNDLE_PATH,
    );
    assert.deepEqual(elsewhere, []);
    assert.ok(
      requests.some((r) => r.startsWith(`${e2e.origin}/v1/custody`)),
      'the lookup went to the configured API',
    );
  });

  it('partner-themed: the brand colours reach inside the widget', async () => {
    const { page } = await e2e.open('/examples/partner-themed/');
    const widget = await widgetReady(page);
    const selectedTab = widget.getByRole('tab', { name: 'Find services' });
    assert.equal(await selectedTab.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(15, 94, 90)');
  });

  it('strict-csp: everything works with zero securitypolicyviolation events, and violations would be seen', async () => {
    const { page, errors } = await e2e.open('/examples/strict-csp/');
    await completeAllFlows(e2e, page, 'strict-csp@example.org');
    assert.deepEqual(
      await page.evaluate(() => (window as unknown as { __cspViolations: unknown[] }).__cspViolations),
      [],
    );
    assert.deepEqual(errors, []);
    // The listener and the policy are live: a script from elsewhere is refused (Trusted Types, then script-src) and counted.
    await page.evaluate(() => {
      const script = document.createElement('script');
      try {
        script.src = 'data:text/javascript,window.injected=1';
      } catch {
        // Trusted Types refuses the plain string: that refusal is the violation we expect.
      }
      document.body.append(script);
    });
    await page.waitForFunction(() => (window as unknown as { __cspViolations: unknown[] }).__cspViolations.length > 0);
  });

  it('strict-csp: lit-html is the Trusted Types policy the English widget needs (any other name is a violation)', async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    const url = `${e2e.origin}/examples/strict-csp/`;
    await page.route(url, async (route) => {
      const html = (await (await route.fetch()).text()).replaceAll(EXAMPLES_API, e2e.origin);
      assert.ok(
        html.includes('trusted-types lit-html referral-kit"'),
        "the example names exactly the widget's two policies",
      );
      await route.fulfill({
        contentType: 'text/html',
        body: html.replace('trusted-types lit-html referral-kit"', 'trusted-types partner-policy"'),
      });
    });
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __cspViolations: unknown[] }).__cspViolations.length > 0);
    const directives = await page.evaluate(() =>
      (window as unknown as { __cspViolations: { directive: string }[] }).__cspViolations.map((v) => v.directive),
    );
    assert.ok(directives.includes('trusted-types'), `violations: ${directives.join(', ')}`);
  });

  it('hostile-css: the widget stays usable, the quick exit stays on top, and axe finds nothing in the widget', async () => {
    // bypassCSP only so axe can be injected; the page itself is unchanged.
    const { page, errors } = await e2e.open('/examples/hostile-css/', { bypassCSP: true });
    await completeAllFlows(e2e, page, 'hostile-css@example.org');
    assert.deepEqual(errors, []);

    const widget = page.locator('referral-widget');
    await widget.getByRole('tab', { name: 'Find services' }).click();
    assert.ok((await search(widget, 'legal')) > 0);
    const exit = widget.getByRole('button', { name: 'Exit this page' });
    const widgetTop = await widget.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    // At the widget's top, then scrolled into it: the sticky button then sits under the fixed announcement bar's spot.
    for (const scrollY of [widgetTop - 100, widgetTop + 250]) {
      await page.evaluate((y) => window.scrollTo(0, y), scrollY);
      const box = (await exit.boundingBox())!;
      assert.ok(box.width > 0 && box.height > 0, 'quick exit visible');
      const top = await topmostAt(page, box.x + box.width / 2, box.y + box.height / 2);
      assert.equal(top?.part, 'button', `quick exit is topmost at scroll ${scrollY} (found ${JSON.stringify(top)})`);
    }
    // The page's `button { all: unset; font-size: 40px !important }` does not reach the widget's buttons.
    assert.notEqual(await exit.evaluate((el) => getComputedStyle(el).fontSize), '40px');

    assert.deepEqual(await axeViolations(page, ['referral-widget']), []);
  });

  it('react: the wrapper renders the widget, flows complete, and the app receives typed events', async () => {
    const { page, errors } = await e2e.open('/examples/react/');
    await completeAllFlows(e2e, page, 'react@example.org');
    const log = page.locator('#event-log');
    await log
      .getByText(/^search: \d+ results \((local|server)\)$/)
      .first()
      .waitFor();
    await log
      .getByText(/^lookup by name: \d+ records$/)
      .first()
      .waitFor();
    await log.getByText('alerts: confirmed (email)').waitFor();
    // Props flow into the element: switching the app's language re-renders the widget in Spanish.
    await page.locator('#root > main > label > select').selectOption('es');
    await page
      .locator('referral-widget')
      .getByRole('tab', { name: /Buscar servicios/i })
      .waitFor();
    assert.deepEqual(errors, []);
  });
});
