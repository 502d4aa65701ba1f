import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, http, HttpResponse } from 'msw';
import { createClient, NATIONAL_LINES, type Service } from '@referral-kit/sdk';
import type { Scenario } from '@referral-kit/mocks';
import '@referral-kit/widgets';
import {
  ReferralDirectory,
  ReferralErrorEvent,
  ReferralSearchEvent,
  ReferralSelectEvent,
  type ReferralErrorKind,
} from '@referral-kit/widgets';
import {
  $,
  $$,
  API,
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
import { XSS, xssService, xssRan } from './xss.js';

const search = (el: ReferralDirectory) => $<HTMLInputElement>(el, 'input[role=combobox]');
const cards = (el: ReferralDirectory) => $$(el, '.card');
const status = (el: ReferralDirectory) => $(el, '[role=status]').textContent.trim();
/** A client that fails fast, for fault scenarios. */
const fastClient = () => createClient({ baseUrl: API, timeoutMs: 1000, retries: 0 });

async function directory(attrs = '') {
  const el = await fixture<ReferralDirectory>(
    html`<referral-directory api-base-url=${API} search-mode="server"></referral-directory>`,
  );
  if (attrs) el.setAttribute('near', attrs);
  await el.updateComplete;
  return el;
}

/** [label, href] of every link in the element. */
const hrefsOf = (el: ReferralDirectory) =>
  $$<HTMLAnchorElement>(el, 'a').map((a) => [a.textContent.trim(), a.getAttribute('href')]);

function page(services: Service[]) {
  return HttpResponse.json({
    items: services.map((service) => ({ service })),
    total: services.length,
    page: 1,
    pageSize: 20,
  });
}

describe('<referral-directory>', () => {
  before(startWorker);
  afterEach(() => {
    mock.reset();
    worker.resetHandlers();
  });
  after(() => worker.stop());

  it('is accessible empty, shows results as the visitor types, and announces the count once', async () => {
    const el = await directory();
    await expectAccessible(el, 'empty');
    expect(search(el).getAttribute('autocomplete')).to.equal('off');
    const searched = nextEvent(el, ReferralSearchEvent.eventName);
    type(search(el), 'shelter');
    await expectAccessible(el, 'typing');
    const event = await searched;
    await until(() => cards(el).length > 0, 'no results');
    expect(event.resultCount).to.be.greaterThan(0);
    expect(event.mode).to.equal('server');
    expect(Object.keys(event)).to.not.include('query');
    expect(JSON.stringify(event)).to.not.contain('shelter');
    expect(search(el).getAttribute('aria-expanded')).to.equal('true');
    await until(() => status(el) !== '', 'nothing announced');
    expect(status(el)).to.match(/^\d+ services? found\.$/);
    await expectAccessible(el, 'list open');
  });

  it('follows the APG combobox keyboard pattern: arrows, Enter selects, Escape closes then clears', async () => {
    const el = await directory();
    search(el).focus();
    await sendKeys({ type: 'legal' });
    await until(() => $$(el, '[role=option]').length > 0, 'no options');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(search(el).getAttribute('aria-activedescendant')).to.equal('option-0');
    expect($(el, '#option-0').getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    const last = $$(el, '[role=option]').length - 1;
    expect(search(el).getAttribute('aria-activedescendant')).to.equal(`option-${last}`);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const selected = nextEvent(el, ReferralSelectEvent.eventName);
    await sendKeys({ press: 'Enter' });
    const event = await selected;
    expect(event.serviceId).to.be.a('string');
    await el.updateComplete;
    expect(search(el).getAttribute('aria-expanded')).to.equal('false');
    const focused = el.shadowRoot!.activeElement as HTMLElement;
    expect(focused.dataset.service).to.equal(event.serviceId);
    expect(focused.querySelector('h3')!.textContent).to.equal(
      data.services.find((s) => s.id === event.serviceId)!.name,
    );
    await expectAccessible(el, 'results');

    search(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(search(el).getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(search(el).getAttribute('aria-expanded')).to.equal('false');
    expect(search(el).value).to.equal('legal');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(search(el).value).to.equal('');
  });

  it('drops a stale answer: "jo" answered after "john" never replaces john\'s results', async () => {
    const signals: AbortSignal[] = [];
    // This fetch ignores aborts, so the stale answer really arrives and must be dropped by the element.
    const client = createClient({
      baseUrl: API,
      fetch: (input, init) => {
        if ((input instanceof Request ? input.url : String(input)).includes('/v1/services?'))
          signals.push(init!.signal!);
        return fetch(input, { ...init, signal: undefined });
      },
    });
    worker.use(
      http.get(`${API}/v1/services`, async ({ request }) => {
        const q = new URL(request.url).searchParams.get('q') ?? '';
        if (q === 'jo') await delay(500);
        return page([{ ...data.services[5]!, id: `svc-${q}`, name: `Answer for ${q}` }]);
      }),
    );
    const el = await fixture<ReferralDirectory>(
      html`<referral-directory .client=${client} search-mode="server"></referral-directory>`,
    );
    type(search(el), 'jo');
    await until(() => signals.length === 1, 'first request not sent');
    type(search(el), 'john');
    await until(() => cards(el).length === 1, 'no results');
    expect($(el, '.card h3').textContent).to.equal('Answer for john');
    expect(signals[0]!.aborted, 'older request aborted').to.equal(true);
    await delay(800);
    expect($(el, '.card h3').textContent).to.equal('Answer for john');
  });

  it('auto mode: a small directory loads one snapshot and searches it in the page', async () => {
    const el = await fixture<ReferralDirectory>(html`<referral-directory api-base-url=${API}></referral-directory>`);
    const start = requests.length;
    const searched = nextEvent(el, ReferralSearchEvent.eventName);
    type(search(el), 'shelter');
    expect((await searched).mode).to.equal('local');
    await until(() => cards(el).length > 0, 'no local results');
    type(search(el), 'legal help');
    await until(() => cards(el).some((c) => /legal|Legal/.test(c.textContent)), 'second query not answered');
    const made = requests.slice(start).map((r) => new URL(r).pathname);
    expect(made.filter((p) => p === '/v1/directory/snapshot')).to.have.length(1);
    expect(made.filter((p) => p === '/v1/services')).to.have.length(1); // the size probe only
    await expectAccessible(el, 'results (local)');
  });

  it('auto mode: a large directory searches on the server', async () => {
    worker.use(
      http.get(`${API}/v1/services`, ({ request }) =>
        new URL(request.url).searchParams.get('pageSize') === '1'
          ? HttpResponse.json({ items: [{ service: data.services[0] }], total: 50_000, page: 1, pageSize: 1 })
          : page(data.services.slice(0, 3)),
      ),
    );
    const el = await fixture<ReferralDirectory>(html`<referral-directory api-base-url=${API}></referral-directory>`);
    const start = requests.length;
    const searched = nextEvent(el, ReferralSearchEvent.eventName);
    type(search(el), 'shelter');
    expect((await searched).mode).to.equal('server');
    expect(requests.slice(start).some((r) => r.includes('/v1/directory/snapshot'))).to.equal(false);
  });

  it('filters by category, language, distance, open now and 24/7', async () => {
    const el = await directory('77002');
    const select = (id: string, value: string) => {
      const s = $<HTMLSelectElement>(el, `#${id}`);
      s.value = value;
      s.dispatchEvent(new Event('change'));
    };
    const before = requests.length;
    select('category', 'legal-aid');
    await until(() => requests.length > before && !el.shadowRoot!.querySelector('[aria-busy=true]'), 'no search');
    select('language', 'es');
    select('distance', '25');
    const open = $$<HTMLInputElement>(el, 'input[type=checkbox]');
    open[0]!.click();
    await until(() => requests.some((r) => r.includes('openNow=true')), 'open-now not sent');
    const last = new URL(
      requests.filter((r) => r.includes('/v1/services'))[
        requests.filter((r) => r.includes('/v1/services')).length - 1
      ]!,
    );
    expect(last.searchParams.get('category')).to.equal('legal-aid');
    expect(last.searchParams.get('language')).to.equal('es');
    expect(last.searchParams.get('postalCode')).to.equal('77002');
    expect(Number(last.searchParams.get('radiusKm'))).to.be.closeTo(40.2, 0.1);
    open[1]!.click();
    await until(() => requests.some((r) => r.includes('open24x7=true')), '24/7 filter not sent to the server');
    await until(() => !el.shadowRoot!.querySelector('[aria-busy=true]') && el.answer !== undefined, 'no answer');
    for (const card of cards(el)) expect(card.textContent).to.contain('Open 24/7');
  });

  it('renders a result card: organization, distance, open status, languages, safe actions; no directions for confidential places', async () => {
    const shelter = data.services.find((s) => s.locations.some((l) => l.confidential))!;
    const office = data.services.find((s) => s.locations.some((l) => !l.confidential && l.lat !== undefined) && s.url)!;
    worker.use(
      http.get(`${API}/v1/services`, () =>
        HttpResponse.json({
          items: [
            { service: shelter, distanceKm: 3.2 },
            { service: office, distanceKm: 12 },
          ],
          total: 2,
          page: 1,
          pageSize: 20,
        }),
      ),
    );
    const el = await directory();
    type(search(el), 'help');
    await until(() => cards(el).length === 2, 'no cards');
    const [first, second] = cards(el);
    expect(first!.textContent).to.contain(shelter.organization.name);
    expect(first!.textContent).to.contain('2 mi away');
    expect(first!.textContent).to.contain('Confidential location');
    expect([...first!.querySelectorAll('a')].some((a) => a.textContent === 'Directions')).to.equal(false);
    const links = [...second!.querySelectorAll('a')];
    const directions = links.find((a) => a.textContent === 'Directions')!;
    expect(directions.href).to.match(/^https:\/\//);
    for (const a of [...first!.querySelectorAll('a'), ...links]) {
      expect(a.protocol).to.be.oneOf(['https:', 'tel:', 'sms:', 'mailto:']);
      if (a.target === '_blank') expect(a.rel).to.equal('noopener noreferrer');
    }
    expect(links.some((a) => a.protocol === 'tel:')).to.equal(true);
    expect(second!.textContent).to.match(/Open now|Closed now|Open 24\/7/);
  });

  it('marks TTY numbers and builds text links', async () => {
    const service = {
      ...data.services[1]!,
      phones: [
        { number: '713-555-0100', type: 'voice' as const, languages: [] },
        { number: '713-555-0101', type: 'tty' as const, languages: [] },
        { number: '713-555-0102', type: 'text' as const, languages: [] },
      ],
    };
    worker.use(http.get(`${API}/v1/services`, () => page([service])));
    const el = await directory();
    type(search(el), 'x');
    await until(() => cards(el).length === 1, 'no card');
    const hrefs = $$<HTMLAnchorElement>(el, '.card a').map((a) => [a.textContent, a.getAttribute('href')]);
    expect(hrefs).to.deep.include(['Call 713-555-0100', 'tel:7135550100']);
    expect(hrefs).to.deep.include(['TTY 713-555-0101', 'tel:7135550101']);
    expect(hrefs).to.deep.include(['Text 713-555-0102', 'sms:7135550102']);
  });

  it('shows no-results guidance accessibly, never only "no results": 24/7 lines and the national hotlines', async () => {
    worker.use(http.get(`${API}/v1/services`, () => page([])));
    const el = await directory();
    type(search(el), 'zzzz');
    await until(() => text(el).includes('No services match'), 'no guidance');
    expect(hrefsOf(el)).to.deep.include(['Call 1-800-799-7233', 'tel:18007997233']);
    expect($$(el, '.crisis')).to.have.length(0);
    await expectAccessible(el, 'no results');
  });

  it('with no match, lists the directory’s own 24/7 lines and offers a callback when that element exists', async () => {
    const el = await directory('85701');
    type(search(el), 'qqqqzzzz');
    await until(
      () => text(el).includes('No services match') && text(el).includes('Open 24/7 near you'),
      'no nearby lines',
    );
    const nearby = $$(el, '.hotlines').find((h) => h.getAttribute('aria-label') === 'Open 24/7 near you')!;
    for (const name of [...nearby.querySelectorAll('strong')].map((s) => s.textContent.trim())) {
      const service = data.services.find((x) => x.name === name)!;
      expect(service.categories).to.include('hotline');
      expect(service.schedule?.open24x7).to.equal(true);
    }
    // The package root registers <referral-callback-request>, so the no-match view offers a person to talk to.
    expect(customElements.get('referral-callback-request')).to.not.equal(undefined);
    expect($$(el, 'referral-callback-request')).to.have.length(1);
    expect(text(el)).to.include('call you back');
  });

  it('puts "Get help now" above the results for a cry for help: 911, 988, the DV hotline, RAINN, VOICE, then 24/7 lines', async () => {
    const el = await directory('85701');
    type(search(el), 'i want to kill myself');
    await until(() => $$(el, '.crisis').length === 1 && text(el).includes('Open 24/7 near you'), 'no crisis panel');
    const panel = $(el, '.crisis');
    expect(panel.querySelector('h3')!.textContent).to.equal('Get help now');
    // Every number comes from the SDK's one list of national lines, in the panel's order.
    const expected = [
      ...NATIONAL_LINES.emergency,
      ...NATIONAL_LINES.crisis,
      ...NATIONAL_LINES.dv,
      ...NATIONAL_LINES.rainn,
      ...NATIONAL_LINES.voice,
    ].map((p) => (p.type === 'text' ? `Text ${p.number}${'body' in p ? `: ${p.body}` : ''}` : `Call ${p.number}`));
    const labels = [...panel.querySelectorAll('a')].map((a) => a.textContent.trim());
    expect(labels.slice(0, expected.length)).to.deep.equal(expected);
    expect(panel.querySelector('a[href="sms:88788?&body=START"]'), 'text START to 88788').to.exist;
    expect(labels.length).to.be.greaterThan(expected.length, 'the directory’s nearest 24/7 lines follow');
    // The panel precedes the result count and the cards.
    const order = $$(el, '.crisis, ul[part=results], .card');
    expect(order[0]!.classList.contains('crisis')).to.equal(true);
    await expectAccessible(el, 'crisis panel');
  });

  it('announces the crisis lines once, not on every keystroke while they stay', async () => {
    const el = await directory();
    type(search(el), 'tengo miedo');
    await until(() => status(el).startsWith('Get help now'), 'crisis not announced');
    type(search(el), 'tengo mucho miedo');
    await until(() => /^\d+ services? found\.$|^No services found\.$/.test(status(el)), 'count not announced alone');
    expect(status(el)).to.not.include('Get help now');
    type(search(el), 'abogado');
    await until(() => $$(el, '.crisis').length === 0, 'panel stayed');
    type(search(el), 'emergency');
    await until(() => status(el).startsWith('Get help now'), 'a new crisis is announced again');
  });

  it('recognises a cry for help in the page too (local search), in Arabic', async () => {
    const el = await fixture<ReferralDirectory>(
      html`<referral-directory api-base-url=${API} search-mode="local" lang="ar"></referral-directory>`,
    );
    type(search(el), 'أنا في خطر');
    await until(() => $$(el, '.crisis').length === 1, 'no crisis panel');
    type(search(el), 'مأوى');
    await until(() => $$(el, '.crisis').length === 0 && cards(el).length > 0, 'no shelters for مأوى');
    for (const card of cards(el).slice(0, 3)) {
      const service = data.services.find((x) => x.id === card.dataset.service)!;
      expect(service.categories).to.include('shelter');
    }
    await expectAccessible(el, 'arabic results');
  });

  it('prints a safety card with the chosen services and hotlines, as text', async () => {
    const printed: Document[] = [];
    const original = ReferralDirectory.print;
    ReferralDirectory.print = (win) => printed.push(win.document);
    try {
      worker.use(http.get(`${API}/v1/services`, () => page([xssService, data.services[2]!])));
      const el = await directory();
      type(search(el), 'card');
      await until(() => cards(el).length === 2, 'no cards');
      const add = cards(el)[0]!.querySelector<HTMLButtonElement>('button[aria-pressed]')!;
      add.click();
      await el.updateComplete;
      expect(add.getAttribute('aria-pressed')).to.equal('true');
      [...$$(el, 'button')].find((b) => b.textContent.includes('Print a safety card'))!.click();
      expect(printed).to.have.length(1);
      const card = printed[0]!;
      expect(card.body.textContent).to.contain('1-800-799-7233');
      expect(card.body.textContent).to.contain(XSS.script);
      expect(card.body.textContent).to.not.contain(data.services[2]!.name);
      expect(card.querySelectorAll('script, img, svg, iframe, style')).to.have.length(0);
      // Styled by a constructed sheet, which a strict CSP (`style-src 'self'`) allows, unlike a <style> element.
      expect(card.adoptedStyleSheets).to.have.length(1);
      expect(card.defaultView!.getComputedStyle(card.querySelector('h1')!).fontSize).to.equal('24px');
      expect(xssRan()).to.equal(false);
    } finally {
      ReferralDirectory.print = original;
    }
  });

  it('renders hostile service text as text and runs nothing', async () => {
    worker.use(http.get(`${API}/v1/services`, () => page([xssService])));
    const el = await directory();
    type(search(el), 'x');
    await until(() => cards(el).length === 1, 'no card');
    await sendKeys({ press: 'ArrowDown' });
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('script, img, svg, iframe, [onerror], [onload]')).to.have.length(0);
    expect(text(el)).to.contain(XSS.script);
    expect(text(el)).to.contain(XSS.img);
    for (const a of $$<HTMLAnchorElement>(el, 'a'))
      expect(a.protocol).to.be.oneOf(['https:', 'tel:', 'sms:', 'mailto:']);
    await delay(50);
    expect(xssRan()).to.equal(false);
  });

  const faults: Record<string, ReferralErrorKind> = {
    'network-error': 'network',
    'server-error': 'server',
    'rate-limited': 'rate-limited',
    never: 'timeout',
    'malformed-json': 'contract',
    'contract-violation': 'contract',
  };
  for (const [scenario, kind] of Object.entries(faults) as Array<[Scenario, ReferralErrorKind]>) {
    it(`shows hotlines, a plain message and a retry when the API answers "${scenario}"`, async () => {
      mock.setScenario(scenario);
      const el = await fixture<ReferralDirectory>(
        html`<referral-directory .client=${fastClient()} search-mode="server"></referral-directory>`,
      );
      const failed = nextEvent(el, ReferralErrorEvent.eventName);
      type(search(el), 'shelter');
      const event = await failed;
      expect([event.source, event.kind]).to.deep.equal(['directory', kind]);
      await until(() => el.shadowRoot!.querySelector('[role=alert]'), 'no message');
      expect(text(el)).to.contain('1-800-799-7233');
      expect(text(el)).to.contain('988');
      expect($(el, '[role=alert]').textContent).to.not.match(/error|exception|\bat\b.*\.ts/i);
      await expectAccessible(el, `error: ${scenario}`);
      mock.setScenario('ok');
      [...$$(el, 'button')].find((b) => b.textContent === 'Try again')!.click();
      await until(() => cards(el).length > 0, 'retry did not recover');
    });
  }

  it('keeps working when slow, showing that it is loading', async () => {
    mock.setScenario('slow');
    const el = await directory();
    type(search(el), 'shelter');
    await until(() => text(el).includes('Loading'), 'no loading state');
    await until(() => cards(el).length > 0, 'no results after slow answer');
  });

  it('shows hotlines and a setup message when api-base-url is missing', async () => {
    const el = await fixture<ReferralDirectory>(html`<referral-directory></referral-directory>`);
    const failed = nextEvent(el, ReferralErrorEvent.eventName);
    type(search(el), 'shelter');
    expect((await failed).kind).to.equal('config');
    await until(() => el.shadowRoot!.querySelector('[role=alert]'), 'no message');
    expect(text(el)).to.contain('not set up correctly');
    expect(text(el)).to.contain('1-800-799-7233');
  });
});
