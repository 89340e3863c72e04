import type { Confidence } from '../../domain/key-result';
import type { Actor } from '../../domain/member';
import { fail, type Result } from '../../domain/result';
import { findKeyResults } from '../../db/key-result.repository';
import type { UseCaseDeps } from '../deps';
import type { Outcome, UseCaseError } from '../outcome';
import { recordCheckIn } from '../record-check-in';

export interface KpiConfirmation {
  readonly keyResultId: number;
  readonly confidence?: Confidence;
  /** Another number than the KPI's, when the owner adjusts it. */
  readonly value?: number;
  readonly note?: string;
  /** The click's or message's: a redelivered confirmation records nothing new. */
  readonly idempotencyKey?: string;
}

/**
 * The owner's answer to a `kpi_linked_update`: a normal check-in (source `chat`) of the key result
 * with the KPI's latest value — or the value they typed — and their confidence and note. The
 * value is read now, not from the notice, so a confirmation never goes back to an older number.
 * @returns errors: not_found (no such key result, or it follows no KPI), and those of recordCheckIn
 */
export async function confirmKpiValue(deps: UseCaseDeps, actor: Actor, input: KpiConfirmation): Promise<Result<Outcome, UseCaseError>> {
  const ws = actor.workspaceId;
  const [kr] = await findKeyResults(deps.db, ws, { ids: [input.keyResultId] });
  if (!kr || kr.kpi_id === null) return fail({ code: 'not_found', what: `KR #${input.keyResultId}`, suggestions: [] });
  const kpi = await deps.db.selectFrom('kpi').select('latest_value').where('workspace_id', '=', ws).where('id', '=', kr.kpi_id).executeTakeFirst();
  const value = input.value ?? kpi?.latest_value ?? null;
  return recordCheckIn(deps, actor, {
    keyResult: { type: 'key_result', number: Number(kr.ref) },
    value: value === null ? { mode: 'none' } : { mode: 'absolute', quantity: { value } },
    ...(input.confidence ? { confidence: input.confidence } : {}),
    ...(input.note ? { note: input.note } : {}),
    source: 'chat',
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  });
}
