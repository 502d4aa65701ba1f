// Directory search: quality floor on the judged set, what visitors type, location, filters, crisis, robustness,
// purity and the saved index.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Schedule, Service } from '@referral-kit/sdk';
import {
  createServiceIndex,
  englishVocabulary,
  fold,
  isOpenAt,
  loadServiceIndex,
  type SearchOptions,
} from '@referral-kit/sdk/search';
import { allVocabularies, ar, es, zh } from '@referral-kit/sdk/vocabulary';
import { directory, JUDGED } from './fixtures/judged-queries.js';
import { evaluate, evaluateByKind } from './fixtures/evaluate.js';

// Node and servers index with every language; a browser passes the few it loaded.
const index = createServiceIndex(directory, { vocabularies: allVocabularies });
const ids = (q: string, opts: SearchOptions = {}) => index.search(q, opts).map((h) => h.service.id);
const top = (q: string, n = 3, opts: SearchOptions = {}) => ids(q, opts).slice(0, n);
const byId = (id: string) => directory.find((s) => s.id === id)!;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

describe('search quality on the judged set', () => {
  it(`keeps success@3 ≥ 0.95 over ${JUDGED.length} judged queries`, () => {
    const q = evaluate((text, opts) => ids(text, { ...opts, limit: 10 }));
    assert.ok(q.queries >= 60);
    assert.ok(q.successAt3 >= 0.95, `success@3 ${q.successAt3.toFixed(3)}; misses: ${JSON.stringify(q.misses)}`);
    assert.ok(q.mrrAt10 >= 0.85, `MRR@10 ${q.mrrAt10.toFixed(3)}`);
  });

  it('keeps success@3 ≥ 0.9 in every kind of query, each judged on at least a few queries', () => {
    const kinds = evaluateByKind((text, opts) => ids(text, { ...opts, limit: 10 }));
    for (const kind of [
      'crisis',
      'phone',
      'organization',
      'long sentence',
      'vi',
      'zh',
      'ko',
      'tl',
      'ar',
      'ru',
      'ht',
      'fr',
    ]) {
      const found = kinds.find((k) => k.kind === kind);
      assert.ok(found && found.quality.queries >= 10, `fewer than 10 "${kind}" queries`);
    }
    for (const { kind, quality } of kinds) {
      assert.ok(
        quality.successAt3 >= 0.9,
        `${kind}: success@3 ${quality.successAt3.toFixed(3)}; misses: ${JSON.stringify(quality.misses)}`,
      );
    }
  });

  it('judges only ids that exist in the fixture, and every query has some', () => {
    const known = new Set(directory.map((s) => s.id));
    for (const j of JUDGED) {
      assert.ok(j.relevant.length > 0, `no relevant ids for "${j.q}"`);
      for (const id of j.relevant) assert.ok(known.has(id), `unknown id ${id} for "${j.q}"`);
    }
  });
});

