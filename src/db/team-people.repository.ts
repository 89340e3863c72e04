import type { Kysely } from 'kysely';
import type { Database } from './database';

// Teams with the platform ids of their active people, for mirroring teams into group chats.

/** A team, its channel, its manager's and its members' platform ids (manager first when not a member). */
export interface TeamPeople {
  readonly id: number;
  readonly name: string;
  readonly channelRef: string | null;
  readonly manager: string | null;
  readonly people: string[];
}

export async function teamsWithActivePeople(db: Kysely<Database>, workspaceId: number): Promise<TeamPeople[]> {
  const rows = await db
    .selectFrom('team as t')
    .leftJoin('member as mgr', (j) => j.onRef('mgr.workspace_id', '=', 't.workspace_id').onRef('mgr.id', '=', 't.manager_id').on('mgr.active', '=', true))
    .leftJoin('team_membership as tm', (j) => j.onRef('tm.workspace_id', '=', 't.workspace_id').onRef('tm.team_id', '=', 't.id'))
    .leftJoin('member as m', (j) => j.onRef('m.workspace_id', '=', 'tm.workspace_id').onRef('m.id', '=', 'tm.member_id').on('m.active', '=', true))
    .select(['t.id', 't.name', 't.channel_ref', 'mgr.external_id as manager', 'm.external_id as person'])
    .where('t.workspace_id', '=', workspaceId)
    .orderBy('t.id')
    .orderBy('m.id')
    .execute();
  const teams = new Map<number, TeamPeople>();
  for (const r of rows) {
    const id = Number(r.id);
    const team = teams.get(id) ?? { id, name: r.name, channelRef: r.channel_ref, manager: r.manager, people: [] };
    if (r.person !== null && !team.people.includes(r.person)) team.people.push(r.person);
    teams.set(id, team);
  }
  for (const t of teams.values()) if (t.manager !== null && !t.people.includes(t.manager)) t.people.unshift(t.manager);
  return [...teams.values()];
}

/** Records the team's chat unless someone set a channel meanwhile. */
export async function setTeamChannelIfUnset(db: Kysely<Database>, workspaceId: number, teamId: number, channelRef: string): Promise<void> {
  await db.updateTable('team').set({ channel_ref: channelRef }).where('workspace_id', '=', workspaceId).where('id', '=', teamId).where('channel_ref', 'is', null).execute();
}
