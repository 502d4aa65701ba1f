// Text folding shared by indexing and querying: case, accents and punctuation never decide a match.

/** The longest query we look at; anything past it is noise typed or pasted into a search box. */
export const MAX_QUERY_CHARS = 256;
const MAX_TOKEN_CHARS = 40;

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_WORD = /[^\p{L}\p{N}]+/u;

/** Lower case, accents stripped ("Asesoría" → "asesoria"), any script kept. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** Folded words of a text; emoji, punctuation and symbols separate words and are dropped. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const word of fold(text).split(NON_WORD)) {
    if (word) out.push(word.length > MAX_TOKEN_CHARS ? word.slice(0, MAX_TOKEN_CHARS) : word);
  }
  return out;
}

/** Folded, single-spaced form of a phrase, used as a map key ("Orden de Protección" → "orden de proteccion"). */
export function phraseKey(text: string): string {
  return tokenize(text).join(' ');
}
