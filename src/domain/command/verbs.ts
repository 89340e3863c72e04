import { distance } from 'fastest-levenshtein';
import type { UsageId } from './command';
import { fold } from './text';
import type { Token } from './tokenize';

/**
 * What the first word(s) of a command can be. Some keywords are not command verbs of their own:
 * `mine` is a `list`, `progress` (进度) is `list` or `show` depending on its arguments, `kr` alone
 * guesses between `kr add` and `update`, and `reopen` is a `close`.
 */
export type OkrKeyword =
  | 'help' | 'mine' | 'list' | 'progress' | 'show' | 'new' | 'kr_add' | 'kr' | 'update' | 'checkin'
  | 'tree' | 'team' | 'lagging' | 'comment' | 'blocker' | 'resolve' | 'score' | 'review' | 'ooo'
  | 'snooze' | 'edit' | 'align' | 'close' | 'reopen'
  | 'team_new' | 'team_add' | 'team_remove' | 'team_manager' | 'team_set' | 'team_settings' | 'role' | 'manager'
  | 'holidays' | 'holiday_add' | 'holiday_workday' | 'holiday_remove' | 'holiday_calendar'
  | 'token_new' | 'token_list' | 'token_revoke';
export type KpiKeyword = 'help' | 'list' | 'show' | 'new' | 'log' | 'link';
export type Namespace = 'okr' | 'kpi';

/** English first: the first alias of each keyword is the canonical spelling used in suggestions. */
export const OKR_ALIASES: Readonly<Record<OkrKeyword, readonly string[]>> = {
  help: ['help', '?', '帮助', '说明'],
  mine: ['mine', 'me', '我的', '我的进度', '我的okr', '我的目标'],
  list: ['list', 'ls', '列表', '列出'],
  progress: ['进度'],
  show: ['show', 'view', 'get', '查看', '详情', '显示'],
  new: ['new', 'create', '新建', '创建'],
  kr_add: ['kr add', 'kr new', 'add-kr', 'addkr', 'kr 添加', 'kr 新增', '添加kr', '加kr', '新增kr'],
  kr: ['kr'],
  update: ['update', '更新'],
  checkin: ['checkin', 'check-in', 'check in', '签到', '打卡', '周报'],
  tree: ['tree', '树', '对齐'],
  team: ['team', '团队', '团队进度'],
  lagging: ['lagging', '滞后', '落后'],
  comment: ['comment', '评论', '留言'],
  blocker: ['blocker', 'block', 'blocked', '阻碍', '卡点', '阻塞'],
  resolve: ['resolve', 'unblock', '解决'],
  score: ['score', '评分', '打分'],
  review: ['review', 'retro', '复盘', '回顾'],
  ooo: ['ooo', 'out-of-office', 'away', 'vacation', '请假', '休假'],
  snooze: ['snooze', 'later', '稍后', '暂停', '推迟'],
  edit: ['edit', '编辑', '修改'],
  align: ['align', '对齐到'],
  close: ['close', '关闭'],
  reopen: ['reopen', '重新打开', '重开'],
  // `team <word>` is a team command only for these words; any other word is still a team name.
  team_new: ['team new', 'team create', '团队 新建', '团队 创建', '新建团队', '创建团队'],
  team_add: ['team add', '团队 添加', '团队 加入'],
  team_remove: ['team remove', 'team rm', '团队 移除', '团队 删除'],
  team_manager: ['team manager', 'team lead', '团队 负责人', '团队 经理'],
  team_set: ['team set', '团队 设置'],
  team_settings: ['team settings', 'team config', '团队 配置'],
  role: ['role', '角色'],
  manager: ['manager', 'reports-to', '汇报', '上级'],
  // `holiday <word>` is a change only for these words; a year (or nothing) lists the calendar.
  holidays: ['holidays', 'holiday', 'holiday list', 'holidays list', '假期', '节假日', '假日', '假期 列表', '节假日 列表', '假期列表', '节假日列表'],
  holiday_add: [
    'holiday add', 'holidays add', 'holiday new', 'holiday set', '假期 添加', '假期 新增', '假期 增加', '节假日 添加', '节假日 新增',
    '节假日 增加', '添加假期', '新增假期', '添加节假日', '新增节假日', '放假',
  ],
  holiday_workday: [
    'holiday workday', 'holidays workday', 'holiday work', 'holiday makeup', 'holiday make-up', '假期 调休', '假期 补班',
    '节假日 调休', '节假日 补班', '调休', '补班', '调休上班',
  ],
  holiday_remove: [
    'holiday remove', 'holiday rm', 'holiday delete', 'holiday del', 'holidays remove', 'holidays delete', '假期 删除', '假期 移除',
    '假期 取消', '节假日 删除', '节假日 移除', '节假日 取消', '删除假期', '取消假期', '删除节假日', '调休 删除', '调休 取消', '补班 删除', '补班 取消',
  ],
  holiday_calendar: ['holiday calendar', 'holidays calendar', '假期 日历', '节假日 日历', '假期 历法', '节假日 历法'],
  // API tokens; `token` alone lists them, like `holiday` lists the calendar.
  token_new: ['token new', 'token create', 'tokens new', '令牌 新建', '令牌 创建', '新建令牌', '创建令牌', '令牌新建'],
  token_list: ['token', 'tokens', 'token list', 'tokens list', '令牌', '令牌 列表', '令牌列表'],
  token_revoke: ['token revoke', 'token delete', 'token rm', 'tokens revoke', '令牌 撤销', '令牌 删除', '撤销令牌', '删除令牌', '令牌撤销'],
};

