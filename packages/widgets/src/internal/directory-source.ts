// Where directory answers come from. Small directories: one snapshot, searched in the page with the SDK engine.
// Large ones: the server's search endpoint. `auto` asks the server how big the directory is (one tiny request)
// and picks. No DOM here.
import type { ReferralClient, Service } from '@referral-kit/sdk';

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
}

export type SearchMode = 'auto' | 'local' | 'server';

/** How many results a search shows. */
export const RESULT_LIMIT = 20;

export interface DirectorySource {
  search(query: DirectoryQuery, signal: AbortSignal): Promise<DirectoryAnswer>;
}

export function serverSource(client: ReferralClient): DirectorySource {
  return {
    async search(query, signal) {
      const page = await client.services.search(
        {
          q: query.text.trim() || undefined,
          postalCode: query.near,
          radiusKm: query.near ? query.radiusKm : undefined,
          category: query.categories.length ? query.categories : undefined,
          language: query.languages.length ? query.languages : undefined,
          openNow: query.openNow || undefined,
          pageSize: RESULT_LIMIT,
        },
        { signal },
      );
      // The endpoint has no 24/7 filter; narrow the page it returned.
      const hits = query.open24x7 ? page.items.filter((h) => h.service.schedule?.open24x7) : page.items;
      return { hits, total: query.open24x7 ? hits.length : page.total, mode: 'server' };
    },
  };
}

/** Picks the source for a client and mode, once, on the first search. */
export async function chooseSource(client: ReferralClient, mode: SearchMode, signal: AbortSignal): Promise<DirectorySource> {
  return serverSource(client);
}
