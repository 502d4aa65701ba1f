// Turns what a visitor typed into concepts: topics (words, categories), a language, a place, and a crisis flag.
import { type Alternative, Dictionary } from './dictionary.js';
import { FIELD, postingKey, TEXT_FIELDS } from './index-data.js';
import { MAX_QUERY_CHARS, phoneDigits, tokenize } from './normalize.js';
import { type Channel, type Meaning, splitPhrases, type Vocabulary } from './vocabulary.js';

const MAX_QUERY_TOKENS = 12;
/** Self-harm is a crisis whose lines are counseling ones (988, crisis text lines). */
const SELF_HARM_LINES: Meaning = { kind: 'category', slug: 'counseling' };
/** How much a word found in each text field says about the service, relative to a category match. */
const FIELD_WEIGHT: Record<string, number> = { [FIELD.name]: 1, [FIELD.organization]: 0.7, [FIELD.description]: 0.45 };
const CATEGORY_CONCEPT_WEIGHT = 1;
const LANGUAGE_CONCEPT_WEIGHT = 0.5;
/**
 * A query written in one vocabulary's language ("abogado", "refugio") prefers services that speak it, by this share
 * of what the words weigh: enough to order equals, too little to cross a distance tier (a tenth of the best score),
 * so it never outranks a nearer, equally good service.
 */
const IMPLIED_LANGUAGE_SHARE = 0.04;
export const PLACE_CONCEPT_WEIGHT = 0.8;
const SECONDARY_CATEGORY = 0.97;
const MODIFIER_SHARE = 0.5;
const NAME_ONLY = [FIELD.name] as const;
/** While typing, a completion the vocabulary knows ("coun" → counseling) beats a merely common word (county). */
const KNOWN_COMPLETION_QUALITY = 0.85;

export interface WeightedKey {
  id: number;
  w: number;
}

/** Something the visitor asked for; a service satisfies it to the best degree of any of its keys. */
export interface Concept {
  label: string;
  weight: number;
  keys: WeightedKey[];
  topical: boolean;
  /** Stands for a category (a vocabulary word), not just a word found in texts. */
  categorical: boolean;
}

export interface PlaceConcept {
  label: string;
  place: string;
}

export interface ParsedQuery {
  concepts: Concept[];
  place?: PlaceConcept;
  crisis: boolean;
  /** The language the words were written in, when only one vocabulary knows them, and what speaking it weighs. */
  impliedLanguage?: { code: string; weight: number };
  /** A word was typed that nothing in the directory or the vocabularies matches ("qqqzz"). */
  unmatched?: boolean;
}

interface Phrase {
  words: string[];
  meanings: Meaning[];
  place?: string;
}

/** What the parser needs to know about an index. */
export interface Lexicon {
  keyId(key: string): number | undefined;
  docFrequency(id: number): number;
  size: number;
  isPlace(place: string): boolean;
}

const PHONE_CHUNK = /^[\d()+.\-A-Za-z]+$/;
const MAX_PHONE_CHUNKS = 5;

