import { ok, type Result } from '../result';
import { joinedText, parseError, restText, unterminated, type Args } from './args';
import { GOAL_OR_TITLE, refAt } from './arg-values';
import type { Command, ParseError } from './command';
import { memberOption } from './member-team-options';
import { parseOptions } from './options';

const BLOCKER_OPTIONS = { help: 'help', helper: 'help' };

/** `comment KR-12 text`: the text is everything after the reference, as typed. */
export function parseComment(args: Args): Result<Command, ParseError> {
  const target = refAt(args, 0, 'comment', GOAL_OR_TITLE);
  if (!target.ok) return target;
  const text = restText(args, 1);
  if (text === undefined) return parseError('missing_argument', 'comment');
  return ok({ verb: 'comment', target: target.value, text });
}

/** `blocker KR-12 text [--help @bob]`. */
export function parseBlocker(args: Args): Result<Command, ParseError> {
  const target = refAt(args, 0, 'blocker', GOAL_OR_TITLE);
  if (!target.ok) return target;
  const rest = args.tokens.slice(1);
  // An open quote would swallow a following --help silently.
  const open = unterminated(rest);
  if (open) return parseError('unterminated_quote', 'blocker', open.text);
  const opts = parseOptions(rest, BLOCKER_OPTIONS, 'blocker');
  if (!opts.ok) return opts;
  const text = joinedText(args.source, opts.value.positional);
  if (text === undefined) return parseError('missing_argument', 'blocker');
  const helper = memberOption(opts.value.values.get('help'), 'blocker');
  if (!helper.ok) return helper;
  const command = { verb: 'blocker', target: target.value, text } as const;
  return ok(helper.value ? { ...command, helper: helper.value } : command);
}

/** `resolve B-4 [note]`: only a blocker can be resolved, so anything else is a bad reference. */
export function parseResolve(args: Args): Result<Command, ParseError> {
  const blocker = refAt(args, 0, 'resolve', ['blocker']);
  if (!blocker.ok) return blocker;
  const note = restText(args, 1);
  const command = { verb: 'resolve', blocker: blocker.value } as const;
  return ok(note === undefined ? command : { ...command, note });
}
