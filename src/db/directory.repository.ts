import { sql, type Kysely } from 'kysely';
import type { Role } from '../domain/member';
import type { Database } from './database';

type Db = Kysely<Database>;

// Directory sync reads a workspace's whole organisation once and writes it back in a handful of
// set-based statements: rows travel as arrays (unnest), so 10,000 people cost a few round trips,
// not 10,000. Team statements live here; member statements in directory-member.repository.ts.

export interface DirectoryTeamRow {
  id: number;
  external_ref: string | null;
  name: string;
  handle: string;
  parent_id: number | null;
  manager_id: number | null;
}

export interface DirectoryMemberRow {
  id: number;
  external_id: string;
  display_name: string;
  active: boolean;
  role: Role;
  manager_id: number | null;
}

export interface DirectoryState {
  /** Every team of the workspace, mirrored or made by hand (their handles are taken too). */
  teams: DirectoryTeamRow[];
  members: DirectoryMemberRow[];
  /** Memberships in mirrored teams only: teams made by hand keep the members people gave them. */
  memberships: { team_id: number; member_id: number }[];
}

/**
 * Serialises syncs of one workspace until the transaction ends: two overlapping syncs would each
 * create the same new teams and members.
 */
export async function lockDirectorySync(db: Db, workspaceId: number): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`directory_sync:${workspaceId}`}, 0))`.execute(db);
}

/** The organisation as the database holds it now, in id order. */
export async function loadDirectoryState(db: Db, workspaceId: number): Promise<DirectoryState> {
  const teams = await db
    .selectFrom('team')
    .select(['id', 'external_ref', 'name', 'handle', 'parent_id', 'manager_id'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .execute();
  const members = await db
    .selectFrom('member')
    .select(['id', 'external_id', 'display_name', 'active', 'role', 'manager_id'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .execute();
  const memberships = await db
    .selectFrom('team_membership as tm')
    .innerJoin('team as t', (j) => j.onRef('t.workspace_id', '=', 'tm.workspace_id').onRef('t.id', '=', 'tm.team_id'))
    .select(['tm.team_id', 'tm.member_id'])
    .where('tm.workspace_id', '=', workspaceId)
    .where('t.external_ref', 'is not', null)
    .execute();
  return { teams, members, memberships };
}

/** Creates teams for new departments, with no parent or manager yet (those may be new too). */
export async function insertDirectoryTeams(
  db: Db,
  workspaceId: number,
  teams: readonly { ref: string; name: string; handle: string }[],
): Promise<{ id: number; external_ref: string }[]> {
  if (teams.length === 0) return [];
  const result = await sql<{ id: number; external_ref: string }>`
    INSERT INTO team (workspace_id, external_ref, name, handle)
    SELECT ${workspaceId}, r, n, h
    FROM unnest(${sql.val(teams.map((t) => t.ref))}::text[], ${sql.val(teams.map((t) => t.name))}::text[],
                ${sql.val(teams.map((t) => t.handle))}::text[]) AS u (r, n, h)
    RETURNING id, external_ref`.execute(db);
  return result.rows;
}

/**
 * Sets name, parent and manager of teams in one statement. The `team_no_cycle` check judges the
 * statement's end state, so the caller must hand over a tree, but moves may come in any order.
 */
export async function updateDirectoryTeams(
  db: Db,
  workspaceId: number,
  teams: readonly { id: number; name: string; parentId: number | null; managerId: number | null }[],
): Promise<void> {
  if (teams.length === 0) return;
  await sql`
    UPDATE team AS t SET name = u.name, parent_id = u.parent_id, manager_id = u.manager_id
    FROM unnest(${sql.val(teams.map((t) => t.id))}::bigint[], ${sql.val(teams.map((t) => t.name))}::text[],
                ${sql.val(teams.map((t) => t.parentId))}::bigint[], ${sql.val(teams.map((t) => t.managerId))}::bigint[]) AS u (id, name, parent_id, manager_id)
    WHERE t.workspace_id = ${workspaceId} AND t.id = u.id`.execute(db);
}

/** Appends audit rows in one statement; the sync's role changes and its summary. */
export async function insertAuditEntries(
  db: Db,
  workspaceId: number,
  entries: readonly { action: string; entityType: string; entityId: number; before: unknown; after: unknown }[],
): Promise<void> {
  if (entries.length === 0) return;
  const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
  await sql`
    INSERT INTO audit_log (workspace_id, actor_id, action, entity_type, entity_id, before, after)
    SELECT ${workspaceId}, NULL, a, t, i, b::jsonb, f::jsonb
    FROM unnest(${sql.val(entries.map((e) => e.action))}::text[], ${sql.val(entries.map((e) => e.entityType))}::text[],
                ${sql.val(entries.map((e) => e.entityId))}::bigint[], ${sql.val(entries.map((e) => json(e.before)))}::text[],
                ${sql.val(entries.map((e) => json(e.after)))}::text[]) AS u (a, t, i, b, f)`.execute(db);
}
