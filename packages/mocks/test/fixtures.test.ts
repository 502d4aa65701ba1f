import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/v4/mini';
import {
  CustodyRecord,
  CustodyStatus,
  Facility,
  Hotline,
  IdentifierType,
  SERVICE_CATEGORIES,
  Service,
  toFieldErrors,
} from '@referral-kit/sdk';
import { CITIES, FIXTURE_IDS, HOTLINES, REFERENCE_DATE, createRandom, generateFixtures } from '@referral-kit/mocks';

const fixtures = generateFixtures();

function assertValid(schema: z.ZodMiniType, items: readonly { id: string }[]) {
  for (const item of items) {
    const result = z.safeParse(schema, item);
    assert.ok(result.success, `${item.id}: ${result.success ? '' : JSON.stringify(toFieldErrors(result.error))}`);
  }
}

describe('createRandom (mulberry32)', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const seqA = Array.from({ length: 5 }, () => a.next());
    assert.deepEqual(
      seqA,
      Array.from({ length: 5 }, () => b.next()),
    );
    assert.notDeepEqual(
      seqA,
      Array.from({ length: 5 }, () => c.next()),
    );
    assert.ok(seqA.every((x) => x >= 0 && x < 1));
  });

  it('int stays in bounds, sample draws distinct items', () => {
    const r = createRandom(3);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(-2, 2);
      assert.ok(Number.isInteger(n) && n >= -2 && n <= 2);
    }
    const drawn = r.sample([1, 2, 3, 4, 5], 3);
    assert.equal(new Set(drawn).size, 3);
    assert.throws(() => r.pick([]), RangeError);
  });
});

describe('generateFixtures', () => {
  it('is deterministic byte for byte, and the seed changes the generated records', () => {
    assert.equal(JSON.stringify(generateFixtures()), JSON.stringify(fixtures));
    const other = generateFixtures({ seed: 2 });
    assert.notEqual(JSON.stringify(other.services), JSON.stringify(fixtures.services));
    assert.notEqual(JSON.stringify(other.custody), JSON.stringify(fixtures.custody));
  });

  it('honours the counts; custody does not depend on the number of services', () => {
    const small = generateFixtures({ services: 50, custody: 10 });
    assert.equal(small.services.length, 50);
    assert.equal(small.custody.length, 10);
    assert.equal(fixtures.services.length, 300);
    assert.equal(fixtures.custody.length, 120);
    assert.deepEqual(generateFixtures({ services: 5 }).custody, fixtures.custody);
    assert.deepEqual(generateFixtures({ services: 0, custody: 0 }), {
      services: [],
      custody: [],
      facilities: [],
      hotlines: fixtures.hotlines,
    });
  });

  it('every record is valid against the SDK schemas (also at 2 000 services)', () => {
    assertValid(Service, fixtures.services);
    assertValid(CustodyRecord, fixtures.custody);
    assertValid(Hotline, fixtures.hotlines);
    const big = generateFixtures({ seed: 99, services: 2000, custody: 500 });
    assertValid(Service, big.services);
    assertValid(CustodyRecord, big.custody);
  });

  it('ids are unique', () => {
    for (const list of [fixtures.services, fixtures.custody, fixtures.hotlines]) {
      assert.equal(new Set(list.map((x) => x.id)).size, list.length);
    }
  });

  it('uses no clock: every timestamp is at or before the reference date', () => {
    const reference = Date.parse(REFERENCE_DATE);
    const stamps = [
      ...fixtures.services.map((s) => s.lastVerifiedAt),
      ...fixtures.custody.flatMap((c) => [c.statusChangedAt, c.sourceUpdatedAt]),
    ].filter((t): t is string => t !== undefined);
    assert.ok(stamps.length > 300);
    assert.ok(stamps.every((t) => Date.parse(t) <= reference));
  });
});

