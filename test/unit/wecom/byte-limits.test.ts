import fc from 'fast-check';
import { splitByBytes, splitIntoPages, truncateBytes, utf8Bytes, WECOM_TEXT_LIMIT } from '../../../src/wecom/messages/byte-limits';

// WeCom measures text in UTF-8 bytes and cuts silently beyond 2,048 of them, so the splitter must
// keep every piece within the limit, never cut a character in half, and lose nothing.

/** Text the way people write it in WeCom: Latin, 汉字, emoji (incl. ZWJ families), punctuation and line breaks. */
const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('关键结果', '提升客户满意度', '。', '，', '！', '👍', '👨‍👩‍👧', '🇨🇳', 'é', ' ', '  ', '\n', '\n\n', '\r\n', 'KR-12', '\u3000'),
);
const text = fc.array(piece, { maxLength: 200 }).map((parts) => parts.join(''));
const limit = fc.integer({ min: 4, max: 300 });

const noWhitespace = (s: string): string => s.replace(/\s/g, '');
/** Lone surrogates (which fast-check's binary strings include) replaced, as an encoder would; ES2024's toWellFormed is not in our lib. */
const toWellFormed = (s: string): string => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
/** True when the string survives a UTF-8 round trip: no lone surrogate was made by a cut. */
const wellFormed = (s: string): boolean => Buffer.from(s, 'utf8').toString('utf8') === s;

describe('utf8Bytes', () => {
  it('should count 1 byte per ASCII letter, 3 per 汉字 and 4 per emoji', () => {
    expect(utf8Bytes('KR-12')).toBe(5);
    expect(utf8Bytes('有风险')).toBe(9);
    expect(utf8Bytes('👍')).toBe(4);
    expect(WECOM_TEXT_LIMIT).toBe(2048);
  });
});

describe('splitByBytes', () => {
  it('should keep every piece within the limit, valid UTF-8, non-blank, and lose nothing', () => {
    fc.assert(
      fc.property(text, limit, (input, max) => {
        const wellFormedInput = toWellFormed(input);
        const pieces = splitByBytes(wellFormedInput, max);
        for (const p of pieces) {
          expect(utf8Bytes(p)).toBeLessThanOrEqual(max);
          expect(wellFormed(p)).toBe(true);
          expect(p.trim()).not.toBe('');
        }
        expect(noWhitespace(pieces.join(''))).toBe(noWhitespace(wellFormedInput));
      }),
      { numRuns: 300 },
    );
  });

  it('should keep the pieces in order, each one a slice of the text', () => {
    fc.assert(
      fc.property(text, limit, (input, max) => {
        let from = 0;
        for (const p of splitByBytes(input, max)) {
          const at = input.indexOf(p, from);
          expect(at).toBeGreaterThanOrEqual(from);
          from = at + p.length;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('should return a short text as it is, and nothing for a blank one', () => {
    expect(splitByBytes('hello\nworld')).toEqual(['hello\nworld']);
    expect(splitByBytes('  \n\n ')).toEqual([]);
    expect(splitByBytes('')).toEqual([]);
  });

  it('should break at line ends first, dropping only the break', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i} ${'x'.repeat(90)}`);
    const pieces = splitByBytes(lines.join('\n'), 500);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('\n')).toBe(lines.join('\n'));
    for (const p of pieces) expect(p.split('\n').every((l) => lines.includes(l))).toBe(true);
  });

  it('should break a long line at a space or after Chinese punctuation, not inside a word', () => {
    const words = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');
    const pieces = splitByBytes(words, 64);
    expect(pieces.join(' ')).toBe(words);
    const chinese = '我们本周完成了客户访谈，整理了反馈。'.repeat(20);
    const cjk = splitByBytes(chinese, 100);
    expect(cjk.join('')).toBe(chinese);
    for (const p of cjk.slice(0, -1)) expect(p).toMatch(/[，。]$/);
  });

  it('should never split an emoji, a ZWJ family or a flag', () => {
    const emoji = '👨‍👩‍👧🇨🇳👍🏽'.repeat(50);
    for (const max of [4, 7, 25, 26, 100]) {
      const pieces = splitByBytes(emoji, max);
      expect(pieces.join('')).toBe(emoji);
      for (const p of pieces) expect(wellFormed(p)).toBe(true);
    }
    // A family is 18 bytes: with room for it, it is never torn apart.
    expect(splitByBytes('👨‍👩‍👧'.repeat(10), 40).every((p) => /^(?:👨‍👩‍👧)+$/u.test(p))).toBe(true);
  });

  it('should refuse a limit too small for a code point', () => {
    expect(() => splitByBytes('abc', 3)).toThrow(RangeError);
  });
});

describe('truncateBytes', () => {
  it('should fit the limit with its ellipsis, on a character boundary', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 200 }), (input, max) => {
        const wellFormedInput = toWellFormed(input);
        const cut = truncateBytes(wellFormedInput, max);
        expect(utf8Bytes(cut)).toBeLessThanOrEqual(Math.max(max, 0));
        expect(wellFormed(cut)).toBe(true);
        if (utf8Bytes(wellFormedInput) <= max) expect(cut).toBe(wellFormedInput);
      }),
      { numRuns: 300 },
    );
  });

  it('should end a cut text with the ellipsis', () => {
    expect(truncateBytes('提升客户满意度', 10)).toBe('提升…');
    expect(truncateBytes('Raise NPS from 30 to 45', 12)).toBe('Raise NPS…');
    expect(truncateBytes('short', 10)).toBe('short');
    expect(truncateBytes('abcdef', 2)).toBe('ab');
  });
});

describe('splitIntoPages', () => {
  const marker = (page: number, pages: number): string => `(${page}/${pages})`;

  it('should mark every page when there are several, marker included in the limit', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 40, max: 300 }), (input, max) => {
        const pages = splitIntoPages(input, marker, max);
        for (const p of pages) expect(utf8Bytes(p)).toBeLessThanOrEqual(max);
        if (pages.length > 1) pages.forEach((p, i) => expect(p.startsWith(`(${i + 1}/${pages.length})\n`)).toBe(true));
      }),
      { numRuns: 200 },
    );
  });

  it('should leave a single page unmarked', () => {
    expect(splitIntoPages('hello', marker)).toEqual(['hello']);
    const many = splitIntoPages('汉字'.repeat(2000), marker);
    expect(many.length).toBeGreaterThan(3);
    expect(many.at(-1)).toMatch(new RegExp(`^\\(${many.length}/${many.length}\\)\\n`));
  });
});
