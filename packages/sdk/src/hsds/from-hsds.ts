// HSDS 3.0 → referral-kit services. Real data is uneven: optional fields go missing, links are http:, coordinates
// are out of range. A bad field is dropped and reported; only a record that cannot be a service at all is left out,
// and it is reported too, with its position and the field at fault. Nothing is thrown away silently.
import * as z from 'zod/v4/mini';
import { HttpsUrl, Id, PhoneNumber, Timestamp } from '../contract/common.js';
import {
  Category,
  Service,
  SERVICE_CATEGORIES,
  type Location,
  type Phone,
  type Schedule,
  type Weekday,
} from '../contract/service.js';
import { languageCode, TAG, TAXONOMY, WEEKDAYS } from './vocabulary.js';

export interface HsdsIssue {
  /** Position of the record in the input list (or page `contents`); -1 for the input as a whole. */
  index: number;
  /** Where in that record, e.g. `service_at_locations[0].location.latitude`. */
  path: string;
  message: string;
  /** `field`: the value was left out and the service kept; `record`: the whole service was left out. */
  dropped: 'field' | 'record';
}

export interface HsdsReport {
  services: Service[];
  issues: HsdsIssue[];
}

export interface FromHsdsOptions {
  /** Called for each problem found; without it, problems are only visible through `fromHsdsReport`. */
  onIssue?: (issue: HsdsIssue) => void;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const valid = <T>(schema: z.ZodMiniType<T>, value: unknown): value is T => schema.safeParse(value).success;
const ZIP = /^\d{5}(-\d{4})?$/;
const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)/;
const KNOWN = new Set<string>(SERVICE_CATEGORIES);
const DROP_STATUSES = new Set(['inactive', 'defunct']);

/** Collects the issues of one record, with paths relative to it. */
class Issues {
  readonly found: HsdsIssue[] = [];
  constructor(private readonly index: number) {}
  field(path: string, message: string): undefined {
    this.found.push({ index: this.index, path, message, dropped: 'field' });
    return undefined;
  }
  record(path: string, message: string): undefined {
    this.found.push({ index: this.index, path, message, dropped: 'record' });
    return undefined;
  }
  /** `value` when `schema` accepts it; otherwise the field is reported and left out. */
  checked(schema: z.ZodMiniType<string>, value: string | undefined, path: string, message: string) {
    if (value === undefined || valid(schema, value)) return value;
    this.field(path, message);
    return undefined;
  }
}

/** A text field cut to the contract's limit, reporting the cut. */
function bounded(v: unknown, max: number, path: string, issues: Issues): string | undefined {
  const t = text(v);
  if (t === undefined || t.length <= max) return t;
  issues.field(path, `Longer than ${max} characters; shortened.`);
  return t.slice(0, max);
}

/** Values of referral-kit's own attributes (`referral-kit:id` etc.) on an HSDS object. */
function tagValue(o: Json, code: string): string | undefined {
  for (const a of list(o.attributes)) {
    if (isObject(a) && isObject(a.taxonomy_term) && a.taxonomy_term.code === code)
      return text(a.value) ?? text(a.taxonomy_term.name);
  }
  return undefined;
}

/** The services in whatever HSDS shape arrived, each with the position it is reported under. */
function unwrap(json: unknown): { records: unknown[]; issue?: string } {
  if (Array.isArray(json)) return { records: json };
  if (!isObject(json))
    return { records: [], issue: 'Expected HSDS services: an array, a page with `contents`, or one service.' };
  if (Array.isArray(json.contents)) return { records: json.contents };
  return { records: [json] };
}

/** Keys that mark an HSDS object that is not a service (a location, a taxonomy or term, the API base, a table). */
const NOT_A_SERVICE: Record<string, string> = {
  location_type: 'a location',
  addresses: 'a location',
  taxonomy: 'a taxonomy term',
  term_uri: 'a taxonomy term',
  version: 'a taxonomy or API description',
  'services.csv': 'a tabular package',
};

