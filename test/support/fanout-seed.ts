import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/database';
import type { Platform } from '../../src/db/org.tables';

/**
 * A workspace of `members` people, each owning one open KR, all due for this week's check-in at
 * `now` (the workspace's default slot is today 00:00 UTC; everyone lives in UTC). The cycle
 * starts tomorrow, so nothing lags and only the prompts go out. Bulk SQL: 10,000 one by one
 * would take a minute and test nothing.
 */
export async function seedFanOut(db: Kysely<Database>, o: { platform: Platform; externalId: string; members: number; now: Date }): Promise<number> {
  const isoWeekday = ((o.now.getUTCDay() + 6) % 7) + 1;
  const day = (offset: number) => new Date(o.now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const ws = await db
    .insertInto('workspace')
    .values({ platform: o.platform, external_id: o.externalId, name: o.externalId, settings: JSON.stringify({ checkinWeekday: isoWeekday, checkinTime: '00:00' }) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const cycle = await db.insertInto('cycle').values({ workspace_id: ws.id, name: 'fan-out', starts_on: day(1), ends_on: day(90) }).returning('id').executeTakeFirstOrThrow();
  await sql`
    INSERT INTO member (workspace_id, external_id, display_name, time_zone)
    SELECT ${ws.id}, 'U' || lpad(i::text, 6, '0'), 'Member ' || i, 'UTC' FROM generate_series(1, ${o.members}) i`.execute(db);
  await sql`
    INSERT INTO objective (workspace_id, cycle_id, title, level, owner_id)
    SELECT ${ws.id}, ${cycle.id}, 'Objective of ' || m.display_name, 'personal', m.id FROM member m WHERE m.workspace_id = ${ws.id}`.execute(db);
  await sql`
    INSERT INTO key_result (workspace_id, objective_id, owner_id, title, kind, start_value, target_value)
    SELECT ${ws.id}, o.id, o.owner_id, 'Reach 10', 'increase', 0, 10 FROM objective o WHERE o.workspace_id = ${ws.id}`.execute(db);
  return ws.id;
}
