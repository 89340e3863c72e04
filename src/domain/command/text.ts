/**
 * Small text helpers shared by the grammar. Matching always goes through `fold`, while anything we
 * keep (titles, notes, comments) is sliced from the original input so the user's punctuation survives.
 */

/** Compatibility-folds (full-width letters and digits, `￥`, `％`, `＠`) and lowercases, for matching only. */
export const fold = (s: string): string => s.normalize('NFKC').toLowerCase();

/** Zero-width characters sneak in from copy-paste and chat clients and would defeat token matching. */
export const stripInvisible = (s: string): string => s.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');

/** People end chat lines with punctuation (`KR-12.`, `45。`); it never belongs to a reference or number. */
export const trimPunct = (s: string): string => s.replace(/[.,;:!?。，、；：！？]+$/u, '');

/** Counts code points, not UTF-16 units, so a 200-character limit means the same in Chinese and emoji. */
export const codePointLength = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** Cuts a token for an error reply ("I didn't understand «…»") without splitting a surrogate pair. */
export const shorten = (s: string, max = 40): string => {
  const chars = Array.from(s.length > max * 2 + 2 ? s.slice(0, max * 2 + 2) : s);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : s;
};
