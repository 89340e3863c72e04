import type { KeyResultSpec, Quantity } from './command';
import { parseQuantity } from './quantity';

const MAX_TITLE = 200;

/**
 * Candidate numbers in free text. Not preceded by a Latin letter or digit, so `p95`, `v2` and `Q4`
 * are names, not quantities; a Chinese character before is fine (`从30到45`).
 */
const NUMBER_IN_TEXT =
  /(?<![A-Za-z0-9_.,])[¥$€£]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:(?:bn|[kmb])(?![A-Za-z])|[十百千万亿]{1,3})?(?:%|元|美元|[A-Za-z]+(?![A-Za-z0-9]))?/giu;
/** Dates, years and cycles are context, not targets: "Ship v2 by 2026-12-01", "2026年上线". */
const NOT_TARGETS = [
  /\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}/g,
  /\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?/gu,
  /\b\d{4}\s*-?\s*[QH][1-4]\b/gi,
  /\b(?:in|by|before|until|till|during|for|of|from)\s+(?:19|20)\d{2}\b(?!\s*(?:to|→|->))/gi,
];
/** What may stand between the two numbers of a "from X to Y": `to`, an arrow, `提升到`, `降至`. */
const CONNECTOR = /^(?:(?:to|→|->|=>|~|～|-|–|—)(?:\s*(?:over|above|under|below))?|\p{Script=Han}{0,4}[到至])$/iu;
const ABOVE =
  /\b(?:above|at least|over|more than|greater than|no less than|not below|min(?:imum)?)\b|≥|>=|>|以上|不低于|至少|高于|超过|大于|不少于/giu;
const BELOW =
  /\b(?:below|at most|under|less than|fewer than|no more than|not above|max(?:imum)?)\b|≤|<=|<|以下|以内|之内|不高于|不超过|至多|低于|少于|小于/giu;
/** Keywords that follow their number in Chinese: `99.9%以上`. */
const POSTFIX_KEYWORD = /^(?:以上|以下|以内|之内)$/u;
const DECREASE_VERB =
  /\b(?:reduce|cut|lower|decrease|drop|shrink|minimi[sz]e|bring down|decline)\b|降低|减少|下降|降到|降至|缩短|压缩|控制在/iu;

interface Found {
  readonly q: Quantity;
  readonly start: number;
  readonly end: number;
}

function findNumbers(text: string): Found[] {
  let masked = text;
  for (const re of NOT_TARGETS) masked = masked.replace(re, (m) => ' '.repeat(m.length));
  const found: Found[] = [];
  for (const m of masked.matchAll(NUMBER_IN_TEXT)) {
    const q = parseQuantity(m[0]);
    if (q) found.push({ q, start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** Units must agree for two numbers to be a from/to pair: "by 20% to $1m" is not "from 20% to $1m". */
const compatible = (a: Quantity, b: Quantity): boolean => a.unit === undefined || b.unit === undefined || a.unit === b.unit;

function findPair(text: string, nums: readonly Found[]): [Found, Found] | undefined {
  for (let i = 0; i + 1 < nums.length; i++) {
    const a = nums[i]!;
    const b = nums[i + 1]!;
    if (CONNECTOR.test(text.slice(a.end, b.start).trim()) && compatible(a.q, b.q)) return [a, b];
  }
  return undefined;
}

/** The number a threshold keyword applies to: the one after it, or before it for `以上`/`以下`. */
function findThreshold(text: string, nums: readonly Found[]): { kind: 'stay_above' | 'stay_below'; at: Found } | undefined {
  const hits = [
    ...[...text.matchAll(ABOVE)].map((m) => ({ kind: 'stay_above' as const, m })),
    ...[...text.matchAll(BELOW)].map((m) => ({ kind: 'stay_below' as const, m })),
  ].sort((x, y) => x.m.index - y.m.index);
  for (const { kind, m } of hits) {
    // "Grow users to over 50k" is a target to reach, not a threshold to hold.
    if (/\bto\s*$/i.test(text.slice(0, m.index))) continue;
    const at = POSTFIX_KEYWORD.test(m[0])
      ? [...nums].reverse().find((n) => n.end <= m.index)
      : nums.find((n) => n.start >= m.index + m[0].length);
    if (at) return { kind, at };
  }
  return undefined;
}

const withUnit = (spec: Omit<KeyResultSpec, 'unit'>, unit: string | undefined): KeyResultSpec =>
  unit === undefined ? spec : { ...spec, unit };

/**
 * Understands a key result typed as a sentence: "Raise NPS from 30 to 45", "Cut churn from 5% to 3%",
 * "Keep uptime above 99.9%", "营收达到300万", "上线新版官网" (a milestone). The title is the whole
 * text (trimmed, at most 200 characters); null when there is no text at all.
 */
export function parseKeyResultSpec(text: string): KeyResultSpec | null {
  const title = Array.from(text.trim()).slice(0, MAX_TITLE).join('').trim();
  if (title === '') return null;
  return interpret(title, title.normalize('NFKC'));
}

function interpret(title: string, text: string): KeyResultSpec {
  const nums = findNumbers(text);
  const pair = findPair(text, nums);
  if (pair) {
    const [from, to] = pair;
    const kind = to.q.value < from.q.value ? 'decrease' : 'increase';
    return withUnit({ title, kind, start: from.q.value, target: to.q.value }, to.q.unit ?? from.q.unit);
  }
  const threshold = findThreshold(text, nums);
  if (threshold) {
    const v = threshold.at.q.value;
    return withUnit({ title, kind: threshold.kind, start: v, target: v }, threshold.at.q.unit);
  }
  const target = nums.find((n) => /(?:\bto|到|至|达到?)\s*$/iu.test(text.slice(0, n.start))) ?? nums[0];
  if (!target) return { title, kind: 'milestone', start: 0, target: 1 };
  // "Reduce churn to 2%" gives no start to decrease from; reaching "at most 2%" is what it means.
  const v = target.q.value;
  if (DECREASE_VERB.test(text)) return withUnit({ title, kind: 'stay_below', start: v, target: v }, target.q.unit);
  return withUnit({ title, kind: 'increase', start: 0, target: v }, target.q.unit);
}
