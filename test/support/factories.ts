import type { Kysely } from 'kysely';
import type { Actor, Role } from '../../src/domain/member';
import type { Database } from '../../src/db/database';
import { insertCycle } from '../../src/db/cycle.repository';
import { insertMember, upsertWorkspace } from '../../src/db/member.repository';
import { addTeamMember, insertTeam } from '../../src/db/team.repository';

export interface Org {
  readonly workspaceId: number;
  readonly cycleId: number;
  readonly teamId: number;
  readonly admin: Actor;
  readonly manager: Actor;
  /** Reports to `manager`, member of the team. */
  readonly alice: Actor;
  /** Reports to `manager`, member of the team. */
  readonly bob: Actor;
  /** In the workspace, outside the team, reports to nobody. */
  readonly carol: Actor;
}

/**
 * A workspace with an admin, a team manager and three members, the team #eng, and a cycle
 * 2026-Q4 (Oct 1 – Dec 31). Tests run at a fixed clock inside that cycle.
 */
export async function createOrg(db: Kysely<Database>, key = 'acme'): Promise<Org> {
  const ws = await upsertWorkspace(db, { platform: 'console', externalId: key, name: key });
  const person = async (name: string, role: Role, managerId: number | null = null): Promise<Actor> => {
    const m = await insertMember(db, { workspaceId: ws.id, externalId: `${key}:${name}`, displayName: name, timeZone: 'Asia/Shanghai', locale: 'en', role, managerId });
    return { workspaceId: ws.id, memberId: m.id, role, locale: 'en', timeZone: 'Asia/Shanghai' };
  };
  const admin = await person('Admin', 'admin');
  const manager = await person('Mia', 'manager');
  const alice = await person('Alice', 'member', manager.memberId);
  const bob = await person('Bob', 'member', manager.memberId);
  const carol = await person('Carol', 'member');
  const team = await insertTeam(db, { workspaceId: ws.id, name: 'Engineering', handle: 'eng', managerId: manager.memberId });
  for (const a of [manager, alice, bob]) await addTeamMember(db, ws.id, team.id, a.memberId);
  const cycle = await insertCycle(db, { workspaceId: ws.id, name: '2026-Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' });
  return { workspaceId: ws.id, cycleId: cycle.id, teamId: team.id, admin, manager, alice, bob, carol };
}

/** Row counts of every table, to prove a refused command changed nothing. */
export async function rowCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const tables = [
    'workspace', 'member', 'member_absence', 'team', 'team_membership', 'cycle', 'objective', 'key_result', 'check_in', 'kpi', 'kpi_reading',
    'feedback', 'score', 'audit_log', 'outbox', 'ref_counter', 'workspace_holiday',
  ] as const;
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const row = await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts[t] = Number(row.n);
  }
  return counts;
}

/** A snapshot of every mutable value that a refused command must leave untouched. */
export async function goalState(db: Kysely<Database>) {
  const objectives = await db.selectFrom('objective').select(['id', 'title', 'progress', 'parent_id', 'status', 'weight']).orderBy('id').execute();
  const keyResults = await db.selectFrom('key_result').select(['id', 'current_value', 'progress', 'confidence', 'status', 'owner_id', 'kpi_id']).orderBy('id').execute();
  return { objectives, keyResults, counts: await rowCounts(db) };
}

/** A snapshot of the organisation (teams, memberships, roles, reporting lines) and every row count. */
export async function orgState(db: Kysely<Database>) {
  const teams = await db
    .selectFrom('team')
    .select([
      'id', 'workspace_id', 'name', 'handle', 'parent_id', 'manager_id', 'channel_ref', 'checkin_weekday', 'checkin_time', 'lag_threshold', 'stale_days',
      'remind_after_hours', 'escalate_after_workdays', 'digest_after_hours',
    ])
    .orderBy('id')
    .execute();
  const memberships = await db.selectFrom('team_membership').select(['workspace_id', 'team_id', 'member_id']).orderBy('team_id').orderBy('member_id').execute();
  const members = await db.selectFrom('member').select(['id', 'role', 'manager_id', 'active']).orderBy('id').execute();
  return { teams, memberships, members, counts: await rowCounts(db) };
}
