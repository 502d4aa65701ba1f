import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/v4/mini';
import {
  ConfirmRequest,
  CustodyPage,
  CustodyRecord,
  CustodySearchQuery,
  CustodyStatus,
  DirectorySnapshot,
  ErrorBody,
  Hotline,
  HotlineList,
  HttpsUrl,
  Location,
  PhoneNumber,
  Service,
  ServicePage,
  ServiceSearchQuery,
  SubscribeAccepted,
  SubscribeRequest,
  UnsubscribeRequest,
  buildPath,
  countryKey,
  identifierKey,
  normalizeContact,
  normalizePhone,
  routes,
  toFieldErrors,
  type RouteDef,
} from '@referral-kit/sdk';
import { FIXTURE_IDS, REFERENCE_DATE, generateFixtures } from '@referral-kit/mocks';

const fixtures = generateFixtures({ services: 120, custody: 60 });
const service = fixtures.services.find((s) => s.id === FIXTURE_IDS.services.spanishLegalAid)!;
const record = fixtures.custody.find((r) => r.id === FIXTURE_IDS.custody['in-custody'])!;

/** The field paths of a failed parse (fails the test if the parse succeeded). */
function paths(schema: z.ZodMiniType, value: unknown): string[] {
  const result = z.safeParse(schema, value);
  assert.equal(result.success, false, `expected ${JSON.stringify(value)} to be rejected`);
  return toFieldErrors(result.error).map((f) => f.path);
}

function parse<S extends z.ZodMiniType>(schema: S, value: unknown): z.output<S> {
  const result = z.safeParse(schema, value);
  assert.ok(result.success, result.success ? '' : JSON.stringify(toFieldErrors(result.error)));
  return result.data;
}

const SUBSCRIBE = {
  subjectId: 'cus-000001',
  channel: 'email',
  contact: 'a@example.org',
  language: 'en',
  events: ['release'],
} as const;

describe('resource schemas accept the fixtures', () => {
  it('Service, CustodyRecord and Hotline, alone and wrapped in pages, lists and the snapshot', () => {
    for (const s of fixtures.services) parse(Service, s);
    for (const r of fixtures.custody) parse(CustodyRecord, r);
    for (const h of fixtures.hotlines) parse(Hotline, h);
    parse(ServicePage, {
      items: fixtures.services.slice(0, 3).map((s) => ({ service: s, distanceKm: 1.5 })),
      total: 3,
      page: 1,
      pageSize: 20,
    });
    parse(CustodyPage, { items: fixtures.custody.slice(0, 3), total: 60, page: 1, pageSize: 3 });
    parse(HotlineList, { items: fixtures.hotlines });
    parse(DirectorySnapshot, { version: 'v1', generatedAt: REFERENCE_DATE, services: fixtures.services });
  });
});

describe('Service and Location', () => {
  it('a confidential location may not carry a street address or coordinates', () => {
    const secret = { city: 'Houston', confidential: true };
    parse(Location, secret);
    assert.deepEqual(paths(Location, { ...secret, address: '1 Main St' }), ['']);
    assert.deepEqual(paths(Location, { ...secret, lat: 29.7, lon: -95.3 }), ['']);
    const error = z.safeParse(Location, { ...secret, address: '1 Main St' });
    assert.match(error.success ? '' : error.error.issues[0]!.message, /confidential/);
    assert.deepEqual(paths(Service, { ...service, locations: [{ ...secret, address: '1 Main St' }] }), ['locations.0']);
  });

  it('only https links, valid e-mail, coordinates in range, known phone types', () => {
    assert.deepEqual(paths(Service, { ...service, url: 'http://example.org/' }), ['url']);
    assert.ok(paths(Service, { ...service, url: 'javascript:alert(1)' }).includes('url'));
    assert.ok(
      paths(Service, { ...service, organization: { ...service.organization, url: 'data:text/html,x' } }).includes(
        'organization.url',
      ),
    );
    assert.deepEqual(paths(Service, { ...service, email: 'not an email' }), ['email']);
    assert.deepEqual(paths(Service, { ...service, locations: [{ ...service.locations[0], lat: 91 }] }), [
      'locations.0.lat',
    ]);
    assert.deepEqual(
      paths(Service, { ...service, phones: [{ number: '(559) 555-0100', type: 'pager', languages: [] }] }),
      ['phones.0.type'],
    );
    assert.deepEqual(paths(Service, { ...service, languages: ['spanish'] }), ['languages.0']);
    assert.equal(parse(HttpsUrl, 'https://www.thehotline.org/'), 'https://www.thehotline.org/');
  });

  it('PhoneNumber takes the ways numbers are written, and nothing else', () => {
    for (const ok of [
      '988',
      '88788',
      '(713) 555-0100',
      '713-555-0100',
      '713.555.0100',
      '+1 713 555 0100',
      '1-800-799-7233',
      '713-555-0100 ext. 12',
      '(713)555-0100x7',
    ]) {
      parse(PhoneNumber, ok);
    }
    for (const bad of ['call me', '()', '(713)', '12', '713-555-0100;', 'tel:7135550100', '+', '555 0100 ext']) {
      assert.ok(
        paths(PhoneNumber, bad).every((path) => path === ''),
        bad,
      );
    }
  });
});

