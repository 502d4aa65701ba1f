// An HSDS 3.0 CSV data package (one CSV per table, linked by *_id columns) assembled into nested HSDS service
// objects, shaped like the API's `service_full` JSON. Each nested object remembers the file and row it came from,
// so a problem found later is reported against the right CSV row.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FileFormatError, readCsv, type SourceRow } from './table.js';

type Json = Record<string, unknown>;

export interface Origin {
  file: string;
  row: number;
  line?: number;
}

export interface AssembledService {
  service: Json;
  /** Path prefix ("", "phones.0", "service_at_locations.0.location") → where that object came from. */
  origins: Map<string, Origin>;
}

const NUMERIC = new Set([
  'latitude',
  'longitude',
  'minimum_age',
  'maximum_age',
  'extension',
  'interval',
  'count',
  'year_incorporated',
  'amount',
  'rank',
]);

/** The folder of a CSV package, from the folder itself, its datapackage.json or any of its CSV files. */
export async function packageFolder(path: string): Promise<string> {
  const info = await stat(path);
  if (info.isDirectory()) return path;
  if (/\.csv$/i.test(path) || basename(path) === 'datapackage.json') return dirname(path);
  throw new FileFormatError(`${path} is neither HSDS JSON nor part of an HSDS CSV package.`);
}

export async function readCsvPackage(folder: string): Promise<Map<string, SourceRow[]>> {
  const files = (await readdir(folder)).filter((f) => f.toLowerCase().endsWith('.csv'));
  if (!files.some((f) => f.toLowerCase() === 'services.csv'))
    throw new FileFormatError(`${folder} has no services.csv, so it is not an HSDS CSV package.`);
  const tables = new Map<string, SourceRow[]>();
  for (const file of files)
    tables.set(file.toLowerCase().replace(/\.csv$/, ''), readCsv(await readFile(join(folder, file), 'utf8'), file));
  return tables;
}

/** Values as HSDS JSON has them: no empty strings, numbers where the schema has numbers. */
function clean(values: Record<string, unknown>): Json {
  const out: Json = {};
  for (const [key, raw] of Object.entries(values)) {
    if (typeof raw !== 'string') continue;
    const value = raw.trim();
    if (value === '') continue;
    out[key] = NUMERIC.has(key) && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  }
  return out;
}

