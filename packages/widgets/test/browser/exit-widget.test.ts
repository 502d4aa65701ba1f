import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { delay } from 'msw';
import { createClient } from '@referral-kit/sdk';
import { FIXTURE_IDS } from '@referral-kit/mocks';
import '@referral-kit/widgets';
import {
  ReferralDirectory,
  ReferralExitEvent,
  ReferralOffenderLookup,
  ReferralQuickExit,
  ReferralSearchEvent,
  ReferralWidget,
  registerCatalog,
  type Catalog,
} from '@referral-kit/widgets';
import en from '../../src/i18n/en.js';
import {
  $,
  $$,
  API,
  browserTraces,
  data,
  expectAccessible,
  mock,
  nextEvent,
  requests,
  startWorker,
  text,
  type,
  until,
  worker,
} from './helpers.js';

const overlays = () => document.querySelectorAll('[data-referral-exit-overlay]');
let navigations: string[] = [];
const realNavigate = ReferralQuickExit.navigate;

before(async () => {
  await startWorker();
  ReferralQuickExit.navigate = (url) => navigations.push(url);
});
afterEach(() => {
  navigations = [];
  overlays().forEach((o) => o.remove());
  mock.reset();
  worker.resetHandlers();
});
after(() => {
  ReferralQuickExit.navigate = realNavigate;
  worker.stop();
});

/** A page with quick exit, a directory showing results and a lookup with a typed name. */
async function pageWithWork() {
  const root = await fixture<HTMLDivElement>(
    html`<div>
      <referral-quick-exit exit-url="https://example.org/weather"></referral-quick-exit>
      <referral-directory api-base-url=${API} search-mode="server"></referral-directory>
      <referral-offender-lookup api-base-url=${API}></referral-offender-lookup>
    </div>`,
  );
  const exit = root.querySelector('referral-quick-exit')!;
  const directory = root.querySelector('referral-directory')!;
  const lookup = root.querySelector('referral-offender-lookup')!;
  await Promise.all([exit.updateComplete, directory.updateComplete, lookup.updateComplete]);
  type($<HTMLInputElement>(directory, 'input[role=combobox]'), 'shelter');
  await until(() => $$(directory, '.card').length > 0, 'no results');
  $<HTMLInputElement>(lookup, '#name').value = 'Someone';
  return { exit, directory, lookup };
}

function expectCleared(directory: ReferralDirectory, lookup: ReferralOffenderLookup) {
  expect($<HTMLInputElement>(directory, 'input[role=combobox]').value).to.equal('');
  expect($$(directory, '.card')).to.have.length(0);
  expect($<HTMLInputElement>(lookup, '#name').value).to.equal('');
}

