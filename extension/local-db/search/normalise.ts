/**
 * Text → the form search compares: compatibility forms folded (NFKC: full-width ＡＢＣ１２３ → abc123),
 * accents dropped (Müller → muller), lower case, and nothing but letters and digits. Keys and
 * typed queries go through the same functions, so "Zhang Wei", "zhang-wei" and "ＺＨＡＮＧ" all meet.
 */

/** One Chinese character (Han script, including 〇 and 々): each is its own search unit. */
const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const ASCII = /^[\x00-\x7f]*$/;

/** NFKC, accents removed (NFKD then strip marks, recomposed so Hangul stays whole), lower case. */
export function fold(text: string): string {
  // Most fields (emails, codes, English names) are ASCII: nothing to decompose (a third of the key cost).
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFKC').toLowerCase();
}

export const isHan = (char: string): boolean => HAN.test(char);

/**
 * The units a key may start at: every Han character on its own, every run of other letters and
 * digits as one word; spaces and punctuation only separate units.
 */
export function unitsOf(text: string): string[] {
  const units: string[] = [];
  let word = '';
  for (const char of fold(text)) {
    if (isHan(char)) {
      if (word) units.push(word);
      word = '';
      units.push(char);
    } else if (WORD_CHAR.test(char)) word += char;
    else if (word) {
      units.push(word);
      word = '';
    }
  }
  if (word) units.push(word);
  return units;
}

/** The whole text as one matchable string: "Zhang Wei" → "zhangwei", "+86 138-0013" → "861380013". */
export function compact(text: string): string {
  return unitsOf(text).join('');
}

export const hasHan = (text: string): boolean => HAN.test(text);

/** Digits only, full-width digits folded. */
export function digitsOf(text: string): string {
  return fold(text).replace(/\D/g, '');
}
