// The directory search engine: synchronous, pure, DOM-free. Build once (or load a saved build), search per keystroke.
import type { Service } from '../contract/service.js';
import { en } from '../vocabulary/en.js';
import { cosLatitude, type Point, PointSets } from './geo.js';
import { WeeklyHours } from './hours.js';
import { buildIndexData, decodePostings, FIELD, type IndexData, isIndexData, postingKey } from './index-data.js';
import { PLACE_CONCEPT_WEIGHT, type ParsedQuery, QueryParser } from './query.js';
import { TopK } from './top-k.js';
import type { Vocabulary } from './vocabulary.js';

export interface ServiceIndexOptions {
  /**
   * Languages of words the index understands; English by default. Servers pass `allVocabularies`
   * (`@referral-kit/sdk/vocabulary`), a browser the languages it shows (`@referral-kit/sdk/vocabulary/es`, …).
   */
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
  /** Keep only services that answer around the clock (24/7 lines and shelters). */
  open24x7?: boolean;
  /** `relevance` (default): best match first, nearer first among equally good. `distance`: nearest good match first. */
  sort?: 'relevance' | 'distance';
}

export type MatchField =
  'name' | 'organization' | 'description' | 'category' | 'language' | 'place' | 'hotline' | 'phone' | 'channel';

