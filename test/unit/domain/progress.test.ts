import fc from 'fast-check';
import { KEY_RESULT_KINDS, type KeyResultMeasure } from '../../../src/domain/key-result';
import { clampProgress, keyResultProgress, progressPercent, valueAtProgress } from '../../../src/domain/progress';

const m = (kind: KeyResultMeasure['kind'], start: number, target: number, current: number | null): KeyResultMeasure => ({
  kind,
  start,
  target,
  current,
});

describe('keyResultProgress', () => {
  it.each([
    ['increase', 0, 100, 50, 0.5],
    ['increase', 0, 100, 120, 1.2],
    ['increase', 10, 20, 5, -0.5],
    ['increase', 10, 20, null, 0],
    ['increase', 5, 5, 5, 1],
    ['increase', 5, 5, 4, 0],
    ['increase', 5, 5, null, 0],
    ['decrease', 100, 40, 70, 0.5],
    ['decrease', 100, 40, 10, 1.5],
    ['decrease', 100, 40, null, 0],
    ['decrease', 5, 5, 4, 1],
    ['decrease', 5, 5, 6, 0],
    ['stay_above', 0, 95, 95, 1],
    ['stay_above', 0, 95, 94.9, 0],
    ['stay_above', 0, 95, null, 0],
    ['stay_below', 0, 2, 2, 1],
    ['stay_below', 0, 2, 3, 0],
    ['stay_below', 0, 2, null, 0],
    ['milestone', 0, 1, 1, 1],
    ['milestone', 0, 1, 0, 0],
    ['milestone', 0, 1, null, 0],
    ['increase', 0, 100, NaN, 0],
    ['increase', 0, Infinity, 5, 0],
    ['increase', -Infinity, 10, 5, 0],
  ] as const)('%s %p -> %p at %p = %p', (kind, start, target, current, expected) => {
    expect(keyResultProgress(m(kind, start, target, current))).toBeCloseTo(expected, 12);
  });

  it('never returns -0', () => {
    expect(Object.is(keyResultProgress(m('increase', 3, 10, 3)), 0)).toBe(true);
  });

  it('is finite for every double, every kind', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KEY_RESULT_KINDS), fc.double(), fc.double(), fc.option(fc.double()), (kind, s, t, c) => {
        expect(Number.isFinite(keyResultProgress(m(kind, s, t, c)))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('start == target never yields NaN or Infinity', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KEY_RESULT_KINDS), fc.double(), fc.option(fc.double()), (kind, s, c) => {
        const p = keyResultProgress(m(kind, s, s, c));
        expect(Number.isFinite(p)).toBe(true);
        expect(p === 0 || p === 1).toBe(true);
      }),
    );
  });

  const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

  it('increase: a higher current never lowers progress', () => {
    fc.assert(
      fc.property(finite, finite, finite, finite, (s, t, a, b) => {
        fc.pre(t > s);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(keyResultProgress(m('increase', s, t, hi))).toBeGreaterThanOrEqual(keyResultProgress(m('increase', s, t, lo)));
      }),
      { numRuns: 2000 },
    );
  });

  it('decrease: a lower current never lowers progress', () => {
    fc.assert(
      fc.property(finite, finite, finite, finite, (s, t, a, b) => {
        fc.pre(t < s);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(keyResultProgress(m('decrease', s, t, lo))).toBeGreaterThanOrEqual(keyResultProgress(m('decrease', s, t, hi)));
      }),
      { numRuns: 2000 },
    );
  });

  it('reaching the target is exactly 1 for increase/decrease', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -1e6, max: 1e6 }), (s, t) => {
        expect(keyResultProgress(m('increase', s, t, t))).toBe(1);
        expect(keyResultProgress(m('decrease', s, t, t))).toBe(1);
      }),
    );
  });
});

describe('clampProgress / progressPercent', () => {
  it.each([
    [-0.5, 0, 0],
    [0.123, 0.123, 12],
    [0.625, 0.625, 63],
    [1.2, 1, 100],
    [NaN, 0, 0],
  ])('%p -> %p / %p%%', (p, clamped, pct) => {
    expect(clampProgress(p)).toBe(clamped);
    expect(progressPercent(p)).toBe(pct);
  });

  it('stays within [0, 1] for every double', () => {
    fc.assert(
      fc.property(fc.double(), (p) => {
        const c = clampProgress(p);
        expect(c >= 0 && c <= 1).toBe(true);
      }),
    );
  });
});

describe('valueAtProgress', () => {
  it.each([
    [m('increase', 0, 100, null), 0.62, 62],
    [m('decrease', 100, 40, 90), 0.5, 70],
    [m('stay_above', 0, 95, 90), 0.5, 95],
    [m('stay_below', 0, 2, 3), 0.5, 2],
    [m('milestone', 0, 1, 0), 0.4, 0.4],
  ])('%o at %p = %p', (measure, f, value) => {
    expect(valueAtProgress(measure, f)).toBeCloseTo(value, 12);
  });

  it('is the inverse of keyResultProgress for increase/decrease', () => {
    const int = fc.integer({ min: -1e6, max: 1e6 });
    fc.assert(
      fc.property(fc.constantFrom('increase' as const, 'decrease' as const), int, int, fc.double({ min: -2, max: 2, noNaN: true }), (kind, s, t, f) => {
        fc.pre(s !== t);
        const v = valueAtProgress(m(kind, s, t, null), f);
        expect(keyResultProgress(m(kind, s, t, v))).toBeCloseTo(f, 6);
      }),
    );
  });
});
