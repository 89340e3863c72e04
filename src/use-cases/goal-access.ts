import type { Kysely } from 'kysely';
import type { Reference } from '../domain/command/command';
import { canChangeGoal } from '../domain/authorization';
import type { Actor } from '../domain/member';
import { formatKeyResultRef, formatObjectiveRef } from '../domain/references';
import { fail, ok, type Result } from '../domain/result';
import type { Database } from '../db/database';
import type { UseCaseError } from './outcome';
import { resolveGoal, type Goal } from './resolve-goal';

/** Applies the authorization rule to a resolved objective or key result. */
export function mayChange(actor: Actor, goal: Goal): boolean {
  const r = goal.row;
  return canChangeGoal(actor, {
    ownerId: r.owner_id,
    ownerManagerId: r.owner_manager_id,
    teamManagerId: r.team_manager_id,
    objectiveOwnerId: goal.type === 'key_result' ? goal.row.objective_owner_id : null,
  });
}

/** How people see a goal's reference: O-7 or KR-12. */
export const goalRef = (goal: Goal): string => (goal.type === 'objective' ? formatObjectiveRef(goal.row.ref) : formatKeyResultRef(goal.row.ref));

/**
 * Resolves a goal the actor is about to change, refusing when they may not.
 * @returns errors: not_found, ambiguous, wrong_kind, forbidden
 */
export async function resolveGoalToChange(db: Kysely<Database>, actor: Actor, target: Reference): Promise<Result<{ goal: Goal; ref: string }, UseCaseError>> {
  const goal = await resolveGoal(db, actor.workspaceId, target);
  if (!goal.ok) return goal;
  const ref = goalRef(goal.value);
  return mayChange(actor, goal.value) ? ok({ goal: goal.value, ref }) : fail({ code: 'forbidden', ref });
}
