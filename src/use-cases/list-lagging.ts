import { localDay } from '../domain/calendar';
import type { Actor } from '../domain/member';
import { ok, type Result } from '../domain/result';
import { findKeyResults } from '../db/key-result.repository';
import { reportIds } from '../db/member.repository';
import { toKeyResultView } from './build-views';
import { findCycle } from './current-cycle';
import type { UseCaseDeps } from './deps';
import type { Outcome, UseCaseError } from './outcome';

/**
 * Lagging key results in the actor's scope, worst first: their own; a manager's also those of
 * their reports and of the teams they manage; an admin's the whole workspace.
 */
export async function listLagging(deps: UseCaseDeps, actor: Actor): Promise<Result<Outcome, UseCaseError>> {
  const { db } = deps;
  const ws = actor.workspaceId;
  const now = deps.clock.now();
  const cycle = await findCycle(db, ws, localDay(now, actor.timeZone));
  if (!cycle.ok) return cycle;
  if (!cycle.value) return ok({ type: 'lagging', keyResults: [] });
  const rows = await findKeyResults(db, ws, { cycleId: cycle.value.id, openOnly: true });
  const owners = new Set([actor.memberId, ...(await reportIds(db, ws, actor.memberId))]);
  const inScope = actor.role === 'admin' ? rows : rows.filter((r) => owners.has(r.owner_id) || r.team_manager_id === actor.memberId);
  const lagging = inScope
    .map((r) => toKeyResultView(r, now))
    .filter((v) => v.lag?.lagging)
    .sort((a, b) => (b.lag?.severity ?? 0) - (a.lag?.severity ?? 0) || a.progress - b.progress);
  return ok({ type: 'lagging', keyResults: lagging });
}
