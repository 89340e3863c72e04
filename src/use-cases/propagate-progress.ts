import type { Kysely } from 'kysely';
import { weightedProgress } from '../domain/roll-up';
import type { Database } from '../db/database';
import { ancestorChain, childrenOf, writeObjectiveProgress } from '../db/rollup.repository';

/**
 * The incremental path of the roll-up: recomputes `objectiveId` and each of its ancestors from
 * their direct children, nearest first, so each level sees its child's fresh value. Three queries
 * whatever the depth: the chain, the chain's children, one write. Call inside the mutation's
 * transaction. Returns the new progress of `objectiveId` (0 for null).
 */
export async function propagateProgress(db: Kysely<Database>, workspaceId: number, objectiveId: number | null): Promise<number> {
  if (objectiveId === null) return 0;
  const chain = await ancestorChain(db, workspaceId, objectiveId);
  const children = await childrenOf(db, workspaceId, chain.map((c) => c.id));
  const byParent = new Map<number, { type: string; id: number; weight: number; progress: number }[]>();
  for (const child of children) {
    const list = byParent.get(child.parent) ?? [];
    list.push(child);
    byParent.set(child.parent, list);
  }
  const fresh = new Map<number, number>();
  for (const node of chain) {
    const own = (byParent.get(node.id) ?? []).map((c) => ({
      weight: c.weight,
      progress: c.type === 'objective' ? (fresh.get(c.id) ?? c.progress) : c.progress,
    }));
    fresh.set(node.id, weightedProgress(own));
  }
  await writeObjectiveProgress(db, workspaceId, [...fresh].map(([id, progress]) => ({ id, progress })));
  return fresh.get(objectiveId) ?? 0;
}