export const KPI_ALIASES: Readonly<Record<KpiKeyword, readonly string[]>> = {
  help: ['help', '?', '帮助'],
  list: ['list', 'ls', '列表'],
  show: ['show', 'view', '查看', '详情'],
  new: ['new', 'create', '新建', '创建'],
  log: ['log', 'record', '记录', '录入'],
  link: ['link', '关联', '绑定'],
};

const OKR_USAGE: Readonly<Record<OkrKeyword, UsageId>> = {
  help: 'help', mine: 'list', list: 'list', progress: 'show', show: 'show', new: 'new', kr_add: 'kr_add',
  kr: 'kr_add', update: 'update', checkin: 'checkin', tree: 'tree', team: 'team', lagging: 'lagging',
  comment: 'comment', blocker: 'blocker', resolve: 'resolve', score: 'score', review: 'review', ooo: 'ooo',
  snooze: 'snooze', edit: 'edit', align: 'align', close: 'close', reopen: 'close',
  team_new: 'team_new', team_add: 'team_member', team_remove: 'team_member', team_manager: 'team_manager',
  team_set: 'team_set', team_settings: 'team_settings', role: 'member_role', manager: 'member_manager',
  holidays: 'holidays', holiday_add: 'holiday_add', holiday_workday: 'holiday_add', holiday_remove: 'holiday_remove',
  holiday_calendar: 'holiday_calendar',
  token_new: 'token_new', token_list: 'token_list', token_revoke: 'token_revoke',
};
const KPI_USAGE: Readonly<Record<KpiKeyword, UsageId>> = {
  help: 'help', list: 'kpi_list', show: 'kpi_show', new: 'kpi_new', log: 'kpi_log', link: 'kpi_link',
};

export const usageOf = (ns: Namespace, keyword: string): UsageId =>
  ns === 'okr' ? (OKR_USAGE[keyword as OkrKeyword] ?? 'help') : (KPI_USAGE[keyword as KpiKeyword] ?? 'help');

type Table = Readonly<Record<string, readonly string[]>>;
const entries = (table: Table): [string, string][] =>
  Object.entries(table).flatMap(([keyword, aliases]) => aliases.map((a): [string, string] => [fold(a), keyword]));