describe('what visitors type', () => {
  it('forgives typos of one and two edits', () => {
    assert.ok(byId(top('shleter', 1)[0]!).categories.includes('shelter'));
    assert.ok(byId(top('counsleing', 1)[0]!).categories.includes('counseling'));
    assert.ok(byId(top('abgado', 1)[0]!).categories.includes('legal-aid'));
  });

  it('completes a word still being typed', () => {
    for (const id of top('coun')) assert.ok(byId(id).categories.includes('counseling'), id);
    for (const id of top('shel')) assert.ok(byId(id).categories.includes('shelter'), id);
  });

  it('ignores case and accents', () => {
    assert.deepEqual(ids('asesoria legal'), ids('Asesoría Legal'));
    assert.deepEqual(ids('ORDEN DE PROTECCION'), ids('orden de protección'));
    assert.equal(fold('Asesoría ÑANDÚ'), 'asesoria nandu');
  });

  it('maps everyday English and Spanish words to categories, both ways', () => {
    const cases: Array<[string, string]> = [
      ['refugio', 'shelter'],
      ['abogado', 'legal-aid'],
      ['lawyer', 'legal-aid'],
      ['DV', 'domestic-violence'],
      ['restraining order', 'protective-orders'],
      ['orden de protección', 'protective-orders'],
      ['rape', 'sexual-assault'],
      ['violación', 'sexual-assault'],
      ['money for funeral', 'victim-compensation'],
      ['dinero para el funeral', 'victim-compensation'],
    ];
    for (const [q, category] of cases) {
      const first = top(q, 3);
      assert.equal(first.length, 3, q);
      for (const id of first) assert.ok(byId(id).categories.includes(category), `"${q}" → ${id}`);
    }
  });

  it('puts 24/7 hotlines first for crisis words, and the ones about the topic when there is one', () => {
    for (const q of ['I need help now', 'ayuda ahora', 'emergency']) {
      for (const id of top(q)) {
        const s = byId(id);
        assert.ok(s.categories.includes('hotline') && s.schedule?.open24x7, `"${q}" → ${id}`);
      }
    }
    for (const id of top('dv help now')) {
      const s = byId(id);
      assert.ok(
        s.categories.includes('hotline') && s.schedule?.open24x7 && s.categories.includes('domestic-violence'),
        id,
      );
    }
  });

  it('explains each match', () => {
    const [hit] = index.search('abogado tucson');
    assert.ok(hit);
    assert.ok(hit.matches.some((m) => m.query === 'abogado' && m.field === 'category' && m.value === 'legal-aid'));
    assert.ok(hit.matches.some((m) => m.query === 'tucson' && m.field === 'place'));
    // Results cross to and from a Web Worker intact.
    const copy = structuredClone(hit);
    assert.deepEqual(copy.matches, hit.matches);
    assert.equal(copy.service.id, hit.service.id);
  });

  it('loads only the vocabularies it is given', () => {
    const englishOnly = createServiceIndex(directory, { vocabularies: [englishVocabulary] });
    const [hit] = englishOnly.search('abogado');
    assert.ok(!hit?.matches.some((m) => m.field === 'category'), 'Spanish synonyms came from somewhere');
    assert.ok(englishOnly.search('lawyer')[0]?.matches.some((m) => m.field === 'category'));
  });
});

describe('a cry for help', () => {
  it('reads danger, self-harm and urgency as a crisis, in every language and with typos', () => {
    const cries = [
      'he is going to kill me',
      'I want to kill myself',
      'emergancy',
      'i am so scared',
      'estoy en pelgro',
      'quiero morir',
      '我想自杀',
      '救命',
      'tôi đang gặp nguy hiểm',
      'toi dang gap nguy hiem',
      '살려주세요',
      'tulong ngayon',
      'أنا في خطر',
      'мне страшно',
      'anmwe',
      'au secours',
      'j’ai peur',
      'he threatened me',
      'mi esposo me amenaza',
      'suicdio',
      'khẩn cấp',
    ];
    for (const q of cries) assert.equal(index.read(q).crisis, true, q);
    for (const q of [
      'legal aid',
      'abogado',
      'help paying funeral costs',
      'I need help',
      'emergency housing',
      '庇护所',
      'مأوى',
      '',
    ]) {
      assert.equal(index.read(q).crisis, false, q);
    }
  });

  it('puts the suicide and crisis lines first for self-harm, every 24/7 line for danger with no topic', () => {
    for (const q of ['I want to kill myself', 'me quiero suicidar', '想死'])
      assert.deepEqual(top(q, 2).sort(), ['988', 'crisis-text'], q);
    for (const id of top('he has a gun and says he will kill me', 5)) {
      assert.ok(byId(id).categories.includes('hotline') && byId(id).schedule?.open24x7, id);
    }
  });
});

