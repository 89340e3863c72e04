import { button, context, header, sections } from '../../../src/slack/blocks/block-builders';
import { blockKitViolations } from '../../../src/slack/blocks/limits-check';
import { LIMIT } from '../../../src/slack/blocks/text-limits';

describe('block builders', () => {
  it('should pack lines into as few sections as fit, each within 3,000 characters', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `${i} ${'x'.repeat(95)}`);
    const packed = sections(lines);
    expect(packed.length).toBe(4);
    for (const s of packed) expect(s.text?.text.length).toBeLessThanOrEqual(LIMIT.textObject);
    expect(packed.map((s) => s.text?.text).join('\n')).toBe(lines.join('\n'));
  });

  it('should clamp a single oversized line and drop blank lines at section edges', () => {
    const packed = sections(['', 'x'.repeat(10_000), '', 'short', '']);
    expect(packed).toHaveLength(2);
    expect(packed[0]?.text?.text.length).toBe(LIMIT.textObject);
    expect(packed[1]?.text?.text).toBe('short');
    expect(sections(['', ' '])).toEqual([]);
  });

  it('should never produce an empty or oversized text object', () => {
    const blocks = [header(''), header('h'.repeat(500)), context(''), context(...Array.from({ length: 30 }, (_, i) => `c${i}`))];
    expect(blockKitViolations({ text: 'x', blocks }, 'message')).toEqual([]);
    expect(context(...Array.from({ length: 30 }, (_, i) => `c${i}`)).elements).toHaveLength(LIMIT.contextElements);
    const b = button('b'.repeat(200), 'id', 'v'.repeat(3_000));
    expect(b.text.text.length).toBeLessThanOrEqual(LIMIT.buttonText);
    expect(b.value?.length).toBeLessThanOrEqual(LIMIT.buttonValue);
    expect(button('Go', 'id', '')).not.toHaveProperty('value');
  });
});
