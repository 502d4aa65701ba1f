// The custody guide in every language: the same statuses, topics and phone numbers as English, nothing left empty or
// untranslated, within the contract's limits, and the README honest about which languages nobody has reviewed yet.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as z from 'zod/v4/mini';
import { CustodyGuide, CustodyStatus } from '@referral-kit/sdk';
import {
  GUIDE_LANGUAGES,
  VOICE_LINE,
  custodyGuide,
  custodyGuideText,
  type GuideText,
} from '@referral-kit/sdk/custody-guide';

const en = custodyGuideText('en');

/** Every visitor-facing string of a guide, by a path that is the same in every language. */
function texts(guide: GuideText): Map<string, string> {
  const out = new Map<string, string>();
  for (const [status, explained] of Object.entries(guide.statuses)) {
    for (const [part, text] of Object.entries(explained)) out.set(`${status}.${part}`, text);
  }
  for (const topic of guide.topics) {
    out.set(`${topic.id}.title`, topic.title);
    out.set(`${topic.id}.body`, topic.body);
  }
  return out;
}

/** What must survive translation unchanged: phone numbers (911, the VOICE line) and `{placeholders}`. */
const fixed = (text: string) => [...text.matchAll(/\d[\d-]*\d|\d|\{[^}]*\}/g)].map((m) => m[0]).sort();

/** A letter of each language's own script, so a field left in English shows. */
const SCRIPT: Record<string, RegExp> = {
  zh: /\p{Script=Han}/u,
  ko: /\p{Script=Hangul}/u,
  ar: /\p{Script=Arabic}/u,
  ru: /\p{Script=Cyrillic}/u,
};

describe('custody guide languages', () => {
  it('covers every UI language, each in its own language; other tags get English', () => {
    assert.deepEqual(GUIDE_LANGUAGES, ['en', 'es', 'zh', 'vi', 'ko', 'tl', 'ar', 'ru', 'ht', 'fr']);
    for (const tag of ['en', 'es', 'zh-Hans', 'vi', 'ko', 'tl', 'ar', 'ru', 'ht', 'fr']) {
      assert.equal(custodyGuideText(tag).language, tag.split('-')[0], tag);
    }
    for (const tag of ['zh', 'zh-Hans', 'zh-CN', 'zh-Hans-US', 'zh-Hant', 'ZH-tw'])
      assert.equal(custodyGuideText(tag).language, 'zh', tag);
    assert.equal(custodyGuideText('fr-CA').language, 'fr');
    assert.equal(custodyGuideText('vi-VN').statuses.escaped, custodyGuideText('vi').statuses.escaped);
    for (const tag of ['de', 'pt-BR', '', undefined]) assert.equal(custodyGuideText(tag).language, 'en', String(tag));
  });

  for (const language of GUIDE_LANGUAGES) {
    it(`${language}: every status and topic of English, nothing empty, numbers and placeholders as in English`, () => {
      const guide = custodyGuideText(language);
      assert.equal(guide.language, language);
      assert.deepEqual(Object.keys(guide.statuses), CustodyStatus.options, "every status, in the enum's order");
      assert.deepEqual(
        guide.topics.map((t) => t.id),
        en.topics.map((t) => t.id),
      );
      const english = texts(en);
      const translated = texts(guide);
      assert.deepEqual([...translated.keys()], [...english.keys()], 'the same parts for every status and topic');
      for (const [path, text] of translated) {
        const source = english.get(path)!;
        assert.ok(text.trim().length > 0, `${language} ${path} is empty`);
        assert.equal(text, text.trim(), `${language} ${path} has stray spaces`);
        assert.deepEqual(
          fixed(text),
          fixed(source),
          `${language} ${path}: phone numbers and placeholders as in English`,
        );
        assert.equal(
          text.includes(VOICE_LINE),
          source.includes(VOICE_LINE),
          `${language} ${path}: the VOICE line where English has it`,
        );
        if (source.includes(VOICE_LINE))
          assert.ok(text.includes('VOICE'), `${language} ${path}: the VOICE line by name`);
        if (language !== 'en') assert.notEqual(text, source, `${language} ${path} is still English`);
        if (SCRIPT[language]) assert.match(text, SCRIPT[language], `${language} ${path} is in its script`);
      }
      const served = z.safeParse(CustodyGuide, custodyGuide(language, '2026-11-29T09:30:00.000Z'));
      assert.ok(served.success, `${language} fits the contract's limits`);
      assert.equal('reviewed' in served.data, false, 'review status is for editors, not served');
    });
  }

  it('English is reviewed, and the README lists exactly the languages that are not', () => {
    assert.equal(en.reviewed, true);
    const unreviewed = GUIDE_LANGUAGES.filter((language) => !custodyGuideText(language).reviewed);
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const listed = /Not yet reviewed \([^)]*\): ([a-z, ]+)\./.exec(readme.replace(/\s+/g, ' '))?.[1]?.split(', ');
    assert.deepEqual(listed, unreviewed);
  });
});
