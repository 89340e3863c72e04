import { fixedClock } from '../../../src/ports/clock';
import type { Command } from '../../../src/domain/command/command';
import { parseChatText } from '../../../src/domain/command/parse-command';
import type { Actor } from '../../../src/domain/member';
import { upsertWorkspace } from '../../../src/db/member.repository';
import { renderOutcome } from '../../../src/render/text/render-outcome';
import type { Outcome } from '../../../src/use-cases/outcome';
import { runCommand } from '../../../src/use-cases/run-command';
import { loadTickContext } from '../../../src/use-cases/scheduler/tick-context';
import { createOrg, goalState, orgState, type Org } from '../../support/factories';
import { openTestDb, type TestDb } from '../../support/test-db';

let t: TestDb;
let org: Org;
let other: Org;
const deps = () => ({ db: t.db, clock: fixedClock('2026-11-15T12:00:00Z') });

beforeAll(async () => {
  t = await openTestDb();
}, 60_000);
afterAll(() => t.close());
beforeEach(async () => {
  await t.reset();
  org = await createOrg(t.db, 'acme');
  other = await createOrg(t.db, 'globex');
});

async function say(actor: Actor, text: string) {
  const parsed = parseChatText(text);
  if (!parsed.ok) throw new Error(`${text}: ${JSON.stringify(parsed.error)}`);
  return runCommand(deps(), actor, parsed.value);
}

