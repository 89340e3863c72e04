import type { Kysely } from 'kysely';
import type { CycleRow, Database } from './database';

type Db = Kysely<Database>;

/** The active cycle that contains `today` (YYYY-MM-DD); the shortest wins, so a quarter beats the year. */
export function findCurrentCycle(db: Db, workspaceId: number, today: string): Promise<CycleRow | undefined> {
  return db
    .selectFrom('cycle')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('status', '<>', 'closed')
    .where('starts_on', '<=', today)
    .where('ends_on', '>=', today)
    .orderBy((eb) => eb('ends_on', '-', eb.ref('starts_on')), 'asc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** The most recent cycle that has started, for reviews after a cycle has ended. */
export function findLatestCycle(db: Db, workspaceId: number, today: string): Promise<CycleRow | undefined> {
  return db
    .selectFrom('cycle')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('starts_on', '<=', today)
    .orderBy('ends_on', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export function findCycleByName(db: Db, workspaceId: number, name: string): Promise<CycleRow | undefined> {
  return db
    .selectFrom('cycle')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();
}

export function findCycleById(db: Db, workspaceId: number, cycleId: number): Promise<CycleRow | undefined> {
  return db.selectFrom('cycle').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', cycleId).executeTakeFirst();
}

export function insertCycle(db: Db, input: { workspaceId: number; name: string; startsOn: string; endsOn: string }): Promise<CycleRow> {
  return db
    .insertInto('cycle')
    .values({ workspace_id: input.workspaceId, name: input.name, starts_on: input.startsOn, ends_on: input.endsOn })
    .onConflict((oc) => oc.columns(['workspace_id', 'name']).doUpdateSet({ name: input.name }))
    .returningAll()
    .executeTakeFirstOrThrow();
}
