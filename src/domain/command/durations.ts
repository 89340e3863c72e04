import { fold, trimPunct } from './text';

// The escalation ladder's durations as people type them, in the chat grammar (`team set --remind 4h`)
// and in the Slack settings form alike: `4`, `4h`, `4 hours`, `4小时`, `四个小时`, `1d`, `两天`;
// `2`, `2 workdays`, `2个工作日`, `never`, `从不`. Ranges are checked later (`invalidTeamSetting`),
// so `100` or `1.5` come through as numbers and the use-case says what is wrong with them.

const HAN_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** `4`, `1.5`, `四`, `十二`, `二十四`, `九十九`; undefined for anything else. */
function count(text: string): number | undefined {
  if (/^\d{1,4}(?:\.\d{1,3})?$/.test(text)) return Number(text);
  if (text.length === 1 && HAN_DIGITS[text] !== undefined) return HAN_DIGITS[text];
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/u.exec(text);
  if (!m) return undefined;
  return (m[1] === undefined ? 1 : HAN_DIGITS[m[1]]!) * 10 + (m[2] === undefined ? 0 : HAN_DIGITS[m[2]]!);
}

/** A count followed by one of `units` (longest first wins), times that unit's factor. */
function withUnit(text: string, units: Readonly<Record<string, number>>): number | null {
  const s = trimPunct(fold(text).trim()).replace(/\s+/g, '');
  if (s === '') return null;
  const plain = count(s);
  if (plain !== undefined) return plain;
  const unit = Object.keys(units)
    .sort((a, b) => b.length - a.length)
    .find((u) => s.length > u.length && s.endsWith(u));
  if (unit === undefined) return null;
  const n = count(s.slice(0, -unit.length));
  return n === undefined ? null : n * units[unit]!;
}

const HOUR_UNITS: Readonly<Record<string, number>> = {
  h: 1, hr: 1, hrs: 1, hour: 1, hours: 1, 小时: 1, 个小时: 1, 个钟头: 1, 钟头: 1,
  d: 24, day: 24, days: 24, 天: 24, 日: 24,
};

const WORKDAY_UNITS: Readonly<Record<string, number>> = {
  d: 1, day: 1, days: 1, wd: 1, workday: 1, workdays: 1, 'work-day': 1, 'work-days': 1, businessday: 1, businessdays: 1,
  'business-day': 1, 'business-days': 1, workingday: 1, workingdays: 1, 'working-day': 1, 'working-days': 1,
  天: 1, 日: 1, 工作日: 1, 个工作日: 1, 工作天: 1, 个工作天: 1,
  w: 5, wk: 5, wks: 5, week: 5, weeks: 5, 周: 5, 个星期: 5, 星期: 5,
};

/** Words for "never tell the manager" (stored as 0 workdays). */
const NEVER = new Set([
  'never', 'none', 'no', 'off', 'disable', 'disabled', '-', '从不', '永不', '不', '不升级', '不通知', '不提醒', '无', '关', '关闭',
]);

/** Hours, from `4`, `4h`, `4hours`, `4小时`, `四个小时` or days (`1d`, `1天` = 24); null when not understood. */
export const parseHours = (text: string): number | null => withUnit(text, HOUR_UNITS);

/** Workdays, from `2`, `2d`, `2workdays`, `2个工作日`, `1w` (= 5), or `never`/`从不` (= 0); null when not understood. */
export function parseWorkdays(text: string): number | null {
  if (NEVER.has(trimPunct(fold(text).trim()))) return 0;
  return withUnit(text, WORKDAY_UNITS);
}
