import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { PACE_CURVES } from '../../../src/domain/key-result';
import { cycleFraction, expectedProgress } from '../../../src/domain/pace';

const d = (iso: string) => new Date(iso);

describe('cycleFraction', () => {
  const start = d('2026-10-01T00:00:00Z');
  const end = d('2026-10-11T00:00:00Z');
  it.each([
    ['2026-09-30T00:00:00Z', 0],
    ['2026-10-01T00:00:00Z', 0],
    ['2026-10-06T00:00:00Z', 0.5],
    ['2026-10-11T00:00:00Z', 1],
    ['2027-01-01T00:00:00Z', 1],
  ])('at %s is %p', (now, fraction) => {
    expect(cycleFraction(start, end, d(now))).toBeCloseTo(fraction, 12);
  });

  it('start == end is 1 once reached, else 0', () => {
    expect(cycleFraction(start, start, d('2026-09-30T00:00:00Z'))).toBe(0);
    expect(cycleFraction(start, start, start)).toBe(1);
    expect(cycleFraction(start, start, end)).toBe(1);
  });

  it('invalid dates give 0', () => {
    expect(cycleFraction(start, end, new Date(NaN))).toBe(0);
  });

  it('uses absolute time, so a DST change does not distort it', () => {
    // America/New_York springs forward on 2026-03-08: the cycle is 14 days minus one hour.
    const s = new TZDate(2026, 2, 1, 0, 0, 0, 'America/New_York');
    const e = new TZDate(2026, 2, 15, 0, 0, 0, 'America/New_York');
    expect(e.getTime() - s.getTime()).toBe(14 * 86_400_000 - 3_600_000);
    const middle = new Date((s.getTime() + e.getTime()) / 2);
    expect(cycleFraction(s, e, middle)).toBe(0.5);
    // The same instants as plain Dates or zoned elsewhere give the same fraction.
    const noon = new TZDate(2026, 2, 8, 12, 0, 0, 'America/New_York');
    const viaUtc = cycleFraction(new Date(s.getTime()), new Date(e.getTime()), new Date(noon.getTime()));
    expect(cycleFraction(s, e, noon.withTimeZone('Asia/Shanghai'))).toBe(viaUtc);
    expect(viaUtc).toBeCloseTo((noon.getTime() - s.getTime()) / (e.getTime() - s.getTime()), 15);
  });

  it('is within [0, 1] and non-decreasing in now', () => {
    const ms = fc.integer({ min: -1e13, max: 1e13 });
    fc.assert(
      fc.property(ms, ms, ms, ms, (a, b, x, y) => {
        const [s, e] = [new Date(Math.min(a, b)), new Date(Math.max(a, b))];
        const f1 = cycleFraction(s, e, new Date(Math.min(x, y)));
        const f2 = cycleFraction(s, e, new Date(Math.max(x, y)));
        expect(f1 >= 0 && f2 <= 1 && f1 <= f2).toBe(true);
      }),
    );
  });
});

describe('expectedProgress', () => {
  it.each([
    ['linear', 0.5, 0.5],
    ['front_loaded', 0.5, 0.75],
    ['back_loaded', 0.5, 0.25],
    ['end_loaded', 0.5, 0],
    ['end_loaded', 0.75, 0],
    ['end_loaded', 0.875, 0.5],
    ['linear', -1, 0],
    ['linear', 2, 1],
    ['linear', NaN, 0],
  ] as const)('%s at %p is %p', (curve, t, expected) => {
    expect(expectedProgress(curve, t)).toBeCloseTo(expected, 12);
  });

  it.each(PACE_CURVES)('%s starts at 0 and ends at 1', (curve) => {
    expect(expectedProgress(curve, 0)).toBe(0);
    expect(expectedProgress(curve, 1)).toBe(1);
  });

  it('is monotonic and within [0, 1] for every curve', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PACE_CURVES), fc.double(), fc.double(), (curve, a, b) => {
        fc.pre(!Number.isNaN(a) && !Number.isNaN(b));
        const lo = expectedProgress(curve, Math.min(a, b));
        const hi = expectedProgress(curve, Math.max(a, b));
        expect(lo >= 0 && hi <= 1 && lo <= hi).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
