import type { Kysely } from 'kysely';
import { weightedProgress } from '../domain/roll-up';
import type { Database } from '../db/database';
import { ancestorsWithChildren, writeObjectiveProgress } from '../db/rollup.repository';

/**
 * The incremental path of the roll-up: recomputes `objectiveId` and each of its ancestors from
 * their direct children, nearest first, so each level sees its child's fresh value. Two queries
 * whatever the depth: the chain with its children, and one write. Call inside the mutation's
 * transaction. Returns the new progress of `objectiveId` (0 for null).
 */
export async function propagateProgress(db: Kysely<Database>, workspaceId: number, objectiveId: number | null): Promise<number> {
  if (objectiveId === null) return 0;
  const rows = await ancestorsWithChildren(db, workspaceId, objectiveId);
  const chain: number[] = [];
  const children = new Map<number, { type: string; id: number; weight: number; progress: number }[]>();
  for (const r of rows) {
    if (!children.has(r.node)) {
      chain.push(r.node);
      children.set(r.node, []);
    }
    if (r.type !== null) children.get(r.node)!.push({ type: r.type, id: r.id!, weight: r.weight!, progress: r.progress! });
  }
  const fresh = new Map<number, number>();
  for (const node of chain) {
    const own = children.get(node)!.map((c) => ({
      weight: c.weight,
      progress: c.type === 'objective' ? (fresh.get(c.id) ?? c.progress) : c.progress,
    }));
    fresh.set(node, weightedProgress(own));
  }
  await writeObjectiveProgress(db, workspaceId, [...fresh].map(([id, progress]) => ({ id, progress })));
  return fresh.get(objectiveId) ?? 0;
}