const LOOKUPS: Readonly<Record<Namespace, ReadonlyMap<string, string>>> = {
  okr: new Map(entries(OKR_ALIASES)),
  kpi: new Map(entries(KPI_ALIASES)),
};
/** Chinese aliases that may be glued to their argument (`更新KR12`), longest first so `对齐到` beats `对齐`. */
const GLUEABLE: Readonly<Record<Namespace, readonly string[]>> = {
  okr: [...LOOKUPS.okr.keys()].filter((a) => /^\p{Script=Han}/u.test(a)).sort((a, b) => b.length - a.length),
  kpi: [...LOOKUPS.kpi.keys()].filter((a) => /^\p{Script=Han}/u.test(a)).sort((a, b) => b.length - a.length),
};

/** Slash and trailing colon are decoration: `/update`, `更新：`. */
const verbWord = (t: Token): string => fold(t.text).replace(/^\//, '').replace(/[:：,，]$/, '');

export interface VerbMatch {
  readonly keyword: string;
  /** How many tokens the verb used up. */
  readonly consumed: number;
  /** Set when the verb was glued to its first argument: the argument text starts at this offset. */
  readonly gluedArgStart?: number;
}

/** Finds the verb at the start of `tokens`: two-word aliases first, then one word, then a glued Chinese prefix. */
export function matchVerb(ns: Namespace, tokens: readonly Token[]): VerbMatch | null {
  const [first, second] = tokens;
  if (!first || first.quoted) return null;
  const lookup = LOOKUPS[ns];
  if (second && !second.quoted) {
    const two = lookup.get(`${verbWord(first)} ${verbWord(second)}`);
    if (two !== undefined) return { keyword: two, consumed: 2 };
  }
  const one = lookup.get(verbWord(first));
  if (one !== undefined) return { keyword: one, consumed: 1 };
  const glued = gluedAlias(ns, first.text);
  if (glued === undefined) return null;
  const rest = first.text.slice(glued.length);
  const separator = /^[:：]*/.exec(rest)?.[0].length ?? 0;
  // `更新KR12` is a verb and its argument, but `团队研发部` or `我的进度` are more likely one phrase.
  if (/^\p{Script=Han}/u.test(rest.slice(separator))) return null;
  return { keyword: lookup.get(glued) ?? 'help', consumed: 1, gluedArgStart: first.start + glued.length + separator };
}

/** The Chinese alias a word starts with, if any (`更新KR12` -> `更新`). */
function gluedAlias(ns: Namespace, word: string): string | undefined {
  const lower = word.toLowerCase();
  return GLUEABLE[ns].find((alias) => lower.length > alias.length && lower.startsWith(alias));
}

/** Whether a word is a verb of either namespace; used to decide if a leading `@name` was a bot mention. */
export const isKnownVerb = (tokens: readonly Token[]): boolean =>
  matchVerb('okr', tokens) !== null || matchVerb('kpi', tokens) !== null;

/**
 * The alias closest to an unknown word, as the user would type it: a typo within a small edit
 * distance, or a Chinese verb the word starts with (`团队研发部` suggests `团队`).
 */
export function suggestVerb(ns: Namespace, word: string): { alias: string; usage: UsageId } | undefined {
  const w = fold(word).slice(0, 40);
  let best: { alias: string; keyword: string; d: number } | undefined;
  for (const [alias, keyword] of LOOKUPS[ns]) {
    const allowed = Math.min(w.length, alias.length) >= 4 ? 2 : Math.min(w.length, alias.length) >= 2 ? 1 : 0;
    const d = distance(w, alias);
    if (d <= allowed && (best === undefined || d < best.d)) best = { alias, keyword, d };
  }
  if (best) return { alias: best.alias, usage: usageOf(ns, best.keyword) };
  const prefix = gluedAlias(ns, w);
  return prefix === undefined ? undefined : { alias: prefix, usage: usageOf(ns, LOOKUPS[ns].get(prefix) ?? 'help') };
}