describe('fixture services', () => {
  const services = fixtures.services;

  it('cover every known category', () => {
    const seen = new Set(services.flatMap((s) => s.categories));
    for (const category of SERVICE_CATEGORIES) assert.ok(seen.has(category), category);
  });

  it('are in English and Spanish, with a good share in Spanish and some other languages', () => {
    const spanishFirst = services.filter((s) => s.languages[0] === 'es');
    const spanishOnly = services.filter((s) => s.languages.length === 1 && s.languages[0] === 'es');
    assert.ok(spanishFirst.length / services.length > 0.25, `${spanishFirst.length} Spanish-first`);
    assert.ok(spanishOnly.length > 10);
    assert.ok(services.some((s) => /Víctimas|Violencia|Ayuda/.test(s.name)));
    const languages = new Set(services.flatMap((s) => s.languages));
    for (const code of ['en', 'es', 'vi', 'zh', 'ar', 'ko', 'tl']) assert.ok(languages.has(code), code);
  });

  it('sit in the real cities table, with coordinates near the city', () => {
    const cityNames = new Set(CITIES.map((c) => c.city));
    assert.ok(CITIES.length >= 30);
    for (const name of [
      'Houston',
      'Fresno',
      'Tucson',
      'Los Angeles',
      'New York',
      'Chicago',
      'Phoenix',
      'San Antonio',
      'Miami',
      'El Paso',
      'Atlanta',
      'Seattle',
      'Denver',
    ]) {
      assert.ok(cityNames.has(name), name);
    }
    for (const location of services.flatMap((s) => s.locations)) {
      assert.ok(cityNames.has(location.city!), location.city);
      const city = CITIES.find((c) => c.city === location.city)!;
      assert.equal(location.postalCode, city.postalCode);
      if (location.lat !== undefined)
        assert.ok(Math.abs(location.lat - city.lat) < 0.1 && Math.abs(location.lon! - city.lon) < 0.1);
    }
  });

  it('shelters keep a city but never a street or coordinates', () => {
    const shelters = services.filter((s) => s.categories[0] === 'shelter');
    assert.ok(shelters.length > 5);
    for (const location of shelters.flatMap((s) => s.locations)) {
      assert.equal(location.confidential, true);
      assert.ok(location.city);
      assert.equal(location.address, undefined);
      assert.equal(location.lat, undefined);
    }
  });

  it('mix 24/7 lines, office hours with a time zone, overnight hours, and no schedule', () => {
    assert.ok(services.some((s) => s.schedule?.open24x7));
    const office = services.filter((s) => s.schedule && !s.schedule.open24x7);
    assert.ok(office.length > 50);
    assert.ok(office.every((s) => s.schedule!.timezone && s.schedule!.hours.length > 0));
    assert.ok(office.some((s) => s.schedule!.hours.some((h) => h.closes < h.opens)));
    assert.ok(services.some((s) => s.schedule === undefined));
  });

  it('have voice, text and TTY phones, https links, e-mail and descriptive text', () => {
    const types = new Set(services.flatMap((s) => s.phones.map((p) => p.type)));
    for (const type of ['voice', 'text', 'tty']) assert.ok(types.has(type as 'voice'), type);
    const urls = services.flatMap((s) => [s.url, s.organization.url]).filter((u) => u !== undefined);
    assert.ok(urls.length > 100 && urls.every((u) => u.startsWith('https://')));
    assert.ok(services.filter((s) => s.email).length > 50);
    for (const key of ['eligibility', 'fees', 'accessibility', 'lastVerifiedAt'] as const)
      assert.ok(
        services.some((s) => s[key]),
        key,
      );
  });

  it('share no arrays, so editing one record leaves the others alone', () => {
    const fresh = generateFixtures({ services: 60 });
    fresh.services.forEach((s) => s.languages.push(`x${s.id}`));
    for (const s of fresh.services) {
      assert.equal(s.languages.filter((l) => l.startsWith('x')).length, 1, s.id);
      assert.ok(
        s.phones.every((p) => !p.languages.some((l) => l.startsWith('x'))),
        s.id,
      );
    }
  });

  it('include the fixed records whatever the seed', () => {
    const other = generateFixtures({ seed: 12345 });
    for (const id of Object.values(FIXTURE_IDS.services)) {
      const here = services.find((s) => s.id === id);
      assert.ok(here, id);
      assert.deepEqual(
        other.services.find((s) => s.id === id),
        here,
      );
    }
    assert.equal(services.find((s) => s.id === FIXTURE_IDS.service)?.locations[0]?.confidential, true);
  });
});

