import { addMemberships, removeMemberships } from '../../db/directory-member.repository';
import type { SyncContext, SyncedMembers } from './sync-context';
import type { DepartmentTeams } from './sync-teams';

/**
 * Each active person's department teams become exactly their departments. Teams made by hand are
 * not the directory's to change, and people who left keep theirs as history.
 */
export async function syncMemberships(
  ctx: SyncContext,
  teams: DepartmentTeams,
  members: SyncedMembers,
): Promise<{ membershipsAdded: number; membershipsRemoved: number }> {
  const key = (teamId: number, memberId: number) => `${teamId}:${memberId}`;
  const wanted = new Map<string, { teamId: number; memberId: number }>();
  for (const person of ctx.dir.people.values()) {
    const memberId = members.idByRef.get(person.ref);
    if (memberId === undefined || !members.syncedIds.has(memberId)) continue;
    for (const ref of person.departmentRefs) {
      const teamId = teams.idByRef.get(ref);
      if (teamId !== undefined) wanted.set(key(teamId, memberId), { teamId, memberId });
    }
  }
  const have = new Set<string>();
  const stale: { teamId: number; memberId: number }[] = [];
  for (const m of ctx.before.memberships) {
    const k = key(m.team_id, m.member_id);
    have.add(k);
    if (members.syncedIds.has(m.member_id) && !wanted.has(k)) stale.push({ teamId: m.team_id, memberId: m.member_id });
  }
  const fresh = [...wanted].filter(([k]) => !have.has(k)).map(([, pair]) => pair);
  return {
    membershipsAdded: await addMemberships(ctx.trx, ctx.workspaceId, fresh),
    membershipsRemoved: await removeMemberships(ctx.trx, ctx.workspaceId, stale),
  };
}
