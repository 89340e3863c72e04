import { sql, type Kysely } from 'kysely';
import type { Database, NewObjectiveRow, ObjectiveRow, ObjectiveUpdate } from './database';

type Db = Kysely<Database>;

/** An objective with the names people need to read it: owner, team, cycle and parent reference. */
export interface ObjectiveDetailRow extends ObjectiveRow {
  owner_name: string;
  owner_manager_id: number | null;
  team_name: string | null;
  team_manager_id: number | null;
  lag_threshold: number | null;
  stale_days: number | null;
  cycle_name: string;
  cycle_starts_on: string;
  cycle_ends_on: string;
  parent_ref: number | null;
}

function details(db: Db, workspaceId: number) {
  return db
    .selectFrom('objective as o')
    .innerJoin('member as m', (j) => j.onRef('m.workspace_id', '=', 'o.workspace_id').onRef('m.id', '=', 'o.owner_id'))
    .innerJoin('cycle as c', (j) => j.onRef('c.workspace_id', '=', 'o.workspace_id').onRef('c.id', '=', 'o.cycle_id'))
    .leftJoin('team as t', (j) => j.onRef('t.workspace_id', '=', 'o.workspace_id').onRef('t.id', '=', 'o.team_id'))
    .leftJoin('objective as p', (j) => j.onRef('p.workspace_id', '=', 'o.workspace_id').onRef('p.id', '=', 'o.parent_id'))
    .selectAll('o')
    .select([
      'm.display_name as owner_name',
      'm.manager_id as owner_manager_id',
      't.name as team_name',
      't.manager_id as team_manager_id',
      't.lag_threshold as lag_threshold',
      't.stale_days as stale_days',
      'c.name as cycle_name',
      'c.starts_on as cycle_starts_on',
      'c.ends_on as cycle_ends_on',
      'p.ref as parent_ref',
    ])
    .where('o.workspace_id', '=', workspaceId);
}

export interface ObjectiveFilter {
  readonly ids?: readonly number[];
  readonly ref?: number;
  readonly ownerId?: number;
  readonly teamId?: number;
  readonly cycleId?: number;
  readonly level?: 'company' | 'team' | 'personal';
  readonly includeClosed?: boolean;
}

/** Objectives matching the filter, company level first, then by reference. */
export async function findObjectives(db: Db, workspaceId: number, filter: ObjectiveFilter): Promise<ObjectiveDetailRow[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  let q = details(db, workspaceId);
  if (filter.ids) q = q.where('o.id', 'in', filter.ids);
  if (filter.ref !== undefined) q = q.where('o.ref', '=', filter.ref);
  if (filter.ownerId !== undefined) q = q.where('o.owner_id', '=', filter.ownerId);
  if (filter.teamId !== undefined) q = q.where('o.team_id', '=', filter.teamId);
  if (filter.cycleId !== undefined) q = q.where('o.cycle_id', '=', filter.cycleId);
  if (filter.level) q = q.where('o.level', '=', filter.level);
  if (!filter.includeClosed) q = q.where('o.status', '=', 'active');
  const rows = await q
    .orderBy(sql`CASE o.level WHEN 'company' THEN 0 WHEN 'team' THEN 1 ELSE 2 END`)
    .orderBy('o.ref')
    .execute();
  return rows as ObjectiveDetailRow[];
}

export async function findObjectiveByRef(db: Db, workspaceId: number, ref: number): Promise<ObjectiveDetailRow | undefined> {
  const [row] = await findObjectives(db, workspaceId, { ref, includeClosed: true });
  return row;
}

/** Locks the row for the rest of the transaction, so concurrent edits of one objective queue up. */
export function lockObjective(db: Db, workspaceId: number, id: number): Promise<ObjectiveRow | undefined> {
  return db.selectFrom('objective').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).forUpdate().executeTakeFirst();
}

export function insertObjective(db: Db, row: NewObjectiveRow): Promise<ObjectiveRow> {
  return db.insertInto('objective').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateObjective(db: Db, workspaceId: number, id: number, changes: ObjectiveUpdate): Promise<ObjectiveRow> {
  return db
    .updateTable('objective')
    .set({ ...changes, updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Every objective below `rootId` (inclusive), with its depth, in tree order. */
export async function subtreeIds(db: Db, workspaceId: number, rootIds: readonly number[], maxNodes: number): Promise<{ id: number; depth: number; path: number[] }[]> {
  if (rootIds.length === 0) return [];
  const rows = await db
    .withRecursive('tree(id, depth, path)', (qb) =>
      qb
        .selectFrom('objective')
        .select(['id', sql<number>`0`.as('depth'), sql<number[]>`ARRAY[ref]`.as('path')])
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', rootIds)
        .unionAll((u) =>
          u
            .selectFrom('objective as o')
            .innerJoin('tree', 'tree.id', 'o.parent_id')
            .select(['o.id', sql<number>`tree.depth + 1`.as('depth'), sql<number[]>`tree.path || o.ref`.as('path')])
            .where('o.workspace_id', '=', workspaceId)
            .where('o.status', '<>', 'cancelled'),
        ),
    )
    .selectFrom('tree')
    .select(['id', 'depth', 'path'])
    .orderBy('path')
    .limit(maxNodes + 1)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), depth: Number(r.depth), path: r.path }));
}

export function childObjectiveIds(db: Db, workspaceId: number, parentId: number) {
  return db
    .selectFrom('objective')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('parent_id', '=', parentId)
    .where('status', '<>', 'cancelled')
    .orderBy('ref')
    .execute();
}

/** Objectives of a cycle that have no parent inside the same cycle: the roots of its tree. */
export function cycleRootIds(db: Db, workspaceId: number, cycleId: number): Promise<{ id: number }[]> {
  return db
    .selectFrom('objective as o')
    .leftJoin('objective as p', (j) => j.onRef('p.workspace_id', '=', 'o.workspace_id').onRef('p.id', '=', 'o.parent_id').onRef('p.cycle_id', '=', 'o.cycle_id'))
    .select('o.id')
    .where('o.workspace_id', '=', workspaceId)
    .where('o.cycle_id', '=', cycleId)
    .where('o.status', '<>', 'cancelled')
    .where('p.id', 'is', null)
    .orderBy(sql`CASE o.level WHEN 'company' THEN 0 WHEN 'team' THEN 1 ELSE 2 END`)
    .orderBy('o.ref')
    .execute();
}
