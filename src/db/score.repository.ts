import type { Kysely } from 'kysely';
import type { Database, ScoreRow } from './database';

type Db = Kysely<Database>;

/** Sets (or replaces) the end-of-cycle score of one objective or key result. */
export async function upsertScore(
  db: Db,
  s: { workspaceId: number; cycleId: number; objectiveId?: number; keyResultId?: number; suggested: number; value: number; note: string | null; by: number },
): Promise<ScoreRow> {
  const column = s.objectiveId !== undefined ? 'objective_id' : 'key_result_id';
  return db
    .insertInto('score')
    .values({
      workspace_id: s.workspaceId,
      cycle_id: s.cycleId,
      objective_id: s.objectiveId ?? null,
      key_result_id: s.keyResultId ?? null,
      suggested: s.suggested,
      value: s.value,
      note: s.note,
      scored_by: s.by,
    })
    .onConflict((oc) =>
      oc.columns(['workspace_id', column]).doUpdateSet({ value: s.value, suggested: s.suggested, note: s.note, scored_by: s.by, updated_at: new Date() }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function scoresForCycle(db: Db, workspaceId: number, cycleId: number): Promise<ScoreRow[]> {
  return db.selectFrom('score').selectAll().where('workspace_id', '=', workspaceId).where('cycle_id', '=', cycleId).execute();
}
