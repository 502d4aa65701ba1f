import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { ALERT_EVENTS, LANGUAGES, createClient } from '@referral-kit/sdk';
import { FIXTURE_IDS, type Scenario } from '@referral-kit/mocks';
import '@referral-kit/widgets';
import {
  ReferralAlertSignup,
  ReferralErrorEvent,
  ReferralLookupEvent,
  ReferralOffenderLookup,
  ReferralSubscribeEvent,
} from '@referral-kit/widgets';
import { $, $$, API, data, expectAccessible, mock, nextEvent, startWorker, text, until, worker } from './helpers.js';
import { XSS, xssRan, xssRecord } from './xss.js';

const released = data.custody.find((r) => r.id === FIXTURE_IDS.custody.released)!;
const inCustody = data.custody.find((r) => r.id === FIXTURE_IDS.custody['in-custody'])!;

function fill(host: Element, selector: string, value: string) {
  const input = $<HTMLInputElement>(host, selector);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}
function submit(host: Element) {
  $<HTMLFormElement>(host, 'form').requestSubmit();
}
function pick(host: Element, selector: string) {
  $<HTMLInputElement>(host, selector).click();
}

async function lookup(client?: ReturnType<typeof createClient>) {
  return client
    ? fixture<ReferralOffenderLookup>(html`<referral-offender-lookup .client=${client}></referral-offender-lookup>`)
    : fixture<ReferralOffenderLookup>(html`<referral-offender-lookup api-base-url=${API}></referral-offender-lookup>`);
}

async function signup(subjectId = inCustody.id, name = inCustody.displayName) {
  return fixture<ReferralAlertSignup>(
    html`<referral-alert-signup
      api-base-url=${API}
      subject-id=${subjectId}
      subject-name=${name}
    ></referral-alert-signup>`,
  );
}

/** Field error wiring: aria-invalid, and the message id in aria-describedby. */
function expectFieldError(host: Element, id: string, message: RegExp) {
  const input = $<HTMLInputElement>(host, `#${id}`);
  expect(input.getAttribute('aria-invalid')).to.equal('true');
  const error = $(host, `#${id}-error`);
  expect(error.textContent).to.match(message);
  expect(input.getAttribute('aria-describedby')!.split(' ')).to.include(`${id}-error`);
}

before(startWorker);
afterEach(() => {
  mock.reset();
  worker.resetHandlers();
});
after(() => worker.stop());

