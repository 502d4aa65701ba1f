// In-memory answers to the read routes. The directory is searched by the SDK engine through the same adapter the
// reference server uses, so a widget tested against the mocks sees the server's ranking.
import {
  countryKey,
  DEFAULT_PAGE_SIZE,
  foldName,
  identifierKey,
  type CustodyRecord,
  type IdentifierType,
  type Service,
  type ServicePage,
  type ServiceSearchParams,
} from '@referral-kit/sdk';
import { createDirectoryIndex, searchDirectory, type ServiceIndex } from '@referral-kit/sdk/search';
import { allVocabularies } from '@referral-kit/sdk/vocabulary';

export interface Paging {
  page?: number;
  pageSize?: number;
}

export function paginate<T>(items: readonly T[], { page = 1, pageSize = DEFAULT_PAGE_SIZE }: Paging) {
  return { items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize };
}

export interface CustodyFilter extends Paging {
  name?: string;
  identifier?: string;
  identifierType?: IdentifierType;
  birthYear?: number;
  state?: string;
  countryOfBirth?: string;
  /** The year ages are counted from (for matching a birth year against an age). */
  year: number;
}

export function searchCustody(records: readonly CustodyRecord[], filter: CustodyFilter) {
  const name = filter.name === undefined ? undefined : foldName(filter.name);
  const { identifier, identifierType } = filter;
  const country = filter.countryOfBirth === undefined ? undefined : countryKey(filter.countryOfBirth);
  const matches = records.filter((record) => {
    if (name !== undefined && !foldName(record.displayName).includes(name)) return false;
    const sameIdentifier = (id: CustodyRecord['identifiers'][number]) =>
      (identifierType === undefined || id.type === identifierType) &&
      identifierKey(id.type, id.value) === identifierKey(id.type, identifier!);
    if (identifier !== undefined && !record.identifiers.some(sameIdentifier)) return false;
    if (country !== undefined && (record.countryOfBirth === undefined || countryKey(record.countryOfBirth) !== country))
      return false;
    if (filter.state !== undefined && record.facility?.state !== filter.state) return false;
    if (filter.birthYear !== undefined && !bornAround(record, filter.birthYear, filter.year)) return false;
    return true;
  });
  return paginate(matches, filter);
}

function bornAround(record: CustodyRecord, birthYear: number, year: number): boolean {
  if (record.birthYear !== undefined) return record.birthYear === birthYear;
  // An age of N this year means a birth year of year-N or year-N-1.
  if (record.age !== undefined) return birthYear === year - record.age || birthYear === year - record.age - 1;
  return false;
}

const indexes = new WeakMap<readonly Service[], ServiceIndex>();

/** GET /v1/services as the reference server answers it: the SDK engine and its one adapter, in every language. */
export function searchServices(services: readonly Service[], query: ServiceSearchParams, now: Date): ServicePage {
  let index = indexes.get(services);
  if (!index) indexes.set(services, (index = createDirectoryIndex(services, { vocabularies: allVocabularies })));
  return searchDirectory(index, query, now);
}
