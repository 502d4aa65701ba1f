// One directory search: the reference server, the mocks (what every widget test in server mode talks to) and the
// widgets' in-page search return the same services in the same order, for the judged queries and the widgets' own.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import type { Service } from '@referral-kit/sdk';
import { allVocabularies } from '@referral-kit/sdk/vocabulary';
import { createMockApi, generateFixtures } from '@referral-kit/mocks';
import { localSource } from '../../packages/widgets/src/internal/local-source.js';
import type { DirectoryQuery } from '../../packages/widgets/src/internal/directory-source.js';
import { startTestServer, type TestServer } from '../../packages/server/test/server-harness.js';
import { directory as judgedDirectory, JUDGED } from '../../packages/sdk/test/fixtures/judged-queries.js';

// Monday 30 Nov 2026, 10:00 in Houston: some offices open, some closed.
const NOW = new Date('2026-11-30T16:00:00Z');
const MOCK_BASE = 'https://parity.mock.test';
const PAGE_SIZE = 20;

interface Query {
  q?: string;
  lat?: number;
  lon?: number;
  postalCode?: string;
  radiusKm?: number;
  category?: string[];
  language?: string[];
  openNow?: boolean;
  open24x7?: boolean;
  page?: number;
}

/** The judged queries the HTTP API can express (it has no `sort`, and "open now" is the server's own clock). */
const judgedQueries: Query[] = JUDGED.filter((j) => !j.opts?.openAt && !j.opts?.sort).map(({ q, opts = {} }) => ({
  q,
  ...(opts.near && 'postalCode' in opts.near ? { postalCode: opts.near.postalCode } : opts.near),
  category: opts.categories,
  language: opts.languages,
}));

/** What visitors do in the widgets: words, a ZIP and radius, filter chips, "open now", "24/7", a cry for help, paging. */
const widgetQueries: Query[] = [
  { q: 'shelter' },
  { q: 'legal' },
  { q: 'REFUGIO houston' },
  { q: 'victimas fresno' },
  { q: 'abogado' },
  { q: 'counseling', postalCode: '77002' },
  { q: 'shelter', postalCode: '85701', radiusKm: 30 },
  { postalCode: '85701', radiusKm: 30 },
  { q: 'casa segura', lat: 29.76, lon: -95.37, radiusKm: 5 },
  { category: ['shelter', 'stalking'] },
  { language: ['vi'] },
  { q: 'help', language: ['es'], category: ['legal-aid'] },
  { openNow: true },
  { q: 'legal', openNow: true },
  { open24x7: true },
  { q: 'shelter', open24x7: true },
  { q: 'I want to kill myself' },
  { q: 'tengo miedo' },
  { q: 'legal', page: 2 },
  { postalCode: '00501' },
  { q: 'zzzz qqqq' },
];

function searchPath(base: string, query: Query): string {
  const params = new URLSearchParams({ pageSize: String(PAGE_SIZE) });
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return `${base}/v1/services?${params}`;
}

interface Ranked {
  ids: string[];
  total: number;
  crisis: boolean;
}

async function fetchRanked(url: string): Promise<Ranked> {
  const response = await fetch(url);
  assert.equal(response.status, 200, url);
  const page = (await response.json()) as {
    items: Array<{ service: { id: string } }>;
    total: number;
    crisis?: boolean;
  };
  return { ids: page.items.map((h) => h.service.id), total: page.total, crisis: page.crisis === true };
}

/** The in-page search takes what the directory element sends; it has no lat/lon and always shows the first page. */
function inPageQuery(query: Query): DirectoryQuery | undefined {
  if (query.lat !== undefined || query.page !== undefined) return undefined;
  return {
    text: query.q ?? '',
    categories: query.category ?? [],
    languages: query.language ?? [],
    near: query.postalCode,
    radiusKm: query.radiusKm,
    openNow: query.openNow ?? false,
    open24x7: query.open24x7 ?? false,
  };
}

function describeParity(name: string, services: () => Service[], queries: Query[]) {
  describe(name, () => {
    let server: TestServer;
    const mocks = setupServer();

    before(async () => {
      const data = services();
      server = await startTestServer(
        {},
        { fixtures: { ...generateFixtures({ services: 0, custody: 0 }), services: data }, now: () => NOW },
      );
      mocks.use(
        ...createMockApi({
          baseUrl: MOCK_BASE,
          data: { ...generateFixtures({ services: 0, custody: 0 }), services: data },
          now: () => NOW,
        }).handlers,
      );
      mocks.listen({ onUnhandledRequest: 'bypass' });
    });
    after(async () => {
      mocks.close();
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when `before` failed part-way
      await server?.stop();
    });

    it('the mocks answer every query with the server’s ids, order, total and crisis flag', async () => {
      for (const query of queries) {
        const expected = await fetchRanked(searchPath(server.url, query));
        assert.deepEqual(await fetchRanked(searchPath(MOCK_BASE, query)), expected, JSON.stringify(query));
      }
    });

    it('the in-page search, given the server’s languages, ranks like the server for every query it can express', async () => {
      // The page searches the snapshot the server hands out, as the directory element does. The page knows English
      // and the languages it has loaded, the server all ten: given the server's, the page must give its answers.
      const snapshot = (await (await fetch(`${server.url}/v1/directory/snapshot`)).json()) as { services: Service[] };
      const source = localSource(
        snapshot.services,
        () => NOW,
        () => allVocabularies,
      );
      let compared = 0;
      for (const query of queries) {
        const local = inPageQuery(query);
        if (!local) continue;
        const expected = await fetchRanked(searchPath(server.url, query));
        const answer = await source.search(local, new AbortController().signal);
        const actual = { ids: answer.hits.map((h) => h.service.id), total: answer.total, crisis: answer.crisis };
        assert.deepEqual(actual, expected, JSON.stringify(query));
        compared++;
      }
      assert.ok(compared >= queries.length / 2, `${compared} of ${queries.length} compared`);
    });
  });
}

describeParity('search parity on the judged directory', () => judgedDirectory, judgedQueries);
describeParity('search parity on the mocks’ fixtures', () => generateFixtures().services, widgetQueries);
