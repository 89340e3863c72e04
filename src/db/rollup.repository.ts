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

export interface ChainChild {
  /** The ancestor this row is about; its parent; 0 for the objective the walk started at. */
  readonly node: number;
  readonly depth: number;
  /** Null when the ancestor has no (counted) children. */
  readonly type: 'kr' | 'objective' | null;
  readonly id: number | null;
  readonly weight: number | null;
  readonly progress: number | null;
}

/**
 * The objective, its ancestors, and every direct child of each, in one round trip: the whole
 * input of an incremental roll-up. The depth guard stops a walk on data that somehow loops.
 */
export async function ancestorsWithChildren(db: Db, workspaceId: number, objectiveId: number): Promise<ChainChild[]> {
  const result = await sql<ChainChild>`
    WITH RECURSIVE chain (id, parent_id, depth) AS (
      SELECT id, parent_id, 0 FROM objective WHERE workspace_id = ${workspaceId} AND id = ${objectiveId}
      UNION ALL
      SELECT o.id, o.parent_id, c.depth + 1
      FROM objective o JOIN chain c ON o.workspace_id = ${workspaceId} AND o.id = c.parent_id
      WHERE c.depth < 1000
    )
    SELECT c.id AS node, c.depth, x.type, x.id, x.weight, x.progress
    FROM chain c
    LEFT JOIN LATERAL (
      SELECT 'kr' AS type, k.id, k.weight, k.progress FROM key_result k
      WHERE k.workspace_id = ${workspaceId} AND k.objective_id = c.id AND k.status <> 'cancelled'
      UNION ALL
      SELECT 'objective', o.id, o.weight, o.progress FROM objective o
      WHERE o.workspace_id = ${workspaceId} AND o.parent_id = c.id AND o.status <> 'cancelled'
    ) x ON true
    ORDER BY c.depth`.execute(db);
  return result.rows;
}
