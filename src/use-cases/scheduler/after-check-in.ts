import { localDay } from '../../domain/calendar';
import { isoWeekPeriod } from '../../domain/check-in-schedule';
import { findKeyResults, type KeyResultDetailRow } from '../../db/key-result.repository';
import { insertOutbox } from '../../db/outbox.repository';
import { findWorkspace } from '../../db/member.repository';
import { queueDigestReplies } from '../../db/team-digest.repository';
import { toKeyResultView } from '../build-views';
import type { UseCaseDeps } from '../deps';
import { raiseLagAlerts } from './raise-lag-alerts';

/**
 * What a check-in tells others, written in the check-in's own transaction: a reply in the
 * author's team digest threads, and — when the check-in made the KR lag worse — a request to
 * raise this week's lag alert.
 */
export async function notifyAfterCheckIn(
  deps: UseCaseDeps,
  workspaceId: number,
  checkIn: { id: number; authorId: number; at: Date; before: KeyResultDetailRow; keyResult: KeyResultDetailRow },
): Promise<void> {
  const now = deps.clock.now();
  await queueDigestReplies(deps.db, workspaceId, now, { checkInId: checkIn.id, authorId: checkIn.authorId, at: checkIn.at });
  // Only a check-in that made the verdict worse can call for a new alert; the rest is the daily
  // scan's. Check-ins are the hot path: one outbox row here, and the worker raises the alert.
  const verdict = toKeyResultView(checkIn.keyResult, now).lag;
  const was = toKeyResultView(checkIn.before, now).lag;
  if (!verdict?.lagging || (was?.lagging && was.severity >= verdict.severity)) return;
  await insertOutbox(deps.db, [{ workspaceId, kind: LAG_CHECK, dedupeKey: `lag-check:${checkIn.id}`, payload: { keyResultId: checkIn.keyResult.id } }], now);
}

/** An outbox row that is not a message: "look at this KR's lag now" (see raiseLagAlertFor). */
export const LAG_CHECK = 'lag_check';

/**
 * Works a `lag_check` row: the KR's verdict as it stands, raised as this week's alert if worse
 * than the last one (one transaction; the alerts it writes are relayed like any other).
 */
export async function raiseLagAlertFor(deps: UseCaseDeps, workspaceId: number, keyResultId: number): Promise<number> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const [kr] = await findKeyResults(trx, workspaceId, { ids: [keyResultId], openOnly: true });
    const workspace = await findWorkspace(trx, workspaceId);
    const verdict = kr ? toKeyResultView(kr, now).lag : null;
    if (!kr || !workspace || !verdict?.lagging) return 0;
    const settings = (workspace.settings ?? {}) as { dailyReminderBudget?: unknown };
    const budget = typeof settings.dailyReminderBudget === 'number' ? settings.dailyReminderBudget : 3;
    return raiseLagAlerts({ ...deps, db: trx }, { id: workspaceId, dailyReminderBudget: budget }, isoWeekPeriod(localDay(now, workspace.default_time_zone)), [
      { keyResultId: kr.id, ownerId: kr.owner_id, teamId: kr.objective_team_id, verdict },
    ]);
  });
}