describe('phone numbers and organizations', () => {
  it('finds a service by any of its numbers, however it is written', () => {
    for (const q of [
      '1-800-799-7233',
      '(800) 799-7233',
      '+1 800 799 7233',
      '8007997233',
      '1-800-799-SAFE',
      '88788',
      '1-800-787-3224',
    ]) {
      assert.equal(top(q, 1)[0], 'ndvh', q);
    }
    assert.equal(top('1-855-48-VOICE', 1)[0], 'dhs-voice');
    assert.equal(top('(713) 555-0105', 1)[0], 'houston-legal-aid');
  });

  it('finds nothing for a full number nobody lists, and reads a ZIP as a place', () => {
    assert.deepEqual(ids('1-800-555-0000'), []);
    assert.equal(top('legal aid 85701', 1)[0], 'tucson-legal-aid');
  });

  it('finds a service by its organization’s name, exact or misspelled', () => {
    assert.equal(top('Texas Council on Family Violence', 1)[0], 'tx-dv-line');
    assert.equal(top('kababayan justise network', 1)[0], 'san-diego-filipino-legal');
  });
});

describe('ten languages', () => {
  const shelterFirst = (q: string) => {
    const first = top(q, 1)[0];
    assert.ok(first && byId(first).categories.includes('shelter'), `"${q}" → ${first}`);
    return first;
  };

  it('matches Arabic with and without vowel marks, hamza and the article', () => {
    for (const q of ['مأوى', 'مَأْوَى', 'ماوى', 'المأوى', 'والمأوى']) shelterFirst(q);
    assert.equal(fold('مَأْوَى'), fold('ماوي'));
  });

  it('matches Vietnamese with and without diacritics, and ranks staff who speak it first', () => {
    assert.deepEqual(ids('nhà tạm trú'), ids('nha tam tru'));
    assert.ok(byId(shelterFirst('nhà tạm trú')).languages.includes('vi'));
  });

  it('segments Chinese without spaces and strips Korean particles', () => {
    assert.ok(byId(shelterFirst('我需要庇护所')).languages.includes('zh'));
    assert.ok(byId(shelterFirst('쉼터를 찾고 있어요')).languages.includes('ko'));
    assert.deepEqual(top('我需要律师', 1), ['los-angeles-asian-legal']);
  });

  it('keeps each language in its own module: an index knows only the languages it was given', () => {
    const arabicOnly = createServiceIndex(directory, { vocabularies: [ar] });
    assert.ok(arabicOnly.search('مأوى').length > 0);
    assert.deepEqual(arabicOnly.search('庇护所'), []);
    assert.ok(createServiceIndex(directory, { vocabularies: [zh] }).search('庇护所').length > 0);
  });
});

describe('the language a visitor writes in', () => {
  const legalAid = (id: string, languages: string[], lat: number): Service => ({
    id,
    name: `Legal clinic ${id}`,
    organization: { id: `org-${id}`, name: `Org ${id}` },
    description: 'Free legal help for victims.',
    categories: ['legal-aid'],
    languages,
    phones: [],
    locations: [{ city: 'Houston', state: 'TX', lat, lon: -95.37, confidential: false }],
  });
  // Listed English-first, equally relevant, the English one nearer downtown Houston (29.76, -95.37). English and Spanish
  // only: with Tagalog loaded too, "abogado" belongs to two languages and implies neither.
  const clinics = createServiceIndex([legalAid('en-only', ['en'], 29.76), legalAid('es-only', ['es'], 30.2)], {
    vocabularies: [englishVocabulary, es],
  });
  const order = (q: string, opts: SearchOptions = {}) => clinics.search(q, opts).map((h) => h.service.id);

  it('orders equally good services that speak it first', () => {
    assert.deepEqual(order('abogado'), ['es-only', 'en-only']);
    assert.deepEqual(order('lawyer'), ['en-only', 'es-only']);
  });

  it('never outranks a nearer, equally good service, and never matches on its own', () => {
    assert.deepEqual(order('abogado', { near: { lat: 29.76, lon: -95.37 } }), ['en-only', 'es-only']);
    assert.deepEqual(order('de'), []);
  });
});

