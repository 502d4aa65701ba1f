// DOM-free parts of the widgets: link building, catalogs, formatting and the directory's data sources.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ReferralClient } from '@referral-kit/sdk';
import { generateFixtures } from '@referral-kit/mocks';
import { directionsHref, httpsHref, mailtoHref, smsHref, telHref } from '../src/internal/safe-links.js';
import {
  chooseSource,
  enableLocalSearch,
  LOCAL_SEARCH_MAX_SERVICES,
  RESULT_LIMIT,
  type DirectoryQuery,
} from '../src/internal/directory-source.js';
import { localSource } from '../src/internal/local-source.js';
import { formatMiles, timeAgo } from '../src/internal/format.js';
import { catalogFor, registerCatalog, registeredLanguages } from '../src/i18n/index.js';
import { callbackCatalogFor } from '../src/i18n/callback.js';
import { languageLoading, setLanguageLoader, type LanguagePack } from '../src/i18n/registry.js';
import en from '../src/i18n/en.js';
// The static language modules a bundler user imports to build a language in.
import '../src/i18n/es.js';
import '../src/i18n/ar.js';
import { BUILT_IN_HOTLINES, fromApi, mergeHotlines } from '../src/internal/hotlines.js';

describe('safe links', () => {
  it('keeps only absolute https: URLs without credentials', () => {
    assert.equal(httpsHref('https://example.org/help?a=1'), 'https://example.org/help?a=1');
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>1</script>',
      'http://example.org',
      'https://user:pw@example.org',
      '/relative',
      'not a url',
      '',
      undefined,
    ]) {
      assert.equal(httpsHref(bad), undefined, String(bad));
    }
  });

  it('builds tel: and sms: links from dialable numbers only', () => {
    assert.equal(telHref('1-800-799-7233'), 'tel:18007997233');
    assert.equal(telHref('+1 (713) 555-0100 ext. 12'), 'tel:+17135550100,12');
    assert.equal(telHref('988'), 'tel:988');
    assert.equal(telHref('javascript:alert(1)'), undefined);
    assert.equal(telHref('12'), undefined);
    assert.equal(smsHref('88788', 'START'), 'sms:88788?&body=START');
    assert.equal(smsHref('713 555 0100 x 5'), undefined);
  });

  it('builds mailto: only for valid addresses', () => {
    assert.equal(mailtoHref('Help@Example.org'), 'mailto:help@example.org');
    for (const bad of ['a@b.org?bcc=x@y.org', 'javascript:a@b.org', 'no-at-sign', '<a@b.org>'])
      assert.equal(mailtoHref(bad), undefined, bad);
  });

  it('gives directions to public places only', () => {
    assert.equal(directionsHref({ confidential: true, city: 'Tucson' }), undefined);
    assert.equal(directionsHref({ confidential: false }), undefined);
    assert.match(
      directionsHref({ confidential: false, lat: 29.76, lon: -95.37 })!,
      /^https:\/\/www\.google\.com\/maps\/search\/\?api=1&query=29\.76%2C-95\.37$/,
    );
    assert.match(
      directionsHref({ confidential: false, address: '1 Main St', city: 'Houston', state: 'TX' })!,
      /query=1%20Main%20St%2C%20Houston%2C%20TX$/,
    );
  });
});

