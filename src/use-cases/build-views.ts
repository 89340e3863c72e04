import type { Kysely } from 'kysely';
import { cycleBounds } from '../domain/calendar';
import { DEFAULT_LAG_POLICY, lagVerdict } from '../domain/lag';
import { formatKeyResultRef, formatObjectiveRef } from '../domain/references';
import type { Database } from '../db/database';
import { findKeyResults, type KeyResultDetailRow } from '../db/key-result.repository';
import type { ObjectiveDetailRow } from '../db/objective.repository';
import type { KeyResultView, ObjectiveView } from './views';

/** A key result as people read it, with its lag verdict at `now` under its team's policy. */
export function toKeyResultView(row: KeyResultDetailRow, now: Date): KeyResultView {
  const { start, end } = cycleBounds(row.cycle_starts_on, row.cycle_ends_on);
  const active = row.status === 'active' && row.objective_status === 'active';
  const lag = active
    ? lagVerdict(
        {
          kind: row.kind,
          start: row.start_value,
          target: row.target_value,
          current: row.current_value,
          unit: row.unit,
          paceCurve: row.pace_curve,
          cycleStart: start,
          cycleEnd: end,
          createdAt: row.created_at,
          lastCheckInAt: row.last_check_in_at,
          confidence: row.confidence,
          confidenceFalls: row.confidence_falls,
        },
        { thresholdPoints: row.lag_threshold ?? DEFAULT_LAG_POLICY.thresholdPoints, staleDays: row.stale_days ?? DEFAULT_LAG_POLICY.staleDays },
        now,
      )
    : null;
  return {
    id: row.id,
    ref: formatKeyResultRef(row.ref),
    objectiveRef: formatObjectiveRef(row.objective_ref),
    title: row.title,
    kind: row.kind,
    start: row.start_value,
    target: row.target_value,
    current: row.current_value,
    unit: row.unit,
    progress: row.progress,
    weight: row.weight,
    confidence: row.confidence,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    status: row.status,
    lastCheckInAt: row.last_check_in_at,
    kpiKey: row.kpi_key,
    lag,
  };
}

export function toObjectiveView(row: ObjectiveDetailRow, keyResults: readonly KeyResultView[]): ObjectiveView {
  return {
    id: row.id,
    ref: formatObjectiveRef(row.ref),
    title: row.title,
    level: row.level,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    teamName: row.team_name,
    cycleName: row.cycle_name,
    parentRef: row.parent_ref === null ? null : formatObjectiveRef(row.parent_ref),
    weight: row.weight,
    progress: row.progress,
    status: row.status,
    keyResults,
  };
}

/** Objective views with their key results, loaded in one query for the whole list. */
export async function buildObjectiveViews(
  db: Kysely<Database>,
  workspaceId: number,
  rows: readonly ObjectiveDetailRow[],
  now: Date,
): Promise<ObjectiveView[]> {
  const krs = await findKeyResults(db, workspaceId, { objectiveIds: rows.map((r) => r.id) });
  const byObjective = new Map<number, KeyResultView[]>();
  for (const kr of krs) {
    if (kr.status === 'cancelled') continue;
    const list = byObjective.get(kr.objective_id) ?? [];
    list.push(toKeyResultView(kr, now));
    byObjective.set(kr.objective_id, list);
  }
  return rows.map((r) => toObjectiveView(r, byObjective.get(r.id) ?? []));
}
