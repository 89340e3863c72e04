import { z } from 'zod';

// Cell parsers shared by the formats. Every one takes the trimmed cell text; an empty cell is
// "not given" (null), and `required` turns that into an error.

/** The largest magnitude the schema stores for KR values and KPI readings. */
export const MAX_MAGNITUDE = 1e15;

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Text at most `max` characters long (counted as people count them, not UTF-16 units). */
export function text(max: number, required: true): z.ZodType<string, string>;
export function text(max: number, required?: false): z.ZodType<string | null, string>;
export function text(max: number, required = false): z.ZodType<string | null, string> {
  return z.string().transform((raw, ctx) => {
    const v = unguardFormula(raw.trim());
    if (v === '') {
      if (required) ctx.addIssue({ code: 'custom', message: 'required' });
      return null;
    }
    if ([...v].length > max) ctx.addIssue({ code: 'custom', message: `longer than ${max} characters` });
    return v;
  });
}

/** A number like `45`, `-3.5`, `1e6` or `1,234,567`, within ±1e15; null when empty. */
export function num(required = false): z.ZodType<number | null, string> {
  return z.string().transform((raw, ctx) => {
    const v = raw.trim();
    if (v === '') {
      if (required) ctx.addIssue({ code: 'custom', message: 'required' });
      return null;
    }
    const n = NUMBER.test(v) ? Number(v) : GROUPED.test(v) ? Number(v.replace(/,/g, '')) : NaN;
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: `"${v}" is not a number` });
      return null;
    }
    if (Math.abs(n) > MAX_MAGNITUDE) ctx.addIssue({ code: 'custom', message: 'too large (at most 1e15)' });
    return n;
  });
}

/** `YYYY-MM-DD`, a real calendar day; null when empty. */
export function day(required = false): z.ZodType<string | null, string> {
  return z.string().transform((raw, ctx) => {
    const v = raw.trim();
    if (v === '') {
      if (required) ctx.addIssue({ code: 'custom', message: 'required' });
      return null;
    }
    const m = DATE.exec(v);
    const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
    if (!d || d.toISOString().slice(0, 10) !== v) {
      ctx.addIssue({ code: 'custom', message: `"${v}" is not a date (YYYY-MM-DD)` });
      return null;
    }
    return v;
  });
}

/** One of a set of values, by any of its words (case and separators ignored); null when empty. */
export function oneOf<T extends string>(words: Readonly<Record<T, readonly string[]>>, required = false): z.ZodType<T | null, string> {
  const squash = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/[\s_\-]+/g, '');
  const lookup = new Map<string, T>();
  for (const value of Object.keys(words) as T[]) for (const w of [value, ...words[value]]) lookup.set(squash(w), value);
  return z.string().transform((raw, ctx) => {
    if (raw.trim() === '') {
      if (required) ctx.addIssue({ code: 'custom', message: 'required' });
      return null;
    }
    const found = lookup.get(squash(raw));
    if (found === undefined) ctx.addIssue({ code: 'custom', message: `"${raw.trim()}" is not one of ${Object.keys(words).join(', ')}` });
    return found ?? null;
  });
}

/** `O-7`, `o7`, `KR-12`, `kr 12` → 7 / 12, for the given prefix; null when empty. */
export function refOf(prefix: 'O' | 'KR', required = false): z.ZodType<number | null, string> {
  const re = new RegExp(`^${prefix}\\s*-?\\s*(\\d{1,9})$`, 'i');
  return z.string().transform((raw, ctx) => {
    const v = raw.normalize('NFKC').trim();
    if (v === '') {
      if (required) ctx.addIssue({ code: 'custom', message: 'required' });
      return null;
    }
    const m = re.exec(v);
    const n = m ? Number(m[1]) : 0;
    if (!m || n < 1) {
      ctx.addIssue({ code: 'custom', message: `"${v}" is not a reference like ${prefix}-7` });
      return null;
    }
    return n;
  });
}

export const YES_NO = { yes: ['y', 'true', '1', '是', '对'], no: ['n', 'false', '0', '否', '不'] } as const;

/** How numbers are written back: plain, shortest exact form, never `-0`. */
export const formatNumber = (n: number | null): string => (n === null ? '' : Object.is(n, -0) ? '0' : String(n));

// Spreadsheets run a cell that starts with = + - @ as a formula ("CSV injection"). Exported text
// cells get a leading apostrophe, which Excel hides, and import takes it off again. Text that
// already starts with apostrophes before such a character gets one more, so it survives the trip.
const FORMULA_START = /^[=+\-@\t\r]/;
const needsGuard = (s: string): boolean => FORMULA_START.test(s) || (s.startsWith("'") && needsGuard(s.slice(1)));

export const guardFormula = (s: string): string => (needsGuard(s) ? `'${s}` : s);
export const unguardFormula = (s: string): string => (s.startsWith("'") && needsGuard(s.slice(1)) ? s.slice(1) : s);
