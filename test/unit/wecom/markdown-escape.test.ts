import fc from 'fast-check';
import { bold, colored, escapeMarkdown, escapeText, markdownMarkupIn } from '../../../src/wecom/messages/markdown-escape';

// User text in WeCom markdown must show as typed and never become a link, a font tag, a mention,
// a heading, a quote, bold or code: the escape swaps every character that can open markup for its
// full-width twin.

/** Text rich in markup characters, line breaks and Chinese. */
const hostile = fc
  .array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('[', ']', '(', ')', '<', '>', '*', '**', '`', '#', '##', '\\', '&', '&lt;', '\n', ' ', '\n#', '\n>', '<font color="warning">', '</font>', '[x](http://evil)', '<@all>', '关键结果', '👍')), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('escapeMarkdown', () => {
  it('should leave no markup WeCom would interpret, in any text', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const escaped = escapeMarkdown(text);
        expect(markdownMarkupIn(escaped)).toEqual([]);
        expect(escaped).not.toContain('](');
        expect(escaped).not.toMatch(/^[ \t]*[#>]/m);
      }),
      { numRuns: 500 },
    );
  });

  it('should keep the text readable: one full-width twin per markup character, everything else as typed', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const escaped = escapeMarkdown(text);
        expect([...escaped]).toHaveLength([...text].length);
        // Mapped back to ASCII on both sides (the user may type full-width forms too), nothing else changed.
        const narrow = (s: string): string => s.replace(/[［］＜＞＊｀＼＆＃]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
        expect(narrow(escaped)).toBe(narrow(text));
      }),
    );
  });

  it('should escape links, font tags, headings, quotes, emphasis and code', () => {
    expect(escapeMarkdown('[x](http://evil)')).toBe('［x］(http://evil)');
    expect(escapeMarkdown('<font color="warning">boss</font>')).toBe('＜font color="warning"＞boss＜/font＞');
    expect(escapeMarkdown('# big\n  ## bigger\nnot a #heading')).toBe('＃ big\n  ＃# bigger\nnot a #heading');
    expect(escapeMarkdown('> quote **bold** `code` \\* &lt;')).toBe('＞ quote ＊＊bold＊＊ ｀code｀ ＼＊ ＆lt;');
    expect(escapeMarkdown('提升 NPS (30 → 45)')).toBe('提升 NPS (30 → 45)');
  });

  it('should wrap only escaped text in our own markup', () => {
    expect(bold('**x**')).toBe('**＊＊x＊＊**');
    expect(colored('</font><font color="info">', 'comment')).toBe('<font color="comment">＜/font＞＜font color="info"＞</font>');
  });
});

describe('escapeText', () => {
  it('should make angle brackets inert, so a text message cannot carry a link', () => {
    expect(escapeText('<a href="http://evil">KR-12</a>')).toBe('＜a href="http://evil"＞KR-12＜/a＞');
    expect(escapeText('[x](y) **z**')).toBe('[x](y) **z**');
  });
});
