import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/database';

// Workspaces for the scheduler bench, seeded in bulk SQL (generate_series): every member owns one
// open key result in an active cycle, and the workspace's default slot has fallen due for all of
// them at TICK_AT.

/** Wednesday 2026-11-18 12:00 UTC: Wednesday 02:00 in Honolulu, Thursday 01:00 in Auckland. */
export const TICK_AT = new Date('2026-11-18T12:00:00Z');

/**
 * Monday 09:00 local: passed in every zone below at TICK_AT, all of them still in ISO week
 * 2026-W47. The lag scan hour (23:00 in the workspace's zone, UTC) has not come, the monthly
 * review day (the 25th) neither, and the cycle ends two months later: the tick plans prompts only.
 */
export const SCHEDULE_SETTINGS = { checkinWeekday: 1, checkinTime: '09:00', lagScanHour: 23 } as const;

/** Eleven IANA zones from UTC−10 to UTC+13, the members spread round-robin. */
export const ZONES = [
  'Pacific/Honolulu', 'America/Los_Angeles', 'America/New_York', 'America/Sao_Paulo', 'Europe/London', 'Europe/Berlin',
  'Asia/Kolkata', 'Asia/Shanghai', 'Asia/Tokyo', 'Australia/Sydney', 'Pacific/Auckland',
] as const;

const day = (at: Date, offset: number) => new Date(at.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * A Slack workspace `externalId` with `members` active members (Slack ids `U<tag>0000001`…), each
 * owning one objective with one on-track key result. @returns the workspace id.
 */
export async function seedCheckInWorkspace(db: Kysely<Database>, externalId: string, tag: string, members: number): Promise<number> {
  const ws = await db
    .insertInto('workspace')
    .values({ platform: 'slack', external_id: externalId, name: externalId, settings: JSON.stringify(SCHEDULE_SETTINGS) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const cycle = await db
    .insertInto('cycle')
    .values({ workspace_id: ws.id, name: 'bench', starts_on: day(TICK_AT, -30), ends_on: day(TICK_AT, 60), status: 'active' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`
    INSERT INTO member (workspace_id, external_id, display_name, time_zone)
    SELECT ${ws.id}, ${`U${tag}`} || lpad(i::text, 7, '0'), 'Member ' || i, (${sql.val([...ZONES])}::text[])[1 + i % ${ZONES.length}]
    FROM generate_series(1, ${members}) AS i`.execute(db);
  await sql`
    INSERT INTO objective (workspace_id, ref, cycle_id, title, level, owner_id)
    SELECT ${ws.id}, row_number() OVER (ORDER BY id), ${cycle.id}, 'Objective of ' || display_name, 'team', id
    FROM member WHERE workspace_id = ${ws.id}`.execute(db);
  await sql`
    INSERT INTO key_result (workspace_id, ref, objective_id, owner_id, title, kind, start_value, target_value,
                            current_value, progress, confidence, last_check_in_at, created_at)
    SELECT ${ws.id}, ref, id, owner_id, 'Ship feature ' || ref, 'increase', 0, 100, 50, 0.5, 'on_track',
           ${TICK_AT}::timestamptz - interval '2 days', ${TICK_AT}::timestamptz - interval '30 days'
    FROM objective WHERE workspace_id = ${ws.id}`.execute(db);
  await sql`
    INSERT INTO ref_counter (workspace_id, kind, last_value)
    VALUES (${ws.id}, 'O', ${members}), (${ws.id}, 'KR', ${members})`.execute(db);
  for (const table of ['member', 'objective', 'key_result']) await sql`ANALYZE ${sql.table(table)}`.execute(db);
  return ws.id;
}

/** Forgets everything the scheduler planned or delivered, so the next tick starts from nothing. */
export async function resetPlans(db: Kysely<Database>): Promise<void> {
  await sql`TRUNCATE check_in_prompt, outbox, team_digest, lag_alert, job_run, chat_thread`.execute(db);
}

/** Only these workspaces' members are active: the next tick plans for them alone. */
export async function activateOnly(db: Kysely<Database>, workspaceIds: readonly number[]): Promise<void> {
  await sql`UPDATE member SET active = (workspace_id = ANY(${sql.val([...workspaceIds])}::bigint[]))`.execute(db);
}

/** Holds a workspace's pending rows back a day (the relay leaves them), or releases them again. */
export async function holdBack(db: Kysely<Database>, workspaceId: number, held: boolean): Promise<void> {
  const shift = held ? sql`interval '1 day'` : sql`interval '-1 day'`;
  await sql`UPDATE outbox SET available_at = available_at + ${shift} WHERE workspace_id = ${workspaceId} AND enqueued_at IS NULL`.execute(db);
}
