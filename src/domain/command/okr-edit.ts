import { ok, type Result } from '../result';
import { defined, extraAt, joinedText, parseError, unterminated, type Args } from './args';
import {
  enumOption, GOAL_OR_TITLE, LEVELS, numberOption, OBJECTIVE_OR_TITLE, PACES, refAt, refOf, textOption,
} from './arg-values';
import type { Command, KeyResultChanges, ObjectiveChanges, ParseError, Reference } from './command';
import { memberOption } from './member-team-options';
import { parseOptions } from './options';
import { parseQuantity } from './quantity';
import { codePointLength, fold } from './text';
import type { Token } from './tokenize';

const EDIT_OPTIONS = {
  title: 'title', weight: 'weight', target: 'target', start: 'start', unit: 'unit', pace: 'pace',
  owner: 'owner', level: 'level',
};
/** Options that only make sense on one kind of target; the use-case could refuse them too, but later. */
const KEY_RESULT_ONLY = ['target', 'start', 'unit', 'pace', 'owner'] as const;
const NONE = new Set(['none', 'null', 'nothing', '-', '无', '没有', '取消']);
const ALIGN_FILLERS = new Set(['to', 'under', '->', '→', '到']);

type Changes = { -readonly [K in keyof (ObjectiveChanges & KeyResultChanges)]: (ObjectiveChanges & KeyResultChanges)[K] };

function quantityOption(t: Token | undefined): Result<{ value: number; unit?: string } | undefined, ParseError> {
  if (!t) return ok(undefined);
  const q = t.quoted ? null : parseQuantity(t.text);
  return q ? ok(q) : parseError('bad_number', 'edit', t.text);
}

function kindMismatch(target: Reference, values: ReadonlyMap<string, Token>): Token | undefined {
  if (target.type === 'objective') return KEY_RESULT_ONLY.map((k) => values.get(k)).find((t) => t !== undefined);
  if (target.type === 'key_result') return values.get('level');
  return undefined;
}

/**
 * `edit O-7|KR-12 ["new title"] [--title x] [--weight 2] [--target 50] [--start 10] [--unit %] [--pace …]
 * [--owner @bob] [--level team]`; at least one change.
 */
export function parseEdit(args: Args): Result<Command, ParseError> {
  const target = refAt(args, 0, 'edit', GOAL_OR_TITLE);
  if (!target.ok) return target;
  const rest = args.tokens.slice(1);
  const open = unterminated(rest);
  if (open) return parseError('unterminated_quote', 'edit', open.text);
  const opts = parseOptions(rest, EDIT_OPTIONS, 'edit');
  if (!opts.ok) return opts;
  const { values, positional } = opts.value;
  const mismatch = kindMismatch(target.value, values);
  if (mismatch) return parseError('bad_option', 'edit', mismatch.text);
  const changes: Changes = {};
  const title = textOption(values.get('title'), 'edit');
  if (!title.ok) return title;
  changes.title = title.value ?? joinedText(args.source, positional);
  if (changes.title !== undefined && codePointLength(changes.title) > 200) return parseError('too_long', 'edit');
  const weight = numberOption(values.get('weight'), 'edit', true);
  if (!weight.ok) return weight;
  changes.weight = weight.value;
  const targetValue = quantityOption(values.get('target'));
  if (!targetValue.ok) return targetValue;
  const startValue = quantityOption(values.get('start'));
  if (!startValue.ok) return startValue;
  changes.target = targetValue.value?.value;
  changes.start = startValue.value?.value;
  const unit = textOption(values.get('unit'), 'edit');
  if (!unit.ok) return unit;
  // "--target 50%" carries its unit; an explicit --unit still wins.
  changes.unit = unit.value ?? targetValue.value?.unit ?? startValue.value?.unit;
  const pace = enumOption(PACES, values.get('pace'), 'edit');
  if (!pace.ok) return pace;
  changes.pace = pace.value;
  const owner = memberOption(values.get('owner'), 'edit');
  if (!owner.ok) return owner;
  changes.owner = owner.value;
  const level = enumOption(LEVELS, values.get('level'), 'edit');
  if (!level.ok) return level;
  changes.level = level.value;
  const set = defined(changes);
  if (Object.keys(set).length === 0) return parseError('missing_argument', 'edit');
  return ok({ verb: 'edit', target: target.value, changes: set });
}

/** `align O-9 O-3`, `align O-9 to O-3`, `align O-9 none` (removes the alignment). */
export function parseAlign(args: Args): Result<Command, ParseError> {
  const child = refAt(args, 0, 'align', OBJECTIVE_OR_TITLE);
  if (!child.ok) return child;
  let i = 1;
  const maybeFiller = args.tokens[i];
  if (maybeFiller && !maybeFiller.quoted && args.tokens[i + 1] && ALIGN_FILLERS.has(fold(maybeFiller.text))) i++;
  const parentToken = args.tokens[i];
  if (!parentToken) return parseError('missing_argument', 'align');
  const extra = extraAt(args, i + 1, 'align');
  if (extra) return extra;
  if (!parentToken.quoted && NONE.has(fold(parentToken.text))) {
    return ok({ verb: 'align', child: child.value, parent: null });
  }
  const parent = refOf(parentToken, 'align', OBJECTIVE_OR_TITLE);
  return parent.ok ? ok({ verb: 'align', child: child.value, parent: parent.value }) : parent;
}

/** `close O-7|KR-12`, `reopen O-7`. Blockers are closed with `resolve`. */
export function parseClose(args: Args, reopen: boolean): Result<Command, ParseError> {
  const target = refAt(args, 0, 'close', GOAL_OR_TITLE);
  if (!target.ok) return target;
  return extraAt(args, 1, 'close') ?? ok({ verb: 'close', target: target.value, reopen });
}
