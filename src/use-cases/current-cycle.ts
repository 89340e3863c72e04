import type { Kysely } from 'kysely';
import { quarterOf } from '../domain/calendar';
import { fail, ok, type Result } from '../domain/result';
import type { CycleRow, Database } from '../db/database';
import { findCurrentCycle, findCycleByName, insertCycle } from '../db/cycle.repository';
import type { UseCaseError } from './outcome';

type Db = Kysely<Database>;

/** The named cycle, or the one running today; undefined when there is none. */
export async function findCycle(db: Db, workspaceId: number, today: string, name?: string): Promise<Result<CycleRow | undefined, UseCaseError>> {
  if (name) {
    const cycle = await findCycleByName(db, workspaceId, name);
    return cycle ? ok(cycle) : fail({ code: 'unknown_cycle', name });
  }
  return ok(await findCurrentCycle(db, workspaceId, today));
}

/**
 * The cycle a new objective goes into. A workspace with no running cycle gets the current
 * calendar quarter, so the first `/okr new` just works.
 */
export async function cycleForNewGoal(db: Db, workspaceId: number, today: string, name?: string): Promise<Result<CycleRow, UseCaseError>> {
  const found = await findCycle(db, workspaceId, today, name);
  if (!found.ok) return found;
  if (found.value) return ok(found.value);
  const q = quarterOf(today);
  return ok(await insertCycle(db, { workspaceId, name: q.name, startsOn: q.startsOn, endsOn: q.endsOn }));
}
