// The searchable form of a directory: posting lists (which services carry which word, category, language or
// place) and where each service is. Built once from the services; plain numbers and strings, so it serializes.
import type { Location, Service } from '../contract/service.js';
import { Centroids, type Point } from './geo.js';
import { phoneDigits, phraseKey, tokenize } from './normalize.js';

/** Field tags of posting keys: `${field}\t${value}`. */
export const FIELD = {
  name: 'n',
  organization: 'o',
  description: 'd',
  category: 'c',
  /** A service's first category: what it mainly is. */
  primaryCategory: 'C',
  language: 'g',
  place: 'p',
  hotline247: 'h',
  /** Digits of each phone number (see phoneDigits). */
  phone: 'f',
  /** Phone types beyond voice a service answers on: text, tty. */
  channel: 't',
} as const;
export const TEXT_FIELDS = [FIELD.name, FIELD.organization, FIELD.description] as const;
export const postingKey = (field: string, value: string) => `${field}\t${value}`;

export interface IndexData {
  version: 1;
  /** Ids in index order: a saved index only fits the very services it was built from. */
  ids: string[];
  keys: string[];
  /** Sorted service positions per key, as gaps from the previous position (small numbers serialize short). */
  postings: number[][];
  /** Place name (folded city, county or ZIP) → its centroid, when any service there has coordinates. */
  places: Array<[place: string, lat: number | null, lon: number | null]>;
  /** ZIP prefix (3 digits) → centroid, to place a ZIP the directory has no service in. */
  zip3: Array<[prefix: string, lat: number, lon: number]>;
  /** Per service: flat [lat, lon, lat, lon, …]; confidential locations stand at their city's centroid. */
  coords: number[][];
  /** Per service: 1 when it has no location at all (a national line, an online service). */
  remote: number[];
}

const countyForms = (county: string): string[] => {
  const key = phraseKey(county);
  return key.endsWith(' county') ? [key, key.slice(0, -7)] : [key, `${key} county`];
};

/**
 * Where a location really is. Never for a confidential one, even if bad data carries coordinates: distances from
 * a few chosen points would otherwise give a shelter away. It stands at its city's centroid instead.
 */
function exactPoint(loc: Location): Point | undefined {
  return !loc.confidential && typeof loc.lat === 'number' && typeof loc.lon === 'number'
    ? { lat: loc.lat, lon: loc.lon }
    : undefined;
}

