// For bundler users of the package root: each language is a dynamic import, so the bundler makes it a chunk of its
// own that the page fetches only when a widget's language needs it. The one-file embed cannot split, and fetches
// script files instead (internal/script-languages.ts).
import { setLanguageLoader, type LanguagePack } from './registry.js';

const LANGUAGES: Record<string, () => Promise<LanguagePack>> = {
  es: () => import('./lang/es.js'),
  'zh-Hans': () => import('./lang/zh-Hans.js'),
  vi: () => import('./lang/vi.js'),
  ko: () => import('./lang/ko.js'),
  tl: () => import('./lang/tl.js'),
  ar: () => import('./lang/ar.js'),
  ru: () => import('./lang/ru.js'),
  ht: () => import('./lang/ht.js'),
  fr: () => import('./lang/fr.js'),
};

setLanguageLoader(Object.keys(LANGUAGES), (lang) => LANGUAGES[lang]!());
