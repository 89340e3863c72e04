import type { TextKit } from '../../render/text/context';
import * as kt from '../../render/text/kpi-notice-text';
import type { NoticeView } from '../../use-cases/notice-views';
import type { KpiView } from '../../use-cases/views';
import { truncateBytes } from './byte-limits';
import { bold, colored, escapeMarkdown as esc } from './markdown-escape';

// The KPI notices as WeCom markdown lines, from the lines the console prints
// (render/text/kpi-notice-text.ts): user text is cut first, each line is escaped whole, and our
// markup (bold or coloured titles, grey hints) goes only around escaped text.

type Notice<T extends NoticeView['type']> = Extract<NoticeView, { type: T }>;

/** Bytes of a KPI name, a unit or a key result title in a line. */
const USER_TEXT_BYTES = 240;
const short = (text: string): string => truncateBytes(text, USER_TEXT_BYTES);
const shortKpi = (k: KpiView): KpiView => ({ ...k, name: short(k.name), unit: k.unit === null ? null : short(k.unit) });
const hint = (text: string): string => colored(text, 'comment');
const present = (lines: readonly (string | null)[]): string[] => lines.filter((l): l is string => l !== null);

/** The health alert, or the confirm request in text form (the card's fallback, and its details). */
export function kpiNoticeMarkdown(n: Notice<'kpi_alert'> | Notice<'kpi_linked_update'>, kit: TextKit): string[] {
  if (n.type === 'kpi_alert') {
    const s = { ...n, kpi: shortKpi(n.kpi) };
    return [
      colored(kt.kpiAlertTitle(s, kit), 'warning'),
      ...kt.kpiAlertReasonLines(s, kit).map((l) => `  ${esc(l)}`),
      ...present([kt.kpiLatestLine(s.kpi, kit), kt.kpiTrendLine(s.kpi, s.trend, kit)]).map(esc),
      '',
      hint(kt.kpiAlertHint(s.kpi, kit)),
    ];
  }
  const s = { ...n, kpi: shortKpi(n.kpi), keyResult: { ...n.keyResult, title: short(n.keyResult.title) } };
  return [bold(kt.kpiLinkedTitle(s, kit)), ...present([kt.kpiLinkedSays(s, kit), kt.kpiLinkedAsk(s, kit)]).map(esc), '', hint(kt.kpiLinkedHint(s, kit))];
}
