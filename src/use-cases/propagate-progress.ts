import type { Kysely } from 'kysely';
import { weightedProgress } from '../domain/roll-up';
import type { Database } from '../db/database';
import { rollupChildren, updateObjective } from '../db/objective.repository';

/**
 * Recomputes the cached progress of `objectiveId` and each of its ancestors from their direct
 * children — the incremental path of the roll-up, O(depth × fan-out). Call inside the mutation's
 * transaction. Returns the new progress of `objectiveId`.
 */
export async function propagateProgress(db: Kysely<Database>, workspaceId: number, objectiveId: number | null): Promise<number> {
  let first: number | undefined;
  const seen = new Set<number>();
  // seen guards against a loop the alignment trigger should already have made impossible.
  for (let id = objectiveId; id !== null && !seen.has(id); ) {
    seen.add(id);
    const progress = weightedProgress(await rollupChildren(db, workspaceId, id));
    const row = await updateObjective(db, workspaceId, id, { progress });
    first ??= progress;
    id = row.parent_id;
  }
  return first ?? 0;
}
