// The lookup when the API caps the count: "More than 1,000 people found", a way to narrow it, and "Show more" pages
// through the `next` cursor, focus landing on the first person added; without a cursor there is no button.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMockApi } from '@referral-kit/mocks';
import { CUSTODY_TOTAL_CAP } from '@referral-kit/sdk/custody-search';
import '@referral-kit/widgets';
import type { ReferralOffenderLookup } from '@referral-kit/widgets';
import { catalogFor } from '../../src/i18n/index.js';
import { $, $$, API, data, expectAccessible, mock, requests, startWorker, until, worker } from './helpers.js';

/** More people named Manyname than the API counts. */
const crowd = createMockApi({
  baseUrl: API,
  data: {
    ...data,
    custody: Array.from({ length: CUSTODY_TOTAL_CAP + 25 }, (_, i) => ({
      ...data.custody[0]!,
      id: `cus-crowd-${String(i).padStart(4, '0')}`,
      displayName: `Ana Manyname ${String(i).padStart(4, '0')}`,
    })),
  },
});

async function lookupFor(name: string, lang = 'en') {
  const el = await fixture<ReferralOffenderLookup>(
    html`<referral-offender-lookup lang=${lang} api-base-url=${API}></referral-offender-lookup>`,
  );
  $<HTMLInputElement>(el, '#name').value = name;
  $<HTMLFormElement>(el, 'form').requestSubmit();
  await until(() => $$(el, '#results-heading').length === 1, 'results');
  return el;
}
const moreButton = (el: ReferralOffenderLookup) => $$<HTMLButtonElement>(el, 'button.more')[0];

before(startWorker);
afterEach(() => {
  mock.reset();
  worker.resetHandlers();
});
after(() => worker.stop());

describe('<referral-offender-lookup>: more people than the API counts', () => {
  it('says "More than 1,000", asks to narrow, and shows the next page from the keyboard, focus on the first added', async () => {
    worker.use(...crowd.handlers);
    const el = await lookupFor('Manyname');
    const l = catalogFor('en').lookup;
    expect($(el, '#results-heading').textContent.trim()).to.equal(
      'More than 1,000 people found — add a last name or ID to narrow it.',
    );
    expect(l.resultsCapped('1,000')).to.equal($(el, '#results-heading').textContent.trim());
    expect($$(el, '.card')).to.have.length(20);
    const more = moreButton(el)!;
    expect(more.textContent.trim()).to.equal(l.showMore);
    await expectAccessible(el, 'capped, first page');

    more.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $$(el, '.card').length === 40, 'second page added');
    expect(requests.some((r) => r.includes('cursor='))).to.equal(true);
    const names = $$(el, '.card h4').map((h) => h.textContent);
    expect(new Set(names).size, 'no one twice').to.equal(40);
    await until(() => el.shadowRoot!.activeElement === $$(el, '.card h4')[20], 'focus on the first person added');
    expect(moreButton(el), 'more pages still').to.not.equal(undefined);
    await expectAccessible(el, 'capped, second page');
  });

  it('shows every page to the end, then no "Show more"', async () => {
    const el = await lookupFor('Ana');
    expect($(el, '#results-heading').textContent.trim()).to.match(/^\d+ (people|person) found\.$/);
    for (let pages = 0; moreButton(el) && pages < 10; pages++) {
      const shown = $$(el, '.card').length;
      moreButton(el)!.click();
      await until(() => $$(el, '.card').length > shown, 'a page added');
    }
    expect(moreButton(el)).to.equal(undefined);
    expect($$(el, '.card').length).to.equal(el.total);
  });

  it('says it in Spanish too', async () => {
    worker.use(...crowd.handlers);
    const el = await lookupFor('Manyname', 'es');
    const l = catalogFor('es').lookup;
    expect($(el, '#results-heading').textContent.trim()).to.equal(
      l.resultsCapped(new Intl.NumberFormat('es').format(1000)),
    );
    expect(moreButton(el)!.textContent.trim()).to.equal(l.showMore);
  });
});
