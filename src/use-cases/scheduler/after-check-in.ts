import { localDay } from '../../domain/calendar';
import { isoWeekPeriod } from '../../domain/check-in-schedule';
import type { KeyResultDetailRow } from '../../db/key-result.repository';
import { findWorkspace } from '../../db/member.repository';
import { queueDigestReplies } from '../../db/team-digest.repository';
import { toKeyResultView } from '../build-views';
import type { UseCaseDeps } from '../deps';
import { raiseLagAlerts } from './raise-lag-alerts';

/**
 * What a check-in tells others, written in the check-in's own transaction: a reply in the
 * author's team digest threads, and a lag alert when the check-in made the KR lag worse (and
 * worse than this week's alert said).
 */
export async function notifyAfterCheckIn(
  deps: UseCaseDeps,
  workspaceId: number,
  checkIn: { id: number; authorId: number; before: KeyResultDetailRow; keyResult: KeyResultDetailRow },
): Promise<void> {
  const now = deps.clock.now();
  await queueDigestReplies(deps.db, workspaceId, now, { checkInId: checkIn.id, authorId: checkIn.authorId });
  // Only a check-in that made the verdict worse can call for a new alert; the rest is the daily
  // scan's. Check-ins are the hot path, so the usual case costs no query here.
  const verdict = toKeyResultView(checkIn.keyResult, now).lag;
  const was = toKeyResultView(checkIn.before, now).lag;
  if (!verdict?.lagging || (was?.lagging && was.severity >= verdict.severity)) return;
  const workspace = await findWorkspace(deps.db, workspaceId);
  if (!workspace) return;
  const settings = (workspace.settings ?? {}) as { dailyReminderBudget?: unknown };
  const budget = typeof settings.dailyReminderBudget === 'number' ? settings.dailyReminderBudget : 3;
  await raiseLagAlerts(deps, { id: workspaceId, dailyReminderBudget: budget }, isoWeekPeriod(localDay(now, workspace.default_time_zone)), [
    { keyResultId: checkIn.keyResult.id, ownerId: checkIn.keyResult.owner_id, teamId: checkIn.keyResult.objective_team_id, verdict },
  ]);
}
