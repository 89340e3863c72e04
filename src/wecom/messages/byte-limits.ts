// WeCom counts its limits in UTF-8 bytes, not characters (platform-facts B5, D6): a text or
// markdown message holds 2,048 bytes, which is 2,048 ASCII letters but only 682 汉字 (3 bytes each)
// and 512 emoji (4 bytes). Beyond the limit WeCom cuts silently, so long text is split here first.

/** Most bytes of `text.content` and `markdown.content` in one application message. */
export const WECOM_TEXT_LIMIT = 2048;

/** UTF-8 bytes of one code point; a lone surrogate is sent as U+FFFD, which is 3. */
const codePointBytes = (c: number): number => (c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4);

/** Bytes of `s` encoded as UTF-8, the way WeCom measures it. */
export const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/**
 * The longest prefix of `text` (as a UTF-16 index on a code point boundary) that fits in
 * `maxBytes`; `text.length` when all of it fits.
 */
function fitIndex(text: string, maxBytes: number): number {
  let used = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.codePointAt(i)!;
    used += codePointBytes(c);
    if (used > maxBytes) return i;
    i += c > 0xffff ? 2 : 1;
  }
  return i;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The last grapheme boundary at or before `index`, so a cut never separates an emoji from its
 * skin tone or ZWJ partner, or a letter from its accent. 0 when one grapheme is longer than that.
 */
function graphemeBoundary(text: string, index: number): number {
  if (index >= text.length) return index;
  // Clusters longer than this are pathological (stacked combining marks); a code point cut is fine then.
  const window = text.slice(0, Math.min(text.length, index + 32));
  let boundary = 0;
  for (const { index: start } of graphemes.segment(window)) {
    if (start > index) break;
    boundary = start;
  }
  return boundary;
}

/** Spaces a piece may end at; the space itself is dropped, like a line break. */
const SPACE = /[ \t\u3000]/;
/** Punctuation after which Chinese text can break; it stays at the end of the piece. */
const CJK_BREAK_AFTER = /[，。、；：！？）」』】》〉…,.;:!?]/;

/** Where to break a text that is longer than `limit` (an index that fits): `end` of this piece, `next` start of the rest. */
function breakPoint(text: string, limit: number): { end: number; next: number } {
  if (text[limit] === '\n') return { end: limit, next: limit + 1 };
  const newline = text.lastIndexOf('\n', limit - 1);
  if (newline > 0 && /\S/.test(text.slice(0, newline))) return { end: newline, next: newline + 1 };
  if (SPACE.test(text[limit] ?? '')) return { end: limit, next: limit + 1 };
  for (let i = limit - 1; i > 0; i--) {
    const ch = text[i]!;
    if (SPACE.test(ch)) return { end: i, next: i + 1 };
    if (CJK_BREAK_AFTER.test(ch)) return { end: i + 1, next: i + 1 };
  }
  const cut = graphemeBoundary(text, limit);
  return cut > 0 ? { end: cut, next: cut } : { end: limit, next: limit };
}

const LEADING_BREAKS = /^[\r\n]+/;
const TRAILING_BREAKS = /[\r\n]+$/;

/**
 * `text` in pieces of at most `maxBytes` UTF-8 bytes each, in order. A piece ends at a line break
 * when one fits, else at a space or after CJK punctuation, else between two graphemes — never
 * inside a code point or a surrogate pair. Only the whitespace a piece was broken at is dropped
 * (one space, or the line breaks around the cut), so joining the pieces back with it restores the
 * text. Blank pieces are left out; a blank text gives none.
 */
export function splitByBytes(text: string, maxBytes: number = WECOM_TEXT_LIMIT): string[] {
  if (!Number.isInteger(maxBytes) || maxBytes < 4) throw new RangeError(`maxBytes must fit any code point (4 bytes): ${maxBytes}`);
  const pieces: string[] = [];
  const keep = (piece: string): void => {
    const trimmed = piece.replace(TRAILING_BREAKS, '');
    if (/\S/.test(trimmed)) pieces.push(trimmed);
  };
  let rest = text.replace(LEADING_BREAKS, '');
  while (rest !== '') {
    const limit = fitIndex(rest, maxBytes);
    if (limit >= rest.length) {
      keep(rest);
      break;
    }
    const { end, next } = breakPoint(rest, limit);
    keep(rest.slice(0, end));
    rest = rest.slice(next).replace(LEADING_BREAKS, '');
  }
  return pieces;
}

/**
 * `text` cut to at most `max` UTF-8 bytes on a grapheme boundary, ending with `ellipsis` when cut.
 * For a field WeCom would cut or reject (card titles, button text). When even the ellipsis does
 * not fit, the text is cut without one.
 */
export function truncateBytes(text: string, max: number, ellipsis = '…'): string {
  if (utf8Bytes(text) <= max) return text;
  const budget = max - utf8Bytes(ellipsis);
  if (budget < 0) return text.slice(0, graphemeBoundary(text, fitIndex(text, Math.max(0, max))));
  const cut = graphemeBoundary(text, fitIndex(text, budget));
  return `${text.slice(0, cut).trimEnd()}${ellipsis}`;
}

/**
 * `text` split as by `splitByBytes`, each piece with a page marker (`(2/3)`) as its first line when
 * there is more than one; room for the marker is kept, so every page, marker included, is within
 * `maxBytes`. One piece comes back unmarked. The marker must be short (under half of `maxBytes`).
 */
export function splitIntoPages(text: string, marker: (page: number, pages: number) => string, maxBytes: number = WECOM_TEXT_LIMIT): string[] {
  let pieces = splitByBytes(text, maxBytes);
  if (pieces.length <= 1) return pieces;
  const room = (pages: number): number => {
    let bytes = 0;
    for (let page = 1; page <= pages; page++) bytes = Math.max(bytes, utf8Bytes(marker(page, pages)) + 1);
    return bytes;
  };
  // The marker's size depends on the page count, which depends on the room the marker leaves, so
  // the room only grows until it holds the marker of every page; that ends within a few rounds.
  let reserved = 0;
  for (let needed = room(pieces.length); needed > reserved; needed = room(pieces.length)) {
    reserved = needed;
    if (reserved * 2 > maxBytes) throw new RangeError(`page marker too long for ${maxBytes} bytes`);
    pieces = splitByBytes(text, maxBytes - reserved);
  }
  return pieces.map((piece, i) => `${marker(i + 1, pieces.length)}\n${piece}`);
}
