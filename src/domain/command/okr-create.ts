import { fail, ok, type Result } from '../result';
import { defined, joinedText, parseError, unterminated, type Args, type Failure } from './args';
import { enumOption, LEVELS, numberOption, OBJECTIVE_OR_TITLE, refAt, refOf, textOption } from './arg-values';
import type { Command, ParseError } from './command';
import { parseKeyResultSpec } from './key-result-spec';
import { memberOption, teamOption } from './member-team-options';
import { parseOptions } from './options';
import { parseReference } from './reference';
import { codePointLength, shorten } from './text';
import { parseUpdate } from './okr-update';

const MAX_TITLE = 200;
const NEW_OPTIONS = { parent: 'parent', team: 'team', level: 'level', cycle: 'cycle', weight: 'weight', title: 'title' };
const KR_OPTIONS = { owner: 'owner', weight: 'weight' };

const tooLong = (title: string | undefined, usage: 'new' | 'kr_add'): Failure | undefined =>
  title !== undefined && codePointLength(title) > MAX_TITLE ? parseError('too_long', usage) : undefined;

/**
 * `new ["Title" | title words] [--parent O-3] [--team #eng] [--level team] [--cycle 2026-Q4] [--weight 2]`.
 * Without a title the adapter opens its form, prefilled with whatever options were given.
 */
export function parseNew(args: Args): Result<Command, ParseError> {
  const open = unterminated(args.tokens);
  if (open) return parseError('unterminated_quote', 'new', open.text);
  const opts = parseOptions(args.tokens, NEW_OPTIONS, 'new');
  if (!opts.ok) return opts;
  const { positional, values } = opts.value;
  const titleOption = textOption(values.get('title'), 'new');
  if (!titleOption.ok) return titleOption;
  const title = titleOption.value ?? joinedText(args.source, positional);
  const long = tooLong(title, 'new');
  if (long) return long;
  const parentToken = values.get('parent');
  const parent = parentToken ? refOf(parentToken, 'new', OBJECTIVE_OR_TITLE) : ok(undefined);
  if (!parent.ok) return parent;
  const team = teamOption(values.get('team'), 'new');
  if (!team.ok) return team;
  const level = enumOption(LEVELS, values.get('level'), 'new');
  if (!level.ok) return level;
  const cycle = textOption(values.get('cycle'), 'new');
  if (!cycle.ok) return cycle;
  const weight = numberOption(values.get('weight'), 'new', true);
  if (!weight.ok) return weight;
  return ok(
    defined({
      verb: 'new' as const,
      title,
      parent: parent.value,
      team: team.value,
      level: level.value,
      cycle: cycle.value,
      weight: weight.value,
    }),
  );
}

/** `kr add O-7 Raise NPS from 30 to 45 [--owner @bob] [--weight 2]`; quotes around the text are optional. */
export function parseKrAdd(args: Args): Result<Command, ParseError> {
  const objective = refAt(args, 0, 'kr_add', OBJECTIVE_OR_TITLE);
  if (!objective.ok) return objective;
  const rest = args.tokens.slice(1);
  const open = unterminated(rest);
  if (open) return parseError('unterminated_quote', 'kr_add', open.text);
  const opts = parseOptions(rest, KR_OPTIONS, 'kr_add');
  if (!opts.ok) return opts;
  const text = joinedText(args.source, opts.value.positional);
  const long = tooLong(text, 'kr_add');
  if (long) return long;
  const spec = text === undefined ? null : parseKeyResultSpec(text);
  if (!spec) return parseError('missing_argument', 'kr_add');
  const owner = memberOption(opts.value.values.get('owner'), 'kr_add');
  if (!owner.ok) return owner;
  const weight = numberOption(opts.value.values.get('weight'), 'kr_add', true);
  if (!weight.ok) return weight;
  return ok(
    defined({ verb: 'kr_add' as const, objective: objective.value, spec, owner: owner.value, weight: weight.value }),
  );
}

/**
 * `kr` on its own: `kr KR-12 45` is an update and `kr O-7 text` adds a key result, because the
 * reference already says which one is meant.
 */
export function parseKr(args: Args): Result<Command, ParseError> {
  const [first] = args.tokens;
  if (!first) return parseError('missing_argument', 'kr_add');
  const ref = first.quoted ? null : parseReference(first.text);
  if (ref?.type === 'key_result') return parseUpdate(args);
  if (ref?.type === 'objective' || first.quoted) return parseKrAdd(args);
  return fail({ code: 'unknown_verb', usage: 'kr_add', token: shorten(`kr ${first.text}`), suggestion: 'kr add' });
}
