import fc from 'fast-check';
import { CONFIDENCES, PACE_CURVES, type Confidence } from '../../../src/domain/key-result';
import { DEFAULT_LAG_POLICY, lagVerdict, nextConfidenceFalls, type LagInput } from '../../../src/domain/lag';
import { cycleFraction, expectedProgress } from '../../../src/domain/pace';
import { keyResultProgress, progressPercent } from '../../../src/domain/progress';

const DAY = 86_400_000;
const cycleStart = new Date('2026-10-01T00:00:00Z');
const cycleEnd = new Date(cycleStart.getTime() + 100 * DAY);
const day = (n: number) => new Date(cycleStart.getTime() + n * DAY);

/** An increase KR 0 -> 100, checked in at `now` (default day 50) unless overridden. */
const input = (over: Partial<LagInput> & { now?: Date } = {}): LagInput => ({
  kind: 'increase',
  start: 0,
  target: 100,
  current: 0,
  unit: null,
  paceCurve: 'linear',
  cycleStart,
  cycleEnd,
  createdAt: cycleStart,
  lastCheckInAt: over.now ?? day(50),
  confidence: null,
  confidenceFalls: 0,
  ...over,
});

describe('lagVerdict', () => {
  it('explains behind_pace in numbers', () => {
    const v = lagVerdict(input({ current: 20 }), DEFAULT_LAG_POLICY, day(50));
    expect(v).toEqual({
      lagging: true,
      severity: 1,
      reasons: [{ type: 'behind_pace', expectedPercent: 50, actualPercent: 20, gapPoints: 30, expectedValue: 50, currentValue: 20 }],
    });
  });

  it.each([
    [29, 0], // gap 21 -> 1
    [5, 1], // gap 45 -> 2
    [0, 1], // gap 50 -> 2 (not above 3 × 20)
  ])('severity grows with the gap (current %p)', (current, extra) => {
    const v = lagVerdict(input({ current }), DEFAULT_LAG_POLICY, day(50));
    expect(v.severity).toBe(1 + extra);
    const far = lagVerdict(input({ current: 0, now: day(70) }), DEFAULT_LAG_POLICY, day(70));
    expect(far.severity).toBe(3); // gap 70 > 3 × 20
  });

  it('is not lagging exactly at the threshold', () => {
    expect(lagVerdict(input({ current: 30 }), DEFAULT_LAG_POLICY, day(50)).lagging).toBe(false);
  });

  it('reports decrease values in KR units, rounded to 2 decimals', () => {
    const v = lagVerdict(input({ kind: 'decrease', start: 10, target: 1, current: 9.123 }), DEFAULT_LAG_POLICY, day(33));
    expect(v.reasons).toEqual([
      { type: 'behind_pace', expectedPercent: 33, actualPercent: 10, gapPoints: 23, expectedValue: 7.03, currentValue: 9.12 },
    ]);
  });

  it('nothing lags before the cycle starts', () => {
    const v = lagVerdict(
      input({ current: null, lastCheckInAt: null, createdAt: day(-90), confidenceFalls: 5, kind: 'stay_above', target: 9, start: 0 }),
      DEFAULT_LAG_POLICY,
      day(-1),
    );
    expect(v).toEqual({ lagging: false, severity: 0, reasons: [] });
  });

  it('milestones follow end_loaded whatever their curve', () => {
    const ms = (now: number) => lagVerdict(input({ kind: 'milestone', start: 0, target: 1, current: 0, paceCurve: 'front_loaded', now: day(now) }), DEFAULT_LAG_POLICY, day(now));
    expect(ms(70).lagging).toBe(false);
    expect(ms(80).lagging).toBe(false); // expected 20 %, gap 20: not more than the threshold
    expect(ms(90).reasons).toEqual([{ type: 'behind_pace', expectedPercent: 60, actualPercent: 0, gapPoints: 60, expectedValue: 0.6, currentValue: 0 }]);
    const done = lagVerdict(input({ kind: 'milestone', start: 0, target: 1, current: 1, now: day(99) }), DEFAULT_LAG_POLICY, day(99));
    expect(done.lagging).toBe(false);
  });

  it('flags a broken threshold, not a missing reading', () => {
    const above = (current: number | null) => lagVerdict(input({ kind: 'stay_above', start: 0, target: 95, current, now: day(10) }), DEFAULT_LAG_POLICY, day(10));
    expect(above(96).lagging).toBe(false);
    expect(above(null).lagging).toBe(false);
    expect(above(94.5)).toEqual({ lagging: true, severity: 2, reasons: [{ type: 'threshold_broken', threshold: 95, currentValue: 94.5 }] });
    const below = lagVerdict(input({ kind: 'stay_below', start: 0, target: 2, current: 3, now: day(99) }), DEFAULT_LAG_POLICY, day(99));
    expect(below.reasons).toEqual([{ type: 'threshold_broken', threshold: 2, currentValue: 3 }]);
  });

  it('counts days without a check-in while the cycle runs', () => {
    const stale = (lastCheckIn: number | null, now: number, createdAt = 0) =>
      lagVerdict(
        input({ kind: 'stay_above', target: 1, current: 5, lastCheckInAt: lastCheckIn === null ? null : day(lastCheckIn), createdAt: day(createdAt) }),
        DEFAULT_LAG_POLICY,
        day(now),
      );
    expect(stale(10, 23.9).lagging).toBe(false);
    expect(stale(10, 24)).toEqual({ lagging: true, severity: 1, reasons: [{ type: 'no_check_in', days: 14 }] });
    expect(stale(null, 28, 0).reasons).toEqual([{ type: 'no_check_in', days: 28 }]);
    expect(stale(null, 28, 0).severity).toBe(2);
    // Drafted long before the cycle: counted from the cycle start, not from creation.
    expect(stale(null, 5, -60).lagging).toBe(false);
    expect(stale(null, 20, -60).reasons).toEqual([{ type: 'no_check_in', days: 20 }]);
    // Once the cycle is over there is nothing left to check in.
    expect(stale(10, 101).lagging).toBe(false);
  });

  it('flags confidence falling twice in a row', () => {
    const conf = (confidence: Confidence | null, falls: number) =>
      lagVerdict(input({ kind: 'milestone', target: 1, current: 0, confidence, confidenceFalls: falls, now: day(10) }), DEFAULT_LAG_POLICY, day(10));
    expect(conf('at_risk', 1).lagging).toBe(false);
    expect(conf('off_track', 2)).toEqual({ lagging: true, severity: 2, reasons: [{ type: 'confidence_falling', falls: 2, confidence: 'off_track' }] });
    expect(conf('at_risk', 3).severity).toBe(1);
    expect(conf(null, 2).reasons).toEqual([{ type: 'confidence_falling', falls: 2, confidence: 'off_track' }]);
  });

  it('takes the highest severity over several reasons', () => {
    const v = lagVerdict(input({ current: 45, lastCheckInAt: day(40), confidence: 'off_track', confidenceFalls: 2 }), DEFAULT_LAG_POLICY, day(70));
    // gap 70 - 45 = 25 (severity 1), 30 days stale (2), falling to off_track (2)
    expect(v.reasons.map((r) => r.type)).toEqual(['behind_pace', 'no_check_in', 'confidence_falling']);
    expect(v.severity).toBe(2);
  });

  it('agrees with the pace maths on random KRs (behind_pace iff the rounded gap exceeds the threshold)', () => {
    const num = fc.integer({ min: -1000, max: 1000 });
    fc.assert(
      fc.property(
        fc.constantFrom('increase' as const, 'decrease' as const, 'milestone' as const),
        num,
        num,
        fc.option(fc.double({ min: -2000, max: 2000, noNaN: true })),
        fc.constantFrom(...PACE_CURVES),
        fc.integer({ min: 0, max: 100 * DAY }),
        fc.integer({ min: 0, max: 60 }),
        (kind, start, target, current, paceCurve, offset, thresholdPoints) => {
          const now = new Date(cycleStart.getTime() + offset);
          const kr = input({ kind, start, target, current, paceCurve, now });
          const v = lagVerdict(kr, { thresholdPoints, staleDays: 14 }, now);
          const expected = expectedProgress(kind === 'milestone' ? 'end_loaded' : paceCurve, cycleFraction(cycleStart, cycleEnd, now));
          const actual = keyResultProgress(kr);
          if (actual >= expected) {
            expect(v).toEqual({ lagging: false, severity: 0, reasons: [] });
            return;
          }
          const gap = Math.round(expected * 100) - progressPercent(actual);
          if (gap <= thresholdPoints) {
            expect(v.lagging).toBe(false);
            return;
          }
          expect(v.lagging).toBe(true);
          expect(v.reasons).toHaveLength(1);
          const r = v.reasons[0];
          if (r?.type !== 'behind_pace') throw new Error(`unexpected reason ${JSON.stringify(r)}`);
          expect(r.gapPoints).toBe(r.expectedPercent - r.actualPercent);
          expect(r.gapPoints).toBe(gap);
          expect(r.gapPoints).toBeGreaterThan(thresholdPoints);
          expect(r.actualPercent).toBe(progressPercent(actual));
          expect(v.severity).toBe(r.gapPoints > 3 * thresholdPoints ? 3 : r.gapPoints > 2 * thresholdPoints ? 2 : 1);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('nextConfidenceFalls', () => {
  it.each([
    ['on_track', 'at_risk', 0, 1],
    ['at_risk', 'off_track', 1, 2],
    ['on_track', 'off_track', 1, 2],
    ['at_risk', 'at_risk', 1, 0],
    ['off_track', 'at_risk', 2, 0],
    ['at_risk', null, 1, 1],
    [null, 'off_track', 3, 0],
    [null, null, 2, 2],
  ] as const)('%s -> %s after %p falls = %p', (previous, next, falls, expected) => {
    expect(nextConfidenceFalls(previous, next, falls)).toBe(expected);
  });

  it('a sequence falls at most twice in a row on the three-step scale', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom(...CONFIDENCES))), (seq) => {
        let previous: Confidence | null = null;
        let falls = 0;
        for (const c of seq) {
          falls = nextConfidenceFalls(previous, c, falls);
          if (c !== null) previous = c;
          expect(falls).toBeLessThanOrEqual(2);
          if (falls === 2) expect(previous).toBe('off_track');
        }
      }),
    );
  });
});
