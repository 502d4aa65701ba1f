// referral-kit services → HSDS 3.0 compiled service objects that validate against the official JSON Schema.
// HSDS has no field for a few referral-kit facts (the original id, an IANA time zone, a confidential location);
// they travel as attributes under the "referral-kit" taxonomy, so `fromHsds(toHsds(x))` gives x back.
import type { Location, Schedule, Service } from '../contract/service.js';
import { stableUuid } from './uuid.js';
import { categoryLabel, TAG, TAXONOMY } from './vocabulary.js';

type Json = Record<string, unknown>;

/** Drops undefined members so the output carries only fields that have a value. */
const compact = (o: Json): Json => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

function term(code: string, name: string, description: string): Json {
  return { id: stableUuid(`${TAXONOMY}:term:${code}`), code, name, description, taxonomy: TAXONOMY };
}

function tag(owner: string, code: string, value: string, description: string): Json {
  return { id: stableUuid(`${owner}:attr:${code}`), taxonomy_term: term(code, code, description), value };
}

/** The original id, when HSDS' UUID rule forced a different one. */
function idTag(owner: string, id: string): Json[] {
  return stableUuid(id) === id ? [] : [tag(owner, TAG.id, id, 'Identifier of this record in referral-kit.')];
}

/** UTC offset in whole hours (standard time, mid-January) of an IANA zone, as HSDS' numeric `timezone`. */
function standardOffset(timeZone: string): number | undefined {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(new Date(Date.UTC(2026, 0, 15, 12)))
      .find((p) => p.type === 'timeZoneName')?.value;
    const m = /GMT([+-]\d{1,2})?(?::(\d{2}))?$/.exec(name ?? '');
    if (!m || m[2]) return m && !m[1] ? 0 : undefined; // half-hour zones have no whole-hour HSDS form
    return m[1] ? Number(m[1]) : 0;
  } catch {
    return undefined;
  }
}

function schedules(s: Service, schedule: Schedule | undefined): Json[] | undefined {
  if (!schedule) return undefined;
  const owner = `${s.id}:schedule`;
  const zone = schedule.timezone;
  const common = (i: number) =>
    compact({
      id: stableUuid(`${owner}:${i}`),
      service_id: stableUuid(s.id),
      freq: 'WEEKLY',
      timezone: zone ? standardOffset(zone) : undefined,
      notes: schedule.note,
      attributes: zone ? [tag(`${owner}:${i}`, TAG.timezone, zone, 'IANA time zone of these hours.')] : undefined,
    });
  if (schedule.open24x7) {
    return [{ ...common(0), byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '00:00', closes_at: '23:59' }];
  }
  return schedule.hours.map((h, i) => ({
    ...common(i),
    byday: h.day.toUpperCase(),
    opens_at: h.opens,
    closes_at: h.closes,
  }));
}

function location(s: Service, l: Location, i: number): Json {
  const key = l.id ?? `${s.id}:location:${i}`;
  const hasPlace = l.city !== undefined || l.state !== undefined || l.postalCode !== undefined;
  // HSDS requires street, city, state, ZIP and country on an address. A confidential location keeps its city, county
  // and state so it can still be found by place, with the street left empty on purpose.
  const address =
    hasPlace || l.address
      ? [
          compact({
            id: stableUuid(`${key}:address`),
            location_id: stableUuid(key),
            address_1: l.confidential ? '' : (l.address ?? ''),
            city: l.city ?? '',
            region: l.county,
            state_province: l.state ?? '',
            postal_code: l.postalCode ?? '',
            country: l.country ?? 'US',
            address_type: 'physical',
          }),
        ]
      : [];
  const attributes = [
    ...(l.id ? idTag(key, l.id) : []),
    ...(l.confidential
      ? [tag(key, TAG.confidential, 'true', 'The address is withheld for safety; only the area is shown.')]
      : []),
  ];
  return compact({
    id: stableUuid(key),
    location_type: 'physical',
    name: l.name,
    latitude: l.confidential ? undefined : l.lat,
    longitude: l.confidential ? undefined : l.lon,
    addresses: address,
    accessibility:
      s.accessibility && i === 0
        ? [{ id: stableUuid(`${key}:accessibility`), location_id: stableUuid(key), description: s.accessibility }]
        : undefined,
    attributes: attributes.length ? attributes : undefined,
  });
}

function languages(owner: string, codes: readonly string[]): Json[] {
  return codes.map((code) => ({ id: stableUuid(`${owner}:language:${code}`), code }));
}

function toHsdsService(s: Service): Json {
  const id = stableUuid(s.id);
  const orgId = stableUuid(s.organization.id);
  return compact({
    id,
    organization_id: orgId,
    name: s.name,
    alternate_name: s.alternateName,
    description: s.description,
    url: s.url,
    email: s.email,
    status: 'active',
    eligibility_description: s.eligibility,
    fees_description: s.fees,
    assured_date: s.lastVerifiedAt?.slice(0, 10),
    organization: compact({
      id: orgId,
      name: s.organization.name,
      description: '',
      website: s.organization.url,
      attributes: idTag(`org:${s.organization.id}`, s.organization.id).length
        ? idTag(`org:${s.organization.id}`, s.organization.id)
        : undefined,
    }),
    phones: s.phones.map((p, i) =>
      compact({
        id: stableUuid(`${s.id}:phone:${i}`),
        service_id: id,
        number: p.number,
        type: p.type,
        description: p.description,
        languages: languages(`${s.id}:phone:${i}`, p.languages),
      }),
    ),
    schedules: schedules(s, s.schedule),
    service_areas: s.serviceArea
      ? [{ id: stableUuid(`${s.id}:area`), service_id: id, name: s.serviceArea }]
      : undefined,
    service_at_locations: s.locations.map((l, i) => ({
      id: stableUuid(`${s.id}:at:${i}`),
      service_id: id,
      location_id: stableUuid(l.id ?? `${s.id}:location:${i}`),
      location: location(s, l, i),
    })),
    languages: languages(s.id, s.languages),
    attributes: [
      ...idTag(s.id, s.id),
      ...s.categories.map((slug) => ({
        id: stableUuid(`${s.id}:category:${slug}`),
        link_id: id,
        link_type: 'service',
        taxonomy_term: term(slug, categoryLabel(slug), `referral-kit directory category "${slug}".`),
      })),
    ],
  });
}

/** referral-kit services → HSDS 3.0 compiled service objects (as served at `/services/{id}`). */
export function toHsds(services: readonly Service[]): unknown[] {
  return services.map(toHsdsService);
}
