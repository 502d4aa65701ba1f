// In-page directory search with the SDK engine. Importing this module turns it on (see enableLocalSearch).
import type { Service } from '@referral-kit/sdk';
import {
  createDirectoryIndex,
  englishVocabulary,
  searchDirectory,
  type ServiceIndex,
  type Vocabulary,
} from '@referral-kit/sdk/search';
import { registeredVocabularies } from '../i18n/registry.js';
import { enableLocalSearch, searchParams, type DirectorySource } from './directory-source.js';

/**
 * English, built into the engine, and the words of every language the page has loaded (each language's pack brings
 * its vocabulary: a Vietnamese widget understands Vietnamese). The server knows all ten, so a word of a language
 * the page has not loaded can rank differently there.
 */
let pageVocabularies: { loaded: readonly Vocabulary[]; all: readonly Vocabulary[] } | undefined;
function vocabulariesOfThePage(): readonly Vocabulary[] {
  const loaded = registeredVocabularies();
  if (pageVocabularies?.loaded !== loaded) pageVocabularies = { loaded, all: [englishVocabulary, ...loaded] };
  return pageVocabularies.all;
}

/**
 * Searches `services` in the page as the server does (same engine, same adapter, same paging); "open now" is judged
 * at `now()`. `vocabularies()` says which languages' words to understand: the index is rebuilt when it answers a new
 * array (a language arrived). With the server's vocabularies the answers are the server's.
 */
export function localSource(
  services: readonly Service[],
  now: () => Date,
  vocabularies: () => readonly Vocabulary[] = vocabulariesOfThePage,
): DirectorySource {
  let built: { vocabularies: readonly Vocabulary[]; index: ServiceIndex } | undefined;
  const indexFor = (wanted: readonly Vocabulary[]) => {
    if (built?.vocabularies !== wanted)
      built = { vocabularies: wanted, index: createDirectoryIndex(services, { vocabularies: wanted }) };
    return built.index;
  };
  return {
    search(query) {
      const page = searchDirectory(indexFor(vocabularies()), searchParams(query), now());
      return Promise.resolve({ hits: page.items, total: page.total, mode: 'local', crisis: page.crisis === true });
    },
  };
}

enableLocalSearch(localSource);
