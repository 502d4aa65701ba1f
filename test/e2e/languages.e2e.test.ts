// Languages other than English are files next to the embed, fetched when a widget needs them: under the strict-CSP
// example (script-src 'self', Trusted Types), with SRI, from the embed's origin only, without leaving a trace; a file
// that does not match its hash leaves the widget in English, never blank.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page, Request, Route } from 'playwright-core';
import { EXAMPLES_API, startE2E, type E2E } from './harness.js';

const STRICT_CSP = '/examples/strict-csp/';
const DIST = '/packages/widgets/dist/';
const TIMEOUT = 15_000;

describe('language files (strict-CSP example, built embed)', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
    await e2e?.stop();
  });

  /** The strict-CSP example with `lang` on its widget; `languageFile` may answer the language file's request. */
  async function openInLanguage(lang: string, languageFile?: (route: Route) => Promise<void>) {
    const context = await e2e.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: Request[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => requests.push(request));
    const url = e2e.origin + STRICT_CSP;
    await page.route(url, async (route) => {
      const html = (await (await route.fetch()).text()).replaceAll(EXAMPLES_API, e2e.origin);
      await route.fulfill({
        contentType: 'text/html',
        body: html.replace('<referral-widget ', `<referral-widget lang="${lang}" `),
      });
    });
    if (languageFile) await page.route(`**${DIST}referral-kit.lang.${lang}.js`, languageFile);
    // Not "load": a held language file (below) holds the load event too.
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    return { page, errors, requests };
  }

  const violations = (page: Page) =>
    page.evaluate(() => (window as unknown as { __cspViolations: unknown[] }).__cspViolations);

  it('lang="es": the Spanish file arrives from the embed\'s origin, without referrer, violations or trace', async () => {
    const { page, errors, requests } = await openInLanguage('es');
    const widget = page.locator('referral-widget');
    await widget.getByRole('tab', { name: 'Buscar servicios' }).waitFor({ timeout: TIMEOUT });
    await widget.getByRole('combobox', { name: 'Buscar ayuda' }).fill('refugio');
    await widget
      .getByText(/servicios?\.$/)
      .first()
      .waitFor({ timeout: TIMEOUT });

    const files = requests.filter((r) => r.url().includes('referral-kit.lang.'));
    assert.deepEqual(
      files.map((r) => r.url()),
      [`${e2e.origin}${DIST}referral-kit.lang.es.js`],
      'one file, and not the callback strings',
    );
    assert.equal(files[0]!.headers()['referer'], undefined);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(errors, []);
    const traces = await page.evaluate(() => ({
      scripts: [...document.scripts].filter((s) => s.src.includes('referral-kit.lang.')).length,
      cookie: document.cookie,
      storage: localStorage.length + sessionStorage.length,
      globals: Object.keys(window).filter((k) => /referral/i.test(k)),
    }));
    assert.deepEqual(traces, { scripts: 0, cookie: '', storage: 0, globals: [] });
  });

  it('lang="ar": the Arabic file arrives and the widget is laid out right to left', async () => {
    const { page, errors } = await openInLanguage('ar');
    const widget = page.locator('referral-widget');
    await widget.getByRole('tab', { name: 'ابحث عن خدمات' }).waitFor({ timeout: TIMEOUT });
    assert.equal(await widget.locator('.root').first().getAttribute('dir'), 'rtl');
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(errors, []);
  });

  it('lang="zh-CN": the Simplified Chinese file serves every Chinese tag', async () => {
    const { page, errors, requests } = await openInLanguage('zh-CN');
    await page.locator('referral-widget').getByRole('tab', { name: '查找服务' }).waitFor({ timeout: TIMEOUT });
    assert.deepEqual(
      requests.filter((r) => r.url().includes('referral-kit.lang.')).map((r) => r.url()),
      [`${e2e.origin}${DIST}referral-kit.lang.zh-Hans.js`],
    );
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(errors, []);
  });

  it('shows no English while the file is on its way', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { page } = await openInLanguage('es', async (route) => {
      await held;
      await route.continue();
    });
    const widget = page.locator('referral-widget');
    await page.waitForFunction(() => customElements.get('referral-widget') !== undefined);
    await page.waitForTimeout(300);
    const shown = await widget.evaluate((el) => el.shadowRoot?.textContent ?? '');
    assert.doesNotMatch(shown, /Find services|Exit this page/);
    release();
    await widget.getByRole('tab', { name: 'Buscar servicios' }).waitFor({ timeout: TIMEOUT });
  });

  it('a file that does not match its SRI hash is refused, and the widget works in English', async () => {
    const { page } = await openInLanguage('es', async (route) => {
      const original = await (await route.fetch()).text();
      await route.fulfill({
        contentType: 'text/javascript',
        body: original.replace('Buscar servicios', 'Buscar servicioz'),
      });
    });
    const widget = page.locator('referral-widget');
    await widget.getByRole('tab', { name: 'Find services' }).waitFor({ timeout: TIMEOUT });
    assert.equal(await widget.getByText('Buscar servicioz').count(), 0);
    assert.deepEqual(await violations(page), []);
  });
});