/** A service object out of a service, a service-at-location (its service, placed there) or an organization's services. */
function servicesIn(record: unknown, issues: Issues): Json[] | undefined {
  if (!isObject(record)) {
    issues.record('', 'Not an object.');
    return undefined;
  }
  if (isObject(record.service) && (isObject(record.location) || 'service_id' in record || !('name' in record))) {
    const sal = { ...record, service: undefined };
    const own = list(record.service.service_at_locations);
    return [{ ...record.service, service_at_locations: own.length ? own : [sal] }];
  }
  if (Array.isArray(record.services) && !('organization' in record)) {
    const organization = { ...record, services: undefined };
    return record.services.filter(isObject).map((s) => ({ organization, ...s }));
  }
  const other = Object.keys(NOT_A_SERVICE).find((k) => k in record);
  if (other) {
    issues.record(other, `This is ${NOT_A_SERVICE[other]}, not a service.`);
    return undefined;
  }
  return [record];
}

function readOrganization(s: Json, issues: Issues): Service['organization'] {
  const org = isObject(s.organization) ? s.organization : undefined;
  const rawId = text(org && tagValue(org, TAG.id)) ?? text(org?.id) ?? text(s.organization_id);
  const name = text(org?.name);
  if (!name) issues.field('organization.name', 'No organization name; the service name stands in.');
  const id = rawId && valid(Id, rawId) ? rawId : `org-${String(s.id)}`;
  if (rawId && id !== rawId) issues.field('organization.id', 'Not a usable id; one was derived from the service id.');
  const website = text(org?.website) ?? text(org?.url);
  const url = issues.checked(HttpsUrl, website, 'organization.website', 'Only https:// links are kept.');
  return {
    id,
    name: (name ?? String(s.name)).slice(0, 300),
    ...(url ? { url } : {}),
  };
}

