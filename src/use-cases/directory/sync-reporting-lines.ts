import { setMemberManagers } from '../../db/directory-member.repository';
import { linksClosingCycles } from './break-cycles';
import { personManager } from './directory-leaders';
import type { SyncContext, SyncedMembers } from './sync-context';

/**
 * Sets each active person's manager to the one the directory names (see `personManager`). When it
 * names no one, a manager set by hand stays unless they are no longer active. Leaders who name each
 * other (A reports to B, B to A) would close a loop the schema refuses: the link that closes it is
 * dropped, the same one on every run.
 * @returns how many members' manager changed (set, replaced or cleared).
 */
export async function syncReportingLines(ctx: SyncContext, members: SyncedMembers): Promise<number> {
  const current = new Map(ctx.before.members.map((m) => [m.id, m.manager_id]));
  const desired = new Map<number, number | null>();
  for (const person of ctx.dir.people.values()) {
    const id = members.idByRef.get(person.ref);
    if (id === undefined || !members.syncedIds.has(id)) continue;
    const named = personManager(ctx.dir, person);
    const was = current.get(id) ?? null;
    const kept = was !== null && members.syncedIds.has(was) ? was : null;
    desired.set(id, (named === null ? undefined : members.idByRef.get(named)) ?? kept);
  }
  // The stored lines form no loop (the schema sees to it), so every loop runs through a changed
  // line — one of `desired` — and starting from those finds them all.
  const managerOf = (id: number): number | null => (desired.has(id) ? (desired.get(id) ?? null) : (current.get(id) ?? null));
  const cut = linksClosingCycles(desired.keys(), managerOf, (id) => desired.has(id));
  const lines: { id: number; managerId: number | null }[] = [];
  for (const [id, managerId] of desired) {
    const next = cut.has(id) ? null : managerId;
    if (next !== (current.get(id) ?? null)) lines.push({ id, managerId: next });
  }
  await setMemberManagers(ctx.trx, ctx.workspaceId, lines, ctx.now);
  return lines.length;
}
