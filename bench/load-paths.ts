// The public requests the load benches send: custody lookups as a victim makes them and services searches as the
// directory widget sends them, built from the generated fixtures both benches seed.
import type { Fixtures } from '@referral-kit/mocks';

/** A name (first and last words of a real record), an ID number, one record: a third each. */
export function custodyPaths(fixtures: Fixtures, count = 300): string[] {
  return fixtures.custody.slice(0, count).flatMap((record, i) => {
    const words = record.displayName.split(' ');
    const byName = `/v1/custody?name=${encodeURIComponent(`${words[0]} ${words[words.length - 1]}`)}`;
    const id = record.identifiers[0];
    return i % 3 === 0
      ? [byName]
      : i % 3 === 1 && id
        ? [`/v1/custody?identifier=${encodeURIComponent(id.value)}`]
        : [`/v1/custody/${record.id}`];
  });
}

/** Text, Spanish, ZIP and point distance, filters, open now, a second page. */
export const servicePaths = [
  'q=shelter',
  'q=domestic%20violence',
  'q=abogado&language=es',
  'q=counseling&postalCode=77002',
  'category=legal-aid&language=es',
  'q=sexual%20assault%20hotline',
  'q=protective%20order&lat=32.22&lon=-110.97&radiusKm=50',
  'q=housing%20help',
  'q=victim%20compensation',
  'q=refugio%20para%20mujeres',
  'q=stalking',
  'q=immigration%20lawyer',
  'q=shelter&openNow=true',
  'q=support%20group&page=2',
].map((query) => `/v1/services?${query}`);
