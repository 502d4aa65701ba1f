// In-page directory search with the SDK engine. Importing this module turns it on (see enableLocalSearch).
import type { Service } from '@referral-kit/sdk';
import { createDirectoryIndex, searchDirectory, type Vocabulary } from '@referral-kit/sdk/search';
import { ar } from '@referral-kit/sdk/vocabulary/ar';
import { en } from '@referral-kit/sdk/vocabulary/en';
import { es } from '@referral-kit/sdk/vocabulary/es';
import { enableLocalSearch, searchParams, type DirectorySource } from './directory-source.js';

/**
 * The languages whose catalogs are built into the widget; a visitor may type in any of them whatever the UI shows.
 * The server knows all ten, so a word only another language has (French, Vietnamese, …) can rank differently there.
 */
const PAGE_VOCABULARIES: readonly Vocabulary[] = [en, es, ar];

/**
 * Searches `services` in the page as the server does (same engine, same adapter, same paging); "open now" is judged
 * at `now()`. With the server's vocabularies the answers are the server's.
 */
export function localSource(
  services: readonly Service[],
  now: () => Date,
  vocabularies = PAGE_VOCABULARIES,
): DirectorySource {
  const index = createDirectoryIndex(services, { vocabularies });
  return {
    async search(query) {
      const page = searchDirectory(index, searchParams(query), now());
      return { hits: page.items, total: page.total, mode: 'local', crisis: page.crisis === true };
    },
  };
}

// The visitor's own clock: nothing drives the page's search with another one.
enableLocalSearch((services) => localSource(services, () => new Date()));
