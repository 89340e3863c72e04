import type { OkrCommand } from '../domain/command/command';
import type { Actor } from '../domain/member';
import { LEVEL_RANK } from '../domain/objective';
import { keyResultProgress } from '../domain/progress';
import { fail, ok, type Result } from '../domain/result';
import { formatObjectiveRef } from '../domain/references';
import { writeAudit } from '../db/audit.repository';
import type { KeyResultUpdate, ObjectiveUpdate } from '../db/database';
import { lockKeyResult, updateKeyResult } from '../db/key-result.repository';
import { lockObjective, updateObjective } from '../db/objective.repository';
import type { UseCaseDeps } from './deps';
import { resolveGoalToChange } from './goal-access';
import type { Outcome, UseCaseError } from './outcome';
import { propagateProgress } from './propagate-progress';
import { resolveMember } from './resolve-member';
import { transact } from './transact';

type EditCommand = Extract<OkrCommand, { verb: 'edit' }>;

/**
 * Edits an objective (title, weight, level) or a key result (title, weight, start, target, unit,
 * pace, owner). Progress and the roll-up follow any change that moves them.
 * @returns errors: not_found, ambiguous, forbidden, closed, unknown_member, milestone_value, alignment_level
 */
export async function editGoal(deps: UseCaseDeps, actor: Actor, cmd: EditCommand): Promise<Result<Outcome, UseCaseError>> {
  const ws = actor.workspaceId;
  const c = cmd.changes;
  return transact(deps.db, async (trx) => {
    const found = await resolveGoalToChange(trx, actor, cmd.target);
    if (!found.ok) return found;
    const { goal: g, ref } = found.value;
    if (g.row.status === 'cancelled') return fail({ code: 'closed', ref } as const);
    if (g.type === 'objective') {
      const before = (await lockObjective(trx, ws, g.row.id))!;
      const changes: ObjectiveUpdate = {};
      if (c.title !== undefined) changes.title = c.title;
      if (c.weight !== undefined) changes.weight = c.weight;
      if (c.level !== undefined) {
        if (c.level === 'company' && actor.role !== 'admin') return fail({ code: 'admin_only' } as const);
        if (g.row.parent_ref !== null && before.parent_id !== null) {
          const parent = await lockObjective(trx, ws, before.parent_id);
          if (parent && LEVEL_RANK[c.level] < LEVEL_RANK[parent.level]) return fail({ code: 'alignment_level', ref, parentRef: formatObjectiveRef(parent.ref) } as const);
        }
        changes.level = c.level;
      }
      const after = await updateObjective(trx, ws, g.row.id, changes);
      if (c.weight !== undefined) await propagateProgress(trx, ws, after.parent_id);
      await writeAudit(trx, { workspaceId: ws, actorId: actor.memberId, action: 'objective.edit', entityType: 'objective', entityId: g.row.id, before, after });
      return ok({ type: 'edited', ref, fields: Object.keys(changes) } as const);
    }
    const before = (await lockKeyResult(trx, ws, g.row.id))!;
    const changes: KeyResultUpdate = {};
    if (c.title !== undefined) changes.title = c.title;
    if (c.weight !== undefined) changes.weight = c.weight;
    if (c.unit !== undefined) changes.unit = c.unit;
    if (c.pace !== undefined) changes.pace_curve = c.pace;
    if (c.start !== undefined || c.target !== undefined) {
      if (before.kind === 'milestone') return fail({ code: 'milestone_value', ref } as const);
      const thresholdKind = before.kind === 'stay_above' || before.kind === 'stay_below';
      // A threshold has one number: changing either end moves both.
      changes.start_value = thresholdKind ? (c.target ?? c.start)! : (c.start ?? before.start_value);
      changes.target_value = thresholdKind ? (c.target ?? c.start)! : (c.target ?? before.target_value);
      const kind = thresholdKind ? before.kind : changes.target_value < changes.start_value ? 'decrease' : 'increase';
      changes.kind = kind;
      changes.progress = keyResultProgress({ kind, start: changes.start_value, target: changes.target_value, current: before.current_value });
    }
    if (c.owner !== undefined) {
      const owner = await resolveMember(trx, ws, c.owner);
      if (!owner.ok) return owner;
      changes.owner_id = owner.value.id;
    }
    const after = await updateKeyResult(trx, ws, g.row.id, changes);
    if (changes.progress !== undefined || c.weight !== undefined) await propagateProgress(trx, ws, after.objective_id);
    await writeAudit(trx, { workspaceId: ws, actorId: actor.memberId, action: 'key_result.edit', entityType: 'key_result', entityId: g.row.id, before, after });
    return ok({ type: 'edited', ref, fields: Object.keys(c) } as const);
  });
}
