import type { KpiBand, KpiDirection, KpiFrequency } from './kpi';
import { kpiBand, type KpiThresholdSpec } from './kpi-band';

// When a KPI deserves an alert. Two triggers: its band got worse since the last evaluation, or it
// has been below target for N consecutive periods of its frequency. What was already said is
// remembered (KpiHealthMemory), so a KPI that stays red, or stays below target, is heard once; a
// KPI that recovers and relapses is heard again.

/** Consecutive periods below target before an alert, when the KPI does not say. */
export const DEFAULT_ALERT_AFTER = 3;
/** The range `--alert-after` accepts: a year of weeks is as patient as an alert gets. */
export const ALERT_AFTER_MIN = 1;
export const ALERT_AFTER_MAX = 52;

export interface KpiHealthSpec extends KpiThresholdSpec {
  readonly direction: KpiDirection;
  /** Null: the green bound on the KPI's good side stands in for it. */
  readonly target: number | null;
  readonly frequency: KpiFrequency;
  /** N: consecutive periods below target that raise an alert. */
  readonly alertAfter: number;
}

/** One reading: its observation day (YYYY-MM-DD) and value. */
export interface KpiObservation {
  readonly on: string;
  readonly value: number;
}

/** What was true at the last evaluation: its band, and whether the current streak was alerted. */
export interface KpiHealthMemory {
  readonly band: KpiBand;
  readonly streakAlerted: boolean;
}

export type KpiAlertReason =
  | { readonly kind: 'band_worsened'; readonly from: KpiBand; readonly to: KpiBand }
  | { readonly kind: 'below_target'; readonly periods: number };

export interface KpiHealthVerdict {
  /** The band at the last evaluation (green when there was none). */
  readonly bandBefore: KpiBand;
  readonly band: KpiBand;
  /** Consecutive periods below target, ending with the latest period that has a reading. */
  readonly streak: number;
  /** Empty: no alert is due. */
  readonly reasons: readonly KpiAlertReason[];
  /** What to remember for the next evaluation. */
  readonly memory: KpiHealthMemory;
}

const BAND_RANK: Readonly<Record<KpiBand, number>> = { green: 0, yellow: 1, red: 2 };

/** True when `to` is a worse band than `from`. */
export const bandWorsened = (from: KpiBand, to: KpiBand): boolean => BAND_RANK[to] > BAND_RANK[from];

const dayNumber = (day: string): number => Math.floor(Date.parse(`${day}T00:00:00Z`) / 86_400_000);

/**
 * The period a day falls in, as a sequence number: consecutive periods have consecutive numbers.
 * Weeks are ISO weeks (Monday first); 1970-01-01 was a Thursday, hence the +3.
 */
export function periodIndex(day: string, frequency: KpiFrequency): number {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1;
  switch (frequency) {
    case 'daily':
      return dayNumber(day);
    case 'weekly':
      return Math.floor((dayNumber(day) + 3) / 7);
    case 'monthly':
      return year * 12 + month;
    case 'quarterly':
      return year * 4 + Math.floor(month / 3);
  }
}

/**
 * The first day whose readings can matter for a streak of `periods` ending in the period of
 * `latest`: the start of the period `periods` before it (one more, so a broken streak shows).
 */
export function streakWindowStart(latest: string, frequency: KpiFrequency, periods: number): string {
  const d = new Date(`${latest}T00:00:00Z`);
  switch (frequency) {
    case 'daily':
      d.setUTCDate(d.getUTCDate() - periods);
      break;
    case 'weekly':
      d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) - 7 * periods);
      break;
    case 'monthly':
      d.setUTCDate(1);
      d.setUTCMonth(d.getUTCMonth() - periods);
      break;
    case 'quarterly':
      d.setUTCDate(1);
      d.setUTCMonth(d.getUTCMonth() - (d.getUTCMonth() % 3) - 3 * periods);
      break;
  }
  return d.toISOString().slice(0, 10);
}

/**
 * One value per period, oldest period first: the latest reading of each (by day; on the same day
 * the one given last, i.e. the later arrival).
 */
export function latestPerPeriod<T extends KpiObservation>(readings: readonly T[], frequency: KpiFrequency): (T & { readonly period: number })[] {
  const byPeriod = new Map<number, T>();
  for (const r of readings) {
    const period = periodIndex(r.on, frequency);
    const kept = byPeriod.get(period);
    if (!kept || r.on >= kept.on) byPeriod.set(period, r);
  }
  return [...byPeriod].sort((a, b) => a[0] - b[0]).map(([period, r]) => ({ ...r, period }));
}

/** The value the KPI aims at: its target, else the green bound on its good side; null: none. */
export function effectiveTarget(spec: Pick<KpiHealthSpec, 'direction' | 'target' | 'greenMin' | 'greenMax'>): number | null {
  return spec.target ?? (spec.direction === 'up' ? spec.greenMin : spec.greenMax);
}

/** Below target per the KPI's direction: under it for "up" KPIs, over it for "down" ones. NaN is below. */
export function isBelowTarget(value: number, spec: Pick<KpiHealthSpec, 'direction' | 'target' | 'greenMin' | 'greenMax'>): boolean {
  const target = effectiveTarget(spec);
  if (target === null) return false;
  if (Number.isNaN(value)) return true;
  return spec.direction === 'up' ? value < target : value > target;
}

/** Consecutive periods below target ending with the newest one; a period without readings breaks it. */
export function belowTargetStreak(readings: readonly KpiObservation[], spec: KpiHealthSpec): number {
  const periods = latestPerPeriod(readings, spec.frequency);
  let streak = 0;
  for (let i = periods.length - 1; i >= 0; i--) {
    const p = periods[i]!;
    if (i < periods.length - 1 && periods[i + 1]!.period !== p.period + 1) break;
    if (!isBelowTarget(p.value, spec)) break;
    streak += 1;
  }
  return streak;
}

/**
 * Evaluates a KPI after new readings. The band is the latest reading's (by day); an alert is due
 * when it is worse than the remembered band, or when the below-target streak reached N and was
 * not alerted yet. The memory forgets an alerted streak once the streak is shorter than N, so a
 * relapse is heard again. @returns null when there are no readings.
 */
export function evaluateKpiHealth(spec: KpiHealthSpec, readings: readonly KpiObservation[], memory: KpiHealthMemory | null): KpiHealthVerdict | null {
  const periods = latestPerPeriod(readings, spec.frequency);
  const latest = periods[periods.length - 1];
  if (!latest) return null;
  const band = kpiBand(latest.value, spec);
  const bandBefore = memory?.band ?? 'green';
  const streak = belowTargetStreak(readings, spec);
  const n = Math.max(ALERT_AFTER_MIN, spec.alertAfter);
  const reasons: KpiAlertReason[] = [];
  if (bandWorsened(bandBefore, band)) reasons.push({ kind: 'band_worsened', from: bandBefore, to: band });
  const streakDue = streak >= n;
  if (streakDue && !memory?.streakAlerted) reasons.push({ kind: 'below_target', periods: streak });
  return { bandBefore, band, streak, reasons, memory: { band, streakAlerted: streakDue } };
}
