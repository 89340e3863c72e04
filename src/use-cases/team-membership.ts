import type { MemberRef, TeamRef } from '../domain/command/command';
import { canManageTeam } from '../domain/authorization';
import type { Actor } from '../domain/member';
import { fail, ok, type Result } from '../domain/result';
import { writeAudit } from '../db/audit.repository';
import { addTeamMember, isTeamMember, removeTeamMember, updateTeam } from '../db/team.repository';
import type { UseCaseDeps } from './deps';
import { currentActor, seatManager, teamLabel, teamView } from './org-access';
import type { Outcome, TeamField, UseCaseError } from './outcome';
import { resolveMember, resolveTeam } from './resolve-member';
import { transact } from './transact';

/**
 * `team add @alice #eng` / `team remove @alice #eng`: admins, or the team's manager. Adding someone
 * who is already in (or removing someone who is not) changes nothing and says so. Removing the
 * team's manager from its members leaves them its manager.
 * @returns errors: not_found, unknown_team, forbidden (kind team), unknown_member, ambiguous
 */
export async function changeTeamMembership(
  deps: UseCaseDeps,
  actor: Actor,
  action: 'add' | 'remove',
  memberRef: MemberRef,
  teamRef: TeamRef,
): Promise<Result<Outcome, UseCaseError>> {
  const ws = actor.workspaceId;
  return transact(deps.db, async (trx) => {
    const me = await currentActor(trx, actor);
    const team = await resolveTeam(trx, ws, teamRef);
    if (!team.ok) return team;
    if (!canManageTeam(me, { managerId: team.value.manager_id })) return fail({ code: 'forbidden', ref: teamLabel(team.value), kind: 'team' } as const);
    const member = await resolveMember(trx, ws, memberRef);
    if (!member.ok) return member;
    const changed =
      action === 'add' ? await addTeamMember(trx, ws, team.value.id, member.value.id) : await removeTeamMember(trx, ws, team.value.id, member.value.id);
    if (changed) {
      await writeAudit(trx, {
        workspaceId: ws, actorId: actor.memberId, action: action === 'add' ? 'team.member_add' : 'team.member_remove', entityType: 'team', entityId: team.value.id,
        ...(action === 'add' ? { after: { member_id: member.value.id } } : { before: { member_id: member.value.id } }),
      });
    }
    return ok({ type: 'team_member_changed', team: await teamView(trx, ws, team.value), memberName: member.value.display_name, action, changed } as const);
  });
}

/**
 * `team manager #eng @bob`: admins only. Bob becomes the team's manager and a member of it, and a
 * manager by role if he was only a member. The previous manager stays in the team with their role.
 * @returns errors: admin_only, not_found, unknown_team, unknown_member, ambiguous
 */
export async function setTeamManager(deps: UseCaseDeps, actor: Actor, teamRef: TeamRef, managerRef: MemberRef): Promise<Result<Outcome, UseCaseError>> {
  const ws = actor.workspaceId;
  return transact(deps.db, async (trx) => {
    const me = await currentActor(trx, actor);
    if (me.role !== 'admin') return fail({ code: 'admin_only' } as const);
    const team = await resolveTeam(trx, ws, teamRef);
    if (!team.ok) return team;
    const manager = await resolveMember(trx, ws, managerRef);
    if (!manager.ok) return manager;
    const fields: TeamField[] = [];
    const wasMember = await isTeamMember(trx, ws, team.value.id, manager.value.id);
    if (await seatManager(trx, me, team.value, manager.value)) fields.push('role');
    let row = team.value;
    if (row.manager_id !== manager.value.id) {
      row = await updateTeam(trx, ws, row.id, { managerId: manager.value.id });
      await writeAudit(trx, {
        workspaceId: ws, actorId: actor.memberId, action: 'team.manager', entityType: 'team', entityId: row.id,
        before: { manager_id: team.value.manager_id }, after: { manager_id: manager.value.id },
      });
      fields.unshift('manager');
    } else if (!wasMember) {
      await writeAudit(trx, { workspaceId: ws, actorId: actor.memberId, action: 'team.member_add', entityType: 'team', entityId: row.id, after: { member_id: manager.value.id } });
    }
    return ok({ type: 'team_changed', team: await teamView(trx, ws, row), fields } as const);
  });
}
