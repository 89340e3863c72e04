import type { LagVerdict } from '../../domain/lag';
import { homeTeams, memberZones, teamDestinations, upsertLagAlerts } from '../../db/lag-alert.repository';
import { insertOutbox, type NewOutboxRow } from '../../db/outbox.repository';
import type { UseCaseDeps } from '../deps';
import { remainingBudget } from './reminder-budget';

export interface LaggingSubject {
  readonly keyResultId: number;
  readonly ownerId: number;
  /** The objective's team; null: the owner's home team, if any. */
  readonly teamId: number | null;
  readonly verdict: LagVerdict;
}

/**
 * Turns lag verdicts into alerts: the team's thread (its channel, else its manager) hears once per
 * KR per week, again only when the verdict gets worse, and the owner gets a DM within their daily
 * reminder budget. Runs in the caller's transaction (the daily scan's, or the check-in's).
 * @returns how many alerts were raised.
 */
export async function raiseLagAlerts(
  deps: UseCaseDeps,
  workspace: { id: number; dailyReminderBudget: number },
  period: string,
  subjects: readonly LaggingSubject[],
): Promise<number> {
  const now = deps.clock.now();
  const lagging = subjects.filter((s) => s.verdict.lagging && s.verdict.severity > 0);
  const raised = await upsertLagAlerts(
    deps.db,
    workspace.id,
    period,
    lagging.map((s) => ({ keyResultId: s.keyResultId, severity: s.verdict.severity as 1 | 2 | 3, reasons: s.verdict.reasons })),
    now,
  );
  if (raised.length === 0) return 0;
  const byKr = new Map(lagging.map((s) => [s.keyResultId, s]));
  const teams = await teamDestinations(deps.db, workspace.id);
  const owners = [...new Set(raised.map((r) => byKr.get(r.key_result_id)!.ownerId))];
  const zones = await memberZones(deps.db, workspace.id, owners);
  const home = await homeTeams(deps.db, workspace.id, owners);
  const left = await remainingBudget(deps, workspace.id, [...zones].map(([id, timeZone]) => ({ id, timeZone })), workspace.dailyReminderBudget, now);
  const rows: NewOutboxRow[] = [];
  for (const r of raised) {
    const s = byKr.get(r.key_result_id)!;
    const key = `${s.keyResultId}:${period}:${r.severity}`;
    const teamId = s.teamId ?? home.get(s.ownerId) ?? null;
    const team = teamId === null ? undefined : teams.get(teamId);
    if (team && (team.channel_ref || team.manager_id !== null)) {
      rows.push({
        workspaceId: workspace.id,
        kind: 'lag_alert',
        dedupeKey: `lag:${key}`,
        payload: { keyResultId: s.keyResultId, teamId, verdict: s.verdict, worsened: r.worsened },
        recipientMemberId: team.channel_ref ? null : team.manager_id,
      });
    }
    const budget = left.get(s.ownerId) ?? 0;
    if (budget > 0 && !(team && !team.channel_ref && team.manager_id === s.ownerId)) {
      left.set(s.ownerId, budget - 1);
      rows.push({ workspaceId: workspace.id, kind: 'lag_alert_owner', dedupeKey: `lag-owner:${key}`, payload: { keyResultId: s.keyResultId, verdict: s.verdict }, recipientMemberId: s.ownerId });
    }
  }
  await insertOutbox(deps.db, rows, now);
  return raised.length;
}
