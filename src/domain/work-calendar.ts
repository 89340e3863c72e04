import { addDays, formatISO, getISODay } from 'date-fns';
import { CHINA_OFFICIAL_CALENDAR } from './china-holidays';

export type HolidayCalendarName = 'cn' | 'none';

/** Days are local calendar days, 'YYYY-MM-DD'. */
export interface WorkCalendar {
  readonly holidays: ReadonlySet<string>;
  readonly workdays: ReadonlySet<string>;
}

export interface CalendarOverride {
  readonly day: string;
  readonly kind: 'holiday' | 'workday';
}

/**
 * A day as a Date at local noon. Noon exists on every day in every zone, so neither the host's
 * zone nor a DST jump can shift the day (UTC noon, by contrast, is already tomorrow in UTC+13).
 */
export function dayDate(day: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12) : undefined;
  if (!d || dayString(d) !== day) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  return d;
}

const dayString = (d: Date): string => formatISO(d, { representation: 'date' });

/** ISO weekday of a day: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(day: string): number {
  return getISODay(dayDate(day));
}

/** The day `n` calendar days after (n < 0: before) `day`. */
export function plusDays(day: string, n: number): string {
  return dayString(addDays(dayDate(day), n));
}

/** Built-in official calendar plus the workspace's own rows; a workspace row wins over the built-in one for the same day. */
export function workCalendar(builtIn: HolidayCalendarName, overrides: Iterable<CalendarOverride> = []): WorkCalendar {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  if (builtIn === 'cn') {
    for (const year of Object.values(CHINA_OFFICIAL_CALENDAR)) {
      year.holidays.forEach((d) => holidays.add(d));
      year.workdays.forEach((d) => workdays.add(d));
    }
  }
  for (const { day, kind } of overrides) {
    dayDate(day);
    holidays.delete(day);
    workdays.delete(day);
    (kind === 'holiday' ? holidays : workdays).add(day);
  }
  return { holidays, workdays };
}

/** Mon–Fri and not a holiday, or a make-up workday. */
export function isWorkday(day: string, cal: WorkCalendar): boolean {
  if (cal.workdays.has(day)) return true;
  return isoWeekday(day) <= 5 && !cal.holidays.has(day);
}

/** The n-th workday after `day` (n = 0 returns `day` itself, workday or not). */
export function addWorkdays(day: string, n: number, cal: WorkCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkdays needs an integer n >= 0, got ${n}`);
  let current = day;
  for (let left = n; left > 0; ) {
    current = plusDays(current, 1);
    if (isWorkday(current, cal)) left--;
  }
  return current;
}

/** `day` itself if it is a workday, else the next workday. */
export function nextWorkday(day: string, cal: WorkCalendar): string {
  let current = day;
  while (!isWorkday(current, cal)) current = plusDays(current, 1);
  return current;
}

/** The number of workdays in (fromDay, toDay]; 0 when toDay is not after fromDay. */
export function workdaysBetween(fromDay: string, toDay: string, cal: WorkCalendar): number {
  dayDate(toDay);
  let count = 0;
  for (let d = plusDays(fromDay, 1); d <= toDay; d = plusDays(d, 1)) if (isWorkday(d, cal)) count++;
  return count;
}
