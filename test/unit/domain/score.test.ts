import fc from 'fast-check';
import { KEY_RESULT_KINDS } from '../../../src/domain/key-result';
import { scoreVerdict, suggestKeyResultScore, suggestObjectiveScore } from '../../../src/domain/score';

describe('suggestKeyResultScore', () => {
  it.each([
    ['increase', 0, 100, 64, 0.6],
    ['increase', 0, 100, 65, 0.7],
    ['increase', 0, 100, 140, 1],
    ['increase', 0, 100, -10, 0],
    ['increase', 0, 100, null, 0],
    ['decrease', 10, 0, 3, 0.7],
    ['milestone', 0, 1, 1, 1],
    ['milestone', 0, 1, 0, 0],
    ['stay_above', 0, 90, 91, 1],
    ['stay_below', 0, 90, 91, 0],
  ] as const)('%s %p -> %p at %p = %p', (kind, start, target, current, score) => {
    expect(suggestKeyResultScore({ kind, start, target, current })).toBe(score);
  });

  it('is always a tenth in [0, 1]', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KEY_RESULT_KINDS), fc.double(), fc.double(), fc.option(fc.double()), (kind, start, target, current) => {
        const s = suggestKeyResultScore({ kind, start, target, current });
        expect(s >= 0 && s <= 1).toBe(true);
        expect(Math.round(s * 10) / 10).toBe(s);
      }),
    );
  });
});

describe('suggestObjectiveScore', () => {
  it.each([
    [[], 0],
    [[{ weight: 1, score: 1 }, { weight: 1, score: 0.4 }], 0.7],
    [[{ weight: 3, score: 1 }, { weight: 1, score: 0 }], 0.8],
    [[{ weight: 1, score: 0.33 }], 0.3],
  ])('%j -> %p', (children, score) => {
    expect(suggestObjectiveScore(children)).toBe(score);
  });
});

describe('scoreVerdict', () => {
  it.each([
    [1, 'delivered'],
    [0.7, 'delivered'],
    [0.6, 'progress'],
    [0.4, 'progress'],
    [0.3, 'missed'],
    [0, 'missed'],
  ] as const)('%p is %s', (score, verdict) => {
    expect(scoreVerdict(score)).toBe(verdict);
  });
});
