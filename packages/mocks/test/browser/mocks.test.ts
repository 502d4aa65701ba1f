// The mocks in a real browser: msw/browser's service worker, the SDK client, scenarios and headers.
import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { ContractError, NetworkError, TimeoutError, createClient } from '@referral-kit/sdk';
import { FIXTURE_IDS, MOCK_CONFIRMATION_CODE, createMockApi } from '@referral-kit/mocks';

const BASE = 'https://api.mock.test';

describe('@referral-kit/mocks in the browser (msw/browser)', () => {
  const api = createMockApi({ baseUrl: BASE, slowMs: 20 });
  const worker = setupWorker(...api.handlers);
  const client = createClient({ baseUrl: BASE, backoff: { baseMs: 1, capMs: 1 } });

  before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
  afterEach(() => api.reset());
  after(() => worker.stop());

  it('serves every resource through the SDK client', async () => {
    const people = await client.custody.search({ name: 'jose angel' });
    expect(people.items[0]?.id).to.equal(FIXTURE_IDS.custody['in-custody']);
    expect((await client.custody.get(FIXTURE_IDS.custody.escaped)).status).to.equal('escaped');
    const services = await client.services.search({ q: 'refugio', postalCode: '77002' });
    expect(services.items[0]?.service.id).to.equal(FIXTURE_IDS.service);
    expect((await client.services.get(FIXTURE_IDS.services.spanishLegalAid)).languages).to.deep.equal(['es']);
    expect((await client.services.hotlines()).items.map((h) => h.number)).to.include('1-866-277-7477');
    const pending = await client.alerts.subscribe({
      subjectId: FIXTURE_IDS.custody.released,
      channel: 'email',
      contact: 'a@example.org',
      language: 'en',
      events: ['release'],
    });
    expect(
      await client.alerts.confirm({ confirmationId: pending.confirmationId, code: MOCK_CONFIRMATION_CODE }),
    ).to.deep.equal({ status: 'confirmed' });
    expect(await client.alerts.unsubscribe({ token: 'link-token-0123456789' })).to.deep.equal({
      status: 'unsubscribed',
    });
  });

  it('sends the headers a page can read: x-request-id, cache-control, ETag and 304', async () => {
    const response = await fetch(`${BASE}/v1/custody/${FIXTURE_IDS.custody.released}`);
    expect(response.headers.get('x-request-id')).to.match(/^req-/);
    expect(response.headers.get('cache-control')).to.equal('no-store');
    const first = await client.services.snapshot();
    expect(first.etag).to.equal(api.snapshotEtag);
    expect(await client.services.snapshot({ etag: first.etag })).to.deep.equal({ notModified: true, etag: first.etag });
  });

  it('plays the failure scenarios', async () => {
    api.setScenario({ getCustodyRecord: 'contract-violation', listHotlines: 'network-error', searchServices: 'never' });
    const violation = await client.custody.get(FIXTURE_IDS.custody.released).catch((e: unknown) => e);
    expect(violation).to.be.instanceOf(ContractError);
    expect(await client.services.hotlines().catch((e: unknown) => e)).to.be.instanceOf(NetworkError);
    const timeout = await client.services.search({ q: 'legal' }, { timeoutMs: 100 }).catch((e: unknown) => e);
    expect(timeout).to.be.instanceOf(TimeoutError);
    api.setScenario('slow');
    expect((await client.services.hotlines()).items.length).to.be.greaterThan(5);
  });
});
