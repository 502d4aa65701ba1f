// Catalog registry. A language is one file that calls `registerCatalog`; lookups fall back to the primary
// subtag ("es-MX" → "es"), then to English.
import en, { type Catalog } from './en.js';

export type { Catalog };

const catalogs = new Map<string, Catalog>([['en', en]]);

export function registerCatalog(catalog: Catalog): void {
  catalogs.set(catalog.lang.toLowerCase(), catalog);
}

export function catalogFor(lang: string | null | undefined): Catalog {
  const tag = (lang ?? '').trim().toLowerCase();
  return catalogs.get(tag) ?? catalogs.get(tag.split('-')[0] ?? '') ?? en;
}

export function registeredLanguages(): string[] {
  return [...catalogs.keys()];
}
