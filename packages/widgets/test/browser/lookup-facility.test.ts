// The facility on the lookup card: name, operator, address, local time in the facility's time zone, a call action
// only from a dialable number and a visiting link only from an https: address; everything else stays text. In
// English and Arabic (RTL), with no axe violations.
import { expect, fixture, html } from '@open-wc/testing';
import { FIXTURE_IDS } from '@referral-kit/mocks';
import type { CustodyRecord } from '@referral-kit/sdk';
import '@referral-kit/widgets';
import type { ReferralOffenderLookup } from '@referral-kit/widgets';
import { catalogFor } from '../../src/i18n/index.js';
import { timeAt } from '../../src/internal/format.js';
import { $$, API, data, expectAccessible, mock, startWorker, until, worker } from './helpers.js';
import { XSS, xssRan } from './xss.js';

const held = data.custody.find((r) => r.id === FIXTURE_IDS.custody['immigration-detention'])!;
const facility = held.facility!;
const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

async function lookupShowing(lang: string, records: CustodyRecord[]) {
  const el = await fixture<ReferralOffenderLookup>(
    html`<referral-offender-lookup lang=${lang} api-base-url=${API}></referral-offender-lookup>`,
  );
  el.records = records;
  el.total = records.length;
  await el.updateComplete;
  return el;
}

/** The local time shown is the facility's at one of the moments around rendering (a minute may turn meanwhile). */
function expectLocalTime(card: Element, lang: string, zone: string, before: Date) {
  const shown = squash(card.querySelector('.facility-time')?.textContent ?? null);
  const moments = [before, new Date()].map((d) => catalogFor(lang).lookup.localTime(timeAt(lang, zone, d)!));
  expect(moments).to.include(shown);
}

before(startWorker);
afterEach(() => {
  mock.reset();
  worker.resetHandlers();
});
after(() => worker.stop());

describe('<referral-offender-lookup>: the facility', () => {
  it('formats the time at a place in its own zone, and gives nothing for a zone the browser does not know', () => {
    const noonUtc = new Date('2026-11-30T12:00:00Z');
    expect(timeAt('en', 'America/Denver', noonUtc)).to.equal('Mon 5:00 AM');
    expect(timeAt('en', 'Asia/Tokyo', noonUtc)).to.equal('Mon 9:00 PM');
    expect(timeAt('en', 'Mars/Olympus_Mons', noonUtc)).to.equal(undefined);
  });

  it('shows name, operator, address, local time, a call action and the visiting page (searched through the API)', async () => {
    expect(facility.id, 'the fixture record points to a facility record').to.be.a('string');
    const el = await fixture<ReferralOffenderLookup>(
      html`<referral-offender-lookup lang="en" api-base-url=${API}></referral-offender-lookup>`,
    );
    const before = new Date();
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#name')!;
    input.value = held.displayName;
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await until(() => $$(el, '.card').length > 0, 'results');
    const card = $$(el, '.card').find((c) => c.querySelector('h4')!.textContent === held.displayName)!;
    const part = card.querySelector('[part="facility"]')!;
    const text = squash(part.textContent);
    expect(text).to.contain(`Facility: ${facility.name}`);
    expect(text).to.contain(`Run by ${facility.operator}`);
    expect(text).to.contain(`${facility.address}, ${facility.city}, ${facility.state} ${facility.postalCode}`);
    expectLocalTime(part, 'en', facility.timeZone!, before);
    const links = [...part.querySelectorAll('a')].map((a) => [a.getAttribute('href'), squash(a.textContent)]);
    expect(links).to.deep.equal([
      [`tel:${facility.phone!.replace(/\D/g, '')}`, `Call ${facility.phone}`],
      [facility.visitingUrl, 'Visiting information'],
    ]);
    await expectAccessible(el, 'facility, en');
  });

  it('renders in Arabic, right to left, with the number isolated and no axe violations', async () => {
    const before = new Date();
    const el = await lookupShowing('ar', [held]);
    expect(el.shadowRoot!.querySelector('section')!.getAttribute('dir')).to.equal('rtl');
    const part = $$(el, '[part="facility"]')[0]!;
    expect(squash(part.textContent)).to.contain(catalogFor('ar').lookup.operator(facility.operator!));
    expectLocalTime(part, 'ar', facility.timeZone!, before);
    expect(part.querySelector('a[href^="tel:"]')!.textContent).to.contain(`\u2066${facility.phone}\u2069`);
    expect(squash(part.querySelector('a[href^="https:"]')!.textContent)).to.equal(catalogFor('ar').lookup.visiting);
    await expectAccessible(el, 'facility, ar');
  });

  it('links nothing it cannot validate and renders hostile text as text', async () => {
    const hostile = {
      ...held,
      facility: {
        name: XSS.svg,
        operator: XSS.img,
        address: XSS.attr,
        city: XSS.script,
        phone: 'call the front desk',
        timeZone: 'Mars/Olympus_Mons',
        visitingUrl: XSS.js,
      },
    } as CustodyRecord;
    const plainHttp = {
      ...held,
      id: 'cus-http',
      facility: { ...facility, visitingUrl: 'http://visiting.example.org/x' },
    };
    const el = await lookupShowing('en', [hostile, plainHttp]);
    const [hostilePart, httpPart] = $$(el, '[part="facility"]');
    expect(hostilePart!.querySelectorAll('a')).to.have.length(0);
    expect(hostilePart!.querySelector('img, svg, script')).to.equal(null);
    expect(hostilePart!.textContent).to.contain(XSS.svg).and.contain(XSS.img).and.contain('call the front desk');
    expect(hostilePart!.querySelector('.facility-time'), 'no local time for an unknown zone').to.equal(null);
    expect([...httpPart!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([
      `tel:${facility.phone!.replace(/\D/g, '')}`,
    ]);
    expect(xssRan()).to.equal(false);
  });
});
