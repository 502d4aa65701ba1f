// The one-file embed as partners use it: guarded registration when loaded twice, Subresource Integrity with the
// hotline fallback when it fails, the embed builder's snippet working on a fresh page, and the SDK from Node.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { integrityOf } from '../../scripts/sri.mjs';
import { completeAllFlows, search, widgetReady } from './flows.js';
import { BUNDLE_PATH, bundleIntegrity, startE2E, type E2E } from './harness.js';

const TAGS = [
  'referral-widget',
  'referral-directory',
  'referral-offender-lookup',
  'referral-alert-signup',
  'referral-quick-exit',
];
const FALLBACK = 'Need help now?';

/** Serves `html` at `path` on the test server's origin (so 'self' and relative URLs mean the test server). */
async function openHtml(e2e: E2E, path: string, html: string): Promise<{ page: Page; errors: string[] }> {
  const context = await e2e.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route(e2e.origin + path, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
  );
  await page.goto(e2e.origin + path);
  return { page, errors };
}

/** partner-basic's own page with `integrity` added to its script tag. */
function partnerBasicWithIntegrity(integrity: string): string {
  const html = readFileSync('examples/partner-basic/index.html', 'utf8');
  const tag = `<script src="${BUNDLE_PATH}" defer></script>`;
  assert.ok(html.includes(tag), 'partner-basic loads the bundle with a plain script tag');
  return html.replace(
    tag,
    `<script src="${BUNDLE_PATH}" integrity="${integrity}" crossorigin="anonymous" defer></script>`,
  );
}

