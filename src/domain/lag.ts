import type { Confidence, KeyResultKind, PaceCurve } from './key-result';
import { cycleFraction, expectedProgress } from './pace';
import { clampProgress, keyResultProgress, valueAtProgress } from './progress';

/** Everything the lag verdict needs about one key result. */
export interface LagInput {
  readonly kind: KeyResultKind;
  readonly start: number;
  readonly target: number;
  readonly current: number | null;
  /** Not used by the maths; the verdict values (expectedValue, currentValue...) are in this unit. */
  readonly unit: string | null;
  readonly paceCurve: PaceCurve;
  readonly cycleStart: Date;
  readonly cycleEnd: Date;
  readonly createdAt: Date;
  readonly lastCheckInAt: Date | null;
  /** Latest stated confidence (null if never stated). */
  readonly confidence: Confidence | null;
  /** Consecutive check-ins whose confidence was worse than the one before (see nextConfidenceFalls). */
  readonly confidenceFalls: number;
}

/** Team-tunable lag settings. */
export interface LagPolicy {
  /** Points (percent) behind the expected pace before a KR lags; default 20. */
  readonly thresholdPoints: number;
  /** Days without a check-in before a KR lags; default 14. */
  readonly staleDays: number;
}

/** design.md §2 defaults. */
export const DEFAULT_LAG_POLICY: LagPolicy = { thresholdPoints: 20, staleDays: 14 };

/** Why a KR lags, in the numbers the message shows. */
export type LagReason =
  | {
      type: 'behind_pace';
      expectedPercent: number;
      actualPercent: number;
      gapPoints: number;
      expectedValue: number;
      currentValue: number;
    }
  | { type: 'no_check_in'; days: number }
  | { type: 'confidence_falling'; falls: number; confidence: Confidence }
  | { type: 'threshold_broken'; threshold: number; currentValue: number };

/** The verdict: lagging iff there is at least one reason; severity 0 (fine) to 3 (far behind). */
export interface LagVerdict {
  lagging: boolean;
  severity: 0 | 1 | 2 | 3;
  reasons: LagReason[];
}

const DAY_MS = 86_400_000;
// Module-level aliases: global lookups (Math, Number) are slow inside vm contexts such as Jest's,
// and these functions run a million times per lag sweep.
const { round, max, floor } = Math;
const isFiniteNumber = Number.isFinite;

/** Rounds to at most 2 decimals; values too large to scale are returned as they are. */
function round2(v: number): number {
  const scaled = round(v * 100) / 100;
  return isFiniteNumber(scaled) ? scaled : v;
}

/**
 * The expected value is an interpolation, so its decimals are noise: keep as many as the KR's
 * range warrants ("expected 451 ms", not "451.01 ms"; "expected 2.13 %" on a 3→1.5 range).
 */
function roundToSpan(v: number, span: number): number {
  const s = span < 0 ? -span : span;
  if (!(s >= 10)) return round2(v);
  const factor = s >= 100 ? 1 : 10;
  const scaled = round(v * factor) / factor;
  return isFiniteNumber(scaled) ? scaled : v;
}

/**
 * Decides whether a KR lags and why. Hot path (a million KRs per sweep): plain arithmetic on
 * epoch milliseconds, no date parsing. Nothing lags before its cycle starts.
 */
export function lagVerdict(input: LagInput, policy: LagPolicy, now: Date): LagVerdict {
  const nowMs = now.getTime();
  const startMs = input.cycleStart.getTime();
  if (!(nowMs >= startMs)) return { lagging: false, severity: 0, reasons: [] };
  const reasons: LagReason[] = [];
  let severity: 0 | 1 | 2 | 3 = 0;
  const threshold = policy.thresholdPoints;
  const { kind, current } = input;

  if (kind === 'stay_above' || kind === 'stay_below') {
    if (current !== null && isFiniteNumber(current) && keyResultProgress(input) === 0) {
      reasons.push({ type: 'threshold_broken', threshold: input.target, currentValue: round2(current) });
      severity = 2;
    }
  } else {
    // A milestone is done or not done, so only the last quarter of the cycle can expect it.
    const curve = kind === 'milestone' ? 'end_loaded' : input.paceCurve;
    const expected = expectedProgress(curve, cycleFraction(input.cycleStart, input.cycleEnd, now));
    const expectedPercent = round(expected * 100);
    const actualPercent = round(clampProgress(keyResultProgress(input)) * 100);
    // Decide on the rounded figures so the message's arithmetic always adds up.
    const gapPoints = expectedPercent - actualPercent;
    if (gapPoints > threshold) {
      const currentValue = current !== null && isFiniteNumber(current) ? current : kind === 'milestone' ? 0 : input.start;
      reasons.push({
        type: 'behind_pace',
        expectedPercent,
        actualPercent,
        gapPoints,
        expectedValue: roundToSpan(valueAtProgress(input, expected), input.target - input.start),
        currentValue: round2(currentValue),
      });
      severity = gapPoints > 3 * threshold ? 3 : gapPoints > 2 * threshold ? 2 : 1;
    }
  }

  // Staleness only matters while the cycle runs. A KR drafted before the cycle is counted from
  // the cycle start, so it does not arrive already "stale" on day one.
  if (nowMs <= input.cycleEnd.getTime()) {
    const lastMs = max((input.lastCheckInAt ?? input.createdAt).getTime(), startMs);
    const days = floor((nowMs - lastMs) / DAY_MS);
    if (days >= policy.staleDays) {
      reasons.push({ type: 'no_check_in', days });
      const s = days >= 2 * policy.staleDays ? 2 : 1;
      if (s > severity) severity = s;
    }
  }

  if (input.confidenceFalls >= 2) {
    // Two falls in a row on a three-step scale can only end at off_track, hence the fallback.
    const confidence = input.confidence ?? 'off_track';
    reasons.push({ type: 'confidence_falling', falls: input.confidenceFalls, confidence });
    const s = confidence === 'off_track' ? 2 : 1;
    if (s > severity) severity = s;
  }

  return reasons.length === 0 ? { lagging: false, severity: 0, reasons } : { lagging: true, severity, reasons };
}

const CONFIDENCE_RANK: Readonly<Record<Confidence, number>> = { on_track: 0, at_risk: 1, off_track: 2 };

/**
 * Updates the consecutive-falls counter after a check-in: a check-in without confidence keeps
 * the count, a worse confidence than before adds one, the same or a better one resets it.
 */
export function nextConfidenceFalls(previous: Confidence | null, next: Confidence | null, previousFalls: number): number {
  if (next === null) return previousFalls;
  if (previous === null) return 0; // nothing to compare with: the first stated confidence
  return CONFIDENCE_RANK[next] > CONFIDENCE_RANK[previous] ? previousFalls + 1 : 0;
}
