// <referral-custody-guide>: the plain-words guide for one status or all of them, in the widget's language (en, es,
// ar right to left), a status it does not know explained as unknown, failure with hotlines; axe reports nothing.
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { createClient, CustodyStatus } from '@referral-kit/sdk';
import { custodyGuideText } from '@referral-kit/sdk/custody-guide';
import '@referral-kit/widgets';
import {
  ReferralCustodyGuide,
  ReferralErrorEvent,
  ReferralGuideEvent,
  ReferralOffenderLookup,
  registerCatalog,
} from '@referral-kit/widgets';
import { catalogFor } from '../../src/i18n/index.js';
import en from '../../src/i18n/en.js';
import { $, $$, API, data, expectAccessible, mock, nextEvent, startWorker, text, until, worker } from './helpers.js';

async function guideElement(lang: string, status = '') {
  const el = await fixture<ReferralCustodyGuide>(
    html`<referral-custody-guide lang=${lang} status=${status} api-base-url=${API}></referral-custody-guide>`,
  );
  await until(() => el.guide !== undefined || $$(el, '[part="error"]').length > 0, 'guide loaded or failed');
  await el.updateComplete;
  return el;
}

before(startWorker);
afterEach(() => {
  mock.reset();
  worker.resetHandlers();
});
after(() => worker.stop());

describe('<referral-custody-guide>', () => {
  it('is registered once, from the package root, and is not in the default embed entry', async () => {
    expect(customElements.get('referral-custody-guide')).to.equal(ReferralCustodyGuide);
    const embed = await (await fetch('/packages/widgets/src/embed.ts')).text();
    expect(embed).not.to.contain('custody-guide');
  });

  it('explains every status and the topics in English, says how fresh the data is, and tells the page', async () => {
    const shown = nextEvent(document, 'referral-guide');
    const el = await guideElement('en');
    const event = await shown;
    expect(event).to.be.instanceOf(ReferralGuideEvent);
    expect([event.status, event.language]).to.deep.equal(['', 'en']);
    const guide = custodyGuideText('en');
    const all = text(el);
    for (const status of CustodyStatus.options) {
      expect(all, status).to.contain(catalogFor('en').lookup.status[status]);
      expect(all, status).to.contain(guide.statuses[status].meaning);
    }
    expect($$(el, '[part="status"]')).to.have.length(CustodyStatus.options.length);
    expect($$(el, '[part="topic"]').length).to.be.greaterThan(0);
    expect($$(el, '[part="freshness"]')).to.have.length(1);
    await expectAccessible(el, 'guide, every status, en');
  });

  it('explains one status in Spanish, without the topics', async () => {
    const el = await guideElement('es', 'released-on-bond');
    const [only, ...others] = $$(el, '[part="status"]');
    expect(others).to.have.length(0);
    const explained = custodyGuideText('es').statuses['released-on-bond'];
    const shown = only!.textContent.replace(/\s+/g, ' ');
    for (const part of [
      catalogFor('es').lookup.status['released-on-bond'],
      explained.meaning,
      explained.next,
      explained.now,
    ])
      expect(shown).to.contain(part);
    expect($$(el, '[part="topic"]')).to.have.length(0);
    await expectAccessible(el, 'guide, one status, es');
  });

  it('reads right to left in Arabic, and follows a change of language', async () => {
    const el = await guideElement('ar', 'removed');
    expect(el.shadowRoot!.querySelector('section')!.getAttribute('dir')).to.equal('rtl');
    expect(text(el)).to.contain(custodyGuideText('ar').statuses.removed.meaning);
    await expectAccessible(el, 'guide, ar');
    el.lang = 'en';
    await until(() => el.guide?.language === 'en', 'guide in English');
    await el.updateComplete;
    expect(text(el)).to.contain(custodyGuideText('en').statuses.removed.meaning);
  });

  it('marks the API’s words with their language and direction when the API fell back to another language', async () => {
    const marks = (el: Element, selector: string) =>
      $$(el, `${selector} [lang]`).map((e) => `${e.getAttribute('lang')} ${e.getAttribute('dir')}`);
    // A partner's own catalog: the API has no German guide and answers in English.
    registerCatalog({ ...en, lang: 'de' });
    const german = await guideElement('de', 'removed');
    expect(german.guide!.language).to.equal('en');
    expect(marks(german, '[part="status"]')).to.deep.equal(['en ltr', 'en ltr', 'en ltr']);
    // In the widget's own language nothing is marked.
    expect(marks(await guideElement('es', 'removed'), '[part="status"]')).to.deep.equal([]);

    // An API with only English: inside right-to-left Arabic, its sentences stay left to right, on the lookup too.
    const english = await createClient({ baseUrl: API }).custody.guide({ lang: 'en' });
    worker.use(http.get(`${API}/v1/custody-guide`, () => HttpResponse.json(english)));
    const arabic = await guideElement('ar');
    expect(marks(arabic, '[part="topic"]')).to.have.length(english.topics.length * 2);
    expect(new Set(marks(arabic, 'section'))).to.deep.equal(new Set(['en ltr']));
    const lookup = await fixture<ReferralOffenderLookup>(
      html`<referral-offender-lookup lang="ar" api-base-url=${API}></referral-offender-lookup>`,
    );
    $<HTMLInputElement>(lookup, '#name').value = data.custody[0]!.displayName;
    $<HTMLFormElement>(lookup, 'form').requestSubmit();
    await until(() => $$(lookup, '.card').length > 0 && lookup.guide !== undefined, 'results and guide');
    await lookup.updateComplete;
    expect(marks(lookup, '.card')).to.include.members(['en ltr']);
    expect($(lookup, 'section').getAttribute('dir')).to.equal('rtl');
    await expectAccessible(lookup, 'lookup, ar, English guide');
  });

  it('explains a status it has never heard of as unknown', async () => {
    const el = await guideElement('en', 'paroled-to-the-moon');
    expect(text(el)).to.contain(custodyGuideText('en').statuses.unknown.meaning);
    expect($$(el, '[part="status"]')).to.have.length(1);
  });

  it('shows hotlines and a retry when the guide cannot load, and reports it', async () => {
    worker.use(
      http.get(`${API}/v1/custody-guide`, () =>
        HttpResponse.json({ error: { code: 'internal', message: 'x', requestId: 'r' } }, { status: 500 }),
      ),
    );
    const failed = nextEvent(document, 'referral-error');
    const el = await guideElement('en');
    const event = await failed;
    expect(event).to.be.instanceOf(ReferralErrorEvent);
    expect([event.source, event.kind]).to.deep.equal(['custody-guide', 'server']);
    expect($$(el, '[part="hotlines"] a[href^="tel:"]').length).to.be.greaterThan(0);
    await expectAccessible(el, 'guide failed');
    worker.resetHandlers();
    $$<HTMLButtonElement>(el, '[part="error"] button')[0]!.click();
    await until(() => el.guide !== undefined, 'guide after retry');
  });
});
