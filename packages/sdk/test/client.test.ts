import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import {
  ApiError,
  ContractError,
  NetworkError,
  ReferralKitError,
  TimeoutError,
  ValidationError,
  createClient,
  createRouteCaller,
  parseRetryAfter,
  alertRoutes,
  callbackRoutes,
  custodyRoutes,
  routes,
  serviceRoutes,
  type CallbackRequest,
  type ReferralClient,
  type SubscribeRequest,
} from '@referral-kit/sdk';
import {
  FIXTURE_IDS,
  MOCK_ALERT_OPTIONS,
  MOCK_CALLBACK_OPTIONS,
  MOCK_CONFIRMATION_CODE,
  createMockApi,
  generateFixtures,
} from '@referral-kit/mocks';
import { errorJson, fakeFetch, hang, json, networkError, recordingDelays } from './fake-fetch.js';

const BASE = 'https://api.client.test';
const fixtures = generateFixtures();
const record = fixtures.custody.find((r) => r.id === FIXTURE_IDS.custody.released)!;
const HOTLINES = { items: fixtures.hotlines };
const SUBSCRIBE: SubscribeRequest = {
  subjectId: FIXTURE_IDS.custody.released,
  channel: 'sms',
  contact: '(713) 555-0100',
  language: 'es',
  events: ['release'],
};
const CALLBACK: CallbackRequest = {
  topic: 'releasable-information',
  channel: 'call',
  contact: '(713) 555-0100',
  windows: ['morning', 'evening'],
  timeZone: 'America/Chicago',
  leaveMessage: true,
  language: 'es',
  recordId: FIXTURE_IDS.custody.released,
};
/** Retries without real waiting: a 1 ms backoff step. */
const FAST = { backoff: { baseMs: 1, capMs: 1 } };

/** Asserts the promise rejects with an instance of `type`, and returns the error. */
async function rejection<E extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof type, `expected ${type.name}, got ${String(error)}`);
    return error;
  }
  assert.fail(`expected ${type.name}, but the call succeeded`);
}

