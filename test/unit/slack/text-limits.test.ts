import fc from 'fast-check';
import { escapeMrkdwn, mention } from '../../../src/slack/blocks/escape';
import { clamp, clampMrkdwn } from '../../../src/slack/blocks/text-limits';

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

describe('clamp', () => {
  it('should leave text that fits alone and cut the rest with an ellipsis', () => {
    expect(clamp('hello', 5)).toBe('hello');
    expect(clamp('hello world', 8)).toBe('hello w…');
    expect(clamp('hello world', 8)).toHaveLength(8);
  });

  it('should never return more than max code units nor split a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer({ min: 2, max: 250 }), (text, max) => {
        const out = clamp(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        if (text.length <= max) expect(out).toBe(text);
        else expect(out.endsWith('…')).toBe(true);
        for (let i = 0; i < out.length; i++) {
          const code = out.charCodeAt(i);
          if (isHighSurrogate(code)) expect(isLowSurrogate(out.charCodeAt(i + 1))).toBe(true);
          if (isLowSurrogate(code)) expect(isHighSurrogate(out.charCodeAt(i - 1))).toBe(true);
        }
        expect(text.startsWith(out.endsWith('…') && out !== text ? out.slice(0, -1) : out)).toBe(true);
      }),
    );
  });

  it('should cut before an emoji rather than through it', () => {
    expect(clamp('ab😀cd', 4)).toBe('ab…');
    expect(clamp('😀😀😀', 4)).toBe('😀…');
  });
});

describe('clampMrkdwn', () => {
  it('should not leave half an entity behind', () => {
    const escaped = escapeMrkdwn('a<<<<<<<<');
    const out = clampMrkdwn(escaped, 9);
    expect(out.length).toBeLessThanOrEqual(9);
    expect(out).toBe('a&lt;…');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), fc.integer({ min: 2, max: 120 }), (text, max) => {
        const cut = clampMrkdwn(escapeMrkdwn(text), max);
        expect(cut.length).toBeLessThanOrEqual(max);
        // Every `&` left in the output still starts a whole entity.
        expect(cut.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
      }),
    );
  });
});

describe('escapeMrkdwn', () => {
  it('should escape exactly &, < and >, & first', () => {
    expect(escapeMrkdwn('<!channel> & <@U1> &lt;')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt; &amp;lt;');
    expect(escapeMrkdwn('*bold* "quotes" \'x\' 中文 😀')).toBe('*bold* "quotes" \'x\' 中文 😀');
  });

  it('should leave no raw angle bracket and decode back to the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const escaped = escapeMrkdwn(text);
        expect(escaped).not.toMatch(/[<>]/);
        expect(escaped.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).toBe(text);
      }),
    );
  });
});

describe('mention', () => {
  it('should mention real user ids and escape anything else', () => {
    expect(mention('U012AB3CD')).toBe('<@U012AB3CD>');
    expect(mention('W0123')).toBe('<@W0123>');
    expect(mention('<!channel>')).toBe('&lt;!channel&gt;');
    expect(mention('U1> <!here')).toBe('U1&gt; &lt;!here');
  });
});