describe('catalogs', () => {
  it('fall back from a regional tag to its language, then to English', () => {
    assert.equal(catalogFor('es-MX').lang, 'es');
    assert.equal(catalogFor('AR').dir, 'rtl');
    assert.equal(catalogFor('fr').lang, 'en');
    assert.equal(catalogFor(undefined).lang, 'en');
    assert.deepEqual(registeredLanguages().slice(0, 3).sort(), ['ar', 'en', 'es']);
  });

  it('take a new language from one catalog object', () => {
    registerCatalog({ ...en, lang: 'de', retry: 'Erneut versuchen' });
    assert.equal(catalogFor('de-AT').retry, 'Erneut versuchen');
  });

  it('use each language’s plural rules', () => {
    assert.equal(catalogFor('en').directory.results(1), '1 service found.');
    assert.equal(catalogFor('es').directory.results(2), 'Se encontraron 2 servicios.');
    assert.equal(catalogFor('ar').directory.results(2), 'تم العثور على خدمتين.');
    assert.equal(catalogFor('ar').directory.results(5), 'تم العثور على 5 خدمات.');
  });

  it("carry the callback request's strings with the language", () => {
    assert.equal(callbackCatalogFor('es-US').submit, 'Pedir que me llamen');
    assert.equal(callbackCatalogFor('de').submit, 'Ask for a callback');
  });

  it('wait for a language the loader fetches, once per language; a failed one is English for good', async () => {
    const asked: string[] = [];
    const packs: Record<string, LanguagePack | undefined> = {
      'xx-Yyyy': { catalog: { ...en, lang: 'xx-Yyyy', retry: 'Xx' } },
    };
    setLanguageLoader(['xx-Yyyy', 'zz'], async (lang) => {
      asked.push(lang);
      if (lang === 'zz') throw new Error('offline');
      return packs[lang];
    });
    assert.equal(languageLoading('en'), undefined, 'English is never waited for');
    assert.equal(languageLoading('es'), undefined, 'a registered language is not fetched');
    assert.equal(languageLoading('qq'), undefined, 'nor one the loader does not offer');
    assert.ok(registeredLanguages().includes('xx-Yyyy'), 'a loadable language is offered before it is fetched');

    const waiting = languageLoading('XX-yyyy-ZZ');
    assert.equal(languageLoading('xx-yyyy'), waiting, 'one fetch per language');
    assert.equal(catalogFor('xx-Yyyy').lang, 'en', 'English until it arrives');
    await waiting;
    assert.equal(catalogFor('xx-yyyy').retry, 'Xx');
    assert.equal(languageLoading('xx-Yyyy'), undefined);

    await languageLoading('zz');
    assert.equal(catalogFor('zz').lang, 'en');
    assert.equal(languageLoading('zz'), undefined, 'not fetched again');
    assert.deepEqual(asked, ['xx-Yyyy', 'zz']);
  });
});

describe('formatting', () => {
  it('shows miles and relative times in the visitor’s language', () => {
    assert.equal(formatMiles('en', 16.09344), '10 mi');
    assert.equal(formatMiles('en', 3.2), '2 mi');
    assert.equal(timeAgo('en', '2026-11-28T09:00:00Z', new Date('2026-11-28T12:00:00Z')), '3 hours ago');
    assert.equal(timeAgo('es', '2026-11-27T12:00:00Z', new Date('2026-11-28T12:00:00Z')), 'ayer');
  });
});

