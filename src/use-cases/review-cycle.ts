import { localDay } from '../domain/calendar';
import type { Actor } from '../domain/member';
import { fail, ok, type Result } from '../domain/result';
import { scoreVerdict, suggestKeyResultScore, suggestObjectiveScore } from '../domain/score';
import { clampProgress } from '../domain/progress';
import { countCheckIns } from '../db/check-in.repository';
import { findLatestCycle } from '../db/cycle.repository';
import { countBlockers } from '../db/feedback.repository';
import { findObjectives } from '../db/objective.repository';
import { scoresForCycle } from '../db/score.repository';
import { buildObjectiveViews } from './build-views';
import { findCycle } from './current-cycle';
import type { UseCaseDeps } from './deps';
import type { Outcome, UseCaseError } from './outcome';
import type { ScoreLine } from './views';

/**
 * The review report of a cycle (default: the current one, or the last one that started): every
 * objective with its suggested and set scores, delivery counts, check-in and blocker figures, and
 * what is still lagging.
 * @returns errors: unknown_cycle, no_active_cycle
 */
export async function reviewCycle(deps: UseCaseDeps, actor: Actor, cycleName?: string): Promise<Result<Outcome, UseCaseError>> {
  const { db } = deps;
  const ws = actor.workspaceId;
  const now = deps.clock.now();
  const today = localDay(now, actor.timeZone);
  const found = await findCycle(db, ws, today, cycleName);
  if (!found.ok) return found;
  const cycle = found.value ?? (await findLatestCycle(db, ws, today));
  if (!cycle) return fail({ code: 'no_active_cycle' });
  const rows = await findObjectives(db, ws, { cycleId: cycle.id, includeClosed: true });
  const views = (await buildObjectiveViews(db, ws, rows.filter((r) => r.status !== 'cancelled'), now));
  const scores = await scoresForCycle(db, ws, cycle.id);
  const objectiveScore = new Map(scores.filter((s) => s.objective_id !== null).map((s) => [s.objective_id!, s]));
  const krScore = new Map(scores.filter((s) => s.key_result_id !== null).map((s) => [s.key_result_id!, s]));
  const objectives = views.map((o) => {
    const keyResults: ScoreLine[] = o.keyResults.map((k) => {
      const set = krScore.get(k.id);
      return { ref: k.ref, title: k.title, suggested: suggestKeyResultScore({ kind: k.kind, start: k.start, target: k.target, current: k.current }), score: set?.value ?? null, note: set?.note ?? null };
    });
    const set = objectiveScore.get(o.id);
    const suggested = suggestObjectiveScore(o.keyResults.map((k, i) => ({ weight: k.weight, score: keyResults[i]!.score ?? keyResults[i]!.suggested })));
    return { objective: o, score: { ref: o.ref, title: o.title, suggested, score: set?.value ?? null, note: set?.note ?? null }, keyResults };
  });
  const verdicts = objectives.map((o) => scoreVerdict(o.score.score ?? o.score.suggested));
  const krIds = views.flatMap((o) => o.keyResults.map((k) => k.id));
  const blockers = await countBlockers(db, ws, krIds);
  return ok({
    type: 'review',
    report: {
      cycleName: cycle.name,
      startsOn: cycle.starts_on,
      endsOn: cycle.ends_on,
      objectives,
      stats: {
        objectives: views.length,
        keyResults: krIds.length,
        averageProgress: views.length === 0 ? 0 : views.reduce((s, o) => s + clampProgress(o.progress), 0) / views.length,
        checkIns: await countCheckIns(db, ws, krIds),
        delivered: verdicts.filter((v) => v === 'delivered').length,
        inProgress: verdicts.filter((v) => v === 'progress').length,
        missed: verdicts.filter((v) => v === 'missed').length,
        openBlockers: blockers.open,
        resolvedBlockers: blockers.resolved,
      },
      lagging: views.flatMap((o) => o.keyResults).filter((k) => k.lag?.lagging),
    },
  });
}
