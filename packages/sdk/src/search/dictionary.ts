// Every word the index knows, looked up exactly, by prefix (while typing) or fuzzily (typos).
// A trigram index narrows the candidates so fuse.js only scores a few dozen words, never the whole directory.
import Fuse from 'fuse.js/basic';

export type MatchHow = 'exact' | 'prefix' | 'fuzzy';

/** One word of the dictionary that a typed token may stand for, with how sure we are (0–1]. */
export interface Alternative {
  word: string;
  quality: number;
  how: MatchHow;
}

const MAX_PREFIX_WORDS = 12;
const MAX_FUZZY_CANDIDATES = 40;
const MAX_ALTERNATIVES = 16;
const CACHE_LIMIT = 2000;

/** Typos allowed for a token of this length: none below 4 letters, 1 up to 5, then 2. */
export const allowedEdits = (length: number): number => (length < 4 ? 0 : length < 6 ? 1 : 2);

function trigrams(word: string): string[] {
  const padded = `^${word}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

export class Dictionary {
  private readonly words: string[];
  private readonly known: Set<string>;
  private readonly grams = new Map<string, number[]>();
  private readonly cache = new Map<string, Alternative[]>();

  /** Prefixes and suffixes glued to words (Arabic "ال", Korean "를"), longest first. */
  private readonly prefixes: string[];
  private readonly suffixes: string[];

  constructor(
    words: Iterable<string>,
    affixes: { prefixes: Iterable<string>; suffixes: Iterable<string> } = { prefixes: [], suffixes: [] },
  ) {
    const longestFirst = (list: Iterable<string>) => [...new Set(list)].sort((a, b) => b.length - a.length);
    this.prefixes = longestFirst(affixes.prefixes);
    this.suffixes = longestFirst(affixes.suffixes);
    this.known = new Set(words);
    this.words = [...this.known].sort();
    this.words.forEach((word, i) => {
      if (/^\d+$/.test(word)) return; // numbers (ZIP codes) match exactly or not at all
      for (const g of trigrams(word)) {
        const list = this.grams.get(g);
        if (list) list.push(i);
        else this.grams.set(g, [i]);
      }
    });
  }

  has(word: string): boolean {
    return this.known.has(word);
  }

  /** Words `token` may stand for, best first. `typing` allows completions of a short, unfinished last word. */
  lookup(token: string, typing: boolean): Alternative[] {
    const cacheKey = `${typing ? 1 : 0}${token}`;
    const hit = this.cache.get(cacheKey);
    if (hit) return hit;
    const found = new Map<string, Alternative>();
    const offer = (word: string, quality: number, how: MatchHow) => {
      const prev = found.get(word);
      if (!prev || prev.quality < quality) found.set(word, { word, quality, how });
    };
    if (this.known.has(token)) offer(token, 1, 'exact');
    if (!/^\d+$/.test(token)) {
      if (!this.known.has(token)) this.addStems(token, offer);
      this.addPlurals(token, offer);
      if (token.length >= (typing ? 2 : 3)) this.addCompletions(token, offer);
      if (!this.known.has(token)) this.addFuzzy(token, offer);
    }
    const result = [...found.values()].sort((a, b) => b.quality - a.quality).slice(0, MAX_ALTERNATIVES);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(cacheKey, result);
    return result;
  }

  /** "المأوى" → "مأوى", "쉼터를" → "쉼터": a known word with a prefix or suffix glued on (up to two prefixes). */
  private addStems(token: string, offer: (w: string, q: number, h: MatchHow) => void): void {
    if (this.prefixes.length === 0 && this.suffixes.length === 0) return;
    const forms = [token];
    for (let round = 0; round < 2; round++) {
      for (const form of forms.slice())
        for (const p of this.prefixes)
          if (form.startsWith(p) && form.length - p.length >= 2) forms.push(form.slice(p.length));
    }
    for (const form of forms.slice())
      for (const s of this.suffixes)
        if (form.endsWith(s) && form.length - s.length >= 2) forms.push(form.slice(0, -s.length));
    for (const form of forms) if (form !== token && this.known.has(form)) offer(form, 0.95, 'exact');
  }

  /** "shelters" ↔ "shelter", "abogados" ↔ "abogado": plural forms count as the same word. */
  private addPlurals(token: string, offer: (w: string, q: number, h: MatchHow) => void): void {
    for (const form of [
      token + 's',
      token + 'es',
      token.endsWith('s') ? token.slice(0, -1) : '',
      token.endsWith('es') ? token.slice(0, -2) : '',
    ]) {
      if (form.length >= 3 && this.known.has(form)) offer(form, 0.95, 'exact');
    }
  }

  private addCompletions(token: string, offer: (w: string, q: number, h: MatchHow) => void): void {
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.words[mid]! < token) lo = mid + 1;
      else hi = mid;
    }
    const completions: string[] = [];
    for (let i = lo; i < this.words.length && this.words[i]!.startsWith(token); i++) {
      if (this.words[i] !== token) completions.push(this.words[i]!);
    }
    // The shortest completions are the likeliest words being typed.
    completions.sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
    for (const word of completions.slice(0, MAX_PREFIX_WORDS))
      offer(word, 0.6 + 0.3 * (token.length / word.length), 'prefix');
  }

  private addFuzzy(token: string, offer: (w: string, q: number, h: MatchHow) => void): void {
    const edits = allowedEdits(token.length);
    if (edits === 0) return;
    const shared = new Map<number, number>();
    for (const g of trigrams(token)) {
      for (const i of this.grams.get(g) ?? []) {
        if (Math.abs(this.words[i]!.length - token.length) <= edits) shared.set(i, (shared.get(i) ?? 0) + 1);
      }
    }
    if (shared.size === 0) return;
    const candidates = [...shared.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_FUZZY_CANDIDATES)
      .map(([i]) => this.words[i]!);
    // fuse.js scores ≈ edits / token length; location 0 with a short distance penalises matches that start late
    // ("rape" inside "grape"), so only whole-word look-alikes survive.
    const fuse = new Fuse(candidates, {
      includeScore: true,
      threshold: (edits + 0.5) / token.length,
      location: 0,
      distance: 4,
    });
    for (const { item, score = 1 } of fuse.search(token)) {
      if (Math.round(score * token.length) <= edits) offer(item, 0.85 * (1 - score), 'fuzzy');
    }
  }
}
