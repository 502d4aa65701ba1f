// The hand-off between a language file (a classic script next to the embed) and the embed that inserted it: the file
// dispatches its part of a language on its own <script> element, which only the embed listens to. No global, no storage.
import type { LanguagePack } from '../i18n/registry.js';

export const LANGUAGE_EVENT = 'referral-kit-language';

/** One language file's content: the main catalog, or the callback request's strings (only the callbacks embed's). */
export type LanguagePart = Partial<LanguagePack>;

/** Called by a language file as it runs. */
export function announceLanguage(part: LanguagePart): void {
  document.currentScript?.dispatchEvent(new CustomEvent<LanguagePart>(LANGUAGE_EVENT, { detail: part }));
}
