import type { KnownBlock } from '@slack/types';
import { measureText } from '../../render/text/key-result-line';
import type { CheckInView, FeedbackView, KeyResultView, ObjectiveView } from '../../use-cases/views';
import { actions, context, section, sections } from './block-builders';
import { bold, checkInMrkdwn, esc, feedbackMrkdwn, INDENT, keyResultLines, objectiveLine, short } from './goal-lines';
import { checkInButton, shareButtons, showButton } from './next-actions';
import type { Reply, ReplyKit } from './reply';

// `/okr show O-7` and `/okr show KR-12`: the goal, its numbers, history and feedback, and buttons
// to check in or move to the goal above.

const feedbackSections = (feedback: readonly FeedbackView[], heading: string, kit: ReplyKit): KnownBlock[] =>
  feedback.length === 0 ? [] : sections([bold(heading), ...feedback.map((f) => `${INDENT}${feedbackMrkdwn(f, kit)}`)]);

export function objectiveDetailReply(o: ObjectiveView, children: readonly ObjectiveView[], feedback: readonly FeedbackView[], kit: ReplyKit): Reply {
  const { t } = kit;
  const meta = [t('outcome.objective.cycle', { cycle: short(o.cycleName) })];
  if (o.parentRef) meta.push(t('objective.alignedTo', { ref: o.parentRef }));
  if (o.weight !== 1) meta.push(t('outcome.objective.weight', { weight: kit.num(o.weight) }));
  const keyResults = o.keyResults.length === 0
    ? [section(esc(t('objective.noKeyResults', { ref: o.ref })))]
    : sections(o.keyResults.flatMap((kr) => keyResultLines(kr, kit)));
  const childBlocks = children.length === 0
    ? []
    : sections([bold(t('outcome.objective.children')), ...children.map((c) => `${INDENT}${objectiveLine(c, kit)}`)]);
  const firstOpen = o.keyResults.find((kr) => kr.status === 'active');
  return {
    text: esc(`${o.ref}  ${short(o.title)}`),
    blocks: [
      section(objectiveLine(o, kit)),
      context(esc(meta.join(' · '))),
      ...keyResults,
      ...childBlocks,
      ...feedbackSections(feedback, t('outcome.objective.feedback'), kit),
      ...actions([...(o.status === 'active' ? [checkInButton(kit, firstOpen?.ref ?? '')] : []), ...shareButtons(kit, kit.commandText)]),
    ],
  };
}

export function keyResultDetailReply(
  kr: KeyResultView,
  objectiveTitle: string,
  history: readonly CheckInView[],
  feedback: readonly FeedbackView[],
  kit: ReplyKit,
): Reply {
  const { t } = kit;
  const measure = measureText({ ...kr, unit: kr.unit === null ? null : short(kr.unit) }, kit);
  const meta = [
    t('outcome.keyResult.objective', { ref: kr.objectiveRef, title: short(objectiveTitle) }),
    t('outcome.keyResult.meta', { ...measure, weight: kit.num(kr.weight), owner: short(kr.ownerName) }),
    ...(kr.kpiKey ? [t('keyResult.kpiLink', { key: short(kr.kpiKey) })] : []),
  ];
  const historyBlocks = history.length === 0
    ? [context(esc(t('outcome.keyResult.noHistory', { ref: kr.ref })))]
    : sections([bold(t('outcome.keyResult.history')), ...history.map((c) => `${INDENT}${checkInMrkdwn(kr, c, kit)}`)]);
  return {
    text: esc(`${kr.ref}  ${short(kr.title)}`),
    blocks: [
      ...sections(keyResultLines(kr, kit)),
      context(...meta.map(esc)),
      ...historyBlocks,
      ...feedbackSections(feedback, t('outcome.keyResult.feedback'), kit),
      ...actions([
        ...(kr.status === 'active' ? [checkInButton(kit, kr.ref)] : []),
        showButton(kit, kr.objectiveRef),
        ...shareButtons(kit, kit.commandText),
      ]),
    ],
  };
}
