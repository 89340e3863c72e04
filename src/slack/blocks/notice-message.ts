import type { Button, KnownBlock, SectionBlock } from '@slack/types';
import type { Locale } from '../../domain/member';
import { textKit, type RenderContext, type TextKit } from '../../render/text/context';
import * as nt from '../../render/text/notice-text';
import type { DigestCheckInView, NoticeView, WeeklyChangeView } from '../../use-cases/notice-views';
import type { KeyResultView } from '../../use-cases/views';
import { actions, button, context, divider, header, section, sections } from './block-builders';
import { bold, esc, INDENT, keyResultLines, objectiveLine, short } from './goal-lines';
import { ACTION } from './ids';
import type { SlackMessage } from './message';
import { checkInButton, showButton } from './next-actions';
import { kpiNoticeMessages } from './kpi-notice-message';
import { paginateUnits, type Unit } from './unit-pages';

// The scheduler's notices as Block Kit, built from the same lines the console prints
// (render/text/notice-text.ts): each line comes out of the text renderer whole, with user text
// shortened first, and is escaped whole, so names, titles and notes can never mention or
// broadcast. The first message is the root (what starts the thread); the rest continue it.

/** Names listed in one line of the digest; the rest are counted ("… and 12 more"). */
export const DIGEST_NAMES_SHOWN = 40;

/** Key results offered a Show button in a manager's escalation. */
export const ESCALATION_SHOW_BUTTONS = 5;

/**
 * The buttons go under everything when the notice fits one message; otherwise right under its
 * head, so the root message (the one people see in their DMs) always carries them.
 */
function withButtons(text: string, head: readonly Unit[], body: readonly Unit[], tail: readonly Unit[], buttons: readonly Button[], locale: Locale): SlackMessage[] {
  const row = actions(buttons);
  const atEnd = paginateUnits(text, [...head, ...body, ...tail, row], locale);
  return atEnd.length === 1 ? atEnd : paginateUnits(text, [...head, row, ...body, ...tail], locale);
}

/** Escapes `line`, bolding its first word `lead` (a reference such as `KR-12`) when it starts with it. */
const boldLead = (line: string, lead: string): string =>
  lead !== '' && line.startsWith(lead) ? `${bold(lead)}${esc(line.slice(lead.length))}` : esc(line);

const shortOrNull = (text: string | null): string | null => (text === null ? null : short(text));

/** The user text of a key result shortened for one line, as goal-lines does for its own lines. */
const shortKr = (kr: KeyResultView): KeyResultView => ({ ...kr, title: short(kr.title), ownerName: short(kr.ownerName), unit: shortOrNull(kr.unit) });

const shortChange = (c: WeeklyChangeView): WeeklyChangeView => ({ ...c, keyResult: shortKr(c.keyResult) });

const shortCheckIn = (c: DigestCheckInView): DigestCheckInView => ({
  ...c,
  authorName: short(c.authorName),
  note: shortOrNull(c.note),
  keyResult: shortKr(c.keyResult),
});

/** A key result and its lag flag, kept in one piece so a section never splits them. */
const keyResultEntry = (kr: KeyResultView, kit: TextKit): string => keyResultLines(kr, kit).join('\n');

export const snoozeButton = (kit: TextKit, promptId: number): Button => button(kit.t('notice.button.snooze'), ACTION.snoozePrompt, String(promptId));

export const scoreButton = (kit: TextKit, ref: string): Button => button(kit.t('notice.button.score', { ref }), ACTION.openScore, ref);

/**
 * A section with its button beside it. Buttons that share an action (Score, Show) each get their
 * own section: an action_id must be unique within its block, and the listeners match it exactly.
 */
const withButton = (text: string, accessory: Button): SectionBlock => ({ ...section(text), accessory });

type Notice<T extends NoticeView['type']> = Extract<NoticeView, { type: T }>;

function checkInPrompt(n: Notice<'check_in_prompt'>, kit: TextKit): SlackMessage[] {
  const shortened = { ...n, memberName: short(n.memberName), period: short(n.period) };
  const title = nt.promptTitle(shortened, kit);
  const intro = nt.promptIntro(shortened, kit);
  const head: Unit[] = [[header(title), section(esc(intro))]];
  const first = n.keyResults[0];
  if (first === undefined) return paginateUnits(esc(intro), head, kit.ctx.locale);
  // One section per key result: a prompt is a list to go through, one row each.
  const body = n.keyResults.map((kr): Unit => [section(keyResultEntry(kr, kit))]);
  const tail: Unit[] = [[context(esc(nt.promptHint(first.ref, kit)))]];
  return withButtons(esc(intro), head, body, tail, [checkInButton(kit), snoozeButton(kit, n.promptId)], kit.ctx.locale);
}

