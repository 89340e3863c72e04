import { CHINA_CALENDAR_YEARS, CHINA_OFFICIAL_CALENDAR } from './china-holidays';
import type { HolidayCalendarName } from './work-calendar';

// What the built-in official calendars say, for the chat commands that show and change a
// workspace's calendar (the scheduler reads the same tables through `workCalendar`).

/** The years a built-in calendar covers, oldest first; none for `none`. */
export function builtInYears(calendar: HolidayCalendarName): readonly number[] {
  return calendar === 'cn' ? [...CHINA_CALENDAR_YEARS].sort((a, b) => a - b) : [];
}

/** A day off or a make-up workday in the built-in calendar, or null (an ordinary day, or no calendar). */
export function builtInDayKind(calendar: HolidayCalendarName, day: string): 'holiday' | 'workday' | null {
  if (calendar !== 'cn') return null;
  const year = CHINA_OFFICIAL_CALENDAR[Number(day.slice(0, 4))];
  if (!year) return null;
  if (year.holidays.includes(day)) return 'holiday';
  return year.workdays.includes(day) ? 'workday' : null;
}

/** Of `years`, those a built-in calendar should cover but does not (yet): only `cn` has any. */
export function uncoveredYears(calendar: HolidayCalendarName, years: readonly number[]): number[] {
  if (calendar !== 'cn') return [];
  const covered = new Set(builtInYears(calendar));
  return years.filter((y) => !covered.has(y));
}

/** The calendar a workspace chose in its settings, if it chose one. */
export function chosenCalendar(settings: Readonly<Record<string, unknown>>): HolidayCalendarName | undefined {
  const chosen = settings.holidayCalendar;
  return chosen === 'cn' || chosen === 'none' ? chosen : undefined;
}