describe('location', () => {
  it('reads a city or ZIP in the text as a location', () => {
    assert.deepEqual(top('shelter in Tucson', 2).sort(), ['tucson-dv-shelter', 'tucson-rescue-mission']);
    assert.equal(top('legal aid 85701', 1)[0], 'tucson-legal-aid');
    assert.equal(top('huston shelter', 1)[0], 'houston-dv-shelter');
  });

  it('finds a confidential shelter by its city without giving away where it is', () => {
    const hit = index.search('shelter in tucson').find((h) => h.service.id === 'tucson-dv-shelter');
    assert.ok(hit);
    const loc = hit.service.locations[0]!;
    assert.equal(loc.confidential, true);
    assert.equal(loc.city, 'Tucson');
    assert.equal(loc.address, undefined);
    assert.equal(loc.lat, undefined);
    assert.equal(typeof hit.distanceKm, 'number'); // measured from the city, as a city-level figure
  });

  it('never measures from coordinates that bad data left on a confidential location', () => {
    const shelter = byId('tucson-dv-shelter');
    const leaky = { ...shelter, locations: [{ ...shelter.locations[0]!, lat: 32.3, lon: -110.8 }] }; // breaks the contract
    const own = createServiceIndex([leaky, byId('tucson-legal-aid')]);
    const fromExactSpot = own.search('shelter', { near: { lat: 32.3, lon: -110.8 } })[0]!;
    const cityCentre = byId('tucson-legal-aid').locations[0]!;
    assert.ok(fromExactSpot.distanceKm! > 5, 'distance is to the city, not the hidden spot');
    assert.equal(own.search('shelter', { near: { lat: cityCentre.lat!, lon: cityCentre.lon! } })[0]!.distanceKm, 0);
  });

  it('ranks by distance within relevance with `near`', () => {
    const pasadena = { lat: 29.6911, lon: -95.2091 };
    const hits = index.search('shelter', { near: pasadena, limit: 5 });
    assert.ok(hits[0]!.service.id.startsWith('pasadena-tx-'));
    const located = hits.filter((h) => h.distanceKm !== undefined).map((h) => h.distanceKm!);
    assert.deepEqual(
      located,
      [...located].sort((a, b) => a - b),
    );
    // A better match farther away still beats a poor match next door.
    const legal = index.search('legal aid', { near: pasadena, limit: 3 });
    for (const h of legal) assert.ok(h.service.categories.includes('legal-aid'), h.service.id);
  });

  it('places a ZIP code from the directory, and cuts by radius', () => {
    assert.ok(index.locate('85201'));
    assert.ok(index.locate('85299'), 'unknown ZIPs fall back to their 3-digit prefix');
    assert.equal(index.locate('00000'), undefined);
    const hits = index.search('legal aid', { near: { postalCode: '85201' }, radiusKm: 30 });
    assert.equal(hits[0]?.service.id, 'mesa-legal-aid');
    for (const h of hits)
      assert.ok(h.distanceKm === undefined ? h.service.locations.length === 0 : h.distanceKm <= 30, h.service.id);
    assert.ok(hits.some((h) => h.service.id === 'phoenix-legal-aid'));
    assert.ok(!hits.some((h) => h.service.id === 'tucson-legal-aid'));
  });

  it('sorts by distance on request', () => {
    const hits = index.search('counseling', { near: { lat: 36.8252, lon: -119.7029 }, sort: 'distance', limit: 5 });
    assert.ok(
      hits[0]!.service.id.startsWith('clovis-') && hits[0]!.service.categories.includes('counseling'),
      hits[0]!.service.id,
    );
    const d = hits.map((h) => h.distanceKm ?? Infinity);
    assert.deepEqual(
      d,
      [...d].sort((a, b) => a - b),
    );
  });
});

