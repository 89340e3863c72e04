import type { Locale } from '../domain/member';

/** Units written before the number: `$1.2M`, `¥300万`. */
const PREFIX_UNITS: ReadonlySet<string> = new Set(['¥', '$', '€', '£']);
const HAN = /^\p{Script=Han}/u;

/** Large-number words, smallest first. Chinese counts in 万 (10⁴) and 亿 (10⁸). */
const SCALES: Readonly<Record<Locale, readonly (readonly [number, string])[]>> = {
  en: [[1e6, 'M'], [1e9, 'B'], [1e12, 'T']],
  'zh-CN': [[1e4, '万'], [1e8, '亿'], [1e12, '万亿']],
};
/** A scaled value reaching this moves to the next word (`1,000M` is `1B`, `10,000万` is `1亿`). */
const NEXT_SCALE_AT: Readonly<Record<Locale, number>> = { en: 1e3, 'zh-CN': 1e4 };

const grouping = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, useGrouping: true });
const round2 = (v: number): number => {
  const r = Math.round(v * 100) / 100;
  return Number.isFinite(r) ? r : v;
};

/** `1.00e+20` -> `1e+20`, `1.20e+20` -> `1.2e+20`. */
const exponent = (v: number): string => v.toExponential(2).replace(/\.?0+e/, 'e');

/** Compact text of a finite, non-negative number. */
function compact(locale: Locale, abs: number): string {
  const scales = SCALES[locale] ?? SCALES.en;
  const r = round2(abs);
  const first = scales[0]!;
  if (r < first[0]) return grouping.format(r);
  for (let i = scales.length - 1; i >= 0; i--) {
    const [scale, word] = scales[i]!;
    if (r < scale) continue;
    const v = round2(r / scale);
    const last = i === scales.length - 1;
    if (v >= (NEXT_SCALE_AT[locale] ?? 1e3)) return last ? exponent(r) : `1${scales[i + 1]![1]}`;
    return `${grouping.format(v)}${word}`;
  }
  return grouping.format(r);
}

/** Whether a unit is written before the number (currency signs). */
export const isPrefixUnit = (unit: string | null | undefined): boolean => PREFIX_UNITS.has(unit?.trim() ?? '');

/** Puts a unit where people expect it: `$5`, `45%`, `200 ms`, `300元`. */
function withUnit(sign: string, body: string, unit: string | null | undefined): string {
  const u = unit?.trim() ?? '';
  if (u === '') return `${sign}${body}`;
  if (PREFIX_UNITS.has(u)) return `${sign}${u}${body}`;
  if (u === '%' || HAN.test(u)) return `${sign}${body}${u}`;
  return `${sign}${body} ${u}`;
}

/**
 * A number as people read it: at most 2 decimals, grouped (`1,200`), compact when large
 * (en `1.2M`, zh-CN `120万`, `3亿`), with its unit. Never prints NaN or Infinity.
 */
export function formatNumber(locale: Locale, n: number, unit?: string | null): string {
  if (Number.isNaN(n)) return '–';
  const body = Number.isFinite(n) ? compact(locale, Math.abs(n)) : '∞';
  const sign = n < 0 && body !== '0' ? '-' : '';
  return withUnit(sign, body, unit);
}

/** A fraction as a whole percentage of the value given (1.2 -> `120%`); display only, not clamped. */
export function formatPercent(fraction: number): string {
  if (Number.isNaN(fraction)) return '–';
  const percent = Math.round(fraction * 100);
  if (!Number.isFinite(percent)) return percent < 0 ? '-∞%' : '∞%';
  return `${grouping.format(percent === 0 ? 0 : percent)}%`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: Locale, timeZone: string, withYear: boolean): Intl.DateTimeFormat {
  const id = `${locale}|${timeZone}|${withYear}`;
  let format = dateFormats.get(id);
  if (!format) {
    const zh = locale === 'zh-CN';
    const options: Intl.DateTimeFormatOptions = {
      month: zh ? 'long' : 'short',
      day: 'numeric',
      ...(withYear ? { year: 'numeric' } : {}),
    };
    try {
      format = new Intl.DateTimeFormat(zh ? 'zh-CN' : 'en-US', { ...options, timeZone });
    } catch {
      format = new Intl.DateTimeFormat(zh ? 'zh-CN' : 'en-US', { ...options, timeZone: 'UTC' }); // unknown zone
    }
    dateFormats.set(id, format);
  }
  return format;
}

/** The calendar day of an instant in a time zone: en `Nov 23`, zh-CN `11月23日` (with the year on request). */
export function formatDate(locale: Locale, date: Date, timeZone: string, options: { withYear?: boolean } = {}): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) return '–';
  return dateFormat(locale, timeZone, options.withYear === true).format(date);
}

/** An ISO day `YYYY-MM-DD` as `Nov 23` / `11月23日`; anything else is returned as it is. */
export function formatDay(locale: Locale, day: string, options: { withYear?: boolean } = {}): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return Number.isNaN(date.getTime()) ? day : formatDate(locale, date, 'UTC', options);
}

/** Weekday, day and time where the reader is: `Mon, Nov 23, 10:00` / `11月23日周一 10:00`. */
export function formatDateTime(locale: Locale, date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(date);
}
