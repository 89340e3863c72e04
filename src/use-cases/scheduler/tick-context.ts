import { workCalendar, type HolidayCalendarName, type WorkCalendar } from '../../domain/work-calendar';
import type { WeeklySlot } from '../../domain/check-in-schedule';
import { listSchedulingMembers, listSchedulingWorkspaces, workspaceHolidays, type SchedulingMember, type SchedulingWorkspace } from '../../db/scheduling.repository';
import type { UseCaseDeps } from '../deps';

/** Workspace-wide scheduler settings (workspace.settings), with their defaults. */
export interface WorkspaceSchedule {
  readonly workspace: SchedulingWorkspace;
  readonly calendar: WorkCalendar;
  /** For members in no team. */
  readonly defaultSlot: WeeklySlot;
  /** Reminders and lag DMs one person gets per local day at most. */
  readonly dailyReminderBudget: number;
  /** Day of the month of the monthly review prompt. */
  readonly monthlyReviewDay: number;
  /** Local hour of the daily lag scan. */
  readonly lagScanHour: number;
}

/** What one tick knows about every workspace, loaded once per tick. */
export interface TickContext {
  readonly now: Date;
  readonly workspaces: ReadonlyMap<number, WorkspaceSchedule>;
  /** Members with open key results, read once and shared by the planners of this tick. */
  members(): Promise<readonly SchedulingMember[]>;
}

const PAGE = 20_000;

async function allSchedulingMembers(deps: UseCaseDeps): Promise<SchedulingMember[]> {
  const all: SchedulingMember[] = [];
  for (let after = 0; ; ) {
    const page = await listSchedulingMembers(deps.db, after, PAGE);
    if (page.length === 0) return all;
    all.push(...page);
    after = page[page.length - 1]!.id;
  }
}

const int = (v: unknown, min: number, max: number, fallback: number) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : fallback;

/** China's official calendar by default for WeCom and Chinese-speaking workspaces. */
export function calendarName(ws: SchedulingWorkspace): HolidayCalendarName {
  const chosen = ws.settings.holidayCalendar;
  if (chosen === 'cn' || chosen === 'none') return chosen;
  return ws.platform === 'wecom' || ws.default_locale === 'zh-CN' ? 'cn' : 'none';
}

export async function loadTickContext(deps: UseCaseDeps): Promise<TickContext> {
  const [workspaces, holidays] = await Promise.all([listSchedulingWorkspaces(deps.db), workspaceHolidays(deps.db)]);
  const byId = new Map<number, WorkspaceSchedule>();
  for (const ws of workspaces) {
    const s = ws.settings;
    byId.set(ws.id, {
      workspace: ws,
      calendar: workCalendar(calendarName(ws), holidays.get(ws.id) ?? []),
      defaultSlot: {
        weekday: int(s.checkinWeekday, 1, 7, 1),
        time: typeof s.checkinTime === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(s.checkinTime) ? s.checkinTime : '10:00',
      },
      dailyReminderBudget: int(s.dailyReminderBudget, 0, 50, 3),
      monthlyReviewDay: int(s.monthlyReviewDay, 1, 28, 25),
      lagScanHour: int(s.lagScanHour, 0, 23, 9),
    });
  }
  let members: Promise<SchedulingMember[]> | undefined;
  return { now: deps.clock.now(), workspaces: byId, members: () => (members ??= allSchedulingMembers(deps)) };
}