describe('filters', () => {
  it('filters by category and language', () => {
    const hits = index.search('houston', { categories: ['legal-aid'] });
    assert.ok(hits.length > 0);
    for (const h of hits) assert.ok(h.service.categories.includes('legal-aid'));
    const spanish = index.search('counseling', { languages: ['es'] });
    assert.ok(spanish.length > 0);
    for (const h of spanish)
      assert.ok(h.service.languages.includes('es') || h.service.phones.some((p) => p.languages.includes('es')));
  });

  it('browses with filters and no text', () => {
    const hits = index.search('', { categories: ['victim-compensation'], near: { postalCode: '78205' } });
    assert.equal(hits[0]?.service.id, 'tx-compensation');
    assert.deepEqual(index.search(''), []);
    assert.deepEqual(index.search('', { near: { postalCode: '00000' } }), [], 'an unplaceable ZIP browses nothing');
    assert.deepEqual(
      index.search('qqqzzx', { near: { postalCode: '78205' } }),
      [],
      'words that match nothing browse nothing',
    );
    assert.ok(
      index.search('shelter qqqzzx', { near: { postalCode: '78205' } }).length > 0,
      'an unknown word beside a known one is ignored',
    );
    assert.equal(
      index.search('', { near: { lat: 32.22, lon: -110.97 }, limit: 3 })[0]?.service.locations[0]?.city,
      'Tucson',
    );
  });

  it('keeps only services open at the given time, in their own time zone', () => {
    // Sunday 3 am in Houston: only 24/7 services.
    const night = new Date('2026-11-29T09:00:00Z');
    const hits = index.search('houston', { openAt: night, limit: 50 });
    assert.ok(hits.length > 0);
    for (const h of hits) assert.ok(isOpenAt(h.service.schedule, night), h.service.id);
    assert.ok(hits.some((h) => h.service.id === 'houston-dv-shelter'));
    assert.ok(!hits.some((h) => h.service.id === 'houston-legal-aid'));
    // Monday 10 am in Houston: the legal aid office is open.
    assert.ok(ids('houston', { openAt: new Date('2026-11-30T16:00:00Z'), limit: 50 }).includes('houston-legal-aid'));
  });
});

describe('isOpenAt', () => {
  const weekdays: Schedule = {
    open24x7: false,
    timezone: 'America/New_York',
    hours: [{ day: 'mo', opens: '09:00', closes: '17:00' }],
  };
  const overnight: Schedule = {
    open24x7: false,
    timezone: 'UTC',
    hours: [{ day: 'fr', opens: '22:00', closes: '02:00' }],
  };

  it('reads hours in the schedule time zone', () => {
    assert.equal(isOpenAt(weekdays, new Date('2026-11-30T14:30:00Z')), true); // Mon 09:30 New York
    assert.equal(isOpenAt(weekdays, new Date('2026-11-30T13:30:00Z')), false); // Mon 08:30
    assert.equal(isOpenAt(weekdays, new Date('2026-11-30T22:00:00Z')), false); // Mon 17:00 closes
  });

  it('handles periods past midnight, 24/7, unknown hours and bad zones', () => {
    assert.equal(isOpenAt(overnight, new Date('2026-11-27T23:00:00Z')), true); // Fri 23:00
    assert.equal(isOpenAt(overnight, new Date('2026-11-28T01:00:00Z')), true); // Sat 01:00
    assert.equal(isOpenAt(overnight, new Date('2026-11-28T03:00:00Z')), false);
    assert.equal(isOpenAt({ open24x7: true, hours: [] }, new Date()), true);
    assert.equal(isOpenAt(undefined, new Date()), false);
    assert.equal(isOpenAt({ ...weekdays, timezone: 'Mars/Olympus' }, new Date('2026-11-30T14:30:00Z')), false);
    assert.equal(isOpenAt(weekdays, new Date(Number.NaN)), false);
  });
});

