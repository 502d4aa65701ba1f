// Where directory answers come from. Small directories: one snapshot, searched in the page with the SDK engine.
// Large ones: the server's search endpoint. `auto` asks the server how big the directory is (one tiny request)
// and picks. No DOM here.
//
// Why no Web Worker: the SDK engine answers synchronously well under the 2 ms p95 budget of a keystroke at the
// sizes a snapshot realistically has (see LOCAL_SEARCH_MAX_SERVICES), and a worker started from a Blob URL is
// blocked by a strict CSP `worker-src`. Above the threshold the snapshot itself is too heavy for a phone to
// download, so large directories search on the server instead.
//
// Local search is a plug-in (./local-source.ts registers itself; the package root and embed-local-search.ts import
// it): the SDK engine is about 13 KB brotli, so the default embed leaves it out and always searches on the server.
import type { ReferralClient, Service, ServiceSearchParams } from '@referral-kit/sdk';

export interface DirectoryQuery {
  text: string;
  categories: string[];
  languages: string[];
  /** ZIP code the partner serves. */
  near?: string | undefined;
  radiusKm?: number | undefined;
  openNow: boolean;
  open24x7: boolean;
}

export interface DirectoryHit {
  service: Service;
  distanceKm?: number | undefined;
}

export interface DirectoryAnswer {
  hits: DirectoryHit[];
  total: number;
  mode: 'local' | 'server';
  /** The query says danger, self-harm or urgency: the crisis lines go above the results. */
  crisis: boolean;
}

export type SearchMode = 'auto' | 'local' | 'server';

/** How many results a search shows. */
export const RESULT_LIMIT = 20;

export interface DirectorySource {
  search(query: DirectoryQuery, signal: AbortSignal): Promise<DirectoryAnswer>;
}

/** The query as GET /v1/services reads it: what the server is sent and what the in-page search acts on. */
export function searchParams(query: DirectoryQuery): ServiceSearchParams {
  return {
    q: query.text.trim() || undefined,
    postalCode: query.near,
    radiusKm: query.near ? query.radiusKm : undefined,
    category: query.categories.length ? query.categories : undefined,
    language: query.languages.length ? query.languages : undefined,
    openNow: query.openNow || undefined,
    open24x7: query.open24x7 || undefined,
    pageSize: RESULT_LIMIT,
  };
}

export function serverSource(client: ReferralClient): DirectorySource {
  return {
    async search(query, signal) {
      const page = await client.services.search(searchParams(query), { signal });
      return { hits: page.items, total: page.total, mode: 'server', crisis: page.crisis === true };
    },
  };
}

/**
 * Largest directory searched in the page. Measured with the SDK engine on the mocks' fixtures (warm, Node 20,
 * shared 2-core machine, 14 typical queries with a ZIP and a category filter, ranking up to 1000 results):
 * p95 per search 0.36 ms at 300 services, 0.43 ms at 500, 1.85 ms at 1000, 5.1 ms at 2000; the search helper's
 * bench (bench/results/search.md, mixed queries incl. cold ones) reports 6.7 ms p95 at 1000. Index build: 15–80 ms
 * at 300–1000. The snapshot costs about 1.3 KB of JSON per service (500: 641 KB raw, 81 KB gzip; 1000: 161 KB gzip),
 * the other reason to stop at 500 on a phone.
 */
export const LOCAL_SEARCH_MAX_SERVICES = 500;

/** Makes the in-page source over a snapshot; it judges "open now" at `now()`. */
type LocalSourceFactory = (services: readonly Service[], now: () => Date) => DirectorySource;
let makeLocalSource: LocalSourceFactory | undefined;

/** Turns searching a snapshot in the page on (called by ./local-source.ts when it is in the build) or off. */
export function enableLocalSearch(factory: LocalSourceFactory | undefined): void {
  makeLocalSource = factory;
}

/**
 * Picks the source for a client and mode: `auto` asks for one result to learn the directory's size. A source in the
 * page reads `now` (the element's clock) at every search.
 */
export async function chooseSource(
  client: ReferralClient,
  mode: SearchMode,
  signal: AbortSignal,
  now: () => Date,
): Promise<DirectorySource> {
  const makeLocal = makeLocalSource;
  if (mode === 'server' || !makeLocal) return serverSource(client);
  if (mode === 'auto') {
    const probe = await client.services.search({ pageSize: 1 }, { signal });
    if (probe.total > LOCAL_SEARCH_MAX_SERVICES) return serverSource(client);
  }
  const answer = await client.services.snapshot({ signal });
  // Without an etag we never send If-None-Match, so a 304 cannot happen here.
  return makeLocal(answer.notModified ? [] : answer.snapshot.services, now);
}
