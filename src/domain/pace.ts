import type { PaceCurve } from './key-result';

// Module-level aliases: global lookups (Math, Number) are slow inside vm contexts such as Jest's,
// and these functions run a million times per lag sweep.
const isNotANumber = Number.isNaN;

/**
 * Elapsed fraction of the cycle in [0, 1]. Uses absolute epoch milliseconds, so DST shifts and
 * time zones cannot distort it (a 23-hour day is simply 23 hours of the cycle).
 */
export function cycleFraction(cycleStart: Date, cycleEnd: Date, now: Date): number {
  const s = cycleStart.getTime();
  const e = cycleEnd.getTime();
  const n = now.getTime();
  if (isNotANumber(s) || isNotANumber(e) || isNotANumber(n)) return 0;
  // An empty (or inverted) cycle has no "middle": it is either not over yet or over.
  if (e <= s) return n >= e ? 1 : 0;
  if (n <= s) return 0;
  if (n >= e) return 1;
  return (n - s) / (e - s);
}

/**
 * Expected progress in [0, 1] at cycle fraction t for a pace curve; monotonic, 0 at 0 and 1 at 1.
 * Milestones always use `end_loaded` and thresholds have no pace at all: see lag.ts.
 */
export function expectedProgress(curve: PaceCurve, t: number): number {
  const x = !(t > 0) ? 0 : t > 1 ? 1 : t; // NaN → 0
  let y: number;
  switch (curve) {
    case 'linear':
      y = x;
      break;
    case 'front_loaded':
      y = 1 - (1 - x) * (1 - x);
      break;
    case 'back_loaded':
      y = x * x;
      break;
    case 'end_loaded':
      // Nothing is expected until the last quarter, then it ramps linearly to done.
      y = x <= 0.75 ? 0 : (x - 0.75) / 0.25;
      break;
  }
  return y < 0 ? 0 : y > 1 ? 1 : y;
}
