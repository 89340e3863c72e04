import { sql, type Kysely } from 'kysely';
import type { Database } from './database';

type Db = Kysely<Database>;

/** The team's members, with whether each checked in since `since`. */
export async function teamCheckInRoll(db: Db, workspaceId: number, teamId: number, since: Date): Promise<{ id: number; display_name: string; checked_in: boolean }[]> {
  const result = await sql<{ id: number; display_name: string; checked_in: boolean }>`
    SELECT m.id, m.display_name,
           EXISTS (SELECT 1 FROM check_in c WHERE c.workspace_id = m.workspace_id AND c.author_id = m.id AND c.created_at >= ${since}) AS checked_in
    FROM team_membership tm JOIN member m ON m.workspace_id = tm.workspace_id AND m.id = tm.member_id
    WHERE tm.workspace_id = ${workspaceId} AND tm.team_id = ${teamId} AND m.active
    ORDER BY lower(m.display_name), m.id`.execute(db);
  return result.rows;
}

/** Each key result's progress as of `at`: its latest check-in before then (absent: none yet). */
export async function progressAsOf(db: Db, workspaceId: number, keyResultIds: readonly number[], at: Date): Promise<Map<number, number>> {
  if (keyResultIds.length === 0) return new Map();
  const result = await sql<{ key_result_id: number; progress: number }>`
    SELECT DISTINCT ON (c.key_result_id) c.key_result_id, c.progress
    FROM check_in c
    WHERE c.workspace_id = ${workspaceId} AND c.key_result_id = ANY(${sql.val([...keyResultIds])}::bigint[]) AND c.created_at < ${at}
    ORDER BY c.key_result_id, c.created_at DESC, c.id DESC`.execute(db);
  return new Map(result.rows.map((r) => [r.key_result_id, r.progress]));
}