describe('<referral-quick-exit>', () => {
  it('on click: clears every field and result, covers the page at once, then replaces the location', async () => {
    const { exit, directory, lookup } = await pageWithWork();
    await expectAccessible(exit, 'idle');
    const exited = nextEvent(exit, ReferralExitEvent.eventName);
    $<HTMLButtonElement>(exit, 'button').click();
    expect((await exited).trigger).to.equal('button');
    expect(navigations).to.deep.equal(['https://example.org/weather']);
    const [overlay] = overlays();
    expect(overlay!.parentElement).to.equal(document.body);
    const style = getComputedStyle(overlay!);
    expect([style.position, style.backgroundColor]).to.deep.equal(['fixed', 'rgb(255, 255, 255)']);
    expect(document.elementFromPoint(10, 10)).to.equal(overlay);
    await directory.updateComplete;
    await lookup.updateComplete;
    expectCleared(directory, lookup);
  });

  it('on Enter, from the keyboard', async () => {
    const el = await fixture<ReferralQuickExit>(html`<referral-quick-exit></referral-quick-exit>`);
    $<HTMLButtonElement>(el, 'button').focus();
    await sendKeys({ press: 'Enter' });
    expect(navigations).to.deep.equal(['https://www.google.com/']);
  });

  it('on Shift pressed three times, announcing the presses left', async () => {
    const { exit, directory, lookup } = await pageWithWork();
    $<HTMLInputElement>(directory, 'input[role=combobox]').focus();
    const exited = nextEvent(exit, ReferralExitEvent.eventName);
    await sendKeys({ press: 'Shift' });
    await until(() => text(exit).includes('press 2 more times'), 'no announcement after one press');
    await sendKeys({ press: 'Shift' });
    await until(() => text(exit).includes('press 1 more time'), 'no announcement after two presses');
    await sendKeys({ press: 'Shift' });
    expect((await exited).trigger).to.equal('shortcut');
    expect(navigations).to.have.length(1);
    await directory.updateComplete;
    await lookup.updateComplete;
    expectCleared(directory, lookup);
  });

  it('not on Escape, nor on Shift used with another key', async () => {
    await fixture<ReferralQuickExit>(html`<referral-quick-exit></referral-quick-exit>`);
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'Escape' });
    for (let i = 0; i < 3; i++) {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'KeyA' });
      await sendKeys({ up: 'Shift' });
    }
    expect(navigations).to.deep.equal([]);
    expect(overlays()).to.have.length(0);
  });

  it('not when the three Shift presses take longer than 5 seconds', async () => {
    await fixture<ReferralQuickExit>(html`<referral-quick-exit></referral-quick-exit>`);
    await sendKeys({ press: 'Shift' });
    await sendKeys({ press: 'Shift' });
    await delay(5300);
    await sendKeys({ press: 'Shift' });
    expect(navigations).to.deep.equal([]);
  }).timeout(12000);

  it('asks the API for nothing: it shows no hotlines', async () => {
    const start = requests.length;
    const exit = await fixture<ReferralQuickExit>(
      html`<referral-quick-exit api-base-url=${API}></referral-quick-exit>`,
    );
    await exit.updateComplete;
    await delay(200);
    expect(requests.slice(start)).to.deep.equal([]);
  });

  it('aborts requests in flight', async () => {
    const inFlight: { url: string; signal: AbortSignal }[] = [];
    mock.setScenario('never');
    const client = createClient({
      baseUrl: API,
      fetch: (input, init) => (
        inFlight.push({ url: input instanceof Request ? input.url : String(input), signal: init!.signal! }),
        fetch(input, init)
      ),
    });
    const root = await fixture<HTMLDivElement>(
      html`<div>
        <referral-quick-exit></referral-quick-exit>
        <referral-directory .client=${client} search-mode="server"></referral-directory>
      </div>`,
    );
    const directory = root.querySelector('referral-directory')!;
    await directory.updateComplete;
    type($<HTMLInputElement>(directory, 'input[role=combobox]'), 'shelter');
    await until(() => inFlight.some((r) => r.url.includes('/v1/services?')), 'no search in flight');
    root.querySelector('referral-quick-exit')!.exit();
    expect(inFlight.map((r) => [new URL(r.url).pathname, r.signal.aborted])).to.deep.equal([
      ['/v1/hotlines', true],
      ['/v1/services', true],
    ]);
    await directory.updateComplete;
    expect(directory.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
  });

  it('after Back (pageshow from the back/forward cache) the page is uncovered and the widget empty', async () => {
    const { exit, directory, lookup } = await pageWithWork();
    exit.exit();
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    expect(overlays()).to.have.length(0);
    await directory.updateComplete;
    expectCleared(directory, lookup);
  });

  it('uses its light-DOM fallback link as destination and hides it once running', async () => {
    const el = await fixture<ReferralQuickExit>(
      html`<referral-quick-exit><a href="https://example.org/fallback">Exit this page</a></referral-quick-exit>`,
    );
    expect(el.querySelector('a')!.getClientRects()).to.have.length(0);
    expect(el.destination).to.equal('https://example.org/fallback');
    el.exitUrl = 'javascript:alert(1)';
    expect(el.destination).to.equal('https://example.org/fallback');
  });

  it('goes where the partner asked: https:, its own origin, or http: on loopback', async () => {
    const el = await fixture<ReferralQuickExit>(html`<referral-quick-exit></referral-quick-exit>`);
    const accepted = [
      ['https://example.org/weather', 'https://example.org/weather'],
      ['http://127.0.0.1:8080/home', 'http://127.0.0.1:8080/home'],
      ['http://localhost:3000/', 'http://localhost:3000/'],
      ['http://[::1]:8080/x', 'http://[::1]:8080/x'],
      [`${location.origin}/intranet`, `${location.origin}/intranet`],
      ['/intranet?a=1', `${location.origin}/intranet?a=1`],
    ];
    for (const [value, destination] of accepted) {
      el.exitUrl = value!;
      await el.updateComplete;
      expect(el.destination, value).to.equal(destination);
    }
  });

  it('refuses anything else with one console warning naming the attribute and the reason', async () => {
    const warnings: string[] = [];
    const realWarn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      const el = await fixture<ReferralQuickExit>(html`<referral-quick-exit></referral-quick-exit>`);
      for (const value of [
        'http://example.org/',
        'javascript:alert(1)',
        'https://user:pw@example.org/',
        'http://[bad',
      ]) {
        warnings.length = 0;
        el.exitUrl = value;
        await el.updateComplete;
        el.requestUpdate();
        await el.updateComplete;
        expect(el.destination, value).to.equal('https://www.google.com/');
        expect(warnings, value).to.have.length(1);
        expect(warnings[0]).to.contain('exit-url');
      }
      el.exitUrl = 'http://example.org/';
      await el.updateComplete;
      expect(warnings.at(-1)).to.contain('http: is not allowed');
    } finally {
      console.warn = realWarn;
    }
  });

  it('removes a printed safety card on exit', async () => {
    const original = ReferralDirectory.print;
    ReferralDirectory.print = () => {};
    try {
      const { exit, directory } = await pageWithWork();
      directory.printSafetyCard();
      expect(document.querySelectorAll('body > iframe')).to.have.length(1);
      exit.exit();
      expect(document.querySelectorAll('body > iframe')).to.have.length(0);
    } finally {
      ReferralDirectory.print = original;
    }
  });
});

