// GET /v1/services answered from a ServiceIndex: the one adapter between the contract's query and the engine, used by
// the reference server, the mocks and the widgets' in-page search, so all three rank and filter the same way.
import { DEFAULT_PAGE_SIZE } from '../contract/paging.js';
import type { Service, ServicePage, ServiceSearchParams } from '../contract/service.js';
import { createServiceIndex, type NearPoint, type ServiceIndex, type ServiceIndexOptions } from './service-index.js';

/** The most results a search ranks; a page's `total` counts at most this many. */
export const MAX_SEARCH_RESULTS = 1000;

/**
 * The index `searchDirectory` expects: services taken in id order, so equally good results come in the same order
 * whichever order a database, a snapshot or a fixture listed them in.
 */
export function createDirectoryIndex(services: readonly Service[], options: ServiceIndexOptions = {}): ServiceIndex {
  return createServiceIndex(
    [...services].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    options,
  );
}

/**
 * One page of the directory for a validated search query, from an index made by `createDirectoryIndex`. `now` is the
 * moment "open now" is judged at. A ZIP code is placed from the directory's own locations; one it cannot place
 * filters nothing (and, with no other filter or text, finds nothing).
 */
export function searchDirectory(index: ServiceIndex, query: ServiceSearchParams, now: Date): ServicePage {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  const near: NearPoint | undefined =
    query.lat !== undefined && query.lon !== undefined
      ? { lat: query.lat, lon: query.lon }
      : query.postalCode
        ? { postalCode: query.postalCode }
        : undefined;
  const text = query.q ?? '';
  const ranked = index.search(text, {
    limit: MAX_SEARCH_RESULTS,
    near,
    radiusKm: query.radiusKm,
    categories: query.category,
    languages: query.language,
    openAt: query.openNow ? now : undefined,
    open24x7: query.open24x7,
  });
  const items = ranked
    .slice((page - 1) * pageSize, page * pageSize)
    .map(({ service, distanceKm }) => (distanceKm === undefined ? { service } : { service, distanceKm }));
  return { items, total: ranked.length, page, pageSize, crisis: index.read(text).crisis };
}
