import { parseCommand } from '../domain/command/parse-command';
import type { Actor } from '../domain/member';
import type { Result } from '../domain/result';
import { formatKeyResultRef } from '../domain/references';
import { clearAwaitedValue, findAwaitedValue } from '../db/awaited-value.repository';
import { findKeyResults } from '../db/key-result.repository';
import type { UseCaseDeps } from './deps';
import type { Outcome, UseCaseError } from './outcome';
import { recordCheckIn } from './record-check-in';

/**
 * When the bot asked the member for a value (after a card click), a message that starts with one —
 * `45`, `+5`, `45% waiting on legal`, `done` — is the answer: the check-in of that key result.
 * Anything else is not an answer (null) and goes through the grammar as usual.
 */
export async function answerAwaitedValue(deps: UseCaseDeps, actor: Actor, text: string, idempotencyKey: string): Promise<Result<Outcome, UseCaseError> | null> {
  const keyResultId = await findAwaitedValue(deps.db, actor.workspaceId, actor.memberId, deps.clock.now());
  if (keyResultId === undefined) return null;
  const [kr] = await findKeyResults(deps.db, actor.workspaceId, { ids: [keyResultId] });
  if (!kr) return null;
  // The answer reads as the tail of `update KR-n …`, so it understands exactly what that command does.
  const parsed = parseCommand('okr', `update ${formatKeyResultRef(Number(kr.ref))} ${text}`);
  if (!parsed.ok || parsed.value.verb !== 'update' || parsed.value.value.mode === 'none') return null;
  const cmd = parsed.value;
  const recorded = await recordCheckIn(deps, actor, {
    keyResult: cmd.keyResult,
    value: cmd.value,
    source: 'chat',
    idempotencyKey,
    ...(cmd.confidence ? { confidence: cmd.confidence } : {}),
    ...(cmd.note ? { note: cmd.note } : {}),
  });
  if (recorded.ok) await clearAwaitedValue(deps.db, actor.workspaceId, actor.memberId, keyResultId);
  return recorded;
}
