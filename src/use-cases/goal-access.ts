import { canChangeGoal } from '../domain/authorization';
import type { Actor } from '../domain/member';
import type { Goal } from './resolve-goal';

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
