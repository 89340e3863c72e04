import { progressPercent } from '../../domain/progress';
import { formatDay } from '../../i18n/format';
import type { DigestCheckInView, NoticeView, WeeklyChangeView } from '../../use-cases/notice-views';
import type { KeyResultView, ObjectiveView } from '../../use-cases/views';
import { indent, textKit, type RenderContext, type TextKit } from './context';
import { confidenceText, keyResultLine, keyResultLines, standingText, valueText } from './key-result-line';
import { kpiNoticeLines } from './kpi-notice-text';
import { LAG_FLAG, lagReasonText } from './lag-text';
import { objectiveHeader } from './objective-block';
import { progressBar } from './progress-bar';

// The scheduler's notices as plain text: the local console prints them as they would arrive, and
// the Slack builder (notice-message.ts) escapes the same lines, so both media say the same thing.
// The line helpers are exported for that; user text (names, titles, notes) is printed as typed.

type Notice<T extends NoticeView['type']> = Extract<NoticeView, { type: T }>;

/** Bullet before each lag reason. */
export const BULLET = '•';

/** A command the reader can type, in their language: `/okr checkin` / `签到`. */
export const commandHint = (kit: TextKit, command: 'checkIn' | 'snooze'): string => kit.t(`notice.command.${command}`);

/** `November 2026` / `2026年11月` for `2026-11`; anything else is returned as it is. */
export function formatMonth(locale: RenderContext['locale'], month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return month;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 15, 12));
  return new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

// ---- check-in prompt, reminder, escalation ----

export const promptTitle = (n: Notice<'check_in_prompt'>, kit: TextKit): string => kit.t('notice.prompt.title', { period: n.period });

export function promptIntro(n: Notice<'check_in_prompt'>, kit: TextKit): string {
  const count = n.keyResults.length;
  if (count === 0) return kit.t('notice.prompt.empty', { name: n.memberName });
  return count === 1
    ? kit.t('notice.prompt.introOne', { name: n.memberName })
    : kit.t('notice.prompt.intro', { name: n.memberName, count: kit.num(count) });
}

/** How to check in or snooze by typing; `ref` is the example key result. */
export const promptHint = (ref: string, kit: TextKit): string =>
  kit.t('notice.prompt.hint', {
    checkIn: commandHint(kit, 'checkIn'),
    update: kit.t('notice.command.update', { ref }),
    snooze: commandHint(kit, 'snooze'),
  });

export function reminderTitle(n: Notice<'check_in_reminder'>, kit: TextKit): string {
  const count = n.keyResults.length;
  if (count === 0) return kit.t('notice.reminder.done', { name: n.memberName });
  return count === 1
    ? kit.t('notice.reminder.titleOne', { name: n.memberName })
    : kit.t('notice.reminder.title', { name: n.memberName, count: kit.num(count) });
}

export const escalationTitle = (n: Notice<'check_in_escalation'>, kit: TextKit): string =>
  kit.t('notice.escalation.title', { member: n.memberName });

export const escalationBody = (n: Notice<'check_in_escalation'>, kit: TextKit): string =>
  n.workdays === 1
    ? kit.t('notice.escalation.bodyOne', { member: n.memberName })
    : kit.t('notice.escalation.body', { member: n.memberName, workdays: kit.num(n.workdays) });

/** Why the manager gets this, and how to look at one of the key results (`ref`). */
export const escalationHint = (n: Notice<'check_in_escalation'>, ref: string, kit: TextKit): string =>
  kit.t('notice.escalation.hint', { member: n.memberName, show: kit.t('notice.command.show', { ref }) });

// ---- team digest ----

export const digestTitle = (n: Notice<'team_digest'>, kit: TextKit): string =>
  kit.t('notice.digest.title', { team: n.teamName, period: n.period });

