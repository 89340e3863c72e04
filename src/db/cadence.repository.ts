import { sql, type Kysely } from 'kysely';
import type { Database } from './database';

type Db = Kysely<Database>;

/** Dedupe keys of the cadence notices (monthly review, cycle scoring) planned since `since`. */
export async function plannedKeys(db: Db, kinds: readonly string[], since: Date): Promise<Set<string>> {
  const rows = await db.selectFrom('outbox').select(['workspace_id', 'dedupe_key']).where('kind', 'in', kinds).where('created_at', '>=', since).execute();
  return new Set(rows.map((r) => `${r.workspace_id}:${r.dedupe_key}`));
}

/** Owners of open objectives in cycles ending between the two days, with the cycle's end. */
export async function ownersOfEndingCycles(db: Db, fromDay: string, toDay: string): Promise<{ workspace_id: number; member_id: number; time_zone: string; cycle_id: number; ends_on: string }[]> {
  const result = await sql<{ workspace_id: number; member_id: number; time_zone: string; cycle_id: number; ends_on: string }>`
    SELECT DISTINCT o.workspace_id, o.owner_id AS member_id, m.time_zone, c.id AS cycle_id, c.ends_on::text AS ends_on
    FROM objective o
    JOIN cycle c ON c.workspace_id = o.workspace_id AND c.id = o.cycle_id
    JOIN member m ON m.workspace_id = o.workspace_id AND m.id = o.owner_id
    WHERE o.status = 'active' AND c.status <> 'closed' AND m.active AND c.ends_on BETWEEN ${fromDay}::date AND ${toDay}::date`.execute(db);
  return result.rows;
}