export function assembleServices(tables: Map<string, SourceRow[]>): AssembledService[] {
  const table = (name: string) => tables.get(name) ?? [];
  const index = (name: string, key: string) => {
    const map = new Map<string, SourceRow[]>();
    for (const row of table(name)) {
      const raw = row.values[key];
      const id = (typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '').trim();
      if (!id) continue;
      if (!map.has(id)) map.set(id, []);
      map.get(id)!.push(row);
    }
    return (id: unknown) => (typeof id === 'string' ? (map.get(id) ?? []) : []);
  };
  const byId = (name: string) => index(name, 'id');

  const organizations = byId('organizations');
  const locations = byId('locations');
  const terms = byId('taxonomy_terms');
  const phonesOf = {
    service: index('phones', 'service_id'),
    location: index('phones', 'location_id'),
    sal: index('phones', 'service_at_location_id'),
    contact: index('phones', 'contact_id'),
  };
  const languagesOf = {
    service: index('languages', 'service_id'),
    location: index('languages', 'location_id'),
    phone: index('languages', 'phone_id'),
  };
  const schedulesOf = {
    service: index('schedules', 'service_id'),
    location: index('schedules', 'location_id'),
    sal: index('schedules', 'service_at_location_id'),
  };
  const contactsOf = {
    service: index('contacts', 'service_id'),
    location: index('contacts', 'location_id'),
    sal: index('contacts', 'service_at_location_id'),
  };
  const addressesOf = index('addresses', 'location_id');
  const accessibilityOf = index('accessibility', 'location_id');
  const areasOf = index('service_areas', 'service_id');
  const salOf = index('service_at_location', 'service_id');
  const attributesOf = index('attributes', 'link_id');
  const costsOf = index('cost_options', 'service_id');
  const documentsOf = index('required_documents', 'service_id');

  return table('services').map((serviceRow) => {
    const origins = new Map<string, Origin>();
    const take = (file: string, row: SourceRow, path: string): Json => {
      origins.set(path, { file: `${file}.csv`, row: row.row, line: row.line });
      return clean(row.values);
    };
    const list = (
      file: string,
      rows: SourceRow[],
      path: string,
      extend?: (item: Json, itemPath: string) => void,
    ): Json[] =>
      rows.map((row, i) => {
        const item = take(file, row, `${path}.${i}`);
        extend?.(item, `${path}.${i}`);
        return item;
      });
    const phones = (rows: SourceRow[], path: string) =>
      list(
        'phones',
        rows,
        path,
        (phone, p) => (phone.languages = list('languages', languagesOf.phone(phone.id), `${p}.languages`)),
      );
    const contacts = (rows: SourceRow[], path: string) =>
      list(
        'contacts',
        rows,
        path,
        (contact, p) => (contact.phones = phones(phonesOf.contact(contact.id), `${p}.phones`)),
      );

    const service = take('services', serviceRow, '');
    const org = organizations(service.organization_id)[0];
    if (org) service.organization = take('organizations', org, 'organization');
    service.phones = phones(phonesOf.service(service.id), 'phones');
    service.schedules = list('schedules', schedulesOf.service(service.id), 'schedules');
    service.service_areas = list('service_areas', areasOf(service.id), 'service_areas');
    service.languages = list('languages', languagesOf.service(service.id), 'languages');
    service.contacts = contacts(contactsOf.service(service.id), 'contacts');
    service.cost_options = list('cost_options', costsOf(service.id), 'cost_options');
    service.required_documents = list('required_documents', documentsOf(service.id), 'required_documents');
    service.attributes = list('attributes', attributesOf(service.id), 'attributes', (attribute, p) => {
      const term = terms(attribute.taxonomy_term_id)[0];
      if (term) attribute.taxonomy_term = take('taxonomy_terms', term, `${p}.taxonomy_term`);
    });
    service.service_at_locations = list('service_at_location', salOf(service.id), 'service_at_locations', (sal, p) => {
      sal.phones = phones(phonesOf.sal(sal.id), `${p}.phones`);
      sal.schedules = list('schedules', schedulesOf.sal(sal.id), `${p}.schedules`);
      sal.contacts = contacts(contactsOf.sal(sal.id), `${p}.contacts`);
      const locationRow = locations(sal.location_id)[0];
      if (!locationRow) return;
      const location = take('locations', locationRow, `${p}.location`);
      const lp = `${p}.location`;
      location.addresses = list('addresses', addressesOf(location.id), `${lp}.addresses`);
      location.phones = phones(phonesOf.location(location.id), `${lp}.phones`);
      location.languages = list('languages', languagesOf.location(location.id), `${lp}.languages`);
      location.accessibility = list('accessibility', accessibilityOf(location.id), `${lp}.accessibility`);
      location.schedules = list('schedules', schedulesOf.location(location.id), `${lp}.schedules`);
      location.contacts = contacts(contactsOf.location(location.id), `${lp}.contacts`);
      sal.location = location;
    });
    return { service, origins };
  });
}

/** The CSV row behind a path inside an assembled service: the deepest recorded object on the path. */
export function originOf(
  assembled: AssembledService,
  path: readonly (string | number)[],
): { origin: Origin; field: string } {
  const parts = path.map(String);
  for (let n = parts.length; n >= 0; n--) {
    const origin = assembled.origins.get(parts.slice(0, n).join('.'));
    if (origin) return { origin, field: parts.slice(n).join('.') || 'row' };
  }
  return { origin: assembled.origins.get('')!, field: parts.join('.') || 'row' };
}
