// Directory search: fuzzy, bilingual, filterable, and fast enough to run on every keystroke.
export { createServiceIndex, loadServiceIndex, ServiceIndex } from './service-index.js';
export type { MatchField, NearPoint, QueryReading, SearchMatch, SearchOptions, SearchResult, ServiceIndexOptions } from './service-index.js';
export type { IndexData } from './index-data.js';
export type { Channel, Vocabulary } from './vocabulary.js';
export { fold, phoneDigits } from './normalize.js';
export { isOpenAt } from './hours.js';
export { en as englishVocabulary } from '../vocabulary/en.js';
export { es as spanishVocabulary } from '../vocabulary/es.js';
