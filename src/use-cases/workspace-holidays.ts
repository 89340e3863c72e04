import type { Kysely } from 'kysely';
import { canManageWorkspace } from '../domain/authorization';
import { localDay } from '../domain/calendar';
import { codePointLength } from '../domain/command/text';
import { builtInDayKind, builtInYears, chosenCalendar, uncoveredYears } from '../domain/holiday-calendar';
import type { Actor } from '../domain/member';
import { fail, ok, type Result } from '../domain/result';
import { dayDate, type HolidayCalendarName } from '../domain/work-calendar';
import { writeAudit } from '../db/audit.repository';
import type { Database } from '../db/database';
import {
  deleteWorkspaceHoliday, findWorkspaceCalendar, findWorkspaceHoliday, listWorkspaceHolidays, setWorkspaceSetting, upsertWorkspaceHoliday,
  type WorkspaceCalendarRow,
} from '../db/holiday.repository';
import type { UseCaseDeps } from './deps';
import { currentActor } from './org-access';
import type { Outcome, UseCaseError } from './outcome';
import { calendarName } from './scheduler/tick-context';
import { transact } from './transact';
import type { HolidayCalendarView } from './views';

// The workspace calendar from chat: everyone may see it; admins add and remove the workspace's own
// days off and make-up workdays, and choose the official calendar it follows. The scheduler picks
// the changes up on its next tick.

/** What `workspace_holiday.name` holds at most. */
const MAX_NAME = 200;

const isDay = (day: string): boolean => {
  try {
    dayDate(day);
    return true;
  } catch {
    return false;
  }
};

/** This year and next in the actor's zone: the years a calendar must be ready for. */
function comingYears(deps: UseCaseDeps, actor: Actor): number[] {
  const year = Number(localDay(deps.clock.now(), actor.timeZone).slice(0, 4));
  return [year, year + 1];
}

function calendarView(ws: WorkspaceCalendarRow, coming: readonly number[]): HolidayCalendarView {
  const calendar = calendarName(ws);
  return { calendar, chosen: chosenCalendar(ws.settings) !== undefined, builtInYears: builtInYears(calendar), missingYears: uncoveredYears(calendar, coming) };
}

async function workspaceOf(db: Kysely<Database>, actor: Actor, lock = false): Promise<Result<WorkspaceCalendarRow, UseCaseError>> {
  const ws = await findWorkspaceCalendar(db, actor.workspaceId, lock);
  return ws ? ok(ws) : fail({ code: 'not_found', what: `workspace ${actor.workspaceId}`, suggestions: [] });
}

/**
 * `holidays [year]`: the official calendar the workspace follows and its own days in `year`, or
 * this year and next. Anyone in the workspace may look.
 * @returns errors: invalid_holiday (day: a year outside 1900–2999), not_found (the workspace is gone)
 */
export async function listHolidays(deps: UseCaseDeps, actor: Actor, year?: number): Promise<Result<Outcome, UseCaseError>> {
  if (year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= 2999)) return fail({ code: 'invalid_holiday', field: 'day' });
  const coming = comingYears(deps, actor);
  const years = year === undefined ? coming : [year];
  const ws = await workspaceOf(deps.db, actor);
  if (!ws.ok) return ws;
  const first = years[0]!;
  const last = years[years.length - 1]!;
  const days = await listWorkspaceHolidays(deps.db, actor.workspaceId, `${first}-01-01`, `${last}-12-31`);
  return ok({ type: 'holidays', years, calendar: calendarView(ws.value, coming), days });
}

/**
 * `holiday add <day> [name]` (a day off) or `holiday workday <day> [name]` (a make-up workday):
 * admins only. A day the workspace already had changes kind and name; one audit row per change.
 * @returns errors: admin_only, invalid_holiday (day, name), not_found
 */