describe('CustodyRecord and CustodySearchQuery', () => {
  it('drops a date of birth and rejects birth years before 1900 or not whole', () => {
    const parsed = parse(CustodyRecord, { ...record, dateOfBirth: '1986-04-01' });
    assert.equal('dateOfBirth' in parsed, false);
    assert.deepEqual(paths(CustodyRecord, { ...record, birthYear: 1899 }), ['birthYear']);
    assert.deepEqual(paths(CustodyRecord, { ...record, birthYear: 1986.5 }), ['birthYear']);
    assert.deepEqual(paths(CustodyRecord, { ...record, identifiers: [{ type: 'ssn', value: '1' }] }), [
      'identifiers.0.type',
    ]);
    assert.deepEqual(paths(CustodyRecord, { ...record, sourceUpdatedAt: 'yesterday' }), ['sourceUpdatedAt']);
  });

  it('compares A-numbers by their digits and countries of birth without case or accents', () => {
    for (const written of ['A123456789', 'a-123-456-789', '123 456 789', 'A0123456789'])
      assert.equal(identifierKey('a-number', written), '123456789');
    assert.equal(identifierKey('booking', 'a-12 3'), 'A123', 'other numbers keep their letters');
    assert.equal(countryKey('  MÉXICO '), countryKey('mexico'));
    assert.equal(countryKey('Viet-Nam'), 'viet nam');
    assert.notEqual(countryKey('Guatemala'), countryKey('Mexico'));
  });

  it("reads a status it has never heard of as unknown, keeping the source's reason (forward compatible)", () => {
    const parsed = parse(CustodyRecord, {
      ...record,
      status: 'paroled-into-a-program',
      statusReason: 'Paroled into the CHNV program.',
    });
    assert.equal(parsed.status, 'unknown');
    assert.equal(parsed.statusReason, 'Paroled into the CHNV program.');
    for (const status of CustodyStatus.options)
      assert.equal(parse(CustodyRecord, { ...record, status }).status, status);
    assert.equal(parse(CustodyRecord, { ...record, status: 42 }).status, 'unknown', 'whatever the source sends');
  });

  it('needs a name or an identifier, and a name of at least 2 letters after trimming', () => {
    assert.deepEqual(paths(CustodySearchQuery, {}), ['name']);
    assert.deepEqual(paths(CustodySearchQuery, { state: 'TX' }), ['name']);
    assert.deepEqual(paths(CustodySearchQuery, { name: ' j ' }), ['name']);
    assert.equal(parse(CustodySearchQuery, { name: '  García ' }).name, 'García');
    parse(CustodySearchQuery, { identifier: 'A123456789', identifierType: 'a-number' });
  });

  it('reads numbers from query strings and bounds paging', () => {
    const query = parse(CustodySearchQuery, { name: 'ana', birthYear: '1990', page: '2', pageSize: '50' });
    assert.deepEqual([query.birthYear, query.page, query.pageSize], [1990, 2, 50]);
    assert.deepEqual(paths(CustodySearchQuery, { name: 'ana', pageSize: '101' }), ['pageSize']);
    assert.deepEqual(paths(CustodySearchQuery, { name: 'ana', page: '0' }), ['page']);
    assert.deepEqual(paths(CustodySearchQuery, { name: 'ana', page: '1.5' }), ['page']);
    assert.deepEqual(paths(CustodySearchQuery, { name: 'ana', state: 'tx' }), ['state']);
  });
});

