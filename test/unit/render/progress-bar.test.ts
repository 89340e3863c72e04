import fc from 'fast-check';
import { progressBar } from '../../../src/render/text/progress-bar';

const cells = (bar: string): string => bar.split(' ')[0]!;

describe('progressBar', () => {
  it.each([
    [0.52, '▓▓▓▓▓░░░░░ 52%'],
    [0.6, '▓▓▓▓▓▓░░░░ 60%'],
    [0, '░░░░░░░░░░ 0%'],
    [1, '▓▓▓▓▓▓▓▓▓▓ 100%'],
    [0.97, '▓▓▓▓▓▓▓▓▓░ 97%'],
    [1.2, '▓▓▓▓▓▓▓▓▓▓ 100%'],
    [-0.3, '░░░░░░░░░░ 0%'],
    [Number.NaN, '░░░░░░░░░░ 0%'],
  ])('%p -> %p', (progress, expected) => {
    expect(progressBar(progress)).toBe(expected);
  });

  it('should always have ten cells and a clamped percentage', () => {
    fc.assert(
      fc.property(fc.double(), (p) => {
        const bar = progressBar(p);
        expect([...cells(bar)]).toHaveLength(10);
        expect(cells(bar)).toMatch(/^▓*░*$/);
        const percent = Number(/ (\d+)%$/.exec(bar)?.[1]);
        expect(percent).toBeGreaterThanOrEqual(0);
        expect(percent).toBeLessThanOrEqual(100);
      }),
    );
  });
});
