// Subresource Integrity for the embeds: writes `sha384-…` next to each bundle as `<file>.sri`, the value a partner
// pastes into `integrity=""` (the embed builder reads it too). Run after the build: node scripts/sri.mjs
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

export const EMBED_FILE = 'packages/widgets/dist/referral-kit.js';
/** The opt-in variant with in-page directory search. */
export const LOCAL_SEARCH_EMBED_FILE = 'packages/widgets/dist/referral-kit.local-search.js';
/** The opt-in variant with callback requests. */
export const CALLBACKS_EMBED_FILE = 'packages/widgets/dist/referral-kit.callbacks.js';

/** The `integrity` attribute value for these exact bytes. */
export function integrityOf(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

export function writeSri(file = EMBED_FILE) {
  const integrity = integrityOf(readFileSync(file));
  writeFileSync(`${file}.sri`, `${integrity}\n`);
  return integrity;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of [EMBED_FILE, LOCAL_SEARCH_EMBED_FILE, CALLBACKS_EMBED_FILE])
    console.log(`${file} ${writeSri(file)}`);
}