describe('<referral-offender-lookup>', () => {
  it('finds a person by name and says the status in plain words, what it means, what to do, and how fresh it is', async () => {
    const el = await lookup();
    await expectAccessible(el, 'empty');
    fill(el, '#name', released.displayName);
    const looked = nextEvent(el, ReferralLookupEvent.eventName);
    submit(el);
    const event = await looked;
    expect(event.by).to.equal('name');
    expect(event.resultCount).to.be.greaterThan(0);
    expect(JSON.stringify(event)).to.not.contain(released.displayName);
    await until(() => $$(el, '.card').length > 0, 'no results');
    const card = $$(el, '.card').find((c) => c.querySelector('h4')!.textContent === released.displayName)!;
    await until(() => card.textContent.includes('no longer held'), 'the guide explains the status');
    expect(card.textContent).to.contain('Released');
    expect(card.textContent).to.contain('no longer held');
    expect(card.textContent).to.contain('If you feel unsafe');
    expect(card.textContent).to.match(/Information updated (\d+ \w+ ago|yesterday|last \w+)\./);
    if (released.statusChangedAt)
      expect(card.textContent).to.match(/Status changed (\d+ \w+ ago|yesterday|last \w+)\./);
    if (released.facility?.phone) expect(card.querySelector('a[href^="tel:"]')).to.exist;
    expect(text(el)).to.contain('1-800-799-7233');
    await expectAccessible(el, 'results');
  });

  it('finds a person by identifier, using only the keyboard', async () => {
    const el = await lookup();
    $<HTMLInputElement>(el, 'input[value=identifier]').focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    $<HTMLSelectElement>(el, '#identifierType').value = 'a-number';
    $<HTMLInputElement>(el, '#identifier').focus();
    await sendKeys({ type: FIXTURE_IDS.aNumber });
    await sendKeys({ press: 'Enter' });
    await until(() => $$(el, '.card').length === 1, 'no result');
    expect($(el, '.card h4').textContent).to.equal(inCustody.displayName);
    expect($(el, '.card').textContent).to.contain('In custody');
    expect(el.shadowRoot!.activeElement!.id).to.equal('results-heading');
  });

  it('ties errors to fields and moves focus to the first one', async () => {
    const el = await lookup();
    fill(el, '#name', 'x');
    fill(el, '#birthYear', '19');
    submit(el);
    await el.updateComplete;
    expectFieldError(el, 'name', /at least 2 letters/);
    expectFieldError(el, 'birthYear', /4-digit year/);
    await until(() => el.shadowRoot!.activeElement?.id === 'name', 'focus not on the first error');
    await expectAccessible(el, 'field errors');
  });

  it('gives guidance and hotlines when no one is found', async () => {
    const el = await lookup();
    fill(el, '#name', 'Nobody Here Zzyzx');
    submit(el);
    await until(() => text(el).includes('No one found'), 'no guidance');
    expect(text(el)).to.contain('may already have been released');
    expect(text(el)).to.contain('1-800-799-7233');
    await expectAccessible(el, 'no results');
  });

  const faults: Scenario[] = [
    'network-error',
    'server-error',
    'rate-limited',
    'never',
    'malformed-json',
    'contract-violation',
  ];
  for (const scenario of faults) {
    it(`shows hotlines and a plain message when the API answers "${scenario}"`, async () => {
      mock.setScenario(scenario);
      const el = await lookup(createClient({ baseUrl: API, timeoutMs: 1000, retries: 0 }));
      fill(el, '#name', released.displayName);
      const failed = nextEvent(el, ReferralErrorEvent.eventName);
      submit(el);
      expect((await failed).source).to.equal('offender-lookup');
      await until(() => el.shadowRoot!.querySelector('[role=alert]'), 'no message');
      expect(text(el)).to.contain('1-800-799-7233');
      expect(text(el)).to.not.contain('Contract Violation');
      await expectAccessible(el, `error: ${scenario}`);
      mock.setScenario('ok');
      [...$$(el, 'button')].find((b) => b.textContent === 'Try again')!.click();
      await until(() => $$(el, '.card').length > 0, 'retry did not recover');
    });
  }

  it('renders hostile custody text as text and runs nothing', async () => {
    worker.use(
      http.get(`${API}/v1/custody`, () => HttpResponse.json({ items: [xssRecord], total: 1, page: 1, pageSize: 20 })),
    );
    const el = await lookup();
    fill(el, '#name', 'anyone');
    submit(el);
    await until(() => $$(el, '.card').length === 1, 'no card');
    expect(
      el.shadowRoot!.querySelectorAll('script, img, svg, iframe, [onerror], [onload], [onmouseover]'),
    ).to.have.length(0);
    expect($(el, '.card h4').textContent).to.equal(XSS.script);
    expect(text(el)).to.contain(XSS.svg);
    expect(xssRan()).to.equal(false);
  });

  it('"Get alerts about this person" opens the signup pre-filled', async () => {
    const el = await lookup();
    fill(el, '#name', inCustody.displayName);
    submit(el);
    await until(() => $$(el, '.card').length > 0, 'no results');
    const card = $$(el, '.card').find((c) => c.querySelector('h4')!.textContent === inCustody.displayName)!;
    [...card.querySelectorAll('button')].find((b) => b.textContent.includes('Get alerts'))!.click();
    await el.updateComplete;
    const form = card.querySelector('referral-alert-signup')!;
    expect(form.subjectId).to.equal(inCustody.id);
    await form.updateComplete;
    expect($(form, 'h2').textContent).to.contain(inCustody.displayName);
    await until(() => el.shadowRoot!.activeElement === form, 'focus not moved to the signup');
    await expectAccessible(el, 'results with the signup open');
  });

  it('says it is loading while a slow answer is on its way', async () => {
    mock.setScenario('slow');
    const el = await lookup();
    fill(el, '#name', released.displayName);
    submit(el);
    await el.updateComplete;
    expect(text(el)).to.contain('Loading');
    expect($(el, 'button[type=submit]').hasAttribute('disabled')).to.equal(true);
    await until(() => $$(el, '.card').length > 0, 'no results after a slow answer');
  });
});

