import { expect, fixture, html } from '@open-wc/testing';
import '@referral-kit/widgets';
import type { ReferralDirectory } from '@referral-kit/widgets';
import { $, $$, API, mock, startWorker, type, until, worker } from './helpers.js';

describe('<referral-directory>', () => {
  before(startWorker);
  afterEach(() => mock.reset());
  after(() => worker.stop());

  it('shows results as the visitor types', async () => {
    const el = await fixture<ReferralDirectory>(html`<referral-directory api-base-url=${API} search-mode="server"></referral-directory>`);
    type($<HTMLInputElement>(el, 'input[role=combobox]'), 'shelter');
    await until(() => $$(el, '.card').length > 0, 'no results');
    expect($<HTMLInputElement>(el, 'input[role=combobox]').getAttribute('aria-expanded')).to.equal('true');
  });
});
