// The one place the server binds to a directory search engine: the SDK's, the same one the widgets run in browsers.
import type { Service, ServiceHit } from '@referral-kit/sdk';
import { createServiceIndex } from '@referral-kit/sdk/search';
import { allVocabularies } from '@referral-kit/sdk/vocabulary';

export interface DirectoryQuery {
  q: string;
  near?: { lat: number; lon: number } | { postalCode: string };
  radiusKm?: number;
  categories?: string[];
  languages?: string[];
  openAt?: Date;
}

/** Ranked hits, and whether the query reads as a cry for help (danger, self-harm, urgency). */
export type ServiceSearch = (query: DirectoryQuery) => { hits: ServiceHit[]; crisis: boolean };

/** The engine's own cap on results; `total` in a page counts at most this many. */
export const MAX_SEARCH_RESULTS = 1000;

export function buildServiceSearch(services: readonly Service[]): ServiceSearch {
  // Every language's words: a visitor may write in any of them, whatever the widget's language.
  const index = createServiceIndex(services, { vocabularies: allVocabularies });
  return ({ q, ...options }) => ({
    hits: index.search(q, { ...options, limit: MAX_SEARCH_RESULTS }).map((hit) =>
      hit.distanceKm === undefined ? { service: hit.service } : { service: hit.service, distanceKm: Math.round(hit.distanceKm * 10) / 10 },
    ),
    crisis: index.read(q).crisis,
  });
}
