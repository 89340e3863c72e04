import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { localDay, shiftDay } from '../../domain/calendar';
import { ownersOfEndingCycles, plannedKeys } from '../../db/cadence.repository';
import { insertOutbox, type NewOutboxRow } from '../../db/outbox.repository';
import type { UseCaseDeps } from '../deps';
import type { TickContext } from './tick-context';

const DAY_MS = 86_400_000;
/** The scoring prompt comes this many days before the cycle's last day. */
const SCORING_LEAD_DAYS = 6;

/**
 * The slower rhythm: a monthly review prompt on the workspace's review day (default the 25th) at
 * the member's check-in time, and one scoring prompt per cycle in its last week. Each is unique
 * per member and month (or cycle) by its outbox key. @returns how many were planned.
 */
export async function planCadencePrompts(deps: UseCaseDeps, tick: TickContext): Promise<number> {
  const { now } = tick;
  const planned = await plannedKeys(deps.db, ['monthly_review', 'cycle_scoring'], new Date(now.getTime() - 40 * DAY_MS));
  const rows: NewOutboxRow[] = [];
  // The local date and time, once per zone rather than once per member.
  const clocks = new Map<string, { date: number; time: string; month: string }>();
  const localClock = (zone: string) => {
    let c = clocks.get(zone);
    if (!c) {
      const local = new TZDate(now.getTime(), zone);
      c = { date: local.getDate(), time: format(local, 'HH:mm'), month: format(local, 'yyyy-MM') };
      clocks.set(zone, c);
    }
    return c;
  };
  for (const m of await tick.members()) {
    const ws = tick.workspaces.get(m.workspace_id);
    if (!ws) continue;
    const local = localClock(m.time_zone);
    const time = m.checkin_time ?? ws.defaultSlot.time;
    if (local.date < ws.monthlyReviewDay || (local.date === ws.monthlyReviewDay && local.time < time)) continue;
    const month = local.month;
    const key = `monthly:${m.id}:${month}`;
    if (planned.has(`${m.workspace_id}:${key}`)) continue;
    rows.push({ workspaceId: m.workspace_id, kind: 'monthly_review', dedupeKey: key, payload: { memberId: m.id, month }, recipientMemberId: m.id });
  }
  const utcDay = localDay(now, 'UTC');
  for (const o of await ownersOfEndingCycles(deps.db, shiftDay(utcDay, -1), shiftDay(utcDay, SCORING_LEAD_DAYS + 1))) {
    const day = localDay(now, o.time_zone);
    if (day < shiftDay(o.ends_on, -SCORING_LEAD_DAYS) || day > o.ends_on) continue;
    const key = `scoring:${o.member_id}:${o.cycle_id}`;
    if (planned.has(`${o.workspace_id}:${key}`)) continue;
    rows.push({ workspaceId: o.workspace_id, kind: 'cycle_scoring', dedupeKey: key, payload: { memberId: o.member_id, cycleId: o.cycle_id }, recipientMemberId: o.member_id });
  }
  if (rows.length === 0) return 0;
  return (await insertOutbox(deps.db, rows, now)).length;
}
