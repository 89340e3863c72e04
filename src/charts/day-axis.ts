import type { Locale } from '../domain/member';
import { formatDay } from '../i18n/format';

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const STEPS = [1, 2, 3, 7, 14, 28, 56, 91, 182, 365, 730];

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    const options = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;
    try {
      format = new Intl.DateTimeFormat('en-CA', { ...options, timeZone });
    } catch {
      format = new Intl.DateTimeFormat('en-CA', { ...options, timeZone: 'UTC' }); // unknown zone
    }
    dayFormats.set(timeZone, format);
  }
  return format;
}

/**
 * The calendar day of a date or an instant, as whole days since 1970-01-01. The x axis counts days,
 * not instants: a `YYYY-MM-DD` is that day everywhere, and a timestamp is the day it was where the
 * reader is. NaN when the text is not a date.
 */
export function dayNumber(iso: string, timeZone: string): number {
  const text = iso.trim();
  if (DATE_ONLY.test(text)) return Math.round(Date.parse(`${text}T00:00:00Z`) / DAY_MS);
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return NaN;
  const local = dayFormat(timeZone).format(new Date(ms)); // en-CA writes YYYY-MM-DD
  return Math.round(Date.parse(`${local}T00:00:00Z`) / DAY_MS);
}

/** `YYYY-MM-DD` of a day number. */
export const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Axis label of a day: en `Nov 23`, zh-CN `11月23日`. */
export const dayLabel = (locale: Locale, day: number): string => formatDay(locale, isoDay(day));

/** Days to label between `from` and `to`: a round step (a day, a week, a month…) that fits about `count` labels. */
export function dayTicks(from: number, to: number, count = 6): number[] {
  const span = Math.max(0, to - from);
  const step = STEPS.find((s) => span / s <= count) ?? Math.ceil(span / count);
  const ticks: number[] = [];
  for (let day = from; day <= to; day += step) ticks.push(day);
  return ticks;
}