describe('directory sources', () => {
  const { services } = generateFixtures({ services: 150, custody: 1 });
  const query = (over: Partial<DirectoryQuery> = {}): DirectoryQuery => ({
    text: '',
    categories: [],
    languages: [],
    openNow: false,
    open24x7: false,
    ...over,
  });
  const signal = new AbortController().signal;
  const clock = () => new Date('2026-11-30T15:00:00Z');

  it('searches a snapshot locally with the SDK engine', async () => {
    const source = localSource(services, clock);
    const answer = await source.search(query({ text: 'shelter' }), signal);
    assert.equal(answer.mode, 'local');
    assert.ok(answer.hits.length > 0 && answer.hits.length <= RESULT_LIMIT);
    assert.ok(answer.total >= answer.hits.length);
    const allDay = await source.search(query({ text: 'shelter', open24x7: true }), signal);
    assert.ok(allDay.hits.every((h) => h.service.schedule?.open24x7));
    const spanish = await source.search(query({ languages: ['es'] }), signal);
    assert.ok(spanish.hits.length > 0 && spanish.hits.every((h) => h.service.languages.includes('es')));
  });

  /** A client double that records which endpoints were asked. */
  function fakeClient(total: number) {
    const calls: string[] = [];
    const client = {
      services: {
        search: async (q: { pageSize?: number }) => {
          calls.push(`search:${q.pageSize}`);
          return { items: [], total, page: 1, pageSize: q.pageSize ?? 20 };
        },
        snapshot: async () => {
          calls.push('snapshot');
          return {
            notModified: false,
            etag: undefined,
            snapshot: { version: '1', generatedAt: '2026-11-28T12:00:00Z', services },
          };
        },
      },
    } as unknown as ReferralClient;
    return { client, calls };
  }

  it('auto: snapshot for a small directory, server search above the threshold', async () => {
    const small = fakeClient(LOCAL_SEARCH_MAX_SERVICES);
    assert.equal(
      (await (await chooseSource(small.client, 'auto', signal, clock)).search(query({ text: 'legal' }), signal)).mode,
      'local',
    );
    assert.deepEqual(small.calls, ['search:1', 'snapshot']);
    const large = fakeClient(LOCAL_SEARCH_MAX_SERVICES + 1);
    assert.equal(
      (await (await chooseSource(large.client, 'auto', signal, clock)).search(query({ text: 'legal' }), signal)).mode,
      'server',
    );
    assert.deepEqual(large.calls, ['search:1', `search:${RESULT_LIMIT}`]);
  });

  it('without the local-search module in the build, every mode searches on the server', async () => {
    enableLocalSearch(undefined);
    try {
      const small = fakeClient(3);
      assert.equal(
        (await (await chooseSource(small.client, 'auto', signal, clock)).search(query(), signal)).mode,
        'server',
      );
      assert.equal(
        (await (await chooseSource(small.client, 'local', signal, clock)).search(query(), signal)).mode,
        'server',
      );
      assert.deepEqual(small.calls, [`search:${RESULT_LIMIT}`, `search:${RESULT_LIMIT}`]);
    } finally {
      enableLocalSearch(localSource);
    }
  });

  it('local and server modes skip the size probe', async () => {
    const local = fakeClient(50_000);
    await chooseSource(local.client, 'local', signal, clock);
    assert.deepEqual(local.calls, ['snapshot']);
    const server = fakeClient(1);
    await chooseSource(server.client, 'server', signal, clock);
    assert.deepEqual(server.calls, []);
  });
});

describe('hotlines', () => {
  it('adds the API lines the built-in ones lack, and keeps built-in lines (translated) first', () => {
    const api = fromApi(generateFixtures().hotlines);
    const merged = mergeHotlines(BUILT_IN_HOTLINES, api);
    assert.deepEqual(merged.slice(0, BUILT_IN_HOTLINES.length), BUILT_IN_HOTLINES);
    const added = merged.slice(BUILT_IN_HOTLINES.length).map((h) => h.id);
    assert.ok(added.includes('human-trafficking'), 'a line only the API knows is added');
    assert.ok(added.includes('ndvh-tty'), 'a TTY line is not the same line as a voice line with other digits');
    for (const duplicate of [
      'ndvh-voice',
      'ndvh-text',
      'rainn',
      '988-voice',
      '988-text',
      'dhs-voice',
      'vine-support',
    ]) {
      assert.ok(!added.includes(duplicate), `${duplicate} is already built in (same number and type)`);
    }
  });

  it('leaves out fax lines and keeps the built-in list when the API adds nothing', () => {
    assert.deepEqual(
      fromApi([
        {
          id: 'f',
          name: 'Fax',
          number: '1-555-0100',
          type: 'fax',
          description: '',
          languages: [],
          available24x7: false,
        },
      ]),
      [],
    );
    assert.equal(mergeHotlines(BUILT_IN_HOTLINES, []), BUILT_IN_HOTLINES);
  });
});
