import type { LagVerdict } from '../../domain/lag';
import { formatDate, formatDay } from '../../i18n/format';
import type { FeedbackView, KeyResultView, ObjectiveView } from '../../use-cases/views';
import type { TextKit } from './context';
import { keyResultLine, measureText, valueText } from './key-result-line';
import { lagFlag } from './lag-text';
import { objectiveHeader } from './objective-block';
import { progressLabel } from './progress-bar';

// Confirmations of the commands that change something: one sentence, then what to do next.

export function renderObjectiveCreated(o: ObjectiveView, kit: TextKit): string[] {
  const { t } = kit;
  const lines = [t('outcome.objectiveCreated.title', { ref: o.ref, title: o.title }), objectiveHeader(o, kit)];
  if (o.parentRef) lines.push(t('outcome.objectiveCreated.aligned', { parentRef: o.parentRef }));
  return [...lines, t('outcome.objectiveCreated.next', { ref: o.ref })];
}

export function renderKeyResultAdded(kr: KeyResultView, objectiveProgress: number, kit: TextKit): string[] {
  const { t } = kit;
  return [
    t('outcome.keyResultAdded.title', { ref: kr.ref, objectiveRef: kr.objectiveRef, title: kr.title }),
    t('outcome.keyResultAdded.measure', measureText(kr, kit)),
    t('outcome.keyResultAdded.objectiveNow', { objectiveRef: kr.objectiveRef, percent: progressLabel(objectiveProgress) }),
    t('outcome.keyResultAdded.next', { ref: kr.ref }),
  ];
}

/** `Updated KR-12: 35 → 39 pts`, the key result as it stands, its objective, and why it still lags. */
export function renderCheckedIn(
  o: { keyResult: KeyResultView; previous: number | null; objectiveRef: string; objectiveProgress: number; lag: LagVerdict },
  kit: TextKit,
): string[] {
  const { t } = kit;
  const kr = o.keyResult;
  const current = valueText(kr, kr.current, kit);
  const title =
    o.previous === null || o.previous === kr.current
      ? t('outcome.checkedIn.set', { ref: kr.ref, current })
      : t('outcome.checkedIn.changed', { ref: kr.ref, previous: valueText(kr, o.previous, kit), current });
  const lines = [title, keyResultLine(kr, kit), t('outcome.checkedIn.objectiveNow', { objectiveRef: o.objectiveRef, percent: progressLabel(o.objectiveProgress) })];
  const flag = lagFlag(o.lag, kr, kit);
  return flag ? [...lines, flag] : lines;
}

export function renderFeedbackAdded(f: FeedbackView, kit: TextKit): string[] {
  const { t } = kit;
  if (f.kind === 'blocker') return [t('outcome.feedbackAdded.blocker', { ref: f.ref ?? '', target: f.targetRef })];
  return [t(f.kind === 'reply' ? 'outcome.feedbackAdded.reply' : 'outcome.feedbackAdded.comment', { target: f.targetRef })];
}

export const renderBlockerResolved = (f: FeedbackView, kit: TextKit): string[] => [
  kit.t('outcome.blockerResolved', { ref: f.ref ?? '', target: f.targetRef }),
];

export function renderScored(o: { ref: string; title: string; score: number; suggested: number }, kit: TextKit): string[] {
  return [
    kit.t('outcome.scored.title', { ref: o.ref, title: o.title, score: kit.num(o.score) }),
    kit.t('outcome.scored.suggested', { suggested: kit.num(o.suggested) }),
  ];
}

export const renderOutOfOffice = (from: string, until: string, kit: TextKit): string[] => [
  kit.t('outcome.outOfOffice', { from: formatDay(kit.ctx.locale, from), until: formatDay(kit.ctx.locale, until) }),
];

export const renderSnoozed = (until: Date, kit: TextKit): string[] => [
  kit.t('outcome.snoozed', { date: formatDate(kit.ctx.locale, until, kit.ctx.timeZone) }),
];

const FIELDS = ['title', 'weight', 'start', 'target', 'unit', 'pace', 'owner', 'level'] as const;
const isField = (f: string): f is (typeof FIELDS)[number] => (FIELDS as readonly string[]).includes(f);

export function renderEdited(ref: string, fields: readonly string[], kit: TextKit): string[] {
  const names = fields.map((f) => (isField(f) ? kit.t(`field.${f}`) : f));
  return [kit.t('outcome.edited', { ref, fields: names.join(kit.t('common.listSeparator')) })];
}

export const renderAligned = (ref: string, parentRef: string | null, kit: TextKit): string[] => [
  parentRef === null ? kit.t('outcome.unaligned', { ref }) : kit.t('outcome.aligned', { ref, parentRef }),
];

export const renderClosed = (ref: string, reopened: boolean, kit: TextKit): string[] => [
  kit.t(reopened ? 'outcome.reopened' : 'outcome.closed', { ref }),
];
