// Pseudo-localisation: every English string made about 40 % longer and accented ("[Ŝéåŕçĥ ƒöŕ ĥéļþ ······]"),
// registered as a partner would register a language, left to right and right to left. At 320 px wide no view of
// <referral-widget> may clip text, overlap two controls or scroll sideways, also with the text at 150 %, and quick
// exit stays in sight and clickable wherever the visitor has scrolled.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '@referral-kit/widgets';
import { ReferralQuickExit, registerCatalog, type Catalog, type ReferralWidget } from '@referral-kit/widgets';
import en from '../../src/i18n/en.js';
import { callbackCatalogFor } from '../../src/i18n/callback.js';
import { API, mock, startWorker, worker } from './helpers.js';
import { deepElements, everyView } from './views.js';

const WIDTH = 320;
const ACCENTS: Record<string, string> = Object.fromEntries(
  Array.from('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ').map((c, i) => [
    c,
    Array.from('åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ')[i]!,
  ]),
);

/** "Search" → "[Ŝéåŕçĥ ··]": accented, bracketed (a cut end shows), and padded to about 1.4 times the length. */
function pseudo(text: string): string {
  const accented = text.replace(/[a-zA-Z]/g, (c) => ACCENTS[c]!);
  return `[${accented} ${'·'.repeat(Math.max(1, Math.round(text.length * 0.4) - 3))}]`;
}

/** The same shape with every string pseudo-localised, functions' results included. */
function pseudoLocalised<T>(value: T): T {
  if (typeof value === 'string') return pseudo(value) as T;
  if (typeof value === 'function')
    return ((...args: unknown[]) => pseudoLocalised((value as (...a: unknown[]) => unknown)(...args))) as T;
  if (Array.isArray(value)) return value.map(pseudoLocalised) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, pseudoLocalised(v)])) as T;
  return value;
}

// en-XA and ar-XB are the pseudo-locale tags Android and Chromium use (accented; right to left).
const PSEUDO = { 'en-XA': 'ltr', 'ar-XB': 'rtl' } as const;
for (const [lang, dir] of Object.entries(PSEUDO))
  registerCatalog(
    { ...pseudoLocalised(en), lang, dir, reviewed: false } satisfies Catalog,
    pseudoLocalised(callbackCatalogFor('en')),
  );

const label = (el: Element) =>
  `<${el.localName}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}> "${el.textContent.trim().slice(0, 40)}"`;
/** Shown on screen: laid out, not hidden, not one of the deliberately 1-px things (live regions, the honeypot). */
const onScreen = (el: Element) =>
  el.getClientRects().length > 0 &&
  getComputedStyle(el).visibility !== 'hidden' &&
  !el.closest('.visually-hidden, .honeypot');
const ownText = (el: Element) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
const INTERACTIVE = 'a[href], button, input, select, textarea, [role=tab], [role=option]';

let canvas: CanvasRenderingContext2D | undefined;
/** How wide `text` is in `el`'s font. */
function textWidth(el: Element, text: string): number {
  canvas ??= document.createElement('canvas').getContext('2d')!;
  canvas.font = getComputedStyle(el).font;
  return canvas.measureText(text).width;
}

