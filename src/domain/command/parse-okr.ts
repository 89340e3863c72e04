import { ok, type Result } from '../result';
import { extraAt, parseError, type Args } from './args';
import { OBJECTIVE_OR_TITLE, refAt } from './arg-values';
import type { Command, ParseError } from './command';
import { parseKr, parseKrAdd, parseNew } from './okr-create';
import { parseAlign, parseClose, parseEdit } from './okr-edit';
import { parseBlocker, parseComment, parseResolve } from './okr-feedback';
import { parseHelp, parseList, parseReview, parseTeam } from './okr-list';
import { parseHolidayAdd, parseHolidayCalendar, parseHolidayRemove, parseHolidays } from './okr-holiday';
import { parseManager, parseRole, parseTeamManager, parseTeamMember, parseTeamNew, parseTeamSet, parseTeamSettings } from './okr-org';
import { parseOoo, parseSnooze } from './okr-time';
import { parseScore, parseUpdate } from './okr-update';
import { parseTokenList, parseTokenNew, parseTokenRevoke } from './okr-token';
import { referenceFromToken } from './reference';
import { fold } from './text';
import type { OkrKeyword } from './verbs';

type Handler = (args: Args) => Result<Command, ParseError>;

const noArguments =
  (command: Command): Handler =>
  (args) =>
    extraAt(args, 0, command.verb) ?? ok(command);

function parseShow(args: Args): Result<Command, ParseError> {
  const target = refAt(args, 0, 'show', ['objective', 'key_result', 'blocker', 'title']);
  if (!target.ok) return target;
  return extraAt(args, 1, 'show') ?? ok({ verb: 'show', target: target.value });
}

/** `进度` alone is "my progress"; followed by a reference it shows that one. */
function parseProgress(args: Args): Result<Command, ParseError> {
  const [first] = args.tokens;
  return first && referenceFromToken(first) && !first.quoted ? parseShow(args) : parseList(args);
}

/** `tree [O-3]`; `对齐 O-9 O-3` (two objectives) can only mean "align", so it is read that way. */
function parseTree(args: Args): Result<Command, ParseError> {
  const [first, second] = args.tokens;
  const alignTarget =
    second && (referenceFromToken(second)?.type === 'objective' || ['none', '无', '-'].includes(fold(second.text)));
  if (args.tokens.length === 2 && alignTarget) return parseAlign(args);
  if (!first) return ok({ verb: 'tree' });
  const root = refAt(args, 0, 'tree', OBJECTIVE_OR_TITLE);
  if (!root.ok) return root;
  return extraAt(args, 1, 'tree') ?? ok({ verb: 'tree', root: root.value });
}

const HANDLERS: Readonly<Record<OkrKeyword, Handler>> = {
  help: (args) => parseHelp(args, false),
  mine: (args) => parseList(args, false),
  list: (args) => parseList(args),
  progress: parseProgress,
  show: parseShow,
  new: parseNew,
  kr_add: parseKrAdd,
  kr: parseKr,
  update: parseUpdate,
  checkin: noArguments({ verb: 'checkin' }),
  tree: parseTree,
  team: parseTeam,
  lagging: noArguments({ verb: 'lagging' }),
  comment: parseComment,
  blocker: parseBlocker,
  resolve: parseResolve,
  score: parseScore,
  review: parseReview,
  ooo: parseOoo,
  snooze: parseSnooze,
  edit: parseEdit,
  align: parseAlign,
  close: (args) => parseClose(args, false),
  reopen: (args) => parseClose(args, true),
  team_new: parseTeamNew,
  team_add: (args) => parseTeamMember(args, 'add'),
  team_remove: (args) => parseTeamMember(args, 'remove'),
  team_manager: parseTeamManager,
  team_set: parseTeamSet,
  team_settings: parseTeamSettings,
  role: parseRole,
  manager: parseManager,
  holidays: parseHolidays,
  holiday_add: (args) => parseHolidayAdd(args, 'holiday'),
  holiday_workday: (args) => parseHolidayAdd(args, 'workday'),
  holiday_remove: parseHolidayRemove,
  holiday_calendar: parseHolidayCalendar,
  token_new: parseTokenNew,
  token_list: parseTokenList,
  token_revoke: parseTokenRevoke,
};

/** Parses the arguments of an OKR verb (already recognised by `matchVerb`). */
export function parseOkr(keyword: OkrKeyword, args: Args): Result<Command, ParseError> {
  return HANDLERS[keyword](args);
}

/**
 * A message that starts with a reference: `KR-12` alone shows it, `KR-12 45 at-risk` updates it.
 * Returns undefined when the message does not start with one.
 */
export function parseReferenceShortcut(args: Args): Result<Command, ParseError> | undefined {
  const [first, second] = args.tokens;
  const ref = first && !first.quoted ? referenceFromToken(first) : null;
  if (!ref) return undefined;
  if (!second) return ok({ verb: 'show', target: ref });
  return ref.type === 'key_result' ? parseUpdate(args) : parseError('unknown_verb', 'show', first?.text);
}
