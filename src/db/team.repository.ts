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

/** Adds a member to a team; false when they already were in it. */
export async function addTeamMember(db: Db, workspaceId: number, teamId: number, memberId: number): Promise<boolean> {
  const inserted = await db
    .insertInto('team_membership')
    .values({ workspace_id: workspaceId, team_id: teamId, member_id: memberId })
    .onConflict((oc) => oc.doNothing())
    .returning('member_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Takes a member out of a team; false when they were not in it. */
export async function removeTeamMember(db: Db, workspaceId: number, teamId: number, memberId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('team_membership')
    .where('workspace_id', '=', workspaceId)
    .where('team_id', '=', teamId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** A team by handle, case-insensitively (handles are unique per workspace, and people type them in any case). */
export function findTeamByHandle(db: Db, workspaceId: number, handle: string): Promise<TeamRow | undefined> {
  return db
    .selectFrom('team')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where(sql`lower(handle)`, '=', handle.toLowerCase())
    .orderBy('id')
    .executeTakeFirst();
}

/** Creates a team unless its handle is taken (then undefined), so two concurrent creations cannot both win. */
export function insertTeamIfNew(
  db: Db,
  t: { workspaceId: number; name: string; handle: string; parentId: number | null; managerId: number | null; channelRef: string | null },
): Promise<TeamRow | undefined> {
  return db
    .insertInto('team')
    .values({ workspace_id: t.workspaceId, name: t.name, handle: t.handle, parent_id: t.parentId, manager_id: t.managerId, channel_ref: t.channelRef })
    .onConflict((oc) => oc.columns(['workspace_id', 'handle']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export interface TeamChanges {
  readonly managerId?: number | null;
  readonly checkinWeekday?: number;
  readonly checkinTime?: string;
  readonly lagThreshold?: number;
  readonly staleDays?: number;
  readonly channelRef?: string | null;
  readonly remindAfterHours?: number;
  readonly escalateAfterWorkdays?: number;
  readonly digestAfterHours?: number;
}

/** Changes a team's manager and settings; absent fields stay. Returns the row as it is now. */
export async function updateTeam(db: Db, workspaceId: number, teamId: number, c: TeamChanges): Promise<TeamRow> {
  const set = {
    ...(c.managerId !== undefined ? { manager_id: c.managerId } : {}),
    ...(c.checkinWeekday !== undefined ? { checkin_weekday: c.checkinWeekday } : {}),
    ...(c.checkinTime !== undefined ? { checkin_time: c.checkinTime } : {}),
    ...(c.lagThreshold !== undefined ? { lag_threshold: c.lagThreshold } : {}),
    ...(c.staleDays !== undefined ? { stale_days: c.staleDays } : {}),
    ...(c.channelRef !== undefined ? { channel_ref: c.channelRef } : {}),
    ...(c.remindAfterHours !== undefined ? { remind_after_hours: c.remindAfterHours } : {}),
    ...(c.escalateAfterWorkdays !== undefined ? { escalate_after_workdays: c.escalateAfterWorkdays } : {}),
    ...(c.digestAfterHours !== undefined ? { digest_after_hours: c.digestAfterHours } : {}),
  };
  if (Object.keys(set).length === 0) {
    return db.selectFrom('team').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', teamId).executeTakeFirstOrThrow();
  }
  return db.updateTable('team').set(set).where('workspace_id', '=', workspaceId).where('id', '=', teamId).returningAll().executeTakeFirstOrThrow();
}

/** Teams a member manages, oldest first. */
export function teamsManagedBy(db: Db, workspaceId: number, memberId: number): Promise<TeamRow[]> {
  return db.selectFrom('team').selectAll().where('workspace_id', '=', workspaceId).where('manager_id', '=', memberId).orderBy('id').execute();
}

/** What the organisation replies show about a team besides its row: parent handle, manager name, member count. */
export async function teamContext(
  db: Db,
  workspaceId: number,
  team: Pick<TeamRow, 'id' | 'parent_id' | 'manager_id'>,
): Promise<{ parentHandle: string | null; managerName: string | null; members: number }> {
  const parent = team.parent_id === null ? undefined : await db.selectFrom('team').select('handle').where('workspace_id', '=', workspaceId).where('id', '=', team.parent_id).executeTakeFirst();
  const manager = team.manager_id === null ? undefined : await db.selectFrom('member').select('display_name').where('workspace_id', '=', workspaceId).where('id', '=', team.manager_id).executeTakeFirst();
  return { parentHandle: parent?.handle ?? null, managerName: manager?.display_name ?? null, members: await countTeamMembers(db, workspaceId, team.id) };
}

/** Every team of a workspace by name, capped — a select offers at most 100 options. */
export function listTeams(db: Db, workspaceId: number, limit = 100): Promise<TeamRow[]> {
  return db.selectFrom('team').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').limit(limit).execute();
}
