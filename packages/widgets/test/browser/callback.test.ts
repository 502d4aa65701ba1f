import { expect, fixture, html } from '@open-wc/testing';
import { FIXTURE_IDS } from '@referral-kit/mocks';
import { LANGUAGES } from '@referral-kit/sdk';
import '@referral-kit/widgets';
import {
  ReferralCallbackEvent,
  ReferralCallbackRequest,
  ReferralExitEvent,
  ReferralOffenderLookup,
  ReferralWidget,
} from '@referral-kit/widgets';
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
  until,
  worker,
} from './helpers.js';

const person = data.custody.find((r) => r.id === FIXTURE_IDS.custody['in-custody'])!;

function fill(host: Element, selector: string, value: string) {
  const input = $<HTMLInputElement>(host, selector);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}
const submit = (host: Element) => $<HTMLFormElement>(host, 'form').requestSubmit();
const pick = (host: Element, selector: string) => $<HTMLInputElement>(host, selector).click();

async function form(attrs = html``) {
  return fixture<ReferralCallbackRequest>(
    html`<referral-callback-request api-base-url=${API}>${attrs}</referral-callback-request>`,
  );
}

before(startWorker);
afterEach(() => {
  mock.reset();
  worker.resetHandlers();
});
after(() => worker.stop());

