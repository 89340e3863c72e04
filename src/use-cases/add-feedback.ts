import type { MemberRef, Reference } from '../domain/command/command';
import type { Actor } from '../domain/member';
import { ok, type Result } from '../domain/result';
import { writeAudit } from '../db/audit.repository';
import { insertFeedback } from '../db/feedback.repository';
import type { UseCaseDeps } from './deps';
import type { Outcome, UseCaseError } from './outcome';
import { resolveGoal } from './resolve-goal';
import { resolveMember } from './resolve-member';
import { toFeedbackView } from './show-goal';
import { transact } from './transact';

/**
 * A comment or a blocker on an objective or key result. Anyone in the workspace may comment or
 * raise a blocker: feedback is how the loop between people closes.
 * @returns errors: not_found, ambiguous, unknown_member
 */
export async function addFeedback(
  deps: UseCaseDeps,
  actor: Actor,
  input: { kind: 'comment' | 'blocker'; target: Reference; text: string; helper?: MemberRef },
): Promise<Result<Outcome, UseCaseError>> {
  const ws = actor.workspaceId;
  return transact(deps.db, async (trx) => {
    const goal = await resolveGoal(trx, ws, input.target);
    if (!goal.ok) return goal;
    let helperId: number | null = null;
    if (input.helper) {
      const helper = await resolveMember(trx, ws, input.helper);
      if (!helper.ok) return helper;
      helperId = helper.value.id;
    }
    const row = await insertFeedback(trx, {
      workspaceId: ws,
      kind: input.kind,
      objectiveId: goal.value.type === 'objective' ? goal.value.row.id : null,
      keyResultId: goal.value.type === 'key_result' ? goal.value.row.id : null,
      authorId: actor.memberId,
      body: input.text,
      helperId,
    });
    await writeAudit(trx, { workspaceId: ws, actorId: actor.memberId, action: `feedback.${input.kind}`, entityType: 'feedback', entityId: row.id, after: row });
    return ok({ type: 'feedback_added', feedback: toFeedbackView(row) } as const);
  });
}
