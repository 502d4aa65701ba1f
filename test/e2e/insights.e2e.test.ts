// The insights dashboard in real Chromium against the real server: a month (October 2026) of visitors' activity
// through the public API on the server's clock (directory searches, custody lookups, alert signups and
// confirmations, callback requests), then a supervisor and a partner account sign in to the console and read the
// charts' tables and the CSV downloads. What they must show is worked out here from what the test itself sent and
// what the API answered: every true count under 10 reads "< 10", every number shown is the true count, and no
// row or column of a table has exactly one hidden cell (else it could be subtracted back).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { saveTeam } from '../../packages/server/src/callbacks/index.js';
import { testClock, type TestClock } from '../../packages/server/test/clock.js';
import { chromeArgs, chromePath } from '../../scripts/chrome.mjs';
import { axeViolations } from './axe.js';
import { confirmationCode, startReferenceServer, type ReferenceServer } from './harness.js';
import { signInConsole, staffMember } from './staff.js';

const TIMEOUT = 15_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PARTNER = 'partner-a';
const HIDDEN = '< 10';
/** Noon of October 1st, 2026: the month seeded. */
const OCTOBER = Date.parse('2026-10-01T12:00:00Z');
/** Reports about October open an hour after it ends. */
const REPORTS_OPEN = Date.parse('2026-11-01T02:00:00Z');

/** true counts: view → partner ('' = none) → row key → measure → n */
type Tally = Map<string, Map<string, Map<string, Map<string, number>>>>;

/** Each charted view: its table's English headers, and the measure each column holds. */
const CHARTED = {
  searches: {
    title: 'Searches and unmet need by day',
    head: ['Day', 'Found help', 'Unmet need (nothing found)', 'Crisis panels shown', 'Total'],
    measures: ['matched', 'unmet', 'crisisPanels'],
  },
  states: {
    title: 'Searches by state',
    head: ['State', 'Found help', 'Unmet need (nothing found)', 'Total'],
    measures: ['matched', 'unmet'],
  },
  zip3: {
    title: 'Searches by ZIP3',
    head: ['ZIP3', 'Found help', 'Unmet need (nothing found)', 'Total'],
    measures: ['matched', 'unmet'],
  },
  'alert-channels': {
    title: 'Alert channels',
    head: ['Channel', 'Signups', 'Confirmations', 'Unsubscribes', 'Total'],
    measures: ['signups', 'confirmations', 'unsubscribes'],
  },
  languages: {
    title: 'Languages',
    head: ['Language', 'Searches', 'Alert signups', 'Callback requests', 'Total'],
    measures: ['searches', 'alertSignups', 'callbackRequests'],
  },
  'callback-times': {
    title: 'Callback times',
    head: ['Time taken', 'To first attempt', 'To close', 'Total'],
    measures: ['firstAttempt', 'closed'],
  },
} as const;
type Charted = keyof typeof CHARTED;

/** Row labels the English tables show for the keys this test produces. */
const LABELS: Record<string, string> = { es: 'Spanish', en: 'English', unknown: 'Unknown', email: 'Email' };
const labelOf = (view: string, key: string) =>
  view === 'searches' ? `Oct ${Number(key.slice(8))}` : (LABELS[key] ?? key);

/** Where each ZIP searched from lies. */
const REGIONS: Record<string, { state: string; zip3: string }> = {
  '77002': { state: 'TX', zip3: '770' },
  '94103': { state: 'CA', zip3: '941' },
  '82001': { state: 'WY', zip3: '820' },
  '59001': { state: 'MT', zip3: '590' },
  '87101': { state: 'NM', zip3: '871' },
  '58001': { state: 'ND', zip3: '580' },
  '04101': { state: 'ME', zip3: '041' },
};

interface Grid {
  head: string[];
  /** Body rows then the totals row; the first cell is the row's label. */
  rows: string[][];
}

