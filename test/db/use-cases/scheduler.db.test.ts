import type { Command } from '../../../src/domain/command/command';
import type { Actor } from '../../../src/domain/member';
import { insertAbsence } from '../../../src/db/absence.repository';
import { PermanentDeliveryError } from '../../../src/ports/chat-notifier';
import { deliverPending } from '../../../src/use-cases/delivery/deliver-pending';
import { runCommand } from '../../../src/use-cases/run-command';
import { runTick } from '../../../src/use-cases/scheduler/run-tick';
import { snoozeCheckInPrompt } from '../../../src/use-cases/snooze-check-in-prompt';
import { createOrg, type Org } from '../../support/factories';
import { recordingNotifier, type Delivered } from '../../support/recording-notifier';
import { openTestDb, type TestDb } from '../../support/test-db';

// Each test ticks through simulated days or weeks (a hundred ticks or more): slow on a busy
// machine, not a performance check.
jest.setTimeout(60_000);

// Asia/Shanghai is UTC+8: the team's Monday 10:00 check-in is 02:00Z.
let t: TestDb;
let org: Org;
let now: Date;
let notifier: ReturnType<typeof recordingNotifier>;
const clock = { now: () => new Date(now) };
const deps = () => ({ db: t.db, clock });

beforeAll(async () => {
  t = await openTestDb();
}, 60_000);
afterAll(() => t.close());
beforeEach(async () => {
  await t.reset();
  org = await createOrg(t.db);
  notifier = recordingNotifier();
  now = new Date('2026-11-20T00:00:00Z');
  await run(org.alice, { verb: 'new', title: 'Launch the beta' });
  await run(org.alice, { verb: 'kr_add', objective: { type: 'objective', number: 1 }, spec: { title: 'Sign 50 customers', kind: 'increase', start: 0, target: 50 } });
  await run(org.bob, { verb: 'new', title: 'Quality' });
  await run(org.bob, { verb: 'kr_add', objective: { type: 'objective', number: 2 }, spec: { title: 'Fix 10 bugs', kind: 'increase', start: 0, target: 10 } });
  await run(org.bob, { verb: 'update', keyResult: { type: 'key_result', number: 2 }, value: { mode: 'absolute', quantity: { value: 6 } } });
  // The seeding happened "before" the simulated week; its own notices are not under test.
  await runTick(deps());
  await deliverPending(deps(), () => notifier);
  notifier.delivered.length = 0;
});

