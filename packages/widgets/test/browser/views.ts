// Walks <referral-widget> through every view a visitor can reach (directory empty, with results, with nothing
// matching, with the crisis panel; lookup with a record; the alert signup's three steps; the callback request and
// its reference) and runs a check at each: the layout test and the axe test share it.
import { FIXTURE_IDS } from '@referral-kit/mocks';
import type {
  ReferralAlertSignup,
  ReferralCallbackRequest,
  ReferralDirectory,
  ReferralOffenderLookup,
  ReferralWidget,
} from '@referral-kit/widgets';
import { catalogFor } from '../../src/i18n/index.js';
import { callbackCatalogFor } from '../../src/i18n/callback.js';
import { $, $$, data, type, until } from './helpers.js';

const person = data.custody.find((r) => r.id === FIXTURE_IDS.custody.released)!;

function fill(host: Element, selector: string, value: string) {
  const input = $<HTMLInputElement>(host, selector);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}
const submit = (host: Element) => $<HTMLFormElement>(host, 'form').requestSubmit();
const pick = (host: Element, selector: string) => $<HTMLInputElement>(host, selector).click();

/** Every element under `root`, through open shadow roots. */
export function* deepElements(root: Element | ShadowRoot): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deepElements(el.shadowRoot);
  }
}

/** Calls `check` with the name of each view of `widget`, once that view is on screen. */
export async function everyView(widget: ReferralWidget, check: (view: string) => Promise<void>): Promise<void> {
  const t = catalogFor(widget.lang);
  const tabs = () => $$(widget, '[role=tab]');
  const directory = $<ReferralDirectory>(widget, 'referral-directory');
  await directory.updateComplete;
  await check('directory, empty');

  const search = async (query: string, shown: () => boolean, what: string) => {
    type($<HTMLInputElement>(directory, 'input[role=combobox]'), query);
    await until(() => directory.answer && !directory.shadowRoot!.querySelector('[aria-busy=true]') && shown(), what);
    await directory.updateComplete;
  };
  await search('shelter', () => $$(directory, '.card').length > 0, 'no results');
  await check('directory, results');
  await search('qqqzzx', () => directory.answer!.total === 0, 'something matched nonsense');
  await check('directory, no match');
  await search('I am in danger', () => !!directory.shadowRoot!.querySelector('.crisis'), 'no crisis panel');
  await check('directory, get help now');

  tabs()[1]!.click();
  const lookup = $<ReferralOffenderLookup>(widget, 'referral-offender-lookup');
  await lookup.updateComplete;
  fill(lookup, '#name', person.displayName);
  submit(lookup);
  await until(() => $$(lookup, '.card').length > 0, 'no lookup results');
  await check('lookup, record');

  const card = $$(lookup, '.card').find((c) => c.querySelector('h4')!.textContent === person.displayName)!;
  [...card.querySelectorAll('button')].find((b) => b.textContent.trim() === t.lookup.getAlerts)!.click();
  await widget.updateComplete;
  const signup = $<ReferralAlertSignup>(widget, '#panel-alerts referral-alert-signup');
  await signup.updateComplete;
  await check('signup, form');
  fill(signup, '#contact', 'visitor@example.org');
  submit(signup);
  await until(() => signup.shadowRoot!.querySelector('#code'), 'no code step');
  await check('signup, code');
  fill(signup, '#code', '123456');
  submit(signup);
  await until(() => !signup.shadowRoot!.querySelector('form'), 'not confirmed');
  await check('signup, done');

  const callbackTab = tabs()[3];
  if (!callbackTab) return;
  callbackTab.click();
  await widget.updateComplete;
  const callback = $<ReferralCallbackRequest>(widget, '#panel-callback referral-callback-request');
  await callback.updateComplete;
  await check('callback, form');
  pick(callback, 'input[name=topic][value=safety-concern]');
  pick(callback, 'input[name=channel][value=text]');
  await callback.updateComplete;
  fill(callback, '#contact', '(713) 555-0100');
  pick(callback, 'input[name=windows][value=evening]');
  submit(callback);
  const received = callbackCatalogFor(widget.lang).doneHeading;
  await until(() => callback.shadowRoot!.textContent.includes(received), 'no reference');
  await check('callback, reference');
}
