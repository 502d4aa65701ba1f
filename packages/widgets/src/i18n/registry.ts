// Catalog registry. English is built in; every other language (lang/*.ts) arrives either
// statically (`import '@referral-kit/widgets/i18n/es'`, or a partner's `registerCatalog`) or on demand through the
// loader the entry point installs (script files with SRI in the embed, dynamic imports in the package root).
// Lookups drop subtags from the end ("es-MX" → "es"; "zh-CN" → "zh-Hans", "fil" → "tl" too), then fall back to English.
import { languageCandidates } from '@referral-kit/sdk';
import type { Vocabulary } from '@referral-kit/sdk/search';
import type { CallbackCatalog } from './callback.js';
import en, { type Catalog } from './en.js';

export type { Catalog };

/**
 * Everything the widgets need in one language: the main catalog, the callback request's strings and the words the
 * in-page search understands in it (English's are built into the engine).
 */
export interface LanguagePack {
  catalog: Catalog;
  callback?: CallbackCatalog;
  vocabulary?: Vocabulary;
}

/** Fetches one language's pack (resolving to nothing when it cannot); `lang` is one of the loader's tags. */
export type LanguageLoader = (lang: string) => Promise<LanguagePack | undefined>;

const packs = new Map<string, LanguagePack>([['en', { catalog: en }]]);
/** The registered packs' vocabularies, one array until a pack arrives (so a search index knows when to rebuild). */
let vocabularies: readonly Vocabulary[] | undefined;
/** The loader's language tags by lower-cased key. */
let loader: { languages: ReadonlyMap<string, string>; load: LanguageLoader } | undefined;
const loads = new Map<string, Promise<void>>();

const known = (key: string): boolean => packs.has(key) || !!loader?.languages.has(key);

/** The registered or loadable language key `lang` settles on (as the server's messages do), else "en". */
function keyFor(lang: string | null | undefined): string {
  return languageCandidates(lang).find(known) ?? 'en';
}

export function registerCatalog(catalog: Catalog, callback?: CallbackCatalog, vocabulary?: Vocabulary): void {
  packs.set(catalog.lang.toLowerCase(), { catalog, callback, vocabulary });
  vocabularies = undefined;
}

/** The search vocabularies of the languages registered so far: the same array until another language arrives. */
export function registeredVocabularies(): readonly Vocabulary[] {
  vocabularies ??= [...new Set([...packs.values()].flatMap((pack) => (pack.vocabulary ? [pack.vocabulary] : [])))];
  return vocabularies;
}

export function catalogFor(lang: string | null | undefined): Catalog {
  return (packs.get(keyFor(lang)) ?? packs.get('en')!).catalog;
}

/** The callback strings of `lang`, when its pack has them (English's live in callback.ts). */
export function callbackStringsFor(lang: string | null | undefined): CallbackCatalog | undefined {
  return packs.get(keyFor(lang))?.callback;
}

/** Languages the widgets can show: registered ones and those the loader can fetch. */
export function registeredLanguages(): string[] {
  return [
    ...new Set([...packs.values()].map((pack) => pack.catalog.lang).concat([...(loader?.languages.values() ?? [])])),
  ];
}

/** Installs how the languages tagged `languages` ("zh-Hans", …) arrive: one loader per page, the entry point's. */
export function setLanguageLoader(languages: readonly string[], load: LanguageLoader): void {
  loader = { languages: new Map(languages.map((lang) => [lang.toLowerCase(), lang])), load };
}

/**
 * While `lang`'s pack is on its way: a promise that settles when it is registered or has failed (English is then
 * used). Undefined when there is nothing to wait for. Each language is fetched at most once per page.
 */
export function languageLoading(lang: string | null | undefined): Promise<void> | undefined {
  const key = keyFor(lang);
  if (packs.has(key) || !loader?.languages.has(key)) return undefined;
  let pending = loads.get(key);
  if (!pending) {
    pending = loader
      .load(loader.languages.get(key)!)
      .then(
        (pack) => pack && registerCatalog(pack.catalog, pack.callback, pack.vocabulary),
        () => undefined,
      )
      // Failed for good: this language now means English, and nothing waits for it again.
      .finally(() => packs.has(key) || packs.set(key, packs.get('en')!));
    loads.set(key, pending);
  }
  return pending;
}
