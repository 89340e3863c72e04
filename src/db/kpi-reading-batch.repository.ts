import type { Kysely } from 'kysely';
import type { Database, KpiRow, ReadingSource } from './database';

type Db = Kysely<Database>;

export interface NewReading {
  readonly value: number;
  readonly observedOn: string;
  readonly idempotencyKey: string | null;
}

/**
 * The KPI, row-locked for the rest of the transaction, so concurrent batches for one KPI compute
 * its latest value one after the other and never from a stale snapshot.
 */
export function lockKpiByKey(db: Db, workspaceId: number, key: string): Promise<KpiRow | undefined> {
  return db.selectFrom('kpi').selectAll().where('workspace_id', '=', workspaceId).where('key', '=', key.toLowerCase()).forUpdate().executeTakeFirst();
}

/**
 * Inserts readings with one multi-row INSERT; a reading whose idempotency key is already stored
 * (earlier, or earlier in the same batch) is skipped. Returns how many rows were written.
 */
export async function insertReadingBatch(
  db: Db,
  batch: { workspaceId: number; kpiId: number; source: ReadingSource; authorId: number | null; readings: readonly NewReading[] },
): Promise<number> {
  if (batch.readings.length === 0) return 0;
  const rows = await db
    .insertInto('kpi_reading')
    .values(
      batch.readings.map((r) => ({
        workspace_id: batch.workspaceId,
        kpi_id: batch.kpiId,
        value: r.value,
        observed_on: r.observedOn,
        source: batch.source,
        author_id: batch.authorId,
        idempotency_key: r.idempotencyKey,
      })),
    )
    .onConflict((oc) => oc.columns(['workspace_id', 'idempotency_key']).doNothing())
    .returning('id')
    .execute();
  return rows.length;
}
