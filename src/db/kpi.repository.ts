import type { Kysely } from 'kysely';
import type { Database, KpiRow, ReadingSource } from './database';
import type { KpiDirection, KpiFrequency, ThresholdKind } from '../domain/kpi';

type Db = Kysely<Database>;

export interface KpiDetailRow extends KpiRow {
  team_name: string | null;
  owner_name: string | null;
}

function details(db: Db, workspaceId: number) {
  return db
    .selectFrom('kpi')
    .leftJoin('team as t', (j) => j.onRef('t.workspace_id', '=', 'kpi.workspace_id').onRef('t.id', '=', 'kpi.team_id'))
    .leftJoin('member as m', (j) => j.onRef('m.workspace_id', '=', 'kpi.workspace_id').onRef('m.id', '=', 'kpi.owner_id'))
    .selectAll('kpi')
    .select(['t.name as team_name', 'm.display_name as owner_name'])
    .where('kpi.workspace_id', '=', workspaceId);
}

export async function listKpis(db: Db, workspaceId: number): Promise<KpiDetailRow[]> {
  return (await details(db, workspaceId).where('kpi.active', '=', true).orderBy('kpi.key').execute()) as KpiDetailRow[];
}

export async function findKpiByKey(db: Db, workspaceId: number, key: string): Promise<KpiDetailRow | undefined> {
  return (await details(db, workspaceId).where('kpi.key', '=', key.toLowerCase()).executeTakeFirst()) as KpiDetailRow | undefined;
}

export function suggestKpiKeys(db: Db, workspaceId: number): Promise<{ key: string }[]> {
  return db.selectFrom('kpi').select('key').where('workspace_id', '=', workspaceId).where('active', '=', true).limit(200).execute();
}

export interface NewKpi {
  readonly workspaceId: number;
  readonly key: string;
  readonly name: string;
  readonly unit: string | null;
  readonly ownerId: number | null;
  readonly teamId: number | null;
  readonly direction: KpiDirection;
  readonly target: number | null;
  readonly thresholdKind: ThresholdKind;
  readonly greenMin: number | null;
  readonly greenMax: number | null;
  readonly yellowMin: number | null;
  readonly yellowMax: number | null;
  readonly frequency: KpiFrequency;
  /** Periods below target before a health alert; the column's default (3) when missing. */
  readonly alertAfter?: number;
}

export async function insertKpi(db: Db, k: NewKpi): Promise<KpiRow | undefined> {
  return db
    .insertInto('kpi')
    .values({
      workspace_id: k.workspaceId,
      key: k.key,
      name: k.name,
      unit: k.unit,
      owner_id: k.ownerId,
      team_id: k.teamId,
      direction: k.direction,
      target: k.target,
      threshold_kind: k.thresholdKind,
      green_min: k.greenMin,
      green_max: k.greenMax,
      yellow_min: k.yellowMin,
      yellow_max: k.yellowMax,
      frequency: k.frequency,
      ...(k.alertAfter === undefined ? {} : { alert_after: k.alertAfter }),
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'key']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function insertReading(
  db: Db,
  r: { workspaceId: number; kpiId: number; value: number; observedOn: string; source: ReadingSource; authorId: number | null; idempotencyKey?: string },
) {
  const row = await db
    .insertInto('kpi_reading')
    .values({
      workspace_id: r.workspaceId,
      kpi_id: r.kpiId,
      value: r.value,
      observed_on: r.observedOn,
      source: r.source,
      author_id: r.authorId,
      idempotency_key: r.idempotencyKey ?? null,
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'idempotency_key']).doNothing())
    .returningAll()
    .executeTakeFirst();
  await refreshKpiLatest(db, r.workspaceId, r.kpiId);
  return row;
}

/** Recomputes a KPI's latest value and date from its readings, after any that were added. */
export async function refreshKpiLatest(db: Db, workspaceId: number, kpiId: number): Promise<void> {
  const r = { workspaceId, kpiId };
  // The latest reading by observation date (not by arrival) is the KPI's current value.
  await db
    .updateTable('kpi')
    .set((eb) => ({
      latest_value: eb
        .selectFrom('kpi_reading')
        .select('value')
        .whereRef('kpi_reading.kpi_id', '=', 'kpi.id')
        .where('kpi_reading.workspace_id', '=', r.workspaceId)
        .orderBy('observed_on', 'desc')
        .orderBy('id', 'desc')
        .limit(1),
      latest_observed_on: eb
        .selectFrom('kpi_reading')
        .select((e) => e.fn.max('observed_on').as('d'))
        .whereRef('kpi_reading.kpi_id', '=', 'kpi.id')
        .where('kpi_reading.workspace_id', '=', r.workspaceId),
      updated_at: new Date(),
    }))
    .where('workspace_id', '=', r.workspaceId)
    .where('id', '=', r.kpiId)
    .execute();
}

export function kpiHistory(db: Db, workspaceId: number, kpiId: number, limit: number) {
  return db
    .selectFrom('kpi_reading')
    .select(['observed_on', 'value', 'source'])
    .where('workspace_id', '=', workspaceId)
    .where('kpi_id', '=', kpiId)
    .orderBy('observed_on', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function linkedKeyResultRefs(db: Db, workspaceId: number, kpiId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('key_result')
    .select('ref')
    .where('workspace_id', '=', workspaceId)
    .where('kpi_id', '=', kpiId)
    .orderBy('ref')
    .execute();
  return rows.map((r) => r.ref);
}