describe('embed bundle', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
    await e2e?.stop();
  });

  it('the build wrote the SRI hash of the bundle next to it', () => {
    assert.equal(bundleIntegrity(), integrityOf(readFileSync(`.${BUNDLE_PATH}`)));
  });

  it('the bundle is minified, carries its source map, and the map holds the sources of every package inlined', () => {
    const code = readFileSync(`.${BUNDLE_PATH}`, 'utf8');
    assert.match(code, /\n\/\/# sourceMappingURL=referral-kit\.js\.map\s*$/);
    assert.ok(!code.includes('/**'), 'minified: no doc comments');
    const map = JSON.parse(readFileSync(`.${BUNDLE_PATH}.map`, 'utf8')) as {
      sources: string[];
      sourcesContent: string[];
    };
    const sources = map.sources.map((source) => resolve(dirname(`.${BUNDLE_PATH}`), source));
    for (const part of [
      '/packages/widgets/src/referral-widget.ts',
      '/packages/sdk/src/client.ts',
      '/node_modules/lit-html/',
      '/node_modules/zod/',
    ]) {
      assert.ok(
        sources.some((source) => source.includes(part)),
        `map has ${part}`,
      );
    }
    assert.equal(map.sourcesContent.length, map.sources.length);
  });

  it('loading the script twice, and a second copy from another URL, registers each element once and still works', async () => {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Twice</title>
      <script>
        window.__defined = [];
        const define = customElements.define.bind(customElements);
        customElements.define = (name, ctor, options) => { window.__defined.push(name); define(name, ctor, options); };
      </script>
      <script src="${BUNDLE_PATH}"></script>
      <script src="${BUNDLE_PATH}"></script>
      <script src="${BUNDLE_PATH}?copy=2" defer></script>
      </head><body><main><h1>Twice</h1>
      <referral-widget api-base-url="${e2e.origin}" partner-id="twice"><p>${FALLBACK}</p></referral-widget>
      </main></body></html>`;
    const { page, errors } = await openHtml(e2e, '/e2e/twice.html', html);
    const widget = await widgetReady(page);
    assert.ok((await search(widget, 'counseling')) > 0);
    const defined = await page.evaluate(() => (window as unknown as { __defined: string[] }).__defined);
    assert.deepEqual([...defined].sort(), [...TAGS].sort(), 'each element defined exactly once');
    assert.deepEqual(errors, []);
  });

  it('with a matching integrity hash the widget starts and replaces the light-DOM fallback', async () => {
    const { page, errors } = await openHtml(
      e2e,
      '/examples/partner-basic/',
      partnerBasicWithIntegrity(bundleIntegrity()),
    );
    await widgetReady(page);
    assert.equal(await page.getByText(FALLBACK).isVisible(), false, 'fallback hidden once the widget runs');
    assert.deepEqual(errors, []);
  });

  it('a tampered bundle is refused by SRI and the hotline fallback stays visible', async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    const html = partnerBasicWithIntegrity(bundleIntegrity());
    await page.route(`${e2e.origin}/examples/partner-basic/`, (route) =>
      route.fulfill({ contentType: 'text/html', body: html }),
    );
    await page.route(e2e.origin + BUNDLE_PATH, async (route) => {
      const response = await route.fetch();
      // One extra statement at the end: the kind of change a compromised CDN would make.
      await route.fulfill({ response, body: `${await response.text()}\n;globalThis.__tampered = true;` });
    });
    await page.goto(`${e2e.origin}/examples/partner-basic/`);
    await page.waitForLoadState('load');
    assert.equal(await page.evaluate(() => customElements.get('referral-widget')), undefined, 'element never defined');
    assert.equal(
      await page.evaluate(() => (globalThis as { __tampered?: boolean }).__tampered),
      undefined,
      'tampered code never ran',
    );
    assert.ok(
      consoleErrors.some((text) => /integrity/i.test(text)),
      `Chromium reports the integrity failure: ${consoleErrors.join(' | ')}`,
    );
    await page.getByText(FALLBACK).waitFor({ state: 'visible' });
    assert.ok(
      await page.getByRole('link', { name: '1-800-799-7233' }).isVisible(),
      'the hotline number is a visible link',
    );
  });

  it('the in-page search variant searches a small directory on the device: search words never reach the API', async () => {
    const file = '/packages/widgets/dist/referral-kit.local-search.js';
    const integrity = readFileSync(`.${file}.sri`, 'utf8').trim();
    assert.equal(integrity, integrityOf(readFileSync(`.${file}`)), 'the build wrote its SRI hash too');
    const context = await e2e.newContext();
    const page = await context.newPage();
    const apiRequests: URL[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/v1/')) apiRequests.push(url);
    });
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>In-page search</title>
      <script src="${file}" integrity="${integrity}" crossorigin="anonymous" defer></script></head>
      <body><main><referral-widget api-base-url="${e2e.origin}" partner-id="local-search"></referral-widget></main></body></html>`;
    await page.route(`${e2e.origin}/examples/in-page-search/`, (route) =>
      route.fulfill({ contentType: 'text/html', body: html }),
    );
    await page.goto(`${e2e.origin}/examples/in-page-search/`);
    const widget = await widgetReady(page);
    assert.ok((await search(widget, 'shleter')) > 0, 'a typo still finds shelters');
    assert.ok(
      apiRequests.some((url) => url.pathname === '/v1/directory/snapshot'),
      'the directory came as one snapshot',
    );
    // A Vietnamese widget fetches the Vietnamese search words with its catalog: typed without marks, they find
    // shelters in the page too.
    const vocabulary = page.waitForResponse((response) =>
      response.url().endsWith('/referral-kit.lang.vi.vocabulary.js'),
    );
    await widget.evaluate((el) => el.setAttribute('lang', 'vi'));
    assert.equal((await vocabulary).status(), 200);
    await widget.getByRole('tab', { name: 'Tìm dịch vụ' }).click();
    await widget.getByRole('combobox', { name: 'Tìm trợ giúp' }).fill('nha tam tru');
    await widget
      .getByText(/^Tìm thấy \d+ dịch vụ\.$/)
      .first()
      .waitFor();
    const typed = apiRequests.filter((url) => url.searchParams.has('q'));
    assert.deepEqual(typed.map(String), [], 'no request carried the search words');
  });

  it('embed builder: settings drive the live preview, and the copied snippet (with SRI) works on a fresh page', async () => {
    const context = await e2e.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${e2e.origin}/examples/embed-builder/`);
    // The preview is a working widget, not a picture of one.
    await completeAllFlows(e2e, page, 'embed-builder@example.org');
    const preview = await widgetReady(page, page.locator('#preview'));

    await page.getByLabel('Partner id').fill('harbor-light');
    await page.getByLabel('Language', { exact: true }).selectOption('es');
    await page.getByLabel('ZIP code you serve').fill('77002');
    await page.getByRole('checkbox', { name: 'legal aid' }).check();
    await page.getByLabel('Primary').fill('#0f5e5a');

    // The preview is the real widget, reconfigured live.
    await preview.getByRole('tab', { name: 'Buscar servicios' }).waitFor();
    assert.equal(await preview.getAttribute('near'), '77002');
    assert.equal(await preview.getAttribute('categories'), 'legal-aid');
    assert.equal(await preview.getAttribute('partner-id'), 'harbor-light');

    const snippet = await page.getByRole('textbox', { name: 'Your snippet' }).inputValue();
    assert.ok(snippet.includes(`integrity="${bundleIntegrity()}" crossorigin="anonymous"`), snippet);
    for (const part of [
      'lang="es"',
      'near="77002"',
      'categories="legal-aid"',
      'partner-id="harbor-light"',
      '--referral-color-primary: #0f5e5a;',
    ]) {
      assert.ok(snippet.includes(part), `snippet has ${part}`);
    }
    await page.getByRole('button', { name: 'Copy snippet' }).click();
    await page.getByText('Copied.').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);

    // Searching in the visitor's browser swaps in the file with the search engine, and its own hash.
    await page.getByRole('radio', { name: /In the visitor's browser/ }).check();
    const onDevice = await page.getByRole('textbox', { name: 'Your snippet' }).inputValue();
    const localFile = '/packages/widgets/dist/referral-kit.local-search.js';
    assert.ok(
      onDevice.includes(
        `src="${e2e.origin}${localFile}" integrity="${readFileSync(`.${localFile}.sri`, 'utf8').trim()}"`,
      ),
      onDevice,
    );
    await page.getByRole('radio', { name: /On your API server/ }).check();
    assert.equal(await page.getByRole('textbox', { name: 'Your snippet' }).inputValue(), snippet);
    // Contact details typed in a frame from the API: the preview and the snippet say so, and the page says why.
    await page.getByRole('radio', { name: 'In a frame from your API server' }).check();
    assert.equal(await preview.getAttribute('capture'), 'isolated');
    assert.ok((await page.getByRole('textbox', { name: 'Your snippet' }).inputValue()).includes('capture="isolated"'));
    const hint = await page
      .getByRole('radio', { name: 'In a frame from your API server' })
      .getAttribute('aria-describedby');
    assert.match((await page.locator(`#${hint}`).textContent()) ?? '', /session recorders/);
    await page.getByRole('radio', { name: 'In the widget, on your page' }).check();
    assert.equal(await page.getByRole('textbox', { name: 'Your snippet' }).inputValue(), snippet);
    assert.deepEqual(errors, []);

    // Pasted into a partner page as-is: SRI passes, the widget starts in Spanish and searches.
    const pasted = await openHtml(
      e2e,
      '/e2e/pasted.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title></head><body><main>${snippet}</main></body></html>`,
    );
    const widget = pasted.page.locator('referral-widget');
    await widget.getByRole('tab', { name: 'Buscar servicios' }).waitFor();
    assert.equal(
      await widget
        .getByRole('tab', { name: 'Buscar servicios' })
        .evaluate((el) => getComputedStyle(el).backgroundColor),
      'rgb(15, 94, 90)',
    );
    assert.deepEqual(pasted.errors, []);
  });

  it('sdk-node example: searches services and looks up custody with the built SDK', async () => {
    // Async: the server under test lives in this process.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['examples/sdk-node/search.mjs', 'shelter', 'Aaliyah Johnson'],
      {
        env: { ...process.env, REFERRAL_API: e2e.origin },
      },
    );
    assert.match(stdout, /^Server search "shelter": [1-9]\d* services$/m);
    assert.match(stdout, /^Local search "shelter" over \d+ services: [1-9]\d* results$/m);
    assert.match(stdout, /^Custody lookup "Aaliyah Johnson": [1-9]\d* records$/m);
    assert.match(stdout, /^ {2}- Aaliyah Johnson: supervised/m);
  });
});
