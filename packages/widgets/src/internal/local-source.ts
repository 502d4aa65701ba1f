// In-page directory search with the SDK engine. Importing this module turns it on (see enableLocalSearch).
import type { Service } from '@referral-kit/sdk';
import { createServiceIndex } from '@referral-kit/sdk/search';
import { ar } from '@referral-kit/sdk/vocabulary/ar';
import { en } from '@referral-kit/sdk/vocabulary/en';
import { es } from '@referral-kit/sdk/vocabulary/es';
import { enableLocalSearch, RESULT_LIMIT, type DirectorySource } from './directory-source.js';

/** The engine ranks up to this many; the page shows the first RESULT_LIMIT and the count includes the rest. */
const RANKED_MAX = 1000;

export function localSource(services: readonly Service[]): DirectorySource {
  // The languages whose catalogs are built into the widget; a visitor may type in any of them whatever the UI shows.
  const index = createServiceIndex(services, { vocabularies: [en, es, ar] });
  return {
    async search(query) {
      const ranked = index.search(query.text, {
        limit: RANKED_MAX,
        near: query.near ? { postalCode: query.near } : undefined,
        radiusKm: query.near ? query.radiusKm : undefined,
        categories: query.categories,
        languages: query.languages,
        openAt: query.openNow ? new Date() : undefined,
      });
      const kept = query.open24x7 ? ranked.filter((r) => r.service.schedule?.open24x7) : ranked;
      return {
        hits: kept.slice(0, RESULT_LIMIT).map((r) => ({ service: r.service, distanceKm: r.distanceKm })),
        total: kept.length,
        mode: 'local',
        crisis: index.read(query.text).crisis,
      };
    },
  };
}

enableLocalSearch(localSource);
