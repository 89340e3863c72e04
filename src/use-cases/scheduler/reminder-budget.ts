import { TZDate } from '@date-fns/tz';
import { startOfDay } from 'date-fns';
import { nagCounts } from '../../db/outbox.repository';
import type { UseCaseDeps } from '../deps';

/** Notices that nag one person; the daily budget caps them (the weekly prompt itself is not one). */
export const NAG_KINDS = ['check_in_reminder', 'lag_alert_owner'] as const;

/** The start of `now`'s day where the member lives: the budget is per local day. */
export const startOfLocalDay = (now: Date, timeZone: string): Date => new Date(startOfDay(new TZDate(now.getTime(), timeZone)).getTime());

/**
 * Who may still be nagged today: the members, of those asked, whose count of nagging notices
 * since their local midnight is below the budget, with how many more each may get.
 */
export async function remainingBudget(
  deps: UseCaseDeps,
  workspaceId: number,
  members: readonly { id: number; timeZone: string }[],
  budget: number,
  now: Date,
): Promise<Map<number, number>> {
  // One query from the earliest local midnight; each member's own midnight is applied after.
  const since = new Date(Math.min(...members.map((m) => startOfLocalDay(now, m.timeZone).getTime()), now.getTime()));
  const counts = members.length ? await nagCounts(deps.db, workspaceId, members.map((m) => m.id), NAG_KINDS, since) : new Map<number, number>();
  const left = new Map<number, number>();
  for (const m of members) left.set(m.id, Math.max(0, budget - (counts.get(m.id) ?? 0)));
  return left;
}
