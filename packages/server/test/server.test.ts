// The read API over real HTTP on loopback against a real SQLite file: every endpoint, every error, headers, CORS,
// static pages, logs without personal data, and the SDK client talking to the real server.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import * as z from 'zod/v4/mini';
import {
  ApiError,
  ErrorBody,
  createClient,
  type CustodyPage,
  type CustodyRecord,
  type DirectorySnapshot,
  type HotlineList,
  type Service,
  type ServicePage,
} from '@referral-kit/sdk';
import { FIXTURE_IDS } from '@referral-kit/mocks';
import { insertCustodyRecords } from '../src/db/custody-store.js';
import { writeDocuments } from '../src/db/documents.js';
import { bumpServicesVersion } from '../src/db/services-store.js';
import { json, startTestServer, type TestServer } from './server-harness.js';

/** A raw request, for what fetch will not send (unnormalized paths, odd methods). */
function raw(
  url: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
      const req = request(url + path, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end(init.body);
    },
  );
}

/** Every non-2xx answer: the contract's ErrorBody exactly (a typed code, a fields array, the request id), not cached. */
async function assertErrorShape(res: Response, status: number, code: string): Promise<ErrorBody> {
  assert.equal(res.status, status);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  const parsed = z.safeParse(ErrorBody, await res.json());
  assert.ok(parsed.success, `the ${status} body follows ErrorBody`);
  assert.equal(parsed.data.error.code, code);
  assert.equal(parsed.data.error.requestId, res.headers.get('x-request-id'));
  return parsed.data;
}

/**
 * Sends bytes on a plain socket and reads the whole answer; fails on a connection reset (the client must be able
 * to read the answer even while it was still sending).
 */
function rawExchange(url: string, head: string): Promise<Response> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname, () => socket.end(head));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [headText = '', body = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = headText.split('\r\n');
      const headers = new Headers(
        lines.map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()] as [string, string]),
      );
      resolve(new Response(body, { status: Number(statusLine.split(' ')[1]), headers }));
    });
  });
}

describe('custody lookup limit', () => {
  it('answers 429 with Retry-After after too many lookups from one address, per address', async () => {
    const s = await startTestServer({ CUSTODY_LOOKUPS_PER_MINUTE: '3', TRUST_PROXY: 'true' });
    try {
      const from = (ip: string, path: string) => s.get(path, { 'x-forwarded-for': ip });
      for (let i = 0; i < 3; i++) assert.equal((await from('203.0.113.7', '/v1/custody?name=jose')).status, 200);
      const limited = await from('203.0.113.7', `/v1/custody/${FIXTURE_IDS.custody.released}`);
      assert.ok(Number(limited.headers.get('retry-after')) >= 1, 'Retry-After in seconds');
      assert.deepEqual((await assertErrorShape(limited, 429, 'rate_limited')).error.fields, []);
      assert.equal(
        (await from('198.51.100.2', '/v1/custody?name=jose')).status,
        200,
        'another address is not affected',
      );
      assert.equal((await from('203.0.113.7', '/v1/hotlines')).status, 200, 'the directory is not limited');
      assert.ok(!s.logs.join('').includes('203.0.113.7'), 'addresses are not logged');
    } finally {
      await s.stop();
    }
  });
});

