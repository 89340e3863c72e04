import { sql, type Kysely } from 'kysely';
import type { Database, TeamRow } from './database';
import { escapeLike } from './member.repository';

type Db = Kysely<Database>;

/** A team by channel id, handle (`eng`) or name, case-insensitively. */
export async function findTeam(db: Db, workspaceId: number, ref: { id?: string; name?: string }): Promise<TeamRow | undefined> {
  if (ref.id) {
    const byChannel = await db
      .selectFrom('team')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('channel_ref', '=', ref.id)
      .executeTakeFirst();
    if (byChannel) return byChannel;
  }
  const name = (ref.name ?? '').toLowerCase();
  if (!name) return undefined;
  return db
    .selectFrom('team')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb.or([eb(sql`lower(handle)`, '=', name), eb(sql`lower(name)`, '=', name)]))
    .orderBy('id')
    .executeTakeFirst();
}

export function suggestTeams(db: Db, workspaceId: number, text: string): Promise<{ handle: string }[]> {
  return db
    .selectFrom('team')
    .select('handle')
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb(sql`lower(handle)`, 'like', `%${escapeLike(text.toLowerCase().slice(0, 3))}%`))
    .limit(3)
    .execute();
}

/** Teams the member belongs to, first joined first: the first is their "home" team. */
export function teamsOfMember(db: Db, workspaceId: number, memberId: number): Promise<TeamRow[]> {
  return db
    .selectFrom('team')
    .innerJoin('team_membership as tm', (j) => j.onRef('tm.team_id', '=', 'team.id').onRef('tm.workspace_id', '=', 'team.workspace_id'))
    .selectAll('team')
    .where('tm.workspace_id', '=', workspaceId)
    .where('tm.member_id', '=', memberId)
    .orderBy('tm.created_at')
    .orderBy('team.id')
    .execute();
}

export async function isTeamMember(db: Db, workspaceId: number, teamId: number, memberId: number): Promise<boolean> {
  const row = await db
    .selectFrom('team_membership')
    .select('member_id')
    .where('workspace_id', '=', workspaceId)
    .where('team_id', '=', teamId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function countTeamMembers(db: Db, workspaceId: number, teamId: number): Promise<number> {
  const row = await db
    .selectFrom('team_membership')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('team_id', '=', teamId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findTeamById(db: Db, workspaceId: number, teamId: number): Promise<TeamRow | undefined> {
  return db.selectFrom('team').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', teamId).executeTakeFirst();
}

export function insertTeam(
  db: Db,
  t: { workspaceId: number; name: string; handle: string; parentId?: number | null; managerId?: number | null; channelRef?: string | null },
): Promise<TeamRow> {
  return db
    .insertInto('team')
    .values({
      workspace_id: t.workspaceId,
      name: t.name,
      handle: t.handle,
      parent_id: t.parentId ?? null,
      manager_id: t.managerId ?? null,
      channel_ref: t.channelRef ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function addTeamMember(db: Db, workspaceId: number, teamId: number, memberId: number): Promise<void> {
  await db
    .insertInto('team_membership')
    .values({ workspace_id: workspaceId, team_id: teamId, member_id: memberId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Every team of a workspace by name, capped — a select offers at most 100 options. */
export function listTeams(db: Db, workspaceId: number, limit = 100): Promise<TeamRow[]> {
  return db.selectFrom('team').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').limit(limit).execute();
}
