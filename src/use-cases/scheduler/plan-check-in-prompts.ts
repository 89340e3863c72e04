import { localDay, shiftDay } from '../../domain/calendar';
import { atLocalTime, dueThisWeek } from '../../domain/check-in-schedule';
import { addWorkdays } from '../../domain/work-calendar';
import { insertPrompts, type NewPrompt } from '../../db/check-in-prompt.repository';
import { insertOutbox } from '../../db/outbox.repository';
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
export function promptFor(m: SchedulingMember, ws: WorkspaceSchedule, now: Date, planned: ReadonlySet<string>, away: (memberId: number, day: string) => boolean): NewPrompt | null {
  const slot = m.checkin_weekday !== null && m.checkin_time !== null ? { weekday: m.checkin_weekday, time: m.checkin_time } : ws.defaultSlot;
  const due = dueThisWeek(slot, m.time_zone, now, ws.calendar);
  if (!due || due.dueAt > now || planned.has(`${m.id}:${due.period}`)) return null;
  if (m.snoozed_until && m.snoozed_until > now) return null;
  if (away(m.id, localDay(now, m.time_zone))) return null;
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
  const away = (memberId: number, day: string) => (absences.get(memberId) ?? []).some((a) => a.starts_on <= day && day <= a.ends_on);
  const due: NewPrompt[] = [];
  for (const m of await tick.members()) {
    const ws = tick.workspaces.get(m.workspace_id);
    const prompt = ws ? promptFor(m, ws, now, planned, away) : null;
    if (prompt) due.push(prompt);
  }
  if (due.length === 0) return 0;
  return deps.db.transaction().execute(async (trx) => {
    const inserted = await insertPrompts(trx, due, now);
    await insertOutbox(
      trx,
      inserted.map((p) => ({
        workspaceId: p.workspace_id,
        kind: 'check_in_prompt',
        dedupeKey: promptKey(p.member_id, p.period),
        payload: { promptId: p.id },
        recipientMemberId: p.member_id,
      })),
      now,
    );
    return inserted.length;
  });
}
