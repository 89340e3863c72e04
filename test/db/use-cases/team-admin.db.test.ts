import { fixedClock } from '../../../src/ports/clock';
import type { Command } from '../../../src/domain/command/command';
import { parseChatText } from '../../../src/domain/command/parse-command';
import type { Actor } from '../../../src/domain/member';
import type { Outcome } from '../../../src/use-cases/outcome';
import { violates } from '../../../src/use-cases/org-access';
import { runCommand } from '../../../src/use-cases/run-command';
import { updateTeamSettings } from '../../../src/use-cases/team-settings';
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

/** Parses a chat line as the console or WeCom would, and runs it. */
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

/** Runs a command that must be refused, proving that nothing at all changed; returns the error. */
async function refused(actor: Actor, command: string | Command) {
  const before = { org: await orgState(t.db), goals: await goalState(t.db) };
  const r = typeof command === 'string' ? await say(actor, command) : await runCommand(deps(), actor, command);
  expect({ org: await orgState(t.db), goals: await goalState(t.db) }).toEqual(before);
  if (r.ok) throw new Error(`expected ${JSON.stringify(command)} to be refused, got ${JSON.stringify(r.value)}`);
  return r.error;
}

const team = (handle: string, workspaceId = org.workspaceId) =>
  t.db.selectFrom('team').selectAll().where('workspace_id', '=', workspaceId).where('handle', '=', handle).executeTakeFirstOrThrow();
const member = (actor: Actor) => t.db.selectFrom('member').selectAll().where('id', '=', actor.memberId).executeTakeFirstOrThrow();
const membersOf = async (handle: string) => {
  const { id } = await team(handle);
  const rows = await t.db.selectFrom('team_membership').select('member_id').where('team_id', '=', id).orderBy('member_id').execute();
  return rows.map((r) => r.member_id);
};
const audits = (action: string) => t.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();

