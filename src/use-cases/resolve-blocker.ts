import type { Reference } from '../domain/command/command';
import type { Actor } from '../domain/member';
import { fail, ok, type Result } from '../domain/result';
import { formatBlockerRef } from '../domain/references';
import { writeAudit } from '../db/audit.repository';
import { resolveBlocker as markResolved } from '../db/feedback.repository';
import { findKeyResults } from '../db/key-result.repository';
import { findObjectives } from '../db/objective.repository';
import type { UseCaseDeps } from './deps';
import { mayChange } from './goal-access';
import type { Outcome, UseCaseError } from './outcome';
import { resolveBlocker as findBlocker } from './resolve-goal';
import { toFeedbackView } from './show-goal';
import { transact } from './transact';

/**
 * Marks a blocker resolved. Whoever raised it, whoever was asked to help, and whoever may change
 * the goal it blocks may resolve it.
 * @returns errors: wrong_kind, not_found, forbidden, already_resolved
 */
export async function resolveBlocker(deps: UseCaseDeps, actor: Actor, ref: Reference, note?: string): Promise<Result<Outcome, UseCaseError>> {
  const ws = actor.workspaceId;
  return transact(deps.db, async (trx) => {
    const found = await findBlocker(trx, ws, ref);
    if (!found.ok) return found;
    const b = found.value;
    const label = formatBlockerRef(b.ref!);
    if (b.state === 'resolved') return fail({ code: 'already_resolved', ref: label } as const);
    let allowed = b.author_id === actor.memberId || b.helper_id === actor.memberId || actor.role === 'admin';
    if (!allowed && b.key_result_id !== null) {
      const [kr] = await findKeyResults(trx, ws, { ref: b.key_result_ref! });
      allowed = kr !== undefined && mayChange(actor, { type: 'key_result', row: kr });
    }
    if (!allowed && b.objective_id !== null) {
      const [o] = await findObjectives(trx, ws, { ids: [b.objective_id], includeClosed: true });
      allowed = o !== undefined && mayChange(actor, { type: 'objective', row: o });
    }
    if (!allowed) return fail({ code: 'forbidden', ref: label } as const);
    const row = await markResolved(trx, ws, b.id, actor.memberId, note ?? null, deps.clock.now());
    await writeAudit(trx, { workspaceId: ws, actorId: actor.memberId, action: 'blocker.resolve', entityType: 'feedback', entityId: b.id, before: { state: b.state }, after: { state: row.state, note } });
    return ok({ type: 'blocker_resolved', feedback: toFeedbackView(row) } as const);
  });
}
