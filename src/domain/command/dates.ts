import { trimPunct } from './text';

const ISO_LIKE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/u;

const pad = (n: number): string => String(n).padStart(2, '0');

/** Real calendar check: `2026-02-30` must be refused, not rolled over to March as `Date` would. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/**
 * Reads `2026-12-01`, `2026/12/1`, `2026.12.01` or `2026年12月1日` into ISO `YYYY-MM-DD`;
 * null when the form is unknown or the date does not exist.
 */
export function parseDate(token: string): string | null {
  const s = trimPunct(token.normalize('NFKC').trim());
  const m = ISO_LIKE.exec(s) ?? CHINESE.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isCalendarDate(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
}
