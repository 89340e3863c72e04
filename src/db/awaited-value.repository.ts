import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database';

type Db = Kysely<Database> | Transaction<Database>;

/** Asks `memberId` for a value of `keyResultId` until `expiresAt`; a newer question replaces an older one. */
export async function awaitValue(db: Db, workspaceId: number, memberId: number, keyResultId: number, expiresAt: Date): Promise<void> {
  await db
    .insertInto('awaited_value')
    .values({ workspace_id: workspaceId, member_id: memberId, key_result_id: keyResultId, expires_at: expiresAt })
    .onConflict((oc) => oc.columns(['workspace_id', 'member_id']).doUpdateSet({ key_result_id: keyResultId, expires_at: expiresAt }))
    .execute();
}

/** The key result the member was asked about, while the question is open. */
export async function findAwaitedValue(db: Db, workspaceId: number, memberId: number, now: Date): Promise<number | undefined> {
  const row = await db
    .selectFrom('awaited_value')
    .select('key_result_id')
    .where('workspace_id', '=', workspaceId)
    .where('member_id', '=', memberId)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row === undefined ? undefined : Number(row.key_result_id);
}

/** The question is answered (or moot); only the one about `keyResultId`, so a newer one survives. */
export async function clearAwaitedValue(db: Db, workspaceId: number, memberId: number, keyResultId: number): Promise<void> {
  await db.deleteFrom('awaited_value').where('workspace_id', '=', workspaceId).where('member_id', '=', memberId).where('key_result_id', '=', keyResultId).execute();
}
