// Subresource Integrity for the embed: writes `sha384-…` next to the bundle as `referral-kit.js.sri`, the value a
// partner pastes into `integrity=""` (the embed builder reads it too). Run after the build: node scripts/sri.mjs
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

export const EMBED_FILE = 'packages/widgets/dist/referral-kit.js';

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
  console.log(`${EMBED_FILE} ${writeSri()}`);
}
