import type { OkrCommand } from '../domain/command/command';
import { localDay } from '../domain/calendar';
import type { Actor } from '../domain/member';
import { LEVEL_RANK, type ObjectiveLevel } from '../domain/objective';
import { fail, ok, type Result } from '../domain/result';
import { formatObjectiveRef } from '../domain/references';
import { writeAudit } from '../db/audit.repository';
import { findObjectiveByRef, insertObjective } from '../db/objective.repository';
import { isTeamMember, teamsOfMember } from '../db/team.repository';
import type { TeamRow } from '../db/database';
import { buildObjectiveViews } from './build-views';
import { cycleForNewGoal } from './current-cycle';
import type { UseCaseDeps } from './deps';
import type { Outcome, UseCaseError } from './outcome';
import { propagateProgress } from './propagate-progress';
import { resolveObjective } from './resolve-goal';
import { resolveTeam } from './resolve-member';
import { transact } from './transact';

type NewCommand = Extract<OkrCommand, { verb: 'new' }>;

/**
 * Creates an objective owned by the actor. Company objectives are for admins; team objectives for
 * the team's members and manager; a parent must sit at the same or a higher level.
 * @returns errors: unknown_team, unknown_cycle, not_found, admin_only, forbidden, alignment_level
 */
export async function createObjective(deps: UseCaseDeps, actor: Actor, cmd: NewCommand): Promise<Result<Outcome, UseCaseError>> {
  if (!cmd.title) return ok({ type: 'form', form: 'new_objective', openKeyResults: [] });
  const title = cmd.title;
  const now = deps.clock.now();
  const created = await transact(deps.db, async (trx) => {
    const ws = actor.workspaceId;
    let team: TeamRow | undefined;
    if (cmd.team) {
      const resolved = await resolveTeam(trx, ws, cmd.team);
      if (!resolved.ok) return resolved;
      team = resolved.value;
    }
    const parent = cmd.parent ? await resolveObjective(trx, ws, cmd.parent) : undefined;
    if (parent && !parent.ok) return parent;
    const level: ObjectiveLevel = cmd.level ?? (team ? 'team' : 'personal');
    if (level === 'team' && !team) [team] = await teamsOfMember(trx, ws, actor.memberId);
    if (level === 'team' && !team) return fail({ code: 'unknown_team', name: '' } as const);
    if (level === 'company' && actor.role !== 'admin') return fail({ code: 'admin_only' } as const);
    if (level === 'team' && team && actor.role !== 'admin' && team.manager_id !== actor.memberId && !(await isTeamMember(trx, ws, team.id, actor.memberId))) {
      return fail({ code: 'forbidden', ref: `#${team.handle}` } as const);
    }
    if (parent?.value && LEVEL_RANK[level] < LEVEL_RANK[parent.value.level]) {
      return fail({ code: 'alignment_level', ref: title, parentRef: formatObjectiveRef(parent.value.ref) } as const);
    }
    const cycle = await cycleForNewGoal(trx, ws, localDay(now, actor.timeZone), cmd.cycle);
    if (!cycle.ok) return cycle;
    const row = await insertObjective(trx, {
      workspace_id: ws,
      cycle_id: cycle.value.id,
      title,
      level,
      owner_id: actor.memberId,
      team_id: team?.id ?? null,
      parent_id: parent?.value.id ?? null,
      weight: cmd.weight ?? 1,
    });
    await propagateProgress(trx, ws, row.parent_id);
    await writeAudit(trx, { workspaceId: ws, actorId: actor.memberId, action: 'objective.create', entityType: 'objective', entityId: row.id, after: row });
    return ok(row);
  });
  if (!created.ok) return created;
  const detail = await findObjectiveByRef(deps.db, actor.workspaceId, created.value.ref);
  const [view] = await buildObjectiveViews(deps.db, actor.workspaceId, detail ? [detail] : [], now);
  return ok({ type: 'objective_created', objective: view! });
}
