import { formatDate } from '../../i18n/format';
import type { CheckInView, FeedbackView, KeyResultView, ObjectiveView } from '../../use-cases/views';
import { indent, type TextKit } from './context';
import { confidenceText, keyResultLines, measureText, valueText } from './key-result-line';
import { objectiveBlock, objectiveHeader } from './objective-block';

/** `Nov 23  💬 Bob: looks good` / `🚧 B-4 open — Bob: waiting on legal`. */
export function feedbackLine(f: FeedbackView, kit: TextKit): string {
  const params = { author: f.authorName, body: f.body, ref: f.ref ?? '' };
  const text =
    f.kind === 'blocker'
      ? kit.t(f.state === 'resolved' ? 'outcome.feedbackLine.blockerResolved' : 'outcome.feedbackLine.blockerOpen', params)
      : kit.t(f.kind === 'reply' ? 'outcome.feedbackLine.reply' : 'outcome.feedbackLine.comment', params);
  return `${formatDate(kit.ctx.locale, f.at, kit.ctx.timeZone)}  ${text}`;
}

function feedbackSection(feedback: readonly FeedbackView[], heading: string, kit: TextKit): string[] {
  return feedback.length === 0 ? [] : [heading, ...indent(feedback.map((f) => feedbackLine(f, kit)))];
}

/** `/okr show O-7`: the objective, its key results, what is aligned below it, and its feedback. */
export function renderObjectiveDetail(o: ObjectiveView, children: readonly ObjectiveView[], feedback: readonly FeedbackView[], kit: TextKit): string[] {
  const { t } = kit;
  const meta = [t('outcome.objective.cycle', { cycle: o.cycleName })];
  if (o.parentRef) meta.push(t('objective.alignedTo', { ref: o.parentRef }));
  if (o.weight !== 1) meta.push(t('outcome.objective.weight', { weight: kit.num(o.weight) }));
  const [header = '', ...krs] = objectiveBlock(o, kit);
  const lines = [header, meta.join(' · '), ...krs];
  if (children.length > 0) lines.push(t('outcome.objective.children'), ...indent(children.map((c) => objectiveHeader(c, kit))));
  return [...lines, ...feedbackSection(feedback, t('outcome.objective.feedback'), kit)];
}

/** `Nov 23  Alice: 35 → 39 pts  🟡 at risk — waiting on legal`. */
export function checkInLine(kr: KeyResultView, c: CheckInView, kit: TextKit): string {
  const date = formatDate(kit.ctx.locale, c.at, kit.ctx.timeZone);
  let value = c.value === null ? '' : valueText(kr, c.value, kit);
  if (c.value !== null && c.previousValue !== null && c.previousValue !== c.value) value = `${valueText(kr, c.previousValue, kit)} → ${value}`;
  const base = value === ''
    ? kit.t('outcome.historyLine.noValue', { date, author: c.authorName })
    : kit.t('outcome.historyLine.value', { date, author: c.authorName, value });
  const extras = [...(c.confidence ? [confidenceText(c.confidence, kit)] : []), ...(c.note ? [`— ${c.note}`] : [])];
  return [base, ...extras].join('  ');
}

/** `/okr show KR-12`: the key result with lag reasons, what it measures, its check-ins and feedback. */
export function renderKeyResultDetail(
  kr: KeyResultView,
  objectiveTitle: string,
  history: readonly CheckInView[],
  feedback: readonly FeedbackView[],
  kit: TextKit,
): string[] {
  const { t } = kit;
  const measure = measureText(kr, kit);
  const lines = [
    ...keyResultLines(kr, kit),
    t('outcome.keyResult.objective', { ref: kr.objectiveRef, title: objectiveTitle }),
    t('outcome.keyResult.meta', { ...measure, weight: kit.num(kr.weight), owner: kr.ownerName }),
  ];
  if (kr.kpiKey) lines.push(t('keyResult.kpiLink', { key: kr.kpiKey }));
  if (history.length === 0) {
    lines.push(t('outcome.keyResult.noHistory', { ref: kr.ref }));
  } else {
    lines.push(t('outcome.keyResult.history'), ...indent(history.map((c) => checkInLine(kr, c, kit))));
  }
  return [...lines, ...feedbackSection(feedback, t('outcome.keyResult.feedback'), kit)];
}
