import type { TextKit } from '../../render/text/context';
import { checkInLine, feedbackLine } from '../../render/text/goal-detail-text';
import { keyResultLine } from '../../render/text/key-result-line';
import { kpiLine } from '../../render/text/kpi-text';
import { lagFlag } from '../../render/text/lag-text';
import { objectiveHeader } from '../../render/text/objective-block';
import type { CheckInView, FeedbackView, KeyResultView, KpiView, ObjectiveView, TreeNodeView } from '../../use-cases/views';
import { escapeMrkdwn } from './escape';
import { clamp } from './text-limits';

// mrkdwn lines for goals, built on the plain-text renderer so both media say the same thing.
// The rule that keeps user text harmless: a line comes out of the text renderer whole and is
// escaped whole (titles, names, units and catalog text like `<value>` alike); markup such as
// `*bold*` is only added around pieces that were escaped on their own.

/**
 * How much of one piece of user text (a title, a name, a note) a list line shows. A 5,000-character
 * title would otherwise fill a whole section and push everything after it out of the message.
 */
export const USER_TEXT_IN_LINE = 300;

/** Indentation inside a section; Slack keeps runs of spaces in mrkdwn. */
export const INDENT = '   ';

export const short = (text: string): string => clamp(text, USER_TEXT_IN_LINE);
const shortOrNull = (text: string | null): string | null => (text === null ? null : short(text));

export const esc = escapeMrkdwn;
export const bold = (text: string): string => `*${escapeMrkdwn(text)}*`;

/** Escapes `line`, bolding its first word `lead` (a reference such as `O-7`) when it starts with it. */
function boldLead(line: string, lead: string): string {
  return lead !== '' && line.startsWith(lead) ? `${bold(lead)}${esc(line.slice(lead.length))}` : esc(line);
}

function shortKeyResult(kr: KeyResultView): KeyResultView {
  return { ...kr, title: short(kr.title), ownerName: short(kr.ownerName), unit: shortOrNull(kr.unit) };
}

function shortObjective(o: ObjectiveView): ObjectiveView {
  return { ...o, title: short(o.title), ownerName: short(o.ownerName), teamName: shortOrNull(o.teamName), cycleName: short(o.cycleName) };
}

/** `*O-7*  Delight our customers  ▓▓▓▓▓░░░░░ 52%  (Alice · team · Growth)`. */
export const objectiveLine = (o: ObjectiveView, kit: TextKit): string => boldLead(objectiveHeader(shortObjective(o), kit), o.ref);

/** `⚠️ Lagging: expected 62 by today, at 41 (21 points behind)`, or null. */
export function lagLine(kr: KeyResultView, kit: TextKit, verdict = kr.lag): string | null {
  const flag = lagFlag(verdict, shortKeyResult(kr), kit);
  return flag === null ? null : esc(flag);
}

/** `*KR-12*  Raise NPS…  ▓▓▓▓▓▓░░░░ 60%  39 / 45 pts  🟡 at risk  (Alice)` and its lag flag below. */
export function keyResultLines(kr: KeyResultView, kit: TextKit, prefix = ''): string[] {
  const line = `${prefix}${boldLead(keyResultLine(shortKeyResult(kr), kit), kr.ref)}`;
  const flag = lagLine(kr, kit);
  return flag === null ? [line] : [line, `${prefix}${INDENT}${flag}`];
}

/** The objective and its key results indented below it, or the hint to add one. */
export function objectiveLines(o: ObjectiveView, kit: TextKit): string[] {
  const body = o.keyResults.length === 0
    ? [`${INDENT}${esc(kit.t('objective.noKeyResults', { ref: o.ref }))}`]
    : o.keyResults.flatMap((kr) => keyResultLines(kr, kit, INDENT));
  return [objectiveLine(o, kit), ...body];
}

/** `   └ *O-9*  …` — three spaces per level and `└` before every child (depth capped so deep trees stay readable). */
export function treeLine(node: TreeNodeView, kit: TextKit): string {
  const depth = Math.min(12, Math.max(0, Math.floor(Number.isFinite(node.depth) ? node.depth : 0)));
  const lead = depth > 0 ? `${INDENT.repeat(depth - 1)}└ ` : '';
  return `${lead}${objectiveLine(node.objective, kit)}`;
}

/** `Nov 23  💬 Bob: looks good`. */
export const feedbackMrkdwn = (f: FeedbackView, kit: TextKit): string =>
  esc(feedbackLine({ ...f, body: short(f.body), authorName: short(f.authorName) }, kit));

/** `Nov 23  Alice: 35 → 39 pts  🟡 at risk  — waiting on legal`. */
export const checkInMrkdwn = (kr: KeyResultView, c: CheckInView, kit: TextKit): string =>
  esc(checkInLine(shortKeyResult(kr), { ...c, authorName: short(c.authorName), note: shortOrNull(c.note) }, kit));

/** `*nps*  Net Promoter Score  42 pts  🟢 green  (target 45 pts)`. */
export function kpiMrkdwn(kpi: KpiView, kit: TextKit): string {
  const shortened = { ...kpi, key: short(kpi.key), name: short(kpi.name), unit: shortOrNull(kpi.unit) };
  return boldLead(kpiLine(shortened, kit), shortened.key);
}
