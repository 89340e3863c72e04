import type { Locale } from '../../domain/member';
import { insertDirectoryMembers, renameMembers, setMembersActive } from '../../db/directory-member.repository';
import type { SyncContext, SyncedMembers } from './sync-context';

export interface MemberCounts {
  readonly membersCreated: number;
  readonly membersUpdated: number;
  readonly membersDeactivated: number;
  readonly membersReactivated: number;
}

/**
 * People → members: new active people are created, names follow the directory, people who left
 * or are missing are deactivated, people back again are reactivated. Nobody is deleted.
 */
export async function syncMembers(
  ctx: SyncContext,
  defaults: { locale: Locale; timeZone: string },
): Promise<{ members: SyncedMembers; counts: MemberCounts }> {
  const { trx, workspaceId, now, dir } = ctx;
  const existing = new Map(ctx.before.members.map((m) => [m.external_id, m]));

  // Someone who left before we ever saw them has no history to keep: no member for them.
  const fresh = [...dir.people.values()].filter((p) => p.active && !existing.has(p.ref));
  const renames: { id: number; name: string }[] = [];
  const leaving: number[] = [];
  const returning: number[] = [];
  for (const m of ctx.before.members) {
    const person = dir.people.get(m.external_id);
    if (person && person.name !== m.display_name) renames.push({ id: m.id, name: person.name });
    const active = person?.active === true;
    if (m.active && !active) leaving.push(m.id);
    if (!m.active && active) returning.push(m.id);
  }

  const created = await insertDirectoryMembers(trx, { id: workspaceId, ...defaults }, fresh.map((p) => ({ ref: p.ref, name: p.name })));
  await renameMembers(trx, workspaceId, renames, now);
  await setMembersActive(trx, workspaceId, leaving, false, now);
  await setMembersActive(trx, workspaceId, returning, true, now);

  const idByRef = new Map<string, number>([...ctx.before.members.map((m) => [m.external_id, m.id] as const), ...created.map((c) => [c.external_id, c.id] as const)]);
  // Everyone the snapshot does not list as active ends up inactive, so these are also exactly the
  // workspace's active members after the sync.
  const syncedIds = new Set<number>();
  for (const person of dir.people.values()) {
    const id = idByRef.get(person.ref);
    if (id !== undefined && person.active) syncedIds.add(id);
  }
  return {
    members: { idByRef, syncedIds },
    counts: { membersCreated: created.length, membersUpdated: renames.length, membersDeactivated: leaving.length, membersReactivated: returning.length },
  };
}
