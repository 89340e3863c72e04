import type { Confidence } from '../../domain/key-result';
import { isPrefixUnit } from '../../i18n/format';
import type { KeyResultView } from '../../use-cases/views';
import type { TextKit } from './context';
import { lagFlag } from './lag-text';
import { progressBar } from './progress-bar';

const CONFIDENCE_DOT: Readonly<Record<Confidence, string>> = { on_track: '🟢', at_risk: '🟡', off_track: '🔴' };

/** `🟡 at risk`. */
export const confidenceText = (confidence: Confidence, kit: TextKit): string =>
  `${CONFIDENCE_DOT[confidence]} ${kit.t(`confidence.${confidence}`)}`;

type Measured = Pick<KeyResultView, 'kind' | 'current' | 'start' | 'target' | 'unit'>;

/** A key result value on its own, with its unit: `39 pts`, `$1.2M`, `done`. */
export function valueText(kr: Pick<KeyResultView, 'kind' | 'unit'>, value: number | null, kit: TextKit): string {
  if (value === null) return kit.t('common.noValue');
  if (kr.kind === 'milestone') return value >= 1 ? kit.t('keyResult.milestoneDone') : kit.t('keyResult.milestoneOpen');
  return kit.num(value, kr.unit);
}

/** Where a key result stands: `39 / 45 pts`, `99.2% (at least 99.9%)`, `done`. */
export function standingText(kr: Measured, kit: TextKit): string {
  const { t, num } = kit;
  if (kr.kind === 'milestone') return valueText(kr, kr.current ?? 0, kit);
  const target = num(kr.target, kr.unit);
  const current = valueText(kr, kr.current, kit);
  if (kr.kind === 'stay_above') return t('keyResult.floor', { current, target });
  if (kr.kind === 'stay_below') return t('keyResult.ceiling', { current, target });
  // "39 / 45 pts": a suffix unit is said once, a currency sign belongs to both numbers.
  const bare = kr.current === null ? t('common.noValue') : isPrefixUnit(kr.unit) ? current : num(kr.current);
  return t('keyResult.valueOf', { current: bare, target });
}

/** What the key result measures: `increase: from 30 up to 45 pts`. */
export function measureText(kr: Measured, kit: TextKit): { kind: string; description: string } {
  const params = { start: kit.num(kr.start, kr.unit), target: kit.num(kr.target, kr.unit) };
  return { kind: kit.t(`kind.${kr.kind}`), description: kit.t(`kindDescription.${kr.kind}`, params) };
}

/** `KR-12  Raise NPS from 30 to 45  ▓▓▓▓▓▓░░░░ 60%  39 / 45 pts  🟡 at risk  (Alice)`. */
export function keyResultLine(kr: KeyResultView, kit: TextKit): string {
  const parts = [kr.ref, kr.title, progressBar(kr.progress), standingText(kr, kit)];
  if (kr.confidence) parts.push(confidenceText(kr.confidence, kit));
  if (kr.status !== 'active') parts.push(`[${kit.t(`status.${kr.status}`)}]`);
  parts.push(`(${kr.ownerName})`);
  return parts.join('  ');
}

/** The line, and below it the lag flag with its reasons when the key result lags. */
export function keyResultLines(kr: KeyResultView, kit: TextKit): string[] {
  const flag = lagFlag(kr.lag, kr, kit);
  return flag ? [keyResultLine(kr, kit), `   ${flag}`] : [keyResultLine(kr, kit)];
}
