// Text folding shared by indexing and querying: case, accents and punctuation never decide a match.

/** The longest query we look at; anything past it is noise typed or pasted into a search box. */
export const MAX_QUERY_CHARS = 256;
const MAX_TOKEN_CHARS = 40;

/** Every combining mark: Latin accents, Vietnamese tones, Arabic vowel signs and hamza. */
const COMBINING_MARKS = /\p{M}/gu;
const NON_WORD = /[^\p{L}\p{N}]+/u;
/** Letters that are one letter to a reader but not to Unicode: Vietnamese đ, Arabic alef maqsura, taa marbuta, tatweel. */
const LETTER_VARIANTS: Record<string, string> = { đ: 'd', ى: 'ي', ة: 'ه', ـ: '' };
const LETTER_VARIANT = /[đىةـ]/g;
/** Scripts written without spaces between words: cut into words with Intl.Segmenter. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/** Lower case, accents and vowel marks stripped ("Asesoría" → "asesoria", "nơi" → "noi", "مأوى" → "ماوي"), any script kept. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(LETTER_VARIANT, (c) => LETTER_VARIANTS[c]!);
}

let segmenter: Intl.Segmenter | null | undefined;
/** Chinese word segmentation; without Intl.Segmenter (old browsers) a run stays one word and still matches itself. */
function words(run: string): string[] {
  if (segmenter === undefined)
    segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  if (!segmenter) return [run];
  const out: string[] = [];
  for (const part of segmenter.segment(run)) if (part.isWordLike) out.push(part.segment);
  return out;
}

/** Folded words of a text; emoji, punctuation and symbols separate words and are dropped. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const push = (word: string) => out.push(word.length > MAX_TOKEN_CHARS ? word.slice(0, MAX_TOKEN_CHARS) : word);
  for (const word of fold(text).split(NON_WORD)) {
    if (!word) continue;
    if (UNSPACED.test(word)) for (const part of words(word)) push(part);
    else push(word);
  }
  return out;
}

/** Folded, single-spaced form of a phrase, used as a map key ("Orden de Protección" → "orden de proteccion"). */
export function phraseKey(text: string): string {
  return tokenize(text).join(' ');
}

/** Letters on a phone keypad, for numbers written as words (1-855-48-VOICE). */
const KEYPAD = '22233344455566677778889999';

/**
 * The digits of a phone number however it is written ("(800) 799-7233", "1-800-799-SAFE", "+1 800 799 7233"):
 * a US number without its country code, a short code (988, 88788) as is. Undefined when `text` is not a number.
 */
export function phoneDigits(text: string): string | undefined {
  const compact = text.replace(/[\s().+-]/g, '').replace(/(?:x|ext)\d{1,6}$/i, '');
  if (!/^\d[\dA-Za-z]*$/.test(compact) || !/\d{3}/.test(compact)) return undefined;
  const digits = compact.toLowerCase().replace(/[a-z]/g, (c) => KEYPAD[c.charCodeAt(0) - 97]!);
  const national = digits.length === 11 && digits[0] === '1' ? digits.slice(1) : digits;
  // Letters make a number only in a whole one with most of its digits written ("24 hours" is no phone number).
  if (/[a-z]/i.test(compact))
    return national.length === 10 && compact.replace(/\D/g, '').length >= 4 ? national : undefined;
  return national.length === 3 || (national.length >= 5 && national.length <= 10) ? national : undefined;
}
