import type { KeyResultKind } from '../../domain/key-result';
import type { LagReason, LagVerdict } from '../../domain/lag';
import type { TextKit } from './context';

export const LAG_FLAG = '⚠️';

/** What the numbers of a reason are measured in: the key result's unit, and its kind for milestones. */
export interface LagSubject {
  readonly unit: string | null;
  readonly kind?: KeyResultKind;
}

/** One reason as a sentence with its numbers: "expected 62 by today, at 41 (21 points behind)". */
export function lagReasonText(reason: LagReason, subject: LagSubject, kit: TextKit): string {
  const { t, num } = kit;
  switch (reason.type) {
    case 'behind_pace': {
      // A milestone's values are 0..1 (done or not); its percentages read better.
      const milestone = subject.kind === 'milestone';
      const expected = milestone ? num(reason.expectedPercent, '%') : num(reason.expectedValue, subject.unit);
      const current = milestone ? num(reason.actualPercent, '%') : num(reason.currentValue, subject.unit);
      return t('lag.behind_pace', { expected, current, gap: num(reason.gapPoints) });
    }
    case 'no_check_in':
      return reason.days === 1 ? t('lag.no_check_in_one') : t('lag.no_check_in', { days: num(reason.days) });
    case 'confidence_falling':
      return t('lag.confidence_falling', { falls: num(reason.falls), confidence: t(`confidence.${reason.confidence}`) });
    case 'threshold_broken': {
      const params = { threshold: num(reason.threshold, subject.unit), current: num(reason.currentValue, subject.unit) };
      return reason.currentValue > reason.threshold ? t('lag.threshold_broken_ceiling', params) : t('lag.threshold_broken', params);
    }
  }
}

/** Every reason of a verdict in one line, or '' when it does not lag. */
export function lagReasonsText(verdict: LagVerdict, subject: LagSubject, kit: TextKit): string {
  return verdict.reasons.map((r) => lagReasonText(r, subject, kit)).join(kit.t('common.clauseSeparator'));
}

/** `⚠️ Lagging: expected 62 by today, at 41 (21 points behind)`, or null when it does not lag. */
export function lagFlag(verdict: LagVerdict | null, subject: LagSubject, kit: TextKit): string | null {
  if (!verdict?.lagging || verdict.reasons.length === 0) return null;
  return `${LAG_FLAG} ${kit.t('lag.flagged', { reasons: lagReasonsText(verdict, subject, kit) })}`;
}