function checkInReminder(n: Notice<'check_in_reminder'>, kit: TextKit): SlackMessage[] {
  const title = nt.reminderTitle({ ...n, memberName: short(n.memberName) }, kit);
  const head: Unit[] = [[section(bold(title))]];
  if (n.keyResults.length === 0) return paginateUnits(esc(title), head, kit.ctx.locale);
  const body = n.keyResults.map((kr): Unit => [section(keyResultEntry(kr, kit))]);
  return withButtons(esc(title), head, body, [], [checkInButton(kit), snoozeButton(kit, n.promptId)], kit.ctx.locale);
}

function checkInEscalation(n: Notice<'check_in_escalation'>, kit: TextKit): SlackMessage[] {
  const shortened = { ...n, memberName: short(n.memberName), managerName: short(n.managerName) };
  const title = nt.escalationTitle(shortened, kit);
  const body = nt.escalationBody(shortened, kit);
  const first = n.keyResults[0];
  if (first === undefined) return paginateUnits(esc(body), [[header(title), section(esc(body))]], kit.ctx.locale);
  const units: Unit[] = [[header(title), section(`${esc(body)}\n${esc(kit.t('notice.escalation.keyResults'))}`)]];
  // The first few key results each with a Show button beside them, the rest packed.
  const featured = n.keyResults.slice(0, ESCALATION_SHOW_BUTTONS);
  units.push(...featured.map((kr): Unit => [withButton(keyResultEntry(kr, kit), showButton(kit, kr.ref))]));
  units.push(...sections(n.keyResults.slice(featured.length).map((kr) => keyResultEntry(kr, kit))).map((s): Unit => [s]));
  units.push([context(esc(nt.escalationHint(shortened, first.ref, kit)))]);
  return paginateUnits(esc(body), units, kit.ctx.locale);
}

/** A bold heading and its lines packed into sections; the heading stays with the first of them. */
function headed(heading: string, lines: readonly string[], withDivider: boolean): Unit[] {
  const packed = sections([bold(heading), ...lines]).map((s): KnownBlock[] => [s]);
  if (withDivider && packed[0]) packed[0].unshift(divider());
  return packed;
}

function teamDigest(n: Notice<'team_digest'>, kit: TextKit): SlackMessage[] {
  const { t } = kit;
  const title = nt.digestTitle({ ...n, teamName: short(n.teamName), period: short(n.period) }, kit);
  const who = nt.digestWhoLines({ checkedIn: n.checkedIn.map(short), missing: n.missing.map(short) }, kit, DIGEST_NAMES_SHOWN);
  const units: Unit[] = [[header(title), section(who.map(esc).join('\n'))]];
  units.push(
    ...(n.atRisk.length === 0
      ? [[divider(), section(esc(t('notice.digest.noAtRisk')))]]
      : headed(nt.atRiskHeading(n.atRisk.length, kit), n.atRisk.map((kr) => keyResultEntry(kr, kit)), true)),
  );
  units.push(
    ...(n.changes.length === 0
      ? [[divider(), section(esc(t('notice.digest.noChanges')))]]
      : headed(
          nt.changesHeading(n.changes.length, kit),
          n.changes.map((c) => boldLead(nt.changeLine(shortChange(c), kit), c.keyResult.ref)),
          true,
        )),
  );
  units.push([context(esc(t('notice.digest.feedbackHint')))]);
  return paginateUnits(esc(title), units, kit.ctx.locale);
}

function digestCheckIn(n: Notice<'digest_check_in'>, kit: TextKit): SlackMessage[] {
  const c = shortCheckIn(n.checkIn);
  const title = nt.digestCheckInTitle(c, kit);
  const note = nt.digestCheckInNote(c, kit);
  const lines = [bold(title), esc(nt.digestCheckInValue(c, kit)), ...(note === null ? [] : [esc(note)])];
  return paginateUnits(esc(title), [sections(lines)], kit.ctx.locale);
}

/** `Why:` and one bullet per reason, with the numbers in the key result's unit. */
function reasonsSection(verdict: Notice<'lag_alert'>['verdict'], kr: KeyResultView, kit: TextKit, withLabel: boolean): KnownBlock[] {
  const reasons = nt.lagReasonLines(verdict, kr, kit).map(esc);
  if (reasons.length === 0) return [];
  return sections(withLabel ? [bold(kit.t('notice.lagAlert.why')), ...reasons] : reasons);
}

