import type { Reference } from '../domain/command/command';
import type { Actor } from '../domain/member';
import { ok, type Result } from '../domain/result';
import { writeAudit } from '../db/audit.repository';
import { updateKeyResult } from '../db/key-result.repository';
import { updateObjective } from '../db/objective.repository';
import type { UseCaseDeps } from './deps';
import { resolveGoalToChange } from './goal-access';
import type { Outcome, UseCaseError } from './outcome';
import { transact } from './transact';

/**
 * Closes (or reopens) an objective or key result. A closed goal keeps its progress in the
 * roll-up — it is finished, not withdrawn — but takes no more check-ins.
 * @returns errors: not_found, ambiguous, forbidden
 */
export async function closeGoal(deps: UseCaseDeps, actor: Actor, target: Reference, reopen: boolean): Promise<Result<Outcome, UseCaseError>> {
  const ws = actor.workspaceId;
  const now = deps.clock.now();
  return transact(deps.db, async (trx) => {
    const found = await resolveGoalToChange(trx, actor, target);
    if (!found.ok) return found;
    const { goal: g, ref } = found.value;
    const changes = reopen ? { status: 'active' as const, closed_at: null } : { status: 'closed' as const, closed_at: now };
    if (g.type === 'objective') await updateObjective(trx, ws, g.row.id, changes);
    else await updateKeyResult(trx, ws, g.row.id, changes);
    await writeAudit(trx, { workspaceId: ws, actorId: actor.memberId, action: reopen ? `${g.type}.reopen` : `${g.type}.close`, entityType: g.type, entityId: g.row.id, before: { status: g.row.status }, after: changes });
    return ok({ type: 'closed', ref, reopened: reopen } as const);
  });
}