describe('<referral-widget>', () => {
  it('has tabs, a hotline strip and quick exit; tabs follow the APG keyboard pattern', async () => {
    const el = await fixture<ReferralWidget>(html`<referral-widget api-base-url=${API}></referral-widget>`);
    await expectAccessible(el, 'widget: find tab');
    expect(el.shadowRoot!.querySelector('referral-quick-exit')).to.exist;
    expect(text(el)).to.contain('Talk to someone now');
    expect(text(el)).to.contain('1-800-799-7233');
    // The API's own lines join the built-in ones once they load; a line both know is shown once.
    await until(() => text(el).includes('National Human Trafficking Hotline'), 'API hotlines added to the strip');
    expect(text(el).split('1-800-799-7233').length - 1).to.equal(1);
    const tabs = $$(el, '[role=tab]');
    expect(tabs.map((t) => t.textContent.trim())).to.deep.equal([
      'Find services',
      'Look up a person in custody',
      'Get alerts',
      'Talk to a specialist',
    ]);
    tabs[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(tabs[1]);
    expect(tabs[1]!.getAttribute('aria-selected')).to.equal('true');
    expect($(el, '#panel-lookup').hidden).to.equal(false);
    expect($(el, '#panel-find').hidden).to.equal(true);
    await expectAccessible(el, 'widget: lookup tab');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(tabs[2]);
    await expectAccessible(el, 'widget: alerts tab');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(tabs[3]);
    await expectAccessible(el, 'widget: callback tab');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(tabs[0]);
  });

  it('is themeable through custom properties and ::part, also inside its parts, and shows a visible focus ring', async () => {
    const theme = document.createElement('style');
    theme.textContent = `referral-widget { --referral-color-primary: rgb(0, 80, 0); --referral-font-family: Georgia }
      referral-widget::part(card) { border-color: rgb(200, 0, 0) } referral-widget::part(exit-button) { font-size: 30px }`;
    document.head.append(theme);
    try {
      const el = await fixture<ReferralWidget>(html`<referral-widget api-base-url=${API}></referral-widget>`);
      const directory = $<ReferralDirectory>(el, 'referral-directory');
      await directory.updateComplete;
      type($<HTMLInputElement>(directory, 'input[role=combobox]'), 'shelter');
      await until(() => $$(directory, '.card').length > 0, 'no results');
      expect(getComputedStyle($(directory, '.card')).borderTopColor).to.equal('rgb(200, 0, 0)');
      expect(getComputedStyle($(directory, '.card button')).color).to.equal('rgb(0, 80, 0)');
      expect(getComputedStyle($(directory, '.card h3')).fontFamily).to.equal('Georgia');
      const exit = $(el, 'referral-quick-exit');
      expect(getComputedStyle($(exit, 'button')).fontSize).to.equal('30px');

      $(el, '[role=tab][aria-selected=true]').focus();
      await sendKeys({ press: 'Tab' });
      const focused = el.shadowRoot!.activeElement as HTMLElement;
      expect(focused.getAttribute('role')).to.equal('tabpanel');
      expect(getComputedStyle(focused).outlineStyle).to.equal('solid');
    } finally {
      theme.remove();
    }
  });

  it('takes the page language, lays Arabic out right to left, and reverses arrow keys there', async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div lang="es"><referral-widget api-base-url=${API}></referral-widget></div>`,
    );
    const spanish = wrap.querySelector('referral-widget')!;
    await spanish.updateComplete;
    expect(text(spanish)).to.contain('Buscar servicios');
    await setViewport({ width: 320, height: 640 });
    const el = await fixture<ReferralWidget>(html`<referral-widget lang="ar" api-base-url=${API}></referral-widget>`);
    expect($(el, '.root').getAttribute('dir')).to.equal('rtl');
    el.subject = { id: FIXTURE_IDS.custody.released, displayName: 'Test' };
    $$(el, '[role=tab]')[2]!.click();
    await el.updateComplete;
    const signup = $<HTMLElement & { updateComplete: Promise<boolean> }>(el, 'referral-alert-signup');
    await signup.updateComplete;
    expect(document.documentElement.scrollWidth, 'sideways scroll in right-to-left').to.be.at.most(320);
    await expectAccessible(el, 'widget: Arabic signup');
    await setViewport({ width: 800, height: 600 });
    $$(el, '[role=tab]')[0]!.click();
    await el.updateComplete;
    expect(text(el)).to.contain('ابحث عن خدمات');
    const directory = $<ReferralDirectory>(el, 'referral-directory');
    await directory.updateComplete;
    expect($(directory, '.root').getAttribute('dir')).to.equal('rtl');
    const tabs = $$(el, '[role=tab]');
    tabs[0]!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(tabs[1]);
    await expectAccessible(el, 'widget: Arabic');
  });

  it('stays usable on a hostile page: global resets, huge fonts, dark background, 320 px wide', async () => {
    const hostile = document.createElement('style');
    hostile.textContent = `html { font-size: 26px } body { background: #111; color: #eee; line-height: .8; text-transform: uppercase;
      letter-spacing: 2px; font-family: serif } * { box-sizing: content-box; margin: 0; padding: 0 } button, input, a { all: unset }`;
    document.head.append(hostile);
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await fixture<ReferralWidget>(html`<referral-widget api-base-url=${API}></referral-widget>`);
      const directory = $<ReferralDirectory>(el, 'referral-directory');
      await directory.updateComplete;
      type($<HTMLInputElement>(directory, 'input[role=combobox]'), 'shelter');
      await until(() => $$(directory, '.card').length > 0, 'no results');
      expect(document.documentElement.scrollWidth, 'horizontal overflow').to.be.at.most(320);
      const style = getComputedStyle($(directory, '.card h3'));
      expect([style.textTransform, style.letterSpacing]).to.deep.equal(['none', 'normal']);
      expect(parseFloat(style.lineHeight) / parseFloat(style.fontSize)).to.be.at.least(1.2);
      for (const target of [...$$(el, 'button'), ...$$(directory, 'button, a, input, select')]) {
        const box = target.getBoundingClientRect();
        if (box.width === 0) continue; // hidden
        expect(Math.min(box.width, box.height), `${target.localName} target size`).to.be.at.least(24);
      }
      await expectAccessible(el, 'hostile page, 320 px');
    } finally {
      hostile.remove();
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('when a part fails, shows its message and retry once, with the hotlines once (in the strip)', async () => {
    mock.setScenario('server-error');
    const el = await fixture<ReferralWidget>(
      html`<referral-widget .client=${createClient({ baseUrl: API, retries: 0 })}></referral-widget>`,
    );
    const directory = $<ReferralDirectory>(el, 'referral-directory');
    await directory.updateComplete;
    type($<HTMLInputElement>(directory, 'input[role=combobox]'), 'shelter');
    await until(() => directory.shadowRoot!.querySelector('[role=alert]'), 'no message');
    expect(directory.shadowRoot!.querySelector('.hotlines')).to.equal(null);
    expect($$(directory, 'button').some((b) => b.textContent === 'Try again')).to.equal(true);
    expect($$(el, '.hotlines')).to.have.length(1);
    expect(text(el)).to.contain('1-800-799-7233');
    await expectAccessible(el, 'widget: directory failed');
  });

  it('a full journey leaves no trace and talks only to the API', async () => {
    const before = await browserTraces();
    const start = requests.length;
    const composed: string[] = [];
    const listen = (e: Event) => composed.push(e.type);
    for (const name of ['referral-search', 'referral-lookup', 'referral-subscribe', 'referral-exit'])
      document.addEventListener(name, listen);

    const el = await fixture<ReferralWidget>(
      html`<referral-widget api-base-url=${API} near="77002"></referral-widget>`,
    );
    const directory = $<ReferralDirectory>(el, 'referral-directory');
    await directory.updateComplete;
    const searched = nextEvent(document, ReferralSearchEvent.eventName);
    type($<HTMLInputElement>(directory, 'input[role=combobox]'), 'shelter');
    await searched;

    $$(el, '[role=tab]')[1]!.click();
    const lookup = $<ReferralOffenderLookup>(el, 'referral-offender-lookup');
    await lookup.updateComplete;
    const person = data.custody.find((r) => r.id === FIXTURE_IDS.custody.released)!;
    $<HTMLInputElement>(lookup, '#name').value = person.displayName;
    $<HTMLFormElement>(lookup, 'form').requestSubmit();
    await until(() => $$(lookup, '.card').length > 0, 'no lookup results');
    const card = $$(lookup, '.card').find((c) => c.querySelector('h4')!.textContent === person.displayName)!;
    [...card.querySelectorAll('button')].find((b) => b.textContent.includes('Get alerts'))!.click();
    await el.updateComplete;
    expect($$(el, '[role=tab]')[2]!.getAttribute('aria-selected')).to.equal('true');
    expect(card.querySelector('referral-alert-signup')).to.equal(null);
    const signup = $<HTMLElement & { updateComplete: Promise<boolean> }>(el, '#panel-alerts referral-alert-signup');
    await signup.updateComplete;
    $<HTMLInputElement>(signup, '#contact').value = 'visitor@example.org';
    $<HTMLFormElement>(signup, 'form').requestSubmit();
    await until(() => signup.shadowRoot!.querySelector('#code'), 'no code step');
    $<HTMLInputElement>(signup, '#code').value = '123456';
    $<HTMLFormElement>(signup, 'form').requestSubmit();
    await until(() => text(signup).includes('You are signed up'), 'not confirmed');
    await expectAccessible(el, 'widget: signed up');

    $<HTMLButtonElement>($(el, 'referral-quick-exit'), 'button').click();
    await el.updateComplete;
    expect($$(el, '[role=tab]')[0]!.getAttribute('aria-selected')).to.equal('true');
    expect(el.shadowRoot!.querySelector('#panel-alerts referral-alert-signup')).to.equal(null);

    for (const name of ['referral-search', 'referral-lookup', 'referral-subscribe', 'referral-exit'])
      document.removeEventListener(name, listen);
    expect(new Set(composed)).to.deep.equal(
      new Set(['referral-search', 'referral-lookup', 'referral-subscribe', 'referral-exit']),
    );
    expect(await browserTraces()).to.deep.equal(before);
    const origins = new Set(requests.slice(start).map((r) => new URL(r).origin));
    expect([...origins]).to.deep.equal([API]);
  });

  it('loads twice without breaking (guarded define)', async () => {
    await import(/* @vite-ignore */ `../../src/referral-widget.ts?copy=${Date.now()}`);
    expect(customElements.get('referral-widget')).to.equal(ReferralWidget);
  });
});

describe('languages', () => {
  it('adding a language is one catalog', async () => {
    // Every key of every shipped catalog is checked in test/catalogs.test.ts; here, a partner's own language.
    const de: Catalog = { ...en, lang: 'de', exit: { ...en.exit, button: 'Diese Seite verlassen' } };
    registerCatalog(de);
    const el = await fixture<ReferralQuickExit>(html`<referral-quick-exit lang="de-AT"></referral-quick-exit>`);
    expect($(el, 'button').textContent).to.equal('Diese Seite verlassen');
  });
});