describe('robustness', () => {
  const odd = [
    '',
    '   ',
    '\t\n',
    'a'.repeat(10_000),
    'shelter '.repeat(2_000),
    '.*+?^${}()|[]\\',
    '(((',
    '\\',
    '🆘🏠💔',
    'shelter 🏠',
    'убежище приют',
    '庇护所 shelter',
    'مأوى',
    'ñ',
    '0',
    '99999',
    '<script>alert(1)</script>',
    '%00',
    'constructor',
    '__proto__ toString',
  ];

  it('returns results or nothing, never throws', () => {
    for (const q of odd) {
      const hits = index.search(q);
      assert.ok(Array.isArray(hits), q.slice(0, 20));
      for (const h of hits) assert.ok(h.score > 0 && h.score <= 1);
    }
    assert.ok(ids('shelter 🏠').length > 0);
    assert.ok(ids('庇护所 shelter').length > 0);
  });

  it('survives odd options', () => {
    const weird: SearchOptions[] = [
      { limit: 0 },
      { limit: -5 },
      { limit: Number.NaN },
      { limit: 1e9 },
      { near: { lat: 999, lon: 0 } },
      { near: { postalCode: 'abc' } },
      { radiusKm: -1, near: { lat: 30, lon: -95 } },
      { categories: [] },
      { categories: ['no-such-thing'] },
      { languages: ['xx'] },
      { openAt: new Date('nope') },
      { sort: 'distance' },
    ];
    for (const opts of weird) assert.ok(Array.isArray(index.search('shelter', opts)), JSON.stringify(opts));
    assert.equal(index.search('shelter', { limit: 1 }).length, 1);
    assert.equal(index.search('shelter', { limit: 0 }).length, 1);
    assert.deepEqual(index.search('shelter', { categories: ['no-such-thing'] }), []);
    // A non-string from a careless JavaScript caller is an empty query.
    assert.deepEqual(index.search(undefined as unknown as string), []);
  });

  it('never changes the services it indexes', () => {
    const frozen = deepFreeze(structuredClone(directory));
    const before = structuredClone(frozen);
    const own = createServiceIndex(frozen);
    for (const q of ['shelter in tucson', 'abogado', 'I need help now', ''])
      own.search(q, { near: { postalCode: '85701' }, limit: 50 });
    assert.deepEqual(frozen, before);
    assert.equal(
      own.search('shelter')[0]!.service,
      frozen.find((s) => s.id === own.search('shelter')[0]!.service.id),
    );
  });

  it('handles an empty directory and services with few fields', () => {
    assert.deepEqual(createServiceIndex([]).search('shelter'), []);
    const bare: Service = {
      id: 'x',
      name: 'Bare Shelter',
      organization: { id: 'o', name: 'O' },
      description: '',
      categories: [],
      languages: [],
      phones: [],
      locations: [],
    };
    assert.equal(createServiceIndex([bare]).search('shelter')[0]?.service.id, 'x');
  });
});

describe('saved index', () => {
  it('restores from JSON with identical results', () => {
    const json = JSON.stringify(index.toJSON());
    const restored = loadServiceIndex(JSON.parse(json), directory, { vocabularies: allVocabularies });
    for (const q of ['shleter', 'abogado en el paso', 'I need help now', 'legal aid 85701']) {
      assert.deepEqual(
        restored.search(q).map((h) => [h.service.id, h.score]),
        index.search(q).map((h) => [h.service.id, h.score]),
      );
    }
    assert.deepEqual(
      loadServiceIndex(json, directory, { vocabularies: allVocabularies })
        .search('refugio')
        .map((h) => h.service.id),
      ids('refugio'),
    );
  });

  it('rebuilds when the saved index does not fit the services', () => {
    const saved = index.toJSON();
    const others = directory.slice(0, 20);
    assert.deepEqual(
      loadServiceIndex(saved, others)
        .search('shelter')
        .map((h) => h.service.id),
      createServiceIndex(others)
        .search('shelter')
        .map((h) => h.service.id),
    );
    const tampered = { ...saved, postings: saved.postings.map((p) => p.map(() => 1e9)) };
    assert.deepEqual(
      loadServiceIndex(tampered, directory, { vocabularies: allVocabularies })
        .search('shelter')
        .map((h) => h.service.id),
      ids('shelter'),
    );
    assert.ok(Array.isArray(loadServiceIndex('{not json', directory).search('shelter')));
  });
});
