import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import * as z from 'zod/v4/mini';
import { ErrorBody, routes, type RouteName, type Routes } from '@referral-kit/sdk';
import { isOpenAt } from '@referral-kit/sdk/search';
import {
  CONTRACT_VIOLATIONS,
  FIXTURE_IDS,
  MOCK_CONFIRMATION_CODE,
  SCENARIOS,
  createHandlers,
  createMockApi,
} from '@referral-kit/mocks';

const BASE = 'https://api.mock.test';
// Monday 30 Nov 2026, 09:00 in Houston (America/Chicago).
const NOW = new Date('2026-11-30T15:00:00Z');
const api = createMockApi({ baseUrl: BASE, slowMs: 30, now: () => NOW });
const server = setupServer(...api.handlers);

const get = (path: string, init?: RequestInit) => fetch(BASE + path, init);
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(BASE + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
/** The body of a route's answer, typed by the contract (the first test checks every route's body against it). */
const json = async <N extends RouteName>(_route: N, response: Response) =>
  (await response.json()) as z.output<Routes[N]['response']>;

const CALLBACK = {
  topic: 'custody-status',
  channel: 'text',
  contact: '(713) 555-0100',
  windows: ['morning'],
  timeZone: 'America/Chicago',
  leaveMessage: false,
  language: 'es',
  recordId: FIXTURE_IDS.custody.released,
};
const SUBSCRIBE = {
  subjectId: FIXTURE_IDS.custody.released,
  channel: 'email',
  contact: 'Someone@Example.org',
  language: 'es',
  events: ['release', 'escape'],
};

/** A request that succeeds for each route, to check status, shape and headers generically. */
const SAMPLE: Record<RouteName, () => Promise<Response>> = {
  searchCustody: () => get('/v1/custody?name=garcia'),
  getCustodyRecord: () => get(`/v1/custody/${FIXTURE_IDS.custody['in-custody']}`),
  getCustodyGuide: () => get('/v1/custody-guide?lang=es'),
  searchServices: () => get('/v1/services?q=legal'),
  getService: () => get(`/v1/services/${FIXTURE_IDS.service}`),
  getDirectorySnapshot: () => get('/v1/directory/snapshot'),
  listHotlines: () => get('/v1/hotlines'),
  getAlertOptions: () => get('/v1/alerts/options'),
  getCallbackOptions: () => get('/v1/callbacks/options'),
  subscribe: () => post('/v1/alerts/subscriptions', SUBSCRIBE),
  confirmSubscription: () => post('/v1/alerts/confirm', { confirmationId: 'cnf-1', code: MOCK_CONFIRMATION_CODE }),
  unsubscribe: () => post('/v1/alerts/unsubscribe', { token: 'tok-0123456789abcdef' }),
  requestCallback: () => post('/v1/callbacks', CALLBACK),
  cancelCallback: () => post('/v1/callbacks/cancel', { token: 'tok-0123456789abcdef' }),
};
const ROUTE_NAMES = Object.keys(routes) as RouteName[];

async function assertError(response: Response, status: number, code: string) {
  assert.equal(response.status, status);
  const body: unknown = await response.json();
  const parsed = z.safeParse(ErrorBody, body);
  assert.ok(parsed.success, JSON.stringify(body));
  const { error } = parsed.data;
  assert.equal(error.code, code);
  assert.equal(error.requestId, response.headers.get('x-request-id'));
  return error;
}

describe('mock API handlers', () => {
  before(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => api.reset());
  after(() => server.close());

  describe('every route', () => {
    it('has exactly one handler per route', () => {
      assert.equal(api.handlers.length, ROUTE_NAMES.length);
      assert.equal(createHandlers({ baseUrl: BASE }).length, ROUTE_NAMES.length);
    });

    for (const name of ROUTE_NAMES) {
      it(`${name}: success status, a body valid for the contract, x-request-id, cache headers`, async () => {
        const response = await SAMPLE[name]();
        const route = routes[name];
        assert.equal(response.status, route.status);
        const parsed = z.safeParse(route.response, await response.json());
        assert.ok(parsed.success);
        assert.match(response.headers.get('x-request-id') ?? '', /^req-/);
        assert.equal(response.headers.get('cache-control'), 'noStore' in route ? 'no-store' : null);
      });
    }

    it('answers under a base URL with a path prefix', async () => {
      const prefixed = setupServer(...createHandlers({ baseUrl: 'https://gw.mock.test/referral/' }));
      server.close();
      prefixed.listen({ onUnhandledRequest: 'error' });
      try {
        const response = await fetch('https://gw.mock.test/referral/v1/hotlines');
        assert.equal(response.status, 200);
      } finally {
        prefixed.close();
        server.listen({ onUnhandledRequest: 'error' });
      }
    });
  });

  describe('custody', () => {
    it('finds names regardless of case and accents', async () => {
      const body = await json('searchCustody', await get('/v1/custody?name=JOSE%20ANGEL'));
      assert.ok(body.items.some((r: { id: string }) => r.id === FIXTURE_IDS.custody['in-custody']));
      const vietnamese = await json(
        'searchCustody',
        await get(`/v1/custody?name=${encodeURIComponent('nguyen van minh')}`),
      );
      assert.equal(vietnamese.items[0]?.id, FIXTURE_IDS.custody.released);
    });

    it('finds an identifier, ignoring case, spaces and dashes, and respects identifierType', async () => {
      const byA = await json('searchCustody', await get(`/v1/custody?identifier=${FIXTURE_IDS.aNumber.toLowerCase()}`));
      assert.deepEqual(
        byA.items.map((r: { id: string }) => r.id),
        [FIXTURE_IDS.custody['in-custody']],
      );
      const spaced = await json(
        'searchCustody',
        await get('/v1/custody?identifier=A-123%20456%20789&identifierType=a-number'),
      );
      assert.equal(spaced.total, 1);
      const wrongType = await json(
        'searchCustody',
        await get(`/v1/custody?identifier=${FIXTURE_IDS.aNumber}&identifierType=booking`),
      );
      assert.equal(wrongType.total, 0);
      const withoutA = await json('searchCustody', await get('/v1/custody?identifier=0123456789'));
      assert.deepEqual(
        withoutA.items.map((r: { id: string }) => r.id),
        [FIXTURE_IDS.custody['in-custody']],
        'an A-number without its A',
      );
    });

    it('narrows by country of birth, ignoring case and accents', async () => {
      const ids = async (query: string) =>
        (await json('searchCustody', await get(`/v1/custody?${query}`))).items.map((r: { id: string }) => r.id);
      assert.deepEqual(await ids(`identifier=${FIXTURE_IDS.aNumber}&countryOfBirth=MEXICO`), [
        FIXTURE_IDS.custody['in-custody'],
      ]);
      assert.deepEqual(await ids('name=nunez&birthYear=1990&countryOfBirth=honduras'), [
        FIXTURE_IDS.custody['immigration-detention'],
      ]);
      assert.deepEqual(await ids(`identifier=${FIXTURE_IDS.aNumber}&countryOfBirth=Guatemala`), []);
    });

    it('filters by birth year (also matching an age) and state', async () => {
      const byYear = await json('searchCustody', await get('/v1/custody?name=garcia&birthYear=1992'));
      assert.ok(byYear.items.some((r: { id: string }) => r.id === FIXTURE_IDS.custody.transferred));
      const year = NOW.getUTCFullYear();
      assert.ok(
        byYear.items.every(
          (r: { birthYear?: number; age?: number }) =>
            r.birthYear === 1992 || [year - r.age!, year - r.age! - 1].includes(1992),
        ),
      );
      // Aaliyah Johnson is 29 in 2026: born 1997 or 1996.
      for (const year of [1997, 1996]) {
        assert.equal(
          (await json('searchCustody', await get(`/v1/custody?name=aaliyah%20johnson&birthYear=${year}`))).items[0]?.id,
          FIXTURE_IDS.custody.supervised,
        );
      }
      assert.equal(
        (await json('searchCustody', await get('/v1/custody?name=aaliyah%20johnson&birthYear=1990'))).total,
        0,
      );
      const texas = await json('searchCustody', await get('/v1/custody?name=ma&state=TX&pageSize=100'));
      assert.ok(texas.total > 0 && texas.items.every((r) => r.facility?.state === 'TX'));
    });

    it('pages results after a cursor (or by page number, as older clients ask), counting every match in total', async () => {
      const ids = (page: { items: { id: string }[] }) => page.items.map((r) => r.id);
      const first = await json('searchCustody', await get('/v1/custody?name=ma&pageSize=5'));
      assert.ok(first.total > 10);
      assert.equal(first.items.length, 5);
      const second = await json('searchCustody', await get(`/v1/custody?name=ma&pageSize=5&cursor=${first.next}`));
      assert.deepEqual([second.page, second.total], [2, first.total]);
      assert.deepEqual(
        ids(second),
        ids(await json('searchCustody', await get('/v1/custody?name=ma&pageSize=5&page=2'))),
      );
      const seen = [...ids(first), ...ids(second)];
      for (let page = second; page.next;) {
        page = await json('searchCustody', await get(`/v1/custody?name=ma&pageSize=5&cursor=${page.next}`));
        seen.push(...ids(page));
      }
      assert.equal(new Set(seen).size, first.total, 'every match once, the last page without next');
      const defaults = await json('searchCustody', await get('/v1/custody?name=ma'));
      assert.deepEqual([defaults.page, defaults.pageSize, defaults.items.length], [1, 20, first.total]);
      assert.equal(defaults.next, undefined);
    });

    it('rejects a search without name or identifier, and bad paging, with field paths', async () => {
      const error = await assertError(await get('/v1/custody?pageSize=101'), 400, 'validation_failed');
      assert.deepEqual(error.fields.map((f) => f.path).sort(), ['name', 'pageSize']);
      const short = await assertError(await get('/v1/custody?name=%20a%20'), 400, 'validation_failed');
      assert.equal(short.fields[0]!.path, 'name');
      const cursor = await assertError(await get('/v1/custody?name=ma&cursor=page-2'), 400, 'validation_failed');
      assert.deepEqual(
        cursor.fields.map((f) => f.path),
        ['cursor'],
      );
    });

    it('gets one record, 404 for an unknown id, 400 for an id that is not one', async () => {
      assert.equal(
        (await json('getCustodyRecord', await get(`/v1/custody/${FIXTURE_IDS.custody.escaped}`))).status,
        'escaped',
      );
      await assertError(await get('/v1/custody/cus-nope'), 404, 'not_found');
      const error = await assertError(await get('/v1/custody/bad%20id'), 400, 'validation_failed');
      assert.equal(error.fields[0]!.path, 'id');
    });
  });

  describe('services', () => {
    it('matches every word of q, ignoring accents, in Spanish and English text', async () => {
      const body = await json('searchServices', await get(`/v1/services?q=${encodeURIComponent('REFUGIO houston')}`));
      assert.equal(body.items[0]?.service.id, FIXTURE_IDS.service);
      const accentless = await json('searchServices', await get('/v1/services?q=victimas%20fresno'));
      assert.ok(
        accentless.items.some(
          (h: { service: { id: string } }) => h.service.id === FIXTURE_IDS.services.spanishLegalAid,
        ),
      );
    });

    it('says when the query is a cry for help, in any of the ten languages, as the server does', async () => {
      for (const q of ['I want to kill myself', 'tengo miedo', '救命', 'أنا في خطر']) {
        assert.equal(
          (await json('searchServices', await get(`/v1/services?q=${encodeURIComponent(q)}`))).crisis,
          true,
          q,
        );
      }
      assert.equal((await json('searchServices', await get('/v1/services?q=legal'))).crisis, false);
    });

    it('filters by categories and languages given as repeated keys or commas', async () => {
      const repeated = await json(
        'searchServices',
        await get('/v1/services?category=shelter&category=stalking&pageSize=100'),
      );
      const commas = await json('searchServices', await get('/v1/services?category=shelter,stalking&pageSize=100'));
      assert.deepEqual(commas, repeated);
      assert.ok(
        repeated.items.every((h) => h.service.categories.some((c: string) => c === 'shelter' || c === 'stalking')),
      );
      const vietnamese = await json('searchServices', await get('/v1/services?language=vi&pageSize=100'));
      assert.ok(vietnamese.total > 0 && vietnamese.items.every((h) => h.service.languages.includes('vi')));
    });

    it('sorts by distance from a ZIP code or point, within the radius, counting a confidential shelter by its city', async () => {
      const body = await json('searchServices', await get('/v1/services?postalCode=85701&radiusKm=30&pageSize=100'));
      const located = body.items.filter((h: { distanceKm?: number }) => h.distanceKm !== undefined);
      const distances = located.map((h) => h.distanceKm!);
      assert.ok(distances.length > 0);
      assert.ok(
        distances.every((d, i) => d <= 30 && (i === 0 || distances[i - 1]! <= d)),
        String(distances),
      );
      // National lines have no location: the radius keeps them, after every located service.
      assert.deepEqual(body.items.slice(0, located.length), located);
      assert.ok(body.items.slice(located.length).every((h) => h.service.locations.length === 0));
      assert.ok(located.some((h: { service: { id: string } }) => h.service.id === FIXTURE_IDS.services.tucsonHotline));
      const near = await json(
        'searchServices',
        await get('/v1/services?lat=29.76&lon=-95.37&radiusKm=5&q=casa%20segura'),
      );
      assert.equal(near.items[0]?.service.id, FIXTURE_IDS.service);
      assert.ok(near.items[0].distanceKm! < 5);
    });

    it('keeps only services open now when asked (using the mock clock)', async () => {
      const open = await json('searchServices', await get('/v1/services?openNow=true&pageSize=100'));
      assert.ok(
        open.total > 0 && open.total < api.data.services.length,
        `${open.total} of ${api.data.services.length}`,
      );
      assert.ok(open.items.every((h) => isOpenAt(h.service.schedule, NOW)));
    });

    it('keeps only round-the-clock services when asked for 24/7, with or without words', async () => {
      const allDay = await json('searchServices', await get('/v1/services?open24x7=true&pageSize=100'));
      assert.ok(
        allDay.total > 0 && allDay.total < api.data.services.length,
        `${allDay.total} of ${api.data.services.length}`,
      );
      assert.ok(allDay.items.every((h) => h.service.schedule?.open24x7 === true));
      const shelters = await json('searchServices', await get('/v1/services?q=shelter&open24x7=true&pageSize=100'));
      assert.ok(shelters.total > 0 && shelters.items.every((h) => h.service.schedule?.open24x7 === true));
    });

    it('rejects lat without lon and an unknown language code', async () => {
      const error = await assertError(await get('/v1/services?lat=29.7&language=spanish'), 400, 'validation_failed');
      assert.deepEqual(error.fields.map((f) => f.path).sort(), ['language.0', 'lon']);
    });

    it('gets one service, 404 otherwise', async () => {
      assert.equal(
        (await json('getService', await get(`/v1/services/${FIXTURE_IDS.services.spanishLegalAid}`))).languages[0],
        'es',
      );
      await assertError(await get('/v1/services/svc-nope'), 404, 'not_found');
    });

    it('serves the snapshot with an ETag and answers If-None-Match with 304', async () => {
      const first = await get('/v1/directory/snapshot');
      const etag = first.headers.get('etag')!;
      assert.match(etag, /^"[0-9a-f]{8}"$/);
      assert.equal(etag, api.snapshotEtag);
      assert.equal((await json('getDirectorySnapshot', first)).services.length, api.data.services.length);
      for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
        const again = await get('/v1/directory/snapshot', { headers: { 'if-none-match': header } });
        assert.equal(again.status, 304, header);
        assert.equal(again.headers.get('etag'), etag);
        assert.equal(await again.text(), '');
      }
      assert.equal((await get('/v1/directory/snapshot', { headers: { 'if-none-match': '"stale"' } })).status, 200);
    });

    it('the ETag follows the data', () => {
      const other = createMockApi({ baseUrl: BASE, data: { ...api.data, services: api.data.services.slice(1) } });
      assert.notEqual(other.snapshotEtag, api.snapshotEtag);
    });

    it('lists the hotlines', async () => {
      const body = await json('listHotlines', await get('/v1/hotlines'));
      assert.ok(body.items.some((h: { number: string }) => h.number === '1-800-799-7233'));
    });
  });

  describe('alerts', () => {
    it('answers every subscription with the same shape, keeping only real ones', async () => {
      const real = await json('subscribe', await post('/v1/alerts/subscriptions', SUBSCRIBE));
      const bot = await json(
        'subscribe',
        await post('/v1/alerts/subscriptions', { ...SUBSCRIBE, website: 'https://spam.example' }),
      );
      assert.deepEqual(Object.keys(bot).sort(), Object.keys(real).sort());
      assert.equal(bot.status, 'pending');
      assert.equal(bot.expiresInSeconds, real.expiresInSeconds);
      assert.notEqual(bot.confirmationId, real.confirmationId);
      assert.deepEqual(
        api.subscriptions.map((s) => s.confirmationId),
        [real.confirmationId],
      );
      assert.equal(api.subscriptions[0]!.request.contact, SUBSCRIBE.contact);
    });

    it('replays the response for a repeated Idempotency-Key', async () => {
      const headers = { 'idempotency-key': 'key-1' };
      const first = await post('/v1/alerts/subscriptions', SUBSCRIBE, headers);
      const again = await post('/v1/alerts/subscriptions', SUBSCRIBE, headers);
      const other = await post('/v1/alerts/subscriptions', SUBSCRIBE, { 'idempotency-key': 'key-2' });
      const firstBody = await json('subscribe', first);
      assert.deepEqual(await json('subscribe', again), firstBody);
      assert.equal(again.status, 202);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.notEqual((await json('subscribe', other)).confirmationId, firstBody.confirmationId);
      assert.equal(api.subscriptions.length, 2);
    });

    it('rejects an invalid contact or PIN per channel with field paths', async () => {
      const sms = await assertError(
        await post('/v1/alerts/subscriptions', { ...SUBSCRIBE, channel: 'sms', contact: '12345' }),
        400,
        'validation_failed',
      );
      assert.deepEqual(
        sms.fields.map((f) => f.path),
        ['contact'],
      );
      const voice = await assertError(
        await post('/v1/alerts/subscriptions', { ...SUBSCRIBE, channel: 'voice', contact: '(713) 555-0100' }),
        400,
        'validation_failed',
      );
      assert.deepEqual(
        voice.fields.map((f) => f.path),
        ['pin'],
      );
      const email = await assertError(
        await post('/v1/alerts/subscriptions', { ...SUBSCRIBE, pin: '1234' }),
        400,
        'validation_failed',
      );
      assert.deepEqual(
        email.fields.map((f) => f.path),
        ['pin'],
      );
      assert.equal(api.subscriptions.length, 0);
    });

    it('rejects a body that is not JSON (400) or not declared as JSON (415)', async () => {
      await assertError(await post('/v1/alerts/subscriptions', '{"subjectId":'), 400, 'validation_failed');
      const plain = await fetch(`${BASE}/v1/alerts/subscriptions`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify(SUBSCRIBE),
      });
      await assertError(plain, 415, 'unsupported_media_type');
    });

    it(`confirms with code ${MOCK_CONFIRMATION_CODE} or any link token; another code is invalid_code`, async () => {
      assert.deepEqual(
        await json(
          'confirmSubscription',
          await post('/v1/alerts/confirm', { confirmationId: 'cnf-x', code: MOCK_CONFIRMATION_CODE }),
        ),
        { status: 'confirmed' },
      );
      assert.deepEqual(
        await json('confirmSubscription', await post('/v1/alerts/confirm', { token: 'any-token-0123456789' })),
        {
          status: 'confirmed',
        },
      );
      const wrong = await assertError(
        await post('/v1/alerts/confirm', { confirmationId: 'cnf-x', code: '654321' }),
        400,
        'invalid_code',
      );
      assert.equal(wrong.fields[0]!.path, 'code');
      await assertError(
        await post('/v1/alerts/confirm', { confirmationId: 'cnf-x', code: '12ab56' }),
        400,
        'validation_failed',
      );
    });

    it('unsubscribes with a token', async () => {
      assert.deepEqual(
        await json('unsubscribe', await post('/v1/alerts/unsubscribe', { token: 'tok-0123456789abcdef' })),
        {
          status: 'unsubscribed',
        },
      );
      await assertError(await post('/v1/alerts/unsubscribe', { token: 'short' }), 400, 'validation_failed');
    });
  });

  describe('callbacks', () => {
    it('answers every request with the same shape and a reference, keeping only real ones', async () => {
      const real = await json('requestCallback', await post('/v1/callbacks', CALLBACK));
      const bot = await json(
        'requestCallback',
        await post('/v1/callbacks', { ...CALLBACK, website: 'https://spam.example' }),
      );
      assert.deepEqual(Object.keys(bot).sort(), Object.keys(real).sort());
      assert.match(real.reference, /^CB-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
      assert.notEqual(bot.reference, real.reference);
      assert.deepEqual(
        api.callbacks.map((c) => c.reference),
        [real.reference],
      );
      assert.equal(api.callbacks[0]!.request.contact, CALLBACK.contact);
    });

    it('rejects a contact that does not fit the channel, and releasable information without a record', async () => {
      const bad = await assertError(
        await post('/v1/callbacks', { ...CALLBACK, channel: 'email' }),
        400,
        'validation_failed',
      );
      assert.deepEqual(
        bad.fields.map((f) => f.path),
        ['contact'],
      );
      const noRecord = { ...CALLBACK, topic: 'releasable-information', recordId: undefined };
      const missing = await assertError(await post('/v1/callbacks', noRecord), 400, 'validation_failed');
      assert.deepEqual(
        missing.fields.map((f) => f.path),
        ['recordId'],
      );
      assert.equal(api.callbacks.length, 0);
    });

    it('cancels with the token from the answer', async () => {
      const { cancelToken } = await json('requestCallback', await post('/v1/callbacks', CALLBACK));
      assert.deepEqual(await json('cancelCallback', await post('/v1/callbacks/cancel', { token: cancelToken })), {
        status: 'cancelled',
      });
      assert.equal(api.callbacks[0]!.cancelled, true);
    });
  });

  describe('scenarios', () => {
    it('lists every scenario', () => {
      assert.deepEqual([...SCENARIOS].sort(), [
        'contract-violation',
        'malformed-json',
        'network-error',
        'never',
        'ok',
        'rate-limited',
        'server-error',
        'slow',
      ]);
    });

    it('network-error fails the fetch itself', async () => {
      api.setScenario('network-error');
      await assert.rejects(get('/v1/hotlines'), TypeError);
    });

    it('server-error answers 500 with an ErrorBody; rate-limited 429 with Retry-After: 1', async () => {
      api.setScenario('server-error');
      await assertError(await get('/v1/hotlines'), 500, 'internal');
      api.setScenario('rate-limited');
      const limited = await post('/v1/alerts/subscriptions', SUBSCRIBE);
      assert.equal(limited.headers.get('retry-after'), '1');
      assert.equal(limited.headers.get('cache-control'), 'no-store');
      await assertError(limited, 429, 'rate_limited');
    });

    it('malformed-json answers 200 with text that is not JSON', async () => {
      api.setScenario('malformed-json');
      const response = await get('/v1/hotlines');
      assert.equal(response.status, 200);
      await assert.rejects(response.json(), SyntaxError);
    });

    it('contract-violation answers the success status with a body the schema rejects, for every route', async () => {
      api.setScenario('contract-violation');
      for (const name of ROUTE_NAMES) {
        const response = await SAMPLE[name]();
        assert.equal(response.status, routes[name].status, name);
        const body: unknown = await response.json();
        assert.deepEqual(body, CONTRACT_VIOLATIONS[name]);
        assert.equal(z.safeParse(routes[name].response, body).success, false, name);
      }
      const record = CONTRACT_VIOLATIONS.getCustodyRecord as Record<string, unknown>;
      assert.equal(record.status, 'on-vacation');
      assert.ok('dateOfBirth' in record);
    });

    it('slow answers normally after slowMs', async () => {
      api.setScenario('slow');
      const started = performance.now();
      const response = await get('/v1/hotlines');
      assert.equal(response.status, 200);
      assert.ok(performance.now() - started >= 25);
    });

    it('never leaves the request hanging until the caller gives up', async () => {
      api.setScenario('never');
      await assert.rejects(
        get('/v1/hotlines', { signal: AbortSignal.timeout(100) }),
        (e: Error) => e.name === 'TimeoutError' || e.name === 'AbortError',
      );
    });

    it('applies per-route scenarios to the named routes only, and reset() restores the initial one', async () => {
      api.setScenario({ searchServices: 'server-error' });
      assert.equal((await get('/v1/services?q=legal')).status, 500);
      assert.equal((await get('/v1/hotlines')).status, 200);
      api.reset();
      assert.equal((await get('/v1/services?q=legal')).status, 200);
    });

    it('takes the initial scenario from the options', async () => {
      const failing = createMockApi({ baseUrl: 'https://down.mock.test', scenario: { listHotlines: 'rate-limited' } });
      server.use(...failing.handlers);
      assert.equal((await fetch('https://down.mock.test/v1/hotlines')).status, 429);
      failing.reset();
      assert.equal((await fetch('https://down.mock.test/v1/hotlines')).status, 429);
      server.resetHandlers();
    });
  });
});
