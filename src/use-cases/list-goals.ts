import type { ListScope } from '../domain/command/command';
import { localDay } from '../domain/calendar';
import type { Actor } from '../domain/member';
import { ok, type Result } from '../domain/result';
import { findKeyResults } from '../db/key-result.repository';
import { findObjectives, type ObjectiveDetailRow } from '../db/objective.repository';
import { buildObjectiveViews } from './build-views';
import { findCycle } from './current-cycle';
import type { UseCaseDeps } from './deps';
import type { Outcome, UseCaseError } from './outcome';
import { resolveMember, resolveTeam } from './resolve-member';

/**
 * Objectives of a member (those they own and those holding a key result they own), a team, or the
 * company, in the named cycle or the current one.
 * @returns errors: unknown_cycle, unknown_member, unknown_team, ambiguous, not_found
 */
export async function listGoals(deps: UseCaseDeps, actor: Actor, scope: ListScope, cycleName?: string): Promise<Result<Outcome, UseCaseError>> {
  const { db } = deps;
  const ws = actor.workspaceId;
  const now = deps.clock.now();
  const cycle = await findCycle(db, ws, localDay(now, actor.timeZone), cycleName);
  if (!cycle.ok) return cycle;
  const cycleId = cycle.value?.id;
  const cycleNameShown = cycle.value?.name ?? null;
  if (cycleId === undefined) return ok({ type: 'goals', scope: describeScope(scope), objectives: [], cycleName: null });
  let rows: ObjectiveDetailRow[];
  let label = describeScope(scope);
  if (scope.type === 'team') {
    const team = await resolveTeam(db, ws, scope.team);
    if (!team.ok) return team;
    label = `#${team.value.handle}`;
    rows = await findObjectives(db, ws, { teamId: team.value.id, cycleId });
  } else if (scope.type === 'company') {
    rows = await findObjectives(db, ws, { level: 'company', cycleId });
  } else {
    let memberId = actor.memberId;
    if (scope.type === 'member') {
      const member = await resolveMember(db, ws, scope.member);
      if (!member.ok) return member;
      memberId = member.value.id;
      label = `@${member.value.display_name}`;
    }
    rows = await objectivesOf(deps, ws, memberId, cycleId);
  }
  const objectives = await buildObjectiveViews(db, ws, rows, now);
  return ok({ type: 'goals', scope: label, objectives, cycleName: cycleNameShown });
}

/** A member's objectives: owned, or holding one of their key results. */
export async function objectivesOf(deps: UseCaseDeps, ws: number, memberId: number, cycleId: number): Promise<ObjectiveDetailRow[]> {
  const owned = await findObjectives(deps.db, ws, { ownerId: memberId, cycleId });
  const krs = await findKeyResults(deps.db, ws, { ownerId: memberId, cycleId, openOnly: true });
  const extra = [...new Set(krs.map((k) => k.objective_id))].filter((id) => !owned.some((o) => o.id === id));
  return extra.length === 0 ? owned : [...owned, ...(await findObjectives(deps.db, ws, { ids: extra, cycleId }))];
}

function describeScope(scope: ListScope): string {
  switch (scope.type) {
    case 'me':
      return 'me';
    case 'company':
      return 'company';
    case 'member':
      return `@${scope.member.name ?? scope.member.id ?? ''}`;
    case 'team':
      return `#${scope.team.name ?? scope.team.id ?? ''}`;
  }
}
