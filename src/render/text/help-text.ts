import type { Verb } from '../../domain/command/command';
import type { CatalogKey } from '../../i18n/catalog';
import { indent, textKit, type RenderContext, type TextKit } from './context';

/** Help sections in the order a newcomer needs them; together they list every verb once. */
const SECTIONS: readonly { readonly heading: CatalogKey; readonly verbs: readonly Verb[] }[] = [
  { heading: 'help.goals', verbs: ['home', 'list', 'show', 'new', 'kr_add', 'tree', 'team', 'edit', 'align', 'close'] },
  { heading: 'help.progress', verbs: ['update', 'checkin', 'lagging'] },
  { heading: 'help.feedback', verbs: ['comment', 'blocker', 'resolve'] },
  { heading: 'help.cycle', verbs: ['score', 'review', 'ooo', 'ooo_clear', 'snooze', 'help'] },
  { heading: 'help.kpis', verbs: ['kpi_list', 'kpi_show', 'kpi_new', 'kpi_log', 'kpi_link'] },
  { heading: 'help.org', verbs: ['team_settings', 'team_set', 'team_member', 'team_new', 'team_manager', 'member_role', 'member_manager'] },
  { heading: 'help.holidays', verbs: ['holidays', 'holiday_add', 'holiday_remove', 'holiday_calendar'] },
  { heading: 'help.tokens', verbs: ['token_new', 'token_list', 'token_revoke'] },
];
const TEAM_VERBS: readonly Verb[] = ['team', 'team_settings', 'team_set', 'team_member', 'team_new', 'team_manager'];
const KPI_VERBS: readonly Verb[] = ['kpi_list', 'kpi_show', 'kpi_new', 'kpi_log', 'kpi_link'];
const HOLIDAY_VERBS: readonly Verb[] = ['holidays', 'holiday_add', 'holiday_remove', 'holiday_calendar'];
const TOKEN_VERBS: readonly Verb[] = ['token_new', 'token_list', 'token_revoke'];
/** Verbs whose help also shows a sibling (`ooo` and `ooo off`). */
const RELATED: Partial<Record<Verb, readonly Verb[]>> = {
  ooo: ['ooo', 'ooo_clear'], ooo_clear: ['ooo', 'ooo_clear'], home: ['home', 'list'], team: TEAM_VERBS,
  holidays: HOLIDAY_VERBS, holiday_add: HOLIDAY_VERBS, holiday_remove: HOLIDAY_VERBS, holiday_calendar: HOLIDAY_VERBS,
  token_new: TOKEN_VERBS, token_list: TOKEN_VERBS, token_revoke: TOKEN_VERBS,
};

/** Every verb, checked against the `Verb` union at compile time. */
const VERB_SET: Readonly<Record<Verb, true>> = {
  home: true, help: true, list: true, show: true, new: true, kr_add: true, update: true, checkin: true, tree: true,
  team: true, lagging: true, comment: true, blocker: true, resolve: true, score: true, review: true, ooo: true,
  ooo_clear: true, snooze: true, edit: true, align: true, close: true, kpi_list: true, kpi_show: true, kpi_new: true,
  kpi_log: true, kpi_link: true, team_new: true, team_member: true, team_manager: true, team_set: true,
  team_settings: true, member_role: true, member_manager: true, holidays: true, holiday_add: true, holiday_remove: true,
  holiday_calendar: true, token_new: true, token_list: true, token_revoke: true,
};
export const ALL_VERBS = Object.keys(VERB_SET) as Verb[];

export const isVerb = (topic: string): topic is Verb => Object.prototype.hasOwnProperty.call(VERB_SET, topic);

/** The usage line of a verb, as the catalog has it. */
export const usageLine = (verb: Verb, kit: TextKit): string => kit.t(`usage.${verb}`);

function overview(kit: TextKit): string[] {
  const lines = [kit.t('help.title')];
  for (const s of SECTIONS) lines.push('', kit.t(s.heading), ...indent(s.verbs.map((v) => usageLine(v, kit))));
  return [...lines, '', kit.t('help.more')];
}

/** `kr add`, `KR-ADD`, `kpi log` -> `kr_add`, `kpi_log`. */
const normalise = (topic: string): string => topic.trim().toLowerCase().replace(/^\//, '').replace(/[\s-]+/g, '_');

/**
 * `/okr help [topic]`: the overview without a topic, the usage of one verb for a verb name, all
 * KPI commands for `kpi`, and the overview with a friendly note for anything else.
 */
export function renderHelp(topic: string | undefined, ctx: RenderContext): string {
  const kit = textKit(ctx);
  const { t } = kit;
  if (topic === undefined || topic.trim() === '') return overview(kit).join('\n');
  const key = normalise(topic);
  if (key === 'kpi' || key === 'kpis') return [t('help.kpiTitle'), ...indent(KPI_VERBS.map((v) => usageLine(v, kit)))].join('\n');
  if (isVerb(key)) return [t('help.topicTitle'), ...indent((RELATED[key] ?? [key]).map((v) => usageLine(v, kit)))].join('\n');
  return [t('help.unknownTopic', { topic: topic.trim() }), '', ...overview(kit)].join('\n');
}
