import type { Reference } from '../domain/command/command';
import type { Actor } from '../domain/member';
import { ok, type Result } from '../domain/result';
import { suggestKeyResultScore, suggestObjectiveScore } from '../domain/score';
import { writeAudit } from '../db/audit.repository';
import { findKeyResults } from '../db/key-result.repository';
import { upsertScore } from '../db/score.repository';
import type { UseCaseDeps } from './deps';
import { resolveGoalToChange } from './goal-access';
import type { Outcome, UseCaseError } from './outcome';
import { transact } from './transact';

/**
 * Sets the end-of-cycle score (0.0–1.0) of an objective or key result, next to the score the bot
 * suggests from progress. Scoring again replaces the score.
 * @returns errors: not_found, ambiguous, forbidden
 */
export async function scoreGoal(deps: UseCaseDeps, actor: Actor, target: Reference, score: number, note?: string): Promise<Result<Outcome, UseCaseError>> {
  const ws = actor.workspaceId;
  return transact(deps.db, async (trx) => {
    const found = await resolveGoalToChange(trx, actor, target);
    if (!found.ok) return found;
    const { goal: g, ref } = found.value;
    let suggested: number;
    let cycleId: number;
    if (g.type === 'key_result') {
      const r = g.row;
      suggested = suggestKeyResultScore({ kind: r.kind, start: r.start_value, target: r.target_value, current: r.current_value });
      cycleId = (await trx.selectFrom('objective').select('cycle_id').where('workspace_id', '=', ws).where('id', '=', r.objective_id).executeTakeFirstOrThrow()).cycle_id;
    } else {
      const krs = await findKeyResults(trx, ws, { objectiveIds: [g.row.id] });
      suggested = suggestObjectiveScore(
        krs
          .filter((k) => k.status !== 'cancelled')
          .map((k) => ({ weight: k.weight, score: suggestKeyResultScore({ kind: k.kind, start: k.start_value, target: k.target_value, current: k.current_value }) })),
      );
      cycleId = g.row.cycle_id;
    }
    const row = await upsertScore(trx, {
      workspaceId: ws,
      cycleId,
      ...(g.type === 'objective' ? { objectiveId: g.row.id } : { keyResultId: g.row.id }),
      suggested,
      value: score,
      note: note ?? null,
      by: actor.memberId,
    });
    await writeAudit(trx, { workspaceId: ws, actorId: actor.memberId, action: 'score.set', entityType: g.type, entityId: g.row.id, after: row });
    return ok({ type: 'scored', ref, title: g.row.title, score, suggested } as const);
  });
}