/** Names joined in the reader's language; past `max` of them, `… and 12 more`. */
export function namesText(names: readonly string[], kit: TextKit, max = Number.POSITIVE_INFINITY): string {
  const shown = names.slice(0, max).join(kit.t('common.listSeparator'));
  const rest = names.length - Math.min(names.length, max);
  return rest > 0 ? kit.t('notice.digest.moreNames', { names: shown, count: kit.num(rest) }) : shown;
}

/** `✅ Checked in (3): Alice, Bob, Carol` and `⏳ Not checked in yet (1): Dan` (or that nobody / everybody has). */
export function digestWhoLines(n: Pick<Notice<'team_digest'>, 'checkedIn' | 'missing'>, kit: TextKit, maxNames?: number): string[] {
  const { t, num } = kit;
  return [
    n.checkedIn.length === 0
      ? t('notice.digest.nobodyCheckedIn')
      : t('notice.digest.checkedIn', { count: num(n.checkedIn.length), names: namesText(n.checkedIn, kit, maxNames) }),
    n.missing.length === 0
      ? t('notice.digest.everyoneCheckedIn')
      : t('notice.digest.missing', { count: num(n.missing.length), names: namesText(n.missing, kit, maxNames) }),
  ];
}

/** `+12 pts` / `-5 pts` / `±0 pts`: the movement in percentage points of the progress shown. */
export function pointsText(points: number, kit: TextKit): string {
  if (points === 0) return kit.t('notice.digest.deltaNone');
  return kit.t(points > 0 ? 'notice.digest.deltaUp' : 'notice.digest.deltaDown', { points: kit.num(Math.abs(points)) });
}

/**
 * `KR-12  Raise NPS  48% → 60% (+12 pts)  (Alice)`. Both ends are the clamped percentages every
 * progress bar shows, and the delta is their difference, so the numbers always agree.
 */
export function changeLine(c: WeeklyChangeView, kit: TextKit): string {
  const kr = c.keyResult;
  const to = progressPercent(kr.progress);
  const base =
    c.previousProgress === null
      ? kit.t('notice.digest.changeNew', { ref: kr.ref, title: kr.title, to: `${to}%` })
      : kit.t('notice.digest.change', {
          ref: kr.ref,
          title: kr.title,
          from: `${progressPercent(c.previousProgress)}%`,
          to: `${to}%`,
          delta: pointsText(to - progressPercent(c.previousProgress), kit),
        });
  return `${base}  (${kr.ownerName})`;
}

export const atRiskHeading = (count: number, kit: TextKit): string => kit.t('notice.digest.atRisk', { count: kit.num(count) });
export const changesHeading = (count: number, kit: TextKit): string => kit.t('notice.digest.changes', { count: kit.num(count) });

// ---- a check-in in the digest's thread ----

export const digestCheckInTitle = (c: DigestCheckInView, kit: TextKit): string =>
  kit.t('notice.digestCheckIn.title', { author: c.authorName, ref: c.keyResult.ref, title: c.keyResult.title });

/** `35 → 39 pts  🟡 at risk  ▓▓▓▓▓▓░░░░ 60%`. */
export function digestCheckInValue(c: DigestCheckInView, kit: TextKit): string {
  const kr = c.keyResult;
  let value = c.value === null ? kit.t('notice.digestCheckIn.noValue') : valueText(kr, c.value, kit);
  if (c.value !== null && c.previousValue !== null && c.previousValue !== c.value) value = `${valueText(kr, c.previousValue, kit)} → ${value}`;
  const parts = [value, ...(c.confidence ? [confidenceText(c.confidence, kit)] : []), progressBar(kr.progress)];
  return parts.join('  ');
}

export const digestCheckInNote = (c: DigestCheckInView, kit: TextKit): string | null =>
  c.note === null || c.note.trim() === '' ? null : kit.t('notice.digestCheckIn.note', { note: c.note });

// ---- lag alerts ----

export const lagAlertTitle = (n: Notice<'lag_alert'>, kit: TextKit): string =>
  `${LAG_FLAG} ${kit.t(n.worsened ? 'notice.lagAlert.titleWorse' : 'notice.lagAlert.title', { ref: n.keyResult.ref, title: n.keyResult.title })}`;

