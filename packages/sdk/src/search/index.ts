// Directory search: fuzzy, bilingual, filterable, and fast enough to run on every keystroke.
export { createServiceIndex, loadServiceIndex, ServiceIndex } from './service-index.js';
export type {
  MatchField,
  NearPoint,
  QueryReading,
  SearchMatch,
  SearchOptions,
  SearchResult,
  ServiceIndexOptions,
} from './service-index.js';
export { createDirectoryIndex, MAX_SEARCH_RESULTS, searchDirectory } from './directory-search.js';
export type { IndexData } from './index-data.js';
export type { Channel, Vocabulary } from './vocabulary.js';
export { fold, phoneDigits } from './normalize.js';
export { isOpenAt } from './hours.js';
// English is built in; every other language is its own module (`@referral-kit/sdk/vocabulary/es`, …, or all ten
// from `@referral-kit/sdk/vocabulary`), so a browser downloads only the languages it uses.
export { en as englishVocabulary } from '../vocabulary/en.js';
