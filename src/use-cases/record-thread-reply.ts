import { parseReference } from '../domain/command/reference';
import type { Reference } from '../domain/command/command';
import type { Actor, Locale } from '../domain/member';
import { ok, type Result } from '../domain/result';
import { writeAudit } from '../db/audit.repository';
import type { ChatThreadRow } from '../db/chat-thread.repository';
import { insertFeedback } from '../db/feedback.repository';
import { findMemberById } from '../db/member.repository';
import type { UseCaseDeps } from './deps';
import { goalRef } from './goal-access';
import type { UseCaseError } from './outcome';
import { resolveGoal, type Goal } from './resolve-goal';
import { toFeedbackView } from './show-goal';
import { transact } from './transact';
import type { FeedbackView } from './views';

export interface Recipient {
  readonly memberId: number;
  readonly externalId: string;
  readonly locale: Locale;
}

export interface ThreadReply {
  readonly feedback: FeedbackView;
  /** The other side of the conversation: the goal's owner, or — when the owner wrote — their managers. */
  readonly notify: readonly Recipient[];
}

/** A reference typed in the reply wins over the thread's own subject ("KR-12: legal is done"). */
function mentionedRef(text: string): Reference | undefined {
  for (const word of text.split(/[\s,.;:!?，。；：！？()（）]+/)) {
    const ref = word ? parseReference(word) : null;
    if (ref && ref.type !== 'title' && ref.type !== 'blocker') return ref;
  }
  return undefined;
}

/**
 * Records a reply in a bot-owned thread as feedback on the thread's key result (or the one the
 * reply names) and says whom to tell. A reply with nothing to attach to — a team digest thread
 * without a reference — is chat, not feedback: ok(null).
 */
export async function recordThreadReply(deps: UseCaseDeps, actor: Actor, thread: ChatThreadRow, text: string): Promise<Result<ThreadReply | null, UseCaseError>> {
  const ws = actor.workspaceId;
  const body = text.trim().slice(0, 4_000);
  if (!body) return ok(null);
  return transact(deps.db, async (trx) => {
    let goal: Goal | undefined;
    const named = mentionedRef(body);
    if (named) {
      const found = await resolveGoal(trx, ws, named);
      if (!found.ok) return found;
      goal = found.value;
    } else if (thread.key_result_id !== null) {
      const row = await trx.selectFrom('key_result').select('ref').where('workspace_id', '=', ws).where('id', '=', thread.key_result_id).executeTakeFirst();
      const found = row ? await resolveGoal(trx, ws, { type: 'key_result', number: row.ref }) : undefined;
      if (found?.ok) goal = found.value;
    }
    if (!goal) return ok(null);
    const feedback = await insertFeedback(trx, {
      workspaceId: ws,
      kind: 'reply',
      objectiveId: goal.type === 'objective' ? goal.row.id : null,
      keyResultId: goal.type === 'key_result' ? goal.row.id : null,
      checkInId: named ? null : thread.check_in_id,
      authorId: actor.memberId,
      body,
    });
    await writeAudit(trx, { workspaceId: ws, actorId: actor.memberId, action: 'feedback.reply', entityType: 'feedback', entityId: feedback.id, after: { ref: goalRef(goal), thread: thread.id } });
    const ownerWrote = goal.row.owner_id === actor.memberId;
    const ids = ownerWrote ? [goal.row.owner_manager_id, goal.row.team_manager_id] : [goal.row.owner_id];
    const notify: Recipient[] = [];
    for (const id of new Set(ids.filter((x): x is number => x !== null && x !== actor.memberId))) {
      const m = await findMemberById(trx, ws, id);
      if (m?.active) notify.push({ memberId: m.id, externalId: m.external_id, locale: m.locale });
    }
    return ok({ feedback: toFeedbackView(feedback), notify });
  });
}
