import { ok, type Result } from '../result';
import { defined, extraAt, joinedText, parseError, unterminated, type Args } from './args';
import { DIRECTIONS, enumOption, FREQUENCIES, KR_OR_TITLE, numberOption, refOf, textOption } from './arg-values';
import type { Command, ParseError, Quantity, UsageId } from './command';
import { parseDate } from './dates';
import { parseHelp } from './okr-list';
import { teamOption } from './member-team-options';
import { parseOptions } from './options';
import { parseQuantity } from './quantity';
import { referenceFromToken } from './reference';
import { codePointLength, fold, trimPunct } from './text';
import type { Token } from './tokenize';
import type { KpiKeyword } from './verbs';

/** KPI keys are short identifiers (`nps`, `revenue`, `营收`), compared case-insensitively. */
const KEY = /^\p{L}[\p{L}\p{N}_.-]{0,63}$/u;
const NEW_OPTIONS = {
  target: 'target', unit: 'unit', green: 'green', yellow: 'yellow', direction: 'direction', dir: 'direction',
  freq: 'frequency', frequency: 'frequency', team: 'team', name: 'name', 'alert-after': 'alertAfter',
};
const LINK_FILLERS = new Set(['to', 'with', '到', '和']);

function parseKey(t: Token | undefined, usage: UsageId): Result<string, ParseError> {
  if (!t) return parseError('missing_argument', usage);
  const key = trimPunct(fold(t.text).trim());
  return !t.quoted && KEY.test(key) ? ok(key) : parseError('bad_key', usage, t.text);
}

function parseShow(args: Args): Result<Command, ParseError> {
  const key = parseKey(args.tokens[0], 'kpi_show');
  if (!key.ok) return key;
  return extraAt(args, 1, 'kpi_show') ?? ok({ verb: 'kpi_show', key: key.value });
}

/** `log nps 42 [2026-11-20]`. */
function parseLog(args: Args): Result<Command, ParseError> {
  const key = parseKey(args.tokens[0], 'kpi_log');
  if (!key.ok) return key;
  const valueToken = args.tokens[1];
  if (!valueToken) return parseError('missing_argument', 'kpi_log');
  const value = valueToken.quoted ? null : parseQuantity(valueToken.text);
  if (!value) return parseError('bad_number', 'kpi_log', valueToken.text);
  const dateToken = args.tokens[2];
  if (!dateToken) return ok({ verb: 'kpi_log', key: key.value, value });
  const date = parseDate(dateToken.text);
  if (!date) return parseError('bad_date', 'kpi_log', dateToken.text);
  return extraAt(args, 3, 'kpi_log') ?? ok({ verb: 'kpi_log', key: key.value, value, date });
}

/** `link KR-12 nps`; the reverse order `link nps KR-12` is accepted too. */
function parseLink(args: Args): Result<Command, ParseError> {
  const tokens = args.tokens.filter((t, i) => !(i === 1 && !t.quoted && LINK_FILLERS.has(fold(t.text))));
  const [a, b] = tokens;
  if (!a || !b) return parseError('missing_argument', 'kpi_link');
  const extra = tokens[2];
  if (extra) return parseError('extra_argument', 'kpi_link', extra.text);
  const reversed = !a.quoted && referenceFromToken(a) === null && referenceFromToken(b) !== null;
  const [refToken, keyToken] = reversed ? [b, a] : [a, b];
  const keyResult = refOf(refToken, 'kpi_link', KR_OR_TITLE);
  if (!keyResult.ok) return keyResult;
  const key = parseKey(keyToken, 'kpi_link');
  return key.ok ? ok({ verb: 'kpi_link', keyResult: keyResult.value, key: key.value }) : key;
}

/** `new [key "Name"] [--target 45] [--unit pts] [--green 40] [--yellow 30] [--direction up] [--freq weekly] [--team #x]`. */
function parseNew(args: Args): Result<Command, ParseError> {
  const open = unterminated(args.tokens);
  if (open) return parseError('unterminated_quote', 'kpi_new', open.text);
  const opts = parseOptions(args.tokens, NEW_OPTIONS, 'kpi_new');
  if (!opts.ok) return opts;
  const { positional, values } = opts.value;
  const [first, ...rest] = positional;
  // A quoted first word is a name: the key is then left to the form.
  const key = first && !first.quoted ? parseKey(first, 'kpi_new') : ok(undefined);
  if (!key.ok) return key;
  const nameOption = textOption(values.get('name'), 'kpi_new');
  if (!nameOption.ok) return nameOption;
  const name = nameOption.value ?? joinedText(args.source, first && first.quoted ? positional : rest);
  if (name !== undefined && codePointLength(name) > 200) return parseError('too_long', 'kpi_new');
  const targetToken = values.get('target');
  const target = targetToken ? parseQuantity(targetToken.text) : undefined;
  if (target === null || targetToken?.quoted) return parseError('bad_number', 'kpi_new', targetToken?.text);
  const unit = textOption(values.get('unit'), 'kpi_new');
  if (!unit.ok) return unit;
  const green = numberOption(values.get('green'), 'kpi_new');
  if (!green.ok) return green;
  const yellow = numberOption(values.get('yellow'), 'kpi_new');
  if (!yellow.ok) return yellow;
  const direction = enumOption(DIRECTIONS, values.get('direction'), 'kpi_new');
  if (!direction.ok) return direction;
  const frequency = enumOption(FREQUENCIES, values.get('frequency'), 'kpi_new');
  if (!frequency.ok) return frequency;
  const team = teamOption(values.get('team'), 'kpi_new');
  if (!team.ok) return team;
  const alertAfter = numberOption(values.get('alertAfter'), 'kpi_new', true);
  if (!alertAfter.ok) return alertAfter;
  // Whole periods, 1–52: a year of weeks is as patient as an alert gets.
  if (alertAfter.value !== undefined && (!Number.isInteger(alertAfter.value) || alertAfter.value > 52)) return parseError('bad_number', 'kpi_new', values.get('alertAfter')!.text);
  const unitText = unit.value ?? target?.unit;
  const fullTarget: Quantity | undefined =
    target && (unitText === undefined ? target : { value: target.value, unit: unitText });
  return ok(
    defined({
      verb: 'kpi_new' as const, key: key.value, name, target: fullTarget, unit: unitText, direction: direction.value,
      frequency: frequency.value, green: green.value, yellow: yellow.value, team: team.value, alertAfter: alertAfter.value,
    }),
  );
}

const HANDLERS: Readonly<Record<KpiKeyword, (args: Args) => Result<Command, ParseError>>> = {
  help: (args) => parseHelp(args, true),
  list: (args) => extraAt(args, 0, 'kpi_list') ?? ok({ verb: 'kpi_list' }),
  show: parseShow,
  new: parseNew,
  log: parseLog,
  link: parseLink,
};

/** Parses the arguments of a KPI verb (already recognised by `matchVerb`). */
export function parseKpi(keyword: KpiKeyword, args: Args): Result<Command, ParseError> {
  return HANDLERS[keyword](args);
}
