import { ok, type Result } from '../result';
import { extraAt, parseError, type Args } from './args';
import type { Command, ParseError } from './command';
import { parseDate } from './dates';
import { fold, trimPunct } from './text';

const OFF = new Set(['off', 'clear', 'cancel', 'end', 'none', 'back', '取消', '结束', '无', '关闭']);
const FILLERS = new Set([
  'until', 'till', 'to', 'from', 'through', 'thru', '-', '–', '—', '~', '到', '至', '从', '直到',
]);
/** Chinese writes the preposition glued to the date: `到2026年12月1日`. */
const GLUED_FILLER = /^(?:直到|到|至|从)/u;
const RANGE_SEPARATOR = /~|至|到|--|—/u;
const MAX_SNOOZE_DAYS = 30;
/** A count, then optionally days (group 2) or weeks (group 3). */
const SNOOZE = /^(\d{1,3}|[一二两三四五六七八九十])(?:(d|days?|天|日)|(w|wks?|weeks?|周|星期|个星期))?$/u;
const HAN_DIGITS: Readonly<Record<string, number>> = {
  一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10,
};

/** One date, or a glued range `2026-11-20~2026-12-01`; null when it is neither. */
function datesIn(word: string): string[] | null {
  const one = parseDate(word) ?? parseDate(word.replace(GLUED_FILLER, ''));
  if (one) return [one];
  const parts = word.split(RANGE_SEPARATOR);
  if (parts.length !== 2) return null;
  const from = parseDate(parts[0] ?? '');
  const until = parseDate(parts[1] ?? '');
  return from && until ? [from, until] : null;
}

/** `ooo [until] 2026-12-01`, `ooo 2026-11-20 2026-12-01`, `请假 到 2026年12月1日`, `ooo off`. */
export function parseOoo(args: Args): Result<Command, ParseError> {
  const [first] = args.tokens;
  if (!first) return parseError('missing_argument', 'ooo');
  if (!first.quoted && OFF.has(trimPunct(fold(first.text)))) return extraAt(args, 1, 'ooo') ?? ok({ verb: 'ooo_clear' });
  const dates: string[] = [];
  for (const t of args.tokens) {
    if (!t.quoted && FILLERS.has(fold(t.text))) continue;
    const found = datesIn(t.text);
    if (!found) return parseError('bad_date', 'ooo', t.text);
    dates.push(...found);
    if (dates.length > 2) return parseError('extra_argument', 'ooo', t.text);
  }
  const [a, b] = dates;
  if (a === undefined) return parseError('missing_argument', 'ooo');
  if (b === undefined) return ok({ verb: 'ooo', until: a });
  // ISO dates compare correctly as strings.
  return a <= b ? ok({ verb: 'ooo', from: a, until: b }) : parseError('bad_date', 'ooo', b);
}

function snoozeDays(text: string): number | undefined {
  if (/^(?:tomorrow|明天)$/u.test(text)) return 1;
  const m = SNOOZE.exec(text);
  if (!m) return undefined;
  const n = HAN_DIGITS[m[1]!] ?? Number(m[1]);
  return m[3] !== undefined ? n * 7 : n;
}

/** `snooze [days]`: `snooze`, `snooze 3`, `2d`, `3 days`, `3天`, `1 week`; 1 to 30 days. */
export function parseSnooze(args: Args): Result<Command, ParseError> {
  if (args.tokens.length === 0) return ok({ verb: 'snooze', days: 1 });
  const last = args.tokens[args.tokens.length - 1]!;
  if (args.tokens.length > 2) return parseError('extra_argument', 'snooze', last.text);
  const text = trimPunct(fold(args.tokens.map((t) => t.text).join('')));
  const days = snoozeDays(text);
  if (days === undefined || days < 1 || days > MAX_SNOOZE_DAYS) return parseError('bad_number', 'snooze', text);
  return ok({ verb: 'snooze', days });
}
