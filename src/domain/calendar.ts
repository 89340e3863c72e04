import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** The calendar day (YYYY-MM-DD) it is at `now` in `timeZone`. */
export function localDay(now: Date, timeZone: string): string {
  return format(new TZDate(now.getTime(), timeZone), 'yyyy-MM-dd');
}

/** The day before or after an ISO day, without time-zone drift (whatever the host's zone). */
export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A cycle's dates as instants. Cycles are whole days; measuring them in UTC is off by at most
 * a few hours, which does not matter for the pace of a quarter.
 */
export function cycleBounds(startsOn: string, endsOn: string): { start: Date; end: Date } {
  return { start: new Date(`${startsOn}T00:00:00Z`), end: new Date(`${endsOn}T23:59:59.999Z`) };
}

/** The calendar quarter containing `day`, named like 2026-Q4. */
export function quarterOf(day: string): { name: string; startsOn: string; endsOn: string } {
  const year = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const startMonth = q * 3 + 1;
  const lastDay = new Date(Date.UTC(year, startMonth + 2, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, '0');
  return { name: `${year}-Q${q + 1}`, startsOn: `${year}-${mm(startMonth)}-01`, endsOn: `${year}-${mm(startMonth + 2)}-${lastDay}` };
}

/** True for an IANA zone name the runtime knows (Asia/Shanghai, UTC); false for anything else. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
