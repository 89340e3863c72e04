import { renderKpiCreated, renderKpiDetail, renderKpiLogged } from '../../render/text/kpi-text';
import type { KpiReadingView, KpiView } from '../../use-cases/views';
import { actions, header, section, sections } from './block-builders';
import { esc, kpiMrkdwn, short } from './goal-lines';
import { shareButtons } from './next-actions';
import type { Reply, ReplyKit } from './reply';

// `/kpi list`, `/kpi show`, and the confirmations of `/kpi new` and `/kpi log`.

const shortKpi = (kpi: KpiView): KpiView => ({
  ...kpi,
  key: short(kpi.key),
  name: short(kpi.name),
  unit: kpi.unit === null ? null : short(kpi.unit),
  ownerName: kpi.ownerName === null ? null : short(kpi.ownerName),
  teamName: kpi.teamName === null ? null : short(kpi.teamName),
  linkedKeyResults: kpi.linkedKeyResults.map(short),
});

const shortReading = (r: KpiReadingView): KpiReadingView => ({ ...r, on: short(r.on), source: short(r.source) });

export function kpiListReply(kpis: readonly KpiView[], kit: ReplyKit): Reply {
  const { t } = kit;
  if (kpis.length === 0) return { text: esc(t('outcome.kpiList.empty')), blocks: [section(esc(t('outcome.kpiList.empty')))] };
  return {
    text: esc(t('outcome.kpiList.title')),
    blocks: [header(t('outcome.kpiList.title')), ...sections(kpis.map((k) => kpiMrkdwn(k, kit))), ...actions(shareButtons(kit, kit.commandText))],
  };
}

/** The KPI line in bold, then the text report's lines (meta, linked key results, readings) escaped. */
export function kpiDetailReply(kpi: KpiView, history: readonly KpiReadingView[], kit: ReplyKit): Reply {
  const [, ...rest] = renderKpiDetail(shortKpi(kpi), history.map(shortReading), kit);
  const first = kpiMrkdwn(kpi, kit);
  return {
    text: first,
    blocks: [...sections([first, ...rest.map(esc)]), ...actions(shareButtons(kit, kit.commandText))],
  };
}

export function kpiCreatedReply(kpi: KpiView, kit: ReplyKit): Reply {
  const lines = renderKpiCreated(shortKpi(kpi), kit).map(esc);
  return { text: lines[0] ?? '', blocks: sections(lines) };
}

export function kpiLoggedReply(kpi: KpiView, previous: KpiReadingView | null, kit: ReplyKit): Reply {
  const latest = kpi.latest === null ? null : shortReading(kpi.latest);
  const lines = renderKpiLogged({ ...shortKpi(kpi), latest }, previous === null ? null : shortReading(previous), kit).map(esc);
  return { text: lines[0] ?? '', blocks: sections(lines) };
}
