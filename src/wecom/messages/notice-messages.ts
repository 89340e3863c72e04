import { textKit, type RenderContext, type TextKit } from '../../render/text/context';
import { keyResultLine, keyResultLines } from '../../render/text/key-result-line';
import * as nt from '../../render/text/notice-text';
import { objectiveHeader } from '../../render/text/objective-block';
import type { DigestCheckInView, NoticeView } from '../../use-cases/notice-views';
import type { KeyResultView, ObjectiveView } from '../../use-cases/views';
import { splitIntoPages, truncateBytes } from './byte-limits';
import { checkInCard, type CheckInPromptView } from './check-in-card';
import { kpiNoticeMarkdown } from './kpi-notice-markdown';
import { bold, colored, escapeMarkdown as esc } from './markdown-escape';
import { markdownMessage, type WecomMessage } from './wecom-message';

// The scheduler's notices as WeCom markdown, built from the lines the console prints
// (render/text/notice-text.ts) so every medium says the same thing. Each line leaves the text
// renderer whole and is escaped whole; our markup (bold titles, grey hints) goes only around
// escaped text. User text is cut first, so no line with markup comes near the 2,048-byte limit and
// pages break between lines, never inside markup.
//
// WeCom has no threads. What Slack posts as a thread reply — the reminder under the prompt, a
// member's check-in under the team digest — arrives here as a message of its own, so it opens
// with a grey line saying what it belongs to, and the digest says check-ins follow as separate
// messages and how to comment, instead of "reply in this thread".

/** Bytes of one piece of user text (a title, a note) in a line: 80 汉字, or 240 Latin letters. */
export const USER_TEXT_BYTES = 240;
/** Bytes of a name in a list of names. */
const NAME_BYTES = 60;
/** Names listed in one line of the digest; the rest are counted ("… and 260 more"), as in Slack. */
export const DIGEST_NAMES_SHOWN = 40;

const short = (text: string): string => truncateBytes(text, USER_TEXT_BYTES);
const shortOrNull = (text: string | null): string | null => (text === null ? null : short(text));
const shortName = (name: string): string => truncateBytes(name, NAME_BYTES);

const shortKr = (kr: KeyResultView): KeyResultView => ({ ...kr, title: short(kr.title), ownerName: shortName(kr.ownerName), unit: shortOrNull(kr.unit) });

const shortObjective = (o: ObjectiveView): ObjectiveView => ({
  ...o,
  title: short(o.title),
  ownerName: shortName(o.ownerName),
  teamName: shortOrNull(o.teamName),
  cycleName: short(o.cycleName),
  keyResults: o.keyResults.map(shortKr),
});

const shortCheckIn = (c: DigestCheckInView): DigestCheckInView => ({ ...c, authorName: shortName(c.authorName), note: shortOrNull(c.note), keyResult: shortKr(c.keyResult) });

/** A key result and its lag flag, escaped. */
const krLines = (kr: KeyResultView, kit: TextKit, prefix = ''): string[] => keyResultLines(shortKr(kr), kit).map((l) => `${prefix}${esc(l)}`);

const hint = (text: string): string => colored(text, 'comment');

type Notice<T extends NoticeView['type']> = Extract<NoticeView, { type: T }>;

function promptLines(n: CheckInPromptView, kit: TextKit): string[] {
  const s = { ...n, memberName: shortName(n.memberName), period: short(n.period) };
  const head = [bold(nt.promptTitle(s, kit)), esc(nt.promptIntro(s, kit))];
  const first = n.keyResults[0];
  if (first === undefined) return head;
  return [...head, '', ...n.keyResults.flatMap((kr) => krLines(kr, kit)), '', hint(nt.promptHint(first.ref, kit))];
}