describe('read API', () => {
  let s: TestServer;
  let root: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'rk-root-'));
    mkdirSync(join(root, 'examples/partner-basic'), { recursive: true });
    writeFileSync(
      join(root, 'examples/partner-basic/index.html'),
      '<!doctype html><title>partner</title><referral-widget api-base-url="http://127.0.0.1:8787"></referral-widget>',
    );
    writeFileSync(join(root, 'examples/partner-basic/page.css'), 'a::after { content: "http://127.0.0.1:8787" }');
    writeFileSync(join(root, 'package.json'), '{"secret":true}');
    mkdirSync(join(root, 'packages/widgets/dist'), { recursive: true });
    writeFileSync(join(root, 'packages/widgets/dist/referral-kit.iife.js'), 'console.log(1)');
    s = await startTestServer({ CORS_ORIGINS: 'https://partner.example.org' }, { rootDir: root });
  });
  after(async () => {
    await s.stop();
    rmSync(root, { recursive: true, force: true });
  });

  describe('custody', () => {
    it('finds a person by name regardless of case and accents, without caching', async () => {
      const res = await s.get('/v1/custody?name=JOSE%20angel%20mart');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const body = await json<CustodyPage>(res);
      assert.deepEqual(
        body.items.map((r) => r.id),
        [FIXTURE_IDS.custody['in-custody']],
      );
      assert.equal(body.total, 1);
      assert.equal(body.page, 1);
    });

    it('matches every word typed against the start of a name word', async () => {
      const body = await json<CustodyPage>(await s.get('/v1/custody?name=garc%C3%ADa%20mar'));
      assert.ok(
        body.items.some((r) => r.id === FIXTURE_IDS.custody.transferred),
        'María Elena García is found',
      );
      assert.equal(
        (await json<CustodyPage>(await s.get('/v1/custody?name=arcia'))).total,
        0,
        'no match in the middle of a word',
      );
      assert.equal(
        (await json<CustodyPage>(await s.get("/v1/custody?name=o'brien"))).items[0]?.id,
        FIXTURE_IDS.custody.deceased,
      );
    });

    it('finds a person by identifier, ignoring spaces, dashes and case, and honours identifierType', async () => {
      const body = await json<CustodyPage>(await s.get('/v1/custody?identifier=a-1234%20567-89'));
      assert.deepEqual(
        body.items.map((r) => r.id),
        [FIXTURE_IDS.custody['in-custody']],
      );
      assert.equal(
        (await json<CustodyPage>(await s.get('/v1/custody?identifier=A123456789&identifierType=booking'))).total,
        0,
      );
      assert.equal(
        (await json<CustodyPage>(await s.get('/v1/custody?identifier=A123456789&identifierType=a-number'))).total,
        1,
      );
    });

    it('narrows by birth year within one year, and by state', async () => {
      const id = FIXTURE_IDS.custody['in-custody']; // born 1986, held in TX
      const ids = async (q: string) =>
        (await json<CustodyPage>(await s.get(`/v1/custody?name=jose%20angel&${q}`))).items.map((r) => r.id);
      assert.deepEqual(await ids('birthYear=1987'), [id]);
      assert.deepEqual(await ids('birthYear=1985'), [id]);
      assert.deepEqual(await ids('birthYear=1988'), []);
      assert.deepEqual(await ids('state=TX'), [id]);
      assert.deepEqual(await ids('state=CA'), []);
    });

    it('pages through results with a stable order and a total', async () => {
      const all = await json<CustodyPage>(await s.get('/v1/custody?name=ma&pageSize=100'));
      assert.ok(all.total >= 3, `enough results to page through (got ${all.total})`);
      const second = await json<CustodyPage>(await s.get('/v1/custody?name=ma&pageSize=2&page=2'));
      assert.equal(second.total, all.total);
      assert.equal(second.pageSize, 2);
      assert.deepEqual(
        second.items.map((r) => r.id),
        all.items.slice(2, 4).map((r) => r.id),
      );
    });

    it('rejects a search without a name or identifier with field errors', async () => {
      const res = await s.get('/v1/custody?state=TX');
      assert.equal(res.status, 400);
      const body = await json<ErrorBody>(res);
      assert.equal(body.error.code, 'validation_failed');
      assert.deepEqual(
        body.error.fields.map((f) => f.path),
        ['name'],
      );
      assert.equal(body.error.requestId, res.headers.get('x-request-id'));
      assert.equal((await s.get('/v1/custody?name=x')).status, 400, 'one letter is too short');
      assert.equal((await s.get('/v1/custody?name=ana&pageSize=1000')).status, 400);
      assert.equal((await s.get('/v1/custody?name=ana&birthYear=abc')).status, 400);
    });

    it('returns one record by id, and 404 for an unknown id', async () => {
      const res = await s.get(`/v1/custody/${FIXTURE_IDS.custody.released}`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.equal((await json<CustodyRecord>(res)).status, 'released');
      const missing = await s.get('/v1/custody/cus-nope');
      assert.equal(missing.status, 404);
      assert.equal((await json<ErrorBody>(missing)).error.code, 'not_found');
      assert.equal((await s.get('/v1/custody/bad%20id!')).status, 400);
    });

    it('never reveals a confidential record: not in search, and by id exactly like an unknown id', async () => {
      const record = {
        ...s.fixtures.custody[0]!,
        id: 'cus-protected',
        displayName: 'Zelda Protegida',
        identifiers: [{ type: 'booking' as const, value: 'PROT-1' }],
      };
      await s.db.transaction((tx) =>
        insertCustodyRecords(
          tx,
          [{ record, sourceKey: 'booking:PROT1', confidential: true }],
          new Date().toISOString(),
        ),
      );
      assert.equal((await json<CustodyPage>(await s.get('/v1/custody?name=zelda'))).total, 0);
      assert.equal((await json<CustodyPage>(await s.get('/v1/custody?identifier=PROT-1'))).total, 0);
      const hidden = await s.get('/v1/custody/cus-protected');
      const unknown = await s.get('/v1/custody/cus-unknown1');
      assert.equal(hidden.status, 404);
      const strip = (b: { error: Record<string, unknown> }) => ({ ...b.error, requestId: undefined });
      assert.deepEqual(strip(await json<ErrorBody>(hidden)), strip(await json<ErrorBody>(unknown)));
    });

    it('answers 500 with the error shape (never a broken body) when stored data breaks the contract', async () => {
      await s.db.run(
        "INSERT INTO custody_records (id, source_key, data, content_hash, status, confidential, sort_name, source_updated_at, updated_at) VALUES ('cus-broken', 'booking:BROKEN', '{\"id\":\"cus-broken\",\"status\":\"lost\"}', 'x', 'lost', 0, 'broken', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
      );
      const res = await s.get('/v1/custody/cus-broken');
      assert.equal(res.status, 500);
      assert.equal((await json<ErrorBody>(res)).error.code, 'internal');
      assert.ok(
        s.logs.some((l) => l.includes('response broke the contract')),
        'the contract breach is logged',
      );
    });
  });

  describe('directory', () => {
    it('finds a service by any of its phone numbers written another way, and flags a cry for help in any language', async () => {
      const service = s.fixtures.services.find((x) => x.phones.length > 1)!;
      const digits = service.phones[1]!.number.replace(/\D/g, '');
      const written = `+1 ${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6)}`;
      const byNumber = await json<ServicePage>(await s.get(`/v1/services?q=${encodeURIComponent(written)}`));
      assert.equal(byNumber.crisis, false);
      const listed = s.fixtures.services
        .filter((x) => x.phones.some((p) => p.number.replace(/\D/g, '') === digits))
        .map((x) => x.id);
      assert.deepEqual(byNumber.items.map((h) => h.service.id).sort(), listed.sort());
      for (const q of ['he is going to kill me', 'quiero morir', '我想自杀', 'мне страшно']) {
        assert.equal((await json<ServicePage>(await s.get(`/v1/services?q=${encodeURIComponent(q)}`))).crisis, true, q);
      }
    });

    it('returns one service, 404 for an unknown one', async () => {
      const service = s.fixtures.services[0]!;
      const res = await s.get(`/v1/services/${service.id}`);
      assert.equal(res.status, 200);
      assert.deepEqual(await json(res), JSON.parse(JSON.stringify(service)));
      assert.equal((await s.get('/v1/services/no-such-service')).status, 404);
    });

    it('serves the snapshot with an ETag, 304 for a matching If-None-Match, a new tag after a change', async () => {
      const first = await s.get('/v1/directory/snapshot');
      assert.equal(first.status, 200);
      const etag = first.headers.get('etag')!;
      assert.match(etag, /^"[0-9a-f]+"$/);
      const snapshot = await json<DirectorySnapshot>(first);
      assert.equal(snapshot.services.length, s.fixtures.services.length);
      assert.equal(`"${snapshot.version}"`, etag);

      const again = await s.get('/v1/directory/snapshot', { 'if-none-match': etag });
      assert.equal(again.status, 304);
      assert.equal(await again.text(), '');
      assert.equal((await s.get('/v1/directory/snapshot', { 'if-none-match': `W/${etag}, "other"` })).status, 304);
      assert.equal((await s.get('/v1/directory/snapshot', { 'if-none-match': '"stale"' })).status, 200);

      const changed = { ...s.fixtures.services[1]!, name: 'Renamed service' };
      await s.db.transaction(async (tx) => {
        await writeDocuments(tx, 'services', [{ document: changed, exists: true }], new Date().toISOString());
        await bumpServicesVersion(tx);
      });
      await s.app.directory!.refresh();
      const fresh = await s.get('/v1/directory/snapshot', { 'if-none-match': etag });
      assert.equal(fresh.status, 200);
      assert.notEqual(fresh.headers.get('etag'), etag);
      assert.equal((await json<Service>(await s.get(`/v1/services/${changed.id}`))).name, 'Renamed service');
    });

    it('searches services with the SDK engine: text, filters, distance and paging', async () => {
      const res = await s.get('/v1/services?q=shelter');
      assert.equal(res.status, 200);
      const body = await json<ServicePage>(res);
      assert.ok(body.total > 0, 'shelters found');
      assert.ok(
        body.items.every((h) =>
          /shelter|refugio|casa/i.test(`${h.service.name} ${h.service.description} ${h.service.categories.join(',')}`),
        ),
        'every hit is about shelter',
      );

      const spanish = await json<ServicePage>(await s.get('/v1/services?category=legal-aid&language=es'));
      assert.ok(spanish.total > 0, 'Spanish legal aid found');
      for (const hit of spanish.items) {
        assert.ok(hit.service.categories.includes('legal-aid'), 'category filter');
        assert.ok(hit.service.languages.includes('es'), 'language filter');
      }

      const near = await json<ServicePage>(await s.get('/v1/services?q=shelter&postalCode=77002&radiusKm=40'));
      assert.ok(near.items.length > 0, 'shelters near Houston');
      for (const hit of near.items)
        assert.ok(hit.distanceKm === undefined || hit.distanceKm <= 40, 'within the radius');

      const all = await json<ServicePage>(await s.get('/v1/services?category=shelter&pageSize=100'));
      const page2 = await json<ServicePage>(await s.get('/v1/services?category=shelter&pageSize=2&page=2'));
      assert.equal(page2.total, all.total);
      assert.deepEqual(
        page2.items.map((h) => h.service.id),
        all.items.slice(2, 4).map((h) => h.service.id),
      );
    });

    it('keeps only round-the-clock services when asked for 24/7, counting them in total', async () => {
      const allDay = await json<ServicePage>(
        await s.get('/v1/services?q=domestic%20violence&open24x7=true&pageSize=100'),
      );
      const any = await json<ServicePage>(await s.get('/v1/services?q=domestic%20violence&pageSize=100'));
      assert.ok(allDay.total > 0 && allDay.total < any.total, `${allDay.total} of ${any.total}`);
      assert.ok(
        allDay.items.every(
          (h: { service: { schedule?: { open24x7: boolean } } }) => h.service.schedule?.open24x7 === true,
        ),
      );
      assert.equal((await s.get('/v1/services?q=help&open24x7=maybe')).status, 400);
    });

    it('rejects bad service search input with field errors', async () => {
      const res = await s.get('/v1/services?lat=95&category=Not%20A%20Slug');
      assert.equal(res.status, 400);
      const paths = (await json<ErrorBody>(res)).error.fields.map((f) => f.path);
      assert.ok(paths.includes('lat'), 'lat out of range');
      assert.ok(
        paths.some((p: string) => p.startsWith('category')),
        'bad category',
      );
      assert.equal((await s.get('/v1/services?lat=30')).status, 400, 'lat without lon');
    });

    it('lists the hotlines in order', async () => {
      const body = await json<HotlineList>(await s.get('/v1/hotlines'));
      assert.deepEqual(
        body.items.map((h) => h.id),
        s.fixtures.hotlines.map((h) => h.id),
      );
    });
  });

  describe('errors', () => {
    it('unknown route: 404 with the error shape', async () => {
      const body = await assertErrorShape(await s.get('/v1/nothing-here'), 404, 'not_found');
      assert.deepEqual(body.error.fields, [], 'fields is an array even when nothing is field-level');
    });

    it('wrong method: 405 with Allow', async () => {
      const res = await fetch(`${s.url}/v1/custody`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      assert.equal(res.headers.get('allow'), 'GET');
      await assertErrorShape(res, 405, 'method_not_allowed');
      assert.equal((await fetch(`${s.url}/v1/alerts/subscriptions`)).status, 405);
    });

    it('non-JSON body: 415; malformed JSON: 400; too large: 413', async () => {
      const post = (body: string, type = 'application/json') =>
        fetch(`${s.url}/v1/alerts/subscriptions`, { method: 'POST', headers: { 'content-type': type }, body });
      const unsupported = await post('subjectId=x', 'application/x-www-form-urlencoded');
      await assertErrorShape(unsupported, 415, 'unsupported_media_type');
      const malformed = await assertErrorShape(await post('{"subjectId":'), 400, 'validation_failed');
      assert.deepEqual(
        malformed.error.fields.map((f) => f.path),
        ['body'],
      );
      await assertErrorShape(
        await post(JSON.stringify({ website: 'x'.repeat(s.config.bodyLimitBytes) })),
        413,
        'payload_too_large',
      );
    });

    it('a body that passes the size check but fails the schema: 400 with every field', async () => {
      const res = await fetch(`${s.url}/v1/alerts/subscriptions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ channel: 'pigeon' }),
      });
      assert.equal(res.status, 400);
      const paths = (await json<ErrorBody>(res)).error.fields.map((f) => f.path);
      for (const field of ['subjectId', 'channel', 'contact', 'language', 'events'])
        assert.ok(paths.includes(field), field);
    });

    it('requests the HTTP parser refuses get the same shape, and the connection closes without a reset', async () => {
      const longUrl = await rawExchange(
        s.url,
        `GET /v1/custody?name=${'a'.repeat(600_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      );
      await assertErrorShape(longUrl, 414, 'uri_too_long');
      const bigHeaders = await rawExchange(
        s.url,
        `GET /v1/hotlines HTTP/1.1\r\nHost: x\r\nX-Padding: ${'p'.repeat(20_000)}\r\n\r\n`,
      );
      await assertErrorShape(bigHeaders, 431, 'headers_too_large');
      await assertErrorShape(await rawExchange(s.url, 'GET /v1/hotlines HTTP/9.9 extra\r\n\r\n'), 400, 'bad_request');
      await assertErrorShape(await rawExchange(s.url, 'NOT A REQUEST\r\n\r\n'), 400, 'bad_request');
      assert.equal((await s.get('/v1/hotlines')).status, 200, 'the server keeps serving');
    });

    it('a malformed percent-encoding in the path is a 404, not a crash', async () => {
      assert.equal((await raw(s.url, '/v1/custody/%E0%A4%A')).status, 404);
    });
  });

  describe('headers', () => {
    it('echoes a well-formed x-request-id and replaces anything else', async () => {
      assert.equal(
        (await s.get('/v1/hotlines', { 'x-request-id': 'abc12345-trace' })).headers.get('x-request-id'),
        'abc12345-trace',
      );
      const replaced = (await s.get('/v1/hotlines', { 'x-request-id': 'bad id <script>' })).headers.get(
        'x-request-id',
      )!;
      assert.match(replaced, /^[0-9a-f-]{36}$/);
    });

    it('sends security headers on API answers', async () => {
      const res = await s.get('/v1/hotlines');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
      assert.match(res.headers.get('content-security-policy')!, /frame-ancestors 'none'/);
      assert.equal(res.headers.get('x-frame-options'), 'DENY');
    });

    it('CORS: configured partner origins only, including preflight', async () => {
      const allowed = await s.get('/v1/hotlines', { origin: 'https://partner.example.org' });
      assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://partner.example.org');
      assert.match(allowed.headers.get('vary')!, /Origin/);
      const other = await s.get('/v1/hotlines', { origin: 'https://evil.example' });
      assert.equal(other.headers.get('access-control-allow-origin'), null);

      const preflight = (origin: string) =>
        fetch(`${s.url}/v1/alerts/subscriptions`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type, idempotency-key',
          },
        });
      const ok = await preflight('https://partner.example.org');
      assert.equal(ok.status, 204);
      assert.equal(ok.headers.get('access-control-allow-origin'), 'https://partner.example.org');
      assert.match(ok.headers.get('access-control-allow-methods')!, /POST/);
      assert.match(ok.headers.get('access-control-allow-headers')!, /idempotency-key/);
      const refused = await preflight('https://evil.example');
      assert.equal(refused.headers.get('access-control-allow-origin'), null);
      assert.equal(refused.headers.get('access-control-allow-methods'), null);
    });
  });

  describe('pages and files', () => {
    it('redirects / to the examples and serves example pages with a page CSP', async () => {
      const root = await fetch(`${s.url}/`, { redirect: 'manual' });
      assert.equal(root.status, 302);
      assert.equal(root.headers.get('location'), '/examples/');
      const page = await s.get('/examples/partner-basic/');
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type')!, /text\/html/);
      const csp = page.headers.get('content-security-policy')!;
      assert.match(csp, /script-src 'self'/);
      assert.match(csp, /frame-ancestors 'self'/);
      assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
      const noSlash = await fetch(`${s.url}/examples/partner-basic`, { redirect: 'manual' });
      assert.equal(noSlash.status, 301);
      assert.equal(noSlash.headers.get('location'), '/examples/partner-basic/');
    });

    it('points example pages at the origin they were asked for, whatever the port or host name', async () => {
      const port = new URL(s.url).port;
      const asLocalhost = await raw(s.url, '/examples/partner-basic/', { headers: { host: `localhost:${port}` } });
      assert.match(asLocalhost.body, new RegExp(`api-base-url="http://localhost:${port}"`));
      assert.equal(Number(asLocalhost.headers['content-length']), Buffer.byteLength(asLocalhost.body));
      // A Host header that is not a plain host[:port] is never written into a page.
      const odd = await raw(s.url, '/examples/partner-basic/', { headers: { host: 'evil"><script>' } });
      assert.match(odd.body, /api-base-url="http:\/\/127\.0\.0\.1:8787"/);
      // Only pages and scripts are rewritten.
      assert.match(
        (await raw(s.url, '/examples/partner-basic/page.css', { headers: { host: `localhost:${port}` } })).body,
        /127\.0\.0\.1:8787/,
      );
    });

    it('lists the examples when there is no index page', async () => {
      const res = await s.get('/examples/');
      assert.equal(res.status, 200);
      assert.match(await res.text(), /href="partner-basic\/"/);
    });

    it('serves the embed bundle readable from partner pages', async () => {
      const res = await s.get('/packages/widgets/dist/referral-kit.iife.js');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type')!, /text\/javascript/);
      assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin');
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      const etag = res.headers.get('etag')!;
      assert.equal((await s.get('/packages/widgets/dist/referral-kit.iife.js', { 'if-none-match': etag })).status, 304);
    });

    it('never serves files outside the mounted folders, or dotfiles', async () => {
      for (const path of [
        '/examples/%2e%2e/package.json',
        '/examples/..%2fpackage.json',
        '/package.json',
        '/examples/.hidden',
        '/packages/widgets/src/index.ts',
      ]) {
        const res = await raw(s.url, path);
        assert.equal(res.status, 404, path);
        assert.doesNotMatch(res.body, /secret/);
      }
      assert.equal((await raw(s.url, '/examples/partner-basic/', { method: 'DELETE' })).status, 405);
    });
  });

  describe('OpenAPI', () => {
    it('serves the document generated from the route table, and a readable reference page', async () => {
      const doc = await json<{ openapi: string; paths: Record<string, { get?: unknown }> }>(
        await s.get('/v1/openapi.json'),
      );
      assert.equal(doc.openapi, '3.1.0');
      assert.ok(doc.paths['/v1/custody/{id}']?.get, 'custody by id documented');
      const page = await s.get('/v1/reference');
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type')!, /text\/html/);
      assert.match(page.headers.get('content-security-policy')!, /script-src 'self'/);
      const html = await page.text();
      assert.doesNotMatch(html, /<script/i, 'no scripts');
      assert.doesNotMatch(html, /https?:\/\/(?!127\.0\.0\.1)[^"]*\.(js|css)/, 'no CDN assets');
      assert.doesNotMatch(html, />undefined</, 'every referenced parameter resolved');
      for (const path of Object.keys(doc.paths)) assert.ok(html.includes(`<code>${path}</code>`), path);
      assert.match(html, /X-Referral-Partner/);
      assert.equal((await s.get('/v1/reference.css')).status, 200);
    });
  });

  describe('health', () => {
    it('reports live and ready', async () => {
      assert.deepEqual(await json(await s.get('/healthz')), { status: 'ok' });
      const ready = await s.get('/readyz');
      assert.equal(ready.status, 200);
      assert.deepEqual(await json(ready), { status: 'ready' });
    });
  });

  describe('logs', () => {
    it('never contain names, contacts, query strings, IPs or user agents', async () => {
      const before = s.logs.length;
      await s.get('/v1/custody?name=Wilhelmina%20Quackenbush', { 'user-agent': 'AgentSmith/9.9' });
      await s.get('/v1/custody?identifier=ZX-998877');
      await s.get('/v1/services?q=strangulation%20survivors&postalCode=77002');
      await fetch(`${s.url}/v1/alerts/subscriptions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'AgentSmith/9.9' },
        body: JSON.stringify({
          subjectId: FIXTURE_IDS.custody.released,
          channel: 'email',
          contact: 'hidden.person@example.org',
          language: 'en',
          events: ['release'],
        }),
      });
      await fetch(`${s.url}/v1/alerts/subscriptions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ contact: '+1 (713) 555-0199' }),
      });
      await new Promise((r) => setTimeout(r, 50));
      const lines = s.logs.slice(before).join('\n');
      assert.ok(lines.includes('"route":"searchCustody"'), 'requests are logged');
      for (const secret of [
        'Wilhelmina',
        'Quackenbush',
        'ZX-998877',
        'strangulation',
        '77002',
        'hidden.person',
        'example.org',
        '555-0199',
        '5550199',
        '127.0.0.1',
        'AgentSmith',
        'name=',
      ]) {
        assert.ok(!lines.includes(secret), `log contains ${secret}`);
      }
    });
  });

  describe('SDK client end to end', () => {
    it('searches, reads, revalidates the snapshot and surfaces API errors', async () => {
      const client = createClient({ baseUrl: s.url, retries: 0 });
      const page = await client.custody.search({ identifier: FIXTURE_IDS.aNumber });
      assert.equal(page.items[0]?.id, FIXTURE_IDS.custody['in-custody']);
      assert.equal((await client.custody.get(FIXTURE_IDS.custody.escaped)).status, 'escaped');
      const snapshot = await client.services.snapshot();
      assert.equal(snapshot.notModified, false);
      const again = await client.services.snapshot({ etag: snapshot.etag });
      assert.equal(again.notModified, true);
      assert.equal((await client.services.hotlines()).items.length, s.fixtures.hotlines.length);
      await assert.rejects(
        client.custody.get('cus-missing'),
        (error: unknown) =>
          error instanceof ApiError &&
          error.status === 404 &&
          error.code === 'not_found' &&
          typeof error.requestId === 'string',
      );
    });
  });
});
