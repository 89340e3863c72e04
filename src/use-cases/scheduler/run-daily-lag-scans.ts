import { TZDate } from '@date-fns/tz';
import { localDay } from '../../domain/calendar';
import { isoWeekPeriod } from '../../domain/check-in-schedule';
import { claimJobRun } from '../../db/scheduling.repository';
import type { UseCaseDeps } from '../deps';
import { scanLagging } from '../scan-lagging';
import { raiseLagAlerts } from './raise-lag-alerts';
import type { TickContext } from './tick-context';

/**
 * The daily lag scan of each workspace, once its local scan hour has come; claimed per workspace
 * and day, so several workers or a restart scan once. @returns alerts raised.
 */
export async function runDailyLagScans(deps: UseCaseDeps, tick: TickContext): Promise<number> {
  let raised = 0;
  for (const ws of tick.workspaces.values()) {
    const zone = ws.workspace.default_time_zone;
    if (new TZDate(tick.now.getTime(), zone).getHours() < ws.lagScanHour) continue;
    const day = localDay(tick.now, zone);
    if (!(await claimJobRun(deps.db, ws.workspace.id, 'lag-scan', day, tick.now))) continue;
    const period = isoWeekPeriod(day);
    await scanLagging(deps, ws.workspace.id, async (page) => {
      raised += await deps.db.transaction().execute((trx) =>
        raiseLagAlerts(
          { ...deps, db: trx },
          { id: ws.workspace.id, dailyReminderBudget: ws.dailyReminderBudget },
          period,
          page.map(({ row, verdict }) => ({ keyResultId: row.id, ownerId: row.owner_id, teamId: row.team_id, verdict })),
        ),
      );
    });
  }
  return raised;
}