async function must(actor: Actor, text: string): Promise<Outcome> {
  const r = await say(actor, text);
  if (!r.ok) throw new Error(`${text}: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** Every row of both workspaces' calendars and settings. */
const calendarState = async () => ({
  days: await t.db.selectFrom('workspace_holiday').selectAll().orderBy('workspace_id').orderBy('day').execute(),
  settings: await t.db.selectFrom('workspace').select(['id', 'settings']).orderBy('id').execute(),
});

/** Runs a command that must be refused, proving that nothing at all changed; returns the error. */
async function refused(actor: Actor, command: string | Command) {
  const before = { calendar: await calendarState(), org: await orgState(t.db), goals: await goalState(t.db) };
  const r = typeof command === 'string' ? await say(actor, command) : await runCommand(deps(), actor, command);
  expect({ calendar: await calendarState(), org: await orgState(t.db), goals: await goalState(t.db) }).toEqual(before);
  if (r.ok) throw new Error(`expected ${JSON.stringify(command)} to be refused, got ${JSON.stringify(r.value)}`);
  return r.error;
}

const days = (workspaceId = org.workspaceId) =>
  t.db.selectFrom('workspace_holiday').select(['day', 'kind', 'name']).where('workspace_id', '=', workspaceId).orderBy('day').execute();
const audits = (action: string) => t.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();
const settingsOf = async (workspaceId: number) =>
  (await t.db.selectFrom('workspace').select('settings').where('id', '=', workspaceId).executeTakeFirstOrThrow()).settings;

describe('workspace holidays', () => {
  it('should let an admin add, change and remove days, one audit row per change', async () => {
    expect(await must(org.admin, 'holiday add 2026-12-25 Christmas Day')).toEqual({
      type: 'holiday_changed', day: '2026-12-25', now: { day: '2026-12-25', kind: 'holiday', name: 'Christmas Day' }, before: null, builtIn: null,
    });
    expect(await must(org.admin, 'holiday workday 2027-02-07 Spring Festival make-up')).toMatchObject({ now: { kind: 'workday', name: 'Spring Festival make-up' }, before: null });
    expect(await days()).toEqual([
      { day: '2026-12-25', kind: 'holiday', name: 'Christmas Day' },
      { day: '2027-02-07', kind: 'workday', name: 'Spring Festival make-up' },
    ]);

    // The same day again changes nothing and writes no audit row; a new name or kind replaces the row.
    expect(await must(org.admin, 'holiday add 2026-12-25 Christmas Day')).toMatchObject({ now: { name: 'Christmas Day' }, before: { name: 'Christmas Day' } });
    expect(await must(org.admin, 'holiday add 2026-12-25 Xmas')).toMatchObject({ now: { kind: 'holiday', name: 'Xmas' }, before: { name: 'Christmas Day' } });
    expect(await must(org.admin, 'holiday remove 2027-02-07')).toEqual({
      type: 'holiday_changed', day: '2027-02-07', now: null, before: { day: '2027-02-07', kind: 'workday', name: 'Spring Festival make-up' }, builtIn: null,
    });
    expect(await must(org.admin, 'holiday remove 2027-02-07')).toEqual({ type: 'holiday_changed', day: '2027-02-07', now: null, before: null, builtIn: null });
    expect(await days()).toEqual([{ day: '2026-12-25', kind: 'holiday', name: 'Xmas' }]);

    const set = await audits('workspace.holiday_set');
    expect(set.map((r) => ({ actor: r.actor_id, type: r.entity_type, entity: r.entity_id, before: r.before, after: r.after }))).toEqual([
      { actor: org.admin.memberId, type: 'workspace', entity: org.workspaceId, before: null, after: { day: '2026-12-25', kind: 'holiday', name: 'Christmas Day' } },
      { actor: org.admin.memberId, type: 'workspace', entity: org.workspaceId, before: null, after: { day: '2027-02-07', kind: 'workday', name: 'Spring Festival make-up' } },
      {
        actor: org.admin.memberId, type: 'workspace', entity: org.workspaceId,
        before: { day: '2026-12-25', kind: 'holiday', name: 'Christmas Day' }, after: { day: '2026-12-25', kind: 'holiday', name: 'Xmas' },
      },
    ]);
    expect(await audits('workspace.holiday_remove')).toMatchObject([
      { actor_id: org.admin.memberId, entity_id: org.workspaceId, before: { day: '2027-02-07', kind: 'workday' }, after: null },
    ]);
    // The other workspace has a calendar of its own.
    expect(await days(other.workspaceId)).toEqual([]);
    expect(await must(other.admin, 'holiday remove 2026-12-25')).toMatchObject({ before: null });
    expect(await days()).toHaveLength(1);
  });

  it('should take the commands in Chinese, with the date first or last', async () => {
    await must(org.admin, '放假 元旦 2027年1月1日');
    await must(org.admin, '调休 2027-02-07 春节调休');
    await must(org.admin, '假期 添加 2026/12/31');
    expect(await days()).toEqual([
      { day: '2026-12-31', kind: 'holiday', name: '' },
      { day: '2027-01-01', kind: 'holiday', name: '元旦' },
      { day: '2027-02-07', kind: 'workday', name: '春节调休' },
    ]);
    await must(org.admin, '假期 删除 2026-12-31');
    expect(await days()).toHaveLength(2);
    expect(await audits('workspace.holiday_set')).toHaveLength(3);
    expect(await audits('workspace.holiday_remove')).toHaveLength(1);
  });

  it('should refuse managers and members every change, changing nothing, but let anyone look', async () => {
    await must(org.admin, 'holiday add 2026-12-25 Christmas');
    for (const [actor, command] of [
      [org.alice, 'holiday add 2026-12-24 Christmas Eve'],
      [org.alice, 'holiday workday 2027-02-07'],
      [org.alice, 'holiday remove 2026-12-25'],
      [org.alice, 'holiday calendar cn'],
      [org.manager, 'holiday add 2026-12-24'],
      [org.manager, 'holiday remove 2026-12-25'],
      [org.manager, 'holiday calendar none'],
      [org.carol, '假期 删除 2026-12-25'],
      [org.bob, '假期 日历 中国'],
    ] as const) {
      expect({ command, error: await refused(actor, command) }).toEqual({ command, error: { code: 'admin_only' } });
    }
    // The role is read from the database, not from what the adapter knew when the session began.
    expect({ error: await refused({ ...org.alice, role: 'admin' }, 'holiday remove 2026-12-25') }).toEqual({ error: { code: 'admin_only' } });
    expect(await must(org.alice, 'holidays')).toMatchObject({ type: 'holidays', days: [{ day: '2026-12-25', name: 'Christmas' }] });
    expect(await audits('workspace.holiday_set')).toHaveLength(1);
  });

  it('should refuse a day that does not exist or a name too long even when the command skipped the grammar', async () => {
    expect(await refused(org.admin, { verb: 'holiday_add', day: '2026-02-30', kind: 'holiday' })).toEqual({ code: 'invalid_holiday', field: 'day' });
    expect(await refused(org.admin, { verb: 'holiday_add', day: 'tomorrow', kind: 'workday' })).toEqual({ code: 'invalid_holiday', field: 'day' });
    expect(await refused(org.admin, { verb: 'holiday_add', day: '2026-12-25', kind: 'holiday', name: '节'.repeat(201) })).toEqual({ code: 'invalid_holiday', field: 'name' });
    expect(await refused(org.admin, { verb: 'holiday_remove', day: '2026-13-01' })).toEqual({ code: 'invalid_holiday', field: 'day' });
    // 200 characters of Chinese fit.
    expect(await must(org.admin, `holiday add 2026-12-25 ${'节'.repeat(200)}`)).toMatchObject({ now: { name: '节'.repeat(200) } });
  });

  it('should list this year and next by default, or one year, with the calendar that applies', async () => {
    await must(org.admin, 'holiday add 2025-12-25 last year');
    await must(org.admin, 'holiday add 2026-12-25 Christmas');
    await must(org.admin, 'holiday workday 2027-02-07');
    await must(org.admin, 'holiday add 2028-01-03 too far');
    // A console workspace in English follows no official calendar unless an admin chooses one.
    expect(await must(org.bob, 'holidays')).toEqual({
      type: 'holidays',
      years: [2026, 2027],
      calendar: { calendar: 'none', chosen: false, builtInYears: [], missingYears: [] },
      days: [{ day: '2026-12-25', kind: 'holiday', name: 'Christmas' }, { day: '2027-02-07', kind: 'workday', name: '' }],
    });
    expect(await must(org.bob, '假期 2025年')).toMatchObject({ years: [2025], days: [{ day: '2025-12-25', name: 'last year' }] });
    expect(await must(org.bob, 'holidays 2030')).toMatchObject({ years: [2030], days: [] });
    expect(await refused(org.bob, { verb: 'holidays', year: 20261 })).toEqual({ code: 'invalid_holiday', field: 'day' });
  });

  it('should let an admin choose the official calendar, warn about years not built in, and audit it', async () => {
    expect(await settingsOf(org.workspaceId)).toEqual({});
    expect(await must(org.admin, 'holiday calendar cn')).toEqual({
      type: 'holiday_calendar_changed',
      calendar: { calendar: 'cn', chosen: true, builtInYears: [2025, 2026], missingYears: [2027] },
      changed: true,
    });
    expect(await settingsOf(org.workspaceId)).toEqual({ holidayCalendar: 'cn' });
    expect(await settingsOf(other.workspaceId)).toEqual({});
    expect(await must(org.admin, '假期 日历 中国')).toMatchObject({ changed: false });
    expect(await must(org.alice, 'holidays')).toMatchObject({ calendar: { calendar: 'cn', chosen: true, missingYears: [2027] } });
    const text = renderOutcome(await must(org.alice, 'holidays'), { locale: 'en', timeZone: 'Asia/Shanghai', now: new Date('2026-11-15T12:00:00Z') });
    expect(text).toContain('⚠️ China’s official calendar for 2027 isn’t built in yet');

    // With China's calendar, the reply says what the official calendar makes of the day.
    expect(await must(org.admin, 'holiday workday 2026-10-07')).toMatchObject({ now: { kind: 'workday' }, builtIn: 'holiday' });
    expect(await must(org.admin, 'holiday remove 2026-10-07')).toMatchObject({ before: { kind: 'workday' }, builtIn: 'holiday' });
    expect(await must(org.admin, 'holiday remove 2026-02-14')).toEqual({ type: 'holiday_changed', day: '2026-02-14', now: null, before: null, builtIn: 'workday' });

    expect(await must(org.admin, 'holiday calendar none')).toMatchObject({ calendar: { calendar: 'none', chosen: true, missingYears: [] }, changed: true });
    expect(await settingsOf(org.workspaceId)).toEqual({ holidayCalendar: 'none' });
    expect(await audits('workspace.holiday_calendar')).toMatchObject([
      { actor_id: org.admin.memberId, entity_type: 'workspace', entity_id: org.workspaceId, before: { holidayCalendar: null, effective: 'none' }, after: { holidayCalendar: 'cn' } },
      { before: { holidayCalendar: 'cn', effective: 'cn' }, after: { holidayCalendar: 'none' } },
    ]);
  });

  it('should keep the other settings of the workspace when choosing a calendar', async () => {
    await t.db.updateTable('workspace').set({ settings: JSON.stringify({ dailyReminderBudget: 5, lagScanHour: 8 }) }).where('id', '=', org.workspaceId).execute();
    await must(org.admin, 'holiday calendar cn');
    expect(await settingsOf(org.workspaceId)).toEqual({ dailyReminderBudget: 5, lagScanHour: 8, holidayCalendar: 'cn' });
  });

  it('should default to China’s calendar for WeCom and Chinese-speaking workspaces', async () => {
    const wecom = await upsertWorkspace(t.db, { platform: 'wecom', externalId: 'corp1', name: 'Corp' });
    const member = await t.db
      .insertInto('member')
      .values({ workspace_id: wecom.id, external_id: 'w:1', display_name: '张三', role: 'admin' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const actor: Actor = { workspaceId: wecom.id, memberId: member.id, role: 'admin', locale: 'zh-CN', timeZone: 'Asia/Shanghai' };
    expect(await must(actor, '假期')).toMatchObject({ calendar: { calendar: 'cn', chosen: false, builtInYears: [2025, 2026], missingYears: [2027] } });
    // Choosing the default explicitly is a change (it no longer follows the platform), audited once.
    expect(await must(actor, '假期 日历 cn')).toMatchObject({ changed: true, calendar: { chosen: true } });
    expect(await must(actor, '假期 日历 cn')).toMatchObject({ changed: false });
    expect(await audits('workspace.holiday_calendar')).toHaveLength(1);
  });

  it('should reach the scheduler: its next tick sees the workspace’s days and calendar', async () => {
    await must(org.admin, 'holiday add 2026-12-24 Christmas Eve');
    await must(org.admin, 'holiday workday 2026-12-27');
    let ws = (await loadTickContext(deps())).workspaces.get(org.workspaceId)!;
    expect(ws.calendar.holidays.has('2026-12-24')).toBe(true);
    expect(ws.calendar.workdays.has('2026-12-27')).toBe(true);
    expect(ws.calendar.holidays.has('2026-10-01')).toBe(false);
    await must(org.admin, 'holiday calendar cn');
    await must(org.admin, 'holiday remove 2026-12-24');
    ws = (await loadTickContext(deps())).workspaces.get(org.workspaceId)!;
    expect(ws.calendar.holidays.has('2026-10-01')).toBe(true);
    expect(ws.calendar.holidays.has('2026-12-24')).toBe(false);
    // The other workspace is untouched.
    expect((await loadTickContext(deps())).workspaces.get(other.workspaceId)!.calendar.holidays.size).toBe(0);
  });
});
