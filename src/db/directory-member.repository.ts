import { sql, type Kysely } from 'kysely';
import type { Locale, Role } from '../domain/member';
import type { Database } from './database';

type Db = Kysely<Database>;

// The member side of directory sync, set-based like directory.repository.ts: every function is
// one or two statements whatever the number of rows.

/** Creates members for people new to the workspace, as plain members without a manager yet. */
export async function insertDirectoryMembers(
  db: Db,
  workspace: { id: number; locale: Locale; timeZone: string },
  people: readonly { ref: string; name: string }[],
): Promise<{ id: number; external_id: string }[]> {
  if (people.length === 0) return [];
  const result = await sql<{ id: number; external_id: string }>`
    INSERT INTO member (workspace_id, external_id, display_name, time_zone, locale, role)
    SELECT ${workspace.id}, r, n, ${workspace.timeZone}, ${workspace.locale}, 'member'
    FROM unnest(${sql.val(people.map((p) => p.ref))}::text[], ${sql.val(people.map((p) => p.name))}::text[]) AS u (r, n)
    RETURNING id, external_id`.execute(db);
  return result.rows;
}

/** Gives members the display names the directory has for them now. */
export async function renameMembers(db: Db, workspaceId: number, renames: readonly { id: number; name: string }[], now: Date): Promise<void> {
  if (renames.length === 0) return;
  await sql`
    UPDATE member AS m SET display_name = u.name, updated_at = ${now}
    FROM unnest(${sql.val(renames.map((r) => r.id))}::bigint[], ${sql.val(renames.map((r) => r.name))}::text[]) AS u (id, name)
    WHERE m.workspace_id = ${workspaceId} AND m.id = u.id`.execute(db);
}

/**
 * Deactivates (stamping when the directory said they left) or reactivates members. Nothing else of
 * theirs changes: goals, check-ins and team memberships stay as history.
 */
export async function setMembersActive(db: Db, workspaceId: number, memberIds: readonly number[], active: boolean, now: Date): Promise<void> {
  if (memberIds.length === 0) return;
  await db
    .updateTable('member')
    .set({ active, deactivated_at: active ? null : now, updated_at: now })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', sql<number>`ANY(${sql.val([...memberIds])}::bigint[])`)
    .execute();
}

/**
 * Sets reporting lines in one statement. The `member_no_cycle` check judges the statement's end
 * state, so the caller must hand over lines that form no loop, but in any order.
 */
export async function setMemberManagers(db: Db, workspaceId: number, lines: readonly { id: number; managerId: number | null }[], now: Date): Promise<void> {
  if (lines.length === 0) return;
  await sql`
    UPDATE member AS m SET manager_id = u.manager_id, updated_at = ${now}
    FROM unnest(${sql.val(lines.map((l) => l.id))}::bigint[], ${sql.val(lines.map((l) => l.managerId))}::bigint[]) AS u (id, manager_id)
    WHERE m.workspace_id = ${workspaceId} AND m.id = u.id`.execute(db);
}

type Pair = { teamId: number; memberId: number };

/** @returns how many memberships were new. */
export async function addMemberships(db: Db, workspaceId: number, pairs: readonly Pair[]): Promise<number> {
  if (pairs.length === 0) return 0;
  const result = await sql`
    INSERT INTO team_membership (workspace_id, team_id, member_id)
    SELECT ${workspaceId}, t, m FROM unnest(${sql.val(pairs.map((p) => p.teamId))}::bigint[], ${sql.val(pairs.map((p) => p.memberId))}::bigint[]) AS u (t, m)
    ON CONFLICT DO NOTHING`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/** @returns how many memberships there were to remove. */
export async function removeMemberships(db: Db, workspaceId: number, pairs: readonly Pair[]): Promise<number> {
  if (pairs.length === 0) return 0;
  const result = await sql`
    DELETE FROM team_membership AS tm
    USING unnest(${sql.val(pairs.map((p) => p.teamId))}::bigint[], ${sql.val(pairs.map((p) => p.memberId))}::bigint[]) AS u (t, m)
    WHERE tm.workspace_id = ${workspaceId} AND tm.team_id = u.t AND tm.member_id = u.m`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/** Raises members to `role`; admins stay admins. @returns the ids whose role changed. */
export async function raiseMemberRoles(db: Db, workspaceId: number, memberIds: readonly number[], role: Exclude<Role, 'member'>, now: Date): Promise<number[]> {
  if (memberIds.length === 0) return [];
  const rows = await db
    .updateTable('member')
    .set({ role, updated_at: now })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', sql<number>`ANY(${sql.val([...memberIds])}::bigint[])`)
    .where('role', '<>', 'admin')
    .where('role', '<>', role)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** How many active admins the workspace has: none left means nobody could set it up. */
export async function countActiveAdmins(db: Db, workspaceId: number): Promise<number> {
  const row = await db
    .selectFrom('member')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
