import type { KpiAlertReason } from '../../domain/kpi-health';
import { formatDay } from '../../i18n/format';
import type { NoticeView } from '../../use-cases/notice-views';
import type { KpiReadingView, KpiView } from '../../use-cases/views';
import { indent, type TextKit } from './context';
import { bandText } from './kpi-text';

// The KPI notices as plain text lines: the health alert to a KPI's team and the confirm request to
// the owner of a key result that follows a KPI. Slack and WeCom escape these same lines, so every
// medium says the same thing; user text (KPI and key result names) is printed as typed.

type Notice<T extends NoticeView['type']> = Extract<NoticeView, { type: T }>;

export const KPI_ALERT_FLAG = '🚨';
const BULLET = '•';

const day = (on: string, kit: TextKit): string => formatDay(kit.ctx.locale, on);
const value = (kpi: KpiView, n: number, kit: TextKit): string => kit.num(n, kpi.unit);

export const kpiAlertTitle = (n: Notice<'kpi_alert'>, kit: TextKit): string =>
  `${KPI_ALERT_FLAG} ${kit.t('notice.kpiAlert.title', { name: n.kpi.name, key: n.kpi.key })}  ${bandText(n.band, kit)}`;

/** `moved from 🟢 green to 🟡 yellow` / `below target for 3 weeks in a row`. */
export function kpiAlertReasonText(r: KpiAlertReason, kpi: KpiView, kit: TextKit): string {
  if (r.kind === 'band_worsened') return kit.t('notice.kpiAlert.bandWorsened', { from: bandText(r.from, kit), to: bandText(r.to, kit) });
  return r.periods === 1
    ? kit.t('notice.kpiAlert.belowTargetOne', { period: kit.t(`notice.kpiAlert.period.${kpi.frequency}`) })
    : kit.t('notice.kpiAlert.belowTarget', { count: kit.num(r.periods), periods: kit.t(`notice.kpiAlert.periods.${kpi.frequency}`) });
}

export const kpiAlertReasonLines = (n: Notice<'kpi_alert'>, kit: TextKit): string[] => n.reasons.map((r) => `${BULLET} ${kpiAlertReasonText(r, n.kpi, kit)}`);

/** `Latest 31 pts on Nov 16 · target 45 pts`; nothing before the first reading. */
export function kpiLatestLine(kpi: KpiView, kit: TextKit): string | null {
  if (!kpi.latest) return null;
  const params = { value: value(kpi, kpi.latest.value, kit), date: day(kpi.latest.on, kit) };
  return kpi.target === null ? kit.t('notice.kpiAlert.latestNoTarget', params) : kit.t('notice.kpiAlert.latest', { ...params, target: value(kpi, kpi.target, kit) });
}

/** `Trend: Nov 2 38 · Nov 9 35 · Nov 16 31`, oldest first. */
export function kpiTrendLine(kpi: KpiView, trend: readonly KpiReadingView[], kit: TextKit): string | null {
  if (trend.length === 0) return null;
  const points = trend.map((r) => kit.t('notice.kpiAlert.point', { date: day(r.on, kit), value: value(kpi, r.value, kit) }));
  return kit.t('notice.kpiAlert.trend', { points: points.join(' · ') });
}

export const kpiAlertHint = (kpi: KpiView, kit: TextKit): string =>
  kit.t('notice.kpiAlert.hint', { show: kit.t('notice.command.kpiShow', { key: kpi.key }) });

/** A number as people type it in a command: no grouping, no float noise (`0.30000000000000004`). */
export const typedNumber = (n: number): string => String(Number(n.toPrecision(12)));

/** The value a linked key result now has: the KPI's latest, else the key result's own. */
const followed = (n: Notice<'kpi_linked_update'>): number | null => n.kpi.latest?.value ?? n.keyResult.current;

export function kpiLinkedTitle(n: Notice<'kpi_linked_update'>, kit: TextKit): string {
  const v = followed(n);
  return kit.t('notice.kpiLinked.title', { ref: n.keyResult.ref, kpi: n.kpi.name, value: v === null ? kit.t('common.noValue') : value(n.kpi, v, kit) });
}

/** `NPS says 412 (+37 since Nov 16).` */
export function kpiLinkedSays(n: Notice<'kpi_linked_update'>, kit: TextKit): string | null {
  const latest = n.kpi.latest;
  if (!latest) return null;
  const now = value(n.kpi, latest.value, kit);
  if (!n.previous) return kit.t('notice.kpiLinked.saysFirst', { kpi: n.kpi.name, value: now, date: day(latest.on, kit) });
  const diff = latest.value - n.previous.value;
  const delta = diff === 0
    ? kit.t('notice.kpiLinked.deltaNone')
    : kit.t(diff > 0 ? 'notice.kpiLinked.deltaUp' : 'notice.kpiLinked.deltaDown', { value: value(n.kpi, Math.abs(diff), kit) });
  return kit.t('notice.kpiLinked.says', { kpi: n.kpi.name, value: now, delta, date: day(n.previous.on, kit) });
}

export const kpiLinkedAsk = (n: Notice<'kpi_linked_update'>, kit: TextKit): string => kit.t('notice.kpiLinked.ask', { ref: n.keyResult.ref, title: n.keyResult.title });

/**
 * The command that confirms the followed value as an on-track check-in. The grammar reads a signed
 * number as a change (`-3` is "3 less"), so a negative value gets the general update command.
 */
export function kpiConfirmCommand(n: Notice<'kpi_linked_update'>, kit: TextKit): string {
  const v = followed(n);
  if (v === null || v < 0) return kit.t('notice.command.update', { ref: n.keyResult.ref });
  return kit.t('notice.command.confirmKpi', { ref: n.keyResult.ref, value: typedNumber(v) });
}

export const kpiLinkedHint = (n: Notice<'kpi_linked_update'>, kit: TextKit): string => kit.t('notice.kpiLinked.hint', { confirm: kpiConfirmCommand(n, kit) });

/** The KPI notices as plain text lines. */
export function kpiNoticeLines(n: Notice<'kpi_alert'> | Notice<'kpi_linked_update'>, kit: TextKit): string[] {
  if (n.type === 'kpi_alert') {
    const facts = [kpiLatestLine(n.kpi, kit), kpiTrendLine(n.kpi, n.trend, kit)].filter((l): l is string => l !== null);
    return [kpiAlertTitle(n, kit), ...indent(kpiAlertReasonLines(n, kit)), ...facts, '', kpiAlertHint(n.kpi, kit)];
  }
  const says = kpiLinkedSays(n, kit);
  return [kpiLinkedTitle(n, kit), ...(says === null ? [] : [says]), kpiLinkedAsk(n, kit), '', kpiLinkedHint(n, kit)];
}