function reminderLines(n: Notice<'check_in_reminder'>, kit: TextKit): string[] {
  const head = [hint(kit.t('wecom.lead.reminder')), bold(nt.reminderTitle({ ...n, memberName: shortName(n.memberName) }, kit))];
  const first = n.keyResults[0];
  if (first === undefined) return head;
  return [...head, '', ...n.keyResults.flatMap((kr) => krLines(kr, kit)), '', hint(nt.promptHint(first.ref, kit))];
}

function escalationLines(n: Notice<'check_in_escalation'>, kit: TextKit): string[] {
  const s = { ...n, memberName: shortName(n.memberName), managerName: shortName(n.managerName) };
  const head = [bold(nt.escalationTitle(s, kit)), esc(nt.escalationBody(s, kit))];
  const first = n.keyResults[0];
  if (first === undefined) return head;
  const krs = n.keyResults.flatMap((kr) => krLines(kr, kit, '  '));
  return [...head, esc(kit.t('notice.escalation.keyResults')), ...krs, '', hint(nt.escalationHint(s, first.ref, kit))];
}

const commentHint = (ref: string, kit: TextKit): string => kit.t('wecom.digest.feedback', { comment: kit.t('wecom.command.comment', { ref }) });

function digestLines(n: Notice<'team_digest'>, kit: TextKit): string[] {
  const { t } = kit;
  const title = nt.digestTitle({ ...n, teamName: shortName(n.teamName), period: short(n.period) }, kit);
  const who = nt.digestWhoLines({ checkedIn: n.checkedIn.map(shortName), missing: n.missing.map(shortName) }, kit, DIGEST_NAMES_SHOWN);
  const atRisk = n.atRisk.length === 0
    ? [esc(t('notice.digest.noAtRisk'))]
    : [bold(nt.atRiskHeading(n.atRisk.length, kit)), ...n.atRisk.flatMap((kr) => krLines(kr, kit, '  '))];
  const changes = n.changes.length === 0
    ? [esc(t('notice.digest.noChanges'))]
    : [bold(nt.changesHeading(n.changes.length, kit)), ...n.changes.map((c) => `  ${esc(nt.changeLine({ ...c, keyResult: shortKr(c.keyResult) }, kit))}`)];
  const ref = n.atRisk[0]?.ref ?? n.changes[0]?.keyResult.ref;
  const footer = [t('wecom.digest.followUp'), ...(ref === undefined ? [] : [commentHint(ref, kit)])];
  return [bold(title), ...who.map(esc), '', ...atRisk, '', ...changes, '', ...footer.map(hint)];
}

function digestCheckInLines(n: Notice<'digest_check_in'>, kit: TextKit): string[] {
  const c = shortCheckIn(n.checkIn);
  const note = nt.digestCheckInNote(c, kit);
  return [
    hint(kit.t('wecom.lead.digestCheckIn')),
    bold(nt.digestCheckInTitle(c, kit)),
    esc(nt.digestCheckInValue(c, kit)),
    ...(note === null ? [] : [esc(note)]),
    hint(commentHint(c.keyResult.ref, kit)),
  ];
}

function lagAlertLines(n: Notice<'lag_alert'>, kit: TextKit): string[] {
  const kr = shortKr(n.keyResult);
  const why = nt.lagReasonLines(n.verdict, kr, kit).map((l) => `  ${esc(l)}`);
  const reasons = why.length === 0 ? [] : [esc(kit.t('notice.lagAlert.why')), ...why];
  return [colored(nt.lagAlertTitle({ ...n, keyResult: kr }, kit), 'warning'), ...reasons, esc(nt.lagAlertMeta(kr, kit)), '', hint(nt.lagAlertHint(kr, kit))];
}

function lagAlertOwnerLines(n: Notice<'lag_alert_owner'>, kit: TextKit): string[] {
  const kr = shortKr(n.keyResult);
  const why = nt.lagReasonLines(n.verdict, kr, kit).map((l) => `  ${esc(l)}`);
  return [colored(nt.lagAlertOwnerTitle({ ...n, keyResult: kr }, kit), 'warning'), ...why, esc(keyResultLine({ ...kr, lag: null }, kit)), '', hint(nt.lagAlertOwnerHint(kr, kit))];
}

