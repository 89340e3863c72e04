import type { Confidence } from '../domain/key-result';
import type { Actor } from '../domain/member';
import { fail, ok, type Result } from '../domain/result';
import { formatKeyResultRef } from '../domain/references';
import { awaitValue } from '../db/awaited-value.repository';
import { findPrompt } from '../db/check-in-prompt.repository';
import { findKeyResults } from '../db/key-result.repository';
import { findMemberById } from '../db/member.repository';
import { toKeyResultView } from './build-views';
import type { UseCaseDeps } from './deps';
import type { NoticeView } from './notice-views';
import type { Outcome, UseCaseError } from './outcome';
import { recordCheckIn } from './record-check-in';

// Chat cards (WeCom's template cards) check in one key result per click: the click says how
// confident the owner is, and the bot then asks for the number by a short text reply. The card is
// redrawn after each click from what was recorded since the prompt went out, so it shows progress.

/** How long the bot waits for the number after a click before a bare number means nothing again. */
export const AWAIT_VALUE_MS = 24 * 3_600_000;

export type PromptView = Extract<NoticeView, { type: 'check_in_prompt' }>;

export interface PromptCard {
  readonly view: PromptView;
  /** Confidences the member set since the prompt was due, latest per key result. */
  readonly recorded: ReadonlyArray<{ readonly keyResultId: number; readonly confidence: Confidence }>;
}

export interface CardCheckIn {
  readonly checkedIn: Outcome;
  readonly keyResultRef: string;
  readonly card: PromptCard;
}

/** The member's weekly prompt as it stands now: their open key results and what they answered. */
export async function promptCard(deps: UseCaseDeps, actor: Actor, promptId: number): Promise<Result<PromptCard, UseCaseError>> {
  const { db } = deps;
  const now = deps.clock.now();
  const prompt = await findPrompt(db, actor.workspaceId, promptId);
  if (!prompt || prompt.member_id !== actor.memberId) return fail({ code: 'not_found', what: `#${promptId}`, suggestions: [] });
  const krs = await findKeyResults(db, actor.workspaceId, { ownerId: actor.memberId, openOnly: true });
  const member = await findMemberById(db, actor.workspaceId, actor.memberId);
  if (!member) return fail({ code: 'not_found', what: `#${promptId}`, suggestions: [] });
  const checkIns =
    krs.length === 0
      ? []
      : await db
          .selectFrom('check_in')
          .select(['key_result_id', 'confidence'])
          .distinctOn('key_result_id')
          .where('workspace_id', '=', actor.workspaceId)
          .where('author_id', '=', actor.memberId)
          .where('key_result_id', 'in', krs.map((k) => k.id))
          .where('created_at', '>=', prompt.due_at)
          .where('confidence', 'is not', null)
          .orderBy('key_result_id')
          .orderBy('created_at', 'desc')
          .execute();
  return ok({
    view: { type: 'check_in_prompt', promptId: prompt.id, memberName: member.display_name, period: prompt.period, keyResults: krs.map((k) => toKeyResultView(k, now)) },
    recorded: checkIns.map((c) => ({ keyResultId: Number(c.key_result_id), confidence: c.confidence as Confidence })),
  });
}

/**
 * A click on the prompt's card: records the confidence as a check-in of `keyResultId` (value
 * unchanged), asks for the value next, and returns the redrawn card. `idempotencyKey` (the
 * click's) makes a redelivered click record nothing new.
 */
export async function checkInByCard(
  deps: UseCaseDeps,
  actor: Actor,
  click: { readonly promptId: number; readonly keyResultId: number; readonly confidence: Confidence; readonly idempotencyKey: string },
): Promise<Result<CardCheckIn, UseCaseError>> {
  const before = await promptCard(deps, actor, click.promptId);
  if (!before.ok) return before;
  const kr = before.value.view.keyResults.find((k) => k.id === click.keyResultId);
  if (!kr) return fail({ code: 'not_found', what: `KR #${click.keyResultId}`, suggestions: [] });
  const [row] = await findKeyResults(deps.db, actor.workspaceId, { ids: [kr.id] });
  if (!row) return fail({ code: 'not_found', what: kr.ref, suggestions: [] });
  const checkedIn = await recordCheckIn(deps, actor, {
    keyResult: { type: 'key_result', number: Number(row.ref) },
    value: { mode: 'none' },
    confidence: click.confidence,
    source: 'chat',
    idempotencyKey: click.idempotencyKey,
  });
  if (!checkedIn.ok) return checkedIn;
  await awaitValue(deps.db, actor.workspaceId, actor.memberId, kr.id, new Date(deps.clock.now().getTime() + AWAIT_VALUE_MS));
  const after = await promptCard(deps, actor, click.promptId);
  if (!after.ok) return after;
  return ok({ checkedIn: checkedIn.value, keyResultRef: formatKeyResultRef(Number(row.ref)), card: after.value });
}
