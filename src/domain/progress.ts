import type { KeyResultMeasure } from './key-result';

/** Largest finite double: progress saturates here instead of overflowing to Infinity. */
const MAX = Number.MAX_VALUE;
// Module-level aliases: global lookups (Math, Number) are slow inside vm contexts such as Jest's,
// and these functions run a million times per lag sweep.
const isFiniteNumber = Number.isFinite;
const round = Math.round;

/**
 * Fraction of the way from start to target (1.2 = 120 %), unclamped and always finite.
 * Stored unclamped so over-achievement is visible; clamp only for display and roll-up.
 */
export function keyResultProgress(m: KeyResultMeasure): number {
  const { kind, start, target, current } = m;
  // No check-in yet: every kind counts as "nothing achieved", even when start == target.
  if (current === null) return 0;
  if (!isFiniteNumber(current) || !isFiniteNumber(start) || !isFiniteNumber(target)) return 0;
  switch (kind) {
    case 'stay_above':
      return current >= target ? 1 : 0;
    case 'stay_below':
      return current <= target ? 1 : 0;
    case 'milestone':
      return current >= 1 ? 1 : 0;
    case 'increase':
      return fraction(current, start, target, current >= target);
    case 'decrease':
      return fraction(current, start, target, current <= target);
  }
}

/**
 * (cur-start)/(target-start) without overflow. Both formulas in design.md §2 are this same
 * ratio; `reachedIfFlat` answers the start == target case, where the ratio is 0/0.
 */
function fraction(current: number, start: number, target: number, reachedIfFlat: boolean): number {
  // Halving first keeps the differences finite even for values near ±MAX_VALUE.
  const num = current / 2 - start / 2;
  const den = target / 2 - start / 2;
  if (den === 0) return reachedIfFlat ? 1 : 0;
  const ratio = num / den;
  // A tiny denominator can still overflow the quotient; saturating keeps it monotonic and finite.
  if (ratio > MAX) return MAX;
  if (ratio < -MAX) return -MAX;
  return ratio === 0 ? 0 : ratio; // normalise -0 so callers never print "-0"
}

/** Progress clamped to [0, 1]; NaN counts as 0. */
export function clampProgress(p: number): number {
  if (!(p > 0)) return 0; // also catches NaN
  return p > 1 ? 1 : p;
}

/** Clamped progress as a whole percentage (0–100) for display. */
export function progressPercent(p: number): number {
  return round(clampProgress(p) * 100);
}

/** The KR value that corresponds to a progress fraction, e.g. "expected 62 by today". */
export function valueAtProgress(m: KeyResultMeasure, fraction: number): number {
  const f = isFiniteNumber(fraction) ? fraction : 0;
  switch (m.kind) {
    case 'increase':
    case 'decrease':
      return m.start + f * (m.target - m.start);
    case 'stay_above':
    case 'stay_below':
      // A threshold is either held or not: the value to hold is the target itself.
      return m.target;
    case 'milestone':
      return f;
  }
}
