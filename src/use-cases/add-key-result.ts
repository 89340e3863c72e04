import type { OkrCommand } from '../domain/command/command';
import type { Actor } from '../domain/member';
import { keyResultProgress } from '../domain/progress';
import { fail, ok, type Result } from '../domain/result';
import { formatObjectiveRef } from '../domain/references';
import { writeAudit } from '../db/audit.repository';
import { countKeyResults, findKeyResultByRef, insertKeyResult } from '../db/key-result.repository';
import { toKeyResultView } from './build-views';
import type { UseCaseDeps } from './deps';
import { mayChange } from './goal-access';
import type { Outcome, UseCaseError } from './outcome';
import { propagateProgress } from './propagate-progress';
import { resolveObjective } from './resolve-goal';
import { resolveMember } from './resolve-member';
import { transact } from './transact';

/** More than this and an objective stops being a focus; Slack's modal offers five. */
export const MAX_KEY_RESULTS = 10;

type KrAddCommand = Extract<OkrCommand, { verb: 'kr_add' }>;

/**
 * Adds a key result to an objective the actor may change; the owner defaults to the actor.
 * @returns errors: not_found, wrong_kind, forbidden, closed, unknown_member, too_many_key_results
 */
export async function addKeyResult(deps: UseCaseDeps, actor: Actor, cmd: KrAddCommand): Promise<Result<Outcome, UseCaseError>> {
  const ws = actor.workspaceId;
  const added = await transact(deps.db, async (trx) => {
    const objective = await resolveObjective(trx, ws, cmd.objective);
    if (!objective.ok) return objective;
    const o = objective.value;
    const ref = formatObjectiveRef(o.ref);
    if (!mayChange(actor, { type: 'objective', row: o })) return fail({ code: 'forbidden', ref } as const);
    if (o.status !== 'active') return fail({ code: 'closed', ref } as const);
    if ((await countKeyResults(trx, ws, o.id)) >= MAX_KEY_RESULTS) return fail({ code: 'too_many_key_results', ref, max: MAX_KEY_RESULTS } as const);
    let ownerId = actor.memberId;
    if (cmd.owner) {
      const owner = await resolveMember(trx, ws, cmd.owner);
      if (!owner.ok) return owner;
      ownerId = owner.value.id;
    }
    const spec = cmd.spec;
    const row = await insertKeyResult(trx, {
      workspace_id: ws,
      objective_id: o.id,
      owner_id: ownerId,
      title: spec.title,
      kind: spec.kind,
      start_value: spec.start,
      target_value: spec.target,
      unit: spec.unit ?? null,
      weight: cmd.weight ?? 1,
      // Thresholds hold or break from the first reading on; until then they measure nothing.
      progress: keyResultProgress({ kind: spec.kind, start: spec.start, target: spec.target, current: null }),
      pace_curve: spec.kind === 'milestone' ? 'end_loaded' : 'linear',
    });
    const objectiveProgress = await propagateProgress(trx, ws, o.id);
    await writeAudit(trx, { workspaceId: ws, actorId: actor.memberId, action: 'key_result.create', entityType: 'key_result', entityId: row.id, after: row });
    return ok({ ref: row.ref, objectiveProgress });
  });
  if (!added.ok) return added;
  const detail = await findKeyResultByRef(deps.db, ws, added.value.ref);
  return ok({ type: 'key_result_added', keyResult: toKeyResultView(detail!, deps.clock.now()), objectiveProgress: added.value.objectiveProgress });
}
