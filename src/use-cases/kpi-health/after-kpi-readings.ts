import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database';
import { lockKpisForHealth } from '../../db/kpi-alert.repository';
import { insertOutbox } from '../../db/outbox.repository';
import { followLinkedKeyResults } from './follow-linked-key-results';
import { kpiAlertRows } from './raise-kpi-alerts';

/**
 * Everything new KPI readings set off, inside the caller's transaction (so a reading and its
 * consequences commit or roll back together): each KPI's health is evaluated and an alert queued
 * for its team when due, and key results linked to it follow its latest value and ask their owner
 * to confirm. Call it once per batch, after all of the batch's readings are written: a KPI named
 * several times is evaluated once, and its linked key results' owners are asked once.
 */
export async function afterKpiReadings(db: Kysely<Database> | Transaction<Database>, workspaceId: number, kpiIds: readonly number[], now: Date): Promise<void> {
  const ids = [...new Set(kpiIds)];
  const kpis = await lockKpisForHealth(db, workspaceId, ids);
  if (kpis.length === 0) return;
  const alerts = await kpiAlertRows(db, workspaceId, kpis, now);
  const confirms = await followLinkedKeyResults(db, workspaceId, kpis);
  await insertOutbox(db, [...alerts, ...confirms], now);
}
