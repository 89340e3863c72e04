import type { KpiBand } from '../../domain/kpi';
import { formatDay } from '../../i18n/format';
import type { KpiReadingView, KpiView } from '../../use-cases/views';
import { indent, type TextKit } from './context';

const BAND_DOT: Readonly<Record<KpiBand, string>> = { green: '🟢', yellow: '🟡', red: '🔴' };

/** `🟢 green`. */
export const bandText = (band: KpiBand, kit: TextKit): string => `${BAND_DOT[band]} ${kit.t(`band.${band}`)}`;

const readingValue = (kpi: KpiView, r: KpiReadingView, kit: TextKit): string => kit.num(r.value, kpi.unit);
const day = (on: string, kit: TextKit): string => formatDay(kit.ctx.locale, on);

/** `nps  Net Promoter Score  42 pts  🟢 green  (target 45 pts)`. */
export function kpiLine(kpi: KpiView, kit: TextKit): string {
  const { t } = kit;
  const parts = [kpi.key, kpi.name, kpi.latest ? readingValue(kpi, kpi.latest, kit) : t('outcome.kpiDetail.noReading')];
  if (kpi.band) parts.push(bandText(kpi.band, kit));
  parts.push(`(${kpi.target === null ? t('outcome.kpiDetail.noTarget') : t('outcome.kpiDetail.target', { target: kit.num(kpi.target, kpi.unit) })})`);
  return parts.join('  ');
}

/** `/kpi list`. */
export function renderKpiList(kpis: readonly KpiView[], kit: TextKit): string[] {
  if (kpis.length === 0) return [kit.t('outcome.kpiList.empty')];
  return [kit.t('outcome.kpiList.title'), ...indent(kpis.map((k) => kpiLine(k, kit)))];
}

/** `/kpi show nps`: the KPI, who owns it, linked key results and its readings. */
export function renderKpiDetail(kpi: KpiView, history: readonly KpiReadingView[], kit: TextKit): string[] {
  const { t } = kit;
  const meta = [t('outcome.kpiDetail.meta', { direction: t(`direction.${kpi.direction}`), frequency: t(`frequency.${kpi.frequency}`) })];
  if (kpi.ownerName) meta.push(t('outcome.kpiDetail.owner', { owner: kpi.ownerName }));
  if (kpi.teamName) meta.push(t('outcome.kpiDetail.team', { team: kpi.teamName }));
  const lines = [kpiLine(kpi, kit), meta.join(' · ')];
  if (kpi.linkedKeyResults.length > 0) lines.push(t('outcome.kpiDetail.linked', { refs: kpi.linkedKeyResults.join(t('common.listSeparator')) }));
  if (history.length === 0) return [...lines, t('outcome.kpiDetail.noHistory', { key: kpi.key })];
  const readings = history.map((r) => t('outcome.kpiDetail.readingLine', { date: day(r.on, kit), value: readingValue(kpi, r, kit), source: r.source }));
  return [...lines, t('outcome.kpiDetail.history'), ...indent(readings)];
}

/** `/kpi new nps …` done. */
export function renderKpiCreated(kpi: KpiView, kit: TextKit): string[] {
  return [kit.t('outcome.kpiCreated.title', { key: kpi.key, name: kpi.name }), kpiLine(kpi, kit), kit.t('outcome.kpiCreated.next', { key: kpi.key })];
}

/** `/kpi log nps 42` done: the new reading, its colour, and the one before. */
export function renderKpiLogged(kpi: KpiView, previous: KpiReadingView | null, kit: TextKit): string[] {
  const { t } = kit;
  const latest = kpi.latest;
  const title = latest
    ? t('outcome.kpiLogged.title', { key: kpi.key, value: readingValue(kpi, latest, kit), date: day(latest.on, kit) })
    : kpiLine(kpi, kit);
  const lines = [kpi.band ? `${title}  ${bandText(kpi.band, kit)}` : title];
  if (previous) lines.push(t('outcome.kpiLogged.previous', { value: readingValue(kpi, previous, kit), date: day(previous.on, kit) }));
  return lines;
}
