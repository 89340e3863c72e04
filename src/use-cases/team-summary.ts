import type { TeamRef } from '../domain/command/command';
import { localDay } from '../domain/calendar';
import type { Actor } from '../domain/member';
import { weightedProgress } from '../domain/roll-up';
import { clampProgress } from '../domain/progress';
import { fail, ok, type Result } from '../domain/result';
import type { TeamRow } from '../db/database';
import { findObjectives } from '../db/objective.repository';
import { countTeamMembers, teamsOfMember } from '../db/team.repository';
import { buildObjectiveViews } from './build-views';
import { findCycle } from './current-cycle';
import type { UseCaseDeps } from './deps';
import type { Outcome, UseCaseError } from './outcome';
import { resolveTeam } from './resolve-member';

/**
 * A team's objectives in the current cycle, its overall progress, and its lagging key results
 * first (worst first). Without a team, the actor's own team.
 * @returns errors: unknown_team, not_found
 */
export async function teamSummary(deps: UseCaseDeps, actor: Actor, ref?: TeamRef): Promise<Result<Outcome, UseCaseError>> {
  const { db } = deps;
  const ws = actor.workspaceId;
  const now = deps.clock.now();
  let team: TeamRow | undefined;
  if (ref) {
    const resolved = await resolveTeam(db, ws, ref);
    if (!resolved.ok) return resolved;
    team = resolved.value;
  } else {
    [team] = await teamsOfMember(db, ws, actor.memberId);
    if (!team) return fail({ code: 'unknown_team', name: '' });
  }
  const cycle = await findCycle(db, ws, localDay(now, actor.timeZone));
  if (!cycle.ok) return cycle;
  const rows = cycle.value ? await findObjectives(db, ws, { teamId: team.id, cycleId: cycle.value.id }) : [];
  const objectives = await buildObjectiveViews(db, ws, rows, now);
  const lagging = objectives
    .flatMap((o) => o.keyResults)
    .filter((k) => k.lag?.lagging)
    .sort((a, b) => (b.lag?.severity ?? 0) - (a.lag?.severity ?? 0) || a.progress - b.progress);
  return ok({
    type: 'team',
    teamName: team.name,
    progress: weightedProgress(objectives.map((o) => ({ weight: o.weight, progress: clampProgress(o.progress) }))),
    objectives,
    lagging,
    members: await countTeamMembers(db, ws, team.id),
  });
}
