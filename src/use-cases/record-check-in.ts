import type { Reference, UpdateValue } from '../domain/command/command';
import type { Confidence } from '../domain/key-result';
import { nextConfidenceFalls } from '../domain/lag';
import type { Actor } from '../domain/member';
import { keyResultProgress, valueAtProgress } from '../domain/progress';
import { fail, ok, type Result } from '../domain/result';
import { formatKeyResultRef } from '../domain/references';
import type { CheckInSource, KeyResultRow } from '../db/database';
import { appendCheckIn } from '../db/check-in.repository';
import { findKeyResults, type KeyResultDetailRow } from '../db/key-result.repository';
import { toKeyResultView } from './build-views';
import type { UseCaseDeps } from './deps';
import { mayChange } from './goal-access';
import type { Outcome, UseCaseError } from './outcome';
import { propagateProgress } from './propagate-progress';
import { notifyAfterCheckIn } from './scheduler/after-check-in';
import { resolveKeyResult } from './resolve-goal';
import { transact } from './transact';

export interface CheckInInput {
  readonly keyResult: Reference;
  readonly value: UpdateValue;
  readonly confidence?: Confidence;
  readonly note?: string;
  readonly source: CheckInSource;
  /** A retried request with the same key records nothing new. */
  readonly idempotencyKey?: string;
}

/**
 * The key result, row-locked for the check-in's transaction. A KR-n reference resolves and locks in
 * one query — check-ins are the hottest write path; titles resolve first, then lock.
 */
async function lockedKeyResult(trx: UseCaseDeps['db'], ws: number, ref: Reference): Promise<Result<KeyResultDetailRow, UseCaseError>> {
  if (ref.type === 'key_result') {
    const [row] = await findKeyResults(trx, ws, { ref: ref.number, lock: true });
    if (row) return ok(row);
  }
  const found = await resolveKeyResult(trx, ws, ref);
  if (!found.ok) return found;
  const [row] = await findKeyResults(trx, ws, { ref: found.value.ref, lock: true });
  return row ? ok(row) : fail({ code: 'not_found', what: formatKeyResultRef(found.value.ref), suggestions: [] });
}

/** The value a check-in sets, or an error when the input does not fit the key result. */
function newValue(kr: KeyResultRow, value: UpdateValue, ref: string): Result<number | null, UseCaseError> {
  const measure = { kind: kr.kind, start: kr.start_value, target: kr.target_value, current: kr.current_value };
  switch (value.mode) {
    case 'none':
      return ok(kr.current_value);
    case 'done':
      return ok(kr.kind === 'milestone' ? 1 : kr.target_value);
    case 'not_done':
      return kr.kind === 'milestone' ? ok(0) : fail({ code: 'value_needed', ref });
    case 'delta':
      if (kr.kind === 'milestone') return fail({ code: 'milestone_value', ref });
      return ok((kr.current_value ?? kr.start_value) + value.quantity.value);
    case 'absolute': {
      const q = value.quantity;
      if (kr.kind === 'milestone') {
        if (q.unit === '%' && (q.value === 0 || q.value === 100)) return ok(q.value / 100);
        return q.value === 0 || q.value === 1 ? ok(q.value) : fail({ code: 'milestone_value', ref });
      }
      // "45%" on a KR not measured in % means 45 % of the way from start to target.
      if (q.unit === '%' && kr.unit !== '%' && (kr.kind === 'increase' || kr.kind === 'decrease')) {
        return ok(valueAtProgress(measure, q.value / 100));
      }
      return ok(q.value);
    }
  }
}

/**
 * Records a check-in: appends it, moves the key result, refreshes the roll-up of its objective
 * and ancestors, and audits it — all in one transaction.
 * @returns errors: not_found, wrong_kind, forbidden, closed, value_needed, milestone_value
 */
export async function recordCheckIn(deps: UseCaseDeps, actor: Actor, input: CheckInInput): Promise<Result<Outcome, UseCaseError>> {
  const ws = actor.workspaceId;
  const now = deps.clock.now();
  const recorded = await transact(deps.db, async (trx) => {
    const found = await lockedKeyResult(trx, ws, input.keyResult);
    if (!found.ok) return found;
    const detail = found.value;
    const kr = detail;
    const ref = formatKeyResultRef(detail.ref);
    if (!mayChange(actor, { type: 'key_result', row: detail })) return fail({ code: 'forbidden', ref } as const);
    if (detail.status !== 'active' || detail.objective_status !== 'active') return fail({ code: 'closed', ref } as const);
    if (input.value.mode === 'none' && !input.confidence && !input.note) return fail({ code: 'value_needed', ref } as const);
    const value = newValue(kr, input.value, ref);
    if (!value.ok) return value;
    if (value.value !== null && Math.abs(value.value) > 1e15) return fail({ code: 'value_needed', ref } as const);
    const progress = keyResultProgress({ kind: kr.kind, start: kr.start_value, target: kr.target_value, current: value.value });
    const confidence = input.confidence ?? kr.confidence;
    const confidenceFalls = nextConfidenceFalls(kr.confidence, input.confidence ?? null, kr.confidence_falls);
    const checkIn = await appendCheckIn(
      trx,
      {
        workspaceId: ws,
        keyResultId: kr.id,
        authorId: actor.memberId,
        value: value.value,
        previousValue: kr.current_value,
        progress,
        confidence: input.confidence ?? null,
        note: input.note ?? null,
        source: input.source,
        ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
        at: now,
      },
      {
        currentValue: value.value,
        progress,
        confidence,
        confidenceFalls,
        before: { current_value: kr.current_value, confidence: kr.confidence, progress: kr.progress },
        after: { current_value: value.value, confidence, progress },
      },
    );
    // A replay of an idempotency key changes nothing and reports the state as it stands.
    if (!checkIn) return ok({ row: detail, previous: detail.current_value, objectiveProgress: detail.progress });
    const objectiveProgress = await propagateProgress(trx, ws, kr.objective_id);
    const updated = { current_value: value.value, progress, confidence, confidence_falls: confidenceFalls, last_check_in_at: now };
    await notifyAfterCheckIn({ ...deps, db: trx }, ws, { id: checkIn.checkInId, authorId: actor.memberId, at: now, before: detail, keyResult: { ...detail, ...updated } });
    // The view is built from rows already in hand: re-reading would add a round trip per check-in.
    return ok({ row: { ...detail, ...updated }, previous: kr.current_value, objectiveProgress });
  });
  if (!recorded.ok) return recorded;
  const view = toKeyResultView(recorded.value.row, now);
  return ok({
    type: 'checked_in',
    keyResult: view,
    previous: recorded.value.previous,
    objectiveRef: view.objectiveRef,
    objectiveProgress: recorded.value.objectiveProgress,
    lag: view.lag ?? { lagging: false, severity: 0, reasons: [] },
  });
}
