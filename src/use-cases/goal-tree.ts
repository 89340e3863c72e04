import type { Reference } from '../domain/command/command';
import { localDay } from '../domain/calendar';
import type { Actor } from '../domain/member';
import { ok, type Result } from '../domain/result';
import { cycleRootIds, findObjectives, subtreeIds } from '../db/objective.repository';
import { buildObjectiveViews } from './build-views';
import { findCycle } from './current-cycle';
import type { UseCaseDeps } from './deps';
import type { Outcome, UseCaseError } from './outcome';
import { resolveObjective } from './resolve-goal';

/** A chat message can only hold so much; the rest is counted, not shown. */
export const MAX_TREE_NODES = 200;

/**
 * The alignment tree below one objective, or the whole current cycle's tree (company first).
 * @returns errors: not_found, wrong_kind
 */
export async function goalTree(deps: UseCaseDeps, actor: Actor, root?: Reference): Promise<Result<Outcome, UseCaseError>> {
  const { db } = deps;
  const ws = actor.workspaceId;
  const now = deps.clock.now();
  let rootIds: number[];
  if (root) {
    const objective = await resolveObjective(db, ws, root);
    if (!objective.ok) return objective;
    rootIds = [objective.value.id];
  } else {
    const cycle = await findCycle(db, ws, localDay(now, actor.timeZone));
    if (!cycle.ok) return cycle;
    rootIds = cycle.value ? (await cycleRootIds(db, ws, cycle.value.id)).map((r) => r.id) : [];
  }
  const nodes = await subtreeIds(db, ws, rootIds, MAX_TREE_NODES);
  const shown = nodes.slice(0, MAX_TREE_NODES);
  const rows = await findObjectives(db, ws, { ids: shown.map((n) => n.id), includeClosed: true });
  const views = new Map((await buildObjectiveViews(db, ws, rows, now)).map((v) => [v.id, v]));
  const truncated = nodes.length > MAX_TREE_NODES ? await countBeyond(deps, ws, rootIds) : 0;
  return ok({
    type: 'tree',
    nodes: shown.flatMap((n) => {
      const objective = views.get(n.id);
      return objective ? [{ depth: n.depth, objective }] : [];
    }),
    truncated,
  });
}

async function countBeyond(deps: UseCaseDeps, ws: number, rootIds: number[]): Promise<number> {
  const all = await subtreeIds(deps.db, ws, rootIds, 1_000_000);
  return all.length - MAX_TREE_NODES;
}
