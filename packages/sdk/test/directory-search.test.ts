// searchDirectory: GET /v1/services from an index, the adapter the server, the mocks and the in-page search share.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createDirectoryIndex, isOpenAt, searchDirectory } from '@referral-kit/sdk/search';
import { allVocabularies } from '@referral-kit/sdk/vocabulary';
import { directory } from './fixtures/judged-queries.js';

const index = createDirectoryIndex(directory, { vocabularies: allVocabularies });
// Sunday 29 Nov 2026, 03:00 in Houston: only round-the-clock services are open.
const NIGHT = new Date('2026-11-29T09:00:00Z');
const ids = (page: { items: Array<{ service: { id: string } }> }) => page.items.map((h) => h.service.id);

describe('searchDirectory', () => {
  it('pages the ranked results, counting them all in total, 20 to a page unless asked', () => {
    const first = searchDirectory(index, { q: 'shelter' }, NIGHT);
    assert.equal(first.pageSize, 20);
    assert.equal(first.page, 1);
    assert.ok(first.total > 20, String(first.total));
    const second = searchDirectory(index, { q: 'shelter', page: 2, pageSize: 20 }, NIGHT);
    assert.deepEqual(
      [...ids(first), ...ids(second)],
      ids(searchDirectory(index, { q: 'shelter', pageSize: 40 }, NIGHT)),
    );
    assert.equal(second.total, first.total);
  });

  it("hands out services and distances only, never the engine's scores or explanations", () => {
    const page = searchDirectory(index, { q: 'legal aid', postalCode: '85201' }, NIGHT);
    assert.ok(page.items.length > 0);
    for (const hit of page.items)
      assert.deepEqual(Object.keys(hit).sort(), hit.distanceKm === undefined ? ['service'] : ['distanceKm', 'service']);
    assert.ok(page.items.some((h) => typeof h.distanceKm === 'number'));
  });

  it('judges "open now" at the given moment, and browses round-the-clock services with no words', () => {
    const open = searchDirectory(index, { openNow: true, pageSize: 100 }, NIGHT);
    assert.ok(open.total > 0 && open.items.every((h) => isOpenAt(h.service.schedule, NIGHT)));
    const monday = searchDirectory(index, { openNow: true, pageSize: 100 }, new Date('2026-11-30T16:00:00Z'));
    assert.ok(monday.total > open.total, `${monday.total} open on Monday morning, ${open.total} on Sunday night`);
    const allDay = searchDirectory(index, { open24x7: true, pageSize: 100 }, NIGHT);
    assert.ok(allDay.total > 0 && allDay.total < directory.length);
    assert.ok(allDay.items.every((h) => h.service.schedule?.open24x7));
  });

  it('browses by category or language: exactly the services they name, in id order, the other filter applied', () => {
    const speaks = (s: (typeof directory)[number], code: string) =>
      s.languages.includes(code) || s.phones.some((p) => p.languages.includes(code));
    const expected = (keep: (s: (typeof directory)[number]) => boolean) =>
      directory
        .filter(keep)
        .map((s) => s.id)
        .sort();
    const browse = (query: Parameters<typeof searchDirectory>[1]) =>
      ids(searchDirectory(index, { ...query, pageSize: 100 }, NIGHT));
    assert.deepEqual(
      browse({ category: ['legal-aid'], language: ['es'] }),
      expected((s) => s.categories.includes('legal-aid') && speaks(s, 'es')),
    );
    assert.deepEqual(
      browse({ category: ['shelter', 'stalking'] }),
      expected((s) => s.categories.includes('shelter') || s.categories.includes('stalking')),
    );
    assert.deepEqual(
      browse({ language: ['vi'] }),
      expected((s) => speaks(s, 'vi')),
    );
    assert.ok(browse({ language: ['vi'] }).length > 0);
    assert.deepEqual(browse({ category: ['no-such-category'] }), []);
  });

  it('prefers a point to a ZIP code, and drops located services outside the radius', () => {
    const near = searchDirectory(
      index,
      { q: 'shelter', lat: 29.76, lon: -95.37, postalCode: '85701', radiusKm: 25, pageSize: 100 },
      NIGHT,
    );
    const located = near.items.filter((h) => h.distanceKm !== undefined);
    assert.ok(located.length > 0 && located.every((h) => h.distanceKm! <= 25));
    assert.ok(located.some((h) => h.service.locations.some((l) => l.city === 'Houston')));
  });

  it('says whether the words are a cry for help, also when nothing matches them', () => {
    assert.equal(searchDirectory(index, { q: 'he has a gun' }, NIGHT).crisis, true);
    assert.equal(searchDirectory(index, { q: 'legal aid' }, NIGHT).crisis, false);
    assert.deepEqual(searchDirectory(index, {}, NIGHT), { items: [], total: 0, page: 1, pageSize: 20, crisis: false });
  });

  it('ranks the same whatever order the services come in', () => {
    const reversed = createDirectoryIndex([...directory].reverse(), { vocabularies: allVocabularies });
    for (const q of ['shelter', 'counseling', 'abogado', 'he has a gun']) {
      assert.deepEqual(
        ids(searchDirectory(reversed, { q, pageSize: 100 }, NIGHT)),
        ids(searchDirectory(index, { q, pageSize: 100 }, NIGHT)),
        q,
      );
    }
  });
});