describe('teams', () => {
  it('should let an admin create a team with a parent, a manager and a channel', async () => {
    const out = await must(org.admin, 'team new ops "Operations" --parent #eng --manager @Carol --channel <#C0123OPS|ops-okr>');
    expect(out).toMatchObject({
      type: 'team_created',
      team: { handle: 'ops', name: 'Operations', parentHandle: 'eng', managerName: 'Carol', channelRef: 'C0123OPS', members: 1, checkinWeekday: 1, checkinTime: '10:00', lagThreshold: 20, staleDays: 14 },
    });
    const ops = await team('ops');
    const eng = await team('eng');
    expect(ops).toMatchObject({ parent_id: eng.id, manager_id: org.carol.memberId, channel_ref: 'C0123OPS' });
    expect(await membersOf('ops')).toEqual([org.carol.memberId]);
    // Carol was a plain member; running a team makes her a manager by role.
    expect((await member(org.carol)).role).toBe('manager');
    expect(await audits('team.create')).toHaveLength(1);
    expect(await audits('member.role')).toMatchObject([{ entity_id: org.carol.memberId, actor_id: org.admin.memberId }]);
    // The other workspace is untouched, and may have its own #ops.
    expect(await t.db.selectFrom('team').select('handle').where('workspace_id', '=', other.workspaceId).execute()).toEqual([{ handle: 'eng' }]);
    expect(await must(other.admin, 'team new ops')).toMatchObject({ type: 'team_created', team: { handle: 'ops', name: 'ops', managerName: null, members: 0 } });
  });

  it('should refuse a taken handle in any case, and bad handles and names', async () => {
    await must(org.admin, 'team new ops');
    expect(await refused(org.admin, 'team new OPS "Ops again"')).toEqual({ code: 'team_exists', handle: 'OPS' });
    expect(await refused(org.admin, { verb: 'team_new', handle: 'two words', name: 'x' })).toEqual({ code: 'invalid_setting', field: 'handle' });
    expect(await refused(org.admin, { verb: 'team_new', handle: 'x'.repeat(81), name: 'x' })).toEqual({ code: 'invalid_setting', field: 'handle' });
    expect(await refused(org.admin, { verb: 'team_new', handle: 'ok', name: 'n'.repeat(201) })).toEqual({ code: 'invalid_setting', field: 'name' });
    expect(await refused(org.admin, 'team new qa --parent #nowhere')).toEqual({ code: 'unknown_team', name: 'nowhere' });
    expect(await refused(org.admin, 'team new qa --manager @nobody')).toEqual({ code: 'unknown_member', name: 'nobody' });
  });

  it('should let an admin set a team’s manager, who joins the team and becomes a manager', async () => {
    await must(org.admin, 'team new ops');
    const out = await must(org.admin, 'team manager #ops @Bob');
    expect(out).toMatchObject({ type: 'team_changed', team: { handle: 'ops', managerName: 'Bob', members: 1 }, fields: ['manager', 'role'] });
    expect((await team('ops')).manager_id).toBe(org.bob.memberId);
    expect(await membersOf('ops')).toEqual([org.bob.memberId]);
    expect((await member(org.bob)).role).toBe('manager');
    // An admin keeps their role when made a manager; the same manager again changes nothing.
    expect(await must(org.admin, 'team manager #ops @Admin')).toMatchObject({ fields: ['manager'] });
    expect((await member(org.admin)).role).toBe('admin');
    expect(await must(org.admin, 'team manager #ops @Admin')).toMatchObject({ fields: [] });
    expect(await audits('team.manager')).toHaveLength(2);
  });

  it('should refuse members everything, changing nothing', async () => {
    for (const [actor, command, error] of [
      [org.alice, 'team new x', { code: 'admin_only' }],
      [org.alice, 'team manager #eng @Alice', { code: 'admin_only' }],
      [org.alice, 'role @Alice admin', { code: 'admin_only' }],
      [org.manager, 'role @Alice manager', { code: 'admin_only' }],
      [org.manager, 'team new x', { code: 'admin_only' }],
      [org.alice, 'team add @Carol #eng', { code: 'forbidden', ref: '#eng', kind: 'team' }],
      [org.alice, 'team remove @Bob #eng', { code: 'forbidden', ref: '#eng', kind: 'team' }],
      [org.alice, 'team set #eng --threshold 30', { code: 'forbidden', ref: '#eng', kind: 'team' }],
      [org.alice, 'team set --threshold 30', { code: 'forbidden', ref: '#eng', kind: 'team' }],
      [org.alice, 'team settings', { code: 'forbidden', ref: '#eng', kind: 'team' }],
      [org.alice, 'manager @Bob @Alice', { code: 'forbidden', ref: '@Bob', kind: 'member' }],
      [org.alice, 'manager @Alice none', { code: 'forbidden', ref: '@Alice', kind: 'member' }],
      [org.carol, 'team settings', { code: 'no_team' }],
    ] as const) {
      expect({ command, error: await refused(actor, command) }).toEqual({ command, error });
    }
  });

  it('should let a team’s manager add and remove members and change its settings, but not another team’s', async () => {
    await must(org.admin, 'team new ops --manager @Carol');
    expect(await must(org.manager, 'team add @Carol #eng')).toMatchObject({ type: 'team_member_changed', memberName: 'Carol', action: 'add', changed: true, team: { members: 4 } });
    expect(await must(org.manager, 'team add @Carol #eng')).toMatchObject({ changed: false, team: { members: 4 } });
    expect(await must(org.manager, 'team remove @Bob #eng')).toMatchObject({ action: 'remove', changed: true, team: { members: 3 } });
    expect(await must(org.manager, 'team remove @Bob #eng')).toMatchObject({ changed: false });
    expect(await membersOf('eng')).toEqual([org.manager.memberId, org.alice.memberId, org.carol.memberId]);
    expect(await audits('team.member_add')).toHaveLength(1);
    expect(await audits('team.member_remove')).toMatchObject([{ before: { member_id: org.bob.memberId } }]);

    // Without a team, Mia's is the one she manages.
    expect(await must(org.manager, 'team set --weekday fri --time 16:30 --threshold 25 --stale 10 --channel #eng-okr')).toMatchObject({
      type: 'team_changed',
      fields: ['weekday', 'time', 'threshold', 'stale', 'channel'],
      team: { handle: 'eng', checkinWeekday: 5, checkinTime: '16:30', lagThreshold: 25, staleDays: 10, channelRef: 'eng-okr' },
    });
    expect(await team('eng')).toMatchObject({ checkin_weekday: 5, checkin_time: '16:30', lag_threshold: 25, stale_days: 10, channel_ref: 'eng-okr' });
    expect(await must(org.manager, 'team set #eng --threshold 25 --channel none')).toMatchObject({ fields: ['channel'], team: { channelRef: null } });
    expect(await must(org.manager, 'team set #eng --threshold 25')).toMatchObject({ fields: [] });
    expect(await audits('team.settings')).toMatchObject([
      { before: { checkinWeekday: 1, lagThreshold: 20 }, after: { checkinWeekday: 5, lagThreshold: 25 } },
      { before: { channelRef: 'eng-okr' }, after: { channelRef: null } },
    ]);
    expect(await must(org.manager, 'team settings')).toEqual({
      type: 'form', form: 'team_settings', openKeyResults: [],
      settings: {
        teamId: (await team('eng')).id, name: 'Engineering', handle: 'eng', checkinWeekday: 5, checkinTime: '16:30', channelRef: null, lagThreshold: 25, staleDays: 10,
        remindAfterHours: 4, escalateAfterWorkdays: 2, digestAfterHours: 24,
      },
    });

    // #ops is Carol's, not Mia's.
    expect(await refused(org.manager, 'team add @Alice #ops')).toEqual({ code: 'forbidden', ref: '#ops', kind: 'team' });
    expect(await refused(org.manager, 'team set #ops --threshold 50')).toEqual({ code: 'forbidden', ref: '#ops', kind: 'team' });
    expect(await refused(org.manager, 'team settings #ops')).toEqual({ code: 'forbidden', ref: '#ops', kind: 'team' });
    expect(await must(org.carol, 'team settings')).toMatchObject({ form: 'team_settings', settings: { handle: 'ops' } });
    // Admins may change any team.
    expect(await must(org.admin, 'team set #ops --threshold 50')).toMatchObject({ fields: ['threshold'] });
  });

  it('should validate settings and change nothing when one is wrong', async () => {
    for (const [command, field] of [
      ['team set #eng --weekday 0', 'weekday'],
      ['team set #eng --weekday 8', 'weekday'],
      ['team set #eng --time 24:00', 'time'],
      ['team set #eng --time 9:60', 'time'],
      ['team set #eng --threshold 0', 'threshold'],
      ['team set #eng --threshold 101', 'threshold'],
      ['team set #eng --threshold 25.5', 'threshold'],
      ['team set #eng --stale 0', 'stale'],
      ['team set #eng --stale 366', 'stale'],
      // One bad setting spoils the others: nothing is half-applied.
      ['team set #eng --threshold 30 --stale 999', 'stale'],
    ] as const) {
      expect({ command, error: await refused(org.manager, command) }).toEqual({ command, error: { code: 'invalid_setting', field } });
    }
    expect(await must(org.manager, 'team set #eng --weekday 7 --time 00:00 --threshold 100 --stale 365')).toMatchObject({ fields: ['weekday', 'time', 'threshold', 'stale'] });
    expect(await must(org.manager, 'team set #eng --weekday 1 --time 23:59 --threshold 1 --stale 1')).toMatchObject({ fields: ['weekday', 'time', 'threshold', 'stale'] });
  });

  it('should let a team’s manager set the escalation ladder, audited, in English and Chinese', async () => {
    expect(await must(org.manager, 'team set #eng --remind 6h --escalate 3 --digest 2d')).toMatchObject({
      type: 'team_changed',
      fields: ['remind', 'escalate', 'digest'],
      team: { handle: 'eng', remindAfterHours: 6, escalateAfterWorkdays: 3, digestAfterHours: 48 },
    });
    expect(await team('eng')).toMatchObject({ remind_after_hours: 6, escalate_after_workdays: 3, digest_after_hours: 48 });
    // Only what differs is written and audited; `never` is 0.
    expect(await must(org.manager, 'team set --escalate never --digest 48')).toMatchObject({ fields: ['escalate'], team: { escalateAfterWorkdays: 0 } });
    expect(await must(org.manager, '团队 设置 #eng --remind 72小时 --escalate 20个工作日 --digest 144小时')).toMatchObject({
      fields: ['remind', 'escalate', 'digest'], team: { remindAfterHours: 72, escalateAfterWorkdays: 20, digestAfterHours: 144 },
    });
    expect(await must(org.manager, 'team set #eng --remind 1 --digest 0')).toMatchObject({ fields: ['remind', 'digest'], team: { remindAfterHours: 1, digestAfterHours: 0 } });
    expect(await must(org.manager, 'team set #eng --remind 1')).toMatchObject({ fields: [] });
    const rows = await audits('team.settings');
    expect(rows.map((r) => ({ actor: r.actor_id, entity: r.entity_id, before: r.before, after: r.after }))).toEqual([
      { actor: org.manager.memberId, entity: org.teamId, before: { remindAfterHours: 4, escalateAfterWorkdays: 2, digestAfterHours: 24 }, after: { remindAfterHours: 6, escalateAfterWorkdays: 3, digestAfterHours: 48 } },
      { actor: org.manager.memberId, entity: org.teamId, before: { escalateAfterWorkdays: 3 }, after: { escalateAfterWorkdays: 0 } },
      { actor: org.manager.memberId, entity: org.teamId, before: { remindAfterHours: 6, escalateAfterWorkdays: 0, digestAfterHours: 48 }, after: { remindAfterHours: 72, escalateAfterWorkdays: 20, digestAfterHours: 144 } },
      { actor: org.manager.memberId, entity: org.teamId, before: { remindAfterHours: 72, digestAfterHours: 144 }, after: { remindAfterHours: 1, digestAfterHours: 0 } },
    ]);
    // Admins may change any team's ladder; the team settings show it.
    expect(await must(org.admin, 'team set #eng --escalate 2')).toMatchObject({ fields: ['escalate'] });
    expect(await must(org.manager, 'team settings')).toMatchObject({ settings: { remindAfterHours: 1, escalateAfterWorkdays: 2, digestAfterHours: 0 } });
    // The other workspace's #eng keeps the defaults.
    expect(await team('eng', other.workspaceId)).toMatchObject({ remind_after_hours: 4, escalate_after_workdays: 2, digest_after_hours: 24 });
  });

  it('should refuse the escalation ladder to members and out-of-range values, changing nothing', async () => {
    for (const [actor, command, error] of [
      [org.alice, 'team set #eng --remind 2', { code: 'forbidden', ref: '#eng', kind: 'team' }],
      [org.bob, 'team set --escalate never', { code: 'forbidden', ref: '#eng', kind: 'team' }],
      [org.carol, 'team set #eng --digest 12', { code: 'forbidden', ref: '#eng', kind: 'team' }],
      [org.alice, '团队 设置 #eng --remind 8小时', { code: 'forbidden', ref: '#eng', kind: 'team' }],
      [org.manager, 'team set #eng --remind 0', { code: 'invalid_setting', field: 'remind' }],
      [org.manager, 'team set #eng --remind 73', { code: 'invalid_setting', field: 'remind' }],
      [org.manager, 'team set #eng --remind 1.5', { code: 'invalid_setting', field: 'remind' }],
      [org.manager, 'team set #eng --remind 4d', { code: 'invalid_setting', field: 'remind' }],
      [org.manager, 'team set #eng --escalate 21', { code: 'invalid_setting', field: 'escalate' }],
      [org.manager, 'team set #eng --escalate 5w', { code: 'invalid_setting', field: 'escalate' }],
      [org.manager, 'team set #eng --digest 145', { code: 'invalid_setting', field: 'digest' }],
      [org.manager, 'team set #eng --digest 0.5', { code: 'invalid_setting', field: 'digest' }],
      // One bad rung spoils the rest: nothing is half-applied.
      [org.manager, 'team set #eng --remind 8 --threshold 30 --digest 999', { code: 'invalid_setting', field: 'digest' }],
      [org.admin, 'team set #eng --escalate 2 --remind 100', { code: 'invalid_setting', field: 'remind' }],
    ] as const) {
      expect({ command, error: await refused(actor, command) }).toEqual({ command, error });
    }
    expect(await audits('team.settings')).toEqual([]);
    expect(await team('eng')).toMatchObject({ remind_after_hours: 4, escalate_after_workdays: 2, digest_after_hours: 24, lag_threshold: 20 });
  });

  it('should save the Slack settings form through updateTeamSettings with the same rules', async () => {
    const eng = await team('eng');
    const form = { checkinWeekday: 3, checkinTime: '09:30', channelRef: 'C0123ENG', lagThreshold: 30 };
    const saved = await updateTeamSettings(deps(), org.manager, eng.id, form);
    expect(saved).toMatchObject({ ok: true, value: { type: 'team_changed', fields: ['weekday', 'time', 'threshold', 'channel'], team: { channelRef: 'C0123ENG', lagThreshold: 30 } } });
    expect(await team('eng')).toMatchObject({ checkin_weekday: 3, checkin_time: '09:30', channel_ref: 'C0123ENG', lag_threshold: 30, stale_days: 14 });

    const before = await orgState(t.db);
    expect(await updateTeamSettings(deps(), org.alice, eng.id, form)).toEqual({ ok: false, error: { code: 'forbidden', ref: '#eng', kind: 'team' } });
    expect(await updateTeamSettings(deps(), org.manager, eng.id, { ...form, checkinTime: '7:00' })).toEqual({ ok: false, error: { code: 'invalid_setting', field: 'time' } });
    expect(await updateTeamSettings(deps(), org.manager, eng.id, { ...form, lagThreshold: 0 })).toEqual({ ok: false, error: { code: 'invalid_setting', field: 'threshold' } });
    expect(await updateTeamSettings(deps(), org.manager, eng.id, { ...form, channelRef: 'a b' })).toEqual({ ok: false, error: { code: 'invalid_setting', field: 'channel' } });
    // Another workspace's team id is not found, even for its admin's counterpart here.
    const globexEng = await team('eng', other.workspaceId);
    expect(await updateTeamSettings(deps(), org.admin, globexEng.id, form)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await orgState(t.db)).toEqual(before);
    expect(await updateTeamSettings(deps(), org.admin, eng.id, { ...form, channelRef: null })).toMatchObject({ ok: true, value: { fields: ['channel'] } });
  });

  it('should save the escalation ladder from the Slack form, refusing out-of-range rungs and members', async () => {
    const eng = await team('eng');
    const form = { checkinWeekday: 1, checkinTime: '10:00', channelRef: null, lagThreshold: 20, remindAfterHours: 8, escalateAfterWorkdays: 0, digestAfterHours: 48 };
    const before = await orgState(t.db);
    expect(await updateTeamSettings(deps(), org.alice, eng.id, form)).toEqual({ ok: false, error: { code: 'forbidden', ref: '#eng', kind: 'team' } });
    expect(await updateTeamSettings(deps(), org.manager, eng.id, { ...form, remindAfterHours: 0 })).toEqual({ ok: false, error: { code: 'invalid_setting', field: 'remind' } });
    expect(await updateTeamSettings(deps(), org.manager, eng.id, { ...form, escalateAfterWorkdays: 21 })).toEqual({ ok: false, error: { code: 'invalid_setting', field: 'escalate' } });
    expect(await updateTeamSettings(deps(), org.manager, eng.id, { ...form, digestAfterHours: 145 })).toEqual({ ok: false, error: { code: 'invalid_setting', field: 'digest' } });
    expect(await orgState(t.db)).toEqual(before);

    expect(await updateTeamSettings(deps(), org.manager, eng.id, form)).toMatchObject({
      ok: true, value: { type: 'team_changed', fields: ['remind', 'escalate', 'digest'], team: { remindAfterHours: 8, escalateAfterWorkdays: 0, digestAfterHours: 48 } },
    });
    expect(await team('eng')).toMatchObject({ remind_after_hours: 8, escalate_after_workdays: 0, digest_after_hours: 48 });
    expect(await audits('team.settings')).toMatchObject([{ before: { remindAfterHours: 4, escalateAfterWorkdays: 2, digestAfterHours: 24 }, after: { remindAfterHours: 8, escalateAfterWorkdays: 0, digestAfterHours: 48 } }]);
    // A form without the ladder (opened before it existed) leaves it as it is.
    const { remindAfterHours: _r, escalateAfterWorkdays: _e, digestAfterHours: _d, ...old } = form;
    expect(await updateTeamSettings(deps(), org.manager, eng.id, { ...old, lagThreshold: 30 })).toMatchObject({ ok: true, value: { fields: ['threshold'] } });
    expect(await team('eng')).toMatchObject({ remind_after_hours: 8, escalate_after_workdays: 0, digest_after_hours: 48, lag_threshold: 30 });
  });
});

