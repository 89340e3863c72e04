import { formatDay } from '../../i18n/format';
import type { ReviewReport, ScoreLine } from '../../use-cases/views';
import { indent, type TextKit } from './context';
import { keyResultList } from './goal-list-text';
import { progressLabel } from './progress-bar';

/** `O-7  Delight our customers: 0.6 → 0.7  “shipped most of it”`. */
function scoreLine(s: ScoreLine, kit: TextKit): string {
  const { t, num } = kit;
  const line = t('review.scoreLine', {
    ref: s.ref,
    title: s.title,
    suggested: num(s.suggested),
    score: s.score === null ? t('review.notSet') : num(s.score),
  });
  return s.note ? `${line}  ${t('review.note', { note: s.note })}` : line;
}

/**
 * `/okr review`: the cycle in numbers (progress, check-ins, delivered / in progress / missed,
 * blockers), each objective's score suggested against set with its key results, and what still lags.
 */
export function renderReview(report: ReviewReport, kit: TextKit): string[] {
  const { t, num } = kit;
  const { stats } = report;
  const dates = { withYear: true };
  const lines = [
    t('review.title', {
      cycle: report.cycleName,
      start: formatDay(kit.ctx.locale, report.startsOn, dates),
      end: formatDay(kit.ctx.locale, report.endsOn, dates),
    }),
    t('review.stats', {
      objectives: num(stats.objectives),
      keyResults: num(stats.keyResults),
      checkIns: num(stats.checkIns),
      progress: progressLabel(stats.averageProgress),
    }),
    t('review.outcomes', { delivered: num(stats.delivered), inProgress: num(stats.inProgress), missed: num(stats.missed) }),
    t('review.blockers', { open: num(stats.openBlockers), resolved: num(stats.resolvedBlockers) }),
    '',
  ];
  if (report.objectives.length === 0) return [...lines, t('review.noObjectives')];
  lines.push(t('review.scores'));
  for (const o of report.objectives) {
    lines.push(...indent([scoreLine(o.score, kit), ...indent(o.keyResults.map((kr) => scoreLine(kr, kit)))]));
  }
  if (report.lagging.length > 0) lines.push('', t('review.lagging'), ...indent(keyResultList(report.lagging, kit)));
  return [...lines, '', t('review.hint')];
}
