import { isoWeekday } from '../../domain/work-calendar';
import type { HolidayCalendarView, HolidayView } from '../../use-cases/views';
import { indent, type TextKit } from './context';
import { weekdayName } from './org-text';

// Replies of the workspace calendar commands: `holidays`, `holiday add|workday|remove|calendar`.

const yearsText = (years: readonly number[], kit: TextKit): string => years.map(String).join(kit.t('common.listSeparator'));

/** `Friday`, `周五`; nothing for a string that is not a day (impossible from the database). */
function weekdayOf(day: string, kit: TextKit): string {
  try {
    return weekdayName(isoWeekday(day), kit);
  } catch {
    return kit.t('common.noValue');
  }
}

const kindText = (kind: HolidayView['kind'], kit: TextKit): string => kit.t(`holidayKind.${kind}`);

/** `2026-12-25 (Friday): day off — Christmas`. */
function dayLine(d: HolidayView, kit: TextKit): string {
  const params = { day: d.day, weekday: weekdayOf(d.day, kit), kind: kindText(d.kind, kit) };
  return d.name === '' ? kit.t('outcome.holidays.day', params) : kit.t('outcome.holidays.dayNamed', { ...params, name: d.name });
}

/** Which official calendar applies (and whether someone chose it), then a warning for the years it does not cover. */
function calendarLines(c: HolidayCalendarView, kit: TextKit): string[] {
  const { t } = kit;
  const which = c.calendar === 'cn' ? t('outcome.holidays.calendarCn', { years: yearsText(c.builtInYears, kit) }) : t('outcome.holidays.calendarNone');
  const lines = [c.chosen ? which : t('outcome.holidays.byDefault', { calendar: which })];
  if (c.missingYears.length > 0) lines.push(t('outcome.holidays.missing', { years: yearsText(c.missingYears, kit) }));
  return lines;
}

/** `holidays [year]`: the official calendar, then the workspace's own days, then how to change them. */
export function renderHolidays(o: { years: readonly number[]; calendar: HolidayCalendarView; days: readonly HolidayView[] }, kit: TextKit): string[] {
  const { t } = kit;
  const years = yearsText(o.years, kit);
  const own = o.days.length === 0 ? [t('outcome.holidays.noneOwn', { years })] : [t('outcome.holidays.own'), ...indent(o.days.map((d) => dayLine(d, kit)))];
  return [t('outcome.holidays.title', { years }), ...calendarLines(o.calendar, kit), ...own, t('outcome.holidays.change')];
}

/**
 * A day added, changed or removed: what it is now, then what the official calendar says of it,
 * or that the day was a day off (or a workday) anyway.
 */
export function renderHolidayChanged(
  o: { day: string; now: HolidayView | null; before: HolidayView | null; builtIn: 'holiday' | 'workday' | null },
  kit: TextKit,
): string[] {
  const { t } = kit;
  const weekday = weekdayOf(o.day, kit);
  const builtIn = o.builtIn === null ? null : kindText(o.builtIn, kit);
  if (o.now === null) {
    if (o.before === null) return [t('outcome.holidayChanged.notThere', { day: o.day }), ...(builtIn ? [t('outcome.holidayChanged.builtInNotThere', { kind: builtIn })] : [])];
    return [
      t('outcome.holidayChanged.removed', { day: o.day, weekday, kind: kindText(o.before.kind, kit) }),
      ...(builtIn ? [t('outcome.holidayChanged.builtInAgain', { kind: builtIn })] : []),
    ];
  }
  const now = o.now;
  const params = { day: o.day, weekday, kind: kindText(now.kind, kit) };
  const same = o.before !== null && o.before.kind === now.kind && o.before.name === now.name;
  const first = same
    ? t('outcome.holidayChanged.same', params)
    : now.name === ''
      ? t('outcome.holidayChanged.added', params)
      : t('outcome.holidayChanged.addedNamed', { ...params, name: now.name });
  const lines = [first];
  if (builtIn) lines.push(t(o.builtIn === now.kind ? 'outcome.holidayChanged.builtInSame' : 'outcome.holidayChanged.builtInOverridden', { kind: builtIn }));
  const weekend = isWeekend(o.day);
  if (now.kind === 'holiday' && weekend && o.builtIn !== 'workday') lines.push(t('outcome.holidayChanged.weekendAnyway'));
  if (now.kind === 'workday' && weekend === false && o.builtIn !== 'holiday') lines.push(t('outcome.holidayChanged.weekdayAnyway'));
  return lines;
}

function isWeekend(day: string): boolean | undefined {
  try {
    return isoWeekday(day) >= 6;
  } catch {
    return undefined;
  }
}

/** `holiday calendar cn|none`: what the workspace follows now, and the years it does not cover yet. */
export function renderHolidayCalendarChanged(o: { calendar: HolidayCalendarView; changed: boolean }, kit: TextKit): string[] {
  const { t } = kit;
  const c = o.calendar;
  const years = yearsText(c.builtInYears, kit);
  const first =
    c.calendar === 'cn'
      ? t(o.changed ? 'outcome.holidayCalendar.cn' : 'outcome.holidayCalendar.sameCn', { years })
      : t(o.changed ? 'outcome.holidayCalendar.none' : 'outcome.holidayCalendar.sameNone');
  const missing = c.missingYears.length > 0 ? [t('outcome.holidays.missing', { years: yearsText(c.missingYears, kit) })] : [];
  return [first, ...missing];
}
