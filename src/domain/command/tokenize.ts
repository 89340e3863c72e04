/** One whitespace-separated word or one quoted string of a chat command. */
export interface Token {
  /** The content, without surrounding quotes. */
  readonly text: string;
  /** Offsets into the tokenized string (quotes included), so notes can be sliced raw from the source. */
  readonly start: number;
  readonly end: number;
  readonly quoted: boolean;
  /** A quote was opened and never closed; the token then runs to the end of the input. */
  readonly unterminated: boolean;
}

const STRAIGHT_CLOSERS = '"＂“”';
/** Straight-ish quotes open a string only at the start of a word (`5"` stays a word). */
const SOFT_OPENERS: Readonly<Record<string, string>> = {
  '"': STRAIGHT_CLOSERS,
  '＂': STRAIGHT_CLOSERS,
  '”': STRAIGHT_CLOSERS,
};
/** Typographic openers are unambiguous and may be glued to the word before: `新建“提升满意度”`. */
const HARD_OPENERS: Readonly<Record<string, string>> = { '“': STRAIGHT_CLOSERS, '「': '」', '『': '』' };

/** Chinese list punctuation separates words like a space does: `45，有风险，等法务`. */
const SEPARATOR = /[\s，、；]/u;
const isSeparator = (c: string): boolean => SEPARATOR.test(c);
/** Whether `s` holds nothing but separators, i.e. two tokens around it were typed next to each other. */
export const onlySeparators = (s: string): boolean => /^[\s，、；]*$/u.test(s);

/**
 * Splits on any Unicode whitespace (U+3000, U+2005 from WeCom mentions...) and Chinese commas, keeps quoted strings
 * whole. Never fails: an unterminated quote is reported on its token, because only some positions
 * (titles, references) care, while free notes may legitimately contain a stray quote.
 */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  const n = input.length;
  let i = 0;
  while (i < n) {
    const c = input.charAt(i);
    if (isSeparator(c)) {
      i++;
      continue;
    }
    const closers = SOFT_OPENERS[c] ?? HARD_OPENERS[c];
    if (closers !== undefined) {
      let k = i + 1;
      while (k < n && !closers.includes(input.charAt(k))) k++;
      const unterminated = k >= n;
      const end = unterminated ? n : k + 1;
      tokens.push({ text: input.slice(i + 1, unterminated ? n : k), start: i, end, quoted: true, unterminated });
      i = end;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const d = input.charAt(j);
      if (isSeparator(d) || HARD_OPENERS[d] !== undefined) break;
      j++;
    }
    tokens.push({ text: input.slice(i, j), start: i, end: j, quoted: false, unterminated: false });
    i = j;
  }
  return tokens;
}