function monthlyLines(n: Notice<'monthly_review'>, kit: TextKit): string[] {
  const s = { ...n, memberName: shortName(n.memberName), month: short(n.month) };
  const head = [bold(nt.monthlyTitle(s, kit)), esc(nt.monthlyIntro(s, kit))];
  if (n.objectives.length === 0) return head;
  const body = n.objectives.map(shortObjective).flatMap((o) => [
    '',
    bold(objectiveHeader(o, kit)),
    `  ${esc(nt.monthlySummary(o, kit))}`,
    ...nt.laggingOf(o).flatMap((kr) => krLines(kr, kit, '  ')),
  ]);
  return [...head, ...body, '', hint(nt.monthlyHint(kit))];
}

function scoringLines(n: Notice<'cycle_scoring'>, kit: TextKit): string[] {
  const s = { ...n, memberName: shortName(n.memberName), cycleName: short(n.cycleName), endsOn: short(n.endsOn) };
  const head = [bold(nt.scoringTitle(s, kit)), esc(nt.scoringIntro(s, kit))];
  const first = n.objectives[0];
  if (first === undefined) return head;
  const body = n.objectives.map((o) => esc(`${objectiveHeader(shortObjective(o.objective), kit)}  ${nt.suggestedText(o.suggested, kit)}`));
  return [...head, '', ...body, '', hint(nt.scoringHint(first.objective.ref, first.suggested, kit))];
}

/** Markdown lines of every notice but the prompt, which is a card. */
function lines(notice: Exclude<NoticeView, CheckInPromptView>, kit: TextKit): string[] {
  switch (notice.type) {
    case 'check_in_reminder':
      return reminderLines(notice, kit);
    case 'check_in_escalation':
      return escalationLines(notice, kit);
    case 'team_digest':
      return digestLines(notice, kit);
    case 'digest_check_in':
      return digestCheckInLines(notice, kit);
    case 'lag_alert':
      return lagAlertLines(notice, kit);
    case 'lag_alert_owner':
      return lagAlertOwnerLines(notice, kit);
    case 'monthly_review':
      return monthlyLines(notice, kit);
    case 'cycle_scoring':
      return scoringLines(notice, kit);
    case 'kpi_alert':
    case 'kpi_linked_update':
      return kpiNoticeMarkdown(notice, kit);
    default: {
      const unexpected: never = notice;
      return [esc(String((unexpected as { type?: unknown }).type))];
    }
  }
}

/** Markdown lines as messages of at most 2,048 bytes, each marked `(2/3)` when there are several. */
function markdownPages(markdown: readonly string[], kit: TextKit): WecomMessage[] {
  const marker = (page: number, pages: number): string => hint(kit.t('wecom.page', { page: kit.num(page), pages: kit.num(pages) }));
  return splitIntoPages(markdown.join('\n'), marker).map(markdownMessage);
}

/**
 * The weekly prompt in full as markdown — every key result and how to check in by typing — for
 * the card's 详情 (details) button.
 */
export function checkInDetailsMessages(view: CheckInPromptView, ctx: RenderContext): WecomMessage[] {
  const kit = textKit(ctx);
  return markdownPages(promptLines(view, kit), kit);
}

/**
 * A scheduler notice as WeCom messages, to send in order: the weekly `check_in_prompt` as one
 * interactive card (task id `ctx.taskId`, see `taskIdFor`), every other notice as markdown
 * messages of at most 2,048 bytes with user text escaped.
 */
export function noticeMessages(notice: NoticeView, ctx: RenderContext & { readonly taskId: string }): WecomMessage[] {
  if (notice.type === 'check_in_prompt') {
    return [{ msgtype: 'template_card', template_card: checkInCard(notice, ctx, { taskId: ctx.taskId }) }];
  }
  const kit = textKit(ctx);
  return markdownPages(lines(notice, kit), kit);
}
