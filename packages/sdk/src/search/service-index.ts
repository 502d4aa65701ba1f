// The directory search engine: synchronous, pure, DOM-free. Build once (or load a saved build), search per keystroke.
import type { Service } from '../contract/service.js';
import { en } from '../vocabulary/en.js';
import { es } from '../vocabulary/es.js';
import { haversineKm, type Point } from './geo.js';
import { isOpenAt } from './hours.js';
import { buildIndexData, decodePostings, FIELD, type IndexData, isIndexData, postingKey } from './index-data.js';
import { PLACE_CONCEPT_WEIGHT, type ParsedQuery, QueryParser } from './query.js';
import type { Vocabulary } from './vocabulary.js';

export interface ServiceIndexOptions {
  /** Languages of words the index understands; English and Spanish by default. Pass fewer to ship less. */
  vocabularies?: readonly Vocabulary[];
}

export type NearPoint = { lat: number; lon: number } | { postalCode: string };

export interface SearchOptions {
  /** Most results returned (default 20, at most 1000). */
  limit?: number;
  /** The visitor's position, or a ZIP code placed from the directory's own locations. */
  near?: NearPoint;
  /** With `near`: leave out services farther than this. Services with no location (national lines) stay. */
  radiusKm?: number;
  /** Keep only services in any of these categories. */
  categories?: readonly string[];
  /** Keep only services that speak any of these languages (ISO 639-1). */
  languages?: readonly string[];
  /** Keep only services known to be open at this moment. */
  openAt?: Date;
  /** `relevance` (default): best match first, nearer first among equally good. `distance`: nearest good match first. */
  sort?: 'relevance' | 'distance';
}

export type MatchField = 'name' | 'organization' | 'description' | 'category' | 'language' | 'place' | 'hotline';

/** Why a service matched: which part of the query (`query`), found where (`field`), as what (`value`). */
export interface SearchMatch {
  query: string;
  field: MatchField;
  value: string;
}

export interface SearchResult {
  service: Service;
  /** Relevance, 1 for the best result. */
  score: number;
  /** Kilometres from `near` (or from a place named in the query); a confidential location counts from its city. */
  distanceKm?: number;
  matches: SearchMatch[];
}

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 1000;
/** Results weaker than this share of the best one are noise, not help. */
const KEEP_RATIO = 0.25;
/** Distance at which nearness to a named place has faded to about a third. */
const PLACE_FADE_KM = 30;
/** A place-only query shows services within this reach of the place. */
const PLACE_REACH_KM = 60;
const REMOTE_PLACE_SCORE = 0.5;
const FIELD_NAMES: Record<string, MatchField> = {
  [FIELD.name]: 'name', [FIELD.organization]: 'organization', [FIELD.description]: 'description',
  [FIELD.category]: 'category', [FIELD.primaryCategory]: 'category', [FIELD.language]: 'language', [FIELD.place]: 'place', [FIELD.hotline247]: 'hotline',
};