export function buildIndexData(services: readonly Service[]): IndexData {
  // One map per field, keyed by the bare word: word strings come from the cache below, so their hashes are reused.
  const byField = new Map<string, Map<string, number[]>>();
  const add = (field: string, value: string, doc: number) => {
    let postings = byField.get(field);
    if (!postings) byField.set(field, (postings = new Map<string, number[]>()));
    const list = postings.get(value);
    if (!list) postings.set(value, [doc]);
    else if (list[list.length - 1] !== doc) list.push(doc);
  };
  // Texts repeat across a directory (an organization's boilerplate, its name on every service): fold each once.
  const words = new Map<string, string[]>();
  const wordsOf = (text: string) => {
    let list = words.get(text);
    if (!list) words.set(text, (list = [...new Set(tokenize(text))]));
    return list;
  };
  const addText = (field: string, doc: number, ...texts: Array<string | undefined>) => {
    for (const text of texts) if (text) for (const word of wordsOf(text)) add(field, word, doc);
  };
  const cityCentroids = new Centroids();
  const zip3 = new Centroids();
  const placeNames = new Set<string>();

  services.forEach((s, doc) => {
    addText(FIELD.name, doc, s.name, s.alternateName);
    addText(FIELD.organization, doc, s.organization.name);
    addText(FIELD.description, doc, s.description, s.eligibility, s.serviceArea);
    for (const c of s.categories) add(FIELD.category, c, doc);
    if (s.categories[0]) add(FIELD.primaryCategory, s.categories[0], doc);
    const languages = new Set([...s.languages, ...s.phones.flatMap((p) => p.languages)]);
    for (const code of languages) add(FIELD.language, code, doc);
    if (s.schedule?.open24x7 && s.categories.includes('hotline')) add(FIELD.hotline247, '247', doc);
    for (const phone of s.phones) {
      const digits = phoneDigits(phone.number);
      if (digits) add(FIELD.phone, digits, doc);
      if (phone.type === 'text' || phone.type === 'tty') add(FIELD.channel, phone.type, doc);
    }
    for (const loc of s.locations) {
      const here = exactPoint(loc);
      const names = [
        ...(loc.city ? [phraseKey(loc.city)] : []),
        ...(loc.county ? countyForms(loc.county) : []),
        ...(loc.postalCode ? [loc.postalCode.slice(0, 5)] : []),
      ].filter(Boolean);
      for (const name of names) {
        placeNames.add(name);
        add(FIELD.place, name, doc);
        if (here) cityCentroids.add(name, here);
      }
      if (here && loc.postalCode) zip3.add(loc.postalCode.slice(0, 3), here);
    }
  });

  const coords = services.map((s) => {
    const flat: number[] = [];
    for (const loc of s.locations) {
      const at = exactPoint(loc) ?? (loc.city ? cityCentroids.get(phraseKey(loc.city)) : undefined);
      if (at) flat.push(at.lat, at.lon);
    }
    return flat;
  });
  const keys: string[] = [];
  const lists: number[][] = [];
  for (const [field, postings] of byField) {
    for (const [value, list] of postings) {
      keys.push(postingKey(field, value));
      lists.push(list.map((doc, i) => (i === 0 ? doc : doc - list[i - 1]!)));
    }
  }
  return {
    version: 1,
    ids: services.map((s) => s.id),
    keys,
    postings: lists,
    places: [...placeNames].map((name) => {
      const c = cityCentroids.get(name);
      return [name, c?.lat ?? null, c?.lon ?? null];
    }),
    zip3: zip3.entries().map(([k, p]) => [k, p.lat, p.lon]),
    coords,
    remote: services.map((s) => (s.locations.length === 0 ? 1 : 0)),
  };
}

/** Posting lists back to absolute, typed positions. */
export function decodePostings(data: IndexData): Int32Array[] {
  return data.postings.map((gaps) => {
    const out = new Int32Array(gaps.length);
    let doc = 0;
    gaps.forEach((gap, i) => (out[i] = doc = i === 0 ? gap : doc + gap));
    return out;
  });
}

/** Gap-encoded positions that are whole, increasing and inside the directory. */
function fitsIn(gaps: unknown[], size: number): boolean {
  let doc = -1;
  for (let i = 0; i < gaps.length; i++) {
    const gap = gaps[i];
    if (typeof gap !== 'number' || !Number.isInteger(gap) || gap < (i === 0 ? 0 : 1)) return false;
    doc = i === 0 ? gap : doc + gap;
  }
  return doc < size;
}

/** Shape check for a saved index: wrong or foreign JSON is rebuilt from the services, never trusted. */
export function isIndexData(value: unknown, services: readonly Service[]): value is IndexData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<IndexData>;
  return (
    v.version === 1 &&
    Array.isArray(v.ids) &&
    v.ids.length === services.length &&
    v.ids.every((id, i) => id === services[i]?.id) &&
    Array.isArray(v.keys) &&
    Array.isArray(v.postings) &&
    v.keys.length === v.postings.length &&
    v.postings.every((gaps) => Array.isArray(gaps) && fitsIn(gaps, services.length)) &&
    Array.isArray(v.places) &&
    Array.isArray(v.zip3) &&
    Array.isArray(v.coords) &&
    v.coords.length === services.length &&
    Array.isArray(v.remote) &&
    v.remote.length === services.length
  );
}
