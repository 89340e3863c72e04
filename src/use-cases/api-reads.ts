import { localDay } from '../domain/calendar';
import type { Actor } from '../domain/member';
import { fail, ok, type Result } from '../domain/result';
import type { CycleRow, KpiReadingRow } from '../db/database';
import { findKpiByKey, kpiHistory, linkedKeyResultRefs, listKpis, type KpiDetailRow } from '../db/kpi.repository';
import { findObjectives } from '../db/objective.repository';
import { buildObjectiveViews } from './build-views';
import { findCycle } from './current-cycle';
import type { UseCaseDeps } from './deps';
import type { UseCaseError } from './outcome';
import type { ObjectiveView } from './views';

// What the REST API reads: whole-workspace lists (an integration sees what an admin sees), built
// from the same rows and views the chat commands use.

export interface CycleObjectives {
  /** The named cycle, or the one running today; null when there is none. */
  readonly cycle: Pick<CycleRow, 'name' | 'starts_on' | 'ends_on'> | null;
  /** Every objective of the cycle (closed ones too), with their key results. */
  readonly objectives: readonly ObjectiveView[];
}

/**
 * Every objective of a cycle with its key results.
 * @returns errors: unknown_cycle
 */
export async function readCycleObjectives(deps: UseCaseDeps, actor: Actor, cycleName?: string): Promise<Result<CycleObjectives, UseCaseError>> {
  const now = deps.clock.now();
  const cycle = await findCycle(deps.db, actor.workspaceId, localDay(now, actor.timeZone), cycleName);
  if (!cycle.ok) return cycle;
  if (!cycle.value) return ok({ cycle: null, objectives: [] });
  const rows = await findObjectives(deps.db, actor.workspaceId, { cycleId: cycle.value.id, includeClosed: true });
  return ok({ cycle: cycle.value, objectives: await buildObjectiveViews(deps.db, actor.workspaceId, rows, now) });
}

export function readKpis(deps: UseCaseDeps, actor: Actor): Promise<KpiDetailRow[]> {
  return listKpis(deps.db, actor.workspaceId);
}

export interface KpiWithReadings {
  readonly kpi: KpiDetailRow;
  readonly readings: readonly Pick<KpiReadingRow, 'observed_on' | 'value' | 'source'>[];
  readonly linkedKeyResultRefs: readonly number[];
}

/**
 * One KPI with its `limit` most recent readings, newest first.
 * @returns errors: not_found (no suggestions: another workspace's keys must not leak)
 */
export async function readKpi(deps: UseCaseDeps, actor: Actor, key: string, limit: number): Promise<Result<KpiWithReadings, UseCaseError>> {
  const kpi = await findKpiByKey(deps.db, actor.workspaceId, key);
  if (!kpi) return fail({ code: 'not_found', what: key, suggestions: [] });
  const [readings, linked] = await Promise.all([kpiHistory(deps.db, actor.workspaceId, kpi.id, limit), linkedKeyResultRefs(deps.db, actor.workspaceId, kpi.id)]);
  return ok({ kpi, readings, linkedKeyResultRefs: linked });
}
