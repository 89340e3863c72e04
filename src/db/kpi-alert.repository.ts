import type { Kysely } from 'kysely';
import type { KpiBand } from '../domain/kpi';
import type { KpiHealthMemory } from '../domain/kpi-health';
import type { Database, KpiRow } from './database';

type Db = Kysely<Database>;

/** A KPI with what its health evaluation needs: its memory and where its alerts go. */
export interface KpiHealthRow extends KpiRow {
  memory_band: KpiBand | null;
  memory_streak_alerted: boolean | null;
  team_channel_ref: string | null;
  team_manager_id: number | null;
}

/**
 * The KPIs of `ids` in the workspace, row-locked: two writers of readings for the same KPI
 * evaluate one after the other, so an alert is never raised twice or lost between them.
 */
export async function lockKpisForHealth(db: Db, workspaceId: number, ids: readonly number[]): Promise<KpiHealthRow[]> {
  if (ids.length === 0) return [];
  return (await db
    .selectFrom('kpi')
    .leftJoin('kpi_alert as a', (j) => j.onRef('a.workspace_id', '=', 'kpi.workspace_id').onRef('a.kpi_id', '=', 'kpi.id'))
    .leftJoin('team as t', (j) => j.onRef('t.workspace_id', '=', 'kpi.workspace_id').onRef('t.id', '=', 'kpi.team_id'))
    .selectAll('kpi')
    .select(['a.band as memory_band', 'a.streak_alerted as memory_streak_alerted', 't.channel_ref as team_channel_ref', 't.manager_id as team_manager_id'])
    .where('kpi.workspace_id', '=', workspaceId)
    .where('kpi.id', 'in', ids)
    .orderBy('kpi.id')
    .forUpdate('kpi')
    .execute()) as KpiHealthRow[];
}

/** Readings of a KPI observed on or after `fromDay`, oldest first (same day: in arrival order). */
export function readingsFrom(db: Db, workspaceId: number, kpiId: number, fromDay: string): Promise<{ id: number; observed_on: string; value: number }[]> {
  return db
    .selectFrom('kpi_reading')
    .select(['id', 'observed_on', 'value'])
    .where('workspace_id', '=', workspaceId)
    .where('kpi_id', '=', kpiId)
    .where('observed_on', '>=', fromDay)
    .orderBy('observed_on')
    .orderBy('id')
    .execute();
}

/**
 * Stores what this evaluation saw; with `alerted`, counts one more alert.
 * @returns the KPI's alert count after this call (the new alert's number when `alerted`).
 */
export async function rememberKpiHealth(db: Db, workspaceId: number, kpiId: number, memory: KpiHealthMemory, alerted: boolean, now: Date): Promise<number> {
  const row = await db
    .insertInto('kpi_alert')
    .values({
      workspace_id: workspaceId,
      kpi_id: kpiId,
      band: memory.band,
      streak_alerted: memory.streakAlerted,
      alert_count: alerted ? 1 : 0,
      last_alerted_at: alerted ? now : null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'kpi_id']).doUpdateSet((eb) => ({
        band: eb.ref('excluded.band'),
        streak_alerted: eb.ref('excluded.streak_alerted'),
        alert_count: alerted ? eb('kpi_alert.alert_count', '+', 1) : eb.ref('kpi_alert.alert_count'),
        last_alerted_at: alerted ? now : eb.ref('kpi_alert.last_alerted_at'),
        updated_at: now,
      })),
    )
    .returning('alert_count')
    .executeTakeFirstOrThrow();
  return row.alert_count;
}

/** The newest reading of a KPI (by day, then arrival): what a linked key result follows. */
export function latestReading(db: Db, workspaceId: number, kpiId: number) {
  return db
    .selectFrom('kpi_reading')
    .select(['id', 'observed_on', 'value', 'source'])
    .where('workspace_id', '=', workspaceId)
    .where('kpi_id', '=', kpiId)
    .orderBy('observed_on', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Open key results linked to a KPI, row-locked: their value is about to follow it. */
export function lockLinkedKeyResults(db: Db, workspaceId: number, kpiId: number) {
  return db
    .selectFrom('key_result as k')
    .innerJoin('objective as o', (j) => j.onRef('o.workspace_id', '=', 'k.workspace_id').onRef('o.id', '=', 'k.objective_id'))
    .select(['k.id', 'k.kind', 'k.start_value', 'k.target_value', 'k.current_value', 'k.progress', 'k.owner_id', 'k.objective_id'])
    .where('k.workspace_id', '=', workspaceId)
    .where('k.kpi_id', '=', kpiId)
    .where('k.status', '=', 'active')
    .where('o.status', '=', 'active')
    .orderBy('k.id')
    .forUpdate('k')
    .execute();
}
