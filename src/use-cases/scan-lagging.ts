import { cycleBounds } from '../domain/calendar';
import { DEFAULT_LAG_POLICY, lagVerdict, type LagPolicy, type LagVerdict } from '../domain/lag';
import { scanContext, scanOpenKeyResults, type ScanRow } from '../db/lag-scan.repository';
import type { UseCaseDeps } from './deps';

export interface LaggingKeyResult {
  readonly row: ScanRow;
  readonly verdict: LagVerdict;
}

const PAGE = 20_000;

/**
 * Walks every open key result of a workspace in pages and hands each page's lagging ones to
 * `onLagging` — the daily scan behind lag alerts. Memory stays at one page whatever the size.
 * @returns how many key results were scanned and how many lag.
 */
export async function scanLagging(
  deps: UseCaseDeps,
  workspaceId: number,
  onLagging: (page: readonly LaggingKeyResult[]) => Promise<void> | void,
): Promise<{ scanned: number; lagging: number }> {
  const now = deps.clock.now();
  const { teams, cycles } = await scanContext(deps.db, workspaceId);
  const policies = new Map<number, LagPolicy>(teams.map((t) => [t.id, { thresholdPoints: t.lag_threshold, staleDays: t.stale_days }]));
  const bounds = new Map(cycles.map((c) => [c.id, cycleBounds(c.starts_on, c.ends_on)]));
  let scanned = 0;
  let lagging = 0;
  for (let after = 0; ; ) {
    const rows = await scanOpenKeyResults(deps.db, workspaceId, after, PAGE);
    if (rows.length === 0) break;
    const found: LaggingKeyResult[] = [];
    for (const row of rows) {
      const cycle = bounds.get(row.cycle_id);
      if (!cycle) continue; // closed cycles are not scanned
      const verdict = lagVerdict(
        {
          kind: row.kind,
          start: row.start_value,
          target: row.target_value,
          current: row.current_value,
          unit: row.unit,
          paceCurve: row.pace_curve,
          cycleStart: cycle.start,
          cycleEnd: cycle.end,
          createdAt: new Date(row.created_ms),
          lastCheckInAt: row.last_check_in_ms === null ? null : new Date(row.last_check_in_ms),
          confidence: row.confidence,
          confidenceFalls: row.confidence_falls,
        },
        (row.team_id !== null && policies.get(row.team_id)) || DEFAULT_LAG_POLICY,
        now,
      );
      if (verdict.lagging) found.push({ row, verdict });
    }
    scanned += rows.length;
    lagging += found.length;
    if (found.length > 0) await onLagging(found);
    after = rows[rows.length - 1]!.id;
  }
  return { scanned, lagging };
}
