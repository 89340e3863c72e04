import type { KnownBlock } from '@slack/types';
import type { TextKit } from '../../render/text/context';
import * as kt from '../../render/text/kpi-notice-text';
import type { NoticeView } from '../../use-cases/notice-views';
import type { KpiView } from '../../use-cases/views';
import { actions, button, context, section, sections } from './block-builders';
import { bold, esc, short } from './goal-lines';
import { ACTION } from './ids';
import type { SlackMessage } from './message';
import { paginateUnits, type Unit } from './unit-pages';

// The KPI notices as Block Kit, from the lines the console prints (render/text/kpi-notice-text.ts),
// each escaped whole after user text was shortened. The confirm request's button opens the normal
// check-in modal with the key result first: its value already is the KPI's, so choosing a
// confidence (and a note, or another number) and submitting is the check-in.

type Notice<T extends NoticeView['type']> = Extract<NoticeView, { type: T }>;

const shortKpi = (k: KpiView): KpiView => ({ ...k, name: short(k.name), unit: k.unit === null ? null : short(k.unit) });

const present = (lines: readonly (string | null)[]): string[] => lines.filter((l): l is string => l !== null);

function kpiAlert(n: Notice<'kpi_alert'>, kit: TextKit): SlackMessage[] {
  const s = { ...n, kpi: shortKpi(n.kpi) };
  const title = kt.kpiAlertTitle(s, kit);
  const blocks: KnownBlock[] = [
    section(bold(title)),
    ...sections(kt.kpiAlertReasonLines(s, kit).map(esc)),
    ...sections(present([kt.kpiLatestLine(s.kpi, kit), kt.kpiTrendLine(s.kpi, s.trend, kit)]).map(esc)),
    context(esc(kt.kpiAlertHint(s.kpi, kit))),
  ];
  return paginateUnits(esc(title), [blocks], kit.ctx.locale);
}

function kpiLinkedUpdate(n: Notice<'kpi_linked_update'>, kit: TextKit): SlackMessage[] {
  const s = { ...n, kpi: shortKpi(n.kpi), keyResult: { ...n.keyResult, title: short(n.keyResult.title) } };
  const title = kt.kpiLinkedTitle(s, kit);
  const body = present([kt.kpiLinkedSays(s, kit), kt.kpiLinkedAsk(s, kit)]).map(esc).join('\n');
  const units: Unit[] = [
    [section(bold(title)), section(body), context(esc(kt.kpiLinkedHint(s, kit)))],
    actions([button(kit.t('notice.button.confirmKpi'), ACTION.openCheckIn, n.keyResult.ref, 'primary')]),
  ];
  return paginateUnits(esc(title), units, kit.ctx.locale);
}

/** A KPI notice as Slack messages within Block Kit's limits. */
export function kpiNoticeMessages(n: Notice<'kpi_alert'> | Notice<'kpi_linked_update'>, kit: TextKit): SlackMessage[] {
  return n.type === 'kpi_alert' ? kpiAlert(n, kit) : kpiLinkedUpdate(n, kit);
}