describe('ServiceSearchQuery', () => {
  it('needs lat and lon together', () => {
    assert.deepEqual(paths(ServiceSearchQuery, { lat: '29.7' }), ['lon']);
    assert.deepEqual(paths(ServiceSearchQuery, { lon: -95 }), ['lon']);
    parse(ServiceSearchQuery, { lat: '29.7', lon: '-95.3', radiusKm: '25' });
    assert.deepEqual(paths(ServiceSearchQuery, { lat: 29.7, lon: -95.3, radiusKm: 0 }), ['radiusKm']);
  });

  it('reads lists from commas, repeated keys or arrays, and flags from text', () => {
    assert.deepEqual(parse(ServiceSearchQuery, { category: 'shelter, legal-aid' }).category, ['shelter', 'legal-aid']);
    assert.deepEqual(parse(ServiceSearchQuery, { category: ['shelter', 'legal-aid'] }).category, [
      'shelter',
      'legal-aid',
    ]);
    assert.deepEqual(parse(ServiceSearchQuery, { language: 'es,vi' }).language, ['es', 'vi']);
    assert.deepEqual(paths(ServiceSearchQuery, { category: 'Legal Aid' }), ['category.0']);
    for (const [flag, expected] of [
      ['true', true],
      ['1', true],
      ['false', false],
      ['0', false],
      [true, true],
    ] as const) {
      assert.equal(parse(ServiceSearchQuery, { openNow: flag }).openNow, expected);
    }
    assert.deepEqual(paths(ServiceSearchQuery, { openNow: 'yes' }), ['openNow']);
    assert.deepEqual(paths(ServiceSearchQuery, { postalCode: '7700' }), ['postalCode']);
  });
});

describe('alert requests', () => {
  it('takes an e-mail for the email channel and a U.S. phone for the phone channels', () => {
    parse(SubscribeRequest, SUBSCRIBE);
    parse(SubscribeRequest, { ...SUBSCRIBE, channel: 'sms', contact: '(713) 555-0100' });
    assert.deepEqual(paths(SubscribeRequest, { ...SUBSCRIBE, contact: 'not-an-email' }), ['contact']);
    assert.deepEqual(paths(SubscribeRequest, { ...SUBSCRIBE, channel: 'sms', contact: 'a@example.org' }), ['contact']);
    assert.deepEqual(paths(SubscribeRequest, { ...SUBSCRIBE, channel: 'sms', contact: '555-0100' }), ['contact']);
    assert.deepEqual(paths(SubscribeRequest, { ...SUBSCRIBE, contact: '' }), ['contact', 'contact']);
  });

  it('requires a 4–8 digit PIN for voice and TTY, and refuses one elsewhere', () => {
    const voice = { ...SUBSCRIBE, channel: 'voice', contact: '713-555-0100' };
    assert.deepEqual(paths(SubscribeRequest, voice), ['pin']);
    assert.deepEqual(paths(SubscribeRequest, { ...voice, channel: 'tty' }), ['pin']);
    parse(SubscribeRequest, { ...voice, pin: '1234' });
    parse(SubscribeRequest, { ...voice, channel: 'tty', pin: '12345678' });
    assert.deepEqual(paths(SubscribeRequest, { ...voice, pin: '123' }), ['pin']);
    assert.deepEqual(paths(SubscribeRequest, { ...voice, pin: '123456789' }), ['pin']);
    assert.deepEqual(paths(SubscribeRequest, { ...voice, pin: '12a4' }), ['pin']);
    assert.deepEqual(paths(SubscribeRequest, { ...SUBSCRIBE, pin: '1234' }), ['pin']);
  });

  it('needs at least one known event, a language tag and a safe subject id', () => {
    assert.deepEqual(paths(SubscribeRequest, { ...SUBSCRIBE, events: [] }), ['events']);
    assert.deepEqual(paths(SubscribeRequest, { ...SUBSCRIBE, events: ['parole-hearing'] }), ['events.0']);
    parse(SubscribeRequest, { ...SUBSCRIBE, language: 'es-MX' });
    assert.deepEqual(paths(SubscribeRequest, { ...SUBSCRIBE, language: 'spanish!' }), ['language']);
    assert.deepEqual(paths(SubscribeRequest, { ...SUBSCRIBE, subjectId: '../admin' }), ['subjectId']);
  });

  it('confirms with a confirmation id and 6-digit code, or a token, never a mix', () => {
    parse(ConfirmRequest, { confirmationId: 'cnf-1', code: '123456' });
    parse(ConfirmRequest, { token: 'x'.repeat(16) });
    paths(ConfirmRequest, { confirmationId: 'cnf-1', code: '12345' });
    paths(ConfirmRequest, { confirmationId: 'cnf-1', code: '123456', token: 'x'.repeat(16) });
    paths(ConfirmRequest, { token: 'short' });
    assert.deepEqual(paths(UnsubscribeRequest, { token: 'short' }), ['token']);
  });

  it('SubscribeAccepted is always pending with a positive expiry', () => {
    parse(SubscribeAccepted, { status: 'pending', confirmationId: 'cnf-1', expiresInSeconds: 1800 });
    assert.deepEqual(
      paths(SubscribeAccepted, { status: 'confirmed', confirmationId: 'cnf-1', expiresInSeconds: 1800 }),
      ['status'],
    );
    assert.deepEqual(paths(SubscribeAccepted, { status: 'pending', confirmationId: 'cnf-1', expiresInSeconds: 0 }), [
      'expiresInSeconds',
    ]);
  });
});