describe('<referral-callback-request>', () => {
  it('asks only for choices, a contact and optional name and note; is accessible; shows field errors', async () => {
    const el = await form();
    await expectAccessible(el, 'callback: empty form');
    expect($$(el, 'input[name=topic]').map((i) => i.getAttribute('value'))).to.deep.equal([
      'safety-concern',
      'custody-status',
      'service-referral',
      'other',
    ]);
    expect($$(el, 'input[name=channel]').map((i) => i.getAttribute('value'))).to.deep.equal([
      'call',
      'text',
      'email',
      'tty',
    ]);
    expect(text(el)).to.match(/Times are in your time zone \(.+\)/);
    // The neutral phrase is the only message that may be left.
    expect(text(el)).to.contain('Yes, but only: “Hello, this is a courtesy call about your request.”');
    submit(el);
    await el.updateComplete;
    for (const id of ['topic', 'contact', 'windows']) expect($(el, `#${id}-error`).textContent).to.not.equal('');
    expect($<HTMLInputElement>(el, '#contact').getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal($$(el, 'input[name=topic]')[0]);
    expect(mock.callbacks).to.have.length(0);
    await expectAccessible(el, 'callback: field errors');
  });

  it('sends the request with the visitor’s time zone and a named interpreter language, shows the reference, and cancels', async () => {
    const el = await form();
    const requested = nextEvent(el, ReferralCallbackEvent.eventName);
    pick(el, 'input[name=topic][value=safety-concern]');
    pick(el, 'input[name=channel][value=text]');
    await el.updateComplete;
    fill(el, '#contact', '(713) 555-0100');
    pick(el, 'input[name=windows][value=evening]');
    const language = $<HTMLSelectElement>(el, '#language');
    language.value = 'interpreter';
    language.dispatchEvent(new Event('change'));
    await el.updateComplete;
    submit(el);
    await el.updateComplete;
    expect($(el, '#interpreterLanguage-error').textContent).to.match(/language/);
    fill(el, '#interpreterLanguage', 'Mam');
    fill(el, '#name', 'Rosa');
    submit(el);
    await until(() => text(el).includes('Your request was received'), 'no reference shown');
    const event = await requested;
    expect([event.step, event.topic, event.channel]).to.deep.equal(['requested', 'safety-concern', 'text']);
    expect(Object.keys(event)).to.not.include('contact');
    const [sent] = mock.callbacks;
    expect(sent!.request).to.include({
      topic: 'safety-concern',
      channel: 'text',
      contact: '(713) 555-0100',
      leaveMessage: false,
      interpreterLanguage: 'Mam',
      name: 'Rosa',
      language: 'en',
    });
    expect(sent!.request.windows).to.deep.equal(['evening']);
    expect(sent!.request.timeZone).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect($(el, '.reference').textContent).to.equal(sent!.reference);
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'h2'));
    await expectAccessible(el, 'callback: reference');

    [...$$<HTMLButtonElement>(el, 'button')].find((b) => b.textContent.trim() === 'Cancel this request')!.click();
    await until(() => text(el).includes('Your request is cancelled'), 'not cancelled');
    expect(mock.callbacks[0]!.cancelled).to.equal(true);
    expect(text(el)).to.not.contain(sent!.reference);
  });

  it('asks whether a message may be left only for calls and TTY', async () => {
    const el = await form();
    expect($$(el, 'input[name=leaveMessage]')).to.have.length(2);
    pick(el, 'input[name=channel][value=email]');
    await el.updateComplete;
    expect($$(el, 'input[name=leaveMessage]')).to.have.length(0);
    expect($(el, 'label[for=contact]').textContent).to.equal('Email address');
  });

  it('speaks Spanish and Arabic (right to left), accessibly', async () => {
    const es = await fixture<ReferralCallbackRequest>(
      html`<referral-callback-request api-base-url=${API} lang="es"></referral-callback-request>`,
    );
    expect($(es, 'h2').textContent.trim()).to.equal('Hablar con un especialista');
    expect(text(es)).to.contain('Otro idioma (llevaremos un intérprete)');
    const ar = await fixture<ReferralCallbackRequest>(
      html`<referral-callback-request api-base-url=${API} lang="ar"></referral-callback-request>`,
    );
    expect($(ar, 'section').getAttribute('dir')).to.equal('rtl');
    expect($(ar, 'h2').textContent.trim()).to.equal('التحدث مع أخصائي');
    await expectAccessible(ar, 'callback: Arabic');
  });

  it('offers only the languages the API can send the reference in on the chosen channel', async () => {
    const el = await fixture<ReferralCallbackRequest>(
      html`<referral-callback-request api-base-url=${API} lang="ht"></referral-callback-request>`,
    );
    const offered = () => $$<HTMLOptionElement>(el, '#language option').map((o) => o.value);
    const chosen = () => $<HTMLSelectElement>(el, '#language').value;
    await until(() => offered().length > 2, 'the API languages never came');
    // A call: no voice speaks Haitian Creole, so it is not offered and English is chosen.
    expect(offered()).to.deep.equal([...LANGUAGES.filter((l) => l !== 'ht'), 'interpreter']);
    expect(chosen()).to.equal('en');
    pick(el, 'input[name=channel][value=text]');
    await el.updateComplete;
    expect(offered()).to.deep.equal([...LANGUAGES, 'interpreter']);
    expect(chosen()).to.equal('ht');
    pick(el, 'input[name=topic][value=other]');
    fill(el, '#contact', '(713) 555-0100');
    pick(el, 'input[name=windows][value=morning]');
    submit(el);
    await until(() => mock.callbacks.length === 1, 'no request sent');
    expect(mock.callbacks[0]!.request.language).to.equal('ht');

    // Offline (or a server without the route): English, which every server sends, or an interpreter.
    mock.setScenario({ getCallbackOptions: 'network-error' });
    const offline = await form();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect($$<HTMLOptionElement>(offline, '#language option').map((o) => o.value)).to.deep.equal(['en', 'interpreter']);
  });

  it('quick exit forgets the reference and everything typed, and nothing is left in the browser', async () => {
    const before = await browserTraces();
    const start = requests.length;
    const el = await form();
    pick(el, 'input[name=topic][value=other]');
    fill(el, '#contact', '(713) 555-0100');
    pick(el, 'input[name=windows][value=morning]');
    fill(el, '#note', 'private words');
    submit(el);
    await until(() => el.shadowRoot!.querySelector('.reference'), 'no reference');
    window.dispatchEvent(new ReferralExitEvent('button'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.reference')).to.equal(null);
    expect($<HTMLInputElement>(el, '#contact').value).to.equal('');
    expect($<HTMLTextAreaElement>(el, '#note').value).to.equal('');
    expect(await browserTraces()).to.deep.equal(before);
    expect([...new Set(requests.slice(start).map((r) => new URL(r).origin))]).to.deep.equal([API]);
  });
});

describe('asking a specialist from a lookup result', () => {
  async function findPerson(lookup: ReferralOffenderLookup) {
    fill(lookup, '#name', person.displayName);
    submit(lookup);
    await until(() => $$(lookup, '.card').length > 0, 'no lookup results');
    return $$(lookup, '.card').find((c) => c.querySelector('h4')!.textContent === person.displayName)!;
  }

  it('on its own, the lookup opens the request in place, carrying the record id', async () => {
    const lookup = await fixture<ReferralOffenderLookup>(
      html`<referral-offender-lookup api-base-url=${API}></referral-offender-lookup>`,
    );
    const card = await findPerson(lookup);
    [...card.querySelectorAll('button')].find((b) => b.textContent === 'Ask a specialist about this')!.click();
    await lookup.updateComplete;
    const request = card.querySelector('referral-callback-request')!;
    expect(request.getAttribute('record-id')).to.equal(person.id);
    await request.updateComplete;
    // Releasable information is on offer only here, where the record is known.
    expect($$(request, 'input[name=topic]').map((i) => i.getAttribute('value'))).to.include('releasable-information');
    expect(text(request)).to.contain(person.displayName);
  });

  it('in the widget (Spanish), it opens the "talk to a specialist" tab about that person and sends the record id', async () => {
    const el = await fixture<ReferralWidget>(html`<referral-widget api-base-url=${API} lang="es"></referral-widget>`);
    $$(el, '[role=tab]')[1]!.click();
    await el.updateComplete;
    const lookup = $<ReferralOffenderLookup>(el, 'referral-offender-lookup');
    await lookup.updateComplete;
    const card = await findPerson(lookup);
    [...card.querySelectorAll('button')]
      .find((b) => b.textContent === 'Preguntar a un especialista sobre esto')!
      .click();
    await el.updateComplete;
    expect($$(el, '[role=tab]')[3]!.getAttribute('aria-selected')).to.equal('true');
    const request = $<ReferralCallbackRequest>(el, '#panel-callback referral-callback-request');
    await request.updateComplete;
    expect($<HTMLInputElement>(request, 'input[name=topic][value=custody-status]').checked).to.equal(true);
    pick(request, 'input[name=channel][value=call]');
    // The languages come from the API (the reference can be sent in Spanish on a call): Spanish is chosen.
    await until(() => $<HTMLSelectElement>(request, '#language').value === 'es', 'the API languages never came');
    fill(request, '#contact', '(713) 555-0100');
    pick(request, 'input[name=windows][value=afternoon]');
    submit(request);
    await until(() => text(request).includes('Recibimos su solicitud'), 'no reference');
    expect(mock.callbacks[0]!.request).to.include({ topic: 'custody-status', recordId: person.id, language: 'es' });
    await expectAccessible(el, 'widget: callback received (es)');
  });
});
