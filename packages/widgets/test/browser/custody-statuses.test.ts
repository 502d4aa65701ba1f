// Every custody status as a visitor meets it on the lookup card, in English, Spanish and Arabic: the label from the
// widget's catalog, what it means / what can happen next / what to do now from the API's guide; a status the SDK
// has never heard of still renders; "How custody works" with the data's freshness. axe reports nothing on any of it.
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { CustodyStatus, type CustodyRecord } from '@referral-kit/sdk';
import { custodyGuideText } from '@referral-kit/sdk/custody-guide';
import { FIXTURE_IDS } from '@referral-kit/mocks';
import '@referral-kit/widgets';
import { ReferralOffenderLookup } from '@referral-kit/widgets';
import { catalogFor } from '../../src/i18n/index.js';
import { $, $$, API, data, expectAccessible, mock, startWorker, until, worker } from './helpers.js';

const everyStatus = CustodyStatus.options.map((status) =>
  data.custody.find((r) => r.id === FIXTURE_IDS.custody[status])!,
);

/** The API answers any search with exactly these records. */
function answerSearchWith(records: unknown[]) {
  worker.use(
    http.get(`${API}/v1/custody`, () =>
      HttpResponse.json({ items: records, total: records.length, page: 1, pageSize: 20 }),
    ),
  );
}

async function searched(lang: string) {
  const el = await fixture<ReferralOffenderLookup>(
    html`<referral-offender-lookup lang=${lang} api-base-url=${API}></referral-offender-lookup>`,
  );
  const name = $<HTMLInputElement>(el, '#name');
  name.value = 'any name';
  $<HTMLFormElement>(el, 'form').requestSubmit();
  await until(() => $$(el, '.card').length > 0 && el.guide !== undefined, 'results and guide');
  await el.updateComplete;
  return el;
}

const cardOf = (el: Element, record: { displayName: string }) =>
  $$(el, '.card').find((c) => c.querySelector('h4')!.textContent === record.displayName)!;
const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ');

before(startWorker);
afterEach(() => {
  mock.reset();
  worker.resetHandlers();
});
after(() => worker.stop());

describe('<referral-offender-lookup>: every custody status', () => {
  it('the demo data has one record for every status', () => {
    expect(everyStatus.map((r) => r.status)).to.deep.equal(CustodyStatus.options);
  });

  for (const lang of ['en', 'es', 'ar'] as const) {
    it(`explains every status in plain words (${lang}), with no axe violations`, async () => {
      answerSearchWith(everyStatus);
      const el = await searched(lang);
      const guide = custodyGuideText(lang);
      const labels = catalogFor(lang).lookup.status;
      for (const record of everyStatus) {
        const card = squash(cardOf(el, record).textContent);
        const explained = guide.statuses[record.status];
        expect(card, record.status).to.contain(labels[record.status]);
        for (const part of [explained.meaning, explained.next, explained.now])
          expect(card, record.status).to.contain(part);
        expect(card, record.status).to.contain(record.statusReason!);
      }
      await expectAccessible(el, `every status, ${lang}`);
    });
  }

  it("an SDK that has never seen a status shows it as unknown with the source's words, not an error", async () => {
    const newer: CustodyRecord = {
      ...everyStatus[0]!,
      id: 'cus-newer',
      displayName: 'Persona Nueva',
      status: 'paroled-into-a-program' as never,
      statusReason: 'Paroled into a sponsorship program.',
    };
    answerSearchWith([newer]);
    const el = await searched('en');
    expect(el.shadowRoot!.querySelector('[part=error]')).to.equal(null);
    const card = squash(cardOf(el, newer).textContent);
    expect(card).to.contain('Status unknown');
    expect(card).to.contain('Paroled into a sponsorship program.');
    expect(card).to.contain(custodyGuideText('en').statuses.unknown.meaning);
    await expectAccessible(el, 'a status the SDK does not know');
  });

  it("still shows the status and the source's words when the guide cannot be loaded", async () => {
    worker.use(
      http.get(`${API}/v1/custody-guide`, () =>
        HttpResponse.json({ error: { code: 'internal', message: 'down' } }, { status: 500 }),
      ),
    );
    const released = everyStatus.find((r) => r.status === 'released-on-bond')!;
    answerSearchWith([released]);
    const el = await fixture<ReferralOffenderLookup>(
      html`<referral-offender-lookup lang="es" api-base-url=${API}></referral-offender-lookup>`,
    );
    $<HTMLInputElement>(el, '#name').value = 'any name';
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await until(() => el.guideFailed, 'the guide failed');
    const card = squash(cardOf(el, released).textContent);
    expect(card).to.contain('Salió con fianza');
    expect(card).to.contain(released.statusReason!);
    expect(el.shadowRoot!.querySelector('[part=error]'), 'the lookup itself did not fail').to.equal(null);
  });

  it("searches by name with a country of birth, written any way, as ICE's locator asks", async () => {
    const jose = data.custody.find((r) => r.id === FIXTURE_IDS.custody['in-custody'])!;
    const el = await fixture<ReferralOffenderLookup>(
      html`<referral-offender-lookup api-base-url=${API}></referral-offender-lookup>`,
    );
    $<HTMLInputElement>(el, '#name').value = 'martinez';
    $<HTMLInputElement>(el, '#countryOfBirth').value = 'MEXICO';
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await until(() => $$(el, '.card').length > 0, 'results');
    expect($$(el, '.card h4').map((h) => h.textContent)).to.include(jose.displayName);
    for (const card of $$(el, '.card')) expect(card.textContent, 'only people born in Mexico').to.match(/M[eé]xico/i);
    expect(squash(cardOf(el, jose).textContent)).to.contain('México');
    await expectAccessible(el, 'searched with a country of birth');
  });

  it('"How custody works" explains detainers, detention, bond, removal and changing records, with the data\'s freshness', async () => {
    const el = await fixture<ReferralOffenderLookup>(
      html`<referral-offender-lookup lang="es" api-base-url=${API}></referral-offender-lookup>`,
    );
    const details = $<HTMLDetailsElement>(el, 'details');
    $(el, 'summary').click();
    await until(() => el.guide !== undefined, 'the guide loads when opened');
    await el.updateComplete;
    expect(details.open).to.equal(true);
    const shown = squash(details.textContent);
    for (const topic of custodyGuideText('es').topics) {
      expect(shown).to.contain(topic.title);
      expect(shown).to.contain(topic.body);
    }
    expect(shown).to.match(/La información de custodia se actualizó por última vez [^.]+\./);
    await expectAccessible(el, 'custody guide open');
  });
});
