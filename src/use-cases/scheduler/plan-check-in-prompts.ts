import { localDay, shiftDay } from '../../domain/calendar';
import { atLocalTime, dueThisWeek, type Due, type WeeklySlot } from '../../domain/check-in-schedule';
import { addWorkdays } from '../../domain/work-calendar';
import { insertPromptsWithDeliveries, type NewPrompt } from '../../db/check-in-prompt.repository';
import { absencesAround, plannedPrompts, type SchedulingMember } from '../../db/scheduling.repository';
import type { UseCaseDeps } from '../deps';
import type { TickContext, WorkspaceSchedule } from './tick-context';

const HOUR_MS = 3_600_000;

export const promptKey = (memberId: number, period: string) => `prompt:${memberId}:${period}`;

/**
 * This week's prompt for a member, if it is due now and not planned yet: the team's weekday and
 * time in the member's own zone (moved off holidays), held back while they are snoozed or away.
 * A prompt missed while the worker was down is still sent later in the same week.
 */
export function promptFor(
  m: SchedulingMember,
  ws: WorkspaceSchedule,
  now: Date,
  planned: ReadonlySet<string>,
  away: (memberId: number, timeZone: string) => boolean,
  dueOf: (slot: WeeklySlot, timeZone: string) => Due | null = (slot, zone) => dueThisWeek(slot, zone, now, ws.calendar),
): NewPrompt | null {
  const slot = m.checkin_weekday !== null && m.checkin_time !== null ? { weekday: m.checkin_weekday, time: m.checkin_time } : ws.defaultSlot;
  const due = dueOf(slot, m.time_zone);
  if (!due || due.dueAt > now || planned.has(`${m.id}:${due.period}`)) return null;
  if (m.snoozed_until && m.snoozed_until > now) return null;
  if (away(m.id, m.time_zone)) return null;
  const remindAt = new Date(Math.max(due.dueAt.getTime(), now.getTime()) + (m.remind_after_hours ?? 4) * HOUR_MS);
  const manager = m.manager_id ?? (m.team_manager_id !== m.id ? m.team_manager_id : null);
  const workdays = m.escalate_after_workdays ?? 2;
  let escalateAt: Date | null = null;
  if (manager !== null && workdays > 0) {
    const at = atLocalTime(addWorkdays(due.localDay, workdays, ws.calendar), slot.time, m.time_zone);
    escalateAt = at > remindAt ? at : new Date(remindAt.getTime() + HOUR_MS);
  }
  return { workspaceId: m.workspace_id, memberId: m.id, teamId: m.team_id, period: due.period, dueAt: due.dueAt, remindAt, escalateAt };
}

/**
 * Finds every member whose check-in time fell due and plans their prompt and its delivery in one
 * transaction. @returns how many prompts were planned.
 */
export async function planCheckInPrompts(deps: UseCaseDeps, tick: TickContext): Promise<number> {
  const { now } = tick;
  const utcDay = localDay(now, 'UTC');
  const [planned, absences] = await Promise.all([
    plannedPrompts(deps.db, new Date(now.getTime() - 8 * 24 * HOUR_MS)),
    absencesAround(deps.db, shiftDay(utcDay, -1), shiftDay(utcDay, 1)),
  ]);
  // Only the few members with an absence nearby need their local day worked out.
  const away = (memberId: number, timeZone: string) => {
    const ranges = absences.get(memberId);
    if (!ranges) return false;
    const day = localDay(now, timeZone);
    return ranges.some((a) => a.starts_on <= day && day <= a.ends_on);
  };
  // Thousands of members share a handful of (workspace, slot, zone) combinations: the time-zone
  // maths runs once for each.
  const dues = new Map<string, Due | null>();
  const due: NewPrompt[] = [];
  for (const m of await tick.members()) {
    const ws = tick.workspaces.get(m.workspace_id);
    if (!ws) continue;
    const dueOf = (slot: WeeklySlot, zone: string) => {
      const key = `${m.workspace_id}|${slot.weekday}|${slot.time}|${zone}`;
      if (!dues.has(key)) dues.set(key, dueThisWeek(slot, zone, now, ws.calendar));
      return dues.get(key)!;
    };
    const prompt = promptFor(m, ws, now, planned, away, dueOf);
    if (prompt) due.push(prompt);
  }
  return insertPromptsWithDeliveries(deps.db, due, now);
}
