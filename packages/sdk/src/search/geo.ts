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