/** What is wrong with the layout of `widget` at the top of the page: clipped text, overlapping controls, sideways scroll. */
function layoutProblems(widget: Element): string[] {
  window.scrollTo(0, 0);
  const problems: string[] = [];
  if (document.documentElement.scrollWidth > WIDTH)
    problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} px`);
  const shown = [...deepElements(widget.shadowRoot!)].filter(onScreen);
  for (const el of shown) {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (!ownText(el) && !el.matches(INTERACTIVE)) continue;
    if (box.left < -0.5 || box.right > WIDTH + 0.5)
      problems.push(`${label(el)} sticks out: ${box.left}–${box.right} px`);
    // A typed value longer than its field scrolls inside it, as fields do.
    const field = el.matches('input, textarea');
    if (style.display !== 'inline' && !field && el.scrollWidth > el.clientWidth + 1)
      problems.push(`${label(el)} clipped: ${el.scrollWidth} px of text in ${el.clientWidth} px`);
    if (el instanceof HTMLSelectElement) {
      // The closed list shows its chosen option in the box (less the arrow): a longer one is cut off unseen.
      // Only the catalog's strings are judged: language names come from Intl (and the pseudo tags' are odd).
      const room = el.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd) - 20;
      const chosen = el.selectedOptions[0]?.text ?? '';
      if (chosen.startsWith('[') && textWidth(el, chosen) > room)
        problems.push(`${label(el)} shows "${chosen}" cut off`);
    }
  }
  const controls = shown.filter((el) => el.matches(INTERACTIVE));
  const inPopup = (el: Element) => el.matches('[role=option]');
  controls.forEach((a, i) => {
    for (const b of controls.slice(i + 1)) {
      // The suggestion list is a popup: it lies over what follows the search box by design.
      if (a.contains(b) || b.contains(a) || inPopup(a) !== inPopup(b)) continue;
      const [p, q] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
      const across = Math.min(p.right, q.right) - Math.max(p.left, q.left);
      const down = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
      if (across > 1 && down > 1) problems.push(`${label(a)} overlaps ${label(b)}`);
    }
  });
  return problems;
}

/** The element really under a point, through shadow roots. */
function deepElementFromPoint(x: number, y: number): Element | null {
  let found = document.elementFromPoint(x, y);
  while (found?.shadowRoot) {
    const inner = found.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === found) break;
    found = inner;
  }
  return found;
}

/** Quick exit is in sight and is what a tap on it reaches, at the top and at the bottom of the page. */
function quickExitProblems(widget: Element): string[] {
  const button = widget.shadowRoot!.querySelector('referral-quick-exit')!.shadowRoot!.querySelector('button')!;
  const problems: string[] = [];
  for (const y of [0, document.documentElement.scrollHeight]) {
    window.scrollTo(0, y);
    const box = button.getBoundingClientRect();
    const where = y ? 'scrolled to the bottom' : 'at the top';
    if (box.top < 0 || box.bottom > innerHeight || box.left < 0 || box.right > WIDTH)
      problems.push(`quick exit out of sight ${where}: ${JSON.stringify(box)}`);
    else if (deepElementFromPoint(box.left + box.width / 2, box.top + box.height / 2) !== button)
      problems.push(`quick exit covered ${where}`);
  }
  window.scrollTo(0, 0);
  return problems;
}

describe('pseudo-localised, 320 px wide', () => {
  const realNavigate = ReferralQuickExit.navigate;
  before(async () => {
    await startWorker();
    await setViewport({ width: WIDTH, height: 640 });
    ReferralQuickExit.navigate = () => {};
  });
  afterEach(() => {
    mock.reset();
    worker.resetHandlers();
  });
  after(async () => {
    ReferralQuickExit.navigate = realNavigate;
    await setViewport({ width: 800, height: 600 });
    worker.stop();
  });

  it('catches clipped text, overlapping controls, a cut-off choice and sideways scroll', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.attachShadow({ mode: 'open' }).innerHTML = `
      <p style="white-space: nowrap; overflow: hidden; inline-size: 60px">${pseudo('Search for help')}</p>
      <button>One</button><button style="margin-inline-start: -20px">Two</button>
      <select style="inline-size: 80px"><option>${pseudo('Type of help')}</option></select>
      <div style="inline-size: 400px">wide</div>`;
    const found = layoutProblems(host).join('\n');
    for (const problem of ['scrolls sideways', 'clipped', 'overlaps', 'cut off', 'sticks out'])
      expect(found).to.contain(problem);
  });

  // 16 px is the browsers' default text size; 24 px is a visitor who set theirs to 150 %.
  for (const [lang, fontSize] of [
    ['en-XA', 16],
    ['ar-XB', 16],
    ['ar-XB', 24],
  ] as const) {
    it(`${lang} (${PSEUDO[lang]}), ${fontSize} px text: nothing clipped, overlapping or scrolling sideways in any view; quick exit always in reach`, async () => {
      document.documentElement.style.fontSize = `${fontSize}px`;
      try {
        const el = await fixture<ReferralWidget>(
          html`<referral-widget lang=${lang} api-base-url=${API} near="77002"></referral-widget>`,
        );
        expect(el.shadowRoot!.querySelector('[role=tab]')!.textContent.trim()).to.equal(pseudo(en.tabs.find));
        const problems: string[] = [];
        await everyView(el, async (view) => {
          problems.push(...[...layoutProblems(el), ...quickExitProblems(el)].map((p) => `${view}: ${p}`));
        });
        expect(problems, problems.join('\n')).to.deep.equal([]);
      } finally {
        document.documentElement.style.fontSize = '';
      }
    }).timeout(60_000);
  }
});
