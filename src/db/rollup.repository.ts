import { sql, type Kysely } from 'kysely';
import type { Database } from './database';

type Db = Kysely<Database>;

/** Everything a full roll-up of one cycle reads: the objective tree and its key results' progress. */
export async function loadCycleTree(db: Db, workspaceId: number, cycleId: number) {
  // Two connections in parallel: the server work overlaps the client's parsing of the other.
  const [objectives, keyResults] = await Promise.all([db
    .selectFrom('objective')
    .select(['id', 'parent_id as parentId', 'weight', 'progress'])
    .where('workspace_id', '=', workspaceId)
    .where('cycle_id', '=', cycleId)
    .where('status', '<>', 'cancelled')
    .execute(), db
    .selectFrom('key_result as k')
    .innerJoin('objective as o', (j) => j.onRef('o.workspace_id', '=', 'k.workspace_id').onRef('o.id', '=', 'k.objective_id'))
    .select(['k.id', 'k.objective_id as objectiveId', 'k.weight', 'k.progress'])
    .where('k.workspace_id', '=', workspaceId)
    .where('o.cycle_id', '=', cycleId)
    .where('k.status', '<>', 'cancelled')
    .execute()]);
  return { objectives, keyResults };
}

/** Writes many objectives' progress in one statement. */
export async function writeObjectiveProgress(db: Db, workspaceId: number, changes: readonly { id: number; progress: number }[]): Promise<void> {
  if (changes.length === 0) return;
  await sql`
    UPDATE objective AS o SET progress = c.progress, updated_at = now()
    FROM unnest(${changes.map((c) => c.id)}::bigint[], ${changes.map((c) => c.progress)}::float8[]) AS c(id, progress)
    WHERE o.workspace_id = ${workspaceId} AND o.id = c.id`.execute(db);
}

/** The objective and its ancestors, nearest first, in one recursive query. */
export async function ancestorChain(db: Db, workspaceId: number, objectiveId: number): Promise<{ id: number; parent_id: number | null }[]> {
  const rows = await db
    .withRecursive('chain(id, parent_id, depth)', (qb) =>
      qb
        .selectFrom('objective')
        .select(['id', 'parent_id', sql<number>`0`.as('depth')])
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', objectiveId)
        .union((u) =>
          u
            .selectFrom('objective as o')
            .innerJoin('chain', 'chain.parent_id', 'o.id')
            .select(['o.id', 'o.parent_id', sql<number>`chain.depth + 1`.as('depth')])
            .where('o.workspace_id', '=', workspaceId)
            .where(sql<boolean>`chain.depth < 1000`),
        ),
    )
    .selectFrom('chain')
    .select(['id', 'parent_id'])
    .orderBy('depth')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), parent_id: r.parent_id === null ? null : Number(r.parent_id) }));
}

/** Direct children (non-cancelled KRs and objectives) of several objectives at once. */
export async function childrenOf(db: Db, workspaceId: number, parentIds: readonly number[]) {
  if (parentIds.length === 0) return [];
  return db
    .selectFrom('key_result')
    .select(['objective_id as parent', sql<'kr'>`'kr'`.as('type'), 'id', 'weight', 'progress'])
    .where('workspace_id', '=', workspaceId)
    .where('objective_id', 'in', parentIds)
    .where('status', '<>', 'cancelled')
    .unionAll(
      db
        .selectFrom('objective')
        .select([sql<number>`parent_id`.as('parent'), sql<'kr'>`'objective'`.as('type'), 'id', 'weight', 'progress'])
        .where('workspace_id', '=', workspaceId)
        .where('parent_id', 'in', parentIds)
        .where('status', '<>', 'cancelled'),
    )
    .execute();
}
