// The directory in each of the ten shipped languages, next to quick exit: the strings arrive on demand, a word for
// "shelter" typed in that language finds shelters, the results and filters speak that language (and no English), the
// filters narrow the results, and quick exit clears everything. Both ways of searching: in the page (whose engine
// learns a language's words from the language's file) and on the (mock) server, which knows every language's words.
import { expect, fixture, html } from '@open-wc/testing';
import '@referral-kit/widgets';
import { ReferralQuickExit, registeredLanguages } from '@referral-kit/widgets';
import { catalogFor } from '../../src/i18n/index.js';
import en from '../../src/i18n/en.js';
import { $, $$, API, data, mock, startWorker, text, type, until, worker } from './helpers.js';

/** A visitor's word for "shelter" in each language, as typed on a phone (accents and all). */
const SHELTER: Record<string, string> = {
  en: 'shelter',
  es: 'refugio',
  'zh-Hans': '庇护所',
  vi: 'nhà tạm trú',
  ko: '쉼터',
  tl: 'kanlungan',
  ar: 'مأوى',
  ru: 'приют',
  ht: 'abri',
  fr: 'hébergement',
};
/** English strings of the directory that no other language's screen may show. */
const ENGLISH = [
  en.directory.filters,
  en.directory.category,
  en.directory.addToCard,
  en.directory.print,
  en.exit.button,
];

const serviceOf = (card: Element) => data.services.find((s) => s.id === (card as HTMLElement).dataset.service)!;
let navigations: string[] = [];
const realNavigate = ReferralQuickExit.navigate;

before(async () => {
  await startWorker();
  ReferralQuickExit.navigate = (url) => navigations.push(url);
});
afterEach(() => {
  navigations = [];
  document.querySelectorAll('[data-referral-exit-overlay]').forEach((o) => o.remove());
  mock.reset();
  worker.resetHandlers();
});
after(() => {
  ReferralQuickExit.navigate = realNavigate;
  worker.stop();
});

describe('the directory in every language', () => {
  it('covers every language the widgets ship', () => {
    expect(Object.keys(SHELTER).sort()).to.deep.equal(registeredLanguages().sort());
  });

  for (const [lang, shelter] of Object.entries(SHELTER))
    for (const mode of ['local', 'server'] as const) {
      it(`${lang}, ${mode} search: finds shelters, shows results and filters in ${lang}, filters them, and quick exit clears them`, async () => {
        const el = await fixture<HTMLDivElement>(
          html`<div lang=${lang}>
            <referral-quick-exit></referral-quick-exit>
            <referral-directory api-base-url=${API} search-mode=${mode}></referral-directory>
          </div>`,
        );
        const directory = el.querySelector('referral-directory')!;
        const exit = el.querySelector('referral-quick-exit')!;
        await Promise.all([directory.updateComplete, exit.updateComplete]);
        const t = catalogFor(lang);
        expect(t.lang, 'the language file arrived').to.equal(lang);
        const root = $(directory, '.root');
        expect([root.getAttribute('lang'), root.getAttribute('dir')]).to.deep.equal([
          lang,
          lang === 'ar' ? 'rtl' : 'ltr',
        ]);

        const cards = () => $$(directory, '.card');
        /** Does what changes a filter, then waits for the new answer. */
        const searchedAfter = async (change: () => void) => {
          const before = directory.answer;
          change();
          await until(() => directory.answer !== before, 'no new answer');
          await directory.updateComplete;
        };
        const shown = () => $$(directory, '.results > p').map((p) => p.textContent.trim())[0];
        type($<HTMLInputElement>(directory, 'input[role=combobox]'), shelter);
        await until(() => cards().length > 0, `"${shelter}" found nothing`);
        expect(
          cards().filter((card) => serviceOf(card).categories.includes('shelter')).length,
          'shelters among the results',
        ).to.be.greaterThan(0);
        expect(shown()).to.equal(t.directory.results(directory.answer!.total));
        expect(cards()[0]!.querySelector('button[aria-pressed]')!.textContent.trim()).to.equal(t.directory.addToCard);
        expect($(directory, 'legend').textContent).to.equal(t.directory.filters);
        expect($(directory, 'label[for=category]').textContent).to.equal(t.directory.category);
        expect($(directory, '#category option[value=legal-aid]').textContent).to.equal(
          t.directory.categories['legal-aid'],
        );
        const screen = text(directory) + text(exit);
        if (lang !== 'en') for (const english of ENGLISH) expect(screen, english).to.not.contain(english);

        const select = (id: string, value: string) => {
          const s = $<HTMLSelectElement>(directory, `#${id}`);
          s.value = value;
          s.dispatchEvent(new Event('change'));
        };
        await searchedAfter(() => select('category', 'shelter'));
        expect(cards().length, 'shelters').to.be.greaterThan(0);
        for (const card of cards()) expect(serviceOf(card).categories).to.include('shelter');
        await searchedAfter(() => select('language', 'es'));
        expect(cards().length, 'shelters speaking Spanish').to.be.greaterThan(0);
        for (const card of cards()) expect(serviceOf(card).languages).to.include('es');
        const openNow = $$<HTMLInputElement>(directory, 'input[type=checkbox]')[0]!;
        expect(openNow.parentElement!.textContent.trim()).to.equal(t.directory.openNow);
        await searchedAfter(() => openNow.click());
        expect(directory.query).to.include({ text: shelter, openNow: true });
        for (const card of cards())
          expect([t.directory.openNow, t.directory.open24x7]).to.include(card.querySelector('.badge')?.textContent);
        expect(shown()).to.equal(t.directory.results(directory.answer!.total));

        const button = $<HTMLButtonElement>(exit, 'button');
        expect(button.textContent.trim()).to.equal(t.exit.button);
        button.click();
        await directory.updateComplete;
        expect(navigations).to.have.length(1);
        expect(document.querySelectorAll('[data-referral-exit-overlay]')).to.have.length(1);
        expect($<HTMLInputElement>(directory, 'input[role=combobox]').value).to.equal('');
        expect(cards()).to.have.length(0);
        expect(directory.query).to.include({ text: '', openNow: false });
      });
    }
});