describe('client against the mock API (msw)', () => {
  const api = createMockApi({ baseUrl: BASE, data: fixtures });
  const server = setupServer(...api.handlers);
  let requests = 0;
  server.events.on('request:start', () => {
    requests++;
  });
  const client = createClient({ baseUrl: `${BASE}/`, ...FAST });

  before(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    api.reset();
    requests = 0;
  });
  after(() => server.close());

  describe('resource methods', () => {
    it('custody.search finds by name and by identifier, with paging', async () => {
      const byName = await client.custody.search({ name: 'jose angel', pageSize: 5 });
      assert.equal(byName.items[0]?.id, FIXTURE_IDS.custody['in-custody']);
      assert.equal(byName.pageSize, 5);
      const byId = await client.custody.search({ identifier: FIXTURE_IDS.aNumber, identifierType: 'a-number' });
      assert.deepEqual(
        byId.items.map((r) => r.displayName),
        ['José Ángel Martínez Ruiz'],
      );
    });

    it('custody.get returns one record', async () => {
      const escaped = await client.custody.get(FIXTURE_IDS.custody.escaped);
      assert.equal(escaped.status, 'escaped');
    });

    it('services.search passes lists, flags and coordinates through the query string', async () => {
      const page = await client.services.search({
        q: 'casa segura',
        category: ['shelter', 'housing'],
        language: ['es'],
        lat: 29.76,
        lon: -95.37,
        radiusKm: 20,
      });
      assert.equal(page.items[0]?.service.id, FIXTURE_IDS.service);
      assert.equal(typeof page.items[0].distanceKm, 'number');
    });

    it('services.get and services.hotlines', async () => {
      assert.equal(
        (await client.services.get(FIXTURE_IDS.services.spanishLegalAid)).name,
        'Ayuda Legal para Víctimas de Fresno',
      );
      const hotlines = await client.services.hotlines();
      assert.ok(hotlines.items.some((h) => h.number === '1-855-488-6423'));
    });

    it('services.snapshot round-trips the ETag: full, then notModified, then full again for a stale tag', async () => {
      const first = await client.services.snapshot();
      assert.equal(first.notModified, false);
      assert.equal(first.etag, api.snapshotEtag);
      assert.equal(first.snapshot.services.length, fixtures.services.length);
      assert.deepEqual(await client.services.snapshot({ etag: first.etag }), { notModified: true, etag: first.etag });
      const stale = await client.services.snapshot({ etag: '"stale"' });
      assert.equal(stale.notModified, false);
    });

    it('alerts.options: the channels the server delivers to, with the languages of each', async () => {
      assert.deepEqual(await client.alerts.options(), MOCK_ALERT_OPTIONS);
    });

    it('callbacks.options: the languages a request can be answered in, per channel', async () => {
      assert.deepEqual(await client.callbacks.options(), MOCK_CALLBACK_OPTIONS);
    });

    it('alerts.subscribe, confirm (with the mock code or a token) and unsubscribe', async () => {
      const accepted = await client.alerts.subscribe(SUBSCRIBE);
      assert.equal(accepted.status, 'pending');
      assert.equal(api.subscriptions[0]?.confirmationId, accepted.confirmationId);
      assert.deepEqual(
        await client.alerts.confirm({ confirmationId: accepted.confirmationId, code: MOCK_CONFIRMATION_CODE }),
        { status: 'confirmed' },
      );
      assert.deepEqual(await client.alerts.confirm({ token: 'link-token-0123456789' }), { status: 'confirmed' });
      assert.deepEqual(await client.alerts.unsubscribe({ token: 'link-token-0123456789' }), { status: 'unsubscribed' });
    });

    it('alerts.subscribe with the same idempotency key gets the same answer', async () => {
      const a = await client.alerts.subscribe(SUBSCRIBE, { idempotencyKey: 'same-key' });
      const b = await client.alerts.subscribe(SUBSCRIBE, { idempotencyKey: 'same-key' });
      assert.equal(a.confirmationId, b.confirmationId);
      assert.equal(api.subscriptions.length, 1);
    });

    it('callbacks.request and cancel; one idempotency key, one request', async () => {
      const a = await client.callbacks.request(CALLBACK, { idempotencyKey: 'callback-key' });
      const b = await client.callbacks.request(CALLBACK, { idempotencyKey: 'callback-key' });
      assert.equal(a.reference, b.reference);
      assert.equal(api.callbacks.length, 1);
      assert.deepEqual(await client.callbacks.cancel({ token: a.cancelToken }), { status: 'cancelled' });
      assert.equal(api.callbacks[0]!.cancelled, true);
    });

    it('createRouteCaller calls one route by its definition, validating both ways like the client', async () => {
      const call = createRouteCaller({ baseUrl: BASE, ...FAST }).call;
      const accepted = await call(callbackRoutes.requestCallback, { body: CALLBACK });
      assert.match(accepted.reference, /^CB-/);
      assert.equal(api.callbacks.length, 1);
      const invalid = await rejection(
        call(alertRoutes.subscribe, { body: { ...SUBSCRIBE, contact: 'nope' } }),
        ValidationError,
      );
      assert.deepEqual(
        invalid.fields.map((f) => f.path),
        ['contact'],
      );
      assert.equal(requests, 1, 'the invalid subscribe was never sent');
    });

    it("the route table is exactly the four areas' tables, in the order the OpenAPI document lists them", () => {
      const areas = { ...custodyRoutes, ...serviceRoutes, ...alertRoutes, ...callbackRoutes };
      assert.deepEqual(Object.keys(routes), Object.keys(areas));
      for (const [name, route] of Object.entries(areas)) assert.equal(routes[name as keyof typeof routes], route, name);
    });
  });

  describe('errors', () => {
    it('ValidationError with field paths, before any request is sent', async () => {
      const cases: [Promise<unknown>, string[]][] = [
        [client.custody.search({}), ['name']],
        [client.custody.search({ name: 'x', pageSize: 500 }), ['name', 'pageSize']],
        [client.custody.get('not an id'), ['id']],
        [client.services.search({ lat: 29.7 }), ['lon']],
        [client.alerts.subscribe({ ...SUBSCRIBE, contact: 'nobody' }), ['contact']],
        [client.alerts.subscribe({ ...SUBSCRIBE, channel: 'voice' }), ['pin']],
        [client.alerts.confirm({ confirmationId: 'cnf-1', code: '12' }), ['code']],
        [
          client.callbacks.request({ ...CALLBACK, channel: 'email', windows: [], recordId: undefined }),
          ['contact', 'recordId', 'windows'],
        ],
      ];
      for (const [promise, paths] of cases) {
        const error = await rejection(promise, ValidationError);
        assert.deepEqual(error.fields.map((f) => f.path).sort(), paths);
        assert.ok(error.fields.every((f) => f.message.length > 0));
      }
      assert.equal(requests, 0);
    });

    it('ApiError carries status, code, field errors and the request id; 400 and 404 are not retried', async () => {
      const wrongCode = await rejection(client.alerts.confirm({ confirmationId: 'cnf-1', code: '000000' }), ApiError);
      assert.equal(wrongCode.status, 400);
      assert.equal(wrongCode.code, 'invalid_code');
      assert.deepEqual(
        wrongCode.fields.map((f) => f.path),
        ['code'],
      );
      assert.match(wrongCode.requestId ?? '', /^req-/);
      const missing = await rejection(client.custody.get('cus-missing'), ApiError);
      assert.deepEqual([missing.status, missing.code], [404, 'not_found']);
      assert.equal(requests, 2);
    });

    it('ApiError after retrying a 500 three times in all', async () => {
      api.setScenario('server-error');
      const error = await rejection(client.services.hotlines(), ApiError);
      assert.deepEqual([error.status, error.code], [500, 'internal']);
      assert.equal(requests, 3);
    });

    it('ApiError 429 keeps the Retry-After it was given', async () => {
      api.setScenario('rate-limited');
      const error = await rejection(createClient({ baseUrl: BASE, retries: 0 }).services.hotlines(), ApiError);
      assert.deepEqual([error.status, error.code, error.retryAfterMs], [429, 'rate_limited', 1000]);
    });

    it('ContractError for malformed JSON and for a wrong shape, without retrying', async () => {
      api.setScenario('malformed-json');
      const malformed = await rejection(client.services.hotlines(), ContractError);
      assert.equal(malformed.route, 'listHotlines');
      assert.match(malformed.message, /not valid JSON/);
      api.setScenario('contract-violation');
      const wrongShape = await rejection(client.custody.get(FIXTURE_IDS.custody.released), ContractError);
      assert.equal(wrongShape.route, 'getCustodyRecord');
      assert.ok(wrongShape.fields.some((f) => f.path === 'sourceUpdatedAt'));
      assert.ok(!wrongShape.fields.some((f) => f.path === 'status'), 'an unknown status is not a contract violation');
      const link = await rejection(client.services.get(FIXTURE_IDS.service), ContractError);
      assert.ok(link.fields.some((f) => f.path === 'url'));
      assert.equal(requests, 3);
    });

    it('NetworkError after three attempts when the network fails', async () => {
      api.setScenario('network-error');
      const error = await rejection(client.custody.search({ name: 'garcia' }), NetworkError);
      assert.match(error.message, /api\.client\.test/);
      assert.ok(error.cause);
      assert.equal(requests, 3);
    });

    it('TimeoutError when the API never answers, at the client deadline or a per-call one', async () => {
      api.setScenario('never');
      const slowClient = createClient({ baseUrl: BASE, timeoutMs: 80 });
      const error = await rejection(slowClient.services.hotlines(), TimeoutError);
      assert.equal(error.timeoutMs, 80);
      assert.equal(requests, 1);
      const perCall = await rejection(
        createClient({ baseUrl: BASE, timeoutMs: 60_000 }).custody.get('cus-000001', { timeoutMs: 50 }),
        TimeoutError,
      );
      assert.equal(perCall.timeoutMs, 50);
    });

    it('a caller abort rejects with the abort reason and stops', async () => {
      api.setScenario('never');
      const controller = new AbortController();
      const reason = new Error('visitor left the page');
      const pending = client.services.hotlines({ signal: controller.signal });
      setTimeout(() => controller.abort(reason), 20);
      await assert.rejects(pending, (e) => e === reason);
      assert.equal(requests, 1);
    });

    it('per-route scenarios leave the other routes working', async () => {
      api.setScenario({ searchServices: 'server-error' });
      await rejection(client.services.search({ q: 'legal' }), ApiError);
      assert.ok((await client.services.hotlines()).items.length > 0);
    });

    it('every error class has a literal name and shares ReferralKitError', () => {
      const errors = [
        new ValidationError([]),
        new ContractError('r', []),
        new ApiError({ status: 500, code: 'internal', message: 'x' }),
        new NetworkError('x'),
        new TimeoutError(1),
        new ReferralKitError('x'),
      ];
      assert.deepEqual(
        errors.map((e) => e.name),
        ['ValidationError', 'ContractError', 'ApiError', 'NetworkError', 'TimeoutError', 'ReferralKitError'],
      );
      assert.ok(errors.every((e) => e instanceof ReferralKitError && e instanceof Error));
      assert.equal(
        new ValidationError([{ path: 'name', message: 'Too short' }]).message,
        'Invalid input: name: Too short',
      );
    });
  });
});

