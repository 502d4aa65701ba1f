// How a BCP 47 tag settles on one of the ten languages: the widgets and the server both go through this.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LANGUAGES, languageCandidates, matchLanguage, primarySubtag } from '@referral-kit/sdk';

describe('languages', () => {
  it('are the ten, English first', () => {
    assert.deepEqual(LANGUAGES, ['en', 'es', 'zh-Hans', 'vi', 'ko', 'tl', 'ar', 'ru', 'ht', 'fr']);
  });

  it('drop subtags from the end, case-insensitively; any Chinese reads Simplified; Filipino reads Tagalog', () => {
    const cases: [string | undefined, string | undefined][] = [
      ['es-MX', 'es'],
      ['ES', 'es'],
      ['zh-Hans', 'zh-Hans'],
      ['zh-hans-CN', 'zh-Hans'],
      ['zh-CN', 'zh-Hans'],
      ['zh-TW', 'zh-Hans'],
      ['zh', 'zh-Hans'],
      ['fil', 'tl'],
      ['fil-PH', 'tl'],
      ['tl', 'tl'],
      ['ar-EG', 'ar'],
      ['ht-HT', 'ht'],
      ['pt-BR', undefined],
      ['', undefined],
      [undefined, undefined],
    ];
    for (const [tag, expected] of cases) assert.equal(matchLanguage(tag, LANGUAGES), expected, String(tag));
    assert.deepEqual(languageCandidates('es-MX'), ['es-mx', 'es']);
  });

  it('have a primary subtag, lower-case, empty for no tag', () => {
    assert.equal(primarySubtag('es-MX'), 'es');
    assert.equal(primarySubtag('zh-Hans'), 'zh');
    assert.equal(primarySubtag(' FIL '), 'fil');
    assert.equal(primarySubtag(undefined), '');
  });

  it('choose only among what is available', () => {
    assert.equal(matchLanguage('ht', ['en', 'es', 'fr']), undefined);
    assert.equal(matchLanguage('zh-TW', ['en', 'zh-Hans']), 'zh-Hans');
    assert.equal(matchLanguage('es-419', ['en', 'es']), 'es');
  });
});
