import { ok, type Result } from '../result';
import type { HolidayCalendarName } from '../work-calendar';
import { extraAt, joinedText, parseError, unterminated, type Args } from './args';
import { lookupWord } from './arg-values';
import type { Command, ParseError } from './command';
import { parseDate } from './dates';
import { codePointLength, fold, trimPunct } from './text';
import type { Token } from './tokenize';

// The workspace calendar: `holidays [year]`, `holiday add|workday <date> [name…]`,
// `holiday remove <date>`, `holiday calendar cn|none` (假期, 节假日, 调休, 补班).

/** What `workspace_holiday.name` holds at most. */
const MAX_NAME = 200;
const YEAR = /^(\d{4})年?$/u;

export const CALENDAR_WORDS: Readonly<Record<string, HolidayCalendarName>> = {
  cn: 'cn', china: 'cn', chinese: 'cn', prc: 'cn', official: 'cn', 中国: 'cn', 中国大陆: 'cn', 国内: 'cn', 国家: 'cn',
  官方: 'cn', 法定: 'cn', 国家法定: 'cn', 法定节假日: 'cn',
  none: 'none', no: 'none', off: 'none', weekends: 'none', weekends_only: 'none', 无: 'none', 不用: 'none', 关闭: 'none',
  不使用: 'none', 仅周末: 'none', 只有周末: 'none',
};

const dateOf = (t: Token | undefined): string | null => (t && !t.quoted ? parseDate(t.text) : null);

/** `holidays`, `holidays 2027`, `假期 2027年`. */
export function parseHolidays(args: Args): Result<Command, ParseError> {
  const [first] = args.tokens;
  if (!first) return ok({ verb: 'holidays' });
  // `holiday 2026-12-25` without a verb: show how to add it.
  if (dateOf(first)) return parseError('extra_argument', 'holiday_add', first.text);
  // Not a year: most likely a mistyped verb (`holiday ad …`), so show the calendar's usage.
  const m = first.quoted ? null : YEAR.exec(trimPunct(fold(first.text).trim()));
  if (!m) return parseError('extra_argument', 'holidays', first.text);
  const year = Number(m[1]);
  if (year < 1900 || year > 2999) return parseError('bad_number', 'holidays', first.text);
  return extraAt(args, 1, 'holidays') ?? ok({ verb: 'holidays', year });
}

/**
 * `holiday add 2026-12-25 [name…]`, `holiday workday 2027-02-07 [name…]`; the date may also come
 * last (`放假 元旦 2027-01-01`). The name is kept as typed.
 */
export function parseHolidayAdd(args: Args, kind: 'holiday' | 'workday'): Result<Command, ParseError> {
  const open = unterminated(args.tokens);
  if (open) return parseError('unterminated_quote', 'holiday_add', open.text);
  const tokens = args.tokens;
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (!first || !last) return parseError('missing_argument', 'holiday_add');
  const dateFirst = dateOf(first);
  const dateLast = dateFirst ? null : dateOf(last);
  const day = dateFirst ?? dateLast;
  if (!day) return parseError('bad_date', 'holiday_add', first.text);
  const nameTokens = dateFirst ? tokens.slice(1) : tokens.slice(0, -1);
  const name = joinedText(args.source, nameTokens);
  if (name !== undefined && codePointLength(name) > MAX_NAME) return parseError('too_long', 'holiday_add');
  return ok(name === undefined ? { verb: 'holiday_add', day, kind } : { verb: 'holiday_add', day, kind, name });
}

/** `holiday remove 2026-12-25`. */
export function parseHolidayRemove(args: Args): Result<Command, ParseError> {
  const [first] = args.tokens;
  if (!first) return parseError('missing_argument', 'holiday_remove');
  if (first.unterminated) return parseError('unterminated_quote', 'holiday_remove', first.text);
  const day = dateOf(first);
  if (!day) return parseError('bad_date', 'holiday_remove', first.text);
  return extraAt(args, 1, 'holiday_remove') ?? ok({ verb: 'holiday_remove', day });
}

/** `holiday calendar cn|none` (`假期 日历 中国`, `假期 日历 无`). */
export function parseHolidayCalendar(args: Args): Result<Command, ParseError> {
  const [first] = args.tokens;
  if (!first) return parseError('missing_argument', 'holiday_calendar');
  const calendar = first.quoted ? undefined : lookupWord(CALENDAR_WORDS, first.text);
  if (calendar === undefined) return parseError('bad_option', 'holiday_calendar', first.text);
  return extraAt(args, 1, 'holiday_calendar') ?? ok({ verb: 'holiday_calendar', calendar });
}