/** What a query says beyond the services it finds. */
export interface QueryReading {
  /** The query says danger, self-harm or urgency: show the crisis lines (911, 988, …) before anything else. */
  crisis: boolean;
}

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
/** Sorting by distance shows only the clearly relevant: at least half as good as the best. */
const DISTANCE_SORT_KEEP = 0.5;
/** Distance at which nearness to a named place has faded to about a third. */
const PLACE_FADE_KM = 30;
/** A place-only query shows services within this reach of the place. */
const PLACE_REACH_KM = 60;
const REMOTE_PLACE_SCORE = 0.5;
const FIELD_NAMES: Record<string, MatchField> = {
  [FIELD.name]: 'name',
  [FIELD.organization]: 'organization',
  [FIELD.description]: 'description',
  [FIELD.category]: 'category',
  [FIELD.primaryCategory]: 'category',
  [FIELD.language]: 'language',
  [FIELD.place]: 'place',
  [FIELD.hotline247]: 'hotline',
  [FIELD.phone]: 'phone',
  [FIELD.channel]: 'channel',
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

/** Distances are compared in steps this large when ordering by distance within relevance. */
const DISTANCE_SCALE = 1e5;

export class ServiceIndex {
  private readonly keyIds = new Map<string, number>();
  private readonly postings: Int32Array[];
  private readonly placeCenters = new Map<string, Point | undefined>();
  private readonly zip3 = new Map<string, Point>();
  private readonly points: PointSets;
  private readonly remote: Uint8Array;
  private readonly hotlines: Uint8Array;
  private readonly hours: WeeklyHours;
  /** Per language code, 1 for every service that speaks it: built when a query first implies that language. */
  private readonly speakerMasks = new Map<string, Uint8Array>();
  private readonly parser: QueryParser;
  /**
   * Per-service working memory, reused by every search and wiped after it: allocating fresh arrays per keystroke
   * makes the garbage collector pause for longer than the search itself takes.
   */
  private readonly scratch: {
    total: Float64Array;
    best: Float64Array;
    topic: Uint8Array;
    docs: Int32Array;
    rels: Float64Array;
    dists: Float64Array;
  };

  /** Use `createServiceIndex` or `loadServiceIndex`. */
  /** The small parts of the saved form; posting lists and coordinates live only in typed arrays. */
  private readonly saved: Pick<IndexData, 'ids' | 'keys' | 'places' | 'zip3'>;

  constructor(
    private readonly services: readonly Service[],
    data: IndexData,
    vocabularies: readonly Vocabulary[],
  ) {
    this.saved = { ids: data.ids, keys: data.keys, places: data.places, zip3: data.zip3 };
    data.keys.forEach((k, i) => this.keyIds.set(k, i));
    this.postings = decodePostings(data);
    for (const [place, lat, lon] of data.places)
      this.placeCenters.set(place, lat !== null && lon !== null ? { lat, lon } : undefined);
    for (const [prefix, lat, lon] of data.zip3) this.zip3.set(prefix, { lat, lon });
    this.points = new PointSets(data.coords);
    this.remote = Uint8Array.from(data.remote);
    this.hotlines = this.mask([this.posting(FIELD.hotline247, '247')]);
    this.hours = new WeeklyHours(services.map((s) => s.schedule));
    const n = services.length;
    this.scratch = {
      total: new Float64Array(n),
      best: new Float64Array(n),
      topic: new Uint8Array(n),
      docs: new Int32Array(n),
      rels: new Float64Array(n),
      dists: new Float64Array(n),
    };
    const textWords = data.keys
      .filter((k) => k[0] === FIELD.name || k[0] === FIELD.organization || k[0] === FIELD.description)
      .map((k) => k.slice(2));
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
    return {
      version: 1,
      ...this.saved,
      postings: this.postings.map((list) => Array.from(list, (doc, i) => (i === 0 ? doc : doc - list[i - 1]!))),
      coords: this.services.map((_, doc) => this.points.flat(doc)),
      remote: Array.from(this.remote),
    };
  }

  /** Where a ZIP code is, judged from the directory's services there (or sharing its 3-digit prefix). */
  locate(postalCode: string): Point | undefined {
    const zip = postalCode.trim().slice(0, 5);
    if (!/^\d{5}$/.test(zip)) return undefined;
    return this.placeCenters.get(zip) ?? this.zip3.get(zip.slice(0, 3));
  }

  /** How the index reads a query (the same reading `search` acts on): is it a cry for help? */
  read(query: string): QueryReading {
    return { crisis: this.parser.parse(typeof query === 'string' ? query : '').crisis };
  }

  search(query: string, options: SearchOptions = {}): SearchResult[] {
    const candidates: number[] = [];
    try {
      return this.run(query, options, candidates);
    } finally {
      const { total, topic } = this.scratch;
      for (const doc of candidates) total[doc] = topic[doc] = 0;
    }
  }

  private run(query: string, options: SearchOptions, candidates: number[]): SearchResult[] {
    const parsed = this.parser.parse(typeof query === 'string' ? query : '');
    const near = this.resolveNear(options.near);
    const placeCenter = parsed.place
      ? (this.placeCenters.get(parsed.place.place) ?? this.locate(parsed.place.place))
      : undefined;
    const origin = near ?? placeCenter;
    const limit = finite(options.limit) ? Math.min(MAX_LIMIT, Math.max(1, Math.floor(options.limit))) : DEFAULT_LIMIT;
    const n = this.services.length;

    const { total, topic: topicHit, docs, rels, dists } = this.scratch;
    this.accumulate(parsed, candidates);
    const hasConcepts = parsed.concepts.length > 0;
    // Browsing needs something to browse by; a ZIP the directory cannot place is not one.
    const filtered = Boolean(
      options.categories?.length || options.languages?.length || options.openAt || options.open24x7 || near,
    );
    const categoryLists = options.categories?.length
      ? options.categories.map((c) => this.posting(FIELD.category, c))
      : undefined;
    const languageLists = options.languages?.length
      ? options.languages.map((c) => this.posting(FIELD.language, c))
      : undefined;
    const hotlines = this.hotlines;
    if (!hasConcepts) {
      if (parsed.place) this.addNearPlace(parsed.place.place, placeCenter, candidates);
      if (!parsed.place && !parsed.crisis) {
        // Words that match nothing find nothing, rather than everything the filters allow.
        if (!filtered || parsed.unmatched) return [];
        // Browsing: filters and distance decide. A category (or language) filter names its services outright.
        const named = categoryLists ?? languageLists;
        const mask = named && this.mask(named);
        for (let doc = 0; doc < n; doc++) if (!mask || mask[doc]) candidates.push(doc);
      }
    }

    // A cry for help that names no topic ("he has a gun and says he will kill me"): every 24/7 line is a candidate.
    const crisisTopic = parsed.concepts.some((c) => c.categorical);
    if (parsed.crisis && !crisisTopic) {
      const seen = new Set(candidates);
      for (const doc of this.posting(FIELD.hotline247, '247') ?? []) if (!seen.has(doc)) candidates.push(doc);
    }
    const isOpen = options.openAt instanceof Date ? this.hours.at(options.openAt) : undefined;
    const allDay = options.open24x7 === true;
    const radius = near && finite(options.radiusKm) ? options.radiusKm : undefined;
    const placeList = parsed.place ? this.posting(FIELD.place, parsed.place.place) : undefined;
    const speakers = parsed.impliedLanguage ? this.speakersOf(parsed.impliedLanguage.code) : undefined;
    const speakerWeight = speakers ? parsed.impliedLanguage!.weight : 0;
    const weightSum =
      parsed.concepts.reduce((s, c) => s + c.weight, 0) + (parsed.place ? PLACE_CONCEPT_WEIGHT : 0) + speakerWeight;
    const originCos = origin ? cosLatitude(origin) : 1;
    const placeCos = placeCenter ? cosLatitude(placeCenter) : 1;

    // Pass 1: filters, relevance and distance of every candidate.
    let m = 0;
    let top = 0;
    for (const doc of candidates) {
      if (categoryLists && !categoryLists.some((l) => contains(l, doc))) continue;
      if (languageLists && !languageLists.some((l) => contains(l, doc))) continue;
      if (isOpen && !isOpen(doc)) continue;
      if (allDay && !this.services[doc]!.schedule?.open24x7) continue;
      const dist = origin ? this.points.approxKm(doc, origin, originCos) : NaN;
      if (radius !== undefined && (dist > radius || (Number.isNaN(dist) && !this.remote[doc]))) continue;
      let score = total[doc]!;
      if (speakers?.[doc]) score += speakerWeight;
      if (parsed.place) {
        const placeDist = !placeCenter ? NaN : near ? this.points.approxKm(doc, placeCenter, placeCos) : dist;
        score +=
          PLACE_CONCEPT_WEIGHT *
          (contains(placeList, doc)
            ? 1
            : !Number.isNaN(placeDist)
              ? Math.exp(-placeDist / PLACE_FADE_KM)
              : this.remote[doc]
                ? REMOTE_PLACE_SCORE
                : 0);
      }
      let rel = weightSum > 0 ? score / weightSum : 1;
      // Someone in danger needs a line that answers now: 24/7 hotlines for what they asked about go first.
      if (parsed.crisis && hotlines[doc] && (!crisisTopic || topicHit[doc])) rel += 1;
      docs[m] = doc;
      rels[m] = rel;
      dists[m] = dist;
      m++;
      if (rel > top) top = rel;
    }
    if (m === 0) return [];

    // Pass 2: the `limit` best, by relevance; with a position, nearer first among equally good (tenths of the best).
    const byDistance = options.sort === 'distance';
    const floor = top * (byDistance ? DISTANCE_SORT_KEEP : KEEP_RATIO);
    const best = new TopK(limit);
    for (let i = 0; i < m; i++) {
      const rel = rels[i]!;
      if (rel < floor) continue;
      const far = Number.isNaN(dists[i]!) ? DISTANCE_SCALE - 1 : Math.min(dists[i]!, DISTANCE_SCALE - 1);
      const key = !origin
        ? rel
        : byDistance
          ? -far + rel / (top + 1)
          : Math.round((rel / top) * 10) * DISTANCE_SCALE - far + rel / (top + 1);
      best.push(key, i);
    }
    return best.result().map((i) => {
      const doc = docs[i]!;
      const distanceKm = origin ? this.points.exactKm(doc, origin) : undefined;
      const explain = () => this.explain(doc, parsed);
      let matches: SearchMatch[] | undefined;
      return {
        service: this.services[doc]!,
        score: Math.round((rels[i]! / top) * 1000) / 1000,
        ...(distanceKm !== undefined ? { distanceKm: Math.round(distanceKm * 10) / 10 } : {}),
        // Worked out when first read: a page shows 10 of the up to 1000 results a caller may rank.
        get matches() {
          return (matches ??= explain());
        },
      };
    });
  }

  /**
   * Sums each concept's best key per service into scratch.total and lists the services touched. When the query names
   * a topic, only services about it are candidates; a language then ranks them but brings in no one new.
   */
  private accumulate(parsed: ParsedQuery, candidates: number[]): void {
    const { total, best, topic: topicHit } = this.scratch;
    const touched: number[] = [];
    const topical = parsed.concepts.some((c) => c.topical);
    // "About what was asked", for the crisis rule: about its category words when it has any, else about its words.
    const categorical = parsed.concepts.some((c) => c.categorical);
    const ordered = [...parsed.concepts].sort((a, b) => Number(b.topical) - Number(a.topical));
    for (const concept of ordered) {
      const admits = concept.topical || !topical;
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
        if (total[doc] === 0) {
          if (!admits) {
            best[doc] = 0;
            continue;
          }
          candidates.push(doc);
        }
        total[doc]! += concept.weight * best[doc]!;
        if (concept.topical && (concept.categorical || !categorical) && best[doc]! >= 0.5) topicHit[doc] = 1;
        best[doc] = 0;
      }
      touched.length = 0;
    }
  }

  /** A place-only query ("houston"): services there, and near it. */
  private addNearPlace(place: string, center: Point | undefined, candidates: number[]): void {
    const there = this.posting(FIELD.place, place);
    for (const doc of there ?? []) candidates.push(doc);
    if (!center) return;
    const cos = cosLatitude(center);
    for (let doc = 0; doc < this.services.length; doc++) {
      if (this.points.approxKm(doc, center, cos) <= PLACE_REACH_KM && !contains(there, doc)) candidates.push(doc);
    }
  }

  private explain(doc: number, parsed: ParsedQuery): SearchMatch[] {
    const matches: SearchMatch[] = [];
    for (const concept of parsed.concepts) {
      let bestKey: { id: number; w: number } | undefined;
      for (const key of concept.keys)
        if ((!bestKey || key.w > bestKey.w) && contains(this.postings[key.id], doc)) bestKey = key;
      if (!bestKey) continue;
      const key = this.saved.keys[bestKey.id]!;
      matches.push({ query: concept.label, field: FIELD_NAMES[key[0]!]!, value: key.slice(2) });
    }
    if (parsed.place && contains(this.posting(FIELD.place, parsed.place.place), doc)) {
      matches.push({ query: parsed.place.label, field: 'place', value: parsed.place.place });
    }
    if (parsed.crisis && contains(this.posting(FIELD.hotline247, '247'), doc))
      matches.push({ query: '', field: 'hotline', value: '24/7' });
    return matches;
  }

  private posting(field: string, value: string): Int32Array | undefined {
    const id = this.keyIds.get(postingKey(field, value));
    return id === undefined ? undefined : this.postings[id];
  }

  private speakersOf(code: string): Uint8Array {
    let mask = this.speakerMasks.get(code);
    if (!mask) this.speakerMasks.set(code, (mask = this.mask([this.posting(FIELD.language, code)])));
    return mask;
  }

  /** 1 for every service in any of the lists. */
  private mask(lists: ReadonlyArray<Int32Array | undefined>): Uint8Array {
    const out = new Uint8Array(this.services.length);
    for (const list of lists) if (list) for (let i = 0; i < list.length; i++) out[list[i]!] = 1;
    return out;
  }

  private resolveNear(near: NearPoint | undefined): Point | undefined {
    if (!near || typeof near !== 'object') return undefined;
    if ('postalCode' in near) return typeof near.postalCode === 'string' ? this.locate(near.postalCode) : undefined;
    const { lat, lon } = near as { lat: unknown; lon: unknown };
    return finite(lat) && finite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : undefined;
  }
}

/** English only by default: other languages are modules of their own, passed in by those who need them. */
const DEFAULT_VOCABULARIES: readonly Vocabulary[] = [en];

/** Builds a search index over `services` (never modified; results hand back the same objects). */
export function createServiceIndex(services: readonly Service[], options: ServiceIndexOptions = {}): ServiceIndex {
  return new ServiceIndex(services, buildIndexData(services), options.vocabularies ?? DEFAULT_VOCABULARIES);
}

/**
 * Restores an index saved with `index.toJSON()` (e.g. built in a worker or at publish time) for the same services
 * in the same order. A saved index that does not fit those services is ignored and the index is rebuilt.
 */
export function loadServiceIndex(
  json: unknown,
  services: readonly Service[],
  options: ServiceIndexOptions = {},
): ServiceIndex {
  const data = typeof json === 'string' ? safeParse(json) : json;
  const saved = isIndexData(data, services) ? data : buildIndexData(services);
  return new ServiceIndex(services, saved, options.vocabularies ?? DEFAULT_VOCABULARIES);
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
