import { sql, type Kysely } from 'kysely';
import type { Database } from './database';
import { escapeLike } from './member.repository';

type Db = Kysely<Database>;
type GoalTable = 'objective' | 'key_result';

/** Titles containing the text, newest first, for fuzzy references and "did you mean". */
export function searchTitles(db: Db, table: GoalTable, workspaceId: number, text: string, limit = 5): Promise<{ id: number; ref: number; title: string }[]> {
  return db
    .selectFrom(table)
    .select(['id', 'ref', 'title'])
    .where('workspace_id', '=', workspaceId)
    .where('status', '<>', 'cancelled')
    .where(sql`lower(title)`, 'like', `%${escapeLike(text.toLowerCase())}%`)
    .orderBy('ref', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Existing reference numbers that could be a typo of `ref` — a digit more, fewer, or different —
 * plus the first few, for "KR-12 not found — did you mean KR-21?".
 */
export function nearbyRefs(db: Db, table: GoalTable, workspaceId: number, ref: number): Promise<{ ref: number }[]> {
  return db
    .selectFrom(table)
    .select('ref')
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb.or([eb('ref', '>=', Math.floor(ref / 10)).and('ref', '<=', ref * 10 + 9), eb('ref', '<=', 20)]))
    .orderBy('ref')
    .limit(500)
    .execute();
}
