import type { Role } from '../member';
import { ok, type Result } from '../result';
import { defined, joinedText, parseError, unterminated, type Args } from './args';
import { lookupWord, numberOption } from './arg-values';
import type { Command, MemberRef, ParseError, TeamRef, TeamSettingChanges, UsageId } from './command';
import { parseHours, parseWorkdays } from './durations';
import { memberOption, teamOption } from './member-team-options';
import { parseOptions } from './options';
import { looksLikeMember, looksLikeTeam, parseTeamRef } from './reference';
import { fold, trimPunct } from './text';
import type { Token } from './tokenize';

// The organisation commands: `team new|add|remove|manager|set|settings`, `role`, `manager`.

const NEW_OPTIONS = { parent: 'parent', manager: 'manager', lead: 'manager', channel: 'channel' };
const SET_OPTIONS = {
  weekday: 'weekday', day: 'weekday', 'checkin-day': 'weekday', time: 'time', at: 'time', 'checkin-time': 'time',
  threshold: 'threshold', lag: 'threshold', 'lag-threshold': 'threshold', stale: 'stale', 'stale-days': 'stale',
  channel: 'channel',
  remind: 'remind', 'remind-after': 'remind', reminder: 'remind',
  escalate: 'escalate', 'escalate-after': 'escalate', 'manager-after': 'escalate',
  digest: 'digest', 'digest-after': 'digest',
};
const NONE = new Set(['none', 'null', 'nothing', 'clear', 'off', '-', '无', '没有', '取消', '清除']);
/** Little words people put between the arguments: `team add @alice to #eng`, `manager @alice → @bob`. */
const FILLERS = new Set(['to', 'into', 'from', 'of', 'for', '->', '→', '=>', '到', '从', '给', '为']);

export const WEEKDAYS: Readonly<Record<string, number>> = {
  mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3, thu: 4, thur: 4, thurs: 4, thursday: 4,
  fri: 5, friday: 5, sat: 6, saturday: 6, sun: 7, sunday: 7,
  周一: 1, 星期一: 1, 礼拜一: 1, 周二: 2, 星期二: 2, 礼拜二: 2, 周三: 3, 星期三: 3, 礼拜三: 3,
  周四: 4, 星期四: 4, 礼拜四: 4, 周五: 5, 星期五: 5, 礼拜五: 5, 周六: 6, 星期六: 6, 礼拜六: 6,
  周日: 7, 周天: 7, 星期日: 7, 星期天: 7, 礼拜日: 7, 礼拜天: 7,
};

export const ROLE_WORDS: Readonly<Record<string, Role>> = {
  admin: 'admin', administrator: 'admin', 管理员: 'admin',
  manager: 'manager', lead: 'manager', 经理: 'manager', 主管: 'manager',
  member: 'member', employee: 'member', user: 'member', 成员: 'member', 员工: 'member', 普通成员: 'member',
};

const isFiller = (t: Token): boolean => !t.quoted && FILLERS.has(trimPunct(fold(t.text)));
const isNone = (t: Token): boolean => !t.quoted && NONE.has(trimPunct(fold(t.text)));

/** The tokens that carry meaning: fillers dropped; an unclosed quote is an error. */
function meaningful(tokens: readonly Token[], usage: UsageId): Result<Token[], ParseError> {
  const open = unterminated(tokens);
  if (open) return parseError('unterminated_quote', usage, open.text);
  return ok(tokens.filter((t) => !isFiller(t)));
}

/** A member as a positional argument: a mention, `@name`, a quoted name, or a bare name (never `#team`). */
function memberAt(t: Token, usage: UsageId): Result<MemberRef, ParseError> {
  if (!t.quoted && looksLikeTeam(t.text)) return parseError('bad_reference', usage, t.text);
  const member = memberOption(t, usage);
  if (!member.ok) return member;
  return member.value ? ok(member.value) : parseError('bad_reference', usage, t.text);
}

/** A team as a positional argument: `#eng`, `<#C1|eng>`, a quoted name, or a bare name (never `@someone`). */
function teamAt(t: Token, usage: UsageId): Result<TeamRef, ParseError> {
  if (!t.quoted && looksLikeMember(t.text)) return parseError('bad_reference', usage, t.text);
  const team = teamOption(t, usage);
  if (!team.ok) return team;
  return team.value ? ok(team.value) : parseError('bad_reference', usage, t.text);
}

/**
 * A member and a team in either order (`add @alice #eng`, `manager #eng @bob`). The sigils decide;
 * without any, `memberFirst` says which comes first.
 */
