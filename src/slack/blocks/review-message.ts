import type { KnownBlock } from '@slack/types';
import { formatDay } from '../../i18n/format';
import { progressLabel } from '../../render/text/progress-bar';
import type { ReviewReport, ScoreLine } from '../../use-cases/views';
import { actions, context, header, section, sections } from './block-builders';
import { bold, esc, INDENT, keyResultLines, short } from './goal-lines';
import { shareButtons } from './next-actions';
import type { Reply, ReplyKit } from './reply';

// `/okr review`, laid out like the plain-text report (review-text.ts): the cycle in numbers, each
// objective's score suggested against set with its key results below, then what still lags.

/** `*O-7*  Delight our customers: 0.6 → 0.7  “shipped most of it”`. */
function scoreLine(s: ScoreLine, kit: ReplyKit): string {
  const { t, num } = kit;
  const line = t('review.scoreLine', {
    ref: s.ref,
    title: short(s.title),
    suggested: num(s.suggested),
    score: s.score === null ? t('review.notSet') : num(s.score),
  });
  const text = s.note ? `${line}  ${t('review.note', { note: short(s.note) })}` : line;
  return text.startsWith(s.ref) && s.ref !== '' ? `${bold(s.ref)}${esc(text.slice(s.ref.length))}` : esc(text);
}

export function reviewReply(report: ReviewReport, kit: ReplyKit): Reply {
  const { t, num } = kit;
  const { stats } = report;
  const dates = { withYear: true };
  const title = t('review.title', {
    cycle: short(report.cycleName),
    start: formatDay(kit.ctx.locale, short(report.startsOn), dates),
    end: formatDay(kit.ctx.locale, short(report.endsOn), dates),
  });
  const numbers = [
    t('review.stats', {
      objectives: num(stats.objectives),
      keyResults: num(stats.keyResults),
      checkIns: num(stats.checkIns),
      progress: progressLabel(stats.averageProgress),
    }),
    t('review.outcomes', { delivered: num(stats.delivered), inProgress: num(stats.inProgress), missed: num(stats.missed) }),
    t('review.blockers', { open: num(stats.openBlockers), resolved: num(stats.resolvedBlockers) }),
  ];
  const blocks: KnownBlock[] = [header(title), section(numbers.map(esc).join('\n'))];
  if (report.objectives.length === 0) {
    blocks.push(section(esc(t('review.noObjectives'))));
  } else {
    // One section per objective keeps its key results together when the reply is split.
    blocks.push(section(bold(t('review.scores'))));
    for (const o of report.objectives) {
      blocks.push(...sections([scoreLine(o.score, kit), ...o.keyResults.map((kr) => `${INDENT}${scoreLine(kr, kit)}`)]));
    }
    if (report.lagging.length > 0) {
      blocks.push(...sections([bold(t('review.lagging')), ...report.lagging.flatMap((kr) => keyResultLines(kr, kit))]));
    }
    blocks.push(context(esc(t('review.hint'))));
  }
  return { text: esc(title), blocks: [...blocks, ...actions(shareButtons(kit, kit.commandText))] };
}