describe('<referral-alert-signup>', () => {
  it('walks the whole text-message journey: form, code (pasted with spaces), success with how to stop', async () => {
    const el = await signup();
    await expectAccessible(el, 'form');
    expect(text(el)).to.contain('only you can see');
    expect(text(el)).to.contain('agree to get automatic alerts');
    const events = $$<HTMLInputElement>(el, 'input[name=events]');
    expect(events.map((e) => e.value)).to.deep.equal([...ALERT_EVENTS]);
    expect(events.every((e) => e.checked)).to.equal(true);
    expect(text(el)).to.contain('Released on bond or with conditions');
    expect(text(el)).to.contain('Out of the United States (removed or departed)');
    pick(el, 'input[value=sms]');
    await el.updateComplete;
    fill(el, '#contact', '555-12');
    submit(el);
    await el.updateComplete;
    expectFieldError(el, 'contact', /10-digit U.S. phone/);
    await expectAccessible(el, 'form with errors');

    fill(el, '#contact', '(713) 555-0147');
    const requested = nextEvent(el, ReferralSubscribeEvent.eventName);
    submit(el);
    const first = await requested;
    expect([first.step, first.channel]).to.deep.equal(['requested', 'sms']);
    expect(JSON.stringify(first)).to.not.contain('0147');
    await until(() => el.shadowRoot!.querySelector('#code'), 'no code step');
    expect(mock.subscriptions.at(-1)!.request).to.include({
      subjectId: inCustody.id,
      channel: 'sms',
      contact: '(713) 555-0147',
    });
    expect(el.shadowRoot!.activeElement!.localName).to.equal('h2');
    await expectAccessible(el, 'code');

    fill(el, '#code', '000000');
    submit(el);
    await until(() => el.shadowRoot!.querySelector('#code-error'), 'no code error');
    expectFieldError(el, 'code', /not right/);
    await expectAccessible(el, 'code with error');

    $<HTMLInputElement>(el, '#code').focus();
    $<HTMLInputElement>(el, '#code').select();
    const confirmed = nextEvent(el, ReferralSubscribeEvent.eventName);
    fill(el, '#code', ' 123 456 ');
    submit(el);
    expect((await confirmed).step).to.equal('confirmed');
    await until(() => text(el).includes('You are signed up'), 'no success page');
    expect(text(el)).to.contain('reply STOP');
    await expectAccessible(el, 'done');
  });

  it('can be completed with the keyboard alone', async () => {
    const el = await signup();
    $<HTMLInputElement>(el, 'input[value=email]').focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect($<HTMLInputElement>(el, 'input[value=sms]').checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement!.id).to.equal('contact');
    await sendKeys({ type: '7135550147' });
    await sendKeys({ press: 'Enter' });
    await until(
      () => el.shadowRoot!.activeElement?.localName === 'h2' && el.shadowRoot!.querySelector('#code'),
      'no code step',
    );
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement!.id).to.equal('code');
    await sendKeys({ type: '123456' });
    await sendKeys({ press: 'Enter' });
    await until(() => text(el).includes('You are signed up'), 'not confirmed');
    expect(mock.subscriptions.at(-1)!.request).to.include({ channel: 'sms', contact: '7135550147' });
  });

  it('shows the same confirmation step whether or not the contact was already registered', async () => {
    const screens: string[] = [];
    for (let i = 0; i < 2; i++) {
      const el = await signup();
      fill(el, '#contact', 'someone@example.org');
      submit(el);
      await until(() => el.shadowRoot!.querySelector('#code'), 'no code step');
      screens.push(text(el));
    }
    expect(screens[0]).to.equal(screens[1]);
  });

  it('asks for a PIN for voice and TTY, and explains how to stop by email', async () => {
    const el = await signup();
    expect(el.shadowRoot!.querySelector('#pin')).to.equal(null);
    pick(el, 'input[value=voice]');
    await el.updateComplete;
    fill(el, '#contact', '713-555-0199');
    submit(el);
    await el.updateComplete;
    expectFieldError(el, 'pin', /4 to 8 digits/);
    fill(el, '#pin', '4321');
    submit(el);
    await until(() => el.shadowRoot!.querySelector('#code'), 'no code step');
    expect(mock.subscriptions.at(-1)!.request).to.include({ channel: 'voice', pin: '4321' });

    const mail = await signup();
    fill(mail, '#contact', 'not-an-email');
    submit(mail);
    await mail.updateComplete;
    expectFieldError(mail, 'contact', /email address/);
    $$<HTMLInputElement>(mail, 'input[name=events]').forEach((e) => e.click());
    fill(mail, '#contact', 'me@example.org');
    submit(mail);
    await mail.updateComplete;
    expect($(mail, '#events-error').textContent).to.match(/at least one/);
    $$<HTMLInputElement>(mail, 'input[name=events]')[0]!.click();
    submit(mail);
    await until(() => mail.shadowRoot!.querySelector('#code'), 'no code step');
    fill(mail, '#code', '123456');
    submit(mail);
    await until(() => text(mail).includes('link at the bottom'), 'no email stop text');
  });

  it('has a hidden honeypot: filled by a bot, the answer looks the same and nothing is kept', async () => {
    const el = await signup();
    const trap = $<HTMLInputElement>(el, '#website');
    expect(trap.tabIndex).to.equal(-1);
    expect(trap.closest('[aria-hidden=true]')).to.exist;
    trap.value = 'https://spam.example';
    fill(el, '#contact', 'bot@example.org');
    submit(el);
    await until(() => el.shadowRoot!.querySelector('#code'), 'no code step');
    expect(mock.subscriptions).to.have.length(0);
  });

  it('offers to start again when the code has expired', async () => {
    worker.use(
      http.post(`${API}/v1/alerts/confirm`, () =>
        HttpResponse.json({ error: { code: 'code_expired', message: 'Expired' } }, { status: 400 }),
      ),
    );
    const el = await signup();
    fill(el, '#contact', 'me@example.org');
    submit(el);
    await until(() => el.shadowRoot!.querySelector('#code'), 'no code step');
    fill(el, '#code', '123456');
    submit(el);
    await until(() => text(el).includes('expired'), 'no expiry message');
    [...$$(el, 'button')].find((b) => b.textContent === 'Start again')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#contact')).to.exist;
    expect($<HTMLInputElement>(el, '#contact').value).to.equal('');
  });

  for (const scenario of ['rate-limited', 'network-error', 'server-error'] as Scenario[]) {
    it(`shows hotlines and a retry when subscribing fails ("${scenario}")`, async () => {
      mock.setScenario(scenario);
      const el = await fixture<ReferralAlertSignup>(
        html`<referral-alert-signup
          .client=${createClient({ baseUrl: API, retries: 0 })}
          subject-id=${inCustody.id}
          subject-name="X"
        ></referral-alert-signup>`,
      );
      fill(el, '#contact', 'me@example.org');
      submit(el);
      await until(() => el.shadowRoot!.querySelector('[role=alert]'), 'no message');
      expect(text(el)).to.contain('1-800-799-7233');
      await expectAccessible(el, `error: ${scenario}`);
      mock.setScenario('ok');
      [...$$(el, 'button')].find((b) => b.textContent === 'Try again')!.click();
      await until(() => el.shadowRoot!.querySelector('#code'), 'retry did not reach the code step');
    });
  }

  it('offers only the channels and languages the API sends, the visitor’s own language first when it can', async () => {
    const offered = (el: Element) => $$<HTMLOptionElement>(el, '#language option').map((o) => o.value);
    const channels = (el: Element) => $$<HTMLInputElement>(el, 'input[name=channel]').map((i) => i.value);
    const arabic = () =>
      fixture<ReferralAlertSignup>(
        html`<referral-alert-signup lang="ar" api-base-url=${API} subject-id=${inCustody.id}></referral-alert-signup>`,
      );

    const page = (lang: string) =>
      fixture<ReferralAlertSignup>(
        html`<referral-alert-signup
          lang=${lang}
          api-base-url=${API}
          subject-id=${inCustody.id}
        ></referral-alert-signup>`,
      );
    // Email and texts in the ten languages; calls in those a voice speaks (no Haitian Creole).
    let el = await page('ht');
    await until(() => offered(el).length === 10, 'the API languages never came');
    expect(offered(el)).to.deep.equal([...LANGUAGES]);
    expect($<HTMLSelectElement>(el, '#language').value).to.equal('ht');
    pick(el, 'input[value=voice]');
    await el.updateComplete;
    expect(offered(el)).to.not.include('ht');
    expect($<HTMLSelectElement>(el, '#language').value).to.equal('en', 'a call cannot be in Haitian Creole: English');
    // Any Chinese page picks the Simplified Chinese messages.
    el = await page('zh-CN');
    await until(() => offered(el).length === 10, 'the API languages never came');
    expect($<HTMLSelectElement>(el, '#language').value).to.equal('zh-Hans');

    el = await arabic();
    await until(() => offered(el).length === 10, 'the API languages never came');
    expect($<HTMLSelectElement>(el, '#language').value).to.equal('ar');
    fill(el, '#contact', 'me@example.org');
    submit(el);
    await until(() => el.shadowRoot!.querySelector('#code'), 'no code step');
    expect(mock.subscriptions.at(-1)!.request.language).to.equal('ar');

    // Calls speak fewer languages than email; a server without TTY does not offer it.
    worker.use(
      http.get(`${API}/v1/alerts/options`, () =>
        HttpResponse.json({
          channels: [
            { channel: 'email', languages: ['en', 'es'] },
            { channel: 'voice', languages: ['en'] },
          ],
        }),
      ),
    );
    el = await arabic();
    await until(() => channels(el).length === 2, 'the API channels never came');
    expect(channels(el)).to.deep.equal(['email', 'voice']);
    expect(offered(el)).to.deep.equal(['en', 'es']);
    expect($<HTMLSelectElement>(el, '#language').value).to.equal('en', 'Arabic is not offered, English is chosen');
    pick(el, 'input[value=voice]');
    await el.updateComplete;
    expect(offered(el)).to.deep.equal(['en']);

    // Offline (or a server that does not say): every channel, in English, which every server sends.
    mock.setScenario({ getAlertOptions: 'network-error' });
    worker.resetHandlers();
    el = await fixture<ReferralAlertSignup>(
      html`<referral-alert-signup
        lang="es"
        .client=${createClient({ baseUrl: API, retries: 0 })}
        subject-id=${inCustody.id}
      ></referral-alert-signup>`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(channels(el)).to.deep.equal(['email', 'sms', 'voice', 'tty']);
    expect(offered(el)).to.deep.equal(['en']);
    await expectAccessible(el, 'form, English only');
  });

  it('without a person, explains to look one up first', async () => {
    const el = await fixture<ReferralAlertSignup>(
      html`<referral-alert-signup api-base-url=${API}></referral-alert-signup>`,
    );
    expect(text(el)).to.contain('first look up the person');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
  });
});