export const lagAlertOwnerTitle = (n: Notice<'lag_alert_owner'>, kit: TextKit): string =>
  `${LAG_FLAG} ${kit.t('notice.lagAlertOwner.title', { ref: n.keyResult.ref, title: n.keyResult.title })}`;

/** `• expected 62 pts by today, at 41 pts (21 points behind)`, one line per reason, in the KR's unit. */
export const lagReasonLines = (verdict: Notice<'lag_alert'>['verdict'], kr: KeyResultView, kit: TextKit): string[] =>
  verdict.reasons.map((r) => `${BULLET} ${lagReasonText(r, kr, kit)}`);

/** `Owner Alice · objective O-7 · ▓▓▓▓▓▓░░░░ 60% · 39 / 45 pts`. */
export const lagAlertMeta = (kr: KeyResultView, kit: TextKit): string =>
  kit.t('notice.lagAlert.meta', { owner: kr.ownerName, objectiveRef: kr.objectiveRef, progress: progressBar(kr.progress), standing: standingText(kr, kit) });

export const lagAlertHint = (kr: KeyResultView, kit: TextKit): string =>
  kit.t('notice.lagAlert.hint', { show: kit.t('notice.command.show', { ref: kr.ref }) });

export const lagAlertOwnerHint = (kr: KeyResultView, kit: TextKit): string =>
  kit.t('notice.lagAlertOwner.hint', { update: kit.t('notice.command.update', { ref: kr.ref }) });

// ---- monthly review, cycle scoring ----

export const monthlyTitle = (n: Notice<'monthly_review'>, kit: TextKit): string =>
  kit.t('notice.monthly.title', { month: formatMonth(kit.ctx.locale, n.month) });

export const monthlyIntro = (n: Notice<'monthly_review'>, kit: TextKit): string =>
  kit.t(n.objectives.length === 0 ? 'notice.monthly.empty' : 'notice.monthly.intro', { name: n.memberName });

/** The key results of an objective that lag. */
export const laggingOf = (o: ObjectiveView): KeyResultView[] => o.keyResults.filter((kr) => kr.lag?.lagging === true);

/** `Key results 3 · Lagging 1`. */
export const monthlySummary = (o: ObjectiveView, kit: TextKit): string =>
  kit.t('notice.monthly.summary', { count: kit.num(o.keyResults.length), lagging: kit.num(laggingOf(o).length) });

export const monthlyHint = (kit: TextKit): string => kit.t('notice.monthly.hint', { checkIn: commandHint(kit, 'checkIn') });

export const scoringTitle = (n: Notice<'cycle_scoring'>, kit: TextKit): string => kit.t('notice.scoring.title', { cycle: n.cycleName });

export function scoringIntro(n: Notice<'cycle_scoring'>, kit: TextKit): string {
  const params = { name: n.memberName, cycle: n.cycleName, date: formatDay(kit.ctx.locale, n.endsOn, { withYear: true }) };
  return kit.t(n.objectives.length === 0 ? 'notice.scoring.empty' : 'notice.scoring.intro', params);
}

/** A suggested score as people type it: `0.52`. */
export const scoreText = (suggested: number, kit: TextKit): string => kit.num(suggested);

/** `suggested 0.52`. */
export const suggestedText = (suggested: number, kit: TextKit): string => kit.t('notice.scoring.suggested', { score: scoreText(suggested, kit) });

export const scoringHint = (ref: string, suggested: number, kit: TextKit): string =>
  kit.t('notice.scoring.hint', { score: kit.t('notice.command.score', { ref, score: scoreText(suggested, kit) }) });

// ---- the whole notice ----