function memberAndTeam(args: Args, usage: UsageId, memberFirst: boolean): Result<{ member: MemberRef; team: TeamRef }, ParseError> {
  const tokens = meaningful(args.tokens, usage);
  if (!tokens.ok) return tokens;
  const [a, b, extra] = tokens.value;
  if (extra) return parseError('extra_argument', usage, extra.text);
  if (!a || !b) return parseError('missing_argument', usage, (a ?? args.tokens[args.tokens.length - 1])?.text);
  const aIsTeam = !a.quoted && looksLikeTeam(a.text);
  const bIsTeam = !b.quoted && looksLikeTeam(b.text);
  const aIsMember = !a.quoted && looksLikeMember(a.text);
  const bIsMember = !b.quoted && looksLikeMember(b.text);
  let swap: boolean;
  if (aIsTeam !== bIsTeam) swap = aIsTeam;
  else if (aIsMember !== bIsMember) swap = bIsMember;
  else swap = !memberFirst;
  const [memberToken, teamToken] = swap ? [b, a] : [a, b];
  const member = memberAt(memberToken, usage);
  if (!member.ok) return member;
  const team = teamAt(teamToken, usage);
  if (!team.ok) return team;
  return ok({ member: member.value, team: team.value });
}

/** `team new eng "Engineering" [--parent #rnd] [--manager @bob] [--channel #eng-okr]`; the name defaults to the handle. */
export function parseTeamNew(args: Args): Result<Command, ParseError> {
  const open = unterminated(args.tokens);
  if (open) return parseError('unterminated_quote', 'team_new', open.text);
  const opts = parseOptions(args.tokens, NEW_OPTIONS, 'team_new');
  if (!opts.ok) return opts;
  const { positional, values } = opts.value;
  const [handleToken, ...nameTokens] = positional;
  if (!handleToken) return parseError('missing_argument', 'team_new');
  const handle = handleToken.quoted ? handleToken.text.trim() : parseTeamRef(handleToken.text, true)?.name;
  if (!handle) return parseError('bad_reference', 'team_new', handleToken.text);
  const name = joinedText(args.source, nameTokens) ?? handle;
  const parent = teamOption(values.get('parent'), 'team_new');
  if (!parent.ok) return parent;
  const manager = memberOption(values.get('manager'), 'team_new');
  if (!manager.ok) return manager;
  const channel = teamOption(values.get('channel'), 'team_new');
  if (!channel.ok) return channel;
  return ok(defined({ verb: 'team_new', handle, name, parent: parent.value, manager: manager.value, channel: channel.value }));
}

/** `team add @alice #eng`, `team remove @alice #eng` (also `team add #eng @alice`, `… to #eng`). */
export function parseTeamMember(args: Args, action: 'add' | 'remove'): Result<Command, ParseError> {
  const both = memberAndTeam(args, 'team_member', true);
  return both.ok ? ok({ verb: 'team_member', action, ...both.value }) : both;
}

/** `team manager #eng @bob`. */
export function parseTeamManager(args: Args): Result<Command, ParseError> {
  const both = memberAndTeam(args, 'team_manager', false);
  return both.ok ? ok({ verb: 'team_manager', team: both.value.team, manager: both.value.member }) : both;
}

/** `mon`, `Monday`, `周一`, `星期天`, or a number (range-checked later). */
function weekdayOption(t: Token | undefined): Result<number | undefined, ParseError> {
  if (!t) return ok(undefined);
  const word = trimPunct(fold(t.text).trim());
  if (/^\d{1,3}$/.test(word)) return ok(Number(word));
  const day = lookupWord(WEEKDAYS, word);
  return day === undefined ? parseError('bad_option', 'team_set', t.text) : ok(day);
}

/**
 * `09:30`, `9:30`, `9.30`, `9`, `9点`, `9点半`, `9点30`, `9:30am`, `2pm` -> `HH:MM`. Out-of-range values
 * (`25:00`) come through padded so the use-case can say what is wrong with them.
 */
