import { dayNumber } from './day-axis';

/** A value on a day of the x axis. */
export interface DayValue {
  readonly day: number;
  readonly value: number;
}

/**
 * Dated values as days, oldest first, without the ones that cannot be drawn (a bad date, NaN or
 * an infinite value). The sort is stable, so several values of one day keep their given order.
 */
export function toDaySeries(items: ReadonlyArray<{ at: string; value: number }>, timeZone: string): DayValue[] {
  return items
    .map((item) => ({ day: dayNumber(item.at, timeZone), value: item.value }))
    .filter((p) => Number.isFinite(p.day) && Number.isFinite(p.value))
    .sort((a, b) => a.day - b.day);
}

/** The first and last day among those given that are real days; a single day is widened so the axis has a length. */
export function daySpan(days: readonly number[], fallback: number): [number, number] {
  const finite = days.filter(Number.isFinite);
  if (finite.length === 0) return [fallback - 3, fallback + 3];
  const from = Math.min(...finite);
  const to = Math.max(...finite);
  return to > from ? [from, to] : [from - 3, to + 3];
}

/** Whole days since 1970 of the current instant where the reader is; only used when the data has no day at all. */
export const todayIn = (timeZone: string, now: Date = new Date()): number => dayNumber(now.toISOString(), timeZone);
