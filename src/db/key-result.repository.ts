import type { Kysely } from 'kysely';
import type { Database, KeyResultRow, KeyResultUpdate, NewKeyResultRow } from './database';

type Db = Kysely<Database>;

/** A key result with what reading and authorising it needs: names, objective, team policy, cycle. */
export interface KeyResultDetailRow extends KeyResultRow {
  owner_name: string;
  owner_manager_id: number | null;
  objective_ref: number;
  objective_title: string;
  objective_owner_id: number;
  objective_status: string;
  objective_team_id: number | null;
  team_manager_id: number | null;
  lag_threshold: number | null;
  stale_days: number | null;
  cycle_starts_on: string;
  cycle_ends_on: string;
  kpi_key: string | null;
}

function details(db: Db, workspaceId: number) {
  return db
    .selectFrom('key_result as k')
    .innerJoin('member as m', (j) => j.onRef('m.workspace_id', '=', 'k.workspace_id').onRef('m.id', '=', 'k.owner_id'))
    .innerJoin('objective as o', (j) => j.onRef('o.workspace_id', '=', 'k.workspace_id').onRef('o.id', '=', 'k.objective_id'))
    .innerJoin('cycle as c', (j) => j.onRef('c.workspace_id', '=', 'o.workspace_id').onRef('c.id', '=', 'o.cycle_id'))
    .leftJoin('team as t', (j) => j.onRef('t.workspace_id', '=', 'o.workspace_id').onRef('t.id', '=', 'o.team_id'))
    .leftJoin('kpi', (j) => j.onRef('kpi.workspace_id', '=', 'k.workspace_id').onRef('kpi.id', '=', 'k.kpi_id'))
    .selectAll('k')
    .select([
      'm.display_name as owner_name',
      'm.manager_id as owner_manager_id',
      'o.ref as objective_ref',
      'o.title as objective_title',
      'o.owner_id as objective_owner_id',
      'o.status as objective_status',
      'o.team_id as objective_team_id',
      't.manager_id as team_manager_id',
      't.lag_threshold as lag_threshold',
      't.stale_days as stale_days',
      'c.starts_on as cycle_starts_on',
      'c.ends_on as cycle_ends_on',
      'kpi.key as kpi_key',
    ])
    .where('k.workspace_id', '=', workspaceId);
}

export interface KeyResultFilter {
  readonly ids?: readonly number[];
  readonly ref?: number;
  readonly objectiveIds?: readonly number[];
  readonly ownerId?: number;
  readonly cycleId?: number;
  readonly openOnly?: boolean;
  /** Row-lock the key results found (not the joined rows) for the rest of the transaction. */
  readonly lock?: boolean;
}

export async function findKeyResults(db: Db, workspaceId: number, filter: KeyResultFilter): Promise<KeyResultDetailRow[]> {
  if (filter.objectiveIds && filter.objectiveIds.length === 0) return [];
  if (filter.ids && filter.ids.length === 0) return [];
  let q = details(db, workspaceId);
  if (filter.ids) q = q.where('k.id', 'in', filter.ids);
  if (filter.ref !== undefined) q = q.where('k.ref', '=', filter.ref);
  if (filter.objectiveIds) q = q.where('k.objective_id', 'in', filter.objectiveIds);
  if (filter.ownerId !== undefined) q = q.where('k.owner_id', '=', filter.ownerId);
  if (filter.cycleId !== undefined) q = q.where('o.cycle_id', '=', filter.cycleId);
  if (filter.openOnly) q = q.where('k.status', '=', 'active').where('o.status', '=', 'active');
  if (filter.lock) q = q.forUpdate('k');
  return (await q.orderBy('k.ref').execute()) as KeyResultDetailRow[];
}

export async function findKeyResultByRef(db: Db, workspaceId: number, ref: number): Promise<KeyResultDetailRow | undefined> {
  const [row] = await findKeyResults(db, workspaceId, { ref });
  return row;
}

export function lockKeyResult(db: Db, workspaceId: number, id: number): Promise<KeyResultRow | undefined> {
  return db.selectFrom('key_result').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).forUpdate().executeTakeFirst();
}

export function insertKeyResult(db: Db, row: NewKeyResultRow): Promise<KeyResultRow> {
  return db.insertInto('key_result').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateKeyResult(db: Db, workspaceId: number, id: number, changes: KeyResultUpdate): Promise<KeyResultRow> {
  return db
    .updateTable('key_result')
    .set({ ...changes, updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function countKeyResults(db: Db, workspaceId: number, objectiveId: number): Promise<number> {
  const row = await db
    .selectFrom('key_result')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('objective_id', '=', objectiveId)
    .where('status', '<>', 'cancelled')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** References of key results by id, for forms that carry database ids. */
export async function refsByIds(db: Db, workspaceId: number, ids: readonly number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('key_result').select(['id', 'ref']).where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.ref]));
}