/** The first phone number written in `text`, over up to five space-separated chunks ("1 800 799 SAFE"). */
export function findPhone(text: string): { text: string; digits: string } | undefined {
  const chunks = [...text.matchAll(/\S+/g)].map((m) => ({ at: m.index, word: m[0].replace(/[,;:!?]+$/, '') }));
  for (let i = 0; i < chunks.length; i++) {
    if (!/^[+(]?\d/.test(chunks[i]!.word)) continue;
    let best: { text: string; digits: string } | undefined;
    for (let j = i; j < Math.min(chunks.length, i + MAX_PHONE_CHUNKS) && PHONE_CHUNK.test(chunks[j]!.word); j++) {
      const span = text.slice(chunks[i]!.at, chunks[j]!.at + chunks[j]!.word.length);
      const digits = phoneDigits(span);
      if (digits) best = { text: span, digits };
    }
    if (best) return best;
  }
  return undefined;
}

/** Vocabulary and place names compiled for matching against typed tokens. */
export class QueryParser {
  readonly dictionary: Dictionary;
  private readonly stopwords = new Set<string>();
  private readonly singles = new Map<string, Meaning[]>();
  private readonly phrases = new Map<string, Phrase[]>();
  /** Which vocabularies' languages use a word (in a phrase or as a stopword). */
  private readonly wordLanguages = new Map<string, Set<string>>();

  constructor(
    private readonly lexicon: Lexicon,
    vocabularies: readonly Vocabulary[],
    places: readonly string[],
    textWords: readonly string[],
  ) {
    const words = new Set(textWords);
    const affixes = { prefixes: [] as string[], suffixes: [] as string[] };
    const addPhrase = (text: string, meaning: Meaning | undefined, place?: string) => {
      const tokens = tokenize(text);
      if (tokens.length === 0) return;
      for (const t of tokens) words.add(t);
      if (tokens.length === 1 && meaning) {
        const list = this.singles.get(tokens[0]!) ?? [];
        list.push(meaning);
        this.singles.set(tokens[0]!, list);
        return;
      }
      const key = tokens.join(' ');
      const list = this.phrases.get(tokens[0]!) ?? [];
      const existing = list.find((p) => p.words.join(' ') === key);
      if (existing) {
        if (meaning) existing.meanings.push(meaning);
        existing.place ??= place;
      } else list.push({ words: tokens, meanings: meaning ? [meaning] : [], place });
      this.phrases.set(tokens[0]!, list);
    };
    for (const v of vocabularies) {
      const usedBy = (text: string) => {
        for (const token of tokenize(text)) {
          const langs = this.wordLanguages.get(token) ?? new Set<string>();
          langs.add(v.lang);
          this.wordLanguages.set(token, langs);
        }
      };
      for (const w of tokenize(v.stopwords)) {
        this.stopwords.add(w);
        usedBy(w);
      }
      const add = (p: string, meaning: Meaning) => {
        addPhrase(p, meaning);
        usedBy(p);
      };
      for (const [slug, list] of Object.entries(v.categories))
        for (const p of splitPhrases(list)) add(p, { kind: 'category', slug });
      for (const p of splitPhrases(v.crisis)) add(p, { kind: 'crisis' });
      for (const p of splitPhrases(v.selfHarm)) {
        add(p, { kind: 'crisis' });
        add(p, SELF_HARM_LINES);
      }
      for (const [code, list] of Object.entries(v.languages))
        for (const p of splitPhrases(list)) addPhrase(p, { kind: 'language', code });
      for (const [channel, list] of Object.entries(v.channels ?? {}) as Array<[Channel, string]>) {
        for (const p of splitPhrases(list)) add(p, { kind: 'channel', channel });
      }
      for (const affix of (v.affixes ?? '').split(' ')) {
        const bare = tokenize(affix)[0];
        if (bare && affix.endsWith('-')) affixes.prefixes.push(bare);
        else if (bare && affix.startsWith('-')) affixes.suffixes.push(bare);
      }
    }
    for (const place of places) addPhrase(place, undefined, place);
    for (const list of this.phrases.values()) list.sort((a, b) => b.words.length - a.words.length);
    this.dictionary = new Dictionary(words, affixes);
  }

  parse(query: string): ParsedQuery {
    const parsed: ParsedQuery = { concepts: [], crisis: false };
    const text = this.takePhone(parsed, query.slice(0, MAX_QUERY_CHARS));
    const tokens = tokenize(text).slice(0, MAX_QUERY_TOKENS);
    const last = tokens.length - 1;
    const alts = tokens.map((t, i) => this.dictionary.lookup(t, i === last));
    for (let i = 0; i < tokens.length;) {
      const phrase = this.longestPhrase(alts, i, last);
      if (
        phrase &&
        (phrase.phrase.words.length > 1 || phrase.phrase.place) &&
        !this.overlapsBetter(alts, i, phrase, last)
      ) {
        const span = tokens.slice(i, i + phrase.phrase.words.length).join(' ');
        const singleWordPlace = phrase.phrase.words.length === 1;
        // A lone word is a place only when it is not better read as a word the vocabulary knows.
        if (!singleWordPlace || !this.hasBetterMeaning(alts[i]!, phrase.quality)) {
          this.addPhrase(parsed, span, phrase.phrase, alts.slice(i, i + phrase.phrase.words.length));
          i += phrase.phrase.words.length;
          continue;
        }
      }
      this.addToken(parsed, tokens[i]!, alts[i]!, i === last);
      i++;
    }
    // Words next to a category word ("free counseling for crime victims") refine it; they must not outvote it.
    if (parsed.concepts.some((c) => c.categorical)) {
      for (const c of parsed.concepts) if (c.topical && !c.categorical) c.weight *= MODIFIER_SHARE;
    }
    this.addImpliedLanguage(parsed, tokens, alts);
    return parsed;
  }

  /**
   * A phone number in the query ("1-855-48-VOICE", "(800) 799 7233") finds the services that answer on it and is
   * cut from the text. A full number nobody lists finds nothing (its digits are no topic); a short one (988, a ZIP)
   * is read as words when no service has it.
   */
  private takePhone(parsed: ParsedQuery, text: string): string {
    const found = findPhone(text);
    if (!found) return text;
    const id = this.lexicon.keyId(postingKey(FIELD.phone, found.digits));
    if (id === undefined && found.digits.length < 7) return text;
    if (id !== undefined) {
      parsed.concepts.push({
        label: found.text,
        weight: CATEGORY_CONCEPT_WEIGHT,
        keys: [{ id, w: 1 }],
        topical: true,
        categorical: true,
      });
    }
    return text.replace(found.text, ' ');
  }

  /** When the words typed belong to one vocabulary's language only, services speaking it get a slight edge. */
  private addImpliedLanguage(parsed: ParsedQuery, tokens: string[], alts: Alternative[][]): void {
    const voted = new Set<string>();
    tokens.forEach((token, i) => {
      // A word the vocabularies list as typed (stop words too) votes as itself, not as a look-alike: Haitian
      // "bezwen" (need) is no typo of English "beaten".
      const langs = this.wordLanguages.get(token) ?? this.wordLanguages.get(alts[i]?.[0]?.word ?? token);
      if (langs?.size === 1) voted.add([...langs][0]!);
    });
    // Only to order what the words found: on its own it would turn "de" into "every Spanish-speaking service".
    if (voted.size !== 1 || !parsed.concepts.some((c) => c.topical)) return;
    const code = [...voted][0]!;
    const id = this.lexicon.keyId(postingKey(FIELD.language, code));
    if (id === undefined || parsed.concepts.some((c) => c.keys.some((k) => k.id === id))) return;
    // Scored on the candidates only, not as a concept: a concept would walk every service that speaks English.
    parsed.impliedLanguage = {
      code,
      weight: IMPLIED_LANGUAGE_SHARE * parsed.concepts.reduce((sum, c) => sum + c.weight, 0),
    };
  }

  private longestPhrase(
    alts: Alternative[][],
    start: number,
    last: number,
  ): { phrase: Phrase; quality: number } | undefined {
    let best: { phrase: Phrase; quality: number } | undefined;
    for (const first of alts[start]!) {
      if (first.how === 'prefix' && start !== last) continue;
      for (const phrase of this.phrases.get(first.word) ?? []) {
        const end = start + phrase.words.length;
        if (end - 1 > last || (best && best.phrase.words.length > phrase.words.length)) continue;
        let quality = first.quality;
        for (let k = 1; k < phrase.words.length && quality > 0; k++) {
          const alt = alts[start + k]!.find(
            (a) => a.word === phrase.words[k] && (a.how !== 'prefix' || start + k === last),
          );
          quality = alt ? Math.min(quality, alt.quality) : 0;
        }
        // A place completed from a prefix is too much of a guess ("san" is not yet "san antonio").
        if (phrase.place && first.how === 'prefix' && phrase.words.length === 1) continue;
        if (quality > 0 && (!best || phrase.words.length > best.phrase.words.length || quality > best.quality))
          best = { phrase, quality };
      }
    }
    return best;
  }

  /**
   * A guessed phrase ("tuscon legal" read as Tagalog "tulong legal") yields to a surer one that starts inside it and
   * reaches further ("legal aid"): the first word is then read alone ("tucson").
   */
  private overlapsBetter(
    alts: Alternative[][],
    start: number,
    found: { phrase: Phrase; quality: number },
    last: number,
  ): boolean {
    if (found.quality >= 0.95) return false;
    const end = start + found.phrase.words.length;
    for (let k = start + 1; k < end; k++) {
      const next = this.longestPhrase(alts, k, last);
      if (next && k + next.phrase.words.length > end && next.quality > found.quality) return true;
    }
    return false;
  }

  private hasBetterMeaning(alts: Alternative[], placeQuality: number): boolean {
    return alts.some((a) => a.quality > placeQuality && (this.singles.has(a.word) || this.stopwords.has(a.word)));
  }

  private addPhrase(parsed: ParsedQuery, span: string, phrase: Phrase, alts: Alternative[][]): void {
    if (phrase.place && !parsed.place && this.lexicon.isPlace(phrase.place)) {
      parsed.place = { label: span, place: phrase.place };
      return;
    }
    const keys: WeightedKey[] = [];
    let categorical = false;
    for (const meaning of phrase.meanings) categorical = this.addMeaning(parsed, span, meaning, 1, keys) || categorical;
    if (!categorical) return;
    const categoryKeys = keys.length;
    // The phrase's own words in a service's name also count, a little.
    phrase.words.forEach((word, k) => {
      if (alts[k]?.some((a) => a.word === word)) this.addTextKeys(word, 0.5, keys, NAME_ONLY);
    });
    parsed.concepts.push({
      label: span,
      weight: this.categoryWeight(keys.slice(0, categoryKeys)),
      keys,
      topical: true,
      categorical: true,
    });
  }

  private addToken(parsed: ParsedQuery, token: string, alts: Alternative[], typing: boolean): void {
    // Single letters ("s" from "women's") say nothing on their own; they only count inside phrases ("u visa").
    // A Chinese character is a word ("钱", money).
    if (this.stopwords.has(token) || (token.length < 2 && !/[\d\p{Script=Han}]/u.test(token))) return;
    if (alts.length === 0) {
      parsed.unmatched = true;
      return;
    }
    const top = alts[0]!;
    const topMeanings = this.singles.get(top.word) ?? [];
    if (topMeanings.some((m) => m.kind === 'crisis')) {
      parsed.crisis = true;
      if (!topMeanings.some((m) => m.kind === 'category')) return;
    }
    const language = topMeanings.find((m) => m.kind === 'language');
    if (language) {
      this.addMeaning(parsed, token, language, top.quality, []);
      return;
    }
    const keys: WeightedKey[] = [];
    const categoryKeys: WeightedKey[] = [];
    // A finished word ("abuse") means itself: completing it into a vocabulary word ("abuser") would change the topic.
    const finished = top.how === 'exact' && top.word === token;
    // A word spelled right ("teen" → teens) is no typo of a vocabulary word in another language ("tien", money).
    const spelledRight = top.how === 'exact';
    for (const alt of alts) {
      if (finished && alt.how === 'prefix') {
        this.addTextKeys(alt.word, alt.quality, keys, NAME_ONLY);
        continue;
      }
      if (spelledRight && alt.how === 'fuzzy') continue;
      // Only the word being typed is completed into a vocabulary word, as in phrases ("last" is not "lastimarme").
      if (!typing && alt.how === 'prefix') {
        this.addTextKeys(alt.word, alt.quality, keys, NAME_ONLY);
        continue;
      }
      for (const m of this.singles.get(alt.word) ?? []) {
        const quality = alt.how === 'prefix' ? Math.max(alt.quality, KNOWN_COMPLETION_QUALITY) : alt.quality;
        if (m.kind === 'category' || m.kind === 'channel') this.addMeaning(parsed, token, m, quality, categoryKeys);
      }
      // A guessed completion is looked for in names only: descriptions hold too many words that merely start alike.
      this.addTextKeys(alt.word, alt.quality, keys, alt.how === 'prefix' ? NAME_ONLY : TEXT_FIELDS);
    }
    if (keys.length === 0 && categoryKeys.length === 0) {
      parsed.unmatched = true;
      return;
    }
    const weight = categoryKeys.length ? this.categoryWeight(categoryKeys) : this.rarity(keys);
    parsed.concepts.push({
      label: token,
      weight,
      keys: [...categoryKeys, ...keys],
      topical: true,
      categorical: categoryKeys.length > 0,
    });
  }

  /** Adds a meaning's key to `keys` (categories) or to the query (crisis, language); true when a category was added. */
  private addMeaning(
    parsed: ParsedQuery,
    label: string,
    meaning: Meaning,
    quality: number,
    keys: WeightedKey[],
  ): boolean {
    if (meaning.kind === 'crisis') {
      parsed.crisis = true;
      return false;
    }
    if (meaning.kind === 'language') {
      const id = this.lexicon.keyId(postingKey(FIELD.language, meaning.code));
      if (id !== undefined && !parsed.concepts.some((c) => c.keys.some((k) => k.id === id))) {
        parsed.concepts.push({
          label,
          weight: LANGUAGE_CONCEPT_WEIGHT,
          keys: [{ id, w: 1 }],
          topical: false,
          categorical: false,
        });
      }
      return false;
    }
    if (meaning.kind === 'channel') {
      const id = this.lexicon.keyId(postingKey(FIELD.channel, meaning.channel));
      if (id !== undefined) keys.push({ id, w: quality });
      return true;
    }
    // A service that is mainly this (its first category) edges out one that also does it.
    const id = this.lexicon.keyId(postingKey(FIELD.category, meaning.slug));
    if (id !== undefined) keys.push({ id, w: quality * SECONDARY_CATEGORY });
    const primary = this.lexicon.keyId(postingKey(FIELD.primaryCategory, meaning.slug));
    if (primary !== undefined) keys.push({ id: primary, w: quality });
    return true; // a category word even if no service carries it: weigh it as one
  }

  private addTextKeys(word: string, quality: number, keys: WeightedKey[], fields: readonly string[]): void {
    for (const field of fields) {
      const id = this.lexicon.keyId(postingKey(field, word));
      if (id !== undefined) keys.push({ id, w: quality * FIELD_WEIGHT[field]! });
    }
  }

  /** Category words weigh most; a narrow category ("elder abuse") a little more than a broad one ("money"). */
  private categoryWeight(keys: WeightedKey[]): number {
    return keys.length ? CATEGORY_CONCEPT_WEIGHT * (0.6 + 0.4 * this.rarity(keys)) : CATEGORY_CONCEPT_WEIGHT;
  }

  /** A word most services share ("center") says little; a rare one ("tucson", "sane") says a lot. */
  private rarity(keys: WeightedKey[]): number {
    const df = Math.max(1, ...keys.map((k) => this.lexicon.docFrequency(k.id)));
    const n = Math.max(2, this.lexicon.size);
    return 0.3 + 0.7 * Math.min(1, Math.max(0, Math.log(n / df) / Math.log(n)));
  }
}