async function run(actor: Actor, cmd: Command) {
  const result = await runCommand(deps(), actor, cmd);
  if (!result.ok) throw new Error(`${cmd.verb}: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Ticks every `stepMinutes` from now until `until`, delivering after each tick like the worker. */
async function advanceTo(until: string, stepMinutes = 60): Promise<(Delivered & { at: Date })[]> {
  const out: (Delivered & { at: Date })[] = [];
  const end = new Date(until).getTime();
  while (now.getTime() < end) {
    now = new Date(Math.min(now.getTime() + stepMinutes * 60_000, end));
    await runTick(deps());
    const before = notifier.delivered.length;
    await deliverPending(deps(), () => notifier);
    for (const d of notifier.delivered.slice(before)) out.push({ ...d, at: new Date(now) });
  }
  return out;
}

const of = <D extends Delivered>(list: readonly D[], type: string): D[] => list.filter((d) => d.notice.notice.type === type);
const to = (d: Delivered) => (d.notice.to.kind === 'member' ? d.notice.to.externalId : d.notice.to.channelRef);

describe('weekly check-in prompts', () => {
  it('should prompt each member with open KRs once, at the team time in their zone, listing their KRs', async () => {
    const sent = await advanceTo('2026-11-23T04:00:00Z');
    const prompts = of(sent, 'check_in_prompt');
    expect(prompts.map(to).sort()).toEqual(['acme:Alice', 'acme:Bob']);
    for (const p of prompts) expect(p.at.toISOString()).toBe('2026-11-23T02:00:00.000Z');
    const alice = prompts.find((p) => to(p) === 'acme:Alice')!.notice.notice;
    expect(alice.type === 'check_in_prompt' && alice.keyResults.map((k) => k.ref)).toEqual(['KR-1']);
    expect(alice.type === 'check_in_prompt' && alice.period).toBe('2026-W48');
    // More ticks in the same week change nothing.
    expect(of(await advanceTo('2026-11-29T23:00:00Z', 60), 'check_in_prompt')).toHaveLength(0);
    expect(of(await advanceTo('2026-11-30T03:00:00Z', 60), 'check_in_prompt')).toHaveLength(2);
  });

  it('should remind once in the prompt thread, and only those who have not checked in', async () => {
    await advanceTo('2026-11-23T03:00:00Z');
    const prompt = of(notifier.delivered, 'check_in_prompt').find((p) => to(p) === 'acme:Alice')!;
    await run(org.bob, { verb: 'update', keyResult: { type: 'key_result', number: 2 }, value: { mode: 'absolute', quantity: { value: 7 } } });
    const sent = await advanceTo('2026-11-23T12:00:00Z');
    const reminders = of(sent, 'check_in_reminder');
    expect(reminders.map(to)).toEqual(['acme:Alice']);
    expect(reminders[0]!.at.toISOString()).toBe('2026-11-23T06:00:00.000Z');
    expect(reminders[0]!.notice.inThread).toEqual(prompt.receipt);
  });

  it('should tell the manager after two workdays, and not when the member answered', async () => {
    await advanceTo('2026-11-23T03:00:00Z');
    await run(org.bob, { verb: 'update', keyResult: { type: 'key_result', number: 2 }, value: { mode: 'absolute', quantity: { value: 7 } } });
    const sent = await advanceTo('2026-11-26T00:00:00Z', 60);
    const escalations = of(sent, 'check_in_escalation');
    expect(escalations.map(to)).toEqual(['acme:Mia']);
    const n = escalations[0]!.notice.notice;
    expect(n.type === 'check_in_escalation' && n.memberName).toBe('Alice');
    expect(escalations[0]!.at.toISOString()).toBe('2026-11-25T02:00:00.000Z');
  });

  it('should hold the reminder of a snoozed prompt for a day', async () => {
    await advanceTo('2026-11-23T03:00:00Z');
    const prompt = of(notifier.delivered, 'check_in_prompt').find((p) => to(p) === 'acme:Alice')!.notice.notice;
    if (prompt.type !== 'check_in_prompt') throw new Error(prompt.type);
    const snoozed = await snoozeCheckInPrompt(deps(), org.alice, prompt.promptId);
    expect(snoozed.ok).toBe(true);
    // Bob may not snooze Alice's prompt.
    expect((await snoozeCheckInPrompt(deps(), org.bob, prompt.promptId)).ok).toBe(false);
    const sent = await advanceTo('2026-11-24T04:00:00Z');
    expect(of(sent, 'check_in_reminder').filter((d) => to(d) === 'acme:Alice').map((d) => d.at.toISOString())).toEqual(['2026-11-24T03:00:00.000Z']);
  });

  it('should skip members away on the day and move the prompt off a public holiday', async () => {
    await insertAbsence(t.db, { workspaceId: org.workspaceId, memberId: org.bob.memberId, startsOn: '2026-11-23', endsOn: '2026-11-24' });
    const sent = await advanceTo('2026-11-23T12:00:00Z');
    expect(of(sent, 'check_in_prompt').map(to)).toEqual(['acme:Alice']);
    // Back on Wednesday: this week's prompt still comes, once.
    expect(of(await advanceTo('2026-11-25T04:00:00Z', 60), 'check_in_prompt').map(to)).toEqual(['acme:Bob']);

    // China's calendar: Monday 2026-10-05 is National Day, so the prompt waits for Thursday the 8th.
    await t.db.updateTable('workspace').set({ settings: JSON.stringify({ holidayCalendar: 'cn' }) }).where('id', '=', org.workspaceId).execute();
    now = new Date('2026-10-05T00:00:00Z');
    await t.db.deleteFrom('check_in_prompt').where('period', '=', '2026-W41').execute();
    const october = of(await advanceTo('2026-10-09T00:00:00Z', 60), 'check_in_prompt');
    expect([...new Set(october.map((d) => d.at.toISOString()))]).toEqual(['2026-10-08T02:00:00.000Z']);
  });

  it('should record a permanent refusal once and not retry it', async () => {
    notifier.fail.set('acme:Alice', new PermanentDeliveryError('user_not_found'));
    await advanceTo('2026-11-23T03:00:00Z');
    const row = await t.db.selectFrom('outbox').selectAll().where('dedupe_key', '=', `prompt:${org.alice.memberId}:2026-W48`).executeTakeFirstOrThrow();
    expect(row.failed_at).not.toBeNull();
    expect(row.last_error).toBe('user_not_found');
    expect(row.attempts).toBe(1);
    // Its reminder is recorded as failed too, without another attempt.
    await advanceTo('2026-11-23T07:00:00Z');
    const reminder = await t.db.selectFrom('outbox').selectAll().where('kind', '=', 'check_in_reminder').where('parent_id', '=', row.id).executeTakeFirstOrThrow();
    expect([reminder.last_error, reminder.attempts]).toEqual(['parent_failed', 0]);
  });
});

describe('team digest', () => {
  it('should send one digest per week with who checked in, at-risk first, and each check-in as a reply in its thread', async () => {
    await advanceTo('2026-11-23T03:00:00Z');
    await run(org.bob, { verb: 'update', keyResult: { type: 'key_result', number: 2 }, value: { mode: 'absolute', quantity: { value: 8 } }, confidence: 'on_track' });
    const sent = await advanceTo('2026-11-24T03:00:00Z');
    const digests = of(sent, 'team_digest');
    expect(digests.map(to)).toEqual(['acme:Mia']);
    expect(digests[0]!.at.toISOString()).toBe('2026-11-24T02:00:00.000Z');
    const digest = digests[0]!.notice.notice;
    if (digest.type !== 'team_digest') throw new Error(digest.type);
    expect(digest.checkedIn).toEqual(['Bob']);
    expect(digest.missing).toEqual(['Alice']);
    expect(digest.atRisk[0]?.ref).toBe('KR-1');
    expect(digest.changes.map((c) => [c.keyResult.ref, c.previousProgress, c.keyResult.progress])).toEqual([['KR-2', 0.6, 0.8]]);
    const replies = of(sent, 'digest_check_in');
    expect(replies.length).toBeGreaterThan(0);
    for (const r of replies) expect(r.notice.inThread).toEqual(digests[0]!.receipt);

    // A check-in after the digest joins its thread right away, and there is no second digest.
    await run(org.alice, { verb: 'update', keyResult: { type: 'key_result', number: 1 }, value: { mode: 'absolute', quantity: { value: 20 } } });
    const later = await advanceTo('2026-11-27T00:00:00Z', 60);
    expect(of(later, 'team_digest')).toHaveLength(0);
    const aliceReply = of(later, 'digest_check_in').map((d) => d.notice.notice).find((n) => n.type === 'digest_check_in' && n.checkIn.authorName === 'Alice');
    expect(aliceReply?.type === 'digest_check_in' && aliceReply.checkIn.value).toBe(20);
  });
});

describe('lag alerts', () => {
  it('should alert the team once per KR per week, again only when it gets worse, and DM the owner', async () => {
    // The daily scan runs at 09:00 in the workspace zone (UTC here).
    now = new Date('2026-11-23T00:00:00Z');
    const first = await advanceTo('2026-11-23T10:00:00Z', 60);
    const alerts = of(first, 'lag_alert');
    expect(alerts.map(to)).toEqual(['acme:Mia']);
    const alert = alerts[0]!.notice.notice;
    expect(alert.type === 'lag_alert' && [alert.keyResult.ref, alert.worsened]).toEqual(['KR-1', false]);
    expect(alert.type === 'lag_alert' && alert.verdict.reasons[0]?.type).toBe('behind_pace');
    expect(of(first, 'lag_alert_owner').map(to)).toEqual(['acme:Alice']);
    // The next days' scans find the same verdict: nothing new this week.
    expect(of(await advanceTo('2026-11-25T10:00:00Z', 60), 'lag_alert')).toHaveLength(0);
    // Bob's KR falls behind after a bad check-in: an alert right after it, not at the next scan.
    await run(org.bob, { verb: 'update', keyResult: { type: 'key_result', number: 2 }, value: { mode: 'absolute', quantity: { value: 0 } }, confidence: 'off_track' });
    const after = await advanceTo('2026-11-25T10:15:00Z');
    expect(of(after, 'lag_alert').map((d) => d.notice.notice.type === 'lag_alert' && d.notice.notice.keyResult.ref)).toEqual(['KR-2']);
    // Next week, each lagging KR is alerted again.
    const nextWeek = of(await advanceTo('2026-11-30T10:00:00Z', 60), 'lag_alert').filter((d) => d.at >= new Date('2026-11-30T00:00:00Z'));
    expect(nextWeek.map((d) => d.notice.notice.type === 'lag_alert' && d.notice.notice.keyResult.ref).sort()).toEqual(['KR-1', 'KR-2']);
  });

  it('should keep within the daily reminder budget', async () => {
    await t.db.updateTable('workspace').set({ settings: JSON.stringify({ dailyReminderBudget: 1 }) }).where('id', '=', org.workspaceId).execute();
    // Alice's lag DM at 09:00 uses her one nag of the day (Shanghai day); her reminder is skipped.
    now = new Date('2026-11-22T08:00:00Z');
    await advanceTo('2026-11-23T09:30:00Z', 60);
    const nags = await t.db.selectFrom('outbox').select(['kind', 'created_at']).where('recipient_member_id', '=', org.alice.memberId).where('kind', 'in', ['check_in_reminder', 'lag_alert_owner']).execute();
    const byDay = new Map<string, number>();
    for (const n of nags) {
      const day = new Date(n.created_at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      byDay.set(day, (byDay.get(day) ?? 0) + 1);
    }
    expect(Math.max(...byDay.values())).toBe(1);
  });
});

describe('cadence', () => {
  it('should prompt a monthly review on the 25th and scoring in the cycle\'s last week, once each', async () => {
    const sent = await advanceTo('2026-11-26T00:00:00Z', 60);
    const reviews = of(sent, 'monthly_review');
    expect(reviews.map(to).sort()).toEqual(['acme:Alice', 'acme:Bob']);
    expect(reviews[0]!.at.toISOString()).toBe('2026-11-25T02:00:00.000Z');
    now = new Date('2026-12-24T00:00:00Z');
    const december = await advanceTo('2026-12-27T00:00:00Z', 120);
    const scoring = of(december, 'cycle_scoring');
    expect(scoring.map(to).sort()).toEqual(['acme:Alice', 'acme:Bob']);
    const n = scoring[0]!.notice.notice;
    expect(n.type === 'cycle_scoring' && n.cycleName).toBe('2026-Q4');
    expect(of(december, 'monthly_review')).toHaveLength(2);
  });
});
