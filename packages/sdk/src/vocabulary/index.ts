// Every search vocabulary, for servers and Node: `createServiceIndex(services, { vocabularies: allVocabularies })`.
// A browser imports only the languages it needs, one module each (`@referral-kit/sdk/vocabulary/vi`).
import type { Vocabulary } from '../search/vocabulary.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { ht } from './ht.js';
import { ko } from './ko.js';
import { ru } from './ru.js';
import { tl } from './tl.js';
import { vi } from './vi.js';
import { zh } from './zh.js';

export { ar, en, es, fr, ht, ko, ru, tl, vi, zh };

/** The ten languages of the widgets' catalogs: en, es, zh (Simplified), vi, ko, tl, ar, ru, ht, fr. */
export const allVocabularies: readonly Vocabulary[] = [en, es, zh, vi, ko, tl, ar, ru, ht, fr];
