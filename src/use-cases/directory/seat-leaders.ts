import type { Role } from '../../domain/member';
import { countActiveAdmins, raiseMemberRoles } from '../../db/directory-member.repository';
import { rootDepartment } from './directory-leaders';
import type { SyncContext, SyncedMembers } from './sync-context';

export interface RoleChange {
  readonly memberId: number;
  readonly before: Role;
  readonly after: Role;
  readonly reason: string;
}

/**
 * Roles follow what the directory makes people, never downwards: a department's manager is at
 * least a manager by role (as `team manager` does by hand), and when no active admin is left the
 * root department's leaders become admins, so someone can always set the workspace up.
 * @returns the role changes, for the audit log.
 */
export async function seatLeaders(ctx: SyncContext, members: SyncedMembers, teamManagerIds: readonly number[]): Promise<RoleChange[]> {
  const roleOf = new Map<number, Role>(ctx.before.members.map((m) => [m.id, m.role]));
  const changes: RoleChange[] = [];
  const raise = async (ids: readonly number[], role: 'manager' | 'admin', reason: string) => {
    for (const id of await raiseMemberRoles(ctx.trx, ctx.workspaceId, [...new Set(ids)], role, ctx.now)) {
      changes.push({ memberId: id, before: roleOf.get(id) ?? 'member', after: role, reason });
      roleOf.set(id, role);
    }
  };
  // Admins first, so a root leader goes straight to admin rather than through manager.
  if ((await countActiveAdmins(ctx.trx, ctx.workspaceId)) === 0) {
    const root = rootDepartment(ctx.dir);
    const leaders = (root?.leaderRefs ?? []).map((ref) => members.idByRef.get(ref)).filter((id): id is number => id !== undefined && members.syncedIds.has(id));
    await raise(leaders, 'admin', 'leads the root department and the workspace had no admin');
  }
  await raise(teamManagerIds, 'manager', 'leads a directory department');
  return changes;
}
