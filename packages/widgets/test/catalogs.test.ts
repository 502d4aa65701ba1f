// Every language's catalog and callback strings have every key English has, the same placeholders, plural forms for
// every count, and a `reviewed` flag; nothing is left in English by mistake.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import en from '../src/i18n/en.js';
import { callbackCatalogFor } from '../src/i18n/callback.js';
import type { LanguagePack } from '../src/i18n/registry.js';

/** Stands in for a placeholder argument; numbers' plural rules read it as "other". */
const MARK = '⟦arg⟧';
const COUNTS = [0, 1, 2, 3, 4, 5, 11, 21, 22, 101];

/** Every leaf of a catalog by path; a function is called with MARK. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (typeof value === 'function') return [[path, value]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => leaves(inner, `${path}.${key}`));
  return [[path, value]];
}

const TAGS = readdirSync(new URL('../src/i18n/lang/', import.meta.url)).map((file) => file.replace(/\.ts$/, ''));
const englishCallback = callbackCatalogFor('en');

describe('catalogs', () => {
  it('the ten languages are there', () => {
    assert.deepEqual([...TAGS, 'en'].sort(), ['ar', 'en', 'es', 'fr', 'ht', 'ko', 'ru', 'tl', 'vi', 'zh-Hans']);
  });

  for (const tag of TAGS) {
    describe(tag, () => {
      const load = async () => (await import(`../src/i18n/lang/${tag}.ts`)) as Required<LanguagePack>;

      it('has every key of English, with the same kind of value and placeholders', async () => {
        const pack = await load();
        assert.equal(pack.catalog.lang, tag);
        assert.equal(typeof pack.catalog.reviewed, 'boolean');
        for (const [english, mine] of [
          [en, pack.catalog],
          [englishCallback, pack.callback],
        ] as const) {
          const theirs = new Map(leaves(mine));
          assert.deepEqual(
            [...theirs.keys()].sort(),
            leaves(english)
              .map(([key]) => key)
              .sort(),
            `${tag}: the same keys`,
          );
          for (const [key, value] of leaves(english)) {
            const translated = theirs.get(key);
            assert.equal(typeof translated, typeof value, `${tag}${key}`);
            if (typeof value !== 'function') continue;
            const out = (translated as (arg: unknown) => string)(MARK);
            const expected = (value as (arg: unknown) => string)(MARK).includes(MARK);
            assert.equal(out.includes(MARK), expected, `${tag}${key} keeps its placeholder: ${out}`);
          }
        }
      });

      it('counts read right for every plural form (Intl.PluralRules)', async () => {
        const { catalog } = await load();
        // "Press n more times" is never said for 0.
        const counted = [
          [catalog.directory.results, COUNTS],
          [catalog.directory.chosen, COUNTS],
          [catalog.lookup.results, COUNTS],
          [catalog.exit.pressMore, COUNTS.filter((n) => n > 0)],
        ] as const;
        for (const [say, counts] of counted) {
          for (const n of counts) {
            const text = say(n);
            assert.ok(text && !text.includes('#') && !text.includes('undefined'), `${tag}: ${text}`);
            if (n > 0) assert.ok(text.includes(String(n)) || catalog.dir === 'rtl', `${tag}: ${n} in "${text}"`);
          }
        }
      });

      it('leaves nothing in English but names and numbers', async () => {
        const { catalog, callback } = await load();
        const english = new Map([
          ...leaves(en),
          ...leaves(englishCallback).map(([k, v]) => [`cb${k}`, v] as [string, unknown]),
        ]);
        const same = [...leaves(catalog), ...leaves(callback).map(([k, v]) => [`cb${k}`, v] as [string, unknown])]
          .filter(([key, value]) => typeof value === 'string' && value === english.get(key))
          // Proper names, acronyms and strings without words are the same in every language.
          // National lines' names are proper names a catalog may keep (Tagalog speakers know them in English).
          .filter(
            ([key, value]) =>
              !/^\.(lang|dir)$|^\.hotlines\.items\.\w+\.0$/.test(key) &&
              !/^(TTY|Email|Website|Hotline|Stalking|Immigration|Filters|Suggestions|Distance)$/.test(value as string),
          )
          .map(([key]) => key);
        assert.deepEqual(same, [], `${tag}: strings left in English`);
      });
    });
  }
});
