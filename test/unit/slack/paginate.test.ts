import type { KnownBlock } from '@slack/types';
import fc from 'fast-check';
import { fitView, splitIntoMessages } from '../../../src/slack/blocks/paginate';
import { LIMIT } from '../../../src/slack/blocks/text-limits';
import { blockKitViolations } from '../../../src/slack/blocks/limits-check';

const numbered = (n: number): KnownBlock[] =>
  Array.from({ length: n }, (_, i) => ({ type: 'section', text: { type: 'mrkdwn', text: `block ${i}` } }));
const label = (b: KnownBlock | undefined): string => (b?.type === 'section' ? (b.text?.text ?? '') : (b?.type ?? ''));

describe('splitIntoMessages', () => {
  it('should keep a short reply in one message, unchanged', () => {
    const blocks = numbered(50);
    expect(splitIntoMessages('hi', blocks)).toEqual([{ text: 'hi', blocks }]);
  });

  it('should send text only when there are no blocks', () => {
    expect(splitIntoMessages('hi', [])).toEqual([{ text: 'hi', blocks: [] }]);
  });

  it('should never put more than 50 blocks in a message, and keep every block once, in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), (n) => {
        const messages = splitIntoMessages('title', numbered(n));
        for (const m of messages) {
          expect(m.blocks.length).toBeLessThanOrEqual(LIMIT.blocksPerMessage);
          expect(blockKitViolations(m, 'message')).toEqual([]);
        }
        const content = messages.flatMap((m, i) => (i === 0 ? m.blocks : m.blocks.slice(1))).map(label);
        expect(content).toEqual(numbered(n).map(label));
      }),
    );
  });

  it('should open every continuation with a "(continued)" context in the reader’s language', () => {
    const [first, second, third] = splitIntoMessages('My OKRs', numbered(120), 'en');
    expect(first?.blocks).toHaveLength(50);
    expect(second?.blocks[0]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '(continued)', verbatim: true }] });
    expect(second?.blocks).toHaveLength(50);
    expect(second?.text).toBe('My OKRs (continued)');
    expect(third?.blocks).toHaveLength(120 - 50 - 49 + 1);
    expect(splitIntoMessages('我的 OKR', numbered(51), 'zh-CN')[1]?.text).toBe('我的 OKR （续）');
  });

  it('should keep the message text within the limit and never empty', () => {
    const [long] = splitIntoMessages('&'.repeat(3_000).replace(/&/g, '&amp;'), numbered(1));
    expect(long!.text.length).toBeLessThanOrEqual(LIMIT.messageText);
    expect(long!.text).toMatch(/&amp;…$/);
    expect(splitIntoMessages('  ', numbered(1))[0]?.text.trim()).not.toBe('');
  });
});

describe('fitView', () => {
  it('should leave a view that fits alone', () => {
    const blocks = numbered(100);
    expect(fitView(blocks)).toEqual(blocks);
  });

  it('should keep the first 99 blocks and say how many more there are', () => {
    const fitted = fitView(numbered(250));
    expect(fitted).toHaveLength(100);
    expect(label(fitted[98])).toBe('block 98');
    expect(fitted[99]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '… and 151 more not shown.', verbatim: true }] });
    expect(fitView(numbered(1_500), 10, 'zh-CN')[9]).toMatchObject({ elements: [{ text: '……还有 1,491 项未显示。' }] });
  });

  it('should honour a smaller maximum and produce a valid home view', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 100 }), (n, max) => {
        const fitted = fitView(numbered(n), max);
        expect(fitted.length).toBeLessThanOrEqual(max);
        expect(fitted.length).toBe(Math.min(n, max));
        expect(blockKitViolations({ type: 'home', blocks: fitted }, 'home')).toEqual([]);
      }),
    );
  });
});
