import type { Transaction } from 'kysely';
import type { Actor } from '../../domain/member';
import type { KpiChanges, ReadingChanges } from '../../domain/csv/plan-kpis';
import type { Database } from '../../db/database';
import { insertKpiDefinitions, insertReadings, updateKpiDefinition, writeAudits, type AuditEntry } from '../../db/csv-write.repository';

/** Writes a planned kpis.csv import inside the caller's transaction, with one audit row per KPI. */
export async function applyKpiChanges(trx: Transaction<Database>, actor: Actor, c: KpiChanges): Promise<void> {
  const ws = actor.workspaceId;
  const audits: AuditEntry[] = [];
  const created = await insertKpiDefinitions(trx, ws, c.kpis.filter((k) => !k.stored).map((k) => ({ ...k.values, key: k.key })));
  const values = new Map(c.kpis.map((k) => [k.key, k.values]));
  for (const k of created) audits.push({ action: 'kpi.create', entityType: 'kpi', entityId: k.id, after: values.get(k.key) });
  for (const k of c.kpis) {
    if (!k.stored) continue;
    await updateKpiDefinition(trx, ws, k.stored.id, k.values);
    audits.push({ action: 'kpi.update', entityType: 'kpi', entityId: k.stored.id, before: k.stored, after: k.values });
  }
  await writeAudits(trx, ws, actor.memberId, audits);
}

/**
 * Writes a planned kpi-readings.csv import: new readings (source "import") in bulk, each KPI's
 * latest value refreshed once, one audit row per reading as `/kpi log` writes.
 */
export async function applyReadingChanges(trx: Transaction<Database>, actor: Actor, c: ReadingChanges): Promise<void> {
  const ws = actor.workspaceId;
  const rows = await insertReadings(trx, ws, actor.memberId, c.readings);
  await writeAudits(
    trx,
    ws,
    actor.memberId,
    c.readings.map((r, i) => ({ action: 'kpi.log', entityType: 'kpi', entityId: r.kpiId, before: r.previous === null ? undefined : { value: r.previous }, after: { reading_id: rows[i]?.id, observed_on: r.date, value: r.value, source: 'import' } })),
  );
}
