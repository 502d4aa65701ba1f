// Every time the widgets show or judge follows their `now` clock, never the machine's: "open now" (server and in-page
// search), a facility's local time, "x minutes ago", the guide's freshness and the latest birth year the lookup takes.
// The clocks are years from today and at the US daylight-saving changes of 2031, so a widget reading the real clock
// or a fixed UTC offset fails here on any day.
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { CustodyRecord, Service } from '@referral-kit/sdk';
import '@referral-kit/widgets';
import type { ReferralCustodyGuide, ReferralDirectory, ReferralOffenderLookup } from '@referral-kit/widgets';
import { catalogFor } from '../../src/i18n/index.js';
import { $, $$, API, data, mock, requests, startWorker, type, until, worker } from './helpers.js';

/** Sunday 9 March 2031, 09:30 in New York: daylight time began at 02:00 that morning (UTC−4, not −5). */
const SUNDAY_AFTER_DST = new Date('2031-03-09T13:30:00Z');
/** The same UTC time a day earlier: Saturday 08:30 in New York. */
const SATURDAY = new Date('2031-03-08T13:30:00Z');
/** Sunday 2 November 2031, 02:15 in New York: daylight time ended at 02:00 (UTC−5 again). */
const AFTER_DST_ENDS = new Date('2031-11-02T07:15:00Z');

const MINUTE = 60_000;
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const fixed = (date: Date) => () => date;

/** Open Sundays 9–5 in New York, or Saturdays. */
const sundayService: Service = {
  ...data.services[0]!,
  id: 'svc-clock-sunday',
  name: 'Harbor Sunday Legal Clinic',
  schedule: { open24x7: false, timezone: 'America/New_York', hours: [{ day: 'su', opens: '09:00', closes: '17:00' }] },
};
const saturdayService: Service = {
  ...sundayService,
  id: 'svc-clock-saturday',
  name: 'Harbor Saturday Legal Clinic',
  schedule: { ...sundayService.schedule!, hours: [{ day: 'sa', opens: '09:00', closes: '17:00' }] },
};
const badges = (el: ReferralDirectory) =>
  Object.fromEntries(
    $$(el, '.card').map((card) => [String(card.dataset.service), card.querySelector('.badge')?.textContent.trim()]),
  );

before(startWorker);
afterEach(() => {
  mock.reset();
  worker.resetHandlers();
});
after(() => worker.stop());

describe('the widgets read their injected clock', () => {
  it('directory (server search): "open now" on the card follows the clock across the DST change', async () => {
    worker.use(
      http.get(`${API}/v1/services`, () =>
        HttpResponse.json({
          items: [{ service: sundayService }, { service: saturdayService }],
          total: 2,
          page: 1,
          pageSize: 20,
        }),
      ),
    );
    const el = await fixture<ReferralDirectory>(
      html`<referral-directory
        api-base-url=${API}
        search-mode="server"
        .now=${fixed(SUNDAY_AFTER_DST)}
      ></referral-directory>`,
    );
    type($<HTMLInputElement>(el, 'input[role=combobox]'), 'harbor');
    await until(() => $$(el, '.card').length === 2, 'two cards');
    expect(badges(el)).to.deep.equal({ 'svc-clock-sunday': 'Open now', 'svc-clock-saturday': 'Closed now' });
    el.now = fixed(SATURDAY);
    await el.updateComplete;
    expect(badges(el)).to.deep.equal({ 'svc-clock-sunday': 'Closed now', 'svc-clock-saturday': 'Closed now' });
  });

  it('directory (in-page search): the "open now" filter judges at the clock', async () => {
    worker.use(
      http.get(`${API}/v1/directory/snapshot`, () =>
        HttpResponse.json({
          version: 'clock',
          generatedAt: '2031-03-01T00:00:00Z',
          services: [sundayService, saturdayService],
        }),
      ),
    );
    const asked = requests.length;
    const el = await fixture<ReferralDirectory>(
      html`<referral-directory
        api-base-url=${API}
        search-mode="local"
        .now=${fixed(SUNDAY_AFTER_DST)}
      ></referral-directory>`,
    );
    type($<HTMLInputElement>(el, 'input[role=combobox]'), 'harbor');
    await until(() => $$(el, '.card').length === 2, 'both clinics');
    $$<HTMLInputElement>(el, 'input[type=checkbox]')[0]!.click(); // "Open now"
    await until(() => $$(el, '.card').length === 1, 'only the open clinic');
    expect(badges(el)).to.deep.equal({ 'svc-clock-sunday': 'Open now' });
    expect(
      requests.slice(asked).some((r) => r.includes('/v1/services?')),
      'searched in the page',
    ).to.equal(false);
  });

  it('lookup: the facility local time and "x minutes ago" follow the clock', async () => {
    const base = data.custody.find((r) => r.facility?.timeZone)!;
    const record: CustodyRecord = {
      ...base,
      facility: { ...base.facility!, timeZone: 'America/New_York' },
      statusChangedAt: new Date(+AFTER_DST_ENDS - 5 * MINUTE).toISOString(),
      sourceUpdatedAt: new Date(+AFTER_DST_ENDS - 3 * 60 * MINUTE).toISOString(),
    };
    const el = await fixture<ReferralOffenderLookup>(
      html`<referral-offender-lookup
        lang="en"
        api-base-url=${API}
        .now=${fixed(AFTER_DST_ENDS)}
      ></referral-offender-lookup>`,
    );
    el.records = [record];
    el.total = 1;
    await el.updateComplete;
    const l = catalogFor('en').lookup;
    expect(squash($(el, '.facility-time').textContent)).to.equal(l.localTime('Sun 2:15 AM'));
    const card = squash($(el, '.card').textContent);
    expect(card).to.contain(l.changed('5 minutes ago')).and.contain(l.updated('3 hours ago'));
  });

  it("lookup: the latest birth year accepted is the clock's year", async () => {
    const el = await fixture<ReferralOffenderLookup>(
      html`<referral-offender-lookup
        lang="en"
        api-base-url=${API}
        .now=${fixed(SUNDAY_AFTER_DST)}
      ></referral-offender-lookup>`,
    );
    const form = $<HTMLFormElement>(el, 'form');
    $<HTMLInputElement>(el, '#name').value = 'Ana';
    $<HTMLInputElement>(el, '#birthYear').value = '2032';
    form.requestSubmit();
    await el.updateComplete;
    expect(el.errors).to.deep.equal({ birthYear: catalogFor('en').lookup.errors.birthYear });
    $<HTMLInputElement>(el, '#birthYear').value = '2031';
    form.requestSubmit();
    await until(() => requests.some((r) => r.includes('birthYear=2031')), 'searched with 2031');
    expect(el.errors).to.deep.equal({});
  });

  it('custody guide: "last updated" is measured from the clock', async () => {
    const newest = data.custody
      .map((r) => r.sourceUpdatedAt)
      .sort()
      .at(-1)!;
    const el = await fixture<ReferralCustodyGuide>(
      html`<referral-custody-guide
        lang="en"
        api-base-url=${API}
        .now=${fixed(new Date(Date.parse(newest) + 3 * 24 * 60 * MINUTE))}
      ></referral-custody-guide>`,
    );
    await until(() => $$(el, '[part="freshness"]').length === 1, 'freshness shown');
    expect(squash($(el, '[part="freshness"]').textContent)).to.equal(catalogFor('en').lookup.freshness('3 days ago'));
  });
});
