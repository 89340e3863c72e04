import type { Actor } from '../domain/member';
import { fail, ok, type Result } from '../domain/result';
import { findPrompt, snoozePrompt } from '../db/check-in-prompt.repository';
import type { UseCaseDeps } from './deps';
import type { Outcome, UseCaseError } from './outcome';

const SNOOZE_MS = 24 * 3_600_000;

/**
 * The prompt's snooze button: its reminder and escalation wait a day. Only the person prompted
 * may snooze it.
 */
export async function snoozeCheckInPrompt(deps: UseCaseDeps, actor: Actor, promptId: number): Promise<Result<Outcome, UseCaseError>> {
  const prompt = await findPrompt(deps.db, actor.workspaceId, promptId);
  if (!prompt) return fail({ code: 'not_found', what: `prompt ${promptId}`, suggestions: [] });
  if (prompt.member_id !== actor.memberId) return fail({ code: 'forbidden', ref: `prompt ${promptId}` });
  const until = new Date(deps.clock.now().getTime() + SNOOZE_MS);
  await snoozePrompt(deps.db, actor.workspaceId, promptId, until);
  return ok({ type: 'snoozed', until });
}
