// Distances on the globe, and ZIP codes placed from the directory's own locations.

const EARTH_RADIUS_KM = 6371;
const RAD = Math.PI / 180;

export interface Point {
  lat: number;
  lon: number;
}

/** Great-circle distance in kilometres. */
export function haversineKm(a: Point, b: Point): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Running mean of points: the centroid of a city, ZIP or ZIP prefix. */
export class Centroids {
  private readonly sums = new Map<string, [lat: number, lon: number, count: number]>();

  add(key: string, p: Point): void {
    const s = this.sums.get(key);
    if (s) {
      s[0] += p.lat;
      s[1] += p.lon;
      s[2]++;
    } else this.sums.set(key, [p.lat, p.lon, 1]);
  }

  get(key: string): Point | undefined {
    const s = this.sums.get(key);
    return s ? { lat: s[0] / s[2], lon: s[1] / s[2] } : undefined;
  }

  entries(): Array<[string, Point]> {
    return [...this.sums.keys()].map((k) => [k, this.get(k)!]);
  }
}

/** Flat coordinates of many places, with a fast equirectangular distance for ranking and filtering. */
export class PointSets {
  private readonly start: Int32Array;
  private readonly lat: Float64Array;
  private readonly lon: Float64Array;

  /** `sets[i]` is a flat [lat, lon, lat, lon, …] list for item i. */
  constructor(sets: readonly (readonly number[])[]) {
    this.start = new Int32Array(sets.length + 1);
    let total = 0;
    sets.forEach((s, i) => {
      this.start[i] = total;
      total += s.length >> 1;
    });
    this.start[sets.length] = total;
    this.lat = new Float64Array(total);
    this.lon = new Float64Array(total);
    sets.forEach((s, i) => {
      for (let j = 0, at = this.start[i]!; j + 1 < s.length; j += 2, at++) {
        this.lat[at] = s[j]!;
        this.lon[at] = s[j + 1]!;
      }
    });
  }

  /** Item i's points as a flat [lat, lon, …] list. */
  flat(i: number): number[] {
    const out: number[] = [];
    for (let at = this.start[i]!, end = this.start[i + 1]!; at < end; at++) out.push(this.lat[at]!, this.lon[at]!);
    return out;
  }

  /**
   * Kilometres from `from` to item i's nearest point; NaN when it has none. Equirectangular: within a fraction of a
   * percent of great-circle distance at city scale, and still monotonic enough far away to order results.
   */
  approxKm(i: number, from: Point, cosLat: number): number {
    let best = Infinity;
    for (let at = this.start[i]!, end = this.start[i + 1]!; at < end; at++) {
      const y = this.lat[at]! - from.lat;
      let dLon = Math.abs(this.lon[at]! - from.lon);
      if (dLon > 180) dLon = 360 - dLon;
      const x = dLon * cosLat;
      const d2 = x * x + y * y;
      if (d2 < best) best = d2;
    }
    return best === Infinity ? NaN : Math.sqrt(best) * KM_PER_DEGREE;
  }

  /** Exact great-circle kilometres to item i's nearest point; undefined when it has none. */
  exactKm(i: number, from: Point): number | undefined {
    let best: number | undefined;
    for (let at = this.start[i]!, end = this.start[i + 1]!; at < end; at++) {
      const d = haversineKm(from, { lat: this.lat[at]!, lon: this.lon[at]! });
      if (best === undefined || d < best) best = d;
    }
    return best;
  }
}

const KM_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_KM;
export const cosLatitude = (p: Point) => Math.cos(p.lat * RAD);
