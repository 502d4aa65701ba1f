// Each language's search vocabulary on its own, as a page that loaded only that language (and the built-in English)
// searches: a cry for help raises the crisis flag (the "Get help now" panel), a category word finds the category,
// marks or typos do not matter, and a query in the language finds the English-described service whose staff speak it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Service } from '@referral-kit/sdk';
import { createDirectoryIndex, searchDirectory, type Vocabulary } from '@referral-kit/sdk/search';
import { ar, en, es, fr, ht, ko, ru, tl, vi, zh } from '@referral-kit/sdk/vocabulary';

const NOW = new Date('2026-11-30T16:00:00Z');

/** English-described services only: whatever a visitor types in another language reaches them through categories. */
function service(id: string, categories: string[], languages: string[], open24x7 = false): Service {
  return {
    id,
    name: `Service ${id}`,
    organization: { id: `org-${id}`, name: `Organization ${id}` },
    description: 'Free and confidential support for victims of crime.',
    categories,
    languages,
    phones: [{ number: '(713) 555-0100', type: 'voice', languages }],
    locations: [{ city: 'Houston', state: 'TX', lat: 29.76, lon: -95.37, confidential: false }],
    ...(open24x7 ? { schedule: { open24x7: true, timezone: 'America/Chicago', hours: [] } } : {}),
  };
}

const OTHER_LANGUAGES = ['es', 'zh', 'vi', 'ko', 'tl', 'ar', 'ru', 'ht', 'fr'];
// "0-english-shelter" comes first in id order, so a shelter that speaks the visitor's language must earn its place.
const services: Service[] = [
  service('0-english-shelter', ['shelter'], ['en']),
  ...OTHER_LANGUAGES.map((lang) => service(`shelter-${lang}`, ['shelter'], ['en', lang])),
  service('legal-aid', ['legal-aid'], ['en']),
  service('counseling', ['counseling'], ['en']),
  service('hotline', ['hotline', 'domestic-violence', 'counseling'], ['en'], true),
];

interface LanguageCase {
  vocabulary: Vocabulary;
  /** Danger, self-harm or urgency, typed as a visitor would (some with a typo). */
  crisis: string[];
  /** Asks for a lawyer. */
  legal: string;
  /** The same shelter query written with and without its marks (or misspelled, segmented or with a particle). */
  variants: [string, string];
  /** Asks for a shelter in the language: the shelter that speaks it comes first. */
  shelter: string;
}

const CASES: LanguageCase[] = [
  {
    vocabulary: en,
    crisis: ['my ex is outside my door and im terified', 'i want to end my life'],
    legal: 'i need a free lawyer',
    variants: ['somewhere safe to stay', 'somewere safe to stay'],
    shelter: 'a place to sleep tonight',
  },
  {
    vocabulary: es,
    crisis: ['mi esposo me va a matar', 'estoy en pelijro', 'ya no quiero vivir'],
    legal: 'necesito una abogada',
    variants: ['alojamiento de emergencia', 'ALOJAMIENTO DE EMERGÉNCIA'],
    shelter: 'busco un albergue',
  },
  {
    vocabulary: zh,
    crisis: ['他说要杀我', '我不想活了'],
    legal: '我想找免费律师',
    variants: ['我需要庇护所', '我 需要 庇护所'],
    shelter: '哪里有安全屋',
  },
  {
    vocabulary: vi,
    crisis: ['chồng tôi dọa giết tôi', 'toi muon chet'],
    legal: 'tôi cần luật sư',
    variants: ['nơi trú ẩn', 'noi tru an'],
    shelter: 'tôi cần nhà an toàn',
  },
  {
    vocabulary: ko,
    crisis: ['남편이 죽이겠다고 해요', '죽고 싶어요'],
    legal: '무료 변호사가 필요해요',
    variants: ['쉼터', '쉼터를'],
    shelter: '보호시설을 찾아요',
  },
  {
    vocabulary: tl,
    crisis: ['natatakot ako, papatayin ako ng asawa ko', 'gusto ko nang mamatay'],
    legal: 'libreng abogado',
    variants: ['kanlungan', 'kanlongan'],
    shelter: 'kailangan ko ng matutuluyan',
  },
  {
    vocabulary: ar,
    crisis: ['زوجي يهددني', 'أريد أن أموت'],
    legal: 'أحتاج محامية',
    variants: ['مَلْجَأ', 'ملجا'],
    shelter: 'أبحث عن مكان آمن',
  },
  {
    vocabulary: ru,
    crisis: ['мне очень страшно', 'не хочу жить'],
    legal: 'нужен бесплатный адвокат',
    variants: ['безопасное место', 'безопастное место'],
    shelter: 'где переночевать',
  },
  {
    vocabulary: ht,
    crisis: ['mwen pè, li vle touye m', 'mwen vle mouri'],
    legal: 'mwen bezwen yon avoka gratis',
    variants: ['kote pou m dòmi', 'kote pou m domi'],
    shelter: 'mwen bezwen yon refij',
  },
  {
    vocabulary: fr,
    crisis: ['au secours il a une arme', 'j’ai envie de mourir'],
    legal: 'je cherche un avocat gratuit',
    variants: ['hébergement d’urgence', 'hebergement d urgence'],
    shelter: 'un foyer pour dormir ce soir',
  },
];

const firstCategories = (page: { items: Array<{ service: Service }> }) => page.items[0]?.service.categories ?? [];
const ids = (page: { items: Array<{ service: Service }> }) => page.items.map((h) => h.service.id);

describe('every language’s vocabulary, on its own', () => {
  it('covers the ten languages of the widgets', () => {
    assert.deepEqual(CASES.map((c) => c.vocabulary.lang).sort(), ['en', ...OTHER_LANGUAGES].sort());
  });

  for (const { vocabulary, crisis, legal, variants, shelter } of CASES) {
    const lang = vocabulary.lang;
    const vocabularies = lang === 'en' ? [en] : [en, vocabulary];
    const index = createDirectoryIndex(services, { vocabularies });
    const search = (q: string) => searchDirectory(index, { q }, NOW);

    describe(lang, () => {
      it('reads a cry for help as a crisis (the "Get help now" panel), with 24/7 lines first', () => {
        for (const q of crisis) {
          const page = search(q);
          assert.equal(page.crisis, true, q);
          assert.equal(ids(page)[0], 'hotline', q);
        }
        assert.equal(search(legal).crisis, false, legal);
      });

      it('finds the category a word means', () => {
        assert.ok(firstCategories(search(legal)).includes('legal-aid'), legal);
        if (lang !== 'en') {
          // Without this language's words, the same query finds no lawyer: the vocabulary is what found it.
          const englishOnly = createDirectoryIndex(services, { vocabularies: [en] });
          assert.ok(!firstCategories(searchDirectory(englishOnly, { q: legal }, NOW)).includes('legal-aid'), legal);
        }
      });

      it('matches with and without marks (or a typo, spaces, a particle)', () => {
        const [written, plain] = variants.map((q) => ids(search(q)));
        assert.ok(written!.length > 0, variants[0]);
        assert.deepEqual(plain, written, variants[1]);
        assert.ok(firstCategories(search(variants[1])).includes('shelter'), variants[1]);
      });

      if (lang !== 'en')
        it('finds the English-described shelter whose staff speak it first', () => {
          assert.equal(ids(search(shelter))[0], `shelter-${lang}`, shelter);
        });
      else
        it('finds a shelter in everyday words', () => {
          assert.ok(firstCategories(search(shelter)).includes('shelter'), shelter);
        });
    });
  }
});
