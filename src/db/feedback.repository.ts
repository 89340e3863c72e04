import type { Kysely } from 'kysely';
import type { Database, FeedbackRow } from './database';

type Db = Kysely<Database>;

export interface FeedbackDetailRow extends FeedbackRow {
  author_name: string;
  objective_ref: number | null;
  key_result_ref: number | null;
}

function details(db: Db, workspaceId: number) {
  return db
    .selectFrom('feedback as f')
    .innerJoin('member as m', (j) => j.onRef('m.workspace_id', '=', 'f.workspace_id').onRef('m.id', '=', 'f.author_id'))
    .leftJoin('objective as o', (j) => j.onRef('o.workspace_id', '=', 'f.workspace_id').onRef('o.id', '=', 'f.objective_id'))
    .leftJoin('key_result as k', (j) => j.onRef('k.workspace_id', '=', 'f.workspace_id').onRef('k.id', '=', 'f.key_result_id'))
    .selectAll('f')
    .select(['m.display_name as author_name', 'o.ref as objective_ref', 'k.ref as key_result_ref'])
    .where('f.workspace_id', '=', workspaceId);
}

export async function insertFeedback(
  db: Db,
  input: {
    workspaceId: number;
    kind: 'comment' | 'reply' | 'blocker';
    objectiveId?: number | null;
    keyResultId?: number | null;
    checkInId?: number | null;
    authorId: number;
    body: string;
    helperId?: number | null;
  },
): Promise<FeedbackDetailRow> {
  const row = await db
    .insertInto('feedback')
    .values({
      workspace_id: input.workspaceId,
      kind: input.kind,
      objective_id: input.objectiveId ?? null,
      key_result_id: input.keyResultId ?? null,
      check_in_id: input.checkInId ?? null,
      author_id: input.authorId,
      body: input.body,
      state: input.kind === 'blocker' ? 'open' : null,
      helper_id: input.helperId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await details(db, input.workspaceId).where('f.id', '=', row.id).executeTakeFirstOrThrow()) as FeedbackDetailRow;
}

export async function findBlockerByRef(db: Db, workspaceId: number, ref: number): Promise<FeedbackDetailRow | undefined> {
  return (await details(db, workspaceId).where('f.ref', '=', ref).executeTakeFirst()) as FeedbackDetailRow | undefined;
}

export async function resolveBlocker(db: Db, workspaceId: number, id: number, by: number, note: string | null, at: Date): Promise<FeedbackDetailRow> {
  await db
    .updateTable('feedback')
    .set({ state: 'resolved', resolved_by: by, resolved_at: at, resolution_note: note })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
  return (await details(db, workspaceId).where('f.id', '=', id).executeTakeFirstOrThrow()) as FeedbackDetailRow;
}

/** Recent feedback on an objective or key result, newest first. */
export async function feedbackFor(
  db: Db,
  workspaceId: number,
  target: { objectiveId?: number; keyResultId?: number },
  limit: number,
): Promise<FeedbackDetailRow[]> {
  let q = details(db, workspaceId);
  if (target.objectiveId !== undefined) q = q.where('f.objective_id', '=', target.objectiveId);
  if (target.keyResultId !== undefined) q = q.where('f.key_result_id', '=', target.keyResultId);
  return (await q.orderBy('f.created_at', 'desc').orderBy('f.id', 'desc').limit(limit).execute()) as FeedbackDetailRow[];
}

export async function countBlockers(db: Db, workspaceId: number, keyResultIds: readonly number[]): Promise<{ open: number; resolved: number }> {
  if (keyResultIds.length === 0) return { open: 0, resolved: 0 };
  const rows = await db
    .selectFrom('feedback')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', 'blocker')
    .where('key_result_id', 'in', keyResultIds)
    .groupBy('state')
    .execute();
  const count = (s: string) => Number(rows.find((r) => r.state === s)?.n ?? 0);
  return { open: count('open'), resolved: count('resolved') };
}
