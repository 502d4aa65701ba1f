// HSDS 3.0 in and out: the official examples, real-world variation with issues by record and field, confidential
// locations, round trips, and toHsds output validated against the official JSON Schema with ajv.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Service } from '@referral-kit/sdk';
import { fromHsds, fromHsdsReport, toHsds, type HsdsIssue } from '@referral-kit/sdk/hsds';
import { createServiceIndex } from '@referral-kit/sdk/search';
import { stableUuid } from '../src/hsds/uuid.js';
import { directory } from './fixtures/judged-queries.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const hsdsDir = join(repoRoot, '..', 'shared', 'hsds', '3.0');
const SKIP_SHARED = existsSync(hsdsDir)
  ? false
  : `HSDS 3.0 reference files not found at ${hsdsDir} (<repo>/../shared/hsds/3.0); skipping the tests that read them.`;
const readShared = (path: string): unknown => JSON.parse(readFileSync(join(hsdsDir, path), 'utf8'));
// ajv-formats is CommonJS; its default export arrives wrapped under tsx.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

/** A minimal, valid HSDS service to vary in tests. */
const hsds = (over: Record<string, unknown> = {}) => ({
  id: 'a3f1c2d4-0000-4000-8000-000000000001',
  name: 'Casa Refugio',
  status: 'active',
  description: 'Confidential shelter.',
  organization: { id: 'b3f1c2d4-0000-4000-8000-000000000002', name: 'Casa Refugio Inc.', description: '' },
  ...over,
});

describe('fromHsds on the official examples', { skip: SKIP_SHARED }, () => {
  it('reads service_full.json and reports the fields it had to drop', () => {
    const { services, issues } = fromHsdsReport(readShared('examples/service_full.json'));
    assert.equal(services.length, 1);
    const s = services[0]!;
    assert.equal(s.id, 'ac148810-d857-441c-9679-408f346de14b');
    assert.equal(s.name, 'Community Counselling');
    assert.equal(s.organization.name, 'Example Organization Inc.');
    assert.deepEqual(s.languages, ['ur']);
    assert.equal(s.phones[0]!.number, '+44 1234 234567 ext 100'); // quotes stripped, extension kept
    assert.deepEqual(
      s.schedule?.hours.map((h) => h.day),
      ['th', 'fr'],
    );
    assert.equal(s.locations[0]!.city, 'MyCity');
    assert.equal(s.locations[0]!.lat, undefined);
    const paths = issues.map((i) => i.path);
    assert.ok(paths.includes('url'), 'http: link reported');
    assert.ok(paths.includes('service_at_locations[0].location.latitude'), 'latitude 100 reported');
    assert.ok(paths.includes('service_at_locations[0].location.addresses[0].postal_code'));
    assert.ok(issues.every((i) => i.index === 0 && i.dropped === 'field'));
  });

  it('reads every service-bearing example and says what the others are', () => {
    for (const file of [
      'service_list.json',
      'service_at_location_full.json',
      'service_at_location_list.json',
      'organization_full.json',
    ]) {
      const { services } = fromHsdsReport(readShared(`examples/${file}`));
      assert.equal(services.length, 1, file);
      assert.equal(services[0]!.name, 'Community Counselling', file);
    }
    for (const file of [
      'location.json',
      'taxonomy.json',
      'taxonomy_term.json',
      'base.json',
      'tabular.json',
      'organization_list.json',
    ]) {
      const { services, issues } = fromHsdsReport(readShared(`examples/${file}`));
      if (file === 'organization_list.json') continue; // organizations without services: nothing to list, nothing wrong
      assert.equal(services.length, 0, file);
      assert.ok(issues.length > 0 && issues.every((i) => i.dropped === 'record'), file);
    }
  });

  it('writes HSDS that validates against the official JSON Schema', () => {
    const schema = readShared('schema/compiled/service_with_definitions.json') as object;
    const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
    const validate = ajv.compile(schema);
    const edge: Service[] = [
      {
        id: 'bare',
        name: 'Bare',
        organization: { id: 'o', name: 'O' },
        description: '',
        categories: [],
        languages: [],
        phones: [],
        locations: [],
      },
      {
        id: 'odd',
        name: 'Odd hours',
        organization: { id: 'o2', name: 'O2', url: 'https://o2.example.org/' },
        description: 'x',
        categories: ['custom-term'],
        email: 'help@o2.example.org',
        url: 'https://o2.example.org/help',
        alternateName: 'Horas raras',
        eligibility: 'Anyone',
        fees: 'Free',
        accessibility: 'Step-free entrance',
        serviceArea: 'Statewide',
        languages: ['vi'],
        phones: [{ number: '555-0100 ext 12', type: 'tty', languages: [] }],
        locations: [
          { confidential: true, state: 'TX' },
          { confidential: false, lat: 10, lon: 20 },
        ],
        schedule: {
          open24x7: false,
          timezone: 'Asia/Kolkata',
          hours: [{ day: 'sa', opens: '22:00', closes: '02:00' }],
        },
        lastVerifiedAt: '2026-01-02T03:04:05Z',
      },
    ];
    for (const record of toHsds([...directory, ...edge])) {
      assert.ok(validate(record), JSON.stringify(validate.errors?.slice(0, 3)));
    }
    assert.ok(!validate({ ...(toHsds(edge)[0] as object), id: 'not-a-uuid' }), 'the schema check is live');
  });
});