describe('normalizePhone and normalizeContact', () => {
  const cases: [string, string | null][] = [
    ['(713) 555-0100', '+17135550100'],
    ['713.555.0100', '+17135550100'],
    [' 713 555 0100 ', '+17135550100'],
    ['1-713-555-0100', '+17135550100'],
    ['+1 (713) 555-0100', '+17135550100'],
    ['+44 20 7946 0958', '+442079460958'],
    ['555-0100', null],
    ['013-555-0100', null], // area codes never start with 0 or 1
    ['713-055-0100', null], // nor do exchanges
    ['11234567890', null],
    ['+0123456789', null],
    ['+1234567', null], // too short for E.164
    ['+1234567890123456', null], // too long
    ['713-555-0100 ext 5', null],
    ['call 7135550100', null],
    ['', null],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected}`, () => assert.equal(normalizePhone(input), expected));
  }

  it('lower-cases and trims e-mail, and checks the contact against its channel', () => {
    assert.equal(normalizeContact('email', '  Someone@Example.ORG '), 'someone@example.org');
    assert.equal(normalizeContact('email', 'someone@localhost'), null);
    assert.equal(normalizeContact('email', `${'a'.repeat(250)}@example.org`), null);
    assert.equal(normalizeContact('sms', '(713) 555-0100'), '+17135550100');
    assert.equal(normalizeContact('voice', 'someone@example.org'), null);
  });
});

describe('route table and buildPath', () => {
  it('every route is unique, documents 400 and 500, and uses only GET and POST', () => {
    const keys = Object.values(routes).map((r) => `${r.method} ${r.path}`);
    assert.equal(new Set(keys).size, keys.length);
    for (const route of Object.values(routes) as RouteDef[]) {
      assert.ok(route.errors.includes(400) && route.errors.includes(500), route.path);
      assert.ok(['GET', 'POST'].includes(route.method));
      assert.equal(route.body !== undefined, route.method === 'POST', route.path);
    }
  });

  it('encodes each parameter as one path segment', () => {
    assert.equal(buildPath('/v1/custody/{id}', { id: 'cus-1' }), '/v1/custody/cus-1');
    assert.equal(buildPath('/v1/custody/{id}', { id: 'a b/../c?d#e' }), '/v1/custody/a%20b%2F..%2Fc%3Fd%23e');
    assert.equal(buildPath('/v1/hotlines'), '/v1/hotlines');
    assert.throws(
      () => buildPath('/v1/custody/{id}', {}),
      (e: Error) => e instanceof TypeError && /"id"/.test(e.message),
    );
  });

  it('ErrorBody always carries a known code, a message, a fields array and the request id', () => {
    parse(ErrorBody, {
      error: { code: 'validation_failed', message: 'x', fields: [{ path: 'name', message: 'y' }], requestId: 'r' },
    });
    parse(ErrorBody, { error: { code: 'not_found', message: 'x', fields: [], requestId: 'r' } });
    assert.deepEqual(paths(ErrorBody, { error: { message: 'x' } }), ['error.code', 'error.fields', 'error.requestId']);
    assert.deepEqual(paths(ErrorBody, { error: { code: 'teapot', message: 'x', fields: [], requestId: 'r' } }), [
      'error.code',
    ]);
  });
});
