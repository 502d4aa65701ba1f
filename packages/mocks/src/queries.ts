// Simple in-memory answers to the read routes. Good enough for demos and tests; the real search engine lives in the SDK.
import { countryKey, identifierKey, type CustodyRecord, type IdentifierType, type Schedule, type Service, type ServiceHit } from '@referral-kit/sdk';
import { createServiceIndex, type ServiceIndex } from '@referral-kit/sdk/search';
import { allVocabularies } from '@referral-kit/sdk/vocabulary';
import { CITIES } from './fixtures/index.js';

export const DEFAULT_PAGE_SIZE = 20;

export interface Paging {
  page?: number;
  pageSize?: number;
}

export function paginate<T>(items: readonly T[], { page = 1, pageSize = DEFAULT_PAGE_SIZE }: Paging) {
  return { items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize };
}

/** Lower case without accents, so "jose" finds "José". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
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
  const name = filter.name === undefined ? undefined : fold(filter.name);
  const { identifier, identifierType } = filter;
  const country = filter.countryOfBirth === undefined ? undefined : countryKey(filter.countryOfBirth);
  const matches = records.filter((record) => {
    if (name !== undefined && !fold(record.displayName).includes(name)) return false;
    if (identifier !== undefined && !record.identifiers.some((id) => (identifierType === undefined || id.type === identifierType) && identifierKey(id.type, id.value) === identifierKey(id.type, identifier))) return false;
    if (country !== undefined && (record.countryOfBirth === undefined || countryKey(record.countryOfBirth) !== country)) return false;
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

export interface ServiceFilter extends Paging {
  q?: string;
  lat?: number;
  lon?: number;
  postalCode?: string;
  radiusKm?: number;
  category?: string[];
  language?: string[];
  openNow?: boolean;
  open24x7?: boolean;
  now: Date;
}

/** Default search radius around a point or ZIP code. */
export const DEFAULT_RADIUS_KM = 50;

export function searchServices(services: readonly Service[], filter: ServiceFilter) {
  const terms = filter.q === undefined ? [] : fold(filter.q).split(/\s+/).filter(Boolean);
  const origin = originOf(filter);
  const radiusKm = filter.radiusKm ?? DEFAULT_RADIUS_KM;
  const hits: ServiceHit[] = [];
  for (const service of services) {
    if (filter.category?.length && !service.categories.some((c) => filter.category!.includes(c))) continue;
    if (filter.language?.length && !service.languages.some((l) => filter.language!.includes(l))) continue;
    if (filter.openNow && !isOpen(service.schedule, filter.now)) continue;
    if (filter.open24x7 && !service.schedule?.open24x7) continue;
    if (terms.length > 0) {
      const haystack = searchText(service);
      if (!terms.every((t) => haystack.includes(t))) continue;
    }
    if (origin) {
      const distanceKm = distanceTo(service, origin, filter.postalCode);
      if (distanceKm === undefined || distanceKm > radiusKm) continue;
      hits.push({ service, distanceKm });
    } else if (filter.postalCode !== undefined) {
      // A ZIP code the mock cannot place: match it exactly.
      if (service.locations.some((l) => l.postalCode === filter.postalCode)) hits.push({ service, distanceKm: 0 });
    } else {
      hits.push({ service });
    }
  }
  if (origin) hits.sort((a, b) => a.distanceKm! - b.distanceKm!);
  return { ...paginate(hits, filter), crisis: filter.q !== undefined && vocabularyReader().read(filter.q).crisis };
}

let reader: ServiceIndex | undefined;
/** The SDK engine over no services: it reads a query (is it a cry for help?) as the real server does. */
function vocabularyReader(): ServiceIndex {
  return (reader ??= createServiceIndex([], { vocabularies: allVocabularies }));
}

const searchTexts = new WeakMap<Service, string>();

/** The folded text a query is matched against, computed once per service (demo directories reach 100 000). */
function searchText(service: Service): string {
  let text = searchTexts.get(service);
  if (text === undefined) {
    text = fold([service.name, service.alternateName, service.organization.name, service.description, ...service.categories, ...service.locations.map((l) => l.city)].join(' '));
    searchTexts.set(service, text);
  }
  return text;
}

function originOf(filter: ServiceFilter): { lat: number; lon: number } | undefined {
  if (filter.lat !== undefined && filter.lon !== undefined) return { lat: filter.lat, lon: filter.lon };
  if (filter.postalCode === undefined) return undefined;
  const city = CITIES.find((c) => c.postalCode === filter.postalCode);
  return city ? { lat: city.lat, lon: city.lon } : undefined;
}

/** Distance to the nearest location; a confidential location counts by its ZIP code or city centre. */
function distanceTo(service: Service, origin: { lat: number; lon: number }, postalCode?: string): number | undefined {
  let best: number | undefined;
  for (const location of service.locations) {
    let point = location.lat !== undefined && location.lon !== undefined ? { lat: location.lat, lon: location.lon } : undefined;
    if (!point) {
      if (postalCode !== undefined && location.postalCode === postalCode) return 0;
      const city = CITIES.find((c) => c.city === location.city && c.state === location.state);
      if (city) point = { lat: city.lat, lon: city.lon };
    }
    if (point) {
      const d = haversineKm(origin, point);
      if (best === undefined || d < best) best = d;
    }
  }
  return best === undefined ? undefined : Math.round(best * 10) / 10;
}

export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const DAYS = ['su', 'mo', 'tu', 'we', 'th', 'fr', 'sa'] as const;

/** Whether a schedule is open at `now`, in the schedule's own time zone (UTC when it has none). */
export function isOpen(schedule: Schedule | undefined, now: Date): boolean {
  if (!schedule) return false;
  if (schedule.open24x7) return true;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: schedule.timezone ?? 'UTC', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const today = DAYS.indexOf(part('weekday').slice(0, 2).toLowerCase() as (typeof DAYS)[number]);
  const yesterday = DAYS[(today + 6) % 7];
  const time = `${part('hour')}:${part('minute')}`;
  return schedule.hours.some((h) => {
    const overnight = h.closes < h.opens;
    if (h.day === DAYS[today]) return time >= h.opens && (overnight || time < h.closes);
    return overnight && h.day === yesterday && time < h.closes;
  });
}