function lagAlert(n: Notice<'lag_alert'>, kit: TextKit): SlackMessage[] {
  const kr = shortKr(n.keyResult);
  const title = nt.lagAlertTitle({ ...n, keyResult: kr }, kit);
  const blocks = [section(bold(title)), ...reasonsSection(n.verdict, kr, kit, true), context(esc(nt.lagAlertMeta(kr, kit)))];
  return paginateUnits(esc(title), [blocks, actions([showButton(kit, kr.ref)])], kit.ctx.locale);
}

function lagAlertOwner(n: Notice<'lag_alert_owner'>, kit: TextKit): SlackMessage[] {
  const kr = shortKr(n.keyResult);
  const title = nt.lagAlertOwnerTitle({ ...n, keyResult: kr }, kit);
  const blocks = [
    section(bold(title)),
    ...reasonsSection(n.verdict, kr, kit, false),
    section(keyResultEntry({ ...n.keyResult, lag: null }, kit)),
    context(esc(nt.lagAlertOwnerHint(kr, kit))),
  ];
  return paginateUnits(esc(title), [blocks, actions([checkInButton(kit, kr.ref), showButton(kit, kr.ref)])], kit.ctx.locale);
}

function monthlyReview(n: Notice<'monthly_review'>, kit: TextKit): SlackMessage[] {
  const shortened = { ...n, memberName: short(n.memberName), month: short(n.month) };
  const title = nt.monthlyTitle(shortened, kit);
  const intro = nt.monthlyIntro(shortened, kit);
  const head: Unit[] = [[header(title), section(esc(intro))]];
  if (n.objectives.length === 0) return paginateUnits(esc(title), head, kit.ctx.locale);
  // One unit per objective: its line, its numbers, and the key results that lag, with reasons.
  const body = n.objectives.map((o): Unit =>
    sections([
      objectiveLine(o, kit),
      `${INDENT}${esc(nt.monthlySummary(o, kit))}`,
      ...nt.laggingOf(o).map((kr) => keyResultLines(kr, kit, INDENT).join('\n')),
    ]),
  );
  const tail: Unit[] = [[context(esc(nt.monthlyHint(kit)))]];
  return withButtons(esc(title), head, body, tail, [checkInButton(kit)], kit.ctx.locale);
}

function cycleScoring(n: Notice<'cycle_scoring'>, kit: TextKit): SlackMessage[] {
  const shortened = { ...n, memberName: short(n.memberName), cycleName: short(n.cycleName), endsOn: short(n.endsOn) };
  const title = nt.scoringTitle(shortened, kit);
  const units: Unit[] = [[header(title), section(esc(nt.scoringIntro(shortened, kit)))]];
  const first = n.objectives[0];
  if (first === undefined) return paginateUnits(esc(title), units, kit.ctx.locale);
  // One row per objective, its Score button beside it, so the button can't land apart from its line.
  for (const s of n.objectives) {
    units.push([withButton(`${objectiveLine(s.objective, kit)}  ${esc(nt.suggestedText(s.suggested, kit))}`, scoreButton(kit, s.objective.ref))]);
  }
  units.push([context(esc(nt.scoringHint(first.objective.ref, first.suggested, kit)))]);
  return paginateUnits(esc(title), units, kit.ctx.locale);
}

/**
 * A scheduler notice as Slack messages: Block Kit with every piece of user text escaped and
 * clamped, the notice's buttons, and split so that every message is within Slack's limits (50
 * blocks, 3,000 characters a section, `MESSAGE_TEXT_BUDGET` in all). The first message is the root
 * and carries the buttons of prompts and reminders; send the rest after it, in order.
 */
export function noticeMessages(notice: NoticeView, ctx: RenderContext): SlackMessage[] {
  const kit = textKit(ctx);
  switch (notice.type) {
    case 'check_in_prompt':
      return checkInPrompt(notice, kit);
    case 'check_in_reminder':
      return checkInReminder(notice, kit);
    case 'check_in_escalation':
      return checkInEscalation(notice, kit);
    case 'team_digest':
      return teamDigest(notice, kit);
    case 'digest_check_in':
      return digestCheckIn(notice, kit);
    case 'lag_alert':
      return lagAlert(notice, kit);
    case 'lag_alert_owner':
      return lagAlertOwner(notice, kit);
    case 'monthly_review':
      return monthlyReview(notice, kit);
    case 'cycle_scoring':
      return cycleScoring(notice, kit);
    case 'kpi_alert':
    case 'kpi_linked_update':
      return kpiNoticeMessages(notice, kit);
    default: {
      const unexpected: never = notice;
      const type = esc(String((unexpected as { type?: unknown }).type));
      return [{ text: type, blocks: [section(type)] }];
    }
  }
}