describe('roles', () => {
  it('should let an admin change roles, but never remove the last admin', async () => {
    expect(await must(org.admin, 'role @Alice manager')).toEqual({ type: 'member_changed', memberName: 'Alice', change: { field: 'role', role: 'manager' }, changed: true });
    expect(await must(org.admin, 'role @Alice manager')).toMatchObject({ changed: false });
    expect((await member(org.alice)).role).toBe('manager');
    expect(await refused(org.admin, 'role @Admin member')).toEqual({ code: 'last_admin' });
    expect(await refused(org.admin, 'role @Admin manager')).toEqual({ code: 'last_admin' });
    // With a second admin, the first may step down — and then can no longer make admins.
    await must(org.admin, 'role @Mia admin');
    expect(await must(org.admin, 'role @Admin member')).toMatchObject({ changed: true });
    expect(await refused(org.admin, 'role @Admin admin')).toEqual({ code: 'admin_only' });
    expect(await refused(org.manager, 'role @Mia member')).toEqual({ code: 'last_admin' });
    expect(await audits('member.role')).toHaveLength(3);
  });
});

describe('reporting lines', () => {
  it('should let an admin or the current manager change who someone reports to', async () => {
    expect(await must(org.manager, 'manager @Alice @Bob')).toEqual({ type: 'member_changed', memberName: 'Alice', change: { field: 'manager', managerName: 'Bob' }, changed: true });
    expect((await member(org.alice)).manager_id).toBe(org.bob.memberId);
    // Mia handed Alice over, so Alice is no longer hers to move.
    expect(await refused(org.manager, 'manager @Alice @Carol')).toEqual({ code: 'forbidden', ref: '@Alice', kind: 'member' });
    expect(await must(org.bob, 'manager @Alice none')).toMatchObject({ change: { field: 'manager', managerName: null }, changed: true });
    expect(await must(org.admin, 'manager @Alice none')).toMatchObject({ changed: false });
    expect(await must(org.admin, 'manager @Alice @Carol')).toMatchObject({ changed: true });
    expect(await audits('member.manager')).toHaveLength(3);
  });

  it('should refuse a reporting loop, however long', async () => {
    expect(await refused(org.admin, 'manager @Alice @Alice')).toEqual({ code: 'reporting_cycle', member: '@Alice', manager: '@Alice' });
    // Alice reports to Mia: Mia can't report to Alice.
    expect(await refused(org.admin, 'manager @Mia @Alice')).toEqual({ code: 'reporting_cycle', member: '@Mia', manager: '@Alice' });
    // Alice → Mia → Carol: Carol can't report to Alice either.
    await must(org.admin, 'manager @Mia @Carol');
    expect(await refused(org.admin, 'manager @Carol @Alice')).toEqual({ code: 'reporting_cycle', member: '@Carol', manager: '@Alice' });
    expect(await must(org.admin, 'manager @Carol @Admin')).toMatchObject({ changed: true });
  });

  it('should recognise the schema’s own refusal of a loop', async () => {
    // The use-case checks first; the trigger is the backstop for two racing changes.
    const error = await t.db
      .updateTable('member')
      .set({ manager_id: org.alice.memberId })
      .where('id', '=', org.manager.memberId)
      .execute()
      .then(() => null, (e: unknown) => e);
    expect(violates(error, 'member_no_cycle')).toBe(true);
  });
});

