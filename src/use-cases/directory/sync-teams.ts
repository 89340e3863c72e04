import { insertDirectoryTeams, updateDirectoryTeams } from '../../db/directory.repository';
import { departmentLeader } from './directory-leaders';
import type { SyncContext, SyncedMembers } from './sync-context';
import { claimHandle, departmentHandle } from './team-handle';

/** Department teams by ref after creation; `createdIds` are the teams this sync made. */
export interface DepartmentTeams {
  readonly idByRef: ReadonlyMap<string, number>;
  readonly createdIds: ReadonlySet<number>;
}

/**
 * Creates a team for every department without one (matched by `team.external_ref`). They start
 * without parent or manager: both may be rows this sync has yet to create.
 */
export async function createDepartmentTeams(ctx: SyncContext): Promise<DepartmentTeams> {
  const idByRef = new Map<string, number>();
  for (const t of ctx.before.teams) if (t.external_ref !== null) idByRef.set(t.external_ref, t.id);
  const taken = new Set(ctx.before.teams.map((t) => t.handle.toLowerCase()));
  const fresh = [...ctx.dir.departments.values()]
    .filter((d) => !idByRef.has(d.ref))
    .map((d) => ({ ref: d.ref, name: d.name, handle: claimHandle(departmentHandle(d.name, d.ref), taken) }));
  const created = await insertDirectoryTeams(ctx.trx, ctx.workspaceId, fresh);
  for (const c of created) idByRef.set(c.external_ref, c.id);
  return { idByRef, createdIds: new Set(created.map((c) => c.id)) };
}

/**
 * Brings every department team's name, parent and manager in line with the directory. When the
 * directory names no known leader, a manager set by hand stays — unless they are no longer active.
 * @returns how many teams that existed before changed, and each department team's manager now.
 */
export async function linkDepartmentTeams(
  ctx: SyncContext,
  teams: DepartmentTeams,
  members: SyncedMembers,
): Promise<{ teamsUpdated: number; managerIds: number[] }> {
  const before = new Map(ctx.before.teams.map((t) => [t.id, t]));
  const changes: { id: number; name: string; parentId: number | null; managerId: number | null }[] = [];
  const managerIds: number[] = [];
  let teamsUpdated = 0;
  for (const d of ctx.dir.departments.values()) {
    const id = teams.idByRef.get(d.ref);
    if (id === undefined) throw new Error(`directory sync: no team for department ${d.ref}`);
    const current = before.get(id) ?? { name: d.name, parent_id: null, manager_id: null };
    const parentId = d.parentRef === null ? null : (teams.idByRef.get(d.parentRef) ?? null);
    const leader = departmentLeader(ctx.dir, d);
    const kept = current.manager_id !== null && members.syncedIds.has(current.manager_id) ? current.manager_id : null;
    const managerId = (leader === null ? undefined : members.idByRef.get(leader)) ?? kept;
    if (managerId !== null) managerIds.push(managerId);
    if (current.name === d.name && current.parent_id === parentId && current.manager_id === managerId) continue;
    changes.push({ id, name: d.name, parentId, managerId });
    if (!teams.createdIds.has(id)) teamsUpdated += 1;
  }
  await updateDirectoryTeams(ctx.trx, ctx.workspaceId, changes);
  return { teamsUpdated, managerIds };
}