describe('fromHsds with real-world data', () => {
  it('accepts an array, a page, or a single service, with missing optional fields and extra fields', () => {
    const minimal = {
      id: 'svc-1',
      name: 'Minimal',
      status: 'active',
      organization_id: 'org-1',
      extra: { anything: [1, 2] },
    };
    for (const input of [[minimal], { contents: [minimal], total_items: 1 }, minimal]) {
      const services = fromHsds(input);
      assert.equal(services.length, 1);
      assert.deepEqual(services[0], {
        id: 'svc-1',
        name: 'Minimal',
        organization: { id: 'org-1', name: 'Minimal' },
        description: '',
        categories: [],
        languages: [],
        phones: [],
        locations: [],
      });
    }
  });

  it('keeps the good records of a batch and reports each bad one by index and field', () => {
    const seen: HsdsIssue[] = [];
    const services = fromHsds(
      [
        hsds(),
        null,
        { name: 'No id' },
        hsds({ id: 'has spaces!' }),
        hsds({ id: 'c3', status: 'defunct' }),
        hsds({ id: 'c4', name: '  ' }),
        hsds({ id: 'c5', url: 'http://x.example.org' }),
      ],
      { onIssue: (i) => seen.push(i) },
    );
    assert.deepEqual(
      services.map((s) => s.id),
      ['a3f1c2d4-0000-4000-8000-000000000001', 'c5'],
    );
    const records = seen.filter((i) => i.dropped === 'record').map((i) => [i.index, i.path]);
    assert.deepEqual(records, [
      [1, ''],
      [2, 'id'],
      [3, 'id'],
      [4, 'status'],
      [5, 'name'],
    ]);
    assert.deepEqual(
      seen.filter((i) => i.dropped === 'field').map((i) => [i.index, i.path]),
      [[6, 'url']],
    );
    for (const issue of seen) assert.ok(issue.message.length > 5);
  });

  it('reports a wrong top-level shape instead of throwing', () => {
    for (const input of [undefined, null, 42, 'text', true]) {
      const { services, issues } = fromHsdsReport(input);
      assert.deepEqual(services, []);
      assert.equal(issues[0]?.index, -1);
    }
    assert.deepEqual(fromHsdsReport([]), { services: [], issues: [] });
  });

  it('maps taxonomy terms, language codes, phone types, hours and 24/7', () => {
    const [s] = fromHsds([
      hsds({
        attributes: [
          { id: 'x', taxonomy_term: { id: 'y', code: 'LEGAL-AID', name: 'Legal Aid', description: '' } },
          { id: 'x2', taxonomy_term: { id: 'y2', name: 'Domestic Violence', description: '' } },
          { id: 'x3', taxonomy_term: { id: 'y3', description: '' } },
        ],
        languages: [
          { id: 'l1', code: 'spa' },
          { id: 'l2', code: 'en-US' },
          { id: 'l3', code: '??' },
        ],
        phones: [
          { id: 'p', number: '(520) 555-0100', type: 'sms' },
          { id: 'p2', number: 'call us', type: 'voice' },
        ],
        schedules: [
          {
            id: 's',
            freq: 'WEEKLY',
            byday: 'MO,TU,WE,TH,FR,SA,SU',
            opens_at: '00:00:00',
            closes_at: '23:59:00',
            timezone: -7,
          },
        ],
      }),
    ]);
    assert.ok(s);
    assert.deepEqual(s.categories, ['legal-aid', 'domestic-violence']);
    assert.deepEqual(s.languages, ['es', 'en']);
    assert.deepEqual(s.phones, [{ number: '(520) 555-0100', type: 'text', languages: [] }]);
    assert.deepEqual(s.schedule, { open24x7: true, timezone: 'Etc/GMT+7', hours: [] });
  });

  it('never lets a confidential location carry a street or coordinates, but keeps its city', () => {
    const [s] = fromHsds([
      hsds({
        service_at_locations: [
          {
            id: 'sal',
            location: {
              id: 'loc',
              location_type: 'physical',
              latitude: 32.2,
              longitude: -110.9,
              addresses: [
                {
                  id: 'a',
                  address_1: '12 Hidden Rd',
                  city: 'Tucson',
                  region: 'Pima',
                  state_province: 'AZ',
                  postal_code: '85701',
                  country: 'US',
                  address_type: 'physical',
                },
              ],
              attributes: [
                {
                  id: 'c',
                  taxonomy_term: {
                    id: 't',
                    code: 'referral-kit:confidential',
                    name: 'referral-kit:confidential',
                    description: '',
                  },
                  value: 'true',
                },
              ],
            },
          },
        ],
      }),
    ]);
    assert.deepEqual(s?.locations, [
      {
        id: 'loc',
        city: 'Tucson',
        county: 'Pima',
        state: 'AZ',
        postalCode: '85701',
        country: 'US',
        confidential: true,
      },
    ]);
    // …and "shelter in Tucson" still finds it.
    assert.equal(createServiceIndex([s]).search('refugio tucson')[0]?.service.id, s.id);
  });

  it('reads a confidential location that has no address at all', () => {
    const confidentialTag = {
      id: 'c',
      taxonomy_term: { id: 't', code: 'referral-kit:confidential', name: 'referral-kit:confidential', description: '' },
    };
    const [s] = fromHsds([
      hsds({
        service_at_locations: [
          {
            id: 'sal1',
            location: { id: 'loc1', location_type: 'physical', name: 'Safe house', attributes: [confidentialTag] },
          },
          { id: 'sal2', location: { id: 'loc2', location_type: 'virtual', url: 'https://chat.example.org' } },
        ],
      }),
    ]);
    assert.deepEqual(s?.locations, [{ id: 'loc1', name: 'Safe house', confidential: true }]);
  });
});

