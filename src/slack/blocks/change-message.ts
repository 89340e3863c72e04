import type { Button } from '@slack/types';
import type { LagVerdict } from '../../domain/lag';
import * as change from '../../render/text/change-text';
import { valueText } from '../../render/text/key-result-line';
import { progressLabel } from '../../render/text/progress-bar';
import type { FeedbackView, KeyResultView, ObjectiveView } from '../../use-cases/views';
import { actions, context, section, sections } from './block-builders';
import { esc, feedbackMrkdwn, keyResultLines, lagLine, objectiveLine, short } from './goal-lines';
import { checkInButton, showButton } from './next-actions';
import type { Reply, ReplyKit } from './reply';

// Confirmations of commands that changed something: the sentence the console prints, escaped,
// and a button for the natural next step (usually: look at the goal, or check in on it). No Share
// button here: sharing runs the command again, and these commands would change things twice.

/** Sentences from the plain-text renderer (raw user text inside), escaped whole, plus buttons. */
function confirmation(lines: readonly string[], buttons: readonly Button[] = []): Reply {
  return { text: esc(lines[0] ?? ''), blocks: [...sections(lines.map(esc)), ...actions(buttons)] };
}

export function objectiveCreatedReply(o: ObjectiveView, kit: ReplyKit): Reply {
  const { t } = kit;
  const title = t('outcome.objectiveCreated.title', { ref: o.ref, title: short(o.title) });
  const aligned = o.parentRef ? [esc(t('outcome.objectiveCreated.aligned', { parentRef: o.parentRef }))] : [];
  return {
    text: esc(title),
    blocks: [
      ...sections([esc(title), objectiveLine(o, kit), ...aligned]),
      context(esc(t('outcome.objectiveCreated.next', { ref: o.ref }))),
      ...actions([showButton(kit, o.ref), checkInButton(kit)]),
    ],
  };
}

export function keyResultAddedReply(kr: KeyResultView, objectiveProgress: number, kit: ReplyKit): Reply {
  const [title = '', measure = '', objectiveNow = '', next = ''] = change.renderKeyResultAdded(
    { ...kr, title: short(kr.title), unit: kr.unit === null ? null : short(kr.unit) },
    objectiveProgress,
    kit,
  );
  return {
    text: esc(title),
    blocks: [
      ...sections([esc(title), esc(measure), esc(objectiveNow)]),
      context(esc(next)),
      ...actions([checkInButton(kit, kr.ref), showButton(kit, kr.ref)]),
    ],
  };
}

/** `Updated KR-12: 35 → 39 pts`, the key result now, its objective, and why it still lags. */
export function checkedInReply(
  o: { keyResult: KeyResultView; previous: number | null; objectiveRef: string; objectiveProgress: number; lag: LagVerdict },
  kit: ReplyKit,
): Reply {
  const { t } = kit;
  const kr = { ...o.keyResult, unit: o.keyResult.unit === null ? null : short(o.keyResult.unit) };
  const current = valueText(kr, kr.current, kit);
  const title =
    o.previous === null || o.previous === kr.current
      ? t('outcome.checkedIn.set', { ref: kr.ref, current })
      : t('outcome.checkedIn.changed', { ref: kr.ref, previous: valueText(kr, o.previous, kit), current });
  // The verdict of this check-in replaces whatever lag the view carried from before it.
  const flag = lagLine(kr, kit, o.lag);
  return {
    text: esc(title),
    blocks: [
      ...sections([
        esc(title),
        ...keyResultLines({ ...kr, lag: null }, kit),
        esc(t('outcome.checkedIn.objectiveNow', { objectiveRef: o.objectiveRef, percent: progressLabel(o.objectiveProgress) })),
      ]),
      ...(flag === null ? [] : [section(flag)]),
      ...actions([checkInButton(kit, kr.ref), showButton(kit, kr.ref)]),
    ],
  };
}

export function feedbackAddedReply(f: FeedbackView, kit: ReplyKit): Reply {
  const [line = ''] = change.renderFeedbackAdded(f, kit);
  return {
    text: esc(line),
    blocks: [section(esc(line)), context(feedbackMrkdwn(f, kit)), ...actions([showButton(kit, f.targetRef)])],
  };
}

export const blockerResolvedReply = (f: FeedbackView, kit: ReplyKit): Reply =>
  confirmation(change.renderBlockerResolved(f, kit), [showButton(kit, f.targetRef)]);

export const scoredReply = (o: { ref: string; title: string; score: number; suggested: number }, kit: ReplyKit): Reply =>
  confirmation(change.renderScored({ ...o, title: short(o.title) }, kit), [showButton(kit, o.ref)]);

export const outOfOfficeReply = (from: string, until: string, kit: ReplyKit): Reply =>
  confirmation(change.renderOutOfOffice(short(from), short(until), kit));

export const outOfOfficeClearedReply = (kit: ReplyKit): Reply => confirmation([kit.t('outcome.outOfOfficeCleared')]);

export const snoozedReply = (until: Date, kit: ReplyKit): Reply => confirmation(change.renderSnoozed(until, kit));

export const editedReply = (ref: string, fields: readonly string[], kit: ReplyKit): Reply =>
  confirmation(change.renderEdited(ref, fields.map(short), kit), [showButton(kit, ref)]);

export const alignedReply = (ref: string, parentRef: string | null, kit: ReplyKit): Reply =>
  confirmation(change.renderAligned(ref, parentRef, kit), [showButton(kit, ref)]);

export const closedReply = (ref: string, reopened: boolean, kit: ReplyKit): Reply =>
  confirmation(change.renderClosed(ref, reopened, kit), [showButton(kit, ref)]);

export const kpiLinkedReply = (keyResultRef: string, kpiKey: string, kit: ReplyKit): Reply =>
  confirmation([kit.t('outcome.kpiLinked', { keyResultRef, kpiKey: short(kpiKey) })], [showButton(kit, keyResultRef)]);