export async function addHoliday(
  deps: UseCaseDeps,
  actor: Actor,
  input: { readonly day: string; readonly kind: 'holiday' | 'workday'; readonly name?: string },
): Promise<Result<Outcome, UseCaseError>> {
  const name = (input.name ?? '').trim();
  return transact<Outcome, UseCaseError>(deps.db, async (trx) => {
    const me = await currentActor(trx, actor);
    if (!canManageWorkspace(me)) return fail({ code: 'admin_only' } as const);
    if (!isDay(input.day)) return fail({ code: 'invalid_holiday', field: 'day' } as const);
    if (codePointLength(name) > MAX_NAME) return fail({ code: 'invalid_holiday', field: 'name' } as const);
    const ws = await workspaceOf(trx, actor, true);
    if (!ws.ok) return ws;
    const builtIn = builtInDayKind(calendarName(ws.value), input.day);
    const before = (await findWorkspaceHoliday(trx, actor.workspaceId, input.day)) ?? null;
    const wanted = { day: input.day, kind: input.kind, name };
    if (before && before.kind === wanted.kind && before.name === wanted.name) {
      return ok({ type: 'holiday_changed', day: input.day, now: before, before, builtIn } as const);
    }
    const now = await upsertWorkspaceHoliday(trx, actor.workspaceId, wanted);
    await writeAudit(trx, {
      workspaceId: actor.workspaceId, actorId: actor.memberId, action: 'workspace.holiday_set', entityType: 'workspace',
      entityId: actor.workspaceId, ...(before ? { before } : {}), after: now,
    });
    return ok({ type: 'holiday_changed', day: input.day, now, before, builtIn } as const);
  });
}

/**
 * `holiday remove <day>`: admins only. Removing a day the workspace does not have changes nothing
 * (the official calendar's own days can't be removed, only overridden with `holiday add|workday`).
 * @returns errors: admin_only, invalid_holiday (day), not_found
 */
export async function removeHoliday(deps: UseCaseDeps, actor: Actor, day: string): Promise<Result<Outcome, UseCaseError>> {
  return transact<Outcome, UseCaseError>(deps.db, async (trx) => {
    const me = await currentActor(trx, actor);
    if (!canManageWorkspace(me)) return fail({ code: 'admin_only' } as const);
    if (!isDay(day)) return fail({ code: 'invalid_holiday', field: 'day' } as const);
    const ws = await workspaceOf(trx, actor, true);
    if (!ws.ok) return ws;
    const builtIn = builtInDayKind(calendarName(ws.value), day);
    const removed = (await deleteWorkspaceHoliday(trx, actor.workspaceId, day)) ?? null;
    if (removed) {
      await writeAudit(trx, {
        workspaceId: actor.workspaceId, actorId: actor.memberId, action: 'workspace.holiday_remove', entityType: 'workspace',
        entityId: actor.workspaceId, before: removed,
      });
    }
    return ok({ type: 'holiday_changed', day, now: null, before: removed, builtIn } as const);
  });
}

/**
 * `holiday calendar cn|none`: admins only. The choice is stored in `workspace.settings.holidayCalendar`
 * and then no longer follows the platform's or language's default.
 * @returns errors: admin_only, not_found
 */
export async function setHolidayCalendar(deps: UseCaseDeps, actor: Actor, calendar: HolidayCalendarName): Promise<Result<Outcome, UseCaseError>> {
  const coming = comingYears(deps, actor);
  return transact<Outcome, UseCaseError>(deps.db, async (trx) => {
    const me = await currentActor(trx, actor);
    if (!canManageWorkspace(me)) return fail({ code: 'admin_only' } as const);
    const ws = await workspaceOf(trx, actor, true);
    if (!ws.ok) return ws;
    const chosen = chosenCalendar(ws.value.settings);
    if (chosen === calendar) return ok({ type: 'holiday_calendar_changed', calendar: calendarView(ws.value, coming), changed: false } as const);
    await setWorkspaceSetting(trx, actor.workspaceId, 'holidayCalendar', calendar);
    await writeAudit(trx, {
      workspaceId: actor.workspaceId, actorId: actor.memberId, action: 'workspace.holiday_calendar', entityType: 'workspace',
      entityId: actor.workspaceId, before: { holidayCalendar: chosen ?? null, effective: calendarName(ws.value) }, after: { holidayCalendar: calendar },
    });
    const updated = { ...ws.value, settings: { ...ws.value.settings, holidayCalendar: calendar } };
    return ok({ type: 'holiday_calendar_changed', calendar: calendarView(updated, coming), changed: true } as const);
  });
}