describe('in Chinese', () => {
  it('should run the organisation commands typed in Chinese', async () => {
    expect(await must(org.admin, '团队 新建 研发部 "研发部" --parent #eng --manager @Carol')).toMatchObject({ type: 'team_created', team: { handle: '研发部', managerName: 'Carol' } });
    expect(await must(org.carol, '团队 添加 @Alice 到 #研发部')).toMatchObject({ type: 'team_member_changed', changed: true });
    expect(await must(org.carol, '团队 设置 #研发部 --weekday 周五 --time 9点半 --threshold 30')).toMatchObject({
      fields: ['weekday', 'time', 'threshold'],
      team: { checkinWeekday: 5, checkinTime: '09:30', lagThreshold: 30 },
    });
    expect(await must(org.carol, '团队 配置')).toMatchObject({ type: 'form', form: 'team_settings', settings: { handle: '研发部' } });
    expect(await must(org.carol, '团队 移除 @Alice #研发部')).toMatchObject({ action: 'remove', changed: true });
    expect(await must(org.admin, '团队 负责人 #研发部 @Bob')).toMatchObject({ fields: ['manager', 'role'] });
    expect(await must(org.admin, '角色 @Alice 经理')).toMatchObject({ change: { role: 'manager' } });
    expect(await must(org.admin, '汇报 @Alice @Carol')).toMatchObject({ change: { managerName: 'Carol' } });
    expect(await refused(org.admin, '汇报 @Carol @Alice')).toMatchObject({ code: 'reporting_cycle' });
    expect(await refused(org.alice, '团队 新建 市场部')).toEqual({ code: 'admin_only' });
    expect(await refused(org.admin, '角色 @Admin 成员')).toEqual({ code: 'last_admin' });
    // The team summary still answers to 团队 #团队.
    expect(await must(org.carol, '团队 #研发部')).toMatchObject({ type: 'team', teamName: '研发部' });
  });
});
