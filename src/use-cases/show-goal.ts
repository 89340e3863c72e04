import type { Reference } from '../domain/command/command';
import type { Actor } from '../domain/member';
import { ok, type Result } from '../domain/result';
import { formatBlockerRef, formatKeyResultRef, formatObjectiveRef } from '../domain/references';
import { checkInHistory } from '../db/check-in.repository';
import { feedbackFor, type FeedbackDetailRow } from '../db/feedback.repository';
import { childObjectiveIds, findObjectives } from '../db/objective.repository';
import { buildObjectiveViews, toKeyResultView } from './build-views';
import type { UseCaseDeps } from './deps';
import type { Outcome, UseCaseError } from './outcome';
import { resolveGoal } from './resolve-goal';
import type { FeedbackView } from './views';

const HISTORY = 8;

export function toFeedbackView(f: FeedbackDetailRow): FeedbackView {
  return {
    ref: f.ref === null ? null : formatBlockerRef(f.ref),
    kind: f.kind,
    authorName: f.author_name,
    body: f.body,
    state: f.state,
    targetRef: f.key_result_ref !== null ? formatKeyResultRef(f.key_result_ref) : f.objective_ref !== null ? formatObjectiveRef(f.objective_ref) : '',
    at: f.created_at,
  };
}

/**
 * An objective with its key results, aligned children and recent feedback; or a key result with
 * its check-in history, blockers and comments. Anyone in the workspace may look.
 * @returns errors: not_found, ambiguous, wrong_kind
 */
export async function showGoal(deps: UseCaseDeps, actor: Actor, ref: Reference): Promise<Result<Outcome, UseCaseError>> {
  const { db } = deps;
  const ws = actor.workspaceId;
  const now = deps.clock.now();
  const goal = await resolveGoal(db, ws, ref);
  if (!goal.ok) return goal;
  if (goal.value.type === 'key_result') {
    const kr = goal.value.row;
    const [history, feedback] = await Promise.all([checkInHistory(db, ws, kr.id, HISTORY), feedbackFor(db, ws, { keyResultId: kr.id }, HISTORY)]);
    return ok({
      type: 'key_result',
      keyResult: toKeyResultView(kr, now),
      objectiveTitle: kr.objective_title,
      history: history.map((c) => ({
        at: c.created_at,
        authorName: c.author_name,
        value: c.value,
        previousValue: c.previous_value,
        confidence: c.confidence,
        note: c.note,
      })),
      feedback: feedback.map(toFeedbackView),
    });
  }
  const o = goal.value.row;
  const childIds = (await childObjectiveIds(db, ws, o.id)).map((c) => c.id);
  const children = await findObjectives(db, ws, { ids: childIds, includeClosed: true });
  const [views, feedback] = await Promise.all([
    buildObjectiveViews(db, ws, [o, ...children], now),
    feedbackFor(db, ws, { objectiveId: o.id }, HISTORY),
  ]);
  return ok({ type: 'objective', objective: views[0]!, children: views.slice(1), feedback: feedback.map(toFeedbackView) });
}
