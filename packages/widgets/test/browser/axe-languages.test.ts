// axe (WCAG 2.2 AA and best practice) finds nothing in any view of <referral-widget> in Arabic (right to left) and
// Simplified Chinese, the two scripts furthest from English; every part says which language and direction it is in.
import { expect, fixture, html } from '@open-wc/testing';
import '@referral-kit/widgets';
import type { ReferralWidget } from '@referral-kit/widgets';
import { API, expectAccessible, mock, startWorker, worker } from './helpers.js';
import { deepElements, everyView } from './views.js';

describe('axe in every view, Arabic and Simplified Chinese', () => {
  before(startWorker);
  afterEach(() => {
    mock.reset();
    worker.resetHandlers();
  });
  after(() => worker.stop());

  for (const [lang, dir] of [
    ['ar', 'rtl'],
    ['zh-Hans', 'ltr'],
  ] as const) {
    it(`${lang}: no violations, and every part is marked lang="${lang}" dir="${dir}"`, async () => {
      const el = await fixture<ReferralWidget>(
        html`<referral-widget lang=${lang} api-base-url=${API} near="77002"></referral-widget>`,
      );
      await everyView(el, async (view) => {
        await expectAccessible(el, `${lang}: ${view}`);
        // Each shadow root's outermost element carries the language: screen readers and fonts read it there.
        for (const host of [el, ...deepElements(el.shadowRoot!)].filter((e) => e.shadowRoot)) {
          const top = host.shadowRoot!.querySelector('.root, section, .exit');
          expect([top?.getAttribute('lang'), top?.getAttribute('dir')], `${view}: <${host.localName}>`).to.deep.equal([
            lang,
            dir,
          ]);
        }
      });
    }).timeout(90_000);
  }
});
