import type { Confidence } from '../key-result';
import { ok, type Result } from '../result';
import { parseError, restText, type Args } from './args';
import { GOAL_OR_TITLE, KR_OR_TITLE, lookupWord, refAt } from './arg-values';
import type { Command, ParseError, UpdateValue } from './command';
import { GLUED_CONFIDENCE_WORDS, parseConfidence } from './confidence';
import { hasExplicitSign, parseQuantity } from './quantity';
import { fold, trimPunct } from './text';
import type { Token } from './tokenize';

const DONE: Readonly<Record<string, UpdateValue>> = {
  done: { mode: 'done' }, complete: { mode: 'done' }, completed: { mode: 'done' }, finished: { mode: 'done' },
  完成: { mode: 'done' }, 已完成: { mode: 'done' }, 达成: { mode: 'done' }, 已达成: { mode: 'done' },
  undone: { mode: 'not_done' }, not_done: { mode: 'not_done' }, notdone: { mode: 'not_done' },
  incomplete: { mode: 'not_done' }, 未完成: { mode: 'not_done' }, 没完成: { mode: 'not_done' },
};
/** "update KR-12 to 45", "更新 KR12 为 45". */
const FILLERS = new Set(['to', '=', '到', '为', '至']);

function readValue(word: string): UpdateValue | undefined {
  const done = lookupWord(DONE, word);
  if (done) return done;
  const quantity = parseQuantity(word);
  if (!quantity) return undefined;
  return { mode: hasExplicitSign(word) ? 'delta' : 'absolute', quantity };
}

/** `45有风险` typed without a space: a value with a Chinese confidence word glued on. */
function splitGlued(word: string): { value: UpdateValue; confidence: Confidence } | undefined {
  const w = trimPunct(fold(word));
  for (const c of GLUED_CONFIDENCE_WORDS) {
    if (w.length <= c.length || !w.endsWith(c)) continue;
    const value = readValue(w.slice(0, -c.length));
    const confidence = parseConfidence(c);
    if (value && confidence) return { value, confidence };
  }
  return undefined;
}

/** A confidence of one word (`at-risk`, `有风险`) or two (`at risk`, `on track`). */
function readConfidence(tokens: readonly Token[], i: number): { confidence: Confidence; consumed: number } | undefined {
  const a = tokens[i];
  const b = tokens[i + 1];
  if (!a || a.quoted) return undefined;
  if (b && !b.quoted) {
    const two = parseConfidence(`${a.text} ${b.text}`);
    if (two) return { confidence: two, consumed: 2 };
  }
  const one = parseConfidence(a.text);
  return one ? { confidence: one, consumed: 1 } : undefined;
}

type UpdateCommand = Extract<Command, { verb: 'update' }>;

const withOptional = (command: UpdateCommand, confidence: Confidence | undefined, note: string | undefined): Command => ({
  ...command,
  ...(confidence ? { confidence } : {}),
  ...(note !== undefined ? { note } : {}),
});

/**
 * `update KR-12 45 [on-track|at-risk|off-track] [note...]`. The value may be omitted when a confidence
 * is given (mode `none`); everything after value and confidence is the note, as typed.
 */
export function parseUpdate(args: Args): Result<Command, ParseError> {
  const ref = refAt(args, 0, 'update', KR_OR_TITLE);
  if (!ref.ok) return ref;
  const { tokens } = args;
  let i = 1;
  if (tokens[i] && tokens[i + 1] && !tokens[i]!.quoted && FILLERS.has(fold(tokens[i]!.text))) i++;
  const valueToken = tokens[i];
  if (!valueToken) return parseError('missing_argument', 'update');
  const base = { verb: 'update', keyResult: ref.value } as const;
  const glued = valueToken.quoted ? undefined : splitGlued(valueToken.text);
  if (glued) return ok(withOptional({ ...base, value: glued.value }, glued.confidence, restText(args, i + 1)));
  const value = valueToken.quoted ? undefined : readValue(valueToken.text);
  if (value) i++;
  const confidence = readConfidence(tokens, i);
  if (!value && !confidence) return parseError('bad_number', 'update', valueToken.text);
  if (confidence) i += confidence.consumed;
  return ok(withOptional({ ...base, value: value ?? { mode: 'none' } }, confidence?.confidence, restText(args, i)));
}

/** `score O-7 0.7 [note]`: 0..1, or a percentage (`70%` is 0.7). */
export function parseScore(args: Args): Result<Command, ParseError> {
  const ref = refAt(args, 0, 'score', GOAL_OR_TITLE);
  if (!ref.ok) return ref;
  const t = args.tokens[1];
  if (!t) return parseError('missing_argument', 'score');
  const q = t.quoted ? null : parseQuantity(t.text);
  const score = !q ? NaN : q.unit === '%' ? q.value / 100 : q.unit === undefined ? q.value : NaN;
  if (!(score >= 0 && score <= 1)) return parseError('bad_score', 'score', t.text);
  const note = restText(args, 2);
  const command = { verb: 'score', target: ref.value, score } as const;
  return ok(note === undefined ? command : { ...command, note });
}
