import type { Reference } from '../domain/command/command';
import type { Actor } from '../domain/member';
import { LEVEL_RANK } from '../domain/objective';
import { fail, ok, type Result } from '../domain/result';
import { formatObjectiveRef } from '../domain/references';
import { writeAudit } from '../db/audit.repository';
import { updateObjective } from '../db/objective.repository';
import type { UseCaseDeps } from './deps';
import { mayChange } from './goal-access';
import type { Outcome, UseCaseError } from './outcome';
import { propagateProgress } from './propagate-progress';
import { resolveObjective } from './resolve-goal';
import { transact } from './transact';

/**
 * Aligns an objective under a parent (or removes its alignment with `parent: null`). Both the old
 * and the new parent's roll-ups follow. A parent below the child's level, or one that would make
 * the child its own ancestor, is refused.
 * @returns errors: not_found, wrong_kind, forbidden, alignment_level, alignment_cycle
 */
export async function alignObjective(deps: UseCaseDeps, actor: Actor, childRef: Reference, parentRef: Reference | null): Promise<Result<Outcome, UseCaseError>> {
  const ws = actor.workspaceId;
  return transact(deps.db, async (trx) => {
    const child = await resolveObjective(trx, ws, childRef);
    if (!child.ok) return child;
    const ref = formatObjectiveRef(child.value.ref);
    if (!mayChange(actor, { type: 'objective', row: child.value })) return fail({ code: 'forbidden', ref } as const);
    let parentId: number | null = null;
    let parentLabel: string | null = null;
    if (parentRef) {
      const parent = await resolveObjective(trx, ws, parentRef);
      if (!parent.ok) return parent;
      parentLabel = formatObjectiveRef(parent.value.ref);
      if (LEVEL_RANK[child.value.level] < LEVEL_RANK[parent.value.level]) return fail({ code: 'alignment_level', ref, parentRef: parentLabel } as const);
      if (await isAncestorOrSelf(trx, ws, child.value.id, parent.value.id)) return fail({ code: 'alignment_cycle', ref, parentRef: parentLabel } as const);
      parentId = parent.value.id;
    }
    const oldParent = child.value.parent_id;
    await updateObjective(trx, ws, child.value.id, { parent_id: parentId });
    await propagateProgress(trx, ws, oldParent);
    await propagateProgress(trx, ws, parentId);
    await writeAudit(trx, { workspaceId: ws, actorId: actor.memberId, action: 'objective.align', entityType: 'objective', entityId: child.value.id, before: { parent_id: oldParent }, after: { parent_id: parentId } });
    return ok({ type: 'aligned', ref, parentRef: parentLabel } as const);
  });
}

/** True when `candidateParent` is `childId` or sits below it; the schema would refuse it anyway, but with an error instead of a reply. */
async function isAncestorOrSelf(db: UseCaseDeps['db'], ws: number, childId: number, candidateParent: number): Promise<boolean> {
  const seen = new Set<number>();
  for (let id: number | null = candidateParent; id !== null && !seen.has(id); ) {
    if (id === childId) return true;
    seen.add(id);
    const row: { parent_id: number | null } | undefined = await db.selectFrom('objective').select('parent_id').where('workspace_id', '=', ws).where('id', '=', id).executeTakeFirst();
    id = row?.parent_id ?? null;
  }
  return false;
}
