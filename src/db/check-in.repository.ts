import { sql, type Kysely } from 'kysely';
import type { CheckInSource, Database } from './database';
import type { Confidence } from '../domain/key-result';

type Db = Kysely<Database>;

export interface NewCheckIn {
  readonly workspaceId: number;
  readonly keyResultId: number;
  readonly authorId: number;
  readonly value: number | null;
  readonly previousValue: number | null;
  readonly progress: number;
  readonly confidence: Confidence | null;
  readonly note: string | null;
  readonly source: CheckInSource;
  readonly idempotencyKey?: string;
  readonly at: Date;
}

/** Check-ins of a workspace with their authors' names. */
function withAuthors(db: Db, workspaceId: number) {
  return db
    .selectFrom('check_in as c')
    .innerJoin('member as m', (j) => j.onRef('m.workspace_id', '=', 'c.workspace_id').onRef('m.id', '=', 'c.author_id'))
    .selectAll('c')
    .select('m.display_name as author_name')
    .where('c.workspace_id', '=', workspaceId);
}

/** One check-in with its author's name (a digest-thread reply shows it). */
export function findCheckIn(db: Db, workspaceId: number, id: number) {
  return withAuthors(db, workspaceId).where('c.id', '=', id).executeTakeFirst();
}

/** Latest check-ins first, with their authors' names. */
export function checkInHistory(db: Db, workspaceId: number, keyResultId: number, limit: number) {
  return withAuthors(db, workspaceId)
    .where('c.key_result_id', '=', keyResultId)
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
}

export async function countCheckIns(db: Db, workspaceId: number, keyResultIds: readonly number[]): Promise<number> {
  if (keyResultIds.length === 0) return 0;
  const row = await db
    .selectFrom('check_in')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('key_result_id', 'in', keyResultIds)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface KeyResultMove {
  readonly currentValue: number | null;
  readonly progress: number;
  readonly confidence: Confidence | null;
  readonly confidenceFalls: number;
  /** Audit payloads, written with the check-in. */
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * Appends a check-in, moves its key result and writes the audit row in ONE statement — the
 * hottest write path of the product, where each round trip counts. With an idempotency key that
 * was already used nothing is written and undefined comes back.
 */
export async function appendCheckIn(db: Db, c: NewCheckIn, move: KeyResultMove): Promise<{ checkInId: number } | undefined> {
  const result = await sql<{ check_in_id: number }>`
    WITH ins AS (
      INSERT INTO check_in (workspace_id, key_result_id, author_id, value, previous_value, progress, confidence, note, source, idempotency_key, created_at)
      VALUES (${c.workspaceId}, ${c.keyResultId}, ${c.authorId}, ${c.value}, ${c.previousValue}, ${c.progress}, ${c.confidence}, ${c.note}, ${c.source}, ${c.idempotencyKey ?? null}, ${c.at})
      ON CONFLICT (workspace_id, idempotency_key) DO NOTHING
      RETURNING id
    ), kr AS (
      UPDATE key_result
      SET current_value = ${move.currentValue}, progress = ${move.progress}, confidence = ${move.confidence},
          confidence_falls = ${move.confidenceFalls}, last_check_in_at = ${c.at}, updated_at = ${c.at}
      WHERE workspace_id = ${c.workspaceId} AND id = ${c.keyResultId} AND EXISTS (SELECT 1 FROM ins)
      RETURNING id
    ), audit AS (
      INSERT INTO audit_log (workspace_id, actor_id, action, entity_type, entity_id, before, after)
      SELECT ${c.workspaceId}, ${c.authorId}, 'key_result.check_in', 'key_result', kr.id, ${JSON.stringify(move.before)}::jsonb,
             ${JSON.stringify(move.after)}::jsonb || jsonb_build_object('check_in_id', ins.id)
      FROM kr, ins
    )
    SELECT id AS check_in_id FROM ins`.execute(db);
  const row = result.rows[0];
  return row ? { checkInId: Number(row.check_in_id) } : undefined;
}