describe('toHsds', () => {
  it('round-trips the judged directory through HSDS', () => {
    const back = fromHsdsReport(toHsds(directory));
    assert.deepEqual(back.issues, []);
    // HSDS gives every location an id; a location that had none comes back with its generated one.
    const withoutNewIds = back.services.map((s, i) => ({
      ...s,
      locations: s.locations.map((l, j) => (directory[i]!.locations[j]!.id ? l : (({ id: _id, ...rest }) => rest)(l))),
    }));
    assert.deepEqual(withoutNewIds, directory);
  });

  it('withholds confidential streets and coordinates, keeping city, county and state', () => {
    const shelter = directory.find((s) => s.id === 'tucson-dv-shelter')!;
    const confidential = { ...shelter, locations: [{ ...shelter.locations[0]!, confidential: true }] };
    const [out] = toHsds([confidential]) as Array<{
      service_at_locations: Array<{
        location: Record<string, unknown> & { addresses: Array<Record<string, unknown>> };
      }>;
    }>;
    const loc = out!.service_at_locations[0]!.location;
    assert.equal(loc.latitude, undefined);
    assert.equal(loc.longitude, undefined);
    assert.equal(loc.addresses[0]!.address_1, '');
    assert.equal(loc.addresses[0]!.city, 'Tucson');
    assert.equal(loc.addresses[0]!.region, 'Pima');
    assert.doesNotMatch(JSON.stringify(out), /"latitude"|"longitude"/);
  });

  it('gives stable UUIDs, keeping ids that already are UUIDs', () => {
    assert.equal(stableUuid('houston-dv-shelter'), stableUuid('houston-dv-shelter'));
    assert.notEqual(stableUuid('houston-dv-shelter'), stableUuid('houston-dv-shelter2'));
    assert.match(
      stableUuid('houston-dv-shelter'),
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    assert.equal(stableUuid('AC148810-D857-441C-9679-408F346DE14B'), 'ac148810-d857-441c-9679-408f346de14b');
  });

  it('does not change its input', () => {
    const copy = structuredClone(directory);
    toHsds(copy);
    assert.deepEqual(copy, directory);
  });
});
