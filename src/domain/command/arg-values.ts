import type { PaceCurve } from '../key-result';
import type { KpiDirection, KpiFrequency } from '../kpi';
import type { ObjectiveLevel } from '../objective';
import { ok, type Result } from '../result';
import { parseError, type Args } from './args';
import type { ParseError, Reference, UsageId } from './command';
import { parseQuantity } from './quantity';
import { referenceFromToken } from './reference';
import { fold, trimPunct } from './text';
import type { Token } from './tokenize';

export type RefKind = Reference['type'];
export const OBJECTIVE_OR_TITLE: readonly RefKind[] = ['objective', 'title'];
export const KR_OR_TITLE: readonly RefKind[] = ['key_result', 'title'];
export const GOAL_OR_TITLE: readonly RefKind[] = ['objective', 'key_result', 'title'];

/** The reference at `index`, limited to the kinds the verb accepts. */
export function refAt(args: Args, index: number, usage: UsageId, kinds: readonly RefKind[]): Result<Reference, ParseError> {
  const t = args.tokens[index];
  if (!t) return parseError('missing_argument', usage);
  return refOf(t, usage, kinds);
}

/** A reference token, limited to the kinds the verb accepts; a quoted string is a title. */
export function refOf(t: Token, usage: UsageId, kinds: readonly RefKind[]): Result<Reference, ParseError> {
  if (t.unterminated) return parseError('unterminated_quote', usage, t.text);
  const ref = referenceFromToken(t);
  return ref && kinds.includes(ref.type) ? ok(ref) : parseError('bad_reference', usage, t.text);
}

/** Looks a word up in a table of accepted spellings, ignoring case, width and `-`/`_`/space differences. */
export function lookupWord<T>(table: Readonly<Record<string, T>>, word: string): T | undefined {
  const key = trimPunct(fold(word).trim()).replace(/[\s_-]+/g, '_');
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

export const LEVELS: Readonly<Record<string, ObjectiveLevel>> = {
  company: 'company', team: 'team', personal: 'personal', individual: 'personal',
  公司: 'company', 团队: 'team', 部门: 'team', 个人: 'personal',
};
export const PACES: Readonly<Record<string, PaceCurve>> = {
  linear: 'linear', front_loaded: 'front_loaded', frontloaded: 'front_loaded', back_loaded: 'back_loaded',
  backloaded: 'back_loaded', end_loaded: 'end_loaded', endloaded: 'end_loaded',
  线性: 'linear', 前快后慢: 'front_loaded', 前慢后快: 'back_loaded', 期末: 'end_loaded',
};
export const DIRECTIONS: Readonly<Record<string, KpiDirection>> = {
  up: 'up', higher: 'up', increase: 'up', higher_is_better: 'up', 上升: 'up', 越高越好: 'up', 向上: 'up',
  down: 'down', lower: 'down', decrease: 'down', lower_is_better: 'down',
  下降: 'down', 越低越好: 'down', 向下: 'down',
};
export const FREQUENCIES: Readonly<Record<string, KpiFrequency>> = {
  daily: 'daily', day: 'daily', weekly: 'weekly', week: 'weekly', monthly: 'monthly', month: 'monthly',
  quarterly: 'quarterly', quarter: 'quarterly',
  每天: 'daily', 每日: 'daily', 日: 'daily', 每周: 'weekly', 周: 'weekly', 每月: 'monthly', 月: 'monthly',
  每季度: 'quarterly', 季度: 'quarterly',
};

/** An option whose value must be one word of `table`; a wrong word is `bad_option`, quoting the word. */
export function enumOption<T>(
  table: Readonly<Record<string, T>>,
  t: Token | undefined,
  usage: UsageId,
): Result<T | undefined, ParseError> {
  if (!t) return ok(undefined);
  const value = lookupWord(table, t.text);
  return value === undefined ? parseError('bad_option', usage, t.text) : ok(value);
}

/** A plain number option (`--weight 2`, `--green 40`); units are tolerated and dropped. */
export function numberOption(
  t: Token | undefined,
  usage: UsageId,
  positive = false,
): Result<number | undefined, ParseError> {
  if (!t) return ok(undefined);
  const q = parseQuantity(t.text);
  if (!q || (positive && q.value <= 0)) return parseError('bad_number', usage, t.text);
  return ok(q.value);
}

/** A free one-word or quoted option value (`--cycle 2026-Q4`, `--title "x"`). */
export function textOption(t: Token | undefined, usage: UsageId): Result<string | undefined, ParseError> {
  if (!t) return ok(undefined);
  if (t.unterminated) return parseError('unterminated_quote', usage, t.text);
  const text = t.text.trim();
  return text === '' ? parseError('missing_argument', usage) : ok(text);
}
