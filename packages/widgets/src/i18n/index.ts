// The catalog API. Importing this registers no language but English: the entry points decide how others arrive
// (the package root: bundler chunks, see bundled-languages.ts; the embed: script files, see internal/language-files.ts;
// `@referral-kit/widgets/i18n/es` and its siblings: statically).
export { catalogFor, registerCatalog, registeredLanguages, type Catalog } from './registry.js';
