// In-memory answers to the read routes. The directory is searched by the SDK engine through the same adapter the
// reference server uses, so a widget tested against the mocks sees the server's ranking.
import {
  countryKey,
  DEFAULT_PAGE_SIZE,
  identifierKey,
  type CustodyPage,
  type CustodyRecord,
  type CustodySearchFilters,
  type Service,
  type ServicePage,
  type ServiceSearchParams,
} from '@referral-kit/sdk';
import {
  bornAround,
  compareCustodyOrder,
  CUSTODY_TOTAL_CAP,
  custodySortName,
  encodeCustodyCursor,
  estimatedBirthYear,
  matchesNameWords,
  nameQueryWords,
  type CustodyCursor,
} from '@referral-kit/sdk/custody-search';
import { createDirectoryIndex, searchDirectory, type ServiceIndex } from '@referral-kit/sdk/search';
import { allVocabularies } from '@referral-kit/sdk/vocabulary';

export interface CustodyFilter extends CustodySearchFilters {
  page?: number;
  pageSize?: number;
  /** Decoded from the query's `cursor` (the handler answers 400 for one that does not decode). */
  cursor?: CustodyCursor | undefined;
}

/**
 * GET /v1/custody: names matched and results ordered by the SDK's rules, as the reference server does on both
 * databases; paged after the cursor, with the total capped the same way.
 */
export function searchCustody(records: readonly CustodyRecord[], filter: CustodyFilter): CustodyPage {
  const words = filter.name === undefined ? undefined : nameQueryWords(filter.name);
  const { identifier, identifierType } = filter;
  const country = filter.countryOfBirth === undefined ? undefined : countryKey(filter.countryOfBirth);
  const matches = records
    .map((record) => ({ record, sortName: custodySortName(record.displayName), id: record.id }))
    .filter(({ record, sortName }) => {
      if (words !== undefined && !matchesNameWords(sortName, words)) return false;
      const sameIdentifier = (id: CustodyRecord['identifiers'][number]) =>
        (identifierType === undefined || id.type === identifierType) &&
        identifierKey(id.type, id.value) === identifierKey(id.type, identifier!);
      if (identifier !== undefined && !record.identifiers.some(sameIdentifier)) return false;
      if (
        country !== undefined &&
        (record.countryOfBirth === undefined || countryKey(record.countryOfBirth) !== country)
      )
        return false;
      if (filter.state !== undefined && record.facility?.state !== filter.state) return false;
      if (filter.birthYear !== undefined && !bornAround(estimatedBirthYear(record), filter.birthYear)) return false;
      return true;
    })
    .sort(compareCustodyOrder);
  const pageSize = filter.pageSize ?? DEFAULT_PAGE_SIZE;
  const { cursor } = filter;
  const page = cursor ? cursor.page + 1 : (filter.page ?? 1);
  const start = cursor ? matches.filter((m) => compareCustodyOrder(m, cursor) <= 0).length : (page - 1) * pageSize;
  const shown = matches.slice(start, start + pageSize);
  const total = cursor ? cursor.total : Math.min(matches.length, CUSTODY_TOTAL_CAP);
  const totalCapped = cursor ? cursor.totalCapped : matches.length > CUSTODY_TOTAL_CAP;
  const last = shown.at(-1);
  return {
    items: shown.map((m) => m.record),
    total,
    page,
    pageSize,
    ...(totalCapped ? { totalCapped } : {}),
    ...(last && start + pageSize < matches.length
      ? { next: encodeCustodyCursor({ ...last, page, total, totalCapped }) }
      : {}),
  };
}

const indexes = new WeakMap<readonly Service[], ServiceIndex>();

/** GET /v1/services as the reference server answers it: the SDK engine and its one adapter, in every language. */
export function searchServices(services: readonly Service[], query: ServiceSearchParams, now: Date): ServicePage {
  let index = indexes.get(services);
  if (!index) indexes.set(services, (index = createDirectoryIndex(services, { vocabularies: allVocabularies })));
  return searchDirectory(index, query, now);
}