function contains(list: Int32Array | undefined, doc: number): boolean {
  if (!list) return false;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = list[mid]!;
    if (v === doc) return true;
    if (v < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

export class ServiceIndex {
  private readonly keyIds = new Map<string, number>();
  private readonly postings: Int32Array[];
  private readonly placeCenters = new Map<string, Point | undefined>();
  private readonly zip3 = new Map<string, Point>();
  private readonly coords: Float64Array[];
  private readonly parser: QueryParser;

  /** Use `createServiceIndex` or `loadServiceIndex`. */
  constructor(
    private readonly services: readonly Service[],
    private readonly data: IndexData,
    vocabularies: readonly Vocabulary[],
  ) {
    data.keys.forEach((k, i) => this.keyIds.set(k, i));
    this.postings = decodePostings(data);
    for (const [place, lat, lon] of data.places) this.placeCenters.set(place, lat !== null && lon !== null ? { lat, lon } : undefined);
    for (const [prefix, lat, lon] of data.zip3) this.zip3.set(prefix, { lat, lon });
    this.coords = data.coords.map((c) => Float64Array.from(c));
    const textWords = data.keys.filter((k) => k[0] === FIELD.name || k[0] === FIELD.organization || k[0] === FIELD.description).map((k) => k.slice(2));
    this.parser = new QueryParser(
      {
        keyId: (key) => this.keyIds.get(key),
        docFrequency: (id) => this.postings[id]?.length ?? 0,
        size: services.length,
        isPlace: (place) => this.placeCenters.has(place),
      },
      vocabularies,
      data.places.map(([p]) => p),
      textWords,
    );
  }

  get size(): number {
    return this.services.length;
  }

  /** The built index as plain JSON data; `loadServiceIndex(json, sameServices)` restores it without rebuilding. */
  toJSON(): IndexData {
    return this.data;
  }

  /** Where a ZIP code is, judged from the directory's services there (or sharing its 3-digit prefix). */
  locate(postalCode: string): Point | undefined {
    const zip = postalCode.trim().slice(0, 5);
    if (!/^\d{5}$/.test(zip)) return undefined;
    return this.placeCenters.get(zip) ?? this.zip3.get(zip.slice(0, 3));
  }

  search(query: string, options: SearchOptions = {}): SearchResult[] {
    const parsed = this.parser.parse(typeof query === 'string' ? query : '');
    const near = this.resolveNear(options.near);
    const placeCenter = parsed.place ? this.placeCenters.get(parsed.place.place) ?? this.locate(parsed.place.place) : undefined;
    const origin = near ?? placeCenter;
    const limit = finite(options.limit) ? Math.min(MAX_LIMIT, Math.max(1, Math.floor(options.limit))) : DEFAULT_LIMIT;

    const n = this.services.length;
    const total = new Float64Array(n);
    const topicHit = new Uint8Array(n);
    const candidates = this.accumulate(parsed, total, topicHit);
    const hasConcepts = parsed.concepts.length > 0;
    const filtered = Boolean(options.categories?.length || options.languages?.length || options.openAt || options.near);
    const hotlines = this.posting(FIELD.hotline247, '247');
    if (!hasConcepts) {
      if (parsed.place) this.addNearPlace(parsed.place.place, placeCenter, candidates, total);
      if (parsed.crisis) for (const doc of hotlines ?? []) if (total[doc] === 0) candidates.push(doc);
      if (!parsed.place && !parsed.crisis) {
        if (!filtered) return [];
        for (let doc = 0; doc < n; doc++) candidates.push(doc); // browsing: filters and distance decide
      }
    }

    let weightSum = parsed.concepts.reduce((s, c) => s + c.weight, 0);
    const placeList = parsed.place ? this.posting(FIELD.place, parsed.place.place) : undefined;
    if (parsed.place) weightSum += PLACE_CONCEPT_WEIGHT;
    const hits: Array<{ doc: number; rel: number; distanceKm?: number }> = [];
    const radius = near && finite(options.radiusKm) ? options.radiusKm : undefined;
    const categoryLists = options.categories?.map((c) => this.posting(FIELD.category, c));
    const languageLists = options.languages?.map((c) => this.posting(FIELD.language, c));
    const openAt = options.openAt instanceof Date ? options.openAt : undefined;

    for (const doc of candidates) {
      if (categoryLists && categoryLists.length && !categoryLists.some((l) => contains(l, doc))) continue;
      if (languageLists && languageLists.length && !languageLists.some((l) => contains(l, doc))) continue;
      if (openAt && !isOpenAt(this.services[doc]!.schedule, openAt)) continue;
      const distanceKm = origin ? this.distance(doc, origin) : undefined;
      if (radius !== undefined && distanceKm !== undefined && distanceKm > radius) continue;
      if (radius !== undefined && distanceKm === undefined && !this.data.remote[doc]) continue;
      let score = total[doc]!;
      if (parsed.place) {
        const placeDistance = placeCenter ? (near ? this.distance(doc, placeCenter) : distanceKm) : undefined;
        score += PLACE_CONCEPT_WEIGHT * (contains(placeList, doc) ? 1
          : placeDistance !== undefined ? Math.exp(-placeDistance / PLACE_FADE_KM)
          : this.data.remote[doc] ? REMOTE_PLACE_SCORE : 0);
      }
      let rel = weightSum > 0 ? score / weightSum : 1;
      // Someone in danger needs a line that answers now: 24/7 hotlines for what they asked about go first.
      if (parsed.crisis && contains(hotlines, doc) && (!hasConcepts || topicHit[doc])) rel += 1;
      hits.push({ doc, rel, distanceKm });
    }
    return this.rank(hits, parsed, options.sort === 'distance', origin !== undefined, limit);
  }

  private rank(hits: Array<{ doc: number; rel: number; distanceKm?: number }>, parsed: ParsedQuery, byDistance: boolean, hasOrigin: boolean, limit: number): SearchResult[] {
    if (hits.length === 0) return [];
    const top = hits.reduce((m, h) => Math.max(m, h.rel), 0);
    const kept = hits.filter((h) => h.rel >= top * (byDistance ? 0.5 : KEEP_RATIO));
    const far = (h: { distanceKm?: number }) => h.distanceKm ?? Infinity;
    // "Nearer first among equally good": relevance is compared in tenths of the best score.
    const band = (h: { rel: number }) => (hasOrigin ? Math.round((h.rel / top) * 10) : h.rel);
    kept.sort(byDistance
      ? (a, b) => far(a) - far(b) || b.rel - a.rel || a.doc - b.doc
      : (a, b) => band(b) - band(a) || far(a) - far(b) || b.rel - a.rel || a.doc - b.doc);
    return kept.slice(0, limit).map((h) => ({
      service: this.services[h.doc]!,
      score: Math.round((h.rel / top) * 1000) / 1000,
      ...(h.distanceKm !== undefined ? { distanceKm: Math.round(h.distanceKm * 10) / 10 } : {}),
      matches: this.explain(h.doc, parsed),
    }));
  }

  /** Sums each concept's best key per service; returns every service any concept touched. */
  private accumulate(parsed: ParsedQuery, total: Float64Array, topicHit: Uint8Array): number[] {
    const best = new Float64Array(total.length);
    const candidates: number[] = [];
    const touched: number[] = [];
    for (const concept of parsed.concepts) {
      for (const { id, w } of concept.keys) {
        const list = this.postings[id]!;
        for (let i = 0; i < list.length; i++) {
          const doc = list[i]!;
          const prev = best[doc]!;
          if (prev === 0) touched.push(doc);
          if (w > prev) best[doc] = w;
        }
      }
      for (const doc of touched) {
        if (total[doc] === 0) candidates.push(doc);
        total[doc]! += concept.weight * best[doc]!;
        if (concept.topical && best[doc]! >= 0.5) topicHit[doc] = 1;
        best[doc] = 0;
      }
      touched.length = 0;
    }
    return candidates;
  }

  private addNearPlace(place: string, center: Point | undefined, candidates: number[], total: Float64Array): void {
    const seen = new Set(candidates);
    for (const doc of this.posting(FIELD.place, place) ?? []) if (!seen.has(doc)) seen.add(doc), candidates.push(doc);
    if (!center) return;
    for (let doc = 0; doc < total.length; doc++) {
      if (!seen.has(doc) && this.coords[doc]!.length && this.distance(doc, center)! <= PLACE_REACH_KM) candidates.push(doc);
    }
  }

  private explain(doc: number, parsed: ParsedQuery): SearchMatch[] {
    const matches: SearchMatch[] = [];
    for (const concept of parsed.concepts) {
      let bestKey: { id: number; w: number } | undefined;
      for (const key of concept.keys) if ((!bestKey || key.w > bestKey.w) && contains(this.postings[key.id], doc)) bestKey = key;
      if (!bestKey) continue;
      const key = this.data.keys[bestKey.id]!;
      matches.push({ query: concept.label, field: FIELD_NAMES[key[0]!]!, value: key.slice(2) });
    }
    if (parsed.place && contains(this.posting(FIELD.place, parsed.place.place), doc)) {
      matches.push({ query: parsed.place.label, field: 'place', value: parsed.place.place });
    }
    if (parsed.crisis && contains(this.posting(FIELD.hotline247, '247'), doc)) matches.push({ query: '', field: 'hotline', value: '24/7' });
    return matches;
  }

  private posting(field: string, value: string): Int32Array | undefined {
    const id = this.keyIds.get(postingKey(field, value));
    return id === undefined ? undefined : this.postings[id];
  }

  private resolveNear(near: NearPoint | undefined): Point | undefined {
    if (!near || typeof near !== 'object') return undefined;
    if ('postalCode' in near) return typeof near.postalCode === 'string' ? this.locate(near.postalCode) : undefined;
    const { lat, lon } = near as { lat: unknown; lon: unknown };
    return finite(lat) && finite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : undefined;
  }

  /** Distance to the service's nearest location, or undefined when it has none placed. */
  private distance(doc: number, from: Point): number | undefined {
    const c = this.coords[doc]!;
    let min: number | undefined;
    for (let i = 0; i < c.length; i += 2) {
      const d = haversineKm(from, { lat: c[i]!, lon: c[i + 1]! });
      if (min === undefined || d < min) min = d;
    }
    return min;
  }
}

const DEFAULT_VOCABULARIES: readonly Vocabulary[] = [en, es];

/** Builds a search index over `services` (never modified; results hand back the same objects). */
export function createServiceIndex(services: readonly Service[], options: ServiceIndexOptions = {}): ServiceIndex {
  return new ServiceIndex(services, buildIndexData(services), options.vocabularies ?? DEFAULT_VOCABULARIES);
}

/**
 * Restores an index saved with `index.toJSON()` (e.g. built in a worker or at publish time) for the same services
 * in the same order. A saved index that does not fit those services is ignored and the index is rebuilt.
 */
export function loadServiceIndex(json: unknown, services: readonly Service[], options: ServiceIndexOptions = {}): ServiceIndex {
  const data = typeof json === 'string' ? safeParse(json) : json;
  return new ServiceIndex(services, isIndexData(data, services) ? data : buildIndexData(services), options.vocabularies ?? DEFAULT_VOCABULARIES);
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
