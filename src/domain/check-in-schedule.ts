import { TZDate, tzOffset } from '@date-fns/tz';
import { formatISO, getISOWeek, getISOWeekYear } from 'date-fns';
import { dayDate, isoWeekday, isWorkday, plusDays, type WorkCalendar } from './work-calendar';

export interface WeeklySlot {
  /** ISO weekday, 1 = Monday ... 7 = Sunday. */
  readonly weekday: number;
  /** Local wall-clock time, 'HH:MM'. */
  readonly time: string;
}

export interface Due {
  /** ISO week, 'YYYY-Www'. */
  readonly period: string;
  readonly localDay: string;
  readonly dueAt: Date;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

function timeParts(time: string): [number, number] {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!m) throw new RangeError(`not an HH:MM time: ${time}`);
  return [Number(m[1]), Number(m[2])];
}

/** calendar.localDay, but reading TZDate getters instead of format(): several times cheaper, and it runs on every tick. */
function zonedDay(now: Date, timeZone: string): string {
  const z = new TZDate(now.getTime(), timeZone);
  return formatISO(new Date(z.getFullYear(), z.getMonth(), z.getDate(), 12), { representation: 'date' });
}

/** 'YYYY-Www' in ISO week-numbering, e.g. '2026-W48'; 2027-01-01 is '2026-W53'. */
export function isoWeekPeriod(day: string): string {
  const date = dayDate(day);
  return `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, '0')}`;
}

/**
 * The instant a local wall-clock time happens in `timeZone`. A time skipped by a DST jump moves
 * forward by the gap (02:30 on a spring-forward night -> 03:30); a repeated time (fall back) is
 * its first occurrence.
 *
 * Not `new TZDate(y, m, d, h, min, tz)`: for repeated times it picks the first occurrence in
 * some zones (America/New_York) and the second in others (Europe/Berlin, Australia/Lord_Howe),
 * so the offsets in force a day before and a day after are tried explicitly.
 */
export function atLocalTime(day: string, time: string, timeZone: string): Date {
  const date = dayDate(day);
  const [hh, mm] = timeParts(time);
  const wall = Date.UTC(date.getFullYear(), date.getMonth(), date.getDate(), hh, mm);
  const before = tzOffset(timeZone, new Date(wall - DAY));
  const after = tzOffset(timeZone, new Date(wall + DAY));
  if (before === after) return new Date(wall - before * MINUTE); // no transition nearby
  const fits = [before, after]
    .map((offset) => ({ offset, at: wall - offset * MINUTE }))
    .filter(({ offset, at }) => tzOffset(timeZone, new Date(at)) === offset)
    .map(({ at }) => at);
  // Neither offset fits: the time is in a gap. Reading it with the offset from before the jump
  // lands `gap` minutes later on the clock after the jump.
  return new Date(fits.length > 0 ? Math.min(...fits) : wall - before * MINUTE);
}

/**
 * The check-in due in the ISO week that contains `now` in `timeZone`: the slot's weekday at the
 * slot's time, local; if that day is a holiday in `cal`, the next workday in the same ISO week;
 * null when the week has no such day left. Only holidays move a slot: with `cal` undefined, or
 * on an ordinary weekend day, the slot stays where it was configured.
 */
export function dueThisWeek(slot: WeeklySlot, timeZone: string, now: Date, cal?: WorkCalendar): Due | null {
  if (!Number.isInteger(slot.weekday) || slot.weekday < 1 || slot.weekday > 7) {
    throw new RangeError(`slot weekday must be 1..7, got ${slot.weekday}`);
  }
  timeParts(slot.time);
  const today = zonedDay(now, timeZone);
  let day = plusDays(today, slot.weekday - isoWeekday(today));
  if (cal?.holidays.has(day)) {
    do {
      if (isoWeekday(day) === 7) return null;
      day = plusDays(day, 1);
    } while (cal.holidays.has(day) || !isWorkday(day, cal));
  }
  return { period: isoWeekPeriod(today), localDay: day, dueAt: atLocalTime(day, slot.time, timeZone) };
}