function lines(notice: NoticeView, kit: TextKit): string[] {
  switch (notice.type) {
    case 'check_in_prompt': {
      const head = [promptTitle(notice, kit), promptIntro(notice, kit)];
      if (notice.keyResults.length === 0) return head;
      return [...head, '', ...notice.keyResults.flatMap((kr) => keyResultLines(kr, kit)), '', promptHint(notice.keyResults[0]!.ref, kit)];
    }
    case 'check_in_reminder': {
      const title = reminderTitle(notice, kit);
      if (notice.keyResults.length === 0) return [title];
      return [title, '', ...notice.keyResults.flatMap((kr) => keyResultLines(kr, kit)), '', promptHint(notice.keyResults[0]!.ref, kit)];
    }
    case 'check_in_escalation': {
      const head = [escalationTitle(notice, kit), escalationBody(notice, kit)];
      const first = notice.keyResults[0];
      if (first === undefined) return head;
      const krs = indent(notice.keyResults.flatMap((kr) => keyResultLines(kr, kit)));
      return [...head, kit.t('notice.escalation.keyResults'), ...krs, '', escalationHint(notice, first.ref, kit)];
    }
    case 'team_digest': {
      const { t } = kit;
      const atRisk = notice.atRisk.length === 0
        ? [t('notice.digest.noAtRisk')]
        : [atRiskHeading(notice.atRisk.length, kit), ...indent(notice.atRisk.flatMap((kr) => keyResultLines(kr, kit)))];
      const changes = notice.changes.length === 0
        ? [t('notice.digest.noChanges')]
        : [changesHeading(notice.changes.length, kit), ...indent(notice.changes.map((c) => changeLine(c, kit)))];
      return [digestTitle(notice, kit), ...digestWhoLines(notice, kit), '', ...atRisk, '', ...changes, '', t('notice.digest.feedbackHint')];
    }
    case 'digest_check_in': {
      const note = digestCheckInNote(notice.checkIn, kit);
      return [digestCheckInTitle(notice.checkIn, kit), ...indent([digestCheckInValue(notice.checkIn, kit), ...(note === null ? [] : [note])])];
    }
    case 'lag_alert': {
      const kr = notice.keyResult;
      const why = lagReasonLines(notice.verdict, kr, kit);
      return [lagAlertTitle(notice, kit), ...(why.length === 0 ? [] : [kit.t('notice.lagAlert.why'), ...indent(why)]), lagAlertMeta(kr, kit), '', lagAlertHint(kr, kit)];
    }
    case 'lag_alert_owner': {
      const kr = notice.keyResult;
      return [lagAlertOwnerTitle(notice, kit), ...indent(lagReasonLines(notice.verdict, kr, kit)), keyResultLine({ ...kr, lag: null }, kit), '', lagAlertOwnerHint(kr, kit)];
    }
    case 'monthly_review': {
      const head = [monthlyTitle(notice, kit), monthlyIntro(notice, kit)];
      if (notice.objectives.length === 0) return head;
      const body = notice.objectives.flatMap((o) => [
        '',
        objectiveHeader(o, kit),
        ...indent([monthlySummary(o, kit), ...laggingOf(o).flatMap((kr) => keyResultLines(kr, kit))]),
      ]);
      return [...head, ...body, '', monthlyHint(kit)];
    }
    case 'cycle_scoring': {
      const head = [scoringTitle(notice, kit), scoringIntro(notice, kit)];
      const first = notice.objectives[0];
      if (first === undefined) return head;
      const body = notice.objectives.map((s) => `${objectiveHeader(s.objective, kit)}  ${suggestedText(s.suggested, kit)}`);
      return [...head, '', ...body, '', scoringHint(first.objective.ref, first.suggested, kit)];
    }
    case 'kpi_alert':
    case 'kpi_linked_update':
      return kpiNoticeLines(notice, kit);
    default: {
      const unexpected: never = notice;
      return [String((unexpected as { type?: unknown }).type)];
    }
  }
}

/** A notice as plain text, the way the local console prints it when it "arrives". */
export function noticeText(notice: NoticeView, ctx: RenderContext): string {
  return lines(notice, textKit(ctx)).join('\n');
}
