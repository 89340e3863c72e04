import { sql, type Kysely } from 'kysely';
import type { Database } from './database';

type Db = Kysely<Database>;

/**
 * Everything a full roll-up of one cycle reads, in one query of one row per objective: its tree
 * link and weight, plus its key results already summed as (Σ weight, Σ weight × progress clamped
 * to 0..1). One key result of weight Σw and progress Σw·p/Σw weighs exactly like the set it
 * stands for, so the domain's roll-up rules stay the only rules; reading a quarter of the rows
 * keeps a 10,000-objective recompute well inside its budget.
 */
export async function loadCycleTree(db: Db, workspaceId: number, cycleId: number) {
  const result = await sql<{ id: number; parent_id: number | null; weight: number; progress: number; kr_weight: number | null; kr_weighted: number | null }>`
    SELECT o.id, o.parent_id, o.weight, o.progress, k.kr_weight, k.kr_weighted
    FROM objective o
    LEFT JOIN (
      SELECT objective_id, sum(weight) AS kr_weight, sum(weight * least(greatest(progress, 0), 1)) AS kr_weighted
      FROM key_result
      WHERE workspace_id = ${workspaceId} AND status <> 'cancelled'
        AND objective_id IN (SELECT id FROM objective WHERE workspace_id = ${workspaceId} AND cycle_id = ${cycleId})
      GROUP BY objective_id
    ) k ON k.objective_id = o.id
    WHERE o.workspace_id = ${workspaceId} AND o.cycle_id = ${cycleId} AND o.status <> 'cancelled'`.execute(db);
  const objectives = result.rows.map((r) => ({ id: r.id, parentId: r.parent_id, weight: r.weight, progress: r.progress }));
  const keyResults = result.rows
    .filter((r) => r.kr_weight !== null && r.kr_weight > 0)
    .map((r) => ({ id: r.id, objectiveId: r.id, weight: r.kr_weight!, progress: r.kr_weighted! / r.kr_weight! }));
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