describe('fixture custody records', () => {
  const custody = fixtures.custody;

  it('cover every status and identifier type, with a known record per status', () => {
    for (const status of CustodyStatus.options) {
      assert.ok(custody.filter((r) => r.status === status).length > 1, status);
      assert.equal(custody.find((r) => r.id === FIXTURE_IDS.custody[status])?.status, status);
    }
    const types = new Set(custody.flatMap((r) => r.identifiers.map((i) => i.type)));
    for (const type of IdentifierType.options) assert.ok(types.has(type), type);
    assert.ok(custody.some((r) => r.identifiers.some((i) => i.value === FIXTURE_IDS.aNumber)));
    assert.ok(
      custody
        .flatMap((r) => r.identifiers)
        .filter((i) => i.type === 'a-number')
        .every((i) => /^A\d{9}$/.test(i.value)),
    );
  });

  it('carry an age or a birth year, never a date of birth', () => {
    for (const record of custody) {
      assert.ok(record.age !== undefined || record.birthYear !== undefined, record.id);
      assert.ok(!JSON.stringify(record).match(/dateOfBirth|\bdob\b/i), record.id);
    }
    assert.ok(custody.some((r) => r.age !== undefined) && custody.some((r) => r.birthYear !== undefined));
  });

  it('have facilities with phones and accented names to search for', () => {
    assert.ok(custody.filter((r) => r.facility?.phone).length > 50);
    assert.ok(custody.some((r) => /[áéíóúñễ]/i.test(r.displayName)));
  });

  it('point to facility records (operator, time zone, visiting page) that the fixtures list, and some carry theirs inline', () => {
    assertValid(Facility, fixtures.facilities);
    const ids = new Set(fixtures.facilities.map((f) => f.id));
    const pointing = custody.filter((r) => r.facility?.id !== undefined);
    assert.ok(pointing.length >= 10);
    for (const record of pointing)
      assert.deepEqual(
        record.facility,
        fixtures.facilities.find((f) => f.id === record.facility!.id),
      );
    assert.equal(ids.size, fixtures.facilities.length);
    assert.ok(fixtures.facilities.every((f) => f.operator && f.timeZone && f.phone));
    assert.ok(fixtures.facilities.some((f) => f.visitingUrl) && fixtures.facilities.some((f) => !f.visitingUrl));
    assert.ok(
      custody.some((r) => r.facility && r.facility.id === undefined),
      'records from feeds without facility ids',
    );
  });
});

describe('fixture hotlines', () => {
  const byNumber = (number: string, type = 'voice') => HOTLINES.find((h) => h.number === number && h.type === type);

  it('include the required national lines with languages and 24/7 flags', () => {
    for (const number of ['1-855-488-6423', '1-866-277-7477', '1-800-799-7233', '1-800-656-4673', '988']) {
      const line = byNumber(number);
      assert.ok(line, number);
      assert.ok(line.languages.includes('en'));
      assert.equal(typeof line.available24x7, 'boolean');
    }
    assert.ok(byNumber('88788', 'text')?.description.includes('START'));
    assert.equal(byNumber('1-800-799-7233')?.available24x7, true);
    assert.equal(HOTLINES.find((h) => h.id === FIXTURE_IDS.hotlines.dhsVoice)?.number, '1-855-488-6423');
    assert.equal(HOTLINES.find((h) => h.id === FIXTURE_IDS.hotlines.vine)?.number, '1-866-277-7477');
  });

  it('are copies, so a test that edits them cannot change the next generation', () => {
    generateFixtures().hotlines[0]!.languages.push('xx');
    assert.ok(!generateFixtures().hotlines[0]!.languages.includes('xx'));
  });
});
