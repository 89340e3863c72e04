import type { Kysely } from 'kysely';
import type { Database } from './database';

type Db = Kysely<Database>;

export async function insertAbsence(db: Db, a: { workspaceId: number; memberId: number; startsOn: string; endsOn: string }) {
  return db
    .insertInto('member_absence')
    .values({ workspace_id: a.workspaceId, member_id: a.memberId, starts_on: a.startsOn, ends_on: a.endsOn })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Cancels planned absences and ends running ones yesterday, so the member is back from `today`. */
export async function endAbsences(db: Db, workspaceId: number, memberId: number, today: string, yesterday: string): Promise<number> {
  const cancelled = await db
    .deleteFrom('member_absence')
    .where('workspace_id', '=', workspaceId)
    .where('member_id', '=', memberId)
    .where('starts_on', '>=', today)
    .executeTakeFirst();
  const res = await db
    .updateTable('member_absence')
    .set({ ends_on: yesterday })
    .where('workspace_id', '=', workspaceId)
    .where('member_id', '=', memberId)
    .where('ends_on', '>=', today)
    .executeTakeFirst();
  return Number(cancelled.numDeletedRows) + Number(res.numUpdatedRows);
}