function readPhone(p: unknown, path: string, issues: Issues): Phone | undefined {
  if (!isObject(p)) {
    issues.field(path, 'Not a phone object.');
    return undefined;
  }
  const raw = text(p.number)
    ?.replace(/^["']+|["']+$/g, '')
    .trim();
  const ext = typeof p.extension === 'number' || typeof p.extension === 'string' ? String(p.extension).trim() : '';
  const number = raw && ext ? `${raw} ext ${ext}` : raw;
  if (!number || !valid(PhoneNumber, number)) {
    issues.field(`${path}.number`, `Not a telephone number: ${JSON.stringify(p.number)}.`);
    return undefined;
  }
  const kind = (text(p.type) ?? 'voice').toLowerCase();
  const type =
    kind === 'text' || kind === 'sms'
      ? 'text'
      : kind === 'tty' || kind === 'ttd' || kind === 'tdd'
        ? 'tty'
        : kind === 'fax'
          ? 'fax'
          : 'voice';
  const description = bounded(p.description, 300, `${path}.description`, issues);
  return {
    number,
    type,
    ...(description ? { description } : {}),
    languages: readLanguages(p.languages, `${path}.languages`, issues),
  };
}

function readLanguages(raw: unknown, path: string, issues: Issues): string[] {
  const codes = new Set<string>();
  list(raw).forEach((l, i) => {
    const code = languageCode(isObject(l) ? (l.code ?? l.name) : l);
    if (code) codes.add(code);
    else issues.field(`${path}[${i}]`, 'Language code not recognised.');
  });
  return [...codes];
}

function readLocation(l: Json, path: string, issues: Issues): Location | undefined {
  if (l.location_type === 'virtual') return undefined; // an online service has no place to search by
  const addresses = list(l.addresses).filter(isObject);
  const address = addresses.find((a) => a.address_type === 'physical') ?? addresses[0];
  const confidential = tagValue(l, TAG.confidential) !== undefined;
  const loc: Location = { confidential };
  const id = text(tagValue(l, TAG.id)) ?? text(l.id);
  if (id && valid(Id, id)) loc.id = id;
  const name = text(l.name);
  if (name) loc.name = name.slice(0, 300);
  if (address) {
    const at = `${path}.addresses[${addresses.indexOf(address)}]`;
    const street = [text(address.address_1), text(address.address_2)].filter(Boolean).join(', ');
    if (street && !confidential) loc.address = street.slice(0, 300);
    const city = bounded(address.city, 120, `${at}.city`, issues);
    if (city) loc.city = city;
    const county = bounded(address.region, 120, `${at}.region`, issues);
    if (county) loc.county = county;
    const state = bounded(address.state_province, 60, `${at}.state_province`, issues);
    if (state) loc.state = state;
    const zip = text(address.postal_code);
    if (zip) {
      if (ZIP.test(zip)) loc.postalCode = zip;
      else issues.field(`${at}.postal_code`, `Not a U.S. ZIP code: ${JSON.stringify(zip)}.`);
    }
    const country = text(address.country)?.toUpperCase();
    if (country) {
      if (/^[A-Z]{2}$/.test(country)) loc.country = country;
      else issues.field(`${at}.country`, 'Use a two-letter country code.');
    }
  }
  const { latitude: lat, longitude: lon } = l;
  if (lat !== undefined || lon !== undefined) {
    if (typeof lat === 'number' && typeof lon === 'number' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
      // A confidential location never carries coordinates, whatever the source sent.
      if (!confidential) Object.assign(loc, { lat, lon });
    } else {
      issues.field(`${path}.latitude`, `Coordinates out of range: ${JSON.stringify([lat, lon])}.`);
    }
  }
  return loc;
}

function clock(v: unknown): string | undefined {
  const m = typeof v === 'string' ? CLOCK.exec(v.trim()) : null;
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : undefined;
}

/** HSDS' timezone is a UTC offset in hours; IANA spells a fixed offset "Etc/GMT+5" (the sign inverted). */
function offsetZone(v: unknown): string | undefined {
  if (typeof v !== 'number' || !Number.isInteger(v) || Math.abs(v) > 14) return undefined;
  return v === 0 ? 'UTC' : `Etc/GMT${v < 0 ? '+' : '-'}${Math.abs(v)}`;
}

function readSchedule(entries: Json[], path: string, issues: Issues): Schedule | undefined {
  if (entries.length === 0) return undefined;
  const hours: Schedule['hours'] = [];
  let timezone: string | undefined;
  let note: string | undefined;
  let allDay = false;
  for (const [i, e] of entries.entries()) {
    timezone ??= tagValue(e, TAG.timezone) ?? offsetZone(e.timezone);
    note ??= text(e.description) ?? text(e.notes);
    const opens = clock(e.opens_at);
    const closes = clock(e.closes_at);
    const days = (text(e.byday) ?? (e.freq === 'WEEKLY' || !e.freq ? 'MO,TU,WE,TH,FR,SA,SU' : ''))
      .split(',')
      .map((d) => d.trim().slice(-2).toLowerCase())
      .filter((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d));
    if (opens && closes && opens === '00:00' && (closes === '23:59' || closes === '00:00') && days.length === 7)
      allDay = true;
    if (opens && closes && days.length) for (const day of days) hours.push({ day, opens, closes });
    else if (e.opens_at !== undefined || e.closes_at !== undefined)
      issues.field(`${path}[${i}]`, 'Opening hours not readable.');
  }
  const open24x7 = allDay || (hours.length === 0 && /\b24\s*\/\s*7\b|24 hours/i.test(note ?? ''));
  if (!open24x7 && hours.length === 0) return undefined;
  return {
    open24x7,
    ...(timezone ? { timezone } : {}),
    hours: open24x7 ? [] : hours,
    ...(note ? { note: note.slice(0, 300) } : {}),
  };
}

function readCategories(s: Json, issues: Issues): string[] {
  const out = new Set<string>();
  list(s.attributes).forEach((a, i) => {
    if (!isObject(a) || !isObject(a.taxonomy_term)) return;
    const term = a.taxonomy_term;
    if (typeof term.code === 'string' && term.code.startsWith(`${TAXONOMY}:`)) return; // our own facts, not topics
    const candidates = [term.code, term.name].map((v) =>
      typeof v === 'string'
        ? v
            .trim()
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-+|-+$/g, '')
        : '',
    );
    const slug = candidates.find((c) => KNOWN.has(c)) ?? candidates.find((c) => c && valid(Category, c));
    if (slug) out.add(slug);
    else issues.field(`attributes[${i}].taxonomy_term`, 'Taxonomy term has no usable code or name.');
  });
  return [...out];
}

function readService(s: Json, issues: Issues): Service | undefined {
  const id = text(tagValue(s, TAG.id)) ?? text(s.id);
  if (!id || !valid(Id, id)) {
    issues.record('id', `Missing or unusable id: ${JSON.stringify(s.id)}.`);
    return undefined;
  }
  const name = text(s.name);
  if (!name) {
    issues.record('name', 'A service needs a name.');
    return undefined;
  }
  if (typeof s.status === 'string' && DROP_STATUSES.has(s.status)) {
    issues.record('status', `Service is ${s.status}; not listed.`);
    return undefined;
  }

  const sals = list(s.service_at_locations).filter(isObject);
  const phones: Phone[] = [];
  const seen = new Set<string>();
  const addPhones = (raw: unknown, path: string) =>
    list(raw).forEach((p, i) => {
      const phone = readPhone(p, `${path}[${i}]`, issues);
      if (!phone) return;
      // One number can be two lines: 988 answers calls and texts.
      const key = `${phone.type} ${phone.number}`;
      if (seen.has(key)) return;
      seen.add(key);
      phones.push(phone);
    });
  addPhones(s.phones, 'phones');
  const locations: Location[] = [];
  const accessibility: string[] = [];
  sals.forEach((sal, i) => {
    addPhones(sal.phones, `service_at_locations[${i}].phones`);
    if (!isObject(sal.location)) return;
    const loc = readLocation(sal.location, `service_at_locations[${i}].location`, issues);
    if (loc) locations.push(loc);
    for (const a of list(sal.location.accessibility))
      if (isObject(a) && text(a.description)) accessibility.push(text(a.description)!);
  });

  const scheduleEntries = list(s.schedules).filter(isObject);
  const schedule = readSchedule(
    scheduleEntries.length ? scheduleEntries : list(sals[0]?.schedules).filter(isObject),
    'schedules',
    issues,
  );
  const url = text(s.url);
  const email = text(s.email);
  const verified = text(s.assured_date);
  const verifiedAt = verified && /^\d{4}-\d{2}-\d{2}$/.test(verified) ? `${verified}T00:00:00Z` : verified;
  const serviceArea = list(s.service_areas)
    .map((a) => (isObject(a) ? (text(a.name) ?? text(a.description)) : undefined))
    .filter(Boolean)
    .join('; ');
  const optional = {
    alternateName: bounded(s.alternate_name, 300, 'alternate_name', issues),
    url: issues.checked(HttpsUrl, url, 'url', 'Only https:// links are kept.'),
    email: issues.checked(z.email(), email, 'email', 'Not an email address.'),
    schedule,
    eligibility: bounded(s.eligibility_description, 1000, 'eligibility_description', issues),
    fees: bounded(s.fees_description ?? s.fees, 500, 'fees_description', issues),
    accessibility: bounded(accessibility.join(' '), 1000, 'accessibility', issues),
    serviceArea: bounded(serviceArea, 300, 'service_areas', issues),
    lastVerifiedAt: issues.checked(Timestamp, verifiedAt, 'assured_date', 'Not a date.'),
  };
  const candidate = {
    id,
    name: name.slice(0, 300),
    organization: readOrganization(s, issues),
    description: bounded(s.description, 4000, 'description', issues) ?? '',
    categories: readCategories(s, issues),
    languages: readLanguages(s.languages, 'languages', issues),
    phones,
    locations,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
  const parsed = Service.safeParse(candidate);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) issues.record(issue.path.join('.'), issue.message);
  return undefined;
}

/** HSDS 3.0 services → referral-kit services, with every problem reported by record position and field path. */
export function fromHsdsReport(json: unknown): HsdsReport {
  const { records, issue } = unwrap(json);
  const report: HsdsReport = { services: [], issues: [] };
  if (issue) report.issues.push({ index: -1, path: '', message: issue, dropped: 'record' });
  records.forEach((record, index) => {
    const issues = new Issues(index);
    const found = servicesIn(record, issues);
    for (const s of found ?? []) {
      const service = readService(s, issues);
      if (service) report.services.push(service);
    }
    report.issues.push(...issues.found);
  });
  return report;
}

/**
 * HSDS 3.0 services (an array, a page `{ contents }`, one service, a service-at-location or an organization with
 * `services`) → referral-kit services. Never throws on bad data: problems go to `onIssue` (or use `fromHsdsReport`).
 */
export function fromHsds(json: unknown, options: FromHsdsOptions = {}): Service[] {
  const { services, issues } = fromHsdsReport(json);
  if (options.onIssue) for (const issue of issues) options.onIssue(issue);
  return services;
}
