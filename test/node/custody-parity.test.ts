// One custody search: the reference server (SQLite, or PostgreSQL with TEST_DATABASE_URL) and the mocks (what every
// widget test in server mode talks to) answer name queries with the same records in the same order, page by page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { createMockApi, generateFixtures } from '@referral-kit/mocks';
import { startTestServer, type TestServer } from '../../packages/server/test/server-harness.js';

const NOW = new Date('2026-11-30T16:00:00Z');
const MOCK_BASE = 'https://custody-parity.mock.test';

/** Case, accents, apostrophes, word starts, words out of order, scripts other than Latin, hyphens, nothing. */
const NAME_QUERIES = [
  'jose',
  'JOSÉ ángel mart',
  'mart jose',
  "o'brien",
  'obrien',
  'ma',
  'garc mar',
  'nguyen van',
  'nguyễn',
  'kim seo',
  'seo-yeon',
  'arcia',
  'zz',
  '!!',
];

interface Answer {
  ids: string[];
  total: number;
  page: number;
  next?: string;
}

async function walk(base: string, name: string, filters: Record<string, string> = {}): Promise<Answer[]> {
  const pages: Answer[] = [];
  let cursor: string | undefined;
  do {
    const params = new URLSearchParams({ name, ...filters, pageSize: '3', ...(cursor ? { cursor } : {}) });
    const response = await fetch(`${base}/v1/custody?${params}`);
    assert.equal(response.status, 200, name);
    const body = (await response.json()) as Answer & { items: { id: string }[] };
    pages.push({ ids: body.items.map((r) => r.id), total: body.total, page: body.page, next: body.next });
    cursor = body.next;
  } while (cursor && pages.length < 20);
  return pages;
}

describe('custody search parity', () => {
  let server: TestServer;
  const mocks = setupServer();
  const data = generateFixtures();

  before(async () => {
    server = await startTestServer({}, { fixtures: data, now: () => NOW });
    mocks.use(...createMockApi({ baseUrl: MOCK_BASE, data, now: () => NOW }).handlers);
    mocks.listen({ onUnhandledRequest: 'bypass' });
  });
  after(async () => {
    mocks.close();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
    await server?.stop();
  });

  it('the mocks answer every name query with the server’s records, order, totals and cursors', async () => {
    let found = 0;
    for (const name of NAME_QUERIES) {
      const expected = await walk(server.url, name);
      assert.deepEqual(await walk(MOCK_BASE, name), expected, name);
      found += expected[0]!.total;
    }
    assert.ok(found > 20, 'the queries find people');
  });

  it('a birth year matches the same people in both: one a year off, and ages counted back from the source’s date', async () => {
    const given = data.custody.filter((r) => r.birthYear !== undefined).slice(0, 3);
    const aged = data.custody.filter((r) => r.birthYear === undefined && r.age !== undefined).slice(0, 3);
    assert.ok(given.length > 0 && aged.length > 0, 'the fixtures have birth years and ages');
    let found = 0;
    for (const record of [...given, ...aged]) {
      const year = record.birthYear ?? new Date(record.sourceUpdatedAt).getUTCFullYear() - record.age!;
      const lastName = record.displayName.split(' ').at(-1)!;
      for (const offset of [-2, -1, 0, 1, 2]) {
        const filters = { birthYear: String(year + offset) };
        const expected = await walk(server.url, lastName, filters);
        assert.deepEqual(await walk(MOCK_BASE, lastName, filters), expected, `${lastName} ${year + offset}`);
        const ids = expected.flatMap((page) => page.ids);
        assert.equal(
          ids.includes(record.id),
          Math.abs(offset) <= 1,
          `${record.id} born ${year}, asked ${year + offset}`,
        );
        found += ids.length;
      }
    }
    assert.ok(found > 0);
  });
});
