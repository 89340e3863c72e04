import { rollUp } from '../domain/roll-up';
import { loadCycleTree, writeObjectiveProgress } from '../db/rollup.repository';
import type { UseCaseDeps } from './deps';

/**
 * Recomputes every objective's progress in a cycle from scratch and stores what changed — the
 * repair path behind the incremental one (after imports, weight changes in bulk, or a bug).
 * @returns how many objectives were read and how many changed.
 */
export async function recomputeRollUp(deps: UseCaseDeps, workspaceId: number, cycleId: number): Promise<{ objectives: number; changed: number }> {
  // No transaction: the write is one statement, and a check-in racing the read would be just as
  // stale inside one at READ COMMITTED — the next incremental update corrects its own path.
  const { objectives, keyResults } = await loadCycleTree(deps.db, workspaceId, cycleId);
  const computed = rollUp(objectives, keyResults);
  const changes = objectives
    .map((o) => ({ id: o.id, progress: computed.get(o.id) ?? 0, old: o.progress }))
    .filter((c) => Math.abs(c.progress - c.old) > 1e-12);
  await writeObjectiveProgress(deps.db, workspaceId, changes);
  return { objectives: objectives.length, changed: changes.length };
}
