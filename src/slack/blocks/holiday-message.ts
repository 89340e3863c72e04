import * as holidays from '../../render/text/holiday-text';
import type { HolidayCalendarView, HolidayView } from '../../use-cases/views';
import { context, sections } from './block-builders';
import { bold, esc, short } from './goal-lines';
import type { Reply, ReplyKit } from './reply';

// Replies of the workspace calendar commands. The sentences are the console's, built from day names
// clamped to a line's share and escaped whole, so a holiday called `<!channel>` pings no one.

const shortDay = (d: HolidayView): HolidayView => ({ ...d, name: short(d.name) });
const shortOrNull = (d: HolidayView | null): HolidayView | null => (d === null ? null : shortDay(d));

/** The title in bold, the calendar and the days, and how to change them in small print. */
export function holidaysReply(o: { years: readonly number[]; calendar: HolidayCalendarView; days: readonly HolidayView[] }, kit: ReplyKit): Reply {
  const [title = '', ...rest] = holidays.renderHolidays({ ...o, days: o.days.map(shortDay) }, kit);
  const change = rest.pop() ?? '';
  return { text: esc(title), blocks: [...sections([bold(title), ...rest.map(esc)]), context(esc(change))] };
}

function lines(all: readonly string[]): Reply {
  return { text: esc(all[0] ?? ''), blocks: sections(all.map(esc)) };
}

export const holidayChangedReply = (
  o: { day: string; now: HolidayView | null; before: HolidayView | null; builtIn: 'holiday' | 'workday' | null },
  kit: ReplyKit,
): Reply => lines(holidays.renderHolidayChanged({ ...o, now: shortOrNull(o.now), before: shortOrNull(o.before) }, kit));

export const holidayCalendarChangedReply = (o: { calendar: HolidayCalendarView; changed: boolean }, kit: ReplyKit): Reply =>
  lines(holidays.renderHolidayCalendarChanged(o, kit));
