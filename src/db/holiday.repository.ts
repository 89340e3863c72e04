import { sql, type Kysely } from 'kysely';
import type { Database } from './database';
import type { SchedulingWorkspace } from './scheduling.repository';

type Db = Kysely<Database>;

/** A workspace's own calendar day (`workspace_holiday`). */
export interface HolidayRow {
  day: string;
  kind: 'holiday' | 'workday';
  name: string;
}

/** What decides a workspace's official calendar: its choice in `settings`, else its platform and language. */
export type WorkspaceCalendarRow = SchedulingWorkspace;

/**
 * The workspace row, locked when `lock` is set so the calendar changes of one workspace happen
 * one after the other (two admins adding the same day both see what the other did).
 */
export async function findWorkspaceCalendar(db: Db, workspaceId: number, lock = false): Promise<WorkspaceCalendarRow | undefined> {
  const query = db
    .selectFrom('workspace')
    .select(['id', 'platform', 'external_id', 'default_time_zone', 'default_locale', 'settings'])
    .where('id', '=', workspaceId);
  const row = await (lock ? query.forUpdate() : query).executeTakeFirst();
  return row && { ...row, settings: (row.settings ?? {}) as Record<string, unknown> };
}

/** Sets one key of `workspace.settings`, leaving the others as they are. */
export async function setWorkspaceSetting(db: Db, workspaceId: number, key: string, value: string | number | boolean | null): Promise<void> {
  const patch = JSON.stringify({ [key]: value });
  await db
    .updateTable('workspace')
    .set({ settings: sql<string>`settings || ${patch}::jsonb` })
    .where('id', '=', workspaceId)
    .execute();
}

/** The workspace's own days from `fromDay` to `toDay` (inclusive), in day order. */
export function listWorkspaceHolidays(db: Db, workspaceId: number, fromDay: string, toDay: string): Promise<HolidayRow[]> {
  return db
    .selectFrom('workspace_holiday')
    .select(['day', 'kind', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay)
    .orderBy('day')
    .execute();
}

export function findWorkspaceHoliday(db: Db, workspaceId: number, day: string): Promise<HolidayRow | undefined> {
  return db.selectFrom('workspace_holiday').select(['day', 'kind', 'name']).where('workspace_id', '=', workspaceId).where('day', '=', day).executeTakeFirst();
}

/** Adds the day, or changes its kind and name when the workspace already had it. */
export async function upsertWorkspaceHoliday(db: Db, workspaceId: number, row: HolidayRow): Promise<HolidayRow> {
  return db
    .insertInto('workspace_holiday')
    .values({ workspace_id: workspaceId, day: row.day, kind: row.kind, name: row.name })
    .onConflict((oc) => oc.columns(['workspace_id', 'day']).doUpdateSet({ kind: row.kind, name: row.name }))
    .returning(['day', 'kind', 'name'])
    .executeTakeFirstOrThrow();
}

/** Removes the day; the removed row, or undefined when the workspace had no such day. */
export function deleteWorkspaceHoliday(db: Db, workspaceId: number, day: string): Promise<HolidayRow | undefined> {
  return db
    .deleteFrom('workspace_holiday')
    .where('workspace_id', '=', workspaceId)
    .where('day', '=', day)
    .returning(['day', 'kind', 'name'])
    .executeTakeFirst();
}
