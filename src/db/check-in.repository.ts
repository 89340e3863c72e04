import type { Kysely } from 'kysely';
import type { CheckInRow, CheckInSource, Database } from './database';
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

/** Appends a check-in; with an idempotency key already used, returns undefined and writes nothing. */
export async function insertCheckIn(db: Db, c: NewCheckIn): Promise<CheckInRow | undefined> {
  return db
    .insertInto('check_in')
    .values({
      workspace_id: c.workspaceId,
      key_result_id: c.keyResultId,
      author_id: c.authorId,
      value: c.value,
      previous_value: c.previousValue,
      progress: c.progress,
      confidence: c.confidence,
      note: c.note,
      source: c.source,
      idempotency_key: c.idempotencyKey ?? null,
      created_at: c.at,
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'idempotency_key']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Latest check-ins first, with their authors' names. */
export function checkInHistory(db: Db, workspaceId: number, keyResultId: number, limit: number) {
  return db
    .selectFrom('check_in as c')
    .innerJoin('member as m', (j) => j.onRef('m.workspace_id', '=', 'c.workspace_id').onRef('m.id', '=', 'c.author_id'))
    .selectAll('c')
    .select('m.display_name as author_name')
    .where('c.workspace_id', '=', workspaceId)
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