export function clockTime(text: string): string | null {
  const s = trimPunct(fold(text).trim()).replace(/\s+/g, '');
  const m = /^(\d{1,2})(?:(?:[:：.]|点|時|时)(\d{1,2}|半)?分?)?(am|pm|a\.m\.|p\.m\.)?$/u.exec(s);
  if (!m) return null;
  let hour = Number(m[1]);
  const minutes = m[2] === undefined ? 0 : m[2] === '半' ? 30 : Number(m[2]);
  if (m[2] !== undefined && m[2] !== '半' && m[2].length !== 2) return null;
  const meridiem = m[3]?.replace(/\./g, '');
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  return `${String(hour).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

function timeOption(t: Token | undefined): Result<string | undefined, ParseError> {
  if (!t) return ok(undefined);
  const time = t.quoted ? null : clockTime(t.text);
  return time === null ? parseError('bad_option', 'team_set', t.text) : ok(time);
}

/** `--remind 4`, `4h`, `4小时`; `--digest 1d`; `--escalate 2`, `2个工作日`, `never`, `从不`. */
function durationOption(t: Token | undefined, read: (text: string) => number | null): Result<number | undefined, ParseError> {
  if (!t) return ok(undefined);
  const value = t.quoted ? null : read(t.text);
  return value === null ? parseError('bad_number', 'team_set', t.text) : ok(value);
}

function channelOption(t: Token | undefined): Result<TeamRef | null | undefined, ParseError> {
  if (t && isNone(t)) return ok(null);
  return teamOption(t, 'team_set');
}

/** The team of `team set` / `team settings`: one token, or a bare name with spaces (`团队 设置 研发部`). */
function optionalTeam(tokens: readonly Token[], source: string, usage: UsageId): Result<TeamRef | undefined, ParseError> {
  const [first, second] = tokens;
  if (!first) return ok(undefined);
  if (first.quoted || looksLikeTeam(first.text)) {
    if (second) return parseError('extra_argument', usage, second.text);
    return teamAt(first, usage);
  }
  const name = joinedText(source, tokens);
  const team = name === undefined ? null : parseTeamRef(name, true);
  return team ? ok(team) : parseError('bad_reference', usage, first.text);
}

/**
 * `team set [#eng] [--weekday mon|1..7|周一] [--time 09:30] [--threshold 25] [--stale 14] [--channel #c|none]
 * [--remind 4h] [--escalate 2|never] [--digest 24h]`.
 * With nothing to set it shows the settings, like `team settings`.
 */
export function parseTeamSet(args: Args): Result<Command, ParseError> {
  const open = unterminated(args.tokens);
  if (open) return parseError('unterminated_quote', 'team_set', open.text);
  const opts = parseOptions(args.tokens, SET_OPTIONS, 'team_set');
  if (!opts.ok) return opts;
  const { positional, values } = opts.value;
  const team = optionalTeam(positional, args.source, 'team_set');
  if (!team.ok) return team;
  const weekday = weekdayOption(values.get('weekday'));
  if (!weekday.ok) return weekday;
  const time = timeOption(values.get('time'));
  if (!time.ok) return time;
  const threshold = numberOption(values.get('threshold'), 'team_set');
  if (!threshold.ok) return threshold;
  const stale = numberOption(values.get('stale'), 'team_set');
  if (!stale.ok) return stale;
  const channel = channelOption(values.get('channel'));
  if (!channel.ok) return channel;
  const remind = durationOption(values.get('remind'), parseHours);
  if (!remind.ok) return remind;
  const escalate = durationOption(values.get('escalate'), parseWorkdays);
  if (!escalate.ok) return escalate;
  const digest = durationOption(values.get('digest'), parseHours);
  if (!digest.ok) return digest;
  const changes: TeamSettingChanges = defined({
    checkinWeekday: weekday.value,
    checkinTime: time.value,
    lagThreshold: threshold.value,
    staleDays: stale.value,
    channel: channel.value,
    remindAfterHours: remind.value,
    escalateAfterWorkdays: escalate.value,
    digestAfterHours: digest.value,
  });
  const withTeam = team.value ? { team: team.value } : {};
  if (Object.keys(changes).length === 0) return ok({ verb: 'team_settings', ...withTeam });
  return ok({ verb: 'team_set', ...withTeam, changes });
}

/** `team settings [#eng]`. */
export function parseTeamSettings(args: Args): Result<Command, ParseError> {
  const open = unterminated(args.tokens);
  if (open) return parseError('unterminated_quote', 'team_settings', open.text);
  const team = optionalTeam(args.tokens, args.source, 'team_settings');
  if (!team.ok) return team;
  return ok(team.value ? { verb: 'team_settings', team: team.value } : { verb: 'team_settings' });
}

/** `role @bob admin|manager|member` (also `角色 @张三 管理员`, or the role first). */
export function parseRole(args: Args): Result<Command, ParseError> {
  const tokens = meaningful(args.tokens, 'member_role');
  if (!tokens.ok) return tokens;
  const [a, b, extra] = tokens.value;
  if (extra) return parseError('extra_argument', 'member_role', extra.text);
  if (!a || !b) return parseError('missing_argument', 'member_role', a?.text);
  const roleFirst = !a.quoted && !looksLikeMember(a.text) && lookupWord(ROLE_WORDS, a.text) !== undefined;
  const [memberToken, roleToken] = roleFirst ? [b, a] : [a, b];
  const role = roleToken.quoted ? undefined : lookupWord(ROLE_WORDS, roleToken.text);
  if (role === undefined) return parseError('bad_option', 'member_role', roleToken.text);
  const member = memberAt(memberToken, 'member_role');
  return member.ok ? ok({ verb: 'member_role', member: member.value, role }) : member;
}

/** `manager @alice @bob` (Alice reports to Bob), `manager @alice none`, `汇报 @张三 @李四`. */
export function parseManager(args: Args): Result<Command, ParseError> {
  const tokens = meaningful(args.tokens, 'member_manager');
  if (!tokens.ok) return tokens;
  const [a, b, extra] = tokens.value;
  if (extra) return parseError('extra_argument', 'member_manager', extra.text);
  if (!a || !b) return parseError('missing_argument', 'member_manager', a?.text);
  const member = memberAt(a, 'member_manager');
  if (!member.ok) return member;
  if (isNone(b)) return ok({ verb: 'member_manager', member: member.value, manager: null });
  const manager = memberAt(b, 'member_manager');
  return manager.ok ? ok({ verb: 'member_manager', member: member.value, manager: manager.value }) : manager;
}