describe('insights dashboard', () => {
  let clock: TestClock;
  let reference: ReferenceServer;
  let origin: string;
  let browser: Browser;
  const tally: Tally = new Map();
  let searches = 0;

  const add = (view: string, partner: string, row: string, measure: string) => {
    const byPartner = tally.get(view) ?? tally.set(view, new Map()).get(view)!;
    const byRow = byPartner.get(partner) ?? byPartner.set(partner, new Map()).get(partner)!;
    const byMeasure = byRow.get(row) ?? byRow.set(row, new Map()).get(row)!;
    byMeasure.set(measure, (byMeasure.get(measure) ?? 0) + 1);
  };

  /** row key → measure → true count, for one partner or (null) for everyone. */
  const truth = (view: string, partner: string | null) => {
    const out = new Map<string, Map<string, number>>();
    for (const [p, rows] of tally.get(view) ?? [])
      for (const [row, measures] of rows) {
        const into = out.get(row) ?? out.set(row, new Map()).get(row)!;
        for (const [measure, n] of measures)
          if (partner === null || p === partner) into.set(measure, (into.get(measure) ?? 0) + n);
      }
    return out;
  };

  const api = (
    path: string,
    init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> } = {},
    partner?: string,
  ) =>
    fetch(origin + path, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(partner ? { 'x-referral-partner': partner } : {}),
        ...init.headers,
      },
    });

  async function search(
    day: string,
    zip: string,
    partner: string,
    extra: { category?: string; language?: string } = {},
  ) {
    const query = new URLSearchParams({ postalCode: zip, ...extra });
    const res = await api(`/v1/services?${query}`, {}, partner);
    assert.equal(res.status, 200, await res.clone().text());
    const page = (await res.json()) as { total: number; crisis?: boolean };
    const outcome = page.total > 0 ? 'matched' : 'unmet';
    const { state, zip3 } = REGIONS[zip]!;
    add('searches', partner, day, outcome);
    if (page.crisis) add('searches', partner, day, 'crisisPanels');
    add('states', partner, state, outcome);
    add('zip3', partner, zip3, outcome);
    add('languages', partner, extra.language ?? 'unknown', 'searches');
    searches++;
  }

  async function lookup(): Promise<string> {
    const res = await api(`/v1/custody?name=${encodeURIComponent('Aaliyah Johnson')}&state=TX`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { total: number; items: { id: string }[] };
    add('lookups', '', 'TX', body.total > 0 ? 'searchesFound' : 'searchesNotFound');
    return body.items[0]?.id ?? 'none';
  }

  async function alertSignup(subjectId: string, n: number) {
    const contact = `visitor${n}@example.org`;
    const res = await api(
      '/v1/alerts/subscriptions',
      {
        method: 'POST',
        body: JSON.stringify({ subjectId, channel: 'email', contact, language: 'es', events: ['release'] }),
      },
      PARTNER,
    );
    assert.equal(res.status, 202, await res.clone().text());
    add('alert-channels', PARTNER, 'email', 'signups');
    add('languages', PARTNER, 'es', 'alertSignups');
    const { confirmationId } = (await res.json()) as { confirmationId: string };
    const code = await confirmationCode(origin, contact);
    const confirmed = await api('/v1/alerts/confirm', {
      method: 'POST',
      body: JSON.stringify({ confirmationId, code }),
    });
    assert.equal(confirmed.status, 200, await confirmed.clone().text());
    // A confirmation is counted by channel and language; whose embed it came from is not kept with it.
    add('alert-channels', '', 'email', 'confirmations');
  }

  async function callback(n: number) {
    const body = {
      topic: 'custody-status',
      channel: 'email',
      contact: `caller${n}@example.org`,
      windows: ['morning'],
      timeZone: 'America/Chicago',
      leaveMessage: false,
      language: 'es',
      region: { state: 'TX' },
    };
    const res = await api(
      '/v1/callbacks',
      { method: 'POST', body: JSON.stringify(body), headers: { 'idempotency-key': `insights-${n}` } },
      PARTNER,
    );
    assert.equal(res.status, 202, await res.clone().text());
    add('languages', PARTNER, 'es', 'callbackRequests');
  }

  before(async () => {
    assert.ok(existsSync('packages/server/dist/console.js'), 'run `npm run build` first (the console bundle)');
    clock = testClock(OCTOBER);
    reference = await startReferenceServer(
      0,
      { INSIGHTS_PARTNERS: PARTNER, ALERTS_DISPATCH_INTERVAL_MS: '50' },
      { now: clock.now },
    );
    // localhost: the browser keeps the console's Secure `__Host-` cookie on http://localhost only.
    origin = `http://localhost:${reference.server.port}`;
    await saveTeam(
      reference.server.db,
      { id: 'team-all', name: 'Everyone', states: [], zipPrefixes: [], languages: ['en', 'es'], fallback: true },
      clock.now(),
    );

    // October: every day a few searches; lookups on odd days; alert signups every third day; callbacks every fourth.
    for (let d = 0; d < 31; d++) {
      const day = `2026-10-${String(d + 1).padStart(2, '0')}`;
      clock.advance(d === 0 ? 0 : DAY);
      for (let i = 0; i < 5; i++) {
        await search(day, '77002', PARTNER, { category: 'shelter', language: 'es' });
        await search(day, '77002', PARTNER, { category: 'legal-aid', language: 'es' });
      }
      await search(day, '94103', '', { language: 'en' });
      if (d % 2 === 0) await search(day, '82001', '', { category: 'immigration', language: 'en' });
      // Rarer places, from each side: few enough that each state's count is hidden.
      if (d % 5 === 0) await search(day, '59001', PARTNER);
      if (d % 6 === 0) await search(day, '87101', PARTNER);
      if (d % 7 === 0) await search(day, '58001', '');
      if (d % 6 === 3) await search(day, '04101', '');
      const subject = d % 2 === 1 || d % 3 === 0 ? await lookup() : '';
      if (d % 3 === 0) await alertSignup(subject, d);
      if (d % 4 === 0) await callback(d);
    }
    // Counts reach the database every few seconds: wait until every search is there.
    const deadline = Date.now() + 20_000;
    for (;;) {
      const [row] = await reference.server.db.query<{ n: number | null }>(
        "SELECT SUM(n) AS n FROM insight_counts WHERE event = 'search'",
      );
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- PostgreSQL answers SUM() as text
      if (Number(row?.n ?? 0) === searches) break;
      assert.ok(Date.now() < deadline, 'the counts were written');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    clock.advance(REPORTS_OPEN - clock.now().getTime());
    browser = await chromium.launch({ executablePath: chromePath(), headless: true, args: chromeArgs });
  });

  after(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
    await browser?.close();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
    await reference?.stop();
  });

  async function open(options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, locale: 'en-US', ...options });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/status of 401/.test(message.text())) errors.push(message.text());
    });
    await page.goto(`${origin}/console/sign-in`);
    return { page, errors };
  }

  /** The dashboard's tables (opened with the keyboard), by chart title. */
  async function tables(page: Page): Promise<Record<string, Grid>> {
    const charts = page.locator('insight-chart');
    await assert.doesNotReject(charts.nth(Object.keys(CHARTED).length - 1).waitFor({ timeout: TIMEOUT }));
    for (const { title } of Object.values(CHARTED))
      await page.getByText(`Table: ${title}`, { exact: true }).press('Enter');
    // (No named functions inside: tsx would wrap them in a helper the page does not have.)
    return page.evaluate(() => {
      const shell = document.querySelector('staff-console')!.shadowRoot!;
      const dashboard = shell.querySelector('staff-insights')!.shadowRoot!;
      return Object.fromEntries(
        [...dashboard.querySelectorAll('insight-chart')].map((chart) => {
          const root = chart.shadowRoot!;
          const rows = [...root.querySelectorAll('h2, tr')].map((line) =>
            line.tagName === 'H2'
              ? [line.textContent.trim()]
              : [...line.children].map((cell) => cell.textContent.replace(/\s+/g, ' ').trim()),
          );
          return [rows[0]![0]!, { head: rows[1]!, rows: rows.slice(2) }];
        }),
      );
    });
  }

  /**
   * A table (or CSV) against the true counts: hidden where under 10, exact where shown, and no line with a single
   * hidden cell. `keyOf` turns a row's first cell into the row key.
   */
  function check(
    name: string,
    grid: Grid,
    view: string,
    measures: readonly string[],
    partner: string | null,
    keyOf: (first: string) => string,
  ) {
    const counts = truth(view, partner);
    const allRows = [...truth(view, null).keys()];
    const columns = [...measures, 'total'];
    const keys = grid.rows.map((r) => keyOf(r[0]!));
    assert.equal(keys.at(-1), 'total', `${name}: the totals come last`);
    assert.deepEqual(keys.slice(0, -1).sort(), allRows.sort(), `${name}: rows`);
    const trueCount = (row: string, column: string) => {
      let n = 0;
      for (const r of row === 'total' ? allRows : [row])
        for (const m of column === 'total' ? measures : [column]) n += counts.get(r)?.get(m) ?? 0;
      return n;
    };
    grid.rows.forEach((cells, i) =>
      columns.forEach((column, j) => {
        const shown = cells[j + 1];
        const n = trueCount(keys[i]!, column);
        if (n > 0 && n < 10) assert.equal(shown, HIDDEN, `${name} ${keys[i]}/${column}: ${n} is hidden`);
        else if (shown !== HIDDEN) assert.equal(shown, String(n), `${name} ${keys[i]}/${column}`);
      }),
    );
    for (const cells of grid.rows)
      assert.notEqual(
        cells.slice(1).filter((c) => c === HIDDEN).length,
        1,
        `${name}: row ${cells[0]} hides one cell only`,
      );
    columns.forEach((column, j) =>
      assert.notEqual(
        grid.rows.filter((cells) => cells[j + 1] === HIDDEN).length,
        1,
        `${name}: column ${column} hides one cell only`,
      ),
    );
  }

  /** The dashboard's CSV download of a view (its link's address), fetched with the page's session. */
  async function csv(page: Page, view: string): Promise<Grid> {
    const title = view === 'lookups' ? 'Custody lookups by state' : CHARTED[view as Charted].title;
    const href = await page
      .getByRole('link', { name: `CSV: ${title}` })
      .first()
      .getAttribute('href');
    assert.ok(href);
    const text = await page.evaluate((url) => fetch(url).then((r) => r.text()), href);
    const [head, ...rows] = text
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));
    return { head: head!, rows };
  }

  function checkDashboard(grids: Record<string, Grid>, partner: string | null) {
    for (const [view, def] of Object.entries(CHARTED)) {
      const grid = grids[def.title];
      assert.ok(grid, `a table for ${def.title}`);
      assert.deepEqual(grid.head, def.head, `${def.title}: headers`);
      const keys = new Map([...truth(view, null).keys()].map((key) => [labelOf(view, key), key]));
      check(def.title, grid, view, def.measures, partner, (label) =>
        label === 'Total' ? 'total' : (keys.get(label) ?? label),
      );
    }
  }

  it('shows a supervisor every partner’s counts, suppressed, in charts, tables and CSV, under the strict CSP', async () => {
    const supervisor = await staffMember(reference.server, origin, clock, 'supervisor', { teamId: 'team-all' });
    const { page, errors } = await open();
    await signInConsole(page, clock, supervisor);
    await page.getByRole('link', { name: 'Insights' }).click({ timeout: TIMEOUT });
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor({ timeout: TIMEOUT });
    assert.equal(await page.getByLabel('Month').inputValue(), '2026-10');

    const grids = await tables(page);
    checkDashboard(grids, null);
    // The data were shaped so both sides show: Texas (310 searches, all partner-a's) in the clear, Montana's 7 hidden.
    const states = grids['Searches by state']!.rows;
    assert.equal(states.find((r) => r[0] === 'TX')!.at(-1), '310');
    assert.equal(states.find((r) => r[0] === 'MT')!.at(-1), HIDDEN);
    assert.equal(grids['Searches and unmet need by day']!.rows.length, 32, 'every day of October, then the totals');

    const statesCsv = await csv(page, 'states');
    assert.deepEqual(statesCsv.head, ['state', 'matched', 'unmet', 'total']);
    check('states.csv', statesCsv, 'states', CHARTED.states.measures, null, (key) => key);
    assert.deepEqual(
      statesCsv.rows.map((r) => r.slice(1)),
      states.map((r) => r.slice(1)),
      'the CSV says what the table says',
    );
    const lookups = await csv(page, 'lookups');
    check(
      'lookups.csv',
      lookups,
      'lookups',
      ['searchesFound', 'searchesNotFound', 'viewsFound', 'viewsNotFound'],
      null,
      (key) => key,
    );

    // Every chart was drawn (and nothing the CSP refuses was tried: no inline style, no eval).
    const drawn = await page.evaluate(() => {
      const dashboard = document
        .querySelector('staff-console')!
        .shadowRoot!.querySelector('staff-insights')!.shadowRoot!;
      return [...dashboard.querySelectorAll('insight-chart')].map((chart) => {
        const canvas = chart.shadowRoot!.querySelector('canvas')!;
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        return data.some((value, i) => i % 4 === 3 && value > 0);
      });
    });
    assert.deepEqual(
      drawn,
      Object.keys(CHARTED).map(() => true),
    );

    // One partner's slice, chosen in the form.
    await page.getByLabel('Partner').selectOption(PARTNER);
    await page.getByRole('button', { name: 'Show reports' }).click();
    await page
      .getByRole('link', { name: 'CSV: Searches by state' })
      .and(page.locator(`[href*="partner=${PARTNER}"]`))
      .first()
      .waitFor({ timeout: TIMEOUT });
    checkDashboard(await tables(page), PARTNER);
    assert.deepEqual(errors, []);
  });

  it('shows a partner account its own partner id only, accessible in English and Spanish', async () => {
    const partner = await staffMember(reference.server, origin, clock, 'partner', { partnerId: PARTNER });
    // bypassCSP: axe is injected into the page (the supervisor's test ran under the console's real CSP).
    const { page, errors } = await open({ bypassCSP: true });
    await signInConsole(page, clock, partner);
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor({ timeout: TIMEOUT });
    assert.equal(new URL(page.url()).pathname, '/console/insights', 'a partner lands on the dashboard');
    assert.equal(await page.getByRole('link', { name: 'Queue' }).count(), 0);
    assert.equal(await page.getByLabel('Partner').count(), 0, 'no partner to choose');

    const grids = await tables(page);
    checkDashboard(grids, PARTNER);
    assert.equal(grids['Searches by state']!.rows.find((r) => r[0] === 'TX')!.at(-1), '310');
    assert.equal(
      grids['Searches by state']!.rows.find((r) => r[0] === 'CA')!.at(-1),
      '0',
      'other visitors’ searches are not theirs',
    );
    const own = await csv(page, 'states');
    check('states.csv (partner)', own, 'states', CHARTED.states.measures, PARTNER, (key) => key);
    const other = await page.evaluate(() =>
      fetch('/console/api/insights/states.csv?period=2026-10&partner=partner-b').then((r) => r.status),
    );
    assert.equal(other, 403);

    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { level: 1, name: 'Estadísticas' }).waitFor({ timeout: TIMEOUT });
    await page.getByText('Tabla: Búsquedas por estado').click();
    assert.ok(
      await page.getByRole('columnheader', { name: 'Necesidad no cubierta (sin resultados)' }).first().isVisible(),
    );
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(
      errors.filter((e) => !/status of 403/.test(e)),
      [],
      'nothing but the refused report',
    );
  });
});
