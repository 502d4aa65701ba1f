// Feed to card: a facility file and a custody feed go through the real importers into the real server, and the
// lookup on a partner page (the one-file embed in Chromium) shows the person's status, its plain-words explanation
// and the facility (operator, address, local time, call and visiting links), with no axe violations.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { custodyGuideText } from '@referral-kit/sdk/custody-guide';
import { testClock } from '../../packages/server/test/clock.js';
import { importCustody } from '../../packages/server/src/import/custody-import.js';
import { importFacilities } from '../../packages/server/src/import/facility-import.js';
import { axeViolations } from './axe.js';
import { BUNDLE_PATH, startE2E, type E2E } from './harness.js';

const TIMEOUT = 15_000;
/** Server and page share a clock years from today: Sunday 9 March 2031, 09:05 in Florence, Arizona (no DST there). */
const clock = testClock(Date.parse('2031-03-09T16:05:00Z'));
const FACILITIES = [
  'id,name,operator,address,city,state,zip,phone,time_zone,visiting_url',
  'fac-e2e-florence,Florence Service Processing Center,U.S. Immigration and Customs Enforcement,3250 N Pinal Pkwy,Florence,AZ,85132,(520) 555-0142,America/Phoenix,https://visiting.example.org/florence',
].join('\n');

describe('custody feed with a facility → server → lookup card on a partner page', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E({}, { now: clock.now });
  });
  after(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
    await e2e?.stop();
  });

  it('shows the imported status, what it means and the facility', async () => {
    const facilities = await importFacilities(e2e.server.db, FACILITIES, 'facilities.csv', { now: clock.now });
    assert.deepEqual([facilities.outcome, facilities.inserted], ['applied', 1]);
    const updatedAt = new Date(clock.now().getTime() - 60 * 60 * 1000).toISOString();
    const feed = JSON.stringify([
      {
        identifier: 'A-209-441-730',
        identifierType: 'a-number',
        displayName: 'Rosa Feedlinda Quispe',
        birthYear: 1988,
        countryOfBirth: 'Perú',
        status: 'Released on bond',
        statusReason: 'Bond posted at the field office.',
        facility: { id: 'fac-e2e-florence' },
        statusChangedAt: updatedAt,
        updatedAt,
      },
    ]);
    const custody = await importCustody(e2e.server.db, feed, 'feed.json', { massChangeShare: 0.05, now: clock.now });
    assert.deepEqual([custody.outcome, custody.inserted, custody.warnings], ['applied', 1, []]);

    const context = await e2e.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.clock.setFixedTime(clock.now());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route(`${e2e.origin}/e2e/partner.html`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title><script src="${BUNDLE_PATH}" defer></script></head>
          <body><main><h1>Find a person in custody</h1><referral-offender-lookup api-base-url="${e2e.origin}" partner-id="e2e"></referral-offender-lookup></main></body></html>`,
      }),
    );
    await page.goto(`${e2e.origin}/e2e/partner.html`);
    const lookup = page.locator('referral-offender-lookup');
    await lookup.getByRole('radio', { name: 'ID number' }).check({ timeout: TIMEOUT });
    await lookup.locator('#identifier').fill('209441730');
    await lookup.getByRole('button', { name: 'Search', exact: true }).click();
    const card = lookup.locator('article.card', { hasText: 'Rosa Feedlinda Quispe' });
    const explained = custodyGuideText('en').statuses['released-on-bond'];
    await card.getByText(explained.meaning, { exact: false }).waitFor({ timeout: TIMEOUT });

    const text = (await card.textContent())!.replace(/\s+/g, ' ');
    for (const part of [
      'Released on bond',
      explained.meaning,
      explained.next,
      explained.now,
      'Bond posted at the field office.',
    ]) {
      assert.ok(text.includes(part), `the card says "${part}": ${text}`);
    }
    const facility = card.locator('[part="facility"]');
    const where = (await facility.textContent())!.replace(/\s+/g, ' ');
    for (const part of [
      'Florence Service Processing Center',
      'Run by U.S. Immigration and Customs Enforcement',
      '3250 N Pinal Pkwy, Florence, AZ 85132',
    ]) {
      assert.ok(where.includes(part), `the facility shows "${part}": ${where}`);
    }
    assert.match(where, /Local time there: Sun 9:05\sAM/);
    assert.match((await card.textContent())!, /Status changed 1 hour ago\./);
    assert.equal(
      await facility.getByRole('link', { name: 'Call (520) 555-0142' }).getAttribute('href'),
      'tel:5205550142',
    );
    assert.equal(
      await facility.getByRole('link', { name: 'Visiting information' }).getAttribute('href'),
      'https://visiting.example.org/florence',
    );
    assert.deepEqual(await axeViolations(page, ['referral-offender-lookup']), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
