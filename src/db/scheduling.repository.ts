import { sql, type Kysely } from 'kysely';
import type { Database, Platform } from './database';

type Db = Kysely<Database>;

/** A workspace as the scheduler sees it: its default zone and calendar settings. */
export interface SchedulingWorkspace {
  id: number;
  platform: Platform;
  external_id: string;
  default_time_zone: string;
  default_locale: 'en' | 'zh-CN';
  settings: Record<string, unknown>;
}

export async function listSchedulingWorkspaces(db: Db): Promise<SchedulingWorkspace[]> {
  const rows = await db.selectFrom('workspace').select(['id', 'platform', 'external_id', 'default_time_zone', 'default_locale', 'settings']).orderBy('id').execute();
  return rows.map((r) => ({ ...r, settings: (r.settings ?? {}) as Record<string, unknown> }));
}

/**
 * A member who owns open key results, with the check-in settings of their home team (the first
 * team they belong to; none: the workspace defaults).
 */
export interface SchedulingMember {
  id: number;
  workspace_id: number;
  time_zone: string;
  snoozed_until: Date | null;
  manager_id: number | null;
  team_id: number | null;
  team_manager_id: number | null;
  checkin_weekday: number | null;
  checkin_time: string | null;
  remind_after_hours: number | null;
  escalate_after_workdays: number | null;
}

/** One page of members to plan for, in id order (keyset pagination). */
export async function listSchedulingMembers(db: Db, afterId: number, limit: number): Promise<SchedulingMember[]> {
  const result = await sql<SchedulingMember>`
    SELECT m.id, m.workspace_id, m.time_zone, m.snoozed_until, m.manager_id,
           ht.id AS team_id, ht.manager_id AS team_manager_id, ht.checkin_weekday, ht.checkin_time,
           ht.remind_after_hours, ht.escalate_after_workdays
    FROM member m
    LEFT JOIN LATERAL (
      SELECT t.id, t.manager_id, t.checkin_weekday, t.checkin_time, t.remind_after_hours, t.escalate_after_workdays
      FROM team_membership tm JOIN team t ON t.workspace_id = tm.workspace_id AND t.id = tm.team_id
      WHERE tm.workspace_id = m.workspace_id AND tm.member_id = m.id
      ORDER BY t.id LIMIT 1) ht ON true
    WHERE m.active AND m.id > ${afterId}
      AND EXISTS (
        SELECT 1 FROM key_result k JOIN objective o ON o.workspace_id = k.workspace_id AND o.id = k.objective_id
        WHERE k.workspace_id = m.workspace_id AND k.owner_id = m.id AND k.status = 'active' AND o.status = 'active')
    ORDER BY m.id
    LIMIT ${limit}`.execute(db);
  return result.rows;
}

/** `member:period` of every prompt planned since `since` (a week and a bit covers any period). */
export async function plannedPrompts(db: Db, since: Date): Promise<Set<string>> {
  const rows = await db.selectFrom('check_in_prompt').select(['member_id', 'period']).where('due_at', '>=', since).execute();
  return new Set(rows.map((r) => `${r.member_id}:${r.period}`));
}

/** Members away on any day between the two days (inclusive), with their ranges. */
export async function absencesAround(db: Db, fromDay: string, toDay: string): Promise<Map<number, { starts_on: string; ends_on: string }[]>> {
  const rows = await db
    .selectFrom('member_absence')
    .select(['member_id', 'starts_on', 'ends_on'])
    .where('starts_on', '<=', toDay)
    .where('ends_on', '>=', fromDay)
    .execute();
  const byMember = new Map<number, { starts_on: string; ends_on: string }[]>();
  for (const r of rows) {
    const list = byMember.get(r.member_id) ?? [];
    list.push({ starts_on: r.starts_on, ends_on: r.ends_on });
    byMember.set(r.member_id, list);
  }
  return byMember;
}

export async function workspaceHolidays(db: Db): Promise<Map<number, { day: string; kind: 'holiday' | 'workday' }[]>> {
  const rows = await db.selectFrom('workspace_holiday').select(['workspace_id', 'day', 'kind']).execute();
  const byWorkspace = new Map<number, { day: string; kind: 'holiday' | 'workday' }[]>();
  for (const r of rows) {
    const list = byWorkspace.get(r.workspace_id) ?? [];
    list.push({ day: r.day, kind: r.kind });
    byWorkspace.set(r.workspace_id, list);
  }
  return byWorkspace;
}

/** Claims a once-per-period job for a workspace; false when someone already ran it. */
export async function claimJobRun(db: Db, workspaceId: number, job: string, period: string, now: Date): Promise<boolean> {
  const rows = await db
    .insertInto('job_run')
    .values({ workspace_id: workspaceId, job, period, created_at: now })
    .onConflict((oc) => oc.columns(['workspace_id', 'job', 'period']).doNothing())
    .returning('period')
    .execute();
  return rows.length > 0;
}