describe('client requests, retries and deadlines (recording fake fetch)', () => {
  const clientWith = (
    fetch: typeof globalThis.fetch,
    options: Partial<Parameters<typeof createClient>[0]> = {},
  ): ReferralClient => createClient({ baseUrl: BASE, fetch, ...FAST, ...options });

  it('needs an absolute http(s) base URL', () => {
    assert.throws(() => createClient({ baseUrl: '/api' }), TypeError);
    assert.throws(() => createClient({ baseUrl: 'ftp://api.example.org' }), TypeError);
  });

  it('sends the partner header, JSON headers and privacy-preserving fetch options', async () => {
    const { fetch, calls } = fakeFetch(json(202, { status: 'pending', confirmationId: 'cnf-1', expiresInSeconds: 60 }));
    await clientWith(fetch, { partnerId: 'safe-harbor' }).alerts.subscribe(SUBSCRIBE);
    const [call] = calls;
    assert.equal(call!.method, 'POST');
    assert.equal(call!.url.href, `${BASE}/v1/alerts/subscriptions`);
    assert.equal(call!.headers.get('x-referral-partner'), 'safe-harbor');
    assert.equal(call!.headers.get('accept'), 'application/json');
    assert.equal(call!.headers.get('content-type'), 'application/json');
    assert.deepEqual(JSON.parse(call!.body!), SUBSCRIBE);
    assert.equal(call!.init.credentials, 'omit');
    assert.equal(call!.init.cache, 'no-store');
    assert.equal(call!.init.referrerPolicy, 'no-referrer');
  });

  it('sends no partner header when none is configured, and no body on GET', async () => {
    const { fetch, calls } = fakeFetch(json(200, HOTLINES));
    await clientWith(fetch).services.hotlines();
    assert.equal(calls[0]!.headers.get('x-referral-partner'), null);
    assert.equal(calls[0]!.headers.get('content-type'), null);
    assert.equal(calls[0]!.body, undefined);
  });

  it('encodes the validated query: trimmed text, repeated list keys, flags and numbers', async () => {
    const { fetch, calls } = fakeFetch(json(200, { items: [], total: 0, page: 1, pageSize: 20 }));
    const client = clientWith(fetch);
    await client.services.search({ q: 'ayuda legal', category: ['legal-aid', 'immigration'], openNow: true, page: 2 });
    const params = calls[0]!.url.searchParams;
    assert.deepEqual(params.getAll('category'), ['legal-aid', 'immigration']);
    assert.deepEqual([params.get('q'), params.get('openNow'), params.get('page')], ['ayuda legal', 'true', '2']);
    await client.custody.search({ name: '  García  ' });
    assert.equal(calls[1]!.url.search, `?name=${encodeURIComponent('García')}`);
    await client.custody.get('cus-1').catch(() => {});
    assert.equal(calls[2]!.url.pathname, '/v1/custody/cus-1');
  });

  it("reads a status from a newer server as unknown with the source's reason, instead of throwing ContractError", async () => {
    const newer = { ...record, status: 'paroled-into-a-program', statusReason: 'Paroled into a sponsorship program.' };
    const { fetch } = fakeFetch(json(200, { items: [newer], total: 1, page: 1, pageSize: 20 }), json(200, newer));
    const client = clientWith(fetch);
    const [found] = (await client.custody.search({ name: 'garcia' })).items;
    assert.deepEqual([found!.status, found!.statusReason], ['unknown', 'Paroled into a sponsorship program.']);
    assert.equal((await client.custody.get(record.id)).status, 'unknown');
  });

  it('reads a guide that explains statuses it does not know yet', async () => {
    const explanation = { meaning: 'm', next: 'n', now: 'w', alert: 'a' };
    const statuses = [
      { status: 'released', ...explanation },
      { status: 'paroled-into-a-program', ...explanation },
    ];
    const { fetch, calls } = fakeFetch(json(200, { language: 'es', statuses, topics: [] }));
    const guide = await clientWith(fetch).custody.guide({ lang: 'es-MX' });
    assert.equal(calls[0]!.url.search, '?lang=es-MX');
    assert.deepEqual(
      guide.statuses.map((s) => s.status),
      ['released', 'paroled-into-a-program'],
    );
  });

  it('strips a date of birth the server should not have sent', async () => {
    const { fetch } = fakeFetch(json(200, { ...record, dateOfBirth: '1985-01-01' }));
    const result = await clientWith(fetch).custody.get(record.id);
    assert.equal('dateOfBirth' in result, false);
    assert.equal(result.displayName, record.displayName);
  });

  describe('retries', () => {
    it('retries a GET on network errors, 500 and 429: three attempts in all by default', async () => {
      for (const step of [
        networkError(),
        errorJson(500, 'internal'),
        errorJson(503, 'unavailable'),
        errorJson(429, 'rate_limited'),
      ]) {
        const { fetch, calls } = fakeFetch(step);
        await assert.rejects(clientWith(fetch).services.hotlines(), ReferralKitError);
        assert.equal(calls.length, 3, step instanceof Error ? step.message : String(step.status));
      }
    });

    it('returns the first success after transient failures', async () => {
      const { fetch, calls } = fakeFetch(networkError(), errorJson(502, 'unavailable'), json(200, HOTLINES));
      const result = await clientWith(fetch).services.hotlines();
      assert.equal(result.items.length, HOTLINES.items.length);
      assert.equal(calls.length, 3);
    });

    it('honours the retries option, including 0', async () => {
      for (const [retries, attempts] of [
        [0, 1],
        [1, 2],
        [4, 5],
      ] as const) {
        const { fetch, calls } = fakeFetch(errorJson(500, 'internal'));
        await rejection(clientWith(fetch, { retries }).services.hotlines(), ApiError);
        assert.equal(calls.length, attempts);
      }
    });

    it('reads an error answer from a newer or older server: unknown code, no fields, no request id', async () => {
      const { fetch } = fakeFetch(
        json(
          409,
          { error: { code: 'some_future_code', message: 'Try another way.' } },
          { 'x-request-id': 'req-12345678' },
        ),
      );
      const error = await rejection(clientWith(fetch).services.hotlines(), ApiError);
      assert.deepEqual(
        [error.status, error.code, error.message, error.fields, error.requestId],
        [409, 'some_future_code', 'Try another way.', [], 'req-12345678'],
      );
    });

    it('never retries 400, 404, other 4xx or a contract error', async () => {
      for (const step of [
        errorJson(400, 'validation_failed'),
        errorJson(404, 'not_found'),
        errorJson(403, 'forbidden'),
        json(200, { items: 'nope' }),
      ]) {
        const { fetch, calls } = fakeFetch(step, json(200, HOTLINES));
        await assert.rejects(clientWith(fetch).services.hotlines(), ReferralKitError);
        assert.equal(calls.length, 1);
      }
    });

    it('subscribe retries with one generated Idempotency-Key, new for each call', async () => {
      const accepted = json(202, { status: 'pending', confirmationId: 'cnf-1', expiresInSeconds: 60 });
      const { fetch, calls } = fakeFetch(networkError(), errorJson(500, 'internal'), accepted);
      const client = clientWith(fetch);
      await client.alerts.subscribe(SUBSCRIBE);
      const keys = calls.map((c) => c.headers.get('idempotency-key'));
      assert.equal(keys.length, 3);
      assert.match(keys[0]!, /^[0-9a-f-]{36}$/);
      assert.ok(keys.every((k) => k === keys[0]));
      await client.alerts.subscribe(SUBSCRIBE);
      assert.notEqual(calls[3]!.headers.get('idempotency-key'), keys[0]);
    });

    it("subscribe sends the caller's Idempotency-Key unchanged", async () => {
      const { fetch, calls } = fakeFetch(
        errorJson(503, 'unavailable'),
        json(202, { status: 'pending', confirmationId: 'cnf-1', expiresInSeconds: 60 }),
      );
      await clientWith(fetch).alerts.subscribe(SUBSCRIBE, { idempotencyKey: 'caller-key-1' });
      assert.deepEqual(
        calls.map((c) => c.headers.get('idempotency-key')),
        ['caller-key-1', 'caller-key-1'],
      );
    });

    it('never retries a POST without an idempotency key (confirm, unsubscribe)', async () => {
      for (const step of [networkError(), errorJson(503, 'unavailable'), errorJson(429, 'rate_limited')]) {
        const { fetch, calls } = fakeFetch(step, json(200, { status: 'confirmed' }));
        const client = clientWith(fetch);
        await assert.rejects(client.alerts.confirm({ confirmationId: 'cnf-1', code: '123456' }), ReferralKitError);
        await assert.rejects(client.alerts.unsubscribe({ token: 'link-token-0123456789' }), ReferralKitError);
        assert.equal(calls.length, 2);
        assert.equal(calls[0]!.headers.get('idempotency-key'), null);
      }
      const { fetch } = fakeFetch(networkError());
      await rejection(clientWith(fetch).alerts.confirm({ token: 'link-token-0123456789' }), NetworkError);
    });
  });

  describe('backoff', () => {
    it('waits random() × min(cap, base × 2^attempt) between attempts (full jitter)', async () => {
      const randoms = [0.999999, 0.5, 0, 0.25];
      const { fetch, calls } = fakeFetch(errorJson(500, 'internal'));
      const client = clientWith(fetch, {
        retries: 4,
        backoff: { baseMs: 100, capMs: 300 },
        random: () => randoms.shift()!,
      });
      const { delays, outcome } = await recordingDelays(() => client.services.hotlines());
      assert.equal(outcome.status, 'rejected');
      assert.equal(calls.length, 5);
      assert.deepEqual(delays, [0.999999 * 100, 0.5 * 200, 0 * 300, 0.25 * 300]);
    });

    it('stays within [0, min(cap, base × 2^attempt)] whatever random() gives', async () => {
      for (const value of [0, 0.3, 0.999999]) {
        const { fetch } = fakeFetch(networkError());
        const client = clientWith(fetch, { retries: 6, backoff: { baseMs: 50, capMs: 1000 }, random: () => value });
        const { delays } = await recordingDelays(() => client.services.hotlines());
        assert.equal(delays.length, 6);
        delays.forEach((delay, attempt) =>
          assert.ok(delay >= 0 && delay <= Math.min(1000, 50 * 2 ** attempt), `${delay} at ${attempt}`),
        );
      }
    });

    it('uses 250 ms and 4 s as the default base and cap', async () => {
      const { fetch } = fakeFetch(errorJson(500, 'internal'));
      const client = createClient({ baseUrl: BASE, fetch, retries: 6, timeoutMs: 60_000, random: () => 0.999999 });
      const { delays } = await recordingDelays(() => client.services.hotlines());
      assert.deepEqual(delays.map(Math.round), [250, 500, 1000, 2000, 4000, 4000]);
    });

    it('honours Retry-After in seconds and as an HTTP date (read on its clock) when it is longer than the backoff', async () => {
      // A clock years from today, at a US daylight-saving change: only the client's clock can make this 3 s.
      const now = new Date('2031-03-09T09:59:58Z');
      const { fetch, calls } = fakeFetch(
        errorJson(429, 'rate_limited', { 'retry-after': '2' }),
        errorJson(503, 'unavailable', { 'retry-after': 'Sun, 09 Mar 2031 10:00:01 GMT' }),
        json(200, HOTLINES),
      );
      const client = clientWith(fetch, { timeoutMs: 30_000, now: () => now });
      const { delays, outcome } = await recordingDelays(() => client.services.hotlines());
      assert.equal(outcome.status, 'fulfilled');
      assert.equal(calls.length, 3);
      assert.deepEqual(delays, [2000, 3000]);
    });

    it('fails fast when the deadline, measured on its clock, is spent', async () => {
      let nowMs = Date.parse('2031-06-01T00:00:00Z');
      const { fetch, calls } = fakeFetch(errorJson(503, 'unavailable', { 'retry-after': '2' }), json(200, HOTLINES));
      const slowFetch: typeof globalThis.fetch = (...args) => {
        nowMs += 9_000; // the first attempt took 9 of the 10 seconds on the client's clock
        return fetch(...args);
      };
      const client = clientWith(slowFetch, { timeoutMs: 10_000, now: () => new Date(nowMs) });
      const { delays, outcome } = await recordingDelays(() => client.services.hotlines());
      assert.equal(outcome.status, 'rejected');
      assert.equal(calls.length, 1);
      assert.deepEqual(delays, []);
    });

    it('fails fast with the ApiError when Retry-After is over a minute or past the deadline', async () => {
      for (const [retryAfter, timeoutMs] of [
        ['120', 600_000],
        ['5', 1000],
      ] as const) {
        const { fetch, calls } = fakeFetch(
          errorJson(429, 'rate_limited', { 'retry-after': retryAfter }),
          json(200, HOTLINES),
        );
        const { delays, outcome } = await recordingDelays(() => clientWith(fetch, { timeoutMs }).services.hotlines());
        assert.equal(outcome.status, 'rejected');
        const error: unknown = outcome.reason;
        assert.ok(error instanceof ApiError);
        assert.equal(error.retryAfterMs, Number(retryAfter) * 1000);
        assert.equal(calls.length, 1);
        assert.deepEqual(delays, []);
      }
    });

    it('fails fast with the NetworkError when the next backoff would outlast the deadline', async () => {
      const { fetch, calls } = fakeFetch(networkError());
      const client = clientWith(fetch, { timeoutMs: 1000, backoff: { baseMs: 5000, capMs: 5000 }, random: () => 0.5 });
      await rejection(client.services.hotlines(), NetworkError);
      assert.equal(calls.length, 1);
    });
  });

  describe('deadlines and aborts', () => {
    it('TimeoutError when fetch hangs past the deadline, without another attempt', async () => {
      const { fetch, calls } = fakeFetch(hang);
      const error = await rejection(clientWith(fetch, { timeoutMs: 40 }).services.hotlines(), TimeoutError);
      assert.equal(error.timeoutMs, 40);
      assert.equal(error.message, 'No answer within 40 ms');
      assert.equal(calls.length, 1);
    });

    it('TimeoutError, not ContractError, when the deadline passes while the body is still arriving', async () => {
      const { fetch } = fakeFetch((_call, signal) => {
        const body = new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"items": ['));
            const keepAlive = setInterval(() => {}, 60_000);
            signal.addEventListener(
              'abort',
              () => {
                clearInterval(keepAlive);
                controller.error(signal.reason);
              },
              { once: true },
            );
          },
        });
        return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
      });
      await rejection(clientWith(fetch, { timeoutMs: 40 }).services.hotlines(), TimeoutError);
    });

    it('a caller abort during the backoff wait rejects with its reason and makes no further attempt', async () => {
      const controller = new AbortController();
      const reason = new Error('cancelled by the visitor');
      const { fetch, calls } = fakeFetch(() => {
        setTimeout(() => controller.abort(reason), 5);
        return errorJson(500, 'internal');
      });
      const client = clientWith(fetch, {
        timeoutMs: 60_000,
        backoff: { baseMs: 30_000, capMs: 30_000 },
        random: () => 0.5,
      });
      await assert.rejects(client.services.hotlines({ signal: controller.signal }), (e) => e === reason);
      assert.equal(calls.length, 1);
    });

    it('an already aborted signal rejects with its reason', async () => {
      const { fetch, calls } = fakeFetch(json(200, HOTLINES));
      const reason = new Error('already gone');
      await assert.rejects(
        clientWith(fetch).services.hotlines({ signal: AbortSignal.abort(reason) }),
        (e) => e === reason,
      );
      assert.equal(calls.length, 0);
    });

    it('sends If-None-Match with the last ETag and reports a 304 as notModified', async () => {
      const { fetch, calls } = fakeFetch(new Response(null, { status: 304, headers: { etag: '"v2"' } }));
      assert.deepEqual(await clientWith(fetch).services.snapshot({ etag: '"v1"' }), {
        notModified: true,
        etag: '"v2"',
      });
      assert.equal(calls[0]!.headers.get('if-none-match'), '"v1"');
    });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-28T12:00:00Z');

  it('reads delta-seconds', () => {
    assert.equal(parseRetryAfter('1', now), 1000);
    assert.equal(parseRetryAfter(' 120 ', now), 120_000);
    assert.equal(parseRetryAfter('0', now), 0);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    assert.equal(parseRetryAfter('Sat, 28 Nov 2026 12:00:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter('Sat, 28 Nov 2026 11:00:00 GMT', now), 0);
  });

  it('ignores absent and unreadable values', () => {
    for (const value of [null, '', '   ', 'soon', '-5', '1.5', '2026-11-28'])
      assert.equal(parseRetryAfter(value, now), undefined, String(value));
  });
});
