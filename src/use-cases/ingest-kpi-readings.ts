import { localDay } from '../domain/calendar';
import type { Actor } from '../domain/member';
import { fail, ok, type Result } from '../domain/result';
import { writeAudit } from '../db/audit.repository';
import { insertReadingBatch, lockKpiByKey, type NewReading } from '../db/kpi-reading-batch.repository';
import { findKpiByKey, refreshKpiLatest, type KpiDetailRow } from '../db/kpi.repository';
import type { UseCaseDeps } from './deps';
import { afterKpiReadings } from './kpi-health/after-kpi-readings';
import type { UseCaseError } from './outcome';
import { transact } from './transact';

/** The most readings one call takes: one INSERT of 7,000 parameters, well under PostgreSQL's 65,535. */
export const MAX_READINGS_PER_BATCH = 1000;

export interface ReadingInput {
  readonly value: number;
  /** ISO day; default: today where the caller is. */
  readonly observedOn?: string;
  readonly idempotencyKey?: string;
}

export interface IngestedReadings {
  readonly kpi: KpiDetailRow;
  /** Readings in the request: written now or already there under their idempotency key. */
  readonly accepted: number;
  /** Rows written by this call; 0 when the whole request was a replay. */
  readonly written: number;
}

// Keys from the API live in their own namespace, so they can't collide with keys other sources
// (chat platforms' message ids, imports) store in the same unique column.
const scoped = (key: string): string => `api:${key}`;

/**
 * Records a batch of readings for one KPI from an external system, all or nothing: the readings,
 * the KPI's latest value, the audit row and whatever the readings set off (health alerts, linked
 * key results) commit together. A reading without its own idempotency key takes the request's key
 * plus its position, so a retried request writes nothing twice. Values must be finite and within
 * ±1e15 (the API validates; the database refuses anything else, rolling the batch back).
 * @returns errors: not_found (the KPI, with no suggestions: callers are machines, and another
 *   workspace's keys must not leak)
 */
export async function ingestKpiReadings(
  deps: UseCaseDeps,
  actor: Actor,
  key: string,
  readings: readonly ReadingInput[],
  requestKey?: string,
): Promise<Result<IngestedReadings, UseCaseError>> {
  const ws = actor.workspaceId;
  const now = deps.clock.now();
  const today = localDay(now, actor.timeZone);
  const rows: NewReading[] = readings.map((r, i) => ({
    value: r.value,
    observedOn: r.observedOn ?? today,
    idempotencyKey: r.idempotencyKey !== undefined ? scoped(r.idempotencyKey) : requestKey !== undefined ? scoped(`${requestKey}#${i}`) : null,
  }));
  return transact(deps.db, async (trx) => {
    const kpi = await lockKpiByKey(trx, ws, key);
    if (!kpi) return fail({ code: 'not_found', what: key, suggestions: [] } as const);
    const written = await insertReadingBatch(trx, { workspaceId: ws, kpiId: kpi.id, source: 'api', authorId: actor.memberId, readings: rows });
    if (written > 0) {
      await refreshKpiLatest(trx, ws, kpi.id);
      await writeAudit(trx, { workspaceId: ws, actorId: actor.memberId, action: 'kpi.ingest', entityType: 'kpi', entityId: kpi.id, after: { readings: readings.length, written } });
      await afterKpiReadings(trx, ws, [kpi.id], now);
    }
    const updated = (await findKpiByKey(trx, ws, kpi.key))!;
    return ok({ kpi: updated, accepted: readings.length, written });
  });
}
